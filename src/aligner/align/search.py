"""Monotone alignment search: dynamic programming inside a band that grows only if needed.

The band follows the diagonal of *character* offsets (sentence i of the Chinese sits
about as far into its document as its English counterpart), which tracks the true
path far more closely than the sentence-count diagonal. Work and memory are therefore
proportional to document length times band width. If the best path runs along the edge
of the band (a long omission or insertion), the band is doubled and the search rerun,
so accuracy never depends on guessing the width right.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.align.length import LengthModel
from aligner.align.scorer import SpanScorer

DEFAULT_LINK_TYPES: tuple[tuple[int, int], ...] = (
    (0, 1),
    (1, 0),
    (1, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
)


@dataclass(frozen=True)
class SearchConfig:
    """Weights of the link score; tuned on MAC-Dev (see benchmarks/)."""

    link_types: tuple[tuple[int, int], ...] = DEFAULT_LINK_TYPES
    lexical_weight: float = 1.0
    length_weight: float = 0.25
    skip_score: float = 0.12
    merge_cost: float = 0.2
    double_merge_cost: float = 0.7
    skip_cost: float = 0.3
    paragraph_penalty: float = 0.5
    min_band: int = 12
    confidence_scale: float = 0.08


@dataclass(frozen=True)
class Bead:
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    score: float
    confidence: float


def _band(lengths: LengthModel, width: int) -> tuple[list[int], list[int]]:
    n = len(lengths.zh_cumulative) - 1
    m = len(lengths.en_cumulative) - 1
    zh_total = lengths.zh_cumulative[-1] or 1
    en_total = lengths.en_cumulative[-1] or 1
    en_fraction = [c / en_total for c in lengths.en_cumulative]
    lows: list[int] = []
    highs: list[int] = []
    for i in range(n + 1):
        if n == 0 or m == 0:
            centre = 0 if i == 0 else m
        else:
            fraction = lengths.zh_cumulative[i] / zh_total
            centre = min(bisect.bisect_left(en_fraction, fraction), m)
        lows.append(max(0, centre - width))
        highs.append(min(m, centre + width))
    lows[0] = 0
    highs[-1] = m
    # A very long sentence can move the centre by more than the width; overlapping rows
    # keep every row reachable from the one before.
    for i in range(1, n + 1):
        lows[i] = min(lows[i], highs[i - 1])
    return lows, highs


class _Problem:
    def __init__(
        self,
        scorer: SpanScorer,
        lengths: LengthModel,
        zh_paragraphs: Sequence[int],
        en_paragraphs: Sequence[int],
        config: SearchConfig,
    ) -> None:
        self.scorer = scorer
        self.lengths = lengths
        self.config = config
        self.n = len(zh_paragraphs)
        self.m = len(en_paragraphs)
        use_paragraphs = len(set(zh_paragraphs)) > 1 and len(set(en_paragraphs)) > 1
        self.zh_par = list(zh_paragraphs) if use_paragraphs else None
        self.en_par = list(en_paragraphs) if use_paragraphs else None

    def paragraph_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Soft anchors: links rarely cross paragraphs, and paragraphs tend to start together."""
        zp, ep = self.zh_par, self.en_par
        if zp is None or ep is None or i0 == i1 or j0 == j1:
            return 0.0
        crossings = (zp[i1 - 1] - zp[i0]) + (ep[j1 - 1] - ep[j0])
        zh_starts = i0 == 0 or zp[i0] != zp[i0 - 1]
        en_starts = j0 == 0 or ep[j0] != ep[j0 - 1]
        mismatch = 1 if zh_starts != en_starts else 0
        return (crossings + mismatch) * self.config.paragraph_penalty

    def link_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Per-sentence quality of a link; the search maximises the size-weighted sum."""
        cfg = self.config
        if i0 == i1 or j0 == j1:
            return cfg.skip_score
        lexical = self.scorer.similarity(i0, i1, j0, j1)
        length = self.lengths.probability(i0, i1, j0, j1)
        return cfg.lexical_weight * lexical + cfg.length_weight * length

    def type_cost(self, a: int, b: int) -> float:
        """A prior against rarer link shapes, paid once per link."""
        cfg = self.config
        if a == 0 or b == 0:
            return cfg.skip_cost
        extra = a + b - 2
        if extra == 0:
            return 0.0
        cost = cfg.merge_cost if extra == 1 else cfg.double_merge_cost * (extra - 1)
        if a > 1 and b > 1:
            cost += cfg.double_merge_cost
        return cost

    def solve(self, lows: list[int], highs: list[int]) -> tuple[list[Bead], bool]:
        """Best path inside the band, and whether it touched the band's edge."""
        n, m = self.n, self.m
        neg = -math.inf
        best: list[list[float]] = [[neg] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
        back: list[list[int]] = [[-1] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
        types = self.config.link_types
        costs = [self.type_cost(a, b) for a, b in types]
        best[0][0] = 0.0
        for i in range(n + 1):
            lo_i, hi_i = lows[i], highs[i]
            row_best, row_back = best[i], back[i]
            for j in range(lo_i, hi_i + 1):
                if i == 0 and j == 0:
                    continue
                top = neg
                top_type = -1
                for t, (a, b) in enumerate(types):
                    pi, pj = i - a, j - b
                    if pi < 0 or pj < 0 or pj < lows[pi] or pj > highs[pi]:
                        continue
                    prev = best[pi][pj - lows[pi]]
                    if prev == neg:
                        continue
                    value = (
                        prev
                        + (a + b) * self.link_score(pi, i, pj, j)
                        - costs[t]
                        - self.paragraph_cost(pi, i, pj, j)
                    )
                    if value > top:
                        top = value
                        top_type = t
                row_best[j - lo_i] = top
                row_back[j - lo_i] = top_type
        beads: list[Bead] = []
        touched = False
        i, j = n, m
        while i > 0 or j > 0:
            a, b = types[back[i][j - lows[i]]]
            if (0 < j < m) and ((j == lows[i] and lows[i] > 0) or (j == highs[i] and highs[i] < m)):
                touched = True
            beads.append(self._bead(i - a, i, j - b, j))
            i, j = i - a, j - b
        beads.reverse()
        return beads, touched

    def _bead(self, i0: int, i1: int, j0: int, j1: int) -> Bead:
        score = self.link_score(i0, i1, j0, j1)
        cfg = self.config
        if i0 == i1 or j0 == j1:
            rival = self._best_rival(i0, i1, j0, j1)
            margin = cfg.skip_score - rival
        else:
            margin = score - cfg.skip_score
        confidence = 1.0 / (1.0 + math.exp(-margin / cfg.confidence_scale))
        return Bead(i0, i1, j0, j1, score, round(confidence, 4))

    def _best_rival(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """How well the unlinked sentence would have matched a neighbour instead."""
        rival = -math.inf
        if i0 == i1:  # English-only sentence
            for i in range(max(0, i0 - 1), min(self.n, i0 + 1)):
                rival = max(rival, self.link_score(i, i + 1, j0, j1))
        else:
            for j in range(max(0, j0 - 1), min(self.m, j0 + 1)):
                rival = max(rival, self.link_score(i0, i1, j, j + 1))
        return rival if rival > -math.inf else 0.0


def search(
    scorer: SpanScorer,
    lengths: LengthModel,
    zh_paragraphs: Sequence[int],
    en_paragraphs: Sequence[int],
    config: SearchConfig = SearchConfig(),
) -> list[Bead]:
    """Best monotone path through the two documents, every sentence used exactly once."""
    problem = _Problem(scorer, lengths, zh_paragraphs, en_paragraphs, config)
    n, m = problem.n, problem.m
    if n == 0 or m == 0:
        return [problem._bead(i, i + 1, 0, 0) for i in range(n)] + [
            problem._bead(0, 0, j, j + 1) for j in range(m)
        ]
    width = max(config.min_band, abs(n - m) // 4 + 4)
    while True:
        lows, highs = _band(lengths, width)
        beads, touched = problem.solve(lows, highs)
        if not touched or width >= max(n, m):
            return beads
        width *= 2
