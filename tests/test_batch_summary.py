"""Batch summaries: the archive-wide term table, ranking, escaping, CSV and exit codes."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any

import pytest

from aligner.batch import exit_code
from aligner.batch.model import (
    ArchiveFinding,
    BatchSummary,
    PairResult,
    Rejection,
    RenderingUse,
    SharedRendering,
    Status,
    TermShare,
    TermTally,
    Unpaired,
    Unrendered,
)
from aligner.batch.reporting.summary_files import render_summary_csv, summary_dict
from aligner.batch.reporting.summary_html import render_summary_html
from aligner.batch.reporting.terms import shared_renderings, term_table
from aligner.model import Finding, Severity

AN_INCONSISTENCY = Finding(
    "inconsistency", Severity.WARNING, (0,), (0,), "海关。", "Customs.", "rendered differently"
)


def result(name: str, status: Status = "ok", **fields: Any) -> PairResult:
    failed = status == "failed"
    base = PairResult(
        name=name,
        zh=f"in/{name}.zh.txt",
        en=f"in/{name}.en.txt",
        status=status,
        report="" if failed else f"{name}/qa.json",
        links=None if failed else 10,
        errors=None if failed else 0,
        warnings=None if failed else 0,
        infos=None if failed else 0,
    )
    return replace(base, **fields)


def tally(zh: str, en: str | None, count: int, status: str = "preferred") -> TermTally:
    return TermTally(zh, "customs", en, status if en else "missing", count)


def test_the_term_table_counts_renderings_and_where_they_were_seen() -> None:
    results = [
        result("a", terms=(tally("海关", "customs", 3), tally("外贸", "foreign trade", 1))),
        result("b", terms=(tally("海关", "Customs Office", 1, "deprecated"),)),
        result("c", terms=(tally("海关", "customs", 2), tally("海关", None, 1))),
    ]

    table = term_table(results)

    assert [row.zh for row in table] == ["海关", "外贸"]
    customs = table[0]
    assert customs.expected == "customs"
    assert customs.en_renderings == (
        RenderingUse("customs", "preferred", 5, ("a", "c")),
        RenderingUse("Customs Office", "deprecated", 1, ("b",)),
    )
    assert customs.unrendered == Unrendered(1, ("c",))
    assert table[1].unrendered == Unrendered(0, ())


def test_one_english_rendering_for_two_chinese_terms_is_listed() -> None:
    table = term_table(
        [
            result("a", terms=(tally("外贸", "trade", 2), tally("进出口", "Trade", 1))),
            result("b", terms=(tally("海关", "customs", 1),)),
        ]
    )

    assert shared_renderings(table) == [
        SharedRendering("trade", (TermShare("外贸", 2), TermShare("进出口", 1)))
    ]


def test_the_page_ranks_failed_then_by_errors_then_warnings() -> None:
    summary = BatchSummary(
        documents=(
            result("clean"),
            result("warned", warnings=4),
            result("worst", errors=2, warnings=1),
            result("broken", "failed", reason="in/broken.zh.docx: not a valid DOCX file"),
            result("bad", errors=2, warnings=3),
        )
    )

    page = render_summary_html(summary)

    positions = [page.index(f">{name}<") for name in ("broken", "bad", "worst", "warned", "clean")]
    assert positions == sorted(positions)
    assert 'href="worst/qa.json"' in page
    assert 'href="broken' not in page
    assert "not a valid DOCX file" in page


def test_the_page_links_the_html_reports_when_they_were_written() -> None:
    page = render_summary_html(BatchSummary((result("a b"),), deliverables=("html",)))

    assert 'href="a%20b/a%20b.html"' in page


def test_text_from_the_archive_is_escaped_in_the_page() -> None:
    summary = BatchSummary(
        documents=(result("x", zh="<script>alert(1)</script>.zh.txt"),),
        unpaired=(Unpaired('in/<img src=x onerror="y">.txt', "no counterpart"),),
        rejected=(Rejection("a.zip:<b>.zh.txt", "symbolic link"),),
    )

    page = render_summary_html(summary)

    assert "<script>alert" not in page and "<img" not in page and ":<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;y&quot;&gt;" in page
    assert "a.zip:&lt;b&gt;.zh.txt" in page


def test_csv_rows_cannot_become_spreadsheet_formulas() -> None:
    text = render_summary_csv([result("=HYPERLINK(1)", "failed", reason="-1 broken")])

    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["name"] == "'=HYPERLINK(1)"
    assert row["reason"] == "'-1 broken"
    assert row["errors"] == "" and row["status"] == "failed"


def test_summary_json_has_totals_and_a_reason_only_for_failures() -> None:
    data = summary_dict(
        BatchSummary((result("a", errors=1), result("b", "failed", reason="why"), result("c")))
    )

    assert data["totals"]["documents"] == 3
    assert data["totals"]["failed"] == 1
    assert data["totals"]["errors"] == 1
    assert "reason" not in data["documents"][0]
    assert data["documents"][1]["reason"] == "why"
    assert data["documents"][1]["report"] is None


@pytest.mark.parametrize(
    ("documents", "inconsistencies", "fail_on", "expected"),
    [
        ((), (), "error", 2),
        ((result("a", "failed"),), (), "never", 2),
        ((result("a"),), (), "error", 0),
        ((result("a", "skipped"),), (), "error", 0),
        ((result("a", errors=1),), (), "error", 1),
        ((result("a", errors=1),), (), "never", 0),
        ((result("a", warnings=1),), (), "error", 0),
        ((result("a", warnings=1),), (), "warning", 1),
        ((result("a"),), (ArchiveFinding("a", AN_INCONSISTENCY),), "warning", 1),
        ((result("a"), result("b", "failed")), (), "error", 1),
        ((result("a"), result("b", "failed")), (), "never", 0),
    ],
)
def test_exit_code(
    documents: tuple[PairResult, ...],
    inconsistencies: tuple[ArchiveFinding, ...],
    fail_on: str,
    expected: int,
) -> None:
    summary = BatchSummary(documents, inconsistencies=inconsistencies)

    assert exit_code(summary, fail_on) == expected
