"""Interactive review in the browser: ``aligner review ZH EN``.

The reviewer sees the two texts side by side, one row per link with its confidence and
findings, corrects the alignment (merge, split, move, take out), accepts findings with a
note, and saves a review file (:mod:`aligner.formats.review`) that ``--alignment`` and
``--accepted`` take back, so that every later run honours the decisions.

:func:`prepare_review` does the work before the page opens (reading, aligning or reading a
saved alignment, checking); :class:`ReviewServer` then serves the page locally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import InputError
from aligner.model import Alignment, Finding
from aligner.pipeline import (
    AlignOptions,
    align_documents,
    align_given,
    check_outputs,
    load_acceptances,
    load_glossary_entries,
    load_pair,
    qa_report,
    read_alignment,
)
from aligner.review.server import ReviewServer
from aligner.review.session import Session

__all__ = [
    "ReviewOptions",
    "ReviewServer",
    "Session",
    "default_save_path",
    "open_in_browser",
    "prepare_review",
]


_DEFAULT_ALIGN = AlignOptions()


@dataclass(frozen=True)
class ReviewOptions:
    """What ``aligner review`` was given; ``save`` None means next to the English file."""

    zh: str
    en: str
    align: AlignOptions = _DEFAULT_ALIGN
    alignment: str | None = None
    accepted: tuple[str, ...] = ()
    save: str | None = None


_LANGUAGE_TAIL = re.compile(r"[._-](en|eng|english)$", re.IGNORECASE)


def default_save_path(en_path: str) -> str:
    """``release.en.docx`` → ``release.review.json``, in the English file's folder."""
    if en_path == "-":
        raise InputError("-", "standard input has no folder to save the review in; give --save")
    path = Path(en_path)
    stem = _LANGUAGE_TAIL.sub("", path.stem) or path.stem
    return str(path.with_name(f"{stem}.review.json"))


def prepare_review(options: ReviewOptions) -> Session:
    """Read, align (or take the saved alignment), check: the session the page starts from.

    Every file problem surfaces here as an InputError, before the server starts; the save
    path is checked against every input, so a review is never saved over one. A review
    file given as the alignment resumes its accepted findings too; ``accepted`` files add
    to them (the last note given for a finding wins).
    """
    save = options.save or default_save_path(options.en)
    inputs = (
        options.zh,
        options.en,
        *options.align.glossaries,
        options.alignment,
        *options.accepted,
    )
    check_outputs([save], inputs)
    source, target = load_pair(options.zh, options.en, split_lines=options.align.split_lines)
    glossary = load_glossary_entries(options.align)
    accepted: dict[str, str] = {}
    if options.alignment is not None:
        given = read_alignment(options.alignment, source, target)
        alignment = align_given(source, target, given, options.align, glossary)
        accepted.update((item.id, item.note) for item in given.accepted)
    else:
        alignment = align_documents(source, target, options.align, glossary)
    accepted.update(load_acceptances(options.accepted))

    def checker(part: Alignment) -> tuple[Finding, ...]:
        return qa_report(part, glossary).findings

    return Session(source, target, alignment.links, accepted, checker, save)


def open_in_browser(url: str) -> bool:
    """Ask the system for a browser to open the page; False when there is none."""
    import webbrowser

    try:
        return webbrowser.open(url, new=2)
    except webbrowser.Error:
        return False
