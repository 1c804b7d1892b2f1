"""Addition check: English text with no Chinese counterpart.

English pages carry far more one-sided material than real additions: navigation, a
publication date, a "Chinese version shall prevail" note, a contact footer, the title
repeated in the page header. Those are reported as info. What remains in the body of the
release is a warning: either the translator added something the Chinese does not say, or
the Chinese it translates was aligned elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from aligner.checks.base import CheckContext, link_finding, link_texts, whole
from aligner.checks.chrome import is_page_chrome, non_body_kind
from aligner.checks.omission import (
    Neighbours,
    bilingual_segment_texts,
    furniture_only,
    harmless_reason,
    location_hint,
)
from aligner.lexicon.compiled import re_pattern
from aligner.model import Alignment, Finding, Severity

NAME = "addition"

# A short line without closing punctuation reads as a title, name or footer, not a sentence.
_HEADING_MAX_WORDS = 12
_SENTENCE_END = re_pattern(r"[.!?;:。！？][\"'”’)\]]*$")


def _is_heading_like(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(stripped)


def _body_span(alignment: Alignment) -> tuple[int, int] | None:
    """Indices of the first and last links that pair Chinese with real English text.

    A Chinese sentence paired with the address footer does not make the footer body text.
    """
    bilingual = [
        i
        for i, link in enumerate(alignment.links)
        if link.zh and link.en and not furniture_only(alignment.target, link.en)
    ]
    return (bilingual[0], bilingual[-1]) if bilingual else None


def furniture_links(alignment: Alignment) -> frozenset[int]:
    """Indices of the links that are page furniture, not part of the release.

    What a clean handout leaves out, decided by the same recognisers as this check's info
    findings: a one-sided link whose every line is page chrome, a date stamp or boilerplate
    (a footer, an address, the "Chinese version prevails" note); an English-only heading-like
    line outside the body of the release (the page header repeating the title); and a link
    whose every line on both sides is navigation. An English sentence of the release is never
    furniture, and neither is a Chinese line that is not chrome: the Chinese prevails.
    """
    body = _body_span(alignment)
    found: set[int] = set()
    for index, link in enumerate(alignment.links):
        zh = [alignment.source.segments[i].text for i in link.zh]
        en = [alignment.target.segments[i].text for i in link.en]
        if zh and en:
            furniture = all(is_page_chrome(text) for text in zh + en)
        elif all(non_body_kind(text) is not None for text in zh + en):
            furniture = True
        else:
            outside_body = body is not None and not body[0] <= index <= body[1]
            furniture = bool(en) and outside_body and all(_is_heading_like(text) for text in en)
        if furniture:
            found.add(index)
    return frozenset(found)


def check_addition(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    linked = bilingual_segment_texts(alignment, "en")
    body = _body_span(alignment)
    neighbours = Neighbours(alignment, "zh")
    for index, link in enumerate(alignment.links):
        if not link.en or link.zh:
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        reason = harmless_reason(alignment.target, link.en, linked)
        outside_body = body is not None and not body[0] <= index <= body[1]
        if reason is None and outside_body and _is_heading_like(en):
            reason = "a header or footer line outside the body of the release"
        if reason is not None:
            severity = Severity.INFO
            message = (
                f"English line has no Chinese counterpart, but it is {reason}, "
                "so it is not a translation problem."
            )
        else:
            severity = Severity.WARNING
            message = (
                f"English text has no Chinese counterpart: “{en}” does not translate any "
                f"Chinese sentence (it sits {location_hint(alignment, index, 'zh', neighbours)}). "
                "Remove it if the translator added it, or check the alignment if the "
                "Chinese it translates was matched elsewhere."
            )
        key = "needs no Chinese" if reason is not None else "no Chinese"
        yield link_finding(NAME, link, zh, en, severity, message, key=key, en_spans=whole(en))
