"""Link similarities for a whole stretch of the search band at once.

The search asks for the similarity of every link shape at every cell of its band: well
over a million questions for a book. Asked one by one through
:meth:`SpanScorer.similarity` each costs a Python call and its own look-ups; asked for a
stretch of the band at once, a scorer answers with a few array operations over all of
them, sharing the work between links that share sentences. A scorer offers this through
``span_table(band)``; one that does not (a test's toy scorer, say) is asked link by link
through :class:`ScalarTable`, with the same results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Band:
    """Where links may start and end: for each boundary row ``first + k`` (the number of
    Chinese sentences before it), the English boundaries ``lows[k]..highs[k]`` inclusive.

    A link joins a start cell and an end cell of the band, with at most ``max_zh``
    Chinese and ``max_en`` English sentences. Both bounds are non-decreasing, as the
    search builds them.
    """

    first: int
    lows: IntArray
    highs: IntArray
    max_zh: int = 4
    max_en: int = 4

    @property
    def last(self) -> int:
        """The last boundary row of the band."""
        return self.first + len(self.lows) - 1

    def shifted(self, zh_offset: int, en_offset: int) -> Band:
        """The same band in documents that start ``zh_offset`` and ``en_offset``
        sentences earlier."""
        return Band(
            self.first + zh_offset,
            self.lows + en_offset,
            self.highs + en_offset,
            self.max_zh,
            self.max_en,
        )

    def sentence_columns(self) -> tuple[IntArray, IntArray]:
        """For each Chinese sentence ``first..last-1``, the English sentences
        ``[start, stop)`` that any link of the band holding it can hold."""
        rows = len(self.lows)
        sentences = rows - 1
        if sentences <= 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        start = self.lows[:sentences].copy()
        stop = self.highs[1:].copy()
        for back in range(1, min(self.max_zh, sentences)):
            # A link holding sentence i starts at a row up to max_zh - 1 above it ...
            start[back:] = np.minimum(start[back:], self.lows[: sentences - back])
        for ahead in range(1, min(self.max_zh, sentences)):
            # ... and ends at a row up to max_zh below it.
            stop[: sentences - ahead] = np.maximum(
                stop[: sentences - ahead], self.highs[1 + ahead : rows]
            )
        return start, np.maximum(stop, start)


class SpanTable(Protocol):
    """Similarities of links inside one band, many at a time."""

    def similarity(
        self, zh_starts: IntArray, en_starts: IntArray, zh_size: int, en_size: int
    ) -> FloatArray:
        """The similarity of each link ``zh_starts[k] .. + zh_size`` and ``en_starts[k]
        .. + en_size`` (both sizes at least 1; every link inside the band)."""
        ...


@runtime_checkable
class TableScorer(Protocol):
    """A span scorer that can answer for a whole band at once."""

    def span_table(self, band: Band) -> SpanTable: ...


class ScalarTable:
    """A band's similarities asked link by link, for scorers without tables."""

    def __init__(self, similarity: Callable[[int, int, int, int], float]) -> None:
        self._similarity = similarity

    def similarity(
        self, zh_starts: IntArray, en_starts: IntArray, zh_size: int, en_size: int
    ) -> FloatArray:
        ask = self._similarity
        return np.array(
            [
                ask(i, i + zh_size, j, j + en_size)
                for i, j in zip(zh_starts.tolist(), en_starts.tolist(), strict=True)
            ],
            dtype=np.float64,
        )


def span_table(scorer: object, band: Band) -> SpanTable:
    """The scorer's own table for ``band``, or link-by-link questions if it has none."""
    if isinstance(scorer, TableScorer):
        return scorer.span_table(band)
    similarity = scorer.similarity  # type: ignore[attr-defined]
    return ScalarTable(similarity)


def pair_similarities(scorer: object, zh: IntArray, en: IntArray) -> FloatArray:
    """One-to-one similarities of the pairs ``(zh[k], en[k])``: through the scorer's
    ``pair_similarities`` when it has one, else one question per pair."""
    batch = getattr(scorer, "pair_similarities", None)
    if batch is not None:
        result: FloatArray = batch(zh, en)
        return result
    similarity = scorer.similarity  # type: ignore[attr-defined]
    return np.array(
        [similarity(i, i + 1, j, j + 1) for i, j in zip(zh.tolist(), en.tolist(), strict=True)],
        dtype=np.float64,
    )
