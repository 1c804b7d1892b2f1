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

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np

from aligner.align.band import Band, FloatArray, IntArray, SpanTable
from aligner.align.closeness import CLOSENESS, Adapted, typical_best_of_pairs
from aligner.align.evidence import Evidence
from aligner.align.objective import SENTENCE_WEIGHTED, Objective
from aligner.glossary.model import GlossaryEntry
from aligner.language.numbers import anchor_keys
from aligner.language.traditional import to_simplified
from aligner.lexicon.cedict import Lexicon, load_lexicon
from aligner.lexicon.chinese import FUNCTION_WORDS, HAN_RUN, split_by_prefixes
from aligner.lexicon.compiled import regex_pattern
from aligner.lexicon.english import content_stems, stem
from aligner.model import Document

_LATIN_IN_ZH = regex_pattern(r"[A-Za-z][A-Za-z0-9\-]*")
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


@dataclass(frozen=True)
class ZhEvidence:
    """A Chinese sentence as the search keeps it: the word of each unit (for its weight),
    and each numbered English key it offers with the mask of the units that key shows
    translated (bit ``u`` for unit ``u``), keys ascending."""

    words: tuple[str, ...]
    keys: tuple[int, ...]
    masks: tuple[int, ...]


def number_keys(en: Sequence[frozenset[str]]) -> dict[str, int]:
    """A number for every key of the English sentences, in order of first appearance."""
    vocabulary: dict[str, int] = {}
    for keys in en:
        for key in sorted(keys):
            vocabulary.setdefault(key, len(vocabulary))
    return vocabulary


class _GlossaryParts:
    """Each Chinese term as the parts its approved English must show.

    A term counts as translated in proportion to the words of its rendering that appear:
    "largest trader in goods" is three parts, so a sentence that only says "trade" covers
    a third of 货物贸易第一大国, and the sentence that says all three is told apart from
    its neighbour. A variant that shares no word with the approved rendering (an acronym
    such as GACC) stands in for every part.

    The parts of a term are worked out the first time a sentence holds it: a release
    uses a few dozen of the glossary's terms, and stemming every rendering of all of
    them took longer than aligning the release.
    """

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self._renderings: dict[str, list[str]] = {}
        for entry in glossary:
            self._renderings.setdefault(to_simplified(entry.zh), []).extend(
                (entry.en, *entry.variants)
            )
        self._parts: dict[str, tuple[frozenset[str], ...]] = {}

    def parts(self, zh: str) -> tuple[frozenset[str], ...]:
        """The parts of term ``zh``; none for a word that is not a term."""
        parts = self._parts.get(zh)
        if parts is None:
            renderings = self._renderings.get(zh)
            parts = self._parts[zh] = self._parts_of(renderings) if renderings else ()
        return parts

    @staticmethod
    def _parts_of(renderings: list[str]) -> tuple[frozenset[str], ...]:
        options = [keys for english in renderings if (keys := _english_keys(english))]
        if not options:
            return ()
        approved = options[0]
        stand_ins = frozenset().union(*(o for o in options[1:] if o.isdisjoint(approved)))
        return tuple(frozenset({key}) | stand_ins for key in sorted(approved))

    def __contains__(self, zh: str) -> bool:
        # A term whose renderings are all stop words gives no evidence: not a term here.
        return zh in self._renderings and bool(self.parts(zh))

    def __len__(self) -> int:
        return len(self._renderings)

    def longest(self) -> int:
        return max(map(len, self._renderings), default=0)


def _english_keys(english: str) -> frozenset[str]:
    return frozenset(_prefix(x) for x in content_stems(english))


