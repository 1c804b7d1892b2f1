"""Filling the search's dynamic-programming table, a stretch of rows at a time.

For a stretch of rows, every link shape's value at every cell is worked out at once from
the scorer's table of the band (array operations over all of them); then each row takes,
cell by cell, the best of the shapes ending there. Rows depend on the rows above, and a
cell on its left neighbour through a skipped English sentence (0:1), so that last step
runs along the row; everything else is done for a whole row or stretch together.

Values are added in exactly the order of a cell-by-cell loop (previous best, plus the
shape's cost, plus the weighted similarity, less paragraph crossings), and of two
shapes that reach the same value the one listed first wins, so the path found does not
depend on how the work was batched.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from aligner.align.band import Band, FloatArray, IntArray, SpanTable, span_table
from aligner.align.objective import Objective

# Cells filled per stretch: bounds the memory of the per-shape values, whatever the band.
CHUNK_CELLS = 16384

LinkValues = Callable[
    [SpanTable, tuple[int, int], tuple[IntArray, IntArray]], tuple[FloatArray, FloatArray | None]
]


def chunk_end(starts: IntArray, row: int, last: int) -> int:
    """The row after a stretch that starts at ``row`` and holds about CHUNK_CELLS cells."""
    limit = int(starts[row]) + CHUNK_CELLS
    stop = int(np.searchsorted(starts, limit, "right")) - 1
    return min(last + 1, max(row + 1, stop))


class BandFill:
    """Fills the best-path table of one band (``best``/``back``, laid out row by row
    from ``starts``; ``best`` has one more cell, always -inf, for links from outside)."""

    def __init__(
        self,
        scorer: object,
        shapes: Sequence[tuple[int, int]],
        objective: Objective,
        link_values: LinkValues,
        band: tuple[IntArray, IntArray, IntArray],
        table: tuple[FloatArray, npt.NDArray[np.int8]],
    ) -> None:
        self._scorer = scorer
        self._shapes = list(shapes)
        self._objective = objective
        self._link_values = link_values
        self._low, self._high, self._starts = band
        self._best, self._back = table
        self._n = len(self._low) - 1
        self._m = int(self._high[-1])
        self._outside = len(self._best) - 1
        # Shapes other than 0:1, in the order given (earlier wins a tie).
        self._others = [t for t, shape in enumerate(self._shapes) if shape != (0, 1)]
        self._costs = np.array(
            [-objective.shape_cost(*self._shapes[t]) for t in self._others], dtype=np.float64
        )
        self._numbers = np.array(self._others, dtype=np.int8)
        self._skip_en = self._shapes.index((0, 1)) if (0, 1) in self._shapes else None
        self._linked = [t for t in self._others if min(self._shapes[t]) > 0]
        self._max_zh = max([a for a, _ in self._shapes] + [1])
        self._max_en = max([b for _, b in self._shapes] + [1])

    def rows(self, first: int, stop: int) -> None:
        """Fill rows ``first .. stop - 1`` (every row above them is filled)."""
        starts, low = self._starts, self._low
        offset = int(starts[first])
        widths = self._high[first:stop] - low[first:stop] + 1
        row = np.repeat(np.arange(first, stop, dtype=np.int64), widths)
        column = (
            np.arange(int(starts[stop]) - offset, dtype=np.int64)
            - np.repeat(starts[first:stop] - offset, widths)
            + np.repeat(low[first:stop], widths)
        )
        previous, gained, crossed = self._values(first, stop, row, column)
        for i in range(first, stop):
            self._row(
                i, int(starts[i]) - offset, int(starts[i + 1]) - offset, previous, gained, crossed
            )

    def _values(
        self, first: int, stop: int, row: IntArray, column: IntArray
    ) -> tuple[IntArray, FloatArray, FloatArray | None]:
        """For each shape other than 0:1 and each cell of the stretch: the cell the link
        comes from (or the outside cell), the value it adds, the crossings it pays."""
        count = len(self._others)
        previous = np.full((count, len(row)), self._outside, dtype=np.int64)
        gained = np.zeros((count, len(row)), dtype=np.float64)
        crossed: FloatArray | None = None
        table: SpanTable | None = None
        low, high, starts = self._low, self._high, self._starts
        edge = self._objective.edge_skip_discount
        for k, t in enumerate(self._others):
            a, b = self._shapes[t]
            i0, j0 = row - a, column - b
            inside = (i0 >= 0) & (j0 >= 0)
            i0 = np.where(inside, i0, 0)
            inside &= (j0 >= low[i0]) & (j0 <= high[i0])
            cells = np.flatnonzero(inside)
            previous[k, cells] = starts[i0[cells]] + j0[cells] - low[i0[cells]]
            if not len(cells):
                continue
            if b == 0:  # an omitted Chinese sentence: cheaper at either end of the English
                ends = (column[cells] == 0) | (column[cells] == self._m)
                gained[k, cells] = np.where(ends, edge, 0.0)
                continue
            if table is None:
                base = max(0, first - self._max_zh)
                band = Band(base, low[base:stop], high[base:stop], self._max_zh, self._max_en)
                table = span_table(self._scorer, band)
            value, crossing = self._link_values(table, (a, b), (row[cells], column[cells]))
            gained[k, cells] = value
            if crossing is not None:
                if crossed is None:
                    crossed = np.zeros((count, len(row)), dtype=np.float64)
                crossed[k, cells] = crossing
        return previous, gained, crossed

    def _row(
        self,
        i: int,
        begin: int,
        end: int,
        previous: IntArray,
        gained: FloatArray,
        crossed: FloatArray | None,
    ) -> None:
        width = end - begin
        cell = int(self._starts[i])
        if self._others:
            values = self._best[previous[:, begin:end]]
            values += self._costs[:, None]
            values += gained[:, begin:end]
            if crossed is not None:
                values -= crossed[:, begin:end]
            choice = values.argmax(axis=0)
            top = values[choice, np.arange(width)]
            kinds = self._numbers[choice]
            kinds[top == -math.inf] = -1
        else:
            top = np.full(width, -math.inf)
            kinds = np.full(width, -1, dtype=np.int8)
        if i == 0:  # where every path starts
            top[0] = 0.0
            kinds[0] = -1
        if self._skip_en is not None and width > 1:
            self._skips(i, top, kinds)
        self._best[cell : cell + width] = top
        self._back[cell : cell + width] = kinds

    def _skips(self, i: int, top: FloatArray, kinds: npt.NDArray[np.int8]) -> None:
        """Let each cell of the row be reached from its left neighbour by leaving an
        English sentence unlinked (0:1), where that is better (or as good and listed
        first)."""
        assert self._skip_en is not None
        number = self._skip_en
        cost = -self._objective.shape_cost(0, 1)
        edge = self._objective.edge_skip_discount if i in (0, self._n) else None
        step = top[:-1] + cost
        if edge is not None:
            step += edge
        wins = (step > top[1:]) | ((step == top[1:]) & (number < kinds[1:]))
        wins &= step > -math.inf
        found = np.flatnonzero(wins)
        if not len(found):
            return
        values = top.tolist()
        numbers = kinds.tolist()
        for c in range(int(found[0]) + 1, len(values)):
            before = values[c - 1]
            if before == -math.inf:
                continue
            value = before + cost
            if edge is not None:
                value += edge
            here = values[c]
            if value > here or (value == here and number < numbers[c]):
                values[c] = value
                numbers[c] = number
        top[:] = values
        kinds[:] = numbers
