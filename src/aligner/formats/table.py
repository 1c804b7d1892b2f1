"""TSV and CSV: one row per link, for scripts, diff tools and spreadsheets.

The ``row`` column is the row number every other output shows (from 1), ``zh_ids`` and
``en_ids`` the sentence ids (from 0). Each finding in the ``findings`` cell starts with its
check, severity and id, the id being what ``--accepted`` takes; findings a reviewer accepted
are in the ``accepted`` cell with the reviewer's note.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from aligner.formats.rows import LinkRow, link_rows
from aligner.formats.settings import OutputSettings
from aligner.model import AcceptedFinding, Finding, Report

COLUMNS: tuple[str, ...] = (
    "row",
    "zh_ids",
    "en_ids",
    "confidence",
    "zh",
    "en",
    "findings",
    "accepted",
)

# Spreadsheet programs run a cell that starts with one of these as a formula; a sentence such
# as "-3.2% year on year" would turn into #NAME? and crafted text could do worse.
_FORMULA_TRIGGERS = ("=", "+", "-", "@")


def format_ids(ids: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in ids)


def format_finding(finding: Finding) -> str:
    return f"{finding.check}/{finding.severity.value} {finding.id}: {finding.message}"


def format_findings(findings: Iterable[Finding]) -> str:
    return "; ".join(format_finding(f) for f in findings)


def format_accepted(accepted: Iterable[AcceptedFinding]) -> str:
    return "; ".join(
        format_finding(a.finding) + (f" (accepted: {a.note})" if a.note else " (accepted)")
        for a in accepted
    )


def _cells(row: LinkRow) -> list[str]:
    return [
        str(row.number),
        format_ids(row.link.zh),
        format_ids(row.link.en),
        f"{row.link.confidence:.2f}",
        row.zh,
        row.en,
        format_findings(row.findings),
        format_accepted(row.accepted),
    ]


def _flatten(cell: str) -> str:
    """TSV has no quoting, so a tab or line break inside a sentence would shift columns."""
    return " ".join(cell.replace("\r\n", "\n").replace("\t", " ").splitlines()) if cell else cell


def render_tsv(report: Report) -> str:
    """Tab-separated rows for scripts and diff tools: no quoting, one line per link."""
    lines = ["\t".join(COLUMNS)]
    for row in link_rows(report):
        lines.append("\t".join(_flatten(cell) for cell in _cells(row)))
    return "\n".join(lines) + "\n"


def _defuse_formula(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_TRIGGERS) else cell


def render_csv(report: Report) -> str:
    """Comma-separated rows for spreadsheets, without the byte order mark.

    Text cells that a spreadsheet would evaluate as a formula get a leading apostrophe,
    which Excel and LibreOffice hide and treat as "this is text".
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in link_rows(report):
        cells = _cells(row)
        for text_column in (4, 5, 6, 7):
            cells[text_column] = _defuse_formula(cells[text_column])
        writer.writerow(cells)
    return buffer.getvalue()


def tsv_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_tsv(report).encode("utf-8")


def csv_bytes(report: Report, settings: OutputSettings) -> bytes:
    """UTF-8 with a byte order mark, because Excel opens BOM-less UTF-8 CSV as ANSI."""
    return render_csv(report).encode("utf-8-sig")
