"""The small interface every similarity scorer implements.

The search only asks one question, "how likely is it that these Chinese sentences and
these English sentences translate each other?", for contiguous spans. Keeping the
interface that narrow lets a semantic (embedding) scorer replace or join the lexical one
without touching the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aligner.model import Document


class SpanScorer(Protocol):
    """Similarity of a Chinese span and an English span, prepared for one document pair."""

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """A value in [0, 1]: 0 unrelated, 1 certainly a translation. Spans are half-open."""
        ...

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> Sequence[int]:
        """A few English sentences in [en_lo, en_hi) likely to translate Chinese sentence
        ``zh_index``, found without scoring every pair; used to anchor long documents."""
        ...


class Scorer(Protocol):
    """A factory that prepares a :class:`SpanScorer` for one pair of documents."""

    name: str

    def prepare(self, source: Document, target: Document) -> SpanScorer: ...
