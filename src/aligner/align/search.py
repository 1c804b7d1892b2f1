"""Monotone alignment search: dynamic programming inside a band that grows only if needed.

The band is centred on the expected path: the diagonal of *character* offsets (sentence
i of the Chinese sits about as far into its document as its English counterpart) for
short texts, and a chain of confident anchor pairs for long ones. Work and memory are
therefore proportional to document length times band width. Where the best path runs
along the edge of the band (a long omission or insertion), the band is widened around
those rows, re-centred on the path found, and the search rerun, so accuracy never
depends on guessing the width right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from aligner.align.anchors import centres_from_anchors, diagonal, find_anchors
from aligner.align.band import FloatArray, IntArray, SpanTable, pair_similarities
from aligner.align.coverage import LinkTypesTooNarrow
from aligner.align.fill import BandFill, chunk_end
from aligner.align.length import LengthModel
from aligner.align.objective import Objective
from aligner.align.refine import Span, split_weak_members, typical_similarity_of_pairs
from aligner.align.scorer import SpanScorer
from aligner.align.settings import DEFAULT_LINK_TYPES, SearchConfig

__all__ = ["DEFAULT_LINK_TYPES", "Bead", "SearchConfig", "search"]


@dataclass(frozen=True)
class _Tables:
    """The filled dynamic-programming table of one solve, kept for the next one.

    Cells are stored row after row: row ``i`` holds the English boundaries ``lows[i] ..
    highs[i]`` from ``starts[i]`` on, so a band of any shape takes memory in proportion
    to its cells.
    """

    lows: list[int]
    highs: list[int]
    starts: IntArray
    best: FloatArray
    back: npt.NDArray[np.int8]


@dataclass(frozen=True)
class Bead:
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    score: float
    confidence: float


def _band(centres: Sequence[int], widths: Sequence[int], m: int) -> tuple[list[int], list[int]]:
    """Row bounds around the expected path; rows overlap so every row stays reachable."""
    n = len(centres) - 1
    lows = [max(0, c - w) for c, w in zip(centres, widths, strict=True)]
    highs = [min(m, c + w) for c, w in zip(centres, widths, strict=True)]
    lows[0] = 0
    highs[-1] = m
    for i in range(1, n + 1):
        lows[i] = max(lows[i], lows[i - 1])
        highs[i] = max(highs[i], highs[i - 1], lows[i])
    for i in range(1, n + 1):
        # A long sentence can move the centre by more than the width.
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
        self.objective: Objective = scorer.objective
        self.n = len(zh_paragraphs)
        self.m = len(en_paragraphs)
        use_paragraphs = len(set(zh_paragraphs)) > 1 and len(set(en_paragraphs)) > 1
        self.zh_par = list(zh_paragraphs) if use_paragraphs else None
        self.en_par = list(en_paragraphs) if use_paragraphs else None
        self.zh_paragraphs = np.array(zh_paragraphs, dtype=np.int64) if use_paragraphs else None
        self.en_paragraphs = np.array(en_paragraphs, dtype=np.int64) if use_paragraphs else None

    def paragraph_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Soft anchors: a link rarely crosses a paragraph boundary.

        Only crossings are charged. Charging paragraphs that start on one side but not
        the other was tried: it pushed an untranslated paragraph-opening sentence into
        its neighbour's link, hiding exactly the omissions QA must report.
        """
        zp, ep = self.zh_par, self.en_par
        if zp is None or ep is None or i0 == i1 or j0 == j1:
            return 0.0
        crossings = (zp[i1 - 1] - zp[i0]) + (ep[j1 - 1] - ep[j0])
        return crossings * self.objective.paragraph_penalty

    def value(self, span: Span) -> float:
        """What a link adds to the objective the search maximises."""
        i0, i1, j0, j1 = span
        a, b = i1 - i0, j1 - j0
        if a == 0 or b == 0:
            return -self.objective.shape_cost(a, b)
        return (
            self.objective.weight(a, b) * self.link_score(i0, i1, j0, j1)
            - self.objective.shape_cost(a, b)
            - self.paragraph_cost(i0, i1, j0, j1)
        )

    def evidence(self, span: Span) -> float:
        """The similarity part of a link's value (without length evidence or costs)."""
        i0, i1, j0, j1 = span
        if i0 == i1 or j0 == j1:
            return 0.0
        return self.objective.weight(i1 - i0, j1 - j0) * self.scorer.similarity(i0, i1, j0, j1)

    def link_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The quality of a link before its weight and costs."""
        if i0 == i1 or j0 == j1:
            return 0.0
        similarity = self.scorer.similarity(i0, i1, j0, j1)
        length_weight = self.objective.length_weight
        if not length_weight:
            return similarity
        return similarity + length_weight * self.lengths.probability(i0, i1, j0, j1)

    def solve(
        self, lows: list[int], highs: list[int], earlier: _Tables | None = None
    ) -> tuple[list[Span], list[int], _Tables]:
        """Best path inside the band, as links not yet scored (the band may still widen
        and the path change), and the rows where it ran along the band's edge.

        ``earlier`` is the table of a previous solve: rows up to the first one whose
        bounds changed are reused, since a row depends only on the rows above it.
        """
        n = self.n
        start = 0
        if earlier is not None:
            while (
                start <= n
                and earlier.lows[start] == lows[start]
                and earlier.highs[start] == highs[start]
            ):
                start += 1
        low = np.array(lows, dtype=np.int64)
        high = np.array(highs, dtype=np.int64)
        starts = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(high - low + 1, out=starts[1:])
        cells = int(starts[-1])
        # One cell more than the table, always -inf: where links from outside the band
        # point.
        best = np.full(cells + 1, -math.inf, dtype=np.float64)
        back = np.full(cells, -1, dtype=np.int8)
        if earlier is not None and start > 0:
            reused = int(starts[min(start, n + 1)])
            best[:reused] = earlier.best[:reused]
            back[:reused] = earlier.back[:reused]
        fill = BandFill(
            self.scorer,
            self.config.link_types,
            self.objective,
            self.link_values,
            (low, high, starts),
            (best, back),
        )
        row = start
        while row <= n:
            stop = chunk_end(starts, row, n)
            fill.rows(row, stop)
            row = stop
        tables = _Tables(lows, highs, starts, best, back)
        return self._trace(tables)

    def _trace(self, tables: _Tables) -> tuple[list[Span], list[int], _Tables]:
        """The best path back from the end, and the rows where it touched the band's edge."""
        n, m = self.n, self.m
        types = self.config.link_types
        lows, highs, starts = tables.lows, tables.highs, tables.starts.tolist()
        back = tables.back
        spans: list[Span] = []
        touched: list[int] = []
        i, j = n, m
        if back[starts[n] + m - lows[n]] < 0:
            raise _OutOfBand
        while i > 0 or j > 0:
            a, b = types[int(back[starts[i] + j - lows[i]])]
            if (0 < j < m) and ((j == lows[i] and lows[i] > 0) or (j == highs[i] and highs[i] < m)):
                touched.append(i)
            spans.append((i - a, i, j - b, j))
            i, j = i - a, j - b
        spans.reverse()
        return spans, touched, tables

    def link_values(
        self, table: SpanTable, shape: tuple[int, int], cells: tuple[IntArray, IntArray]
    ) -> tuple[FloatArray, FloatArray | None]:
        """What links of ``shape`` ending at the given cells add to the path, as in
        :meth:`value`: the similarity part (weighted, with length evidence), and the
        paragraph crossings to subtract (None without paragraphs)."""
        a, b = shape
        i1, j1 = cells
        i0, j0 = i1 - a, j1 - b
        similarity = table.similarity(i0, j0, a, b)
        objective = self.objective
        size = objective.weight(a, b)
        if objective.length_weight:
            probability = self.lengths.probabilities(i0, i1, j0, j1)
            gained: FloatArray = size * (similarity + objective.length_weight * probability)
        else:
            gained = size * similarity
        crossings: FloatArray | None = None
        if self.zh_paragraphs is not None and self.en_paragraphs is not None:
            zp, ep = self.zh_paragraphs, self.en_paragraphs
            count = (zp[i1 - 1] - zp[i0]) + (ep[j1 - 1] - ep[j0])
            crossings = count * objective.paragraph_penalty
        return gained, crossings

    def bead(self, i0: int, i1: int, j0: int, j1: int) -> Bead:
        score = self.link_score(i0, i1, j0, j1)
        if i0 == i1 or j0 == j1:
            rival = self._best_rival(i0, i1, j0, j1)
            margin = -rival
        else:
            margin = score
        confidence = 1.0 / (1.0 + math.exp(-margin / self.objective.confidence_scale))
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


