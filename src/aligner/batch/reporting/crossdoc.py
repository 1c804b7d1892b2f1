"""Inconsistencies across the documents of an archive (the same sentence, two renderings).

The per-document check already reports what is inconsistent inside one release, in that
release's qa.json. Here the same check runs over all releases at once, and only what it
finds beyond the per-document runs is kept: a sentence rendered one way in this release
and another way in an earlier one. Sentences are compared in one script (see
:func:`aligner.checks.inconsistency.zh_key`), so a Hong Kong or Taiwan release and its
mainland twin are one text, not two that share an English rendering.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aligner.batch.model import ArchiveFinding, LinkText, PairResult
from aligner.checks.inconsistency import located_inconsistencies
from aligner.model import Alignment, Document, Lang, Link, Segment


def _document(path: str, lang: Lang, texts: dict[int, str]) -> Document:
    size = max(texts, default=-1) + 1
    segments = tuple(Segment(i, texts.get(i, ""), 0) for i in range(size))
    return Document(path, lang, segments)


def partial_alignment(name: str, links: Sequence[LinkText]) -> Alignment:
    """An alignment holding only the kept links, with their sentences at their own ids."""
    zh: dict[int, str] = {}
    en: dict[int, str] = {}
    for link in links:
        zh.update(zip(link.zh_ids, link.zh, strict=True))
        en.update(zip(link.en_ids, link.en, strict=True))
    return Alignment(
        _document(name, "zh", zh),
        _document(name, "en", en),
        tuple(Link(link.zh_ids, link.en_ids, 1.0) for link in links),
    )


def archive_inconsistencies(
    results: Sequence[PairResult], accepted: Mapping[str, str] | None = None
) -> tuple[tuple[ArchiveFinding, ...], tuple[ArchiveFinding, ...]]:
    """Findings that need two documents to exist, in document order: those still open,
    and those a reviewer accepted (``accepted`` maps finding ids to notes).

    Documents are compared in the order given (the summary's order), so the earliest
    release is the reference that later ones are measured against. What a document's own
    QA already reported (the same check on that document alone) is left out.
    """
    alignments = [
        (result.name, partial_alignment(result.name, result.link_texts))
        for result in results
        if result.link_texts
    ]
    reported = {(result.name, *key) for result in results for key in result.own_inconsistencies}
    notes = accepted or {}
    still_open: list[ArchiveFinding] = []
    taken: list[ArchiveFinding] = []
    for name, finding in located_inconsistencies(alignments):
        if (name, finding.zh_ids, finding.en_ids, finding.message) in reported:
            continue
        note = notes.get(finding.id)
        if note is None:
            still_open.append(ArchiveFinding(name, finding))
        else:
            taken.append(ArchiveFinding(name, finding, note))
    return tuple(still_open), tuple(taken)
