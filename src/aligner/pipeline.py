"""The pipeline as library calls: read → segment → align → check.

The command line is a thin layer over these functions, and batch processing reuses
them, so each takes plain values and returns plain data.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.align import SearchConfig, align_prepared, make_scorer
from aligner.errors import InputError
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Lang, Report


@dataclass(frozen=True)
class AlignOptions:
    """Settings shared by ``align``, ``qa`` and batch runs."""

    split_lines: bool = False
    scorer: str = "auto"
    glossaries: tuple[str, ...] = ()
    use_bundled_glossary: bool = True
    link_types: tuple[tuple[int, int], ...] | None = None


def load_document(path: str, lang: Lang, *, split_lines: bool = False) -> Document:
    """Read and segment one side, refusing a file whose script does not match the side."""
    from aligner.readers import check_side, read_document
    from aligner.segment import segment

    raw = read_document(path, split_lines=split_lines)
    check_side(raw, lang)
    return segment(raw, lang, split_lines=split_lines)


def load_glossary_entries(options: AlignOptions) -> tuple[GlossaryEntry, ...]:
    from aligner.glossary.load import glossary_entries

    return glossary_entries(options.glossaries, include_bundled=options.use_bundled_glossary)


def align_files(
    zh_path: str,
    en_path: str,
    options: AlignOptions = AlignOptions(),
    glossary: Sequence[GlossaryEntry] | None = None,
    timings: dict[str, float] | None = None,
) -> Alignment:
    """Align two files; ``glossary`` defaults to the entries the options name.

    ``timings``, when given, receives the seconds spent reading and segmenting, preparing
    the scorer (dictionary lookups, and embeddings for the semantic scorers) and searching.
    """
    if zh_path == en_path == "-":
        # Otherwise the English side would read an exhausted stream and call it empty.
        raise InputError(
            "<stdin>", "standard input can feed only one side; give the other as a file"
        )
    started = time.perf_counter()
    source = load_document(zh_path, "zh", split_lines=options.split_lines)
    target = load_document(en_path, "en", split_lines=options.split_lines)
    entries = load_glossary_entries(options) if glossary is None else tuple(glossary)
    config = (
        SearchConfig()
        if options.link_types is None
        else SearchConfig(link_types=options.link_types)
    )
    read = time.perf_counter()
    span_scorer = make_scorer(options.scorer, entries).prepare(source, target)
    prepared = time.perf_counter()
    alignment = align_prepared(source, target, span_scorer, config)
    if timings is not None:
        timings.update(
            read=read - started, prepare=prepared - read, search=time.perf_counter() - prepared
        )
    return alignment


def qa_report(
    alignment: Alignment,
    glossary: Sequence[GlossaryEntry],
    *,
    reference: Document | None = None,
    checks: Sequence[str] | None = None,
) -> Report:
    """Run the QA checks and find glossary terms for highlighting in deliverables."""
    from aligner.checks.base import CheckContext
    from aligner.checks.registry import run_checks
    from aligner.glossary.match import term_hits

    context = CheckContext(glossary=tuple(glossary), reference=reference)
    findings = run_checks(alignment, context, checks)
    return Report(alignment, findings, term_hits(alignment, glossary))
