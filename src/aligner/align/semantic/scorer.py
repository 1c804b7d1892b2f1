"""Semantic and hybrid scorers: sentence embeddings, alone or mixed with lexical evidence.

Embeddings recognise a paraphrase that shares no dictionary word with the original,
which is what a free literary or journalistic translation is made of; the lexical
scorer recognises names, figures and glossary terms exactly, where a small embedding
model is vague. A weighted mean of the two beats either alone on MAC-Dev, and keeps
the value on the [0, 1] scale the search's costs and thresholds were tuned for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aligner.align.scorer import Scorer, SpanScorer
from aligner.align.semantic.cache import EmbeddingCache
from aligner.align.semantic.embed import EmbeddingStats, embed_texts
from aligner.align.semantic.encoder import Encoder, EncoderUnavailable
from aligner.align.semantic.progress import ProgressCallback
from aligner.align.semantic.similarity import CosineScale, SemanticSpanScorer
from aligner.model import Document


@dataclass(frozen=True)
class Blend:
    """How embedding evidence is scaled and how much of the final score it makes up."""

    scale: CosineScale
    semantic_share: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.semantic_share <= 1.0:
            raise ValueError("semantic_share must be within [0, 1]")


class BlendedSpanScorer:
    """``share * semantic + (1 - share) * lexical`` for every span pair.

    ``embedding`` tells what embedding this document pair cost, for timing reports.
    """

    def __init__(
        self,
        semantic: SemanticSpanScorer,
        lexical: SpanScorer | None,
        semantic_share: float,
        embedding: EmbeddingStats,
    ) -> None:
        self._semantic = semantic
        self._lexical = lexical if semantic_share < 1.0 else None
        self._share = semantic_share
        self.embedding = embedding

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        value = self._semantic.similarity(zh_start, zh_end, en_start, en_end)
        if self._lexical is None:
            return value
        lexical = self._lexical.similarity(zh_start, zh_end, en_start, en_end)
        return self._share * value + (1.0 - self._share) * lexical

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        return self._semantic.candidates(zh_index, en_lo, en_hi)


class SemanticScorer:
    """Embeddings only (``--scorer semantic``), or blended with a lexical scorer (hybrid).

    The encoder is asked only for sentences the cache lacks; ``progress`` makes a fresh
    progress callback for each document pair.
    """

    def __init__(
        self,
        encoder: Encoder,
        blend: Blend,
        lexical: Scorer | None = None,
        cache: EmbeddingCache | None = None,
        progress: Callable[[], ProgressCallback] | None = None,
        name: str | None = None,
    ) -> None:
        if blend.semantic_share < 1.0 and lexical is None:
            raise ValueError("a blend with a lexical share needs a lexical scorer")
        self._encoder = encoder
        self._blend = blend
        self._lexical = lexical if blend.semantic_share < 1.0 else None
        self._cache = cache
        self._progress = progress
        self.name = name or ("semantic" if self._lexical is None else "hybrid")

    def prepare(self, source: Document, target: Document) -> BlendedSpanScorer:
        zh_texts = [s.text for s in source.segments]
        en_texts = [s.text for s in target.segments]
        vectors, stats = embed_texts(
            zh_texts + en_texts,
            self._encoder,
            self._cache,
            self._progress() if self._progress is not None else None,
        )
        semantic = SemanticSpanScorer(
            vectors[: len(zh_texts)], vectors[len(zh_texts) :], self._blend.scale
        )
        lexical = self._lexical.prepare(source, target) if self._lexical is not None else None
        return BlendedSpanScorer(semantic, lexical, self._blend.semantic_share, stats)


class FallbackScorer:
    """The hybrid scorer, or the lexical one if the model turns out not to load.

    ``--scorer auto`` picks the hybrid scorer when its package is installed; a broken
    install (a missing shared library, say) should cost accuracy, not the run.
    """

    def __init__(self, preferred: Scorer, fallback: Scorer, notify: Callable[[str], None]) -> None:
        self._preferred: Scorer | None = preferred
        self._fallback = fallback
        self._notify = notify
        self.name = preferred.name

    def prepare(self, source: Document, target: Document) -> SpanScorer:
        if self._preferred is not None:
            try:
                return self._preferred.prepare(source, target)
            except EncoderUnavailable as error:
                self._notify(f"embedding model unavailable ({error}); using the lexical scorer")
                self._preferred = None
                self.name = self._fallback.name
        return self._fallback.prepare(source, target)
