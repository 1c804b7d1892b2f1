"""Hand-built documents and alignments for the check, writer and reader tests.

The tests state their cases as sentences and links rather than files, so that each one shows
exactly which Chinese stands against which English; these builders turn that notation into
the model objects the product works on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from aligner.files import write_bytes_atomic
from aligner.formats.registry import render
from aligner.formats.settings import OutputSettings
from aligner.model import Alignment, Document, Link, Report, Segment

Side = str | Sequence[str]
"""One side of a link: a sentence, several sentences, or "" / () for none."""


def make_document(path: str, lang: str, sentences: Sequence[str]) -> Document:
    """Each sentence its own paragraph, as in a release split one sentence per line."""
    return Document(path, lang, tuple(Segment(i, text, i) for i, text in enumerate(sentences)))


def aligned(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    links: tuple[Link, ...],
    stem: str = "release",
) -> Alignment:
    """For cases whose links do not follow sentence order, so they are spelled out."""
    return Alignment(
        make_document(f"{stem}.zh.txt", "zh", zh_sentences),
        make_document(f"{stem}.en.txt", "en", en_sentences),
        links,
    )


def empty_alignment(stem: str = "a") -> Alignment:
    """A release with no text at all, which every writer must still render."""
    return aligned((), (), (), stem=stem)


def build(
    *pairs: tuple[Side, Side], name: str = "release", one_paragraph: bool = False
) -> Alignment:
    """One link per pair, in order, with confidence 1.0; "" leaves that side of the link empty.

    Each link is its own paragraph unless ``one_paragraph``, because the checks that look at
    neighbours (punctuation, omission) behave differently inside and across paragraphs.
    """
    zh_segments: list[Segment] = []
    en_segments: list[Segment] = []
    links: list[Link] = []
    for index, (zh, en) in enumerate(pairs):
        paragraph = 0 if one_paragraph else index
        zh_ids = _append(zh_segments, zh, paragraph)
        en_ids = _append(en_segments, en, paragraph)
        links.append(Link(zh_ids, en_ids, 1.0))
    return Alignment(
        Document(f"{name}.zh.txt", "zh", tuple(zh_segments)),
        Document(f"{name}.en.txt", "en", tuple(en_segments)),
        tuple(links),
    )


def _append(segments: list[Segment], side: Side, paragraph: int) -> tuple[int, ...]:
    """Numbers the new sentences after those already on this side and returns their ids."""
    texts = [side] if isinstance(side, str) else list(side)
    start = len(segments)
    segments.extend(
        Segment(start + k, text, paragraph) for k, text in enumerate(t for t in texts if t)
    )
    return tuple(range(start, len(segments)))


# --- writing one format, whatever the file is called ----------------------------------------


def _write(report: Report, path: str, name: str, settings: OutputSettings) -> None:
    write_bytes_atomic(path, render(report, name, settings))


def write_xliff12(report: Report, path: str) -> None:
    _write(report, path, "xliff", OutputSettings(xliff_version="1.2"))


def write_xliff21(report: Report, path: str) -> None:
    _write(report, path, "xliff", OutputSettings(xliff_version="2.1"))


def write_tmx(report: Report, path: str) -> None:
    _write(report, path, "tmx", OutputSettings())


def write_html(report: Report, path: str) -> None:
    _write(report, path, "html", OutputSettings())


def write_tsv(report: Report, path: str) -> None:
    _write(report, path, "tsv", OutputSettings())


def write_csv(report: Report, path: str) -> None:
    _write(report, path, "csv", OutputSettings())


def write_docx(
    report: Report, path: str, layout: Literal["table", "interleaved"] = "table"
) -> None:
    _write(report, path, "docx", OutputSettings(layout=layout))
