"""Gale–Church length evidence, calibrated for Chinese characters against English ones.

Lengths are counted in non-space characters. Only Chinese characters are scaled by the
English/Chinese ratio: figures, Latin names and punctuation inside Chinese text ("43.85",
"AEO", "，") come out about as long in English, so a sentence dense with figures is not
expected to have a translation four times its length. The ratio is taken from the
document pair itself (literary prose and press releases differ by a third, and a pair is
its own best estimate). The variance per Chinese character was fitted on MAC-Dev gold
links.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import numpy.typing as npt

from aligner.lexicon.chinese import han_count
from aligner.lexicon.compiled import re_pattern

VARIANCE_PER_CHAR = 9.0
# Fewer anchor pairs than this give a noisier ratio than the whole document does.
MIN_RATIO_PAIRS = 20
RATIO_TOLERANCE = 1.15
_DEFAULT_RATIO = 3.0
_SPACE_RUN = re_pattern(r"\s+")

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def char_length(text: str) -> int:
    """Characters that are not white space (``str.isspace``, which ``\\s`` matches)."""
    return len(text) - sum(map(len, _SPACE_RUN.findall(text)))


def _cumulative(values: Sequence[int]) -> tuple[int, ...]:
    return tuple(itertools.accumulate(values, initial=0))


@dataclass(frozen=True)
class LengthModel:
    """Cumulative lengths of both sides, so a span's length is one subtraction.

    ``han_cumulative`` counts the Chinese characters of the Chinese side and
    ``other_cumulative`` its other non-space characters, which carry over to English at
    about one for one; ``ratio`` is English characters per Chinese character.
    """

    han_cumulative: tuple[int, ...]
    other_cumulative: tuple[int, ...]
    en_cumulative: tuple[int, ...]
    ratio: float
    variance: float = VARIANCE_PER_CHAR

    @classmethod
    def build(cls, zh_texts: Sequence[str], en_texts: Sequence[str]) -> LengthModel:
        hans = [han_count(text) for text in zh_texts]
        others = [char_length(text) - han for text, han in zip(zh_texts, hans, strict=True)]
        en = [char_length(text) for text in en_texts]
        han_total, other_total, en_total = sum(hans), sum(others), sum(en)
        if han_total and en_total > other_total:
            ratio = (en_total - other_total) / han_total
        elif han_total + other_total and en_total:
            # No Chinese characters to scale (or an English side shorter than the figures
            # alone): every character counts alike.
            hans, others = [h + o for h, o in zip(hans, others, strict=True)], [0] * len(hans)
            ratio = en_total / (han_total + other_total)
        else:
            ratio = _DEFAULT_RATIO
        return cls(_cumulative(hans), _cumulative(others), _cumulative(en), ratio)

    @property
    def zh_cumulative(self) -> tuple[float, ...]:
        """Cumulative expected English length of the Chinese side, sentence by sentence."""
        return tuple(
            self.ratio * han + other
            for han, other in zip(self.han_cumulative, self.other_cumulative, strict=True)
        )

    def probability(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Two-sided tail probability that these lengths come from a translation pair."""
        han = self.han_cumulative[zh_end] - self.han_cumulative[zh_start]
        other = self.other_cumulative[zh_end] - self.other_cumulative[zh_start]
        en_len = self.en_cumulative[en_end] - self.en_cumulative[en_start]
        ratio = self.ratio
        expected = ratio * han + other
        # The variance grows with the length in Chinese-character equivalents.
        delta = (en_len - expected) / math.sqrt(2.0 * max(expected, ratio) * self.variance)
        return math.erfc(abs(delta))

    def probabilities(
        self, zh_start: IntArray, zh_end: IntArray, en_start: IntArray, en_end: IntArray
    ) -> FloatArray:
        """:meth:`probability` of many spans at once (the same numbers, element by element)."""
        han_cumulative, other_cumulative, en_cumulative = self.arrays
        han = han_cumulative[zh_end] - han_cumulative[zh_start]
        other = other_cumulative[zh_end] - other_cumulative[zh_start]
        en_len = en_cumulative[en_end] - en_cumulative[en_start]
        ratio = self.ratio
        expected = ratio * han + other
        delta = (en_len - expected) / np.sqrt(2.0 * np.maximum(expected, ratio) * self.variance)
        # math.erfc itself, so that a span scores exactly as asked alone.
        return np.fromiter(map(math.erfc, np.abs(delta).tolist()), np.float64, len(delta))

    @cached_property
    def arrays(self) -> tuple[IntArray, IntArray, IntArray]:
        """The three cumulative length tables as arrays (made once per model)."""
        return (
            np.array(self.han_cumulative, dtype=np.int64),
            np.array(self.other_cumulative, dtype=np.int64),
            np.array(self.en_cumulative, dtype=np.int64),
        )

    def with_ratio_from(self, anchors: Sequence[tuple[int, int]]) -> LengthModel:
        """The same lengths with the ratio re-estimated between anchor pairs.

        A long omission skews the whole-document ratio; the stretches between
        consecutive anchors each give a ratio, and their length-weighted median ignores
        the one stretch that holds the gap.
        """
        ratio = self.ratio
        if len(anchors) < MIN_RATIO_PAIRS:
            return self
        stretches: list[tuple[float, int]] = []
        for (ia, ja), (ib, jb) in itertools.pairwise(anchors):
            han = self.han_cumulative[ib] - self.han_cumulative[ia]
            other = self.other_cumulative[ib] - self.other_cumulative[ia]
            en = self.en_cumulative[jb] - self.en_cumulative[ja]
            if han > 0 and en > other:
                stretches.append(((en - other) / han, han))
        if not stretches:
            return self
        stretches.sort()
        half = sum(weight for _, weight in stretches) / 2
        running = 0
        for candidate, weight in stretches:
            running += weight
            ratio = candidate
            if running >= half:
                break
        # The whole-document ratio is the better estimate unless the anchors clearly
        # disagree with it, which is what a large omission or insertion looks like.
        if abs(math.log(ratio / self.ratio)) < math.log(RATIO_TOLERANCE):
            return self
        return replace(self, ratio=ratio)
