"""Results of pairs skipped by ``--resume``, read back from the qa.json they left behind.

The summary of a resumed run must look as if every pair had been checked again, so the
counts come from the stored report, and the texts for the archive-wide checks are
rebuilt from its sentences and links.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from aligner.batch.model import PairResult
from aligner.batch.reporting.digest import comparable_links, own_inconsistencies, term_tallies
from aligner.batch.running.state import QA_FILE
from aligner.formats.jsonfile import read_report
from aligner.glossary.match import term_hits
from aligner.glossary.model import GlossaryEntry
from aligner.model import Report


def skipped_result(
    folder: Path, name: str, zh: str, en: str, glossary: Sequence[GlossaryEntry]
) -> PairResult | None:
    """The stored result, or None when qa.json is missing or damaged (check the pair again)."""
    try:
        stored = read_report(json.loads((folder / QA_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    alignment = stored.alignment
    counts = stored.counts
    return PairResult(
        name=name,
        zh=zh,
        en=en,
        status="skipped",
        links=len(alignment.links),
        errors=counts.errors,
        warnings=counts.warnings,
        infos=counts.infos,
        accepted=len(stored.accepted),
        report=f"{name}/{QA_FILE}",
        link_texts=comparable_links(alignment),
        terms=term_tallies(Report(alignment, (), term_hits(alignment, glossary))),
        own_inconsistencies=own_inconsistencies(
            stored.findings + tuple(a.finding for a in stored.accepted)
        ),
    )
