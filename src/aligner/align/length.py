"""Gale–Church length evidence, calibrated for Chinese characters against English ones.

Lengths are counted in non-space characters. The expected English/Chinese ratio is
taken from the document pair itself (total English over total Chinese characters):
literary prose and press releases differ by a third, and a pair is its own best
estimate. The variance per Chinese character was fitted on MAC-Dev gold links
(benchmarks/calibrate_alignment.py prints it).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

VARIANCE_PER_CHAR = 9.0
# Fewer anchor pairs than this give a noisier ratio than the whole document does.
MIN_RATIO_PAIRS = 20
RATIO_TOLERANCE = 1.15


def char_length(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


@dataclass(frozen=True)
class LengthModel:
    """Cumulative lengths of both sides, so a span's length is one subtraction."""

    zh_cumulative: tuple[int, ...]
    en_cumulative: tuple[int, ...]
    ratio: float
    variance: float = VARIANCE_PER_CHAR

    @classmethod
    def build(cls, zh_texts: Sequence[str], en_texts: Sequence[str]) -> LengthModel:
        zh_cum = [0]
        for text in zh_texts:
            zh_cum.append(zh_cum[-1] + char_length(text))
        en_cum = [0]
        for text in en_texts:
            en_cum.append(en_cum[-1] + char_length(text))
        ratio = en_cum[-1] / zh_cum[-1] if zh_cum[-1] and en_cum[-1] else 3.0
        return cls(tuple(zh_cum), tuple(en_cum), ratio)

    def probability(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Two-sided tail probability that these lengths come from a translation pair."""
        zh_len = self.zh_cumulative[zh_end] - self.zh_cumulative[zh_start]
        en_len = self.en_cumulative[en_end] - self.en_cumulative[en_start]
        ratio = self.ratio
        delta = (en_len - zh_len * ratio) / math.sqrt(2.0 * max(zh_len, 1) * self.variance * ratio)
        return math.erfc(abs(delta))

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
            zh = self.zh_cumulative[ib] - self.zh_cumulative[ia]
            en = self.en_cumulative[jb] - self.en_cumulative[ja]
            if zh > 0 and en > 0:
                stretches.append((en / zh, zh))
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
