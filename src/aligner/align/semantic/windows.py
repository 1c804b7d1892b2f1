"""Windows of consecutive sentences, each embedded as one text (Bertalign's recipe).

A free translation regroups clauses: one Chinese sentence becomes two English ones, or
two become three. The encoder reads the joined text of such a window as one thought, which
recognises a regrouped translation far better than adding up the vectors of its sentences
(on MAC-Dev, two points of F1 once links are scored as windows). So every run of one to
``largest`` consecutive sentences is embedded; windows are cached by text like single
sentences, so a document is embedded once. Runs longer than that are rare and are
composed from their sentences' vectors instead.

Vectors are rounded to multiples of 2^-14 and kept as 16-bit integers: a book's windows
then fit in tens of megabytes, and every dot product is an exact integer in float64
whatever order BLAS sums in, so a near-tie in the search falls the same way on every run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from aligner.align.semantic.encoder import FloatArray

# Chinese runs on without spaces; English sentences are joined by one.
SEPARATORS = {"zh": "", "en": " "}
_QUANTUM = 2.0**14
DOT_UNIT = 1.0 / (_QUANTUM * _QUANTUM)
_TINY = 1e-12
_CHUNK = 4096
# Dot products are computed one window of one side against this many of the other.
BLOCK = 64
# Blocks of dot products kept; the search walks down the rows, so old ones are not asked
# again (and are recomputed if they are).
_KEPT_BLOCKS = 4096

Int16Array = npt.NDArray[np.int16]
Float64Array = npt.NDArray[np.float64]


def window_texts(texts: Sequence[str], largest: int, separator: str) -> list[str]:
    """Every run of 1..``largest`` consecutive sentences joined, all singles first,
    then all pairs, and so on (the order :class:`WindowSide` expects its vectors in)."""
    return [
        separator.join(texts[start : start + size])
        for size in range(1, largest + 1)
        for start in range(len(texts) - size + 1)
    ]


def window_count(sentences: int, largest: int) -> int:
    """How many texts :func:`window_texts` returns."""
    return sum(max(0, sentences - size + 1) for size in range(1, largest + 1))


class WindowSide:
    """One document's window vectors, with their lengths and closeness to the other side.

    ``vectors`` holds one L2-normalised row per text of ``window_texts(sentences,
    largest)``. ``totals(size)`` gives, for each window, its vector's dot product with
    the sum of the other document's sentence vectors (set by :meth:`set_other`),
    divided by the window's length: the raw material of the margin.
    """

    def __init__(self, vectors: FloatArray, sentences: int, largest: int) -> None:
        largest = max(1, min(largest, sentences)) if sentences else 1
        if len(vectors) != window_count(sentences, largest):
            raise ValueError("one vector per window expected")
        self.sentences = sentences
        self.largest = largest
        self.dimension = int(vectors.shape[1]) if vectors.ndim == 2 and len(vectors) else 0
        self._rows: Int16Array = np.empty((len(vectors), self.dimension), dtype=np.int16)
        # In chunks, so a book's windows never exist twice in float64.
        for start in range(0, len(vectors), _CHUNK):
            chunk = np.asarray(vectors[start : start + _CHUNK], dtype=np.float64)
            self._rows[start : start + _CHUNK] = np.clip(np.rint(chunk * _QUANTUM), -32767, 32767)
        self._offsets = [0]
        for size in range(1, largest + 1):
            self._offsets.append(self._offsets[-1] + sentences - size + 1)
        self._norms: dict[int, Float64Array] = {}
        self._totals: dict[int, Float64Array] = {}
        self._scale_rows: dict[int, tuple[list[float], list[float]]] = {}
        self._other_total: Float64Array | None = None

    @property
    def sentence_total(self) -> Float64Array:
        """The sum of the sentence vectors (in quantised units), exact."""
        total: Float64Array = self.block(1, 0, self.sentences).sum(axis=0)
        return total

    def set_other(self, total: Float64Array) -> None:
        """The other document's summed sentence vectors, for the margin."""
        self._other_total = total
        self._totals.clear()
        self._scale_rows.clear()

    def block(self, size: int, first: int, last: int) -> Float64Array:
        """Vectors of the windows of ``size`` sentences starting at first..last-1.

        Embedded windows are read as stored; longer ones are summed from their
        sentences (exact, being integers).
        """
        last = min(last, self.sentences - size + 1)
        if last <= first:
            return np.zeros((0, self.dimension), dtype=np.float64)
        if size <= self.largest:
            base = self._offsets[size - 1]
            return self._rows[base + first : base + last].astype(np.float64)
        singles = self._rows[: self.sentences]
        total = np.zeros((last - first, self.dimension), dtype=np.float64)
        for offset in range(size):
            total += singles[first + offset : last + offset]
        return total

    def scale_row(self, size: int) -> tuple[list[float], list[float]]:
        """For every window of ``size`` sentences: 1 / its vector's length (a dot product
        times two of these is a cosine) and its :meth:`totals`; as lists, for the hot
        loop."""
        row = self._scale_rows.get(size)
        if row is None:
            row = self._scale_rows[size] = (
                (1.0 / self.norms(size)).tolist(),
                self.totals(size).tolist(),
            )
        return row

    def norms(self, size: int) -> Float64Array:
        """Lengths of the (quantised) vectors of every window of ``size`` sentences."""
        return self._size_table(self._norms, size, self._norms_of)

    def totals(self, size: int) -> Float64Array:
        """Every window's dot product with the other document's summed sentence
        vectors, over the window's length (a sum of cosine-scaled closeness)."""
        return self._size_table(self._totals, size, self._totals_of)

    @staticmethod
    def _size_table(
        tables: dict[int, Float64Array], size: int, build: Callable[[int], Float64Array]
    ) -> Float64Array:
        """A per-window quantity for every window of one size, computed on first use."""
        table = tables.get(size)
        if table is None:
            table = tables[size] = build(size)
        return table

    def _norms_of(self, size: int) -> Float64Array:
        rows = self.block(size, 0, self.sentences)
        squares = np.einsum("ij,ij->i", rows, rows) * DOT_UNIT
        norms: Float64Array = np.sqrt(np.maximum(squares, _TINY))
        return norms

    def _totals_of(self, size: int) -> Float64Array:
        if self._other_total is None:
            return np.zeros(max(0, self.sentences - size + 1), dtype=np.float64)
        rows = self.block(size, 0, self.sentences)
        dots = (rows @ self._other_total) * DOT_UNIT
        totals: Float64Array = dots / self.norms(size)
        return totals


