"""Cosine similarity of sentence spans, composed from one vector per sentence.

A span of several sentences is represented by the sum of its sentence vectors, so no
window is ever embedded on its own: embedding costs one model call per sentence, and
on MAC-Dev composed windows beat embedded ones (a sentence-level model blurs a
three-sentence window).

Raw cosines of a multilingual encoder sit in a narrow, model-specific range, and some
sentences are close to everything (short exclamations, dialogue tags). Each cosine is
therefore measured against the span's similarity to the *average* sentence of the
other side (the hubness correction of Vecalign and CSLS), then mapped linearly onto
[0, 1] so that it mixes with the lexical score on the same scale.

A summed vector hides a short sentence that belongs elsewhere ("No." glued to the
wrong reply), so the score of a multi-sentence link also averages, over its sentences,
how close each one is to the other side's span.

All quantities reduce to dot products between single sentences, computed lazily in
blocks along the band the search visits: memory grows with the band, not with the
product of the two documents' lengths. Vectors are first rounded to multiples of
2^-15 and held as whole numbers in float64, so every dot product is an exact integer
whatever order BLAS sums in: otherwise the last bit of a sum depends on memory
alignment, and a near-tie in the search could fall differently from run to run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from aligner.align.semantic.encoder import FloatArray

# Dot products are computed one Chinese sentence against this many English ones at a time.
_BLOCK = 64
# Dot products between sentences this close on one side are precomputed (link spans are
# at most four sentences long by default); longer spans take a slower path.
_NEAR = 4
_CANDIDATES = 4
_TINY = 1e-12
# Vector components become integers in units of 2^-15: products of two fit in 2^30 and
# sums of thousands of them stay far below 2^53, where float64 stops being exact.
_QUANTUM = 2.0**15
_DOT_UNIT = 1.0 / (_QUANTUM * _QUANTUM)


@dataclass(frozen=True)
class CosineScale:
    """How a span pair's corrected cosine becomes a similarity in [0, 1].

    ``floor`` maps to 0 and ``ceiling`` to 1. ``hub_weight`` is how much of a span's
    closeness to the other side's mean sentence is subtracted. ``whole_share`` weighs
    the cosine of the two summed spans against the mean per-sentence closeness.
    """

    floor: float
    ceiling: float
    hub_weight: float = 1.0
    whole_share: float = 0.5

    def __post_init__(self) -> None:
        if not self.ceiling > self.floor:
            raise ValueError("ceiling must be above floor")
        if not 0.0 <= self.whole_share <= 1.0:
            raise ValueError("whole_share must be within [0, 1]")


class SemanticSpanScorer:
    """Span similarity from the sentence vectors (rows L2-normalised) of one document pair."""

    def __init__(self, zh: FloatArray, en: FloatArray, scale: CosineScale) -> None:
        if zh.ndim != 2 or en.ndim != 2 or (len(zh) and len(en) and zh.shape[1] != en.shape[1]):
            raise ValueError("expected two matrices of sentence vectors of one dimension")
        self._zh = _quantised(zh)
        self._en = _quantised(en)
        self._scale = scale
        self._zh_hub = _mean_dots(self._zh, self._en)
        self._en_hub = _mean_dots(self._en, self._zh)
        self._zh_near = _neighbour_dots(self._zh)
        self._en_near = _neighbour_dots(self._en)
        self._blocks: dict[tuple[int, int], list[float]] = {}

    def score(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """The corrected cosine, before scaling; spans are half-open and non-empty."""
        hub = self._scale.hub_weight
        rows = [0.0] * (zh_end - zh_start)
        columns = [0.0] * (en_end - en_start)
        for r, i in enumerate(range(zh_start, zh_end)):
            for c, j in enumerate(range(en_start, en_end)):
                dot = self._cross(i, j)
                rows[r] += dot
                columns[c] += dot
        zh_norm = math.sqrt(max(_span_norm2(self._zh, self._zh_near, zh_start, zh_end), _TINY))
        en_norm = math.sqrt(max(_span_norm2(self._en, self._en_near, en_start, en_end), _TINY))
        zh_hub = sum(self._zh_hub[zh_start:zh_end]) / zh_norm
        en_hub = sum(self._en_hub[en_start:en_end]) / en_norm
        whole = sum(rows) / (zh_norm * en_norm) - hub * (zh_hub + en_hub) / 2
        if len(rows) == 1 and len(columns) == 1:
            return whole
        each = [
            row / en_norm - hub * (self._zh_hub[i] + en_hub) / 2
            for row, i in zip(rows, range(zh_start, zh_end), strict=True)
        ]
        each += [
            column / zh_norm - hub * (self._en_hub[j] + zh_hub) / 2
            for column, j in zip(columns, range(en_start, en_end), strict=True)
        ]
        share = self._scale.whole_share
        return share * whole + (1.0 - share) * sum(each) / len(each)

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        if zh_start == zh_end or en_start == en_end:
            return 0.0
        value = self.score(zh_start, zh_end, en_start, en_end)
        scale = self._scale
        return min(1.0, max(0.0, (value - scale.floor) / (scale.ceiling - scale.floor)))

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        """The English sentences in [en_lo, en_hi) closest to one Chinese sentence."""
        if en_hi <= en_lo:
            return []
        hubs = np.asarray(self._en_hub[en_lo:en_hi], dtype=np.float64)
        dots = (self._en[en_lo:en_hi] @ self._zh[zh_index]) * _DOT_UNIT
        scores = dots - hubs * (self._scale.hub_weight / 2)
        count = min(_CANDIDATES, len(scores))
        best = np.argpartition(-scores, count - 1)[:count].tolist()
        best.sort(key=lambda k: (-float(scores[k]), k))
        return [en_lo + k for k in best]

    def _cross(self, i: int, j: int) -> float:
        block = j // _BLOCK
        row = self._blocks.get((i, block))
        if row is None:
            start = block * _BLOCK
            row = [x * _DOT_UNIT for x in (self._en[start : start + _BLOCK] @ self._zh[i]).tolist()]
            self._blocks[(i, block)] = row
        return row[j - block * _BLOCK]


def _quantised(vectors: FloatArray) -> npt.NDArray[np.float64]:
    return np.ascontiguousarray(np.rint(vectors.astype(np.float64) * _QUANTUM))


def _mean_dots(matrix: npt.NDArray[np.float64], other: npt.NDArray[np.float64]) -> list[float]:
    """Each row's dot product with the mean row of ``other``."""
    if not len(other):
        return [0.0] * len(matrix)
    total = other.sum(axis=0)
    scale = _DOT_UNIT / len(other)
    return [x * scale for x in (matrix @ total).tolist()]


def _neighbour_dots(matrix: npt.NDArray[np.float64]) -> list[list[float]]:
    """``near[d][p]`` is vector p · vector p+d, for d < _NEAR (d = 0: the squared norm)."""
    near: list[list[float]] = []
    for distance in range(_NEAR):
        head = matrix[: max(len(matrix) - distance, 0)]
        tail = matrix[distance:]
        near.append([x * _DOT_UNIT for x in np.einsum("ij,ij->i", head, tail).tolist()])
    return near


def _span_norm2(
    matrix: npt.NDArray[np.float64], near: list[list[float]], start: int, end: int
) -> float:
    """Squared length of the sum of vectors start..end-1."""
    if end - start > _NEAR:
        total = matrix[start:end].sum(axis=0)
        return float(total @ total) * _DOT_UNIT
    value = 0.0
    for p in range(start, end):
        value += near[0][p]
        for q in range(p + 1, end):
            value += 2.0 * near[q - p][p]
    return value
