"""summary.html: one self-contained page a QA lead opens first after a batch run.

Documents come ranked worst first (failed, then by errors, then by warnings), each
linking to its own report; below them the archive-wide findings and the table of how
every glossary term was rendered across the archive. Like the per-pair HTML report it
carries its CSS inline and loads nothing, and every text from the archive is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from html import escape
from urllib.parse import quote

from aligner import __version__
from aligner.batch.model import (
    BatchSummary,
    PairResult,
    RenderingUse,
    TermRow,
    deliverable_file,
)

# How many document names a term row lists before summing up the rest.
MAX_DOCUMENTS_SHOWN = 8

_CSS = """
:root { --error:#c62828; --warning:#b26a00; --info:#1565c0; --ok:#2e7d32;
  --muted:#5f6368; --rule:#d0d4d9; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 3rem; color: #202124;
  line-height: 1.45; font-size: 15px; }
:lang(zh-CN) { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
  "Source Han Sans SC", "SimSun", sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top;
  text-align: left; }
thead th { background: #eef1f5; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num.zero { color: #b0b4b9; }
td.file { font-family: ui-monospace, Consolas, monospace; font-size: .8rem;
  word-break: break-all; }
.totals { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; }
.totals div { border: 1px solid var(--rule); border-radius: 4px; padding: .4rem .8rem; }
.totals b { display: block; font-size: 1.3rem; }
.status { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 3px;
  font-size: .8rem; font-weight: 700; text-transform: uppercase; color: #fff; }
.status.ok { background: var(--ok); }
.status.skipped { background: var(--muted); }
.status.failed { background: var(--error); }
tr.failed td { background: #fdecea; }
td.errors.some { color: var(--error); font-weight: 700; }
td.warnings.some { color: var(--warning); font-weight: 700; }
tr.drift td { background: #fff4e0; }
ul.renderings { margin: 0; padding-left: 1.1rem; }
.term-status { font-size: .75rem; border: 1px solid var(--rule); border-radius: 3px;
  padding: 0 .25rem; margin-left: .3rem; }
.term-status.deprecated, .term-status.forbidden { color: var(--error);
  border-color: var(--error); }
.documents { font-size: .85rem; color: var(--muted); }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
@media print { thead th { position: static; } body { max-width: none; padding: 0; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _rank(result: PairResult) -> tuple[int, int, int, str]:
    failed = 0 if result.status == "failed" else 1
    return failed, -(result.errors or 0), -(result.warnings or 0), result.name


def _report_href(result: PairResult, deliverables: Sequence[str]) -> str | None:
    if result.status == "failed" or not result.report:
        return None
    if "html" in deliverables:
        return f"{quote(result.name)}/{quote(deliverable_file(result.name, 'html'))}"
    return quote(result.report)


def _count(value: int | None, kind: str) -> str:
    if value is None:
        return f'<td class="num {kind}"></td>'
    state = "some" if value else "zero"
    return f'<td class="num {kind} {state}">{value}</td>'


def _document_row(position: int, result: PairResult, deliverables: Sequence[str]) -> str:
    href = _report_href(result, deliverables)
    name = _e(result.name)
    title = f'<a href="{_e(href)}">{name}</a>' if href else name
    note = _e(result.reason) if result.reason else ""
    return (
        f'<tr class="{_e(result.status)}"><td class="num">{position}</td><td>{title}</td>'
        f'<td><span class="status {_e(result.status)}">{_e(result.status)}</span></td>'
        f"{_count(result.errors, 'errors')}{_count(result.warnings, 'warnings')}"
        f"{_count(result.infos, 'infos')}{_count(result.accepted, 'accepted')}"
        f"{_count(result.links, 'links')}"
        f'<td class="file">{_e(result.zh)}</td><td class="file">{_e(result.en)}</td>'
        f"<td>{note}</td></tr>"
    )


def _documents(summary: BatchSummary) -> str:
    if not summary.documents:
        return "<p>No pairs were found.</p>"
    ranked = sorted(summary.documents, key=_rank)
    rows = "\n".join(
        _document_row(position, result, summary.deliverables)
        for position, result in enumerate(ranked, start=1)
    )
    return (
        "<table><thead><tr><th>#</th><th>Document</th><th>Status</th><th>Errors</th>"
        "<th>Warnings</th><th>Infos</th><th>Accepted</th><th>Links</th><th>Chinese file</th>"
        f"<th>English file</th><th>Note</th></tr></thead><tbody>\n{rows}\n</tbody></table>"
    )


def _document_names(names: Sequence[str]) -> str:
    shown = ", ".join(_e(name) for name in names[:MAX_DOCUMENTS_SHOWN])
    hidden = len(names) - MAX_DOCUMENTS_SHOWN
    more = f" and {hidden} more" if hidden > 0 else ""
    return f'<span class="documents">{shown}{more}</span>'


def _rendering_item(rendering: RenderingUse) -> str:
    status = rendering.status
    return (
        f"<li>{_e(rendering.en)} <b>× {rendering.count}</b>"
        f'<span class="term-status {_e(status)}">{_e(status)}</span><br>'
        f"{_document_names(rendering.documents)}</li>"
    )


def _term_row(row: TermRow) -> str:
    renderings = row.en_renderings
    items = "".join(_rendering_item(r) for r in renderings)
    listed = f'<ul class="renderings">{items}</ul>' if items else '<span class="muted">none</span>'
    missing = row.unrendered
    unrendered = (
        f"{missing.count}<br>{_document_names(missing.documents)}" if missing.count else "0"
    )
    drift = ' class="drift"' if len(renderings) > 1 else ""
    return (
        f'<tr{drift}><td lang="zh-CN">{_e(row.zh)}</td><td>{_e(row.expected)}</td>'
        f"<td>{listed}</td><td>{unrendered}</td></tr>"
    )


def _terms(summary: BatchSummary) -> str:
    if not summary.terms:
        return "<p>No glossary terms were found in the Chinese texts.</p>"
    rows = "\n".join(_term_row(row) for row in summary.terms)
    return (
        '<p class="muted">Each glossary term found in a Chinese text, with the glossary '
        "renderings found in the English of the same sentences. Terms rendered more than "
        "one way come first and are shaded.</p>"
        "<table><thead><tr><th>Chinese term</th><th>Glossary English</th>"
        "<th>Renderings used (count, documents)</th><th>No glossary rendering found</th>"
        f"</tr></thead><tbody>\n{rows}\n</tbody></table>"
    )


def _shared(summary: BatchSummary) -> str:
    if not summary.shared_renderings:
        return ""
    rows = "\n".join(
        f'<tr><td>{_e(item.en)}</td><td lang="zh-CN">'
        + ", ".join(f"{_e(term.zh)} × {term.count}" for term in item.zh_terms)
        + "</td></tr>"
        for item in summary.shared_renderings
    )
    return (
        "<h3>English renderings shared by several terms</h3>"
        "<table><thead><tr><th>English</th><th>Chinese terms (count)</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    )


def _inconsistencies(summary: BatchSummary) -> str:
    if not summary.inconsistencies:
        found = "<p>None: repeated sentences are rendered the same way across documents.</p>"
    else:
        rows = "\n".join(
            f'<tr><td>{_e(item.document)}</td><td lang="zh-CN">{_e(item.finding.zh)}</td>'
            f"<td>{_e(item.finding.en)}</td><td>{_e(item.finding.message)}</td>"
            f'<td class="file">{_e(item.finding.id)}</td></tr>'
            for item in summary.inconsistencies
        )
        found = (
            "<table><thead><tr><th>Document</th><th>Chinese</th><th>English</th>"
            f"<th>Finding</th><th>Id</th></tr></thead><tbody>\n{rows}\n</tbody></table>"
        )
    return found + _accepted_inconsistencies(summary)


def _accepted_inconsistencies(summary: BatchSummary) -> str:
    if not summary.accepted_inconsistencies:
        return ""
    rows = "\n".join(
        f'<tr><td>{_e(item.document)}</td><td lang="zh-CN">{_e(item.finding.zh)}</td>'
        f"<td>{_e(item.finding.en)}</td><td>{_e(item.finding.message)}</td>"
        f'<td class="file">{_e(item.finding.id)}</td><td>{_e(item.note)}</td></tr>'
        for item in summary.accepted_inconsistencies
    )
    return (
        "<h3>Accepted by a reviewer</h3>"
        "<table><thead><tr><th>Document</th><th>Chinese</th><th>English</th>"
        "<th>Finding</th><th>Id</th><th>Note</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    )


def _member_list(items: Sequence[tuple[str, str]], empty: str) -> str:
    if not items:
        return f"<p>{empty}</p>"
    rows = "\n".join(
        f'<tr><td class="file">{_e(member)}</td><td>{_e(reason)}</td></tr>'
        for member, reason in items
    )
    return (
        "<table><thead><tr><th>File</th><th>Reason</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    )


def _totals(summary: BatchSummary) -> str:
    counts = asdict(summary.totals)
    labels = (
        ("documents", "pairs"),
        ("ok", "checked"),
        ("skipped", "unchanged (resumed)"),
        ("failed", "failed"),
        ("errors", "errors"),
        ("warnings", "warnings"),
        ("accepted", "accepted (not counted)"),
        ("inconsistencies", "across documents"),
        ("unpaired", "unpaired files"),
        ("rejected", "refused files"),
    )
    boxes = "".join(f"<div><b>{counts[key]}</b>{_e(label)}</div>" for key, label in labels)
    return f'<div class="totals">{boxes}</div>'


def render_summary_html(summary: BatchSummary) -> str:
    unpaired = [(u.member, u.reason) for u in summary.unpaired]
    rejected = [(r.member, r.reason) for r in summary.rejected]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>Batch QA summary</title>",
            f"<style>{_CSS}</style></head><body>",
            "<h1>Batch QA summary</h1>",
            '<p class="muted">Chinese (zh-CN) is the source and prevails; English is the '
            "target. Documents are ranked worst first.</p>",
            _totals(summary),
            "<h2>Documents</h2>",
            _documents(summary),
            "<h2>Inconsistencies across documents</h2>",
            _inconsistencies(summary),
            "<h2>Glossary terms across the archive</h2>",
            _terms(summary),
            _shared(summary),
            "<h2>Unpaired files</h2>",
            _member_list(unpaired, "None: every document found its counterpart."),
            "<h2>Refused files</h2>",
            _member_list(rejected, "None."),
            f"<footer>aligner {_e(__version__)}</footer>",
            "</body></html>",
            "",
        ]
    )
