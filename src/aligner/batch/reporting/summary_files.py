"""summary.json and summary.csv: the whole run at a glance, for scripts and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aligner import __version__
from aligner.batch.model import BatchSummary, PairResult
from aligner.batch.reporting.summary_html import render_summary_html
from aligner.files import write_bytes_atomic, write_text_atomic
from aligner.formats.jsonfile import finding_dict

SUMMARY_JSON = "summary.json"
SUMMARY_CSV = "summary.csv"
SUMMARY_HTML = "summary.html"

CSV_COLUMNS = ("name", "status", "errors", "warnings", "infos", "accepted", "links", "zh", "en",
               "report", "reason")  # fmt: skip
# A spreadsheet runs a cell starting with one of these as a formula; file names in an
# archive come from whoever built it.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def document_dict(result: PairResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": result.name,
        "zh": result.zh,
        "en": result.en,
        "links": result.links,
        "errors": result.errors,
        "warnings": result.warnings,
        "infos": result.infos,
        "accepted": result.accepted,
        "status": result.status,
    }
    if result.reason:
        entry["reason"] = result.reason
    entry["report"] = result.report or None
    return entry


def summary_dict(summary: BatchSummary) -> dict[str, Any]:
    return {
        "tool": f"aligner {__version__}",
        "totals": asdict(summary.totals),
        "documents": [document_dict(result) for result in summary.documents],
        "unpaired": [{"member": u.member, "reason": u.reason} for u in summary.unpaired],
        "rejected": [{"member": r.member, "reason": r.reason} for r in summary.rejected],
        "terms": [asdict(row) for row in summary.terms],
        "inconsistencies": [
            {"document": item.document, **finding_dict(item.finding)}
            for item in summary.inconsistencies
        ],
        "accepted_inconsistencies": [
            {"document": item.document, **finding_dict(item.finding), "note": item.note}
            for item in summary.accepted_inconsistencies
        ],
        "shared_renderings": [asdict(item) for item in summary.shared_renderings],
    }


def render_summary_json(summary: BatchSummary) -> str:
    return json.dumps(summary_dict(summary), ensure_ascii=False, indent=2) + "\n"


def _text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_TRIGGERS) else value


def _row(result: PairResult) -> list[str]:
    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    return [
        _text_cell(result.name),
        result.status,
        number(result.errors),
        number(result.warnings),
        number(result.infos),
        number(result.accepted),
        number(result.links),
        _text_cell(result.zh),
        _text_cell(result.en),
        _text_cell(result.report),
        _text_cell(result.reason),
    ]


def render_summary_csv(documents: Sequence[PairResult]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_row(result) for result in documents)
    return buffer.getvalue()


def write_summaries(outdir: Path, summary: BatchSummary) -> None:
    """All three summary files, each replaced atomically."""
    write_text_atomic(outdir / SUMMARY_JSON, render_summary_json(summary))
    # With a byte order mark: Excel reads BOM-less UTF-8 CSV as the local ANSI code page.
    csv_text = render_summary_csv(summary.documents)
    write_bytes_atomic(outdir / SUMMARY_CSV, csv_text.encode("utf-8-sig"))
    write_text_atomic(outdir / SUMMARY_HTML, render_summary_html(summary))
