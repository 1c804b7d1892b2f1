"""TSV and CSV: one row per link, for scripts, diff tools and spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from aligner.formats.rows import LinkRow, link_rows
from aligner.formats.settings import OutputSettings
from aligner.model import Finding, Report

COLUMNS: tuple[str, ...] = ("#", "zh_ids", "en_ids", "confidence", "zh", "en", "findings")

# Spreadsheet programs run a cell that starts with one of these as a formula; a sentence such
# as "-3.2% year on year" would turn into #NAME? and crafted text could do worse.
_FORMULA_TRIGGERS = ("=", "+", "-", "@")


def format_ids(ids: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in ids)


def format_findings(findings: Iterable[Finding]) -> str:
    return "; ".join(f"{f.check}/{f.severity.value}: {f.message}" for f in findings)


def _cells(row: LinkRow) -> list[str]:
    return [
        str(row.number),
        format_ids(row.link.zh),
        format_ids(row.link.en),
        f"{row.link.confidence:.2f}",
        row.zh,
        row.en,
        format_findings(row.findings),
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
        for text_column in (4, 5, 6):
            cells[text_column] = _defuse_formula(cells[text_column])
        writer.writerow(cells)
    return buffer.getvalue()


def tsv_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_tsv(report).encode("utf-8")


def csv_bytes(report: Report, settings: OutputSettings) -> bytes:
    """UTF-8 with a byte order mark, because Excel opens BOM-less UTF-8 CSV as ANSI."""
    return render_csv(report).encode("utf-8-sig")
