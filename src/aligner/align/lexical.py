"""Lexical similarity: dictionary translations, shared figures, names and acronyms.

A Chinese sentence becomes a list of *units*, each the set of English keys that would
show the unit was translated (the gloss stems of a word, the normalised value of a
figure, the lowercased form of a Latin acronym). An English sentence becomes a set of
keys (content-word stems and figures). Similarity is the IDF-weighted share of each
sentence that the other side covers, above that sentence's background coverage by
unrelated sentences, averaged over the sentences of a link: a sentence merged into a
link it does not belong to visibly lowers the link's score.

Per-pair coverage is computed once and summed for multi-sentence spans, which keeps the
cost of scoring a 2:2 candidate at a few additions.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from aligner.align.closeness import CLOSENESS, Adapted, typical_best
from aligner.align.objective import SENTENCE_WEIGHTED, Objective
from aligner.glossary.model import GlossaryEntry
from aligner.language.numbers import anchor_keys
from aligner.language.traditional import to_simplified
from aligner.lexicon.cedict import Lexicon, load_lexicon
from aligner.lexicon.chinese import FUNCTION_WORDS, HAN_RUN, longest_matches
from aligner.lexicon.english import content_stems, stem
from aligner.model import Document

_LATIN_IN_ZH = regex.compile(r"[A-Za-z][A-Za-z0-9\-]*")
_MAX_NAME_SYLLABLES = 3
# Coverage credited to a sentence with no content words at all ("Good morning!" aside).
_NO_EVIDENCE = 0.25
# Anchor search: keys in at most this many English sentences (or 0.5% of them) are "rare".
_RARE_MIN_DF = 8
_CANDIDATES = 4
# Unrelated sentences sampled per sentence to measure its background coverage.
_BASELINE_DRAWS = 8
_IDF_FLOOR = 1.0
_PREFIX_LENGTH = 5


@dataclass(frozen=True)
class ZhSentence:
    """What the Chinese sentence offers as evidence.

    ``units`` (one per distinct word, figure or acronym, and one per rendering word of a
    glossary term; ``words`` names the word each comes from) count towards coverage.
    ``offered`` is every English key that would show translation, including pinyin
    spellings of 2–3 character runs: those only add matching opportunities, since most
    character runs are not names.
    """

    words: tuple[str, ...]
    units: tuple[frozenset[str], ...]
    offered: frozenset[str]


@dataclass(frozen=True)
class EnSentence:
    keys: frozenset[str]


def _glossary_table(glossary: Sequence[GlossaryEntry]) -> dict[str, tuple[frozenset[str], ...]]:
    """Each Chinese term as the parts its approved English must show.

    A term counts as translated in proportion to the words of its rendering that appear:
    "largest trader in goods" is three parts, so a sentence that only says "trade" covers
    a third of 货物贸易第一大国, and the sentence that says all three is told apart from
    its neighbour. A variant that shares no word with the approved rendering (an acronym
    such as GACC) stands in for every part.
    """
    renderings: dict[str, list[frozenset[str]]] = {}
    for entry in glossary:
        for english in (entry.en, *entry.variants):
            keys = frozenset(_prefix(x) for x in content_stems(english))
            if keys:
                renderings.setdefault(to_simplified(entry.zh), []).append(keys)
    table: dict[str, tuple[frozenset[str], ...]] = {}
    for zh, options in renderings.items():
        approved = options[0]
        stand_ins = frozenset().union(*(o for o in options[1:] if o.isdisjoint(approved)))
        table[zh] = tuple(frozenset({key}) | stand_ins for key in sorted(approved))
    return table


class Featurizer:
    """Turns sentences into evidence using one lexicon (plus glossary terms)."""

    def __init__(self, lexicon: Lexicon, glossary: Sequence[GlossaryEntry] = ()) -> None:
        self._lexicon = lexicon
        self._glossary = _glossary_table(glossary)
        self._max_len = max([lexicon.max_word_length, *(len(k) for k in self._glossary)])

    def _known(self, word: str) -> bool:
        return word in self._glossary or word in self._lexicon.translations

    @lru_cache(maxsize=200_000)  # noqa: B019 - one featurizer per run; words repeat a lot
    def _word_parts(self, word: str) -> tuple[frozenset[str], ...]:
        """The key sets a translation of ``word`` hits: one for a dictionary word (any of
        its glosses will do), one per word of the rendering for a glossary term."""
        if word in FUNCTION_WORDS:
            return ()
        parts = self._glossary.get(word)
        if parts:
            return parts
        keys = frozenset(_prefix(x) for x in self._lexicon.stems(word))
        return (keys,) if keys else ()

    def chinese(self, text: str) -> ZhSentence:
        # Traditional text is keyed as simplified, so it yields the same evidence.
        text = to_simplified(text)
        units: dict[str, tuple[frozenset[str], ...]] = {}
        names: set[str] = set()
        copied: set[str] = set()
        for run in HAN_RUN.finditer(text):
            chars = run.group(0)
            for word in longest_matches(chars, self._known, self._max_len):
                parts = self._word_parts(word)
                if parts:
                    units.setdefault(word, parts)
            names.update(self._pinyin_spellings(chars))
            copied.add(_copied_key(chars))
        for token in _LATIN_IN_ZH.findall(text):
            key = _prefix(stem(token.lower()))
            units.setdefault(key, (frozenset({key}),))
        for key in anchor_keys(text, "zh"):
            units.setdefault(key, (frozenset({key}),))
        words = tuple(word for word, parts in units.items() for _ in parts)
        unit_sets = tuple(part for parts in units.values() for part in parts)
        offered = frozenset().union(*unit_sets, names, copied)
        return ZhSentence(words, unit_sets, offered)

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
                    yield from (_prefix(x) for x in spellings)

    def english(self, text: str) -> EnSentence:
        keys = {_prefix(x) for x in content_stems(text)}
        keys.update(anchor_keys(text, "en"))
        # Chinese copied into the English pairs with the sentence it was copied from, so
        # the untranslated check can say the English repeats the Chinese.
        keys.update(_copied_key(to_simplified(run.group(0))) for run in HAN_RUN.finditer(text))
        return EnSentence(frozenset(keys))


def _idf(bags: Sequence[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency over the sentences of one side.

    A word found in every sentence ("trade" in a trade release) says little about which
    sentence is the translation; a rare one ("largest") says much.
    """
    frequency: dict[str, int] = {}
    for bag in bags:
        for item in set(bag):
            frequency[item] = frequency.get(item, 0) + 1
    total = len(bags) + 1
    return {item: math.log(total / df) + _IDF_FLOOR for item, df in frequency.items()}


