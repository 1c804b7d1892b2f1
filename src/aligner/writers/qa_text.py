"""QA findings for the terminal, grouped by row so a reviewer reads them in context.

Each group is headed by the row number and sentence ids every other output uses ("row 18 ·
zh 14 ↔ en 20,21"); each finding quotes the words it is about («4.385 trillion») and gives
its id, which is what ``--accepted`` takes. Findings a reviewer accepted are listed last,
with their notes, outside the counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligner.formats.rows import (
    link_rows,
    quoted_words,
    row_label,
    unattached_accepted,
    unattached_findings,
)
from aligner.formats.settings import OutputSettings
from aligner.model import AcceptedFinding, Finding, Report, Severity
from aligner.writers.terminal import wrap

_LABEL = {Severity.ERROR: "ERROR", Severity.WARNING: "WARN ", Severity.INFO: "info "}


def render_qa_text(report: Report, width: int = 100, min_severity: Severity = Severity.INFO) -> str:
    alignment = report.alignment
    lines: list[str] = [
        f"QA of {alignment.source.path} (zh-CN, source) → {alignment.target.path} (en, target)",
        "",
    ]
    shown_count = 0
    loose = _visible(unattached_findings(report), min_severity)
    if loose:
        lines.extend(_group("whole document", "", "", loose, width))
        shown_count += len(loose)
    for row in link_rows(report):
        visible = _visible(row.findings, min_severity)
        if not visible:
            continue
        heading = f"{row.label} · {row.sentences}"
        lines.extend(_group(heading, row.zh, row.en, visible, width))
        shown_count += len(visible)
    accepted: list[tuple[int | None, AcceptedFinding]] = [
        (None, item) for item in unattached_accepted(report)
    ]
    accepted += [(row.number, item) for row in link_rows(report) for item in row.accepted]
    if accepted:
        lines.extend(_accepted_block(accepted, width))
    totals = report.counts
    lines.append(
        f"{len(alignment.links)} links, {totals.errors} errors, {totals.warnings} warnings, "
        f"{totals.infos} infos"
        + (f", {len(report.accepted)} accepted" if report.accepted else "")
        + ("" if shown_count == len(report.findings) else f" ({shown_count} shown)")
    )
    return "\n".join(lines) + "\n"


def _visible(findings: Sequence[Finding], minimum: Severity) -> list[Finding]:
    return [f for f in findings if f.severity.rank >= minimum.rank]


def _group(heading: str, zh: str, en: str, findings: Sequence[Finding], width: int) -> list[str]:
    lines = [f"── {heading} " + "─" * max(0, width - len(heading) - 4)]
    if zh:
        lines.extend("  中 " + line for line in wrap(zh, width - 5))
    if en:
        lines.extend("  EN " + line for line in wrap(en, width - 5))
    for finding in findings:
        label = f"  {_LABEL[finding.severity]} {finding.check}: "
        lines.extend(_hanging(label, _body(finding), width))
        lines.append(" " * len(label) + f"id {finding.id}")
    lines.append("")
    return lines


def _body(finding: Finding) -> str:
    """The message, led by the words it is about when they are not the whole sentence."""
    words = quoted_words(finding)
    lead = " ".join(f"«{word}»" for word in words)
    return f"{lead} {finding.message}" if lead else finding.message


def _hanging(label: str, text: str, width: int) -> list[str]:
    body = wrap(text, width - len(label))
    return [label + body[0], *(" " * len(label) + rest for rest in body[1:])]


def _accepted_block(items: Sequence[tuple[int | None, AcceptedFinding]], width: int) -> list[str]:
    heading = f"accepted by a reviewer ({len(items)}, not counted)"
    lines = [f"── {heading} " + "─" * max(0, width - len(heading) - 4)]
    for number, item in items:
        finding = item.finding
        where = row_label(number)
        label = f"  {where} {finding.check}/{finding.severity.value}: "
        lines.extend(_hanging(label, _body(finding), width))
        lines.append(" " * len(label) + f"id {finding.id}")
        if item.note:
            lines.extend(_hanging(" " * len(label) + "note: ", item.note, width))
    lines.append("")
    return lines


def qa_text_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_qa_text(report, min_severity=settings.min_severity).encode("utf-8")