class Featurizer:
    """Turns sentences into evidence using one lexicon (plus glossary terms)."""

    def __init__(self, lexicon: Lexicon, glossary: Sequence[GlossaryEntry] = ()) -> None:
        self._lexicon = lexicon
        self._glossary = _GlossaryParts(glossary)
        self._max_len = max(lexicon.max_word_length, self._glossary.longest())
        self._reading_cache: dict[str, tuple[str, ...]] = {}
        self._canonical: dict[str, str] = {}
        lookup = getattr(lexicon.translations, "prefix_length", None)
        self._lexicon_prefix: Callable[[str, int], int] = (
            partial(lookup, limit=self._max_len) if lookup is not None else self._lexicon_word_at
        )
        # Without glossary terms a word's length is the lexicon's answer alone.
        self._prefix_length = self._lexicon_prefix if not self._glossary else self._word_at

    def _lexicon_word_at(self, text: str, start: int) -> int:
        """The longest headword at ``start`` (1 if none) for a lexicon without an index."""
        for size in range(min(self._max_len, len(text) - start), 1, -1):
            if text[start : start + size] in self._lexicon.translations:
                return size
        return 1

    def _word_at(self, text: str, start: int) -> int:
        """The longest glossary term or headword at ``start`` (1 if none): the glossary
        is asked only for lengths beyond the lexicon's answer."""
        size = self._lexicon_prefix(text, start)
        for longer in range(min(self._max_len, len(text) - start), size, -1):
            if text[start : start + longer] in self._glossary:
                return longer
        return size

    @lru_cache(maxsize=200_000)  # noqa: B019 - one featurizer per run; words repeat a lot
    def _word_parts(self, word: str) -> tuple[frozenset[str], ...]:
        """The key sets a translation of ``word`` hits: one for a dictionary word (any of
        its glosses will do), one per word of the rendering for a glossary term."""
        if word in FUNCTION_WORDS:
            return ()
        parts = self._glossary.parts(word)
        if parts:
            return parts
        keys = frozenset(_prefix(x) for x in self._lexicon.stems(word))
        return (keys,) if keys else ()

    def chinese(self, text: str) -> ZhSentence:
        units, runs, copied = self._analyse(text)
        names = {key for chars in runs for key in self._pinyin_spellings(chars)}
        words = tuple(word for word, parts in units.items() for _ in parts)
        unit_sets = tuple(part for parts in units.values() for part in parts)
        offered = frozenset().union(*unit_sets, names, copied)
        return ZhSentence(words, unit_sets, offered)

    def evidence(self, text: str, vocabulary: Mapping[str, int]) -> ZhEvidence:
        """:meth:`chinese` reduced to what can meet an English text whose keys are
        numbered in ``vocabulary``: each such key with the mask of the units it shows
        (bit ``u`` for unit ``u``). A book's Chinese offers far more keys (pinyin
        spellings, gloss stems) than its English holds; they are never kept."""
        return self.evidence_of_all([text], vocabulary)[0]

    def evidence_of_all(
        self, texts: Iterable[str], vocabulary: Mapping[str, int]
    ) -> list[ZhEvidence]:
        """:meth:`evidence` of each text. A word's gloss keys are numbered once for all
        the texts: a book repeats its words thousands of times, and each time looked
        up every gloss of the word again."""
        numbered: dict[frozenset[str], tuple[int, ...]] = {}
        return [self._evidence(text, vocabulary, numbered) for text in texts]

    def _evidence(
        self,
        text: str,
        vocabulary: Mapping[str, int],
        numbered: dict[frozenset[str], tuple[int, ...]],
    ) -> ZhEvidence:
        units, runs, copied = self._analyse(text)
        masks: dict[int, int] = {}
        unit = 0
        for parts in units.values():
            for part in parts:
                numbers = numbered.get(part)
                if numbers is None:
                    found = (vocabulary.get(key) for key in part)
                    numbers = numbered[part] = tuple(n for n in found if n is not None)
                bit = 1 << unit
                for offered in numbers:
                    masks[offered] = masks.get(offered, 0) | bit
                unit += 1
        for chars in runs:
            for key in self._pinyin_spellings(chars):
                number = vocabulary.get(key)
                if number is not None:
                    masks.setdefault(number, 0)
        for key in copied:
            number = vocabulary.get(key)
            if number is not None:
                masks.setdefault(number, 0)
        # One string per distinct word, however many sentences hold it.
        canonical = self._canonical
        words = tuple(canonical.setdefault(w, w) for w, parts in units.items() for _ in parts)
        keys = tuple(sorted(masks))
        return ZhEvidence(words, keys, tuple(masks[k] for k in keys))

    def _analyse(
        self, text: str
    ) -> tuple[dict[str, tuple[frozenset[str], ...]], list[str], set[str]]:
        """The units of a Chinese sentence by word, its runs of Han characters (for
        pinyin spellings) and the keys of those runs copied into an English text."""
        # Traditional text is keyed as simplified, so it yields the same evidence.
        text = to_simplified(text)
        units: dict[str, tuple[frozenset[str], ...]] = {}
        runs: list[str] = []
        copied: set[str] = set()
        for run in HAN_RUN.finditer(text):
            chars = run.group(0)
            for word in split_by_prefixes(chars, self._prefix_length):
                parts = self._word_parts(word)
                if parts:
                    units.setdefault(word, parts)
            runs.append(chars)
            copied.add(_copied_key(chars))
        for token in _LATIN_IN_ZH.findall(text):
            key = _prefix(stem(token.lower()))
            units.setdefault(key, (frozenset({key}),))
        for key in anchor_keys(text, "zh"):
            units.setdefault(key, (frozenset({key}),))
        return units, runs, copied

    def _pinyin_spellings(self, chars: str) -> Iterable[str]:
        """Keys of every run of two or three characters spelt in pinyin (the first two
        readings of each character), as a transliterated name would be written.

        Keys are cut to a few letters (:func:`_prefix`), so a third syllable only adds a
        spelling when the first two are shorter than that.
        """
        readings = [self._readings(c) for c in chars]
        for k in range(len(chars) - 1):
            firsts, seconds = readings[k], readings[k + 1]
            for x in firsts:
                for y in seconds:
                    pair = x + y
                    if len(pair) >= _PREFIX_LENGTH:
                        yield pair[:_PREFIX_LENGTH]
                        continue
                    yield pair
                    if k + 2 < len(chars):
                        for z in readings[k + 2]:
                            yield (pair + z)[:_PREFIX_LENGTH]

    def _readings(self, char: str) -> tuple[str, ...]:
        found = self._reading_cache.get(char)
        if found is None:
            found = self._reading_cache[char] = self._lexicon.readings(char)[:2]
        return found

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
    """Span similarity from IDF-weighted sentence-pair coverage.

    ``closeness`` is the document pair's typical best one-to-one similarity (see
    ``closeness.py``), and ``objective`` the search objective chosen with it. The
    evidence is kept in :class:`~aligner.align.evidence.Evidence`, which answers a
    whole band of the search at once (:meth:`span_table`) as well as single links.
    """

    def __init__(
        self,
        zh: Sequence[ZhEvidence],
        en: Sequence[frozenset[str]],
        vocabulary: Mapping[str, int],
        skip_cost: Adapted | None = None,
    ) -> None:
        zh_idf = _idf([s.words for s in zh])
        self._evidence = Evidence.build(
            # The parts of a glossary term share its weight.
            [(s.keys, s.masks, [zh_idf[w] / s.words.count(w) for w in s.words]) for s in zh],
            en,
            _idf(en),
            vocabulary,
            _rare_limit(len(en)),
        )
        self._evidence.set_baselines(_BASELINE_DRAWS, _far_sample)
        self.closeness = typical_best_of_pairs(self.pair_similarities, len(zh), len(en))
        self.objective: Objective = SENTENCE_WEIGHTED
        if skip_cost is not None:
            share = CLOSENESS.share(self.closeness)
            self.objective = replace(
                SENTENCE_WEIGHTED,
                skip_cost=skip_cost.at(share),
                length_weight=LENGTH_WEIGHT.at(share),
            )

    @classmethod
    def of_sentences(
        cls,
        zh: Sequence[ZhSentence],
        en: Sequence[EnSentence],
        skip_cost: Adapted | None = None,
    ) -> LexicalSpanScorer:
        """The scorer of sentences already featurized (see :class:`Featurizer`)."""
        keys = [s.keys for s in en]
        vocabulary = number_keys(keys)
        compact = []
        for sentence in zh:
            masks: dict[int, int] = {}
            for unit, part in enumerate(sentence.units):
                for key in part:
                    if key in vocabulary:
                        masks[vocabulary[key]] = masks.get(vocabulary[key], 0) | (1 << unit)
            for key in sentence.offered:
                if key in vocabulary:
                    masks.setdefault(vocabulary[key], 0)
            numbers = tuple(sorted(masks))
            compact.append(ZhEvidence(sentence.words, numbers, tuple(masks[k] for k in numbers)))
        return cls(compact, keys, vocabulary, skip_cost)

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        """English sentences in [en_lo, en_hi) sharing rare evidence with a Chinese one.

        Only keys found in few English sentences are looked up, so a whole document is
        scanned in linear time; the best few are returned for exact scoring.
        """
        found = self.candidate_pairs(
            np.array([zh_index], dtype=np.int64),
            np.array([en_lo], dtype=np.int64),
            np.array([en_hi], dtype=np.int64),
        )
        columns: list[int] = found[1].tolist()
        return columns

    def candidate_pairs(
        self, zh: IntArray, en_lo: IntArray, en_hi: IntArray
    ) -> tuple[IntArray, IntArray]:
        """:meth:`candidates` of many Chinese sentences at once, as (zh, en) pairs: each
        sentence's best few, best first (more shared rare evidence, then the earlier)."""
        return self._evidence.candidates(zh, en_lo, en_hi, _CANDIDATES)

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Mean coverage of the link's sentences, each measured on its own.

        Averaging per sentence (rather than pooling counts) means a sentence with nothing
        translated in the other span contributes nothing, so absorbing page chrome or an
        unrelated neighbour into a good link is never free. A word is counted once however
        many sentences of the other span offer it, so a neighbour that only repeats what
        the link's own translation already covers adds nothing to the link.
        """
        return self._evidence.similarity(zh_start, zh_end, en_start, en_end)

    def pair_similarities(self, zh: IntArray, en: IntArray) -> FloatArray:
        """One-to-one similarities of the pairs ``(zh[k], en[k])``, all at once."""
        return self._evidence.pair_similarities(zh, en)

    def span_table(self, band: Band) -> SpanTable:
        """Similarities of every link inside ``band``, answered many at a time."""
        return self._evidence.table(band)


def _rare_limit(en_count: int) -> int:
    """Keys in at most this many English sentences count as rare for the anchor search."""
    return max(_RARE_MIN_DF, en_count // 200)


def _copied_key(han_run: str) -> str:
    return "zh:" + han_run


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


# An unlinked sentence is cheap in a close translation (so additions and omissions stay
# visible to QA) and dear in a free one (where nearly every sentence belongs somewhere).
SKIP_COST = Adapted(free=0.4, close=0.1)
# Where the dictionary finds the two sides far apart (literary translation, the Bible's
# archaic English) the length model is trusted less: 0.11 to 0.14 all beat the close
# setting there (Bible verse F1 0.976-0.977 against 0.974, MAC-Dev 0.804-0.807 against
# 0.804). Close translations keep the weight the QA error suite was tuned with: with less,
# an omitted sentence joins its neighbour's link.
LENGTH_WEIGHT = Adapted(free=0.125, close=SENTENCE_WEIGHTED.length_weight)


class LexicalScorer:
    """The dictionary-based scorer: always available, no model needed.

    ``skip_cost`` adapts the cost of an unlinked sentence, and with it the length model's
    weight (:data:`LENGTH_WEIGHT`), to each document pair's closeness; None keeps the fixed
    objective :data:`SENTENCE_WEIGHTED`.
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
        # The English first, so that each Chinese sentence keeps only keys it can meet.
        en = [self._featurizer.english(s.text).keys for s in target.segments]
        vocabulary = number_keys(en)
        zh = self._featurizer.evidence_of_all((s.text for s in source.segments), vocabulary)
        return LexicalSpanScorer(zh, en, vocabulary, self._skip_cost)
