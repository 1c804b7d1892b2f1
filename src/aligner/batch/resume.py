"""Results of pairs skipped by ``--resume``, read back from the qa.json they left behind.

The summary of a resumed run must look as if every pair had been checked again, so the
counts come from the stored report, and the texts for the archive-wide checks are
rebuilt from its sentences and links.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from aligner.batch.digest import (
    alignment_from_json,
    comparable_links,
    own_inconsistencies_from_json,
    term_tallies,
)
from aligner.batch.model import PairResult
from aligner.batch.state import QA_FILE
from aligner.glossary.match import term_hits
from aligner.glossary.model import GlossaryEntry
from aligner.model import Report


def skipped_result(
    folder: Path, name: str, zh: str, en: str, glossary: Sequence[GlossaryEntry]
) -> PairResult | None:
    """The stored result, or None when qa.json is missing or damaged (check the pair again)."""
    try:
        data = json.loads((folder / QA_FILE).read_text(encoding="utf-8"))
        alignment = alignment_from_json(data)
        counts = data["summary"]
        links, errors = int(counts["links"]), int(counts["errors"])
        warnings, infos = int(counts["warnings"]), int(counts["infos"])
        already_reported = own_inconsistencies_from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    report = Report(alignment, (), term_hits(alignment, glossary))
    return PairResult(
        name=name,
        zh=zh,
        en=en,
        status="skipped",
        links=links,
        errors=errors,
        warnings=warnings,
        infos=infos,
        report=f"{name}/{QA_FILE}",
        link_texts=comparable_links(alignment),
        terms=term_tallies(report),
        own_inconsistencies=already_reported,
    )