class LexicalSpanScorer:
    """Span similarity from cached, IDF-weighted sentence-pair coverage.

    ``closeness`` is the document pair's typical best one-to-one similarity (see
    ``closeness.py``), and ``objective`` the search objective chosen with it.
    """

    def __init__(
        self,
        zh: Sequence[ZhSentence],
        en: Sequence[EnSentence],
        skip_cost: Adapted | None = None,
    ) -> None:
        zh_idf = _idf([s.words for s in zh])
        en_idf = _idf([s.keys for s in en])
        # The parts of a glossary term share its weight.
        self._zh_units = [
            tuple(zip(s.units, (zh_idf[w] / s.words.count(w) for w in s.words), strict=True))
            for s in zh
        ]
        self._zh_offered = [s.offered for s in zh]
        self._en_keys = [s.keys for s in en]
        self._en_idf = en_idf
        self._zh_size = [sum(w for _, w in units) for units in self._zh_units]
        self._en_size = [sum(en_idf[k] for k in s.keys) for s in en]
        self._zh_weights = [tuple(w for _, w in units) for units in self._zh_units]
        en_order = [sorted(s.keys) for s in en]
        self._en_bit = [{k: b for b, k in enumerate(order)} for order in en_order]
        self._en_weights = [tuple(en_idf[k] for k in order) for order in en_order]
        self._cache: dict[tuple[int, int], tuple[float, float, int, int]] = {}
        # Relative coverage by hit mask, per sentence (see _cached_relative).
        self._zh_masked: list[dict[int, float]] = [{} for _ in zh]
        self._en_masked: list[dict[int, float]] = [{} for _ in en]
        self._postings = _rare_key_postings(self._en_keys)
        self._zh_base, self._en_base = self._baselines()
        self.closeness = typical_best(self.similarity, len(zh), len(en))
        self.objective: Objective = SENTENCE_WEIGHTED
        if skip_cost is not None:
            share = CLOSENESS.share(self.closeness)
            self.objective = replace(SENTENCE_WEIGHTED, skip_cost=skip_cost.at(share))

    def _baselines(self) -> tuple[list[float], list[float]]:
        """Each sentence's coverage by sentences that do not translate it.

        Sentences of one release share its vocabulary ("trade", "China", "growth"), so an
        unrelated sentence still covers a third of a sentence's words. Measuring coverage
        above this background, as margin-based embedding aligners do with cosine, is what
        lets an untranslated sentence stand alone instead of joining its neighbour.
        """
        n, m = len(self._zh_units), len(self._en_keys)
        zh_base = [0.0] * n
        en_base = [0.0] * m
        if n < 2 or m < 2:
            return zh_base, en_base
        draws = min(_BASELINE_DRAWS, m - 1, n - 1)
        for i in range(n):
            js = _far_sample(i * m // n, m, draws)
            zh_base[i] = sum(_coverage(self._pair(i, j)[0], self._zh_size[i]) for j in js) / len(js)
        for j in range(m):
            iz = _far_sample(j * n // m, n, draws)
            en_base[j] = sum(_coverage(self._pair(i, j)[1], self._en_size[j]) for i in iz) / len(iz)
        return zh_base, en_base

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        """English sentences in [en_lo, en_hi) sharing rare evidence with a Chinese one.

        Only keys found in few English sentences are looked up, so a whole document is
        scanned in linear time; the best few are returned for exact scoring.
        """
        votes: dict[int, float] = {}
        idf = self._en_idf
        for key in self._zh_offered[zh_index]:
            postings = self._postings.get(key)
            if postings is None:
                continue
            start = bisect.bisect_left(postings, en_lo)
            for j in postings[start:]:
                if j >= en_hi:
                    break
                votes[j] = votes.get(j, 0.0) + idf[key]
        ranked = sorted(votes, key=lambda j: (-votes[j], j))
        return ranked[:_CANDIDATES]

    def _pair(self, i: int, j: int) -> tuple[float, float, int, int]:
        """Hit weights of one sentence pair, and which units and keys were hit (bit masks)."""
        cached = self._cache.get((i, j))
        if cached is None:
            keys = self._en_keys[j]
            zh_mask = 0
            zh_hits = 0.0
            for u, (unit, w) in enumerate(self._zh_units[i]):
                if not unit.isdisjoint(keys):
                    zh_mask |= 1 << u
                    zh_hits += w
            idf = self._en_idf
            bit = self._en_bit[j]
            en_mask = 0
            en_hits = 0.0
            for k in keys & self._zh_offered[i]:
                en_mask |= 1 << bit[k]
                en_hits += idf[k]
            cached = (zh_hits, en_hits, zh_mask, en_mask)
            self._cache[(i, j)] = cached
        return cached

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Mean coverage of the link's sentences, each measured on its own.

        Averaging per sentence (rather than pooling counts) means a sentence with nothing
        translated in the other span contributes nothing, so absorbing page chrome or an
        unrelated neighbour into a good link is never free. A word is counted once however
        many sentences of the other span offer it, so a neighbour that only repeats what
        the link's own translation already covers adds nothing to the link.
        """
        if zh_end - zh_start == 1 and en_end - en_start == 1:  # the common case, kept cheap
            zh_hits, en_hits, _, _ = self._pair(zh_start, en_start)
            return (
                _relative(zh_hits, self._zh_size[zh_start], self._zh_base[zh_start])
                + _relative(en_hits, self._en_size[en_start], self._en_base[en_start])
            ) / 2
        zh_masks = [0] * (zh_end - zh_start)
        en_masks = [0] * (en_end - en_start)
        cache, pair = self._cache, self._pair
        for a, i in enumerate(range(zh_start, zh_end)):
            for b, j in enumerate(range(en_start, en_end)):
                hit = cache.get((i, j)) or pair(i, j)
                zh_masks[a] |= hit[2]
                en_masks[b] |= hit[3]
        total = 0.0
        for a, mask in enumerate(zh_masks):
            i = zh_start + a
            total += _cached_relative(
                self._zh_masked[i], self._zh_weights[i], self._zh_size[i], self._zh_base[i], mask
            )
        for b, mask in enumerate(en_masks):
            j = en_start + b
            total += _cached_relative(
                self._en_masked[j], self._en_weights[j], self._en_size[j], self._en_base[j], mask
            )
        return total / ((zh_end - zh_start) + (en_end - en_start))


def _cached_relative(
    known: dict[int, float], weights: Sequence[float], size: float, base: float, mask: int
) -> float:
    """Relative coverage of one sentence when the units (or keys) in ``mask`` are hit;
    ``known`` is that sentence's cache, since many spans hit the same words."""
    value = known.get(mask)
    if value is None:
        value = known[mask] = _relative(_masked_sum(weights, mask), size, base)
    return value


def _masked_sum(weights: Sequence[float], mask: int) -> float:
    total = 0.0
    index = 0
    while mask:
        if mask & 1:
            total += weights[index]
        mask >>= 1
        index += 1
    return total


def _copied_key(han_run: str) -> str:
    return "zh:" + han_run


def _rare_key_postings(bags: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = {}
    for j, keys in enumerate(bags):
        for key in keys:
            postings.setdefault(key, []).append(j)
    limit = max(_RARE_MIN_DF, len(bags) // 200)
    return {k: v for k, v in postings.items() if len(v) <= limit}


def _prefix(key: str) -> str:
    """Compare words by their first letters: "trader"/"trade", "largest"/"large" meet.

    Derivational endings defeat any light stemmer; a fixed prefix also merges a few
    unrelated words ("import"/"important"), which costs far less than it gains.
    """
    return key[:_PREFIX_LENGTH]


def _far_sample(centre: int, size: int, draws: int) -> list[int]:
    """Evenly spread indexes away from ``centre``: deterministic stand-ins for random pairs."""
    step = size / (draws + 1)
    picks = {int((centre + size / 2 + k * step) % size) for k in range(draws)}
    return sorted(picks - {centre}) or [(centre + 1) % size]


def _relative(hits: float, size: float, base: float) -> float:
    """Coverage above background, scaled so that a full match is still 1."""
    return (_coverage(hits, size) - base) / (1.0 - base) if base < 1.0 else 0.0


def _coverage(hits: float, size: float) -> float:
    if size <= 0:
        return _NO_EVIDENCE
    return min(hits, size) / size


# An unlinked sentence is cheap in a close translation (so additions and omissions stay
# visible to QA) and dear in a free one (where nearly every sentence belongs somewhere).
SKIP_COST = Adapted(free=0.4, close=0.1)


class LexicalScorer:
    """The dictionary-based scorer: always available, no model needed.

    ``skip_cost`` adapts the cost of an unlinked sentence to each document pair's
    closeness; None keeps the fixed cost of :data:`SENTENCE_WEIGHTED`.
    """

    name = "lexical"

    def __init__(
        self,
        glossary: Sequence[GlossaryEntry] = (),
        lexicon: Lexicon | None = None,
        skip_cost: Adapted | None = SKIP_COST,
    ) -> None:
        self._featurizer = Featurizer(lexicon or load_lexicon(), glossary)
        self._skip_cost = skip_cost

    def prepare(self, source: Document, target: Document) -> LexicalSpanScorer:
        zh = [self._featurizer.chinese(s.text) for s in source.segments]
        en = [self._featurizer.english(s.text) for s in target.segments]
        return LexicalSpanScorer(zh, en, self._skip_cost)
