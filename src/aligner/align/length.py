"""Gale–Church length evidence, calibrated for Chinese characters against English ones.

Lengths are counted in non-space characters. The expected English/Chinese ratio is
taken from the document pair itself (total English over total Chinese characters):
literary prose and press releases differ by a third, and a pair is its own best
estimate. The variance per Chinese character was fitted on MAC-Dev gold links
(benchmarks/calibrate_alignment.py prints it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

VARIANCE_PER_CHAR = 9.0


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
        expected = zh_len * self.ratio
        spread = math.sqrt(max(zh_len, 1) * self.variance * self.ratio)
        delta = (en_len - expected) / spread
        return math.erfc(abs(delta) / math.sqrt(2.0))
