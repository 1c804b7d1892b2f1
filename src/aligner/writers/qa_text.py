"""QA findings for the terminal, grouped by sentence so a reviewer reads them in context."""

from __future__ import annotations

from aligner.formats.settings import OutputSettings
from aligner.model import Finding, Report, Severity
from aligner.writers.terminal import wrap

_LABEL = {Severity.ERROR: "ERROR", Severity.WARNING: "WARN ", Severity.INFO: "info "}


def render_qa_text(report: Report, width: int = 100, min_severity: Severity = Severity.INFO) -> str:
    alignment = report.alignment
    shown = [f for f in report.findings if f.severity.rank >= min_severity.rank]
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], list[Finding]] = {}
    for finding in shown:
        groups.setdefault((finding.zh_ids, finding.en_ids), []).append(finding)
    lines: list[str] = [
        f"QA of {alignment.source.path} (zh-CN, source) → {alignment.target.path} (en, target)",
        "",
    ]
    for (zh_ids, en_ids), findings in groups.items():
        where = f"zh {_ids(zh_ids)} ↔ en {_ids(en_ids)}" if zh_ids or en_ids else "whole document"
        lines.append(f"── {where} " + "─" * max(0, width - len(where) - 4))
        if zh_ids:
            lines.extend("  中 " + line for line in wrap(findings[0].zh, width - 5))
        if en_ids:
            lines.extend("  EN " + line for line in wrap(findings[0].en, width - 5))
        for finding in findings:
            label = f"  {_LABEL[finding.severity]} {finding.check}: "
            body = wrap(finding.message, width - len(label))
            lines.append(label + body[0])
            lines.extend(" " * len(label) + rest for rest in body[1:])
        lines.append("")
    totals = report.counts
    lines.append(
        f"{len(alignment.links)} links, {totals.errors} errors, {totals.warnings} warnings, "
        f"{totals.infos} infos"
        + ("" if len(shown) == len(report.findings) else f" ({len(shown)} shown)")
    )
    return "\n".join(lines) + "\n"


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(map(str, ids)) if ids else "—"


def qa_text_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_qa_text(report, min_severity=settings.min_severity).encode("utf-8")
