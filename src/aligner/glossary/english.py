"""English matching that ignores case and inflection but not word boundaries.

Text and glossary phrase are cut into words, each word is folded to a key (lower case,
singular, one spelling of -ise/-ize, -our/-or, -tre/-ter), and a phrase matches where its
keys appear in a row. Between two matched words the text may have spaces, hyphens or
quotation marks where the phrase has a space or hyphen ("opening-up" = "opening up",
"Smart Customs" = "“Smart Customs”"), but no other punctuation the phrase lacks.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from aligner.lexicon.compiled import re_pattern

# A word is a run of letters (with inner apostrophes: China's) or a run of digits, so
# that "RMB43.85" yields the word "RMB".
_WORD = re_pattern(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+")
_GAP_NEUTRAL = frozenset("-‐‑‒–\"'“”‘’„«»")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
_BRITISH = (
    (re_pattern(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re_pattern(r"(?<=...)our$"), "or"),
    (re_pattern(r"(?<=..)tre$"), "ter"),
    (re_pattern(r"mme$"), "m"),
)


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    surface: str
    key: str


@dataclass(frozen=True)
class EnMatch:
    """Where a phrase occurs; ``case_differs`` when the text lowers a capital of the phrase."""

    start: int
    end: int
    case_differs: bool = False


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """The key two inflections or spellings of one word share.

    Keys are not words: "enterprise" and "enterprises" both become "enterpriz". Only
    equality of keys matters, so an over-eager fold costs nothing but a rare extra match.
    """
    key = word.lower().translate(_APOSTROPHES)
    if key.endswith("'s"):
        key = key[:-2]
    for pattern, replacement in _BRITISH:
        key = pattern.sub(replacement, key)
    key = _singular(key)
    if len(key) > 3 and key.endswith("e"):
        key = key[:-1]
    return key


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[Word, ...]:
    return tuple(
        Word(m.start(), m.end(), m.group(), fold_word(m.group())) for m in _WORD.finditer(text)
    )


def _gap_signature(gap: str) -> str:
    """What a gap between two words says beyond spacing, hyphens and quotation marks."""
    return "".join(ch for ch in gap if not ch.isspace() and ch not in _GAP_NEUTRAL)


@dataclass(frozen=True)
class _Phrase:
    words: tuple[Word, ...]
    gaps: tuple[str, ...]


@lru_cache(maxsize=16384)
def _phrase(phrase: str) -> _Phrase:
    found = words(phrase)
    if len(found) > 1 and found[0].surface.lower() in _LEADING_ARTICLES:
        # "the EU" must also match "EU member states".
        found = found[1:]
    gaps = tuple(
        _gap_signature(phrase[left.end : right.start]) for left, right in itertools.pairwise(found)
    )
    return _Phrase(found, gaps)


def _lowers_a_capital(phrase_word: str, text_word: str) -> bool:
    return any(p.isupper() and t.islower() for p, t in zip(phrase_word, text_word, strict=False))


@dataclass(frozen=True, eq=False)
class _IndexedText:
    words: tuple[Word, ...]
    positions: dict[str, tuple[int, ...]]


@lru_cache(maxsize=4096)
def _indexed(text: str) -> _IndexedText:
    """The words of ``text`` and where each key occurs, so a phrase is looked up, not scanned."""
    found = words(text)
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(found):
        positions.setdefault(word.key, []).append(index)
    return _IndexedText(found, {key: tuple(at) for key, at in positions.items()})


def find_en(text: str, phrase: str) -> list[EnMatch]:
    """Every non-overlapping occurrence of ``phrase`` in ``text``, left to right."""
    wanted = _phrase(phrase)
    size = len(wanted.words)
    if not size:
        return []
    indexed = _indexed(text)
    found = indexed.words
    matches: list[EnMatch] = []
    next_free = 0
    for index in indexed.positions.get(wanted.words[0].key, ()):
        if index < next_free or index + size > len(found):
            continue
        window = found[index : index + size]
        if all(w.key == p.key for w, p in zip(window, wanted.words, strict=True)) and all(
            _gap_signature(text[left.end : right.start]) == gap
            for left, right, gap in zip(window, window[1:], wanted.gaps, strict=False)
        ):
            case_differs = any(
                _lowers_a_capital(p.surface, t.surface)
                for p, t in zip(wanted.words, window, strict=True)
            )
            matches.append(EnMatch(window[0].start, window[-1].end, case_differs))
            next_free = index + size
    return matches
