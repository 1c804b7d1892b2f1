"""Completing a partial alignment: links a person fixed stay, the rest is aligned around them.

A reviewer who corrects a few links should not have to link every other sentence by hand,
and should not see the aligner undo the correction either. The fixed links split both
documents into stretches between them; each stretch (a *gap*) is aligned on its own, as a
pair of small documents, and the results are put back between the fixed links. Because a
gap's edges are pinned by the links around it, correcting one link re-aligns exactly its
neighbourhood, which is how the alignment editors of CAT tools behave.

Each gap is scored with a scorer prepared once for the whole documents, seen through a
window (:class:`_Window`): what the scorer learns from the whole text (word weights,
embeddings, how unrelated sentences compare) stays the same as in a full alignment, while
the search, the length model and the link shapes work on the gap alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from aligner.align import SearchConfig, align_prepared
from aligner.align.coverage import LinkTypesTooNarrow
from aligner.align.objective import Objective
from aligner.align.scorer import SpanScorer
from aligner.model import Alignment, Document, Link

GIVEN_CONFIDENCE = 1.0
"""A link a person gave is certain, whatever the aligner would have made of it."""


@dataclass(frozen=True)
class Gap:
    """Sentences between two fixed links (half-open ranges) that the aligner must link."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int

    @property
    def empty(self) -> bool:
        return self.zh_start == self.zh_end and self.en_start == self.en_end


Piece = Link | Gap
"""A partial alignment in document order: fixed links, and gaps for the aligner to fill."""


def needs_search(pieces: Sequence[Piece]) -> bool:
    """Whether any gap holds a sentence, so that a scorer must be prepared at all."""
    return any(isinstance(piece, Gap) and not piece.empty for piece in pieces)


def complete_alignment(
    source: Document,
    target: Document,
    pieces: Sequence[Piece],
    prepare: Callable[[], SpanScorer],
    config: SearchConfig | None = None,
) -> Alignment:
    """The alignment that keeps every fixed link and aligns each gap between them.

    ``pieces`` must cover both documents in order, every sentence once (as the alignment
    file readers guarantee). ``prepare`` makes the scorer for the whole documents and is
    called only if some gap holds a sentence. Fixed links get confidence 1.0; links found
    in a gap get the confidence the search gives them.
    """
    config = config or SearchConfig()
    scorer: SpanScorer | None = None
    links: list[Link] = []
    for piece in pieces:
        if isinstance(piece, Link):
            links.append(Link(piece.zh, piece.en, GIVEN_CONFIDENCE))
            continue
        if piece.empty:
            continue
        if scorer is None:
            scorer = prepare()
        links.extend(_align_gap(source, target, piece, scorer, config))
    alignment = Alignment(source, target, tuple(links))
    _check_complete(alignment)
    return alignment


def _align_gap(
    source: Document, target: Document, gap: Gap, scorer: SpanScorer, config: SearchConfig
) -> list[Link]:
    zh_count, en_count = gap.zh_end - gap.zh_start, gap.en_end - gap.en_start
    one_sided = (1, 0) if en_count == 0 else (0, 1) if zh_count == 0 else None
    if one_sided is not None and one_sided not in config.link_types:
        raise _gap_too_narrow(gap, config)
    part_source = _part(source, gap.zh_start, gap.zh_end)
    part_target = _part(target, gap.en_start, gap.en_end)
    window = _Window(scorer, gap.zh_start, gap.en_start)
    try:
        found = align_prepared(part_source, part_target, window, config)
    except LinkTypesTooNarrow:
        raise _gap_too_narrow(gap, config) from None
    return [
        Link(
            tuple(i + gap.zh_start for i in link.zh),
            tuple(j + gap.en_start for j in link.en),
            link.confidence,
        )
        for link in found.links
    ]


def _gap_too_narrow(gap: Gap, config: SearchConfig) -> LinkTypesTooNarrow:
    allowed = ",".join(f"{a}:{b}" for a, b in config.link_types)
    return LinkTypesTooNarrow(
        f"link types {allowed} cannot link {_span('Chinese', gap.zh_start, gap.zh_end)} "
        f"to {_span('English', gap.en_start, gap.en_end)}, which lie between two given "
        "links; allow 0:1 and 1:0, or link those sentences in the alignment file"
    )


def _span(side: str, start: int, end: int) -> str:
    if start == end:
        return f"no {side} sentence"
    if end - start == 1:
        return f"{side} sentence {start}"
    return f"{side} sentences {start}-{end - 1}"


def _part(document: Document, start: int, end: int) -> Document:
    """Sentences ``start``..``end`` as a document of their own, numbered from 0."""
    segments = tuple(
        replace(segment, id=index) for index, segment in enumerate(document.segments[start:end])
    )
    return Document(document.path, document.lang, segments)


class _Window:
    """A scorer prepared for the whole documents, seen from one gap (ids shifted)."""

    def __init__(self, scorer: SpanScorer, zh_offset: int, en_offset: int) -> None:
        self._scorer = scorer
        self._zh = zh_offset
        self._en = en_offset

    @property
    def objective(self) -> Objective:
        """Links in a gap are valued as in the whole documents (same calibration)."""
        return self._scorer.objective

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        return self._scorer.similarity(
            zh_start + self._zh, zh_end + self._zh, en_start + self._en, en_end + self._en
        )

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> Sequence[int]:
        found = self._scorer.candidates(zh_index + self._zh, en_lo + self._en, en_hi + self._en)
        return [j - self._en for j in found]


def _check_complete(alignment: Alignment) -> None:
    """Every sentence exactly once, in order: what every later stage relies on."""
    zh = [i for link in alignment.links for i in link.zh]
    en = [j for link in alignment.links for j in link.en]
    if zh != list(range(len(alignment.source.segments))) or en != list(
        range(len(alignment.target.segments))
    ):
        raise ValueError("the pieces of a partial alignment do not cover both documents")
