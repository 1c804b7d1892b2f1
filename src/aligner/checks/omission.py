"""Omission check: Chinese sentences that the English does not translate at all.

The Chinese is authoritative, so a Chinese sentence left without English is the most
serious finding a release can have. Lines with nothing to translate (numbering, page
chrome, a date stamp) and a second copy of a sentence translated elsewhere are reported
as info only, so that the errors that remain are worth reading. A Chinese sentence that
the aligner could only pair with English page furniture (an address footer, a date) is
as untranslated as one left alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from aligner.checks.base import CheckContext, link_finding, link_texts, whole
from aligner.checks.chrome import is_symbols_only, non_body_kind
from aligner.lexicon.compiled import re_pattern
from aligner.model import Alignment, Document, Finding, Severity

NAME = "omission"

_QUOTE_LIMIT = 60
_PUNCTUATION_OR_SPACE = re_pattern(r"[\W_]+")


def comparable_text(text: str) -> str:
    """Text reduced to its letters and digits, for spotting a repeated line."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _PUNCTUATION_OR_SPACE.sub("", folded)


def furniture_only(document: Document, ids: tuple[int, ...]) -> bool:
    """Whether every line is page furniture (a footer, a date, a navigation link).

    An orphan Chinese sentence at the end of a release is sometimes paired with the
    English page's address or copyright line; such a link translates nothing.
    """
    return bool(ids) and all(non_body_kind(document.segments[i].text) for i in ids)


def bilingual_segment_texts(alignment: Alignment, side: str) -> frozenset[str]:
    """Comparable texts of the segments on one side that do have a counterpart.

    A counterpart made only of page furniture does not count: it translates nothing.
    """
    document = alignment.source if side == "zh" else alignment.target
    other = alignment.target if side == "zh" else alignment.source
    texts: set[str] = set()
    for link in alignment.links:
        ids, other_ids = (link.zh, link.en) if side == "zh" else (link.en, link.zh)
        if ids and other_ids and not furniture_only(other, other_ids):
            texts.update(comparable_text(document.segments[i].text) for i in ids)
    texts.discard("")
    return frozenset(texts)


def clip(text: str, keep_end: bool = False) -> str:
    """A short quotation of a neighbouring sentence, enough to find the spot."""
    text = " ".join(text.split())
    if len(text) <= _QUOTE_LIMIT:
        return text
    return "…" + text[-_QUOTE_LIMIT:] if keep_end else text[:_QUOTE_LIMIT] + "…"


class Neighbours:
    """For every link, the nearest link before and after it with text on one side.

    Worked out in one pass each way, so that quoting the neighbours of every one-sided link
    costs the document's length once, even where hundreds of one-sided links follow each
    other (an untranslated appendix).
    """

    def __init__(self, alignment: Alignment, side: str) -> None:
        self._document = alignment.source if side == "zh" else alignment.target
        self._ids = [link.zh if side == "zh" else link.en for link in alignment.links]
        self._before: list[int | None] = []
        last: int | None = None
        for index, ids in enumerate(self._ids):
            self._before.append(last)
            if ids:
                last = index
        self._after: list[int | None] = [None] * len(self._ids)
        last = None
        for index in range(len(self._ids) - 1, -1, -1):
            self._after[index] = last
            if self._ids[index]:
                last = index

    def text(self, link_index: int, step: int) -> str | None:
        """The nearest text before (step -1) or after (step +1) a link."""
        found = self._before[link_index] if step < 0 else self._after[link_index]
        return None if found is None else self._document.texts(self._ids[found])


def neighbour_text(alignment: Alignment, link_index: int, side: str, step: int) -> str | None:
    """The nearest text on ``side`` before (step -1) or after (step +1) a link."""
    return Neighbours(alignment, side).text(link_index, step)


def location_hint(
    alignment: Alignment, link_index: int, side: str, neighbours: Neighbours | None = None
) -> str:
    """Where in the other document the missing text belongs, quoted from its neighbours.

    A check that asks for many links passes ``neighbours`` (for ``side``), made once.
    """
    found = neighbours if neighbours is not None else Neighbours(alignment, side)
    before = found.text(link_index, -1)
    after = found.text(link_index, +1)
    language = "English" if side == "en" else "Chinese"
    if before is not None and after is not None:
        return f"between {language} “{clip(before, keep_end=True)}” and “{clip(after)}”"
    if before is not None:
        return f"after {language} “{clip(before, keep_end=True)}” at the end"
    if after is not None:
        return f"before {language} “{clip(after)}” at the start"
    return f"in the {language}, which has no text at all"


def harmless_reason(document: Document, ids: tuple[int, ...], linked: frozenset[str]) -> str | None:
    """Why an unmatched line needs no counterpart, or None if it is real content."""
    texts = [document.segments[i].text for i in ids]
    reasons: list[str] = []
    for text in texts:
        kind = non_body_kind(text)
        if kind is not None:
            reasons.append(kind)
            continue
        if is_symbols_only(text):
            reasons.append("only digits or punctuation")
            continue
        if comparable_text(text) in linked:
            reasons.append("a repeat of a line that is translated elsewhere")
            continue
        return None
    return "; ".join(dict.fromkeys(reasons)) if reasons else None


def check_omission(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    linked = bilingual_segment_texts(alignment, "zh")
    neighbours = Neighbours(alignment, "en")
    for index, link in enumerate(alignment.links):
        if not link.zh or (link.en and not furniture_only(alignment.target, link.en)):
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        reason = harmless_reason(alignment.source, link.zh, linked)
        if link.en and reason is not None:
            continue
        if reason is not None:
            severity = Severity.INFO
            message = (
                f"Chinese line has no English, but it is {reason}: "
                "no translation is needed unless the English page should show it too."
            )
        else:
            severity = Severity.ERROR
            paired = f" (it is paired only with the page line “{clip(en)}”)" if en else ""
            message = (
                f"Chinese sentence has no English translation{paired}: “{zh}” needs "
                f"translating; it belongs {location_hint(alignment, index, 'en', neighbours)}."
            )
        # Keyed by what is wrong, not where: the link's text already says which sentence.
        key = "needs no English" if reason is not None else "no English"
        yield link_finding(NAME, link, zh, en, severity, message, key=key, zh_spans=whole(zh))