class CrossDots:
    """Dot products between windows of the two sides, computed in blocks as asked.

    The search asks, row after row, for a Chinese window against English windows along
    the band; a block of them is one matrix-vector product, and only recent rows are
    kept, so memory follows the band, not the product of the documents' lengths.
    """

    def __init__(self, zh: WindowSide, en: WindowSide) -> None:
        self._zh = zh
        self._en = en
        self._recent: dict[tuple[int, int, int, int], list[float]] = {}

    def dot(self, zh_start: int, zh_size: int, en_start: int, en_size: int) -> float:
        """The dot product of the two windows' vectors (unit-length vectors give cosines
        after division by the norms)."""
        block, offset = divmod(en_start, BLOCK)
        key = (zh_start, zh_size, en_size, block)
        values = self._recent.get(key)
        if values is None:
            values = self._compute(zh_start, zh_size, en_size, block)
        return values[offset]

    def _compute(self, zh_start: int, zh_size: int, en_size: int, block: int) -> list[float]:
        vector = self._zh.block(zh_size, zh_start, zh_start + 1)[0]
        first = block * BLOCK
        products = self._en.block(en_size, first, first + BLOCK) @ vector
        values = [x * DOT_UNIT for x in products.tolist()]
        recent = self._recent
        recent[(zh_start, zh_size, en_size, block)] = values
        if len(recent) > _KEPT_BLOCKS:
            # Dicts keep insertion order; the search moves down the rows, so the
            # oldest blocks are the ones it has left behind.
            for key in list(itertools.islice(recent, _KEPT_BLOCKS // 4)):
                del recent[key]
        return values
