"""Inconsistency check: one Chinese sentence, two English renderings (and the reverse).

Releases repeat themselves (a title in the header and the body, a stock closing line,
the same sentence in this month's and last month's release), and readers notice when the
English changes for no reason. The core works on any number of documents so that a batch
run can compare a whole archive; the single-document check is the one-document case.

Comparison is on normalised text: for Chinese, traditional characters folded to
simplified (an archive mixing mainland and Hong Kong or Taiwan releases holds the same
sentence in both scripts), full/half-width forms folded and whitespace and punctuation
ignored; for English, case, whitespace and punctuation ignored. Very short or non-body
lines (dates, numbers, page chrome) are left out: their "different renderings" are
formatting choices, not translation inconsistencies.

The aligner may merge a repeated sentence with its neighbour into one link. Such a
sentence is still compared with its earlier rendering: the merged link is consistent
as long as its English contains that rendering.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from aligner.checks.base import CheckContext, link_texts, places_of, whole
from aligner.checks.chrome import is_symbols_only, non_body_kind
from aligner.language.traditional import comparison_key
from aligner.lexicon.compiled import re_pattern
from aligner.model import Alignment, Finding, Severity, Span

NAME = "inconsistency"

# Below this many characters (after normalisation) a text is a date, number or label.
MIN_KEY_CHARS = 4
# Links that are not one-to-one only count when their Chinese is a real sentence.
MIN_KEY_CHARS_MERGED = 10
# The same English for two different Chinese is only suspicious for a full sentence;
# short stock phrases ("Thank you.") legitimately answer several Chinese wordings.
MIN_REVERSE_WORDS = 4

_PUNCTUATION_RUN = re_pattern(r"[\W_]+")


def zh_key(text: str) -> str:
    """Chinese as compared: in one script, width-folded, without whitespace or punctuation.

    Computed once per link, so the fold costs one table lookup per character of the
    document however many links are compared.
    """
    folded = comparison_key(unicodedata.normalize("NFKC", text))
    return _PUNCTUATION_RUN.sub("", folded.casefold())


def en_key(text: str) -> str:
    """English as compared: lower case, punctuation as word breaks, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION_RUN.sub(" ", folded).split())


@dataclass(frozen=True)
class _Occurrence:
    document: str
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh: str
    en: str
    zh_key: str
    en_key: str
    sentence: str = ""
    """For a sentence inside a merged link: its own text (the texts above are the link's)."""


def _is_comparable(zh: str, en: str, one_to_one: bool, zh_norm: str, en_norm: str) -> bool:
    minimum = MIN_KEY_CHARS if one_to_one else MIN_KEY_CHARS_MERGED
    if len(zh_norm) < minimum or len(en_norm.replace(" ", "")) < MIN_KEY_CHARS:
        return False
    if is_symbols_only(zh):
        return False
    return non_body_kind(zh) is None and non_body_kind(en) is None


def _occurrences(alignments: Sequence[tuple[str, Alignment]]) -> list[_Occurrence]:
    found: list[_Occurrence] = []
    for name, alignment in alignments:
        for link in alignment.links:
            if not link.zh or not link.en:
                continue
            zh, en = link_texts(alignment, link.zh, link.en)
            zh_norm, en_norm = zh_key(zh), en_key(en)
            one_to_one = len(link.zh) == 1 and len(link.en) == 1
            if _is_comparable(zh, en, one_to_one, zh_norm, en_norm):
                found.append(_Occurrence(name, link.zh, link.en, zh, en, zh_norm, en_norm))
    return found


def _merged_sentences(alignments: Sequence[tuple[str, Alignment]]) -> list[_Occurrence]:
    """Each real Chinese sentence of a link that merges several, keyed by that sentence.

    The texts stay those of the whole link, which is what a finding quotes.
    """
    found: list[_Occurrence] = []
    for name, alignment in alignments:
        for link in alignment.links:
            if len(link.zh) < 2 or not link.en:
                continue
            zh, en = link_texts(alignment, link.zh, link.en)
            en_norm = en_key(en)
            for i in link.zh:
                sentence = alignment.source.segments[i].text
                key = zh_key(sentence)
                if _is_comparable(sentence, en, False, key, en_norm):
                    found.append(
                        _Occurrence(name, link.zh, link.en, zh, en, key, en_norm, sentence)
                    )
    return found


