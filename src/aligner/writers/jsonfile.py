"""Machine-readable output: documents, links and (after QA) findings with a summary."""

from __future__ import annotations

import json
from typing import Any

from aligner.files import write_text_atomic
from aligner.model import Document, Finding, Report, Severity


def _document(doc: Document) -> dict[str, Any]:
    return {
        "lang": doc.lang,
        "path": doc.path,
        "segments": [{"id": s.id, "text": s.text, "paragraph": s.paragraph} for s in doc.segments],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "zh": finding.zh,
        "en": finding.en,
        "zh_ids": list(finding.zh_ids),
        "en_ids": list(finding.en_ids),
        "message": finding.message,
    }


def summary(report: Report) -> dict[str, Any]:
    """Counts a QA lead scans first: per severity, and per check and severity."""
    counts = report.counts
    links = report.alignment.links
    return {
        "links": len(links),
        "zh_sentences": len(report.alignment.source.segments),
        "en_sentences": len(report.alignment.target.segments),
        "mean_confidence": round(sum(x.confidence for x in links) / len(links), 4)
        if links
        else 0.0,
        "errors": counts.errors,
        "warnings": counts.warnings,
        "infos": counts.infos,
        "by_check": {c.check: {s.value: c.of(s) for s in Severity} for c in counts.by_check},
    }


def render_json(report: Report, *, with_qa: bool = False) -> str:
    alignment = report.alignment
    data: dict[str, Any] = {
        "source": _document(alignment.source),
        "target": _document(alignment.target),
        "links": [
            {"zh": list(link.zh), "en": list(link.en), "confidence": link.confidence}
            for link in alignment.links
        ],
    }
    if with_qa:
        data["findings"] = [finding_dict(f) for f in report.findings]
        data["summary"] = summary(report)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(report: Report, path: str, *, with_qa: bool = False) -> None:
    write_text_atomic(path, render_json(report, with_qa=with_qa))
