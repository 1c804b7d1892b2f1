"""Semantic, hybrid and ensemble scorers: window embeddings, alone or with lexical evidence.

Embeddings recognise a paraphrase that shares no dictionary word with the original,
which is what a free literary or journalistic translation is made of; the lexical
scorer recognises names, figures and glossary terms exactly, where a small embedding
model is vague. Their sum beats either alone on MAC-Dev. Several encoders can be
combined (``ensemble``): their window similarities are averaged with fixed weights
before the lexical evidence is added.

Links are scored once each (see ``objective.py``). How much an unlinked sentence costs
is decided per document pair, from how closely the translation follows its original
(``closeness.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from aligner.align.closeness import CLOSENESS, Adapted
from aligner.align.length import LengthModel
from aligner.align.lexical import LexicalScorer
from aligner.align.objective import Objective
from aligner.align.scorer import Scorer, SpanScorer
from aligner.align.semantic.cache import EmbeddingCache
from aligner.align.semantic.embed import EmbeddingStats, embed_texts
from aligner.align.semantic.encoder import Encoder, EncoderUnavailable
from aligner.align.semantic.progress import ProgressCallback
from aligner.align.semantic.similarity import WindowSpanScorer
from aligner.align.semantic.windows import SEPARATORS, WindowSide, window_texts
from aligner.language.traditional import to_simplified
from aligner.model import Document


@dataclass(frozen=True)
class Member:
    """One encoder of a scorer: its weight and how its windows are built and scored.

    ``windows`` is the largest window embedded on the Chinese and on the English side
    (longer spans are composed from sentence vectors): translators split a Chinese
    sentence into up to four English ones far more often than they join three. ``scale``
    multiplies the encoder's similarities so that members of an ensemble are comparable.
    """

    encoder: Encoder
    weight: float = 1.0
    windows: tuple[int, int] = (2, 4)
    hub_weight: float = 1.0
    scale: float = 1.0

    def __post_init__(self) -> None:
        if self.weight <= 0 or self.scale <= 0 or min(self.windows) < 1:
            raise ValueError(
                "a member needs a positive weight and scale, and windows of a sentence or more"
            )


@dataclass(frozen=True)
class Blend:
    """How the members' window similarity is mixed with lexical evidence and searched.

    ``lexical_weight`` is how much of the dictionary scorer's similarity is added to the
    members' weighted mean (0 for the semantic scorer, which scores by embeddings
    alone). ``objective`` values the links, with the cost of an unlinked sentence taken
    from ``skip_cost``. Both adapt to how closely each document pair's translation
    follows its original (``closeness.py``), which the dictionary measures in every
    case.
    """

    lexical_weight: Adapted
    skip_cost: Adapted
    objective: Objective
    length_agreement: bool = True

    def __post_init__(self) -> None:
        if min(self.lexical_weight.free, self.lexical_weight.close) < 0:
            raise ValueError("lexical_weight must not be negative")


class BlendedSpanScorer:
    """Weighted mean of the members' window similarities plus the lexical share.

    ``embedding`` tells what embedding this document pair cost, for timing reports;
    ``closeness`` is the pair's typical lexical similarity that chose the settings.
    ``members`` (weights summing to 1) and ``lexical`` are kept so that a benchmark can
    blend the same prepared parts differently without embedding again.
    """

    def __init__(
        self,
        members: Sequence[tuple[float, WindowSpanScorer]],
        lexical: SpanScorer | None,
        lexical_weight: float,
        objective: Objective,
        embedding: EmbeddingStats,
        closeness: float = 0.0,
    ) -> None:
        if not members:
            raise ValueError("a blend needs at least one embedding member")
        total = sum(weight for weight, _ in members)
        self.members = tuple((weight / total, scorer) for weight, scorer in members)
        self.lexical = lexical
        self._lexical = lexical if lexical_weight > 0 else None
        self.lexical_weight = lexical_weight
        self.objective = objective
        self.embedding = embedding
        self.closeness = closeness

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        if zh_start == zh_end or en_start == en_end:
            return 0.0
        value = 0.0
        for weight, member in self.members:
            value += weight * member.similarity(zh_start, zh_end, en_start, en_end)
        if self._lexical is not None:
            value += self.lexical_weight * self._lexical.similarity(
                zh_start, zh_end, en_start, en_end
            )
        return value

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        return self.members[0][1].candidates(zh_index, en_lo, en_hi)


class SemanticScorer:
    """Window embeddings only (``--scorer semantic``), or with lexical evidence (hybrid).

    The encoders are asked only for windows the cache lacks; ``progress`` makes a fresh
    progress callback for each embedding run.
    """

    def __init__(
        self,
        members: Sequence[Member],
        blend: Blend,
        lexical: LexicalScorer,
        cache: EmbeddingCache | None = None,
        progress: Callable[[], ProgressCallback] | None = None,
        name: str | None = None,
    ) -> None:
        if not members:
            raise ValueError("a semantic scorer needs at least one encoder")
        self._members = tuple(members)
        self._blend = blend
        self._lexical = lexical
        self._cache = cache
        self._progress = progress
        alone = blend.lexical_weight.free == blend.lexical_weight.close == 0
        self.name = name or ("semantic" if alone else "hybrid")

    def prepare(self, source: Document, target: Document) -> BlendedSpanScorer:
        zh_texts = [s.text for s in source.segments]
        en_texts = [s.text for s in target.segments]
        lengths = LengthModel.build(zh_texts, en_texts) if self._blend.length_agreement else None
        # The encoder saw far more simplified than traditional Chinese; folding (which keeps
        # every character's place) gives a Hong Kong or Taiwan release the same vectors.
        zh_texts = [to_simplified(text) for text in zh_texts]
        parts: list[tuple[float, WindowSpanScorer]] = []
        spent = EmbeddingStats(0, 0, 0, 0, 0.0)
        for member in self._members:
            zh_side, en_side, stats = self._embed(member, zh_texts, en_texts)
            spent = _add(spent, stats)
            window_scorer = WindowSpanScorer(
                zh_side, en_side, lengths, member.hub_weight, member.scale
            )
            parts.append((member.weight, window_scorer))
        lexical = self._lexical.prepare(source, target)
        blend = self._blend
        share = CLOSENESS.share(lexical.closeness)
        objective = replace(blend.objective, skip_cost=blend.skip_cost.at(share))
        return BlendedSpanScorer(
            parts, lexical, blend.lexical_weight.at(share), objective, spent, lexical.closeness
        )

    def _embed(
        self, member: Member, zh_texts: list[str], en_texts: list[str]
    ) -> tuple[WindowSide, WindowSide, EmbeddingStats]:
        """Both sides' windows in one encoder run (one progress bar, full batches)."""
        zh_largest = max(1, min(member.windows[0], len(zh_texts)))
        en_largest = max(1, min(member.windows[1], len(en_texts)))
        zh_windows = window_texts(zh_texts, zh_largest, SEPARATORS["zh"])
        en_windows = window_texts(en_texts, en_largest, SEPARATORS["en"])
        vectors, stats = embed_texts(
            zh_windows + en_windows,
            member.encoder,
            self._cache,
            self._progress() if self._progress is not None else None,
        )
        zh_side = WindowSide(vectors[: len(zh_windows)], len(zh_texts), zh_largest)
        en_side = WindowSide(vectors[len(zh_windows) :], len(en_texts), en_largest)
        return zh_side, en_side, stats


def _add(a: EmbeddingStats, b: EmbeddingStats) -> EmbeddingStats:
    return EmbeddingStats(
        a.texts + b.texts,
        a.distinct + b.distinct,
        a.from_cache + b.from_cache,
        a.encoded + b.encoded,
        a.seconds + b.seconds,
    )


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