def _where(other: _Occurrence, own: _Occurrence) -> str:
    """Where the other rendering is, in words that do not change when lines are added.

    Sentence numbers would make the message (and so nothing stable could quote it) change
    whenever the text above moves; the other rendering is quoted in full anyway.
    """
    return (
        "elsewhere in this document" if other.document == own.document else f"in {other.document}"
    )


def _here(own: _Occurrence, other: _Occurrence) -> str:
    return "here" if other.document == own.document else f"here in {own.document}"


def _finding(own: _Occurrence, message: str, key: str, zh_spans: tuple[Span, ...] = ()) -> Finding:
    """Keyed by the other rendering it disagrees with, which is what the finding is about."""
    return Finding(
        check=NAME,
        severity=Severity.WARNING,
        zh_ids=own.zh_ids,
        en_ids=own.en_ids,
        zh=own.zh,
        en=own.en,
        message=message,
        key=key,
        zh_spans=zh_spans or whole(own.zh),
        en_spans=whole(own.en),
    )


def _same_chinese(occurrences: list[_Occurrence]) -> Iterator[tuple[str, Finding]]:
    first_by_zh: dict[str, _Occurrence] = {}
    for own in occurrences:
        first = first_by_zh.setdefault(own.zh_key, own)
        if first is own or first.en_key == own.en_key:
            continue
        message = (
            f"The same Chinese sentence “{own.zh}” is translated differently: "
            f"{_here(own, first)} “{own.en}”, but “{first.en}” {_where(first, own)}. "
            "Use one rendering for both unless the context really differs."
        )
        yield own.document, _finding(own, message, f"rendered elsewhere as {first.en_key}")


def _contains(text_key: str, part_key: str) -> bool:
    return f" {part_key} " in f" {text_key} "


def _merged_repeats(
    occurrences: list[_Occurrence], merged: list[_Occurrence]
) -> Iterator[tuple[str, Finding]]:
    """A repeated sentence inside a merged link whose English lacks the first rendering."""
    first_by_zh: dict[str, _Occurrence] = {}
    for occurrence in occurrences:
        first_by_zh.setdefault(occurrence.zh_key, occurrence)
    for own in merged:
        first = first_by_zh.get(own.zh_key)
        if first is None or (first.document, first.zh_ids) == (own.document, own.zh_ids):
            continue
        if _contains(own.en_key, first.en_key):
            continue
        message = (
            f"The same Chinese sentence “{first.zh}” is translated differently: "
            f"{_here(own, first)} it shares a link whose English “{own.en}” does not "
            f"contain “{first.en}”, its rendering {_where(first, own)}. "
            "Use one rendering for both unless the context really differs."
        )
        key = f"{own.zh_key} rendered elsewhere as {first.en_key}"
        yield own.document, _finding(own, message, key, places_of(own.zh, own.sentence))


def _same_english(occurrences: list[_Occurrence]) -> Iterator[tuple[str, Finding]]:
    first_by_en: dict[str, _Occurrence] = {}
    for own in occurrences:
        if len(own.en_key.split()) < MIN_REVERSE_WORDS:
            continue
        first = first_by_en.setdefault(own.en_key, own)
        if first is own or first.zh_key == own.zh_key:
            continue
        message = (
            f"The same English “{own.en}” translates two different Chinese sentences: "
            f"{_here(own, first)} “{own.zh}”, and “{first.zh}” {_where(first, own)}. "
            "Check that each English sentence says what its own Chinese says."
        )
        yield own.document, _finding(own, message, f"also translates {first.zh_key}")


def located_inconsistencies(
    alignments: Sequence[tuple[str, Alignment]],
) -> list[tuple[str, Finding]]:
    """Inconsistencies paired with the name of the document whose link they concern.

    The first occurrence of a sentence (in the order given) is taken as the reference;
    every later occurrence that differs gets a finding naming the reference.
    """
    occurrences = _occurrences(alignments)
    located = [
        *_same_chinese(occurrences),
        *_merged_repeats(occurrences, _merged_sentences(alignments)),
        *_same_english(occurrences),
    ]
    order = {name: position for position, (name, _) in enumerate(alignments)}
    return sorted(located, key=lambda item: (order[item[0]], item[1].zh_ids, item[1].en_ids))


def inconsistencies(alignments: Sequence[tuple[str, Alignment]]) -> list[Finding]:
    """Inconsistent renderings within and across the named documents, in document order."""
    return [finding for _, finding in located_inconsistencies(alignments)]


def check_inconsistency(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    yield from inconsistencies([(alignment.target.path, alignment)])