class _OutOfBand(Exception):
    """No path inside the band reaches the end of both documents."""


def search(
    scorer: SpanScorer,
    lengths: LengthModel,
    zh_paragraphs: Sequence[int],
    en_paragraphs: Sequence[int],
    config: SearchConfig | None = None,
) -> list[Bead]:
    """Best monotone path through the two documents, every sentence used exactly once."""
    config = config or SearchConfig()
    n, m = len(zh_paragraphs), len(en_paragraphs)
    if n == 0 or m == 0:
        problem = _Problem(scorer, lengths, zh_paragraphs, en_paragraphs, config)
        return [problem.bead(i, i + 1, 0, 0) for i in range(n)] + [
            problem.bead(0, 0, j, j + 1) for j in range(m)
        ]
    centres = diagonal(lengths)
    if max(n, m) > 4 * config.min_band:
        anchors = find_anchors(scorer, lengths)
        if anchors:
            centres = centres_from_anchors(anchors, n, m)
            lengths = lengths.with_ratio_from(anchors)
    problem = _Problem(scorer, lengths, zh_paragraphs, en_paragraphs, config)
    widths = [config.min_band] * (n + 1)
    limit = max(n, m)
    tables: _Tables | None = None
    while True:
        lows, highs = _band(centres, widths, m)
        try:
            spans, touched, tables = problem.solve(lows, highs, tables)
        except _OutOfBand:
            if widths == [limit] * (n + 1):
                raise LinkTypesTooNarrow(
                    "the allowed link types cannot link every sentence of these documents"
                ) from None
            # Restricted link shapes can make every path through the band impossible
            # even though one exists outside it: search the whole table instead.
            widths = [limit] * (n + 1)
            tables = None
            continue
        if not touched:
            return _second_look(problem, spans, centres)
        # Widen only around the rows where the path hugged the edge, so a local gap
        # does not make the whole search wider.
        previous = list(widths)
        for row in touched:
            wider = min(limit, 2 * previous[row])
            for k in range(max(0, row - wider), min(n, row + wider) + 1):
                widths[k] = max(widths[k], wider)
        if widths == previous:  # the edge is a neighbouring row's bound: nothing to widen
            return _second_look(problem, spans, centres)
        # Re-centre only the widened rows, so rows above them keep their bounds and
        # their part of the table is reused.
        path = _path_centres(spans, n)
        centres = [
            p if w != w0 else c for c, p, w, w0 in zip(centres, path, widths, previous, strict=True)
        ]


