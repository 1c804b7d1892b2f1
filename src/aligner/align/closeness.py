"""How closely a translation follows its original, and the settings that depend on it.

An unlinked sentence means different things in different translations. In a close one,
a press release say, the translator renders every sentence, so a sentence with no
counterpart is an addition or an omission that QA must report: leaving it unlinked
should be cheap. In a free literary translation nearly every sentence belongs
somewhere, even when it shares little with its original, and unlinked sentences are
almost always alignment errors: on MAC-Dev only 6 of 1,340 gold links are null, and
every null link the aligner predicts there costs precision.

The dictionary tells the two kinds apart without asking the user: the typical lexical
similarity of a sentence with its best counterpart is 0.33–0.41 in the MAC-Dev novels
and 0.62 in the customs press release of the samples. Settings that depend on it are
interpolated between a value for free and a value for close translations.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from aligner.align.band import FloatArray, IntArray

# English sentences examined on each side of a Chinese sentence's proportional position.
_WINDOW = 8


def typical_best(
    similarity: Callable[[int, int, int, int], float], zh_count: int, en_count: int
) -> float:
    """Median over the Chinese sentences of the best 1:1 similarity near the position
    the document's proportions predict (0 for an empty side).

    Every Chinese sentence is looked at, but only in a small window, which keeps this
    linear; where the true path strays from the proportional one (a long omission, a
    book whose halves are translated at different lengths) the best value found is
    lower, which counts towards a free translation, the safer side to err on.
    """

    def pairs(zh: IntArray, en: IntArray) -> FloatArray:
        return np.array(
            [similarity(i, i + 1, j, j + 1) for i, j in zip(zh.tolist(), en.tolist(), strict=True)],
            dtype=np.float64,
        )

    return typical_best_of_pairs(pairs, zh_count, en_count)


def typical_best_of_pairs(
    pair_similarity: Callable[[IntArray, IntArray], FloatArray], zh_count: int, en_count: int
) -> float:
    """:func:`typical_best` with the one-to-one similarities of many pairs asked at once
    (``pair_similarity(zh, en)`` scores the pairs ``(zh[k], en[k])``)."""
    if not zh_count or not en_count:
        return 0.0
    zh = np.arange(zh_count, dtype=np.int64)
    centre = zh * en_count // zh_count
    low = np.maximum(0, centre - _WINDOW)
    high = np.minimum(en_count, centre + _WINDOW + 1)
    best: list[float] = row_maxima(pair_similarity, zh, low, high).tolist()
    return statistics.median(best)


def row_maxima(
    pair_similarity: Callable[[IntArray, IntArray], FloatArray],
    zh: IntArray,
    low: IntArray,
    high: IntArray,
) -> FloatArray:
    """For each Chinese sentence ``zh[k]``, its best 1:1 similarity with the English
    sentences ``low[k]..high[k]-1`` (each range non-empty)."""
    widths = high - low
    starts = np.zeros(len(widths) + 1, dtype=np.int64)
    np.cumsum(widths, out=starts[1:])
    rows = np.repeat(np.arange(len(widths), dtype=np.int64), widths)
    columns = np.arange(int(starts[-1]), dtype=np.int64) - starts[rows] + low[rows]
    scores = pair_similarity(zh[rows], columns)
    maxima: FloatArray = np.maximum.reduceat(scores, starts[:-1])
    return maxima


@dataclass(frozen=True)
class Scale:
    """Where translations count as free (at or below ``free_at`` typical similarity)
    and as close (at or above ``close_at``); in between, settings are interpolated so
    that a document near the boundary is not flipped by one sentence."""

    free_at: float = 0.45
    close_at: float = 0.55

    def __post_init__(self) -> None:
        if not self.close_at > self.free_at:
            raise ValueError("close_at must be above free_at")

    def share(self, closeness: float) -> float:
        """0 for a free translation, 1 for a close one."""
        share = (closeness - self.free_at) / (self.close_at - self.free_at)
        return min(1.0, max(0.0, share))


CLOSENESS = Scale()


@dataclass(frozen=True)
class Adapted:
    """A setting with one value for free translations and one for close ones."""

    free: float
    close: float

    def at(self, share: float) -> float:
        """The value for a translation ``share`` of the way from free to close."""
        return (1.0 - share) * self.free + share * self.close
