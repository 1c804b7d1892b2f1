"""Sentence alignment of a Chinese document with its English translation."""

from __future__ import annotations

from collections.abc import Sequence

from aligner.align.length import LengthModel
from aligner.align.scorer import Scorer
from aligner.align.search import DEFAULT_LINK_TYPES, SearchConfig, search
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Link

SCORER_NAMES = ("auto", "lexical")

__all__ = ["DEFAULT_LINK_TYPES", "SCORER_NAMES", "SearchConfig", "align_documents", "make_scorer"]


def make_scorer(name: str, glossary: Sequence[GlossaryEntry] = ()) -> Scorer:
    """The scorer for a ``--scorer`` value; ``auto`` picks the best one installed."""
    from aligner.align.lexical import LexicalScorer

    if name not in SCORER_NAMES:
        raise ValueError(f"unknown scorer {name!r}; choose from {', '.join(SCORER_NAMES)}")
    return LexicalScorer(glossary)


def align_documents(
    source: Document,
    target: Document,
    scorer: Scorer,
    config: SearchConfig | None = None,
) -> Alignment:
    """Link every Chinese and English sentence, in order, each exactly once."""
    config = config or SearchConfig()
    span_scorer = scorer.prepare(source, target)
    lengths = LengthModel.build(
        [s.text for s in source.segments], [s.text for s in target.segments]
    )
    beads = search(
        span_scorer,
        lengths,
        [s.paragraph for s in source.segments],
        [s.paragraph for s in target.segments],
        config,
    )
    links = tuple(
        Link(
            tuple(range(b.zh_start, b.zh_end)),
            tuple(range(b.en_start, b.en_end)),
            b.confidence,
        )
        for b in beads
    )
    return Alignment(source, target, links)
