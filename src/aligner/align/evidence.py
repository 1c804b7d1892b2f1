"""The lexical evidence of one document pair, kept compact and asked many links at a time.

Every English key (content-word stem, figure, acronym, copied Chinese) gets a number.
A Chinese sentence keeps, for each key it offers, the mask of its units that the key
would show translated; an English sentence keeps its keys in a fixed order (bit ``b``
is its ``b``-th key). Which of a sentence pair's words meet is then a pair of masks, and
the masks of a window of sentences are ORs of them. Everything lives in flat arrays: a
book's evidence takes a few megabytes, not a dictionary entry per sentence pair.

Two ways to find the masks of many sentence pairs:

- along a band of the search (:meth:`Evidence.table`): every key of every Chinese
  sentence is looked up in the list of English sentences holding it, cut to the
  sentence's columns, so the work is the number of words that actually meet;
- for scattered pairs (:meth:`Evidence.pair_similarities`, background coverage): each
  key of the English sentence is looked up among the Chinese sentence's keys.

A link's similarity is the mean, over its sentences, of each sentence's coverage by the
other side above that sentence's background coverage by unrelated sentences (see
``lexical.py``); every sum here adds the same numbers in the same order as a sentence-by-
sentence loop would, so a link scores the same asked alone or in a band.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from aligner.align.band import Band, FloatArray, IntArray
from aligner.align.bitmasks import MaskArray, bit_rows, masked_sums, words_for

# Coverage credited to a sentence with no content words at all ("Good morning!" aside).
NO_EVIDENCE = 0.25

_ONE = np.uint64(1)
# Scattered pairs looked up together: bounds the memory of the look-up, whatever the count.
_PAIRS_AT_ONCE = 8192
# Links asked one at a time: the look-up tables of this many recent sentences are kept,
# and the masks and coverages of this many recent sentence pairs.
SENTENCES_REMEMBERED = 1024
# Sentences whose background coverage is worked out together.
_BASELINE_CHUNK = 1024
PAIRS_REMEMBERED = 16384
_WORD = (1 << 64) - 1

ChineseItem = tuple[Sequence[int], Sequence[int], Sequence[float]]
"""A Chinese sentence: the numbered English keys it offers (ascending), the mask of its
units each of them shows translated, and the weight of each unit."""


@dataclass(frozen=True)
class _Side:
    """One side's sentences as weights in flat arrays: sentence ``s`` owns
    ``weights[starts[s] : starts[s] + counts[s]]``, its coverage measured against
    ``size`` above ``base``."""

    starts: IntArray
    counts: IntArray
    weights: FloatArray
    size: FloatArray
    base: FloatArray

    def relative(self, hits: FloatArray, owners: IntArray) -> FloatArray:
        """Coverage of each owner by ``hits`` above its background, a full match still 1."""
        return relative(hits, self.size[owners], self.base[owners])

    def weights_of(self, sentence: int) -> list[float]:
        start = int(self.starts[sentence])
        weights: list[float] = self.weights[start : start + int(self.counts[sentence])].tolist()
        return weights


class Evidence:
    """Sentence-pair evidence of one document pair: see the module docstring."""

    def __init__(
        self,
        zh: _Side,
        en: _Side,
        vocabulary: int,
        offers: tuple[IntArray, IntArray, IntArray, MaskArray],
        en_keys: tuple[IntArray, IntArray],
        key_weights: FloatArray,
        rare: tuple[IntArray, IntArray],
        words: int,
    ) -> None:
        self.zh = zh
        self.en = en
        self.n = len(zh.counts)
        self.m = len(en.counts)
        self._vocabulary = vocabulary
        # Chinese offers, sentence by sentence, keys ascending: where each sentence's
        # start, the key, and the mask of the sentence's units it shows translated.
        self._offer_starts, self._offer_owner, self._offer_key, self._offer_units = offers
        self._offer_code = self._offer_owner * vocabulary + self._offer_key
        # English keys, sentence by sentence, in bit order.
        self._en_starts, self._en_key = en_keys
        self._key_weights = key_weights
        # English sentences holding each key (by key, then sentence), with the key's bit.
        order = np.lexsort((self._sentence_of_key(), self._en_key))
        self._post_code = self._en_key[order] * (self.m + 1) + self._sentence_of_key()[order]
        self._post_bit = (
            np.arange(len(self._en_key)) - self._en_starts[:-1].repeat(self.en.counts)
        )[order]
        self._rare_sentence, self._rare_key = rare
        self._words = words
        # Links asked one at a time meet the same sentences, pairs and masks again and
        # again, always near the last ones asked (a band is swept row by row), so the
        # look-ups are remembered, a bounded number of the most recent: a book's search
        # must not keep a table for every sentence it has passed.
        self._offer_map = lru_cache(maxsize=SENTENCES_REMEMBERED)(self._offers_of)
        self._en_keys_of = lru_cache(maxsize=SENTENCES_REMEMBERED)(self._en_keys)
        self._pair_bits = lru_cache(maxsize=PAIRS_REMEMBERED)(self._bits_of_pair)
        self._zh_relative = lru_cache(maxsize=PAIRS_REMEMBERED)(self._zh_relative_of)
        self._en_relative = lru_cache(maxsize=PAIRS_REMEMBERED)(self._en_relative_of)

    def _sentence_of_key(self) -> IntArray:
        return np.repeat(np.arange(self.m, dtype=np.int64), self.en.counts)

    @classmethod
    def build(
        cls,
        zh: Sequence[ChineseItem],
        en: Sequence[frozenset[str]],
        en_idf: Mapping[str, float],
        vocabulary: Mapping[str, int],
        rare_limit: int,
    ) -> Evidence:
        """Lay both sides out in arrays; ``vocabulary`` numbers every English key (in
        order of first appearance, each sentence's keys sorted)."""
        key_weights = np.zeros(len(vocabulary), dtype=np.float64)
        for key, number in vocabulary.items():
            key_weights[number] = en_idf[key]
        en_order = [sorted(keys) for keys in en]
        en_counts = np.array([len(keys) for keys in en_order], dtype=np.int64)
        en_key = np.fromiter(
            (vocabulary[k] for keys in en_order for k in keys), np.int64, int(en_counts.sum())
        )
        en_weights = key_weights[en_key]
        en_size = np.array([sum(en_idf[k] for k in keys) for keys in en_order], dtype=np.float64)

        zh_counts = np.array([len(weights) for _, _, weights in zh], dtype=np.int64)
        zh_weights = np.fromiter(
            (w for _, _, weights in zh for w in weights), np.float64, int(zh_counts.sum())
        )
        zh_size = np.array([sum(weights) for _, _, weights in zh], dtype=np.float64)
        words = words_for(max([0, *zh_counts.tolist(), *en_counts.tolist()]))
        offer_counts = np.array([len(keys) for keys, _, _ in zh], dtype=np.int64)
        total = int(offer_counts.sum())
        owners = np.repeat(np.arange(len(zh), dtype=np.int64), offer_counts)
        numbers = np.fromiter((k for keys, _, _ in zh for k in keys), np.int64, total)
        offer_units = np.zeros((total, words), dtype=np.uint64)
        for word in range(words):
            offer_units[:, word] = np.fromiter(
                ((mask >> (64 * word)) & _WORD for _, masks, _ in zh for mask in masks),
                np.uint64,
                total,
            )
        offers = (_starts(offer_counts), owners, numbers, offer_units)
        empty = np.zeros(0, dtype=np.float64)
        zh_side = _Side(_starts(zh_counts)[:-1], zh_counts, zh_weights, zh_size, empty)
        en_side = _Side(_starts(en_counts)[:-1], en_counts, en_weights, en_size, empty)
        frequency = np.bincount(en_key, minlength=len(vocabulary))
        rare_offer = frequency[numbers] <= rare_limit
        rare = (owners[rare_offer], numbers[rare_offer])
        return cls(
            zh_side,
            en_side,
            len(vocabulary),
            offers,
            (_starts(en_counts), en_key),
            key_weights,
            rare,
            words,
        )

    # --- background ----------------------------------------------------------------------

    def set_baselines(self, draws: int, sample: Callable[[int, int, int], list[int]]) -> None:
        """Each sentence's mean coverage by ``draws`` unrelated sentences of the other
        side, ``sample(centre, size, draws)`` choosing them away from its own place.

        Worked out for a chunk of sentences at a time: a book's eight draws per sentence
        held at once took 10 MB, and each sentence's mean is its own.
        """
        n, m = self.n, self.m
        zh_base = np.zeros(n, dtype=np.float64)
        en_base = np.zeros(m, dtype=np.float64)
        if n >= 2 and m >= 2:
            draws = min(draws, m - 1, n - 1)
            for first in range(0, n, _BASELINE_CHUNK):
                last = min(n, first + _BASELINE_CHUNK)
                zh_base[first:last] = self._baselines("zh", first, last, draws, sample)
            for first in range(0, m, _BASELINE_CHUNK):
                last = min(m, first + _BASELINE_CHUNK)
                en_base[first:last] = self._baselines("en", first, last, draws, sample)
        self.zh = _Side(self.zh.starts, self.zh.counts, self.zh.weights, self.zh.size, zh_base)
        self.en = _Side(self.en.starts, self.en.counts, self.en.weights, self.en.size, en_base)
        # Coverages worked out against the old background no longer hold.
        self._zh_relative.cache_clear()
        self._en_relative.cache_clear()

    def _baselines(
        self,
        side: str,
        first: int,
        last: int,
        draws: int,
        sample: Callable[[int, int, int], list[int]],
    ) -> FloatArray:
        """Background coverage of the sentences ``first .. last - 1`` of ``side`` ("zh" or
        "en"), each against ``draws`` sentences of the other side away from its place."""
        own, other = (self.n, self.m) if side == "zh" else (self.m, self.n)
        picks = [sample(k * other // own, other, draws) for k in range(first, last)]
        counts = [len(drawn) for drawn in picks]
        mine = np.repeat(np.arange(first, last, dtype=np.int64), counts)
        theirs = np.fromiter((k for drawn in picks for k in drawn), np.int64, len(mine))
        zh, en = (mine, theirs) if side == "zh" else (theirs, mine)
        sizes = (self.zh if side == "zh" else self.en).size[mine]
        return _sequential_means(coverage(self._hits(zh, en, side), sizes), counts)

    # --- single links --------------------------------------------------------------------

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Mean relative coverage of the link's sentences (see the module docstring).

        Scorers that ask one link at a time (the hybrid scorer asks for every link of
        its band) meet the same sentence pairs and the same masks again and again, so
        the most recent pairs' masks and sentences' coverages for a mask are remembered.
        """
        zh_masks = [0] * (zh_end - zh_start)
        en_masks = [0] * (en_end - en_start)
        pair_bits = self._pair_bits
        for a, i in enumerate(range(zh_start, zh_end)):
            for b, j in enumerate(range(en_start, en_end)):
                zh_units, en_bits = pair_bits(i, j)
                zh_masks[a] |= zh_units
                en_masks[b] |= en_bits
        total = 0.0
        for a, mask in enumerate(zh_masks):
            total += self._zh_relative(zh_start + a, mask)
        for b, mask in enumerate(en_masks):
            total += self._en_relative(en_start + b, mask)
        return total / ((zh_end - zh_start) + (en_end - en_start))

    def _bits_of_pair(self, zh: int, en: int) -> tuple[int, int]:
        """The Chinese sentence's units the English one shows, and the English keys hit."""
        offered = self._offer_map(zh)
        zh_units = en_bits = 0
        for bit, key in enumerate(self._en_keys_of(en)):
            units = offered.get(key)
            if units is not None:
                zh_units |= units
                en_bits |= 1 << bit
        return zh_units, en_bits

    def _en_keys(self, sentence: int) -> list[int]:
        start, stop = int(self._en_starts[sentence]), int(self._en_starts[sentence + 1])
        keys: list[int] = self._en_key[start:stop].tolist()
        return keys

    def _zh_relative_of(self, sentence: int, mask: int) -> float:
        return _relative_of(self.zh, sentence, mask)

    def _en_relative_of(self, sentence: int, mask: int) -> float:
        return _relative_of(self.en, sentence, mask)

    def _offers_of(self, sentence: int) -> dict[int, int]:
        """Key → mask of the sentence's units it shows, for asking one link at a time."""
        start, stop = int(self._offer_starts[sentence]), int(self._offer_starts[sentence + 1])
        rows = self._offer_units[start:stop]
        masks: list[int] = rows[:, 0].tolist()
        for word in range(1, rows.shape[1]):
            shift = 64 * word
            masks = [
                mask | (high << shift)
                for mask, high in zip(masks, rows[:, word].tolist(), strict=True)
            ]
        keys: list[int] = self._offer_key[start:stop].tolist()
        return dict(zip(keys, masks, strict=True))

    # --- many pairs ----------------------------------------------------------------------

    def pair_similarities(self, zh: IntArray, en: IntArray) -> FloatArray:
        """One-to-one similarities of the pairs ``(zh[k], en[k])``."""
        result = np.zeros(len(zh), dtype=np.float64)
        for first in range(0, len(zh), _PAIRS_AT_ONCE):
            part = slice(first, first + _PAIRS_AT_ONCE)
            zh_masks, en_masks = self._pair_masks(zh[part], en[part])
            zh_part = self.zh.relative(self._zh_hits(zh_masks, zh[part]), zh[part])
            en_part = self.en.relative(self._en_hits(en_masks, en[part]), en[part])
            result[part] = (zh_part + en_part) / 2
        return result

    def _hits(self, zh: IntArray, en: IntArray, side: str) -> FloatArray:
        """What each pair's ``side`` sentence has hit: its weight the other covers."""
        result = np.zeros(len(zh), dtype=np.float64)
        for first in range(0, len(zh), _PAIRS_AT_ONCE):
            part = slice(first, first + _PAIRS_AT_ONCE)
            zh_masks, en_masks = self._pair_masks(zh[part], en[part])
            if side == "zh":
                result[part] = self._zh_hits(zh_masks, zh[part])
            else:
                result[part] = self._en_hits(en_masks, en[part])
        return result

    def _zh_hits(self, masks: MaskArray, owners: IntArray) -> FloatArray:
        side = self.zh
        return masked_sums(masks, owners, side.starts, side.counts, side.weights)

    def _en_hits(self, masks: MaskArray, owners: IntArray) -> FloatArray:
        side = self.en
        return masked_sums(masks, owners, side.starts, side.counts, side.weights)

    def _pair_masks(self, zh: IntArray, en: IntArray) -> tuple[MaskArray, MaskArray]:
        """The unit mask and the key mask of each pair ``(zh[k], en[k])``, by looking each
        English key up among the Chinese sentence's offers."""
        count = len(zh)
        zh_masks = np.zeros((count, self._words), dtype=np.uint64)
        en_masks = np.zeros((count, self._words), dtype=np.uint64)
        lengths = self.en.counts[en]
        pair, offset = _expand(lengths)
        if not len(pair):
            return zh_masks, en_masks
        keys = self._en_key[self._en_starts[en][pair] + offset]
        codes = zh[pair] * self._vocabulary + keys
        place = np.searchsorted(self._offer_code, codes)
        place[place >= len(self._offer_code)] = 0
        found = self._offer_code[place] == codes if len(self._offer_code) else place < 0
        pair, offset, place = pair[found], offset[found], place[found]
        np.bitwise_or.at(zh_masks, pair, self._offer_units[place])
        np.bitwise_or.at(en_masks, pair, bit_rows(offset, self._words))
        return zh_masks, en_masks

    def band_masks(
        self, first: int, columns: tuple[IntArray, IntArray]
    ) -> tuple[IntArray, MaskArray, MaskArray]:
        """Masks of every pair (i, j) with ``start[i] <= j < stop[i]`` for the Chinese
        sentences ``first, first + 1, ...``, laid out sentence by sentence: the offset of
        each sentence's first pair (one more at the end), the unit masks, the key masks.

        Every offer of each sentence is looked up among the English sentences holding its
        key, cut to the sentence's columns, so the work is what actually meets.
        """
        start, stop = columns
        widths = stop - start
        offsets = _starts(widths)
        total = int(offsets[-1])
        zh_masks = np.zeros((total, self._words), dtype=np.uint64)
        en_masks = np.zeros((total, self._words), dtype=np.uint64)
        first_offer = int(self._offer_starts[first])
        last_offer = int(self._offer_starts[first + len(widths)])
        sentence = self._offer_owner[first_offer:last_offer] - first
        keys = self._offer_key[first_offer:last_offer] * (self.m + 1)
        begin = np.searchsorted(self._post_code, keys + start[sentence])
        end = np.searchsorted(self._post_code, keys + stop[sentence])
        offer, step = _expand(end - begin)
        if len(offer):
            posting = begin[offer] + step
            column = self._post_code[posting] % (self.m + 1)
            owner = sentence[offer]
            pair = offsets[owner] + column - start[owner]
            np.bitwise_or.at(zh_masks, pair, self._offer_units[first_offer + offer])
            np.bitwise_or.at(en_masks, pair, bit_rows(self._post_bit[posting], self._words))
        return offsets, zh_masks, en_masks

    def table(self, band: Band) -> LexicalTable:
        return LexicalTable(self, band)

    # --- anchors -------------------------------------------------------------------------

    def candidates(
        self, zh: IntArray, en_lo: IntArray, en_hi: IntArray, count: int
    ) -> tuple[IntArray, IntArray]:
        """For each Chinese sentence ``zh[k]``, up to ``count`` English sentences in
        ``[en_lo[k], en_hi[k])`` sharing the most rare-key weight with it (ties: the
        earlier), as flat (zh, en) pairs in that order."""
        # Offers of the asked sentences that are rare keys.
        place = np.searchsorted(self._rare_sentence, zh, "left")
        stop = np.searchsorted(self._rare_sentence, zh, "right")
        asked, step = _expand(stop - place)
        if not len(asked):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        rare = place[asked] + step
        keys = self._rare_key[rare] * (self.m + 1)
        begin = np.searchsorted(self._post_code, keys + en_lo[asked])
        end = np.searchsorted(self._post_code, keys + en_hi[asked])
        offer, step = _expand(end - begin)
        if not len(offer):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        column = self._post_code[begin[offer] + step] % (self.m + 1)
        row = asked[offer]
        votes_for = self._key_weights[self._rare_key[rare[offer]]]
        codes = row * (self.m + 1) + column
        unique, inverse = np.unique(codes, return_inverse=True)
        votes = np.bincount(inverse, weights=votes_for)
        rows, columns = unique // (self.m + 1), unique % (self.m + 1)
        order = np.lexsort((columns, -votes, rows))
        rows, columns = rows[order], columns[order]
        rank = np.arange(len(rows)) - _starts(np.bincount(rows, minlength=len(zh)))[rows]
        keep = rank < count
        return zh[rows[keep]], columns[keep]


class LexicalTable:
    """The lexical similarities of every link inside one band of the search.

    Built from the masks of every sentence pair the band's links can hold; a window's
    coverage (a sentence against several sentences of the other side) is worked out
    once per window size and shared by every link shape that uses it.
    """

    def __init__(self, evidence: Evidence, band: Band) -> None:
        self._evidence = evidence
        self._first = band.first
        sentences = max(0, min(band.last, evidence.n) - band.first)
        start, stop = band.sentence_columns()
        start = np.clip(start[:sentences], 0, evidence.m)
        stop = np.clip(stop[:sentences], 0, evidence.m)
        self._start, self._stop = start, np.maximum(stop, start)
        self._offsets, self._zh_masks, self._en_masks = evidence.band_masks(
            band.first, (self._start, self._stop)
        )
        widths = self._stop - self._start
        self._owner = np.repeat(np.arange(sentences, dtype=np.int64), widths) + band.first
        self._column = (
            np.arange(int(self._offsets[-1]), dtype=np.int64)
            - np.repeat(self._offsets[:-1], widths)
            + np.repeat(self._start, widths)
        )
        self._zh_windows: dict[int, FloatArray] = {}
        self._en_windows: dict[int, FloatArray] = {}

    def _pair(self, zh: IntArray, en: IntArray) -> IntArray:
        row = zh - self._first
        index: IntArray = self._offsets[row] + en - self._start[row]
        return index

    def _zh_window(self, size: int) -> FloatArray:
        """For each pair (i, j): sentence i's relative coverage by English j .. j+size."""
        found = self._zh_windows.get(size)
        if found is None:
            masks = self._zh_masks.copy()
            for step in range(1, size):
                masks[:-step] |= self._zh_masks[step:]
            hits = self._evidence._zh_hits(masks, self._owner)
            found = self._zh_windows[size] = self._evidence.zh.relative(hits, self._owner)
        return found

    def _en_window(self, size: int) -> FloatArray:
        """For each pair (i, j): English sentence j's relative coverage by Chinese
        i .. i+size (0 where the window leaves the band)."""
        found = self._en_windows.get(size)
        if found is None:
            masks = self._en_masks.copy()
            rows = len(self._start)
            for step in range(1, size):
                below = self._owner - self._first + step
                inside = below < rows
                below = np.where(inside, below, 0)
                inside &= (self._column >= self._start[below]) & (self._column < self._stop[below])
                source = self._offsets[below] + self._column - self._start[below]
                masks[inside] |= self._en_masks[source[inside]]
            hits = self._evidence._en_hits(masks, self._column)
            found = self._en_windows[size] = self._evidence.en.relative(hits, self._column)
        return found

    def similarity(
        self, zh_starts: IntArray, en_starts: IntArray, zh_size: int, en_size: int
    ) -> FloatArray:
        total = np.zeros(len(zh_starts), dtype=np.float64)
        if not len(zh_starts):
            return total
        zh_window = self._zh_window(en_size)
        for a in range(zh_size):
            total += zh_window[self._pair(zh_starts + a, en_starts)]
        en_window = self._en_window(zh_size)
        for b in range(en_size):
            total += en_window[self._pair(zh_starts, en_starts + b)]
        result: FloatArray = total / (zh_size + en_size)
        return result


def _starts(counts: IntArray) -> IntArray:
    """Offsets of consecutive groups of the given sizes, with the total at the end."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def _expand(lengths: IntArray) -> tuple[IntArray, IntArray]:
    """Each group index repeated its length times, and the position inside the group."""
    total = int(lengths.sum()) if len(lengths) else 0
    group = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    position = np.arange(total, dtype=np.int64) - np.repeat(_starts(lengths)[:-1], lengths)
    return group, position


def _sequential_means(values: FloatArray, lengths: Sequence[int]) -> FloatArray:
    """Mean of each consecutive group, summed left to right as ``sum()`` would."""
    counts = np.array(lengths, dtype=np.int64)
    starts = _starts(counts)[:-1]
    total = np.zeros(len(counts), dtype=np.float64)
    for position in range(int(counts.max()) if len(counts) else 0):
        inside = counts > position
        total[inside] += values[starts[inside] + position]
    means: FloatArray = total / np.maximum(counts, 1)
    return means


def _relative_of(side: _Side, sentence: int, mask: int) -> float:
    """The sentence's coverage above its background by the words in ``mask``."""
    hits = _masked_sum(side.weights_of(sentence), mask)
    return _relative(hits, float(side.size[sentence]), float(side.base[sentence]))


def _masked_sum(weights: Sequence[float], mask: int) -> float:
    total = 0.0
    index = 0
    while mask:
        if mask & 1:
            total += weights[index]
        mask >>= 1
        index += 1
    return total


def coverage(hits: FloatArray, size: FloatArray) -> FloatArray:
    """Share of each sentence's weight that ``hits`` covers."""
    present = size > 0
    share = np.minimum(hits, size) / np.where(present, size, 1.0)
    result: FloatArray = np.where(present, share, NO_EVIDENCE)
    return result


def relative(hits: FloatArray, size: FloatArray, base: FloatArray) -> FloatArray:
    """Coverage above background, scaled so that a full match is still 1."""
    below = base < 1.0
    result: FloatArray = np.where(
        below, (coverage(hits, size) - base) / np.where(below, 1.0 - base, 1.0), 0.0
    )
    return result


def _relative(hits: float, size: float, base: float) -> float:
    return (_coverage(hits, size) - base) / (1.0 - base) if base < 1.0 else 0.0


def _coverage(hits: float, size: float) -> float:
    if size <= 0:
        return NO_EVIDENCE
    return min(hits, size) / size
