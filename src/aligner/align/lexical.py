"""Lexical similarity: dictionary translations, shared figures, names and acronyms.

A Chinese sentence becomes a list of *units*, each the set of English keys that would
show the unit was translated (the gloss stems of a word, the normalised value of a
figure, the lowercased form of a Latin acronym). An English sentence becomes a set of
keys (content-word stems and figures). Similarity counts covered units on the Chinese
side and covered keys on the English side, so a long sentence merged into a short one
is visibly under-covered.

Per-pair coverage is computed once and summed for multi-sentence spans, which keeps the
cost of scoring a 2:2 candidate at a few additions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from aligner.glossary.model import GlossaryEntry
from aligner.language.numbers import anchor_keys
from aligner.lexicon.cedict import Lexicon, load_lexicon
from aligner.lexicon.chinese import FUNCTION_WORDS, HAN_RUN, longest_matches
from aligner.lexicon.english import STOPWORDS, content_stems, stem, words
from aligner.model import Document

_LATIN_IN_ZH = regex.compile(r"[A-Za-z][A-Za-z0-9\-]*")
_MAX_NAME_SYLLABLES = 3


@dataclass(frozen=True)
class ZhSentence:
    """What the Chinese sentence offers as evidence.

    ``units`` count towards coverage; ``names`` (pinyin spellings of 2–3 character runs)
    only add matching opportunities, since most character runs are not names.
    """

    units: tuple[frozenset[str], ...]
    weights: tuple[float, ...]
    names: frozenset[str]
    offered: frozenset[str]


@dataclass(frozen=True)
class EnSentence:
    keys: frozenset[str]
    weights: dict[str, float]


def _glossary_table(glossary: Sequence[GlossaryEntry]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for entry in glossary:
        for english in (entry.en, *entry.variants):
            table.setdefault(entry.zh, set()).update(content_stems(english))
    return {k: frozenset(v) for k, v in table.items() if v}


class Featurizer:
    """Turns sentences into evidence using one lexicon (plus glossary terms)."""

    def __init__(self, lexicon: Lexicon, glossary: Sequence[GlossaryEntry] = ()) -> None:
        self._lexicon = lexicon
        self._glossary = _glossary_table(glossary)
        self._max_len = max([lexicon.max_word_length, *(len(k) for k in self._glossary)])

    def _known(self, word: str) -> bool:
        return word in self._glossary or word in self._lexicon.translations

    @lru_cache(maxsize=200_000)  # noqa: B019 - one featurizer per run; words repeat a lot
    def _word_keys(self, word: str) -> frozenset[str]:
        if word in FUNCTION_WORDS:
            return frozenset()
        return self._glossary.get(word) or frozenset(self._lexicon.stems(word))

    def chinese(self, text: str) -> ZhSentence:
        units: dict[str, frozenset[str]] = {}
        names: set[str] = set()
        for run in HAN_RUN.finditer(text):
            chars = run.group(0)
            for word in longest_matches(chars, self._known, self._max_len):
                keys = self._word_keys(word)
                if keys:
                    units.setdefault(word, keys)
            names.update(self._pinyin_spellings(chars))
        for token in _LATIN_IN_ZH.findall(text):
            key = stem(token.lower())
            units.setdefault(key, frozenset({key}))
        for key in anchor_keys(text, "zh"):
            units.setdefault(key, frozenset({key}))
        unit_sets = tuple(units.values())
        offered = frozenset().union(*unit_sets, names) if unit_sets or names else frozenset()
        return ZhSentence(unit_sets, tuple(1.0 for _ in unit_sets), frozenset(names), offered)

    def _pinyin_spellings(self, chars: str) -> Iterable[str]:
        readings = [self._lexicon.readings(c)[:2] for c in chars]
        for start in range(len(chars)):
            spellings = [""]
            for offset in range(_MAX_NAME_SYLLABLES):
                pos = start + offset
                if pos >= len(chars) or not readings[pos]:
                    break
                spellings = [s + r for s in spellings for r in readings[pos]]
                if offset >= 1:
                    yield from spellings

    def english(self, text: str) -> EnSentence:
        keys = set(content_stems(text))
        for token in words(text):
            if token[:1].isupper() and token.lower() not in STOPWORDS:
                keys.add(stem(token.lower()))
        keys.update(anchor_keys(text, "en"))
        return EnSentence(frozenset(keys), {})


@dataclass(frozen=True)
class _PairStats:
    zh_hits: float
    en_hits: float


class LexicalSpanScorer:
    """Span similarity from cached sentence-pair coverage counts."""

    def __init__(self, zh: Sequence[ZhSentence], en: Sequence[EnSentence]) -> None:
        self._zh = zh
        self._en = en
        self._zh_size = [len(s.units) for s in zh]
        self._en_size = [len(s.keys) for s in en]
        self._cache: dict[tuple[int, int], tuple[int, int]] = {}

    def _pair(self, i: int, j: int) -> tuple[int, int]:
        cached = self._cache.get((i, j))
        if cached is None:
            zh, en = self._zh[i], self._en[j]
            keys = en.keys
            zh_hits = sum(1 for unit in zh.units if not unit.isdisjoint(keys))
            en_hits = len(keys & zh.offered)
            cached = (zh_hits, en_hits)
            self._cache[(i, j)] = cached
        return cached

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        zh_total = 0
        zh_cov = 0
        en_hits_per_j = [0] * (en_end - en_start)
        for i in range(zh_start, zh_end):
            hits = 0
            for k, j in enumerate(range(en_start, en_end)):
                zh_hits, en_hits = self._pair(i, j)
                hits += zh_hits
                en_hits_per_j[k] += en_hits
            size = self._zh_size[i]
            zh_total += size
            zh_cov += min(hits, size)
        en_total = 0
        en_cov = 0
        for k, j in enumerate(range(en_start, en_end)):
            size = self._en_size[j]
            en_total += size
            en_cov += min(en_hits_per_j[k], size)
        total = zh_total + en_total
        if total == 0:
            return 0.0
        return (zh_cov + en_cov) / total


class LexicalScorer:
    """The dictionary-based scorer: always available, no model needed."""

    name = "lexical"

    def __init__(self, glossary: Sequence[GlossaryEntry] = (), lexicon: Lexicon | None = None) -> None:
        self._featurizer = Featurizer(lexicon or load_lexicon(), glossary)

    def prepare(self, source: Document, target: Document) -> LexicalSpanScorer:
        zh = [self._featurizer.chinese(s.text) for s in source.segments]
        en = [self._featurizer.english(s.text) for s in target.segments]
        return LexicalSpanScorer(zh, en)


def _unused(x: float) -> float:  # pragma: no cover - placeholder removed below
    return math.log(x)