def _second_look(problem: _Problem, path: list[Span], centres: Sequence[int]) -> list[Bead]:
    """Split weakly attached sentences off the links of the best path (see refine.py),
    and score the links of the final path."""
    objective = problem.objective
    if objective.split_gain <= 0 or all((i1 - i0) + (j1 - j0) < 3 for i0, i1, j0, j1 in path):
        return [problem.bead(*span) for span in path]
    scorer = problem.scorer

    def pairs(zh: IntArray, en: IntArray) -> FloatArray:
        return pair_similarities(scorer, zh, en)

    typical = typical_similarity_of_pairs(pairs, centres, problem.m)
    spans = split_weak_members(
        path,
        problem.value,
        problem.evidence,
        skip_cost=objective.skip_cost,
        gain_limit=objective.split_gain * typical,
        evidence_limit=objective.split_evidence * typical,
        allowed=problem.config.link_types,
    )
    return [problem.bead(*span) for span in spans]


def _path_centres(path: Sequence[Span], n: int) -> list[int]:
    centres = [0] * (n + 1)
    for zh_start, zh_end, en_start, en_end in path:
        span = zh_end - zh_start
        rise = en_end - en_start
        for i in range(zh_start, zh_end + 1):
            offset = round((i - zh_start) * rise / span) if span else rise
            centres[i] = max(centres[i], en_start + offset)
    return centres
