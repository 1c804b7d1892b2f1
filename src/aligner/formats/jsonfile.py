"""The tool's own JSON: documents, links and (after QA) findings with a summary.

Written for scripts and read back by the tool itself (a resumed batch, a saved alignment
given to ``--alignment``), so reading and writing live together and cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aligner.formats.rows import RowIndex
from aligner.formats.settings import OutputSettings
from aligner.model import (
    AcceptedFinding,
    Alignment,
    Document,
    Finding,
    Link,
    Report,
    Segment,
    Severity,
    Span,
)


def _document(doc: Document) -> dict[str, Any]:
    return {
        "lang": doc.lang,
        "path": doc.path,
        "sha256": doc.sha256,
        "segments": [{"id": s.id, "text": s.text, "paragraph": s.paragraph} for s in doc.segments],
    }


def finding_dict(finding: Finding, row: int | None = None) -> dict[str, Any]:
    """A finding as scripts read it: its stable ``id`` (what ``--accepted`` takes), its
    ``key``, the ``row`` it is shown on (1-based, null for the whole document), the
    sentence ids (0-based) and the spans (character offsets into ``zh`` and ``en``) of the
    words it is about."""
    return {
        "id": finding.id,
        "check": finding.check,
        "severity": finding.severity.value,
        "key": finding.key,
        "row": row,
        "zh": finding.zh,
        "en": finding.en,
        "zh_ids": list(finding.zh_ids),
        "en_ids": list(finding.en_ids),
        "zh_spans": [list(span) for span in finding.zh_spans],
        "en_spans": [list(span) for span in finding.en_spans],
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
        "accepted": len(report.accepted),
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
        rows = RowIndex.of(alignment.links)
        data["findings"] = [finding_dict(f, rows.row(f)) for f in report.findings]
        data["accepted"] = [
            {**finding_dict(a.finding, rows.row(a.finding)), "note": a.note}
            for a in report.accepted
        ]
        data["summary"] = summary(report)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_json(report, with_qa=settings.with_qa).encode("utf-8")


def read_report(data: Mapping[str, Any]) -> Report:
    """Rebuild the report a JSON file of ours holds: its alignment and its findings.

    Raises KeyError, TypeError or ValueError when the data is not what the writer wrote;
    the caller names the file.
    """
    alignment = read_alignment(data)
    findings = tuple(_finding(item) for item in data.get("findings", ()))
    accepted = tuple(
        AcceptedFinding(_finding(item), str(item.get("note", "")))
        for item in data.get("accepted", ())
    )
    return Report(alignment, findings, accepted=accepted)


def read_alignment(data: Mapping[str, Any]) -> Alignment:
    """The documents and links of a JSON file of ours, each sentence id checked."""
    links = tuple(
        Link(
            tuple(int(i) for i in link["zh"]),
            tuple(int(i) for i in link["en"]),
            float(link["confidence"]),
        )
        for link in data["links"]
    )
    source, target = _read_document(data["source"]), _read_document(data["target"])
    for link in links:
        if any(not 0 <= i < len(source.segments) for i in link.zh) or any(
            not 0 <= i < len(target.segments) for i in link.en
        ):
            raise ValueError("a link points at a sentence that does not exist")
    return Alignment(source, target, links)


def _read_document(side: Mapping[str, Any]) -> Document:
    segments = tuple(
        Segment(int(s["id"]), str(s["text"]), int(s["paragraph"])) for s in side["segments"]
    )
    if any(segment.id != position for position, segment in enumerate(segments)):
        raise ValueError("segment ids are not consecutive")
    lang = side["lang"]
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}")
    return Document(str(side["path"]), lang, segments)


def _finding(item: Mapping[str, Any]) -> Finding:
    return Finding(
        check=str(item["check"]),
        severity=Severity(item["severity"]),
        zh_ids=tuple(int(i) for i in item["zh_ids"]),
        en_ids=tuple(int(i) for i in item["en_ids"]),
        zh=str(item["zh"]),
        en=str(item["en"]),
        message=str(item["message"]),
        key=str(item.get("key", "")),
        zh_spans=_spans(item.get("zh_spans", ())),
        en_spans=_spans(item.get("en_spans", ())),
    )


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple((int(start), int(end)) for start, end in items)
