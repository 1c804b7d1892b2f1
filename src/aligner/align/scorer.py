"""The small interface every similarity scorer implements.

The search only asks one question, "how likely is it that these Chinese sentences and
these English sentences translate each other?", for contiguous spans. Keeping the
interface that narrow lets a semantic (embedding) scorer replace or join the lexical one
without touching the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aligner.align.objective import Objective
from aligner.model import Document


class SpanScorer(Protocol):
    """Similarity of a Chinese span and an English span, prepared for one document pair.

    ``objective`` says how the search values a link with this similarity: scorers
    differ in scale and in what a span's similarity stands for.
    """

    @property
    def objective(self) -> Objective: ...

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Higher for likelier translations, about 0 for unrelated text, about 1 for a
        certain one (the dictionary scorer stays within [0, 1]). Spans are half-open."""
        ...

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> Sequence[int]:
        """A few English sentences in [en_lo, en_hi) likely to translate Chinese sentence
        ``zh_index``, found without scoring every pair; used to anchor long documents."""
        ...


class Scorer(Protocol):
    """A factory that prepares a :class:`SpanScorer` for one pair of documents."""

    name: str

    def prepare(self, source: Document, target: Document) -> SpanScorer: ...
