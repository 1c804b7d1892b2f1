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
        zh_whole, en_whole = _quantised(zh), _quantised(en)
        self._zh = _Side(zh_whole, en_whole)
        self._en = _Side(en_whole, zh_whole)
        self._scale = scale
        self._hub = scale.hub_weight / 2
        self._blocks: dict[int, list[float]] = {}
        self._blocks_per_row = len(en) // _BLOCK + 1

    def score(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """The corrected cosine, before scaling; spans are half-open and non-empty.

        The per-sentence closeness is linear in each sentence's dot products, so its
        mean needs only their total, the span lengths and the summed hubness.
        """
        hub = self._hub
        zh_norm, zh_hub = self._zh.span(zh_start, zh_end)
        en_norm, en_hub = self._en.span(en_start, en_end)
        cross = self._cross
        if zh_end - zh_start == 1 and en_end - en_start == 1:
            return cross(zh_start, en_start) / (zh_norm * en_norm) - hub * (zh_hub + en_hub)
        total = 0.0
        for i in range(zh_start, zh_end):
            for j in range(en_start, en_end):
                total += cross(i, j)
        whole = total / (zh_norm * en_norm) - hub * (zh_hub + en_hub)
        zh_size, en_size = zh_end - zh_start, en_end - en_start
        each = (
            total / en_norm
            + total / zh_norm
            - hub * (zh_hub * zh_norm + zh_size * en_hub + en_hub * en_norm + en_size * zh_hub)
        ) / (zh_size + en_size)
        share = self._scale.whole_share
        return share * whole + (1.0 - share) * each

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
        hubs = np.asarray(self._en.hub[en_lo:en_hi], dtype=np.float64)
        dots = (self._en.matrix[en_lo:en_hi] @ self._zh.matrix[zh_index]) * _DOT_UNIT
        scores = dots - hubs * self._hub
        count = min(_CANDIDATES, len(scores))
        best = np.argpartition(-scores, count - 1)[:count].tolist()
        best.sort(key=lambda k: (-float(scores[k]), k))
        return [en_lo + k for k in best]

    def _cross(self, i: int, j: int) -> float:
        block, offset = divmod(j, _BLOCK)
        key = i * self._blocks_per_row + block
        row = self._blocks.get(key)
        if row is None:
            start = block * _BLOCK
            products = self._en.matrix[start : start + _BLOCK] @ self._zh.matrix[i]
            row = [x * _DOT_UNIT for x in products.tolist()]
            self._blocks[key] = row
        return row[offset]


class _Side:
    """One document's vectors, with the length and hubness of every short span precomputed.

    ``hub[p]`` is sentence p's dot product with the other side's mean vector.
    """

    def __init__(self, matrix: npt.NDArray[np.float64], other: npt.NDArray[np.float64]) -> None:
        self.matrix = matrix
        self.hub = _mean_dots(matrix, other)
        near = _neighbour_dots(matrix)
        n = len(matrix)
        # norms[k - 1][s], hubs[k - 1][s]: length of the summed span s..s+k-1 and its
        # hubness per unit length, for k up to _NEAR.
        self._norms: list[list[float]] = []
        self._hubs: list[list[float]] = []
        squares = [0.0] * n
        sums = [0.0] * n
        for size in range(1, _NEAR + 1):
            norms: list[float] = []
            hubs: list[float] = []
            for s in range(n - size + 1):
                last = s + size - 1
                squares[s] += near[0][last] + 2.0 * sum(near[last - p][p] for p in range(s, last))
                sums[s] += self.hub[last]
                norm = math.sqrt(max(squares[s], _TINY))
                norms.append(norm)
                hubs.append(sums[s] / norm)
            self._norms.append(norms)
            self._hubs.append(hubs)

    def span(self, start: int, end: int) -> tuple[float, float]:
        """Length of the summed vectors of start..end-1, and their hubness per unit length."""
        size = end - start
        if size <= _NEAR:
            return self._norms[size - 1][start], self._hubs[size - 1][start]
        total = self.matrix[start:end].sum(axis=0)
        norm = math.sqrt(max(float(total @ total) * _DOT_UNIT, _TINY))
        return norm, sum(self.hub[start:end]) / norm


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
