"""The report as one row per link: the shared view behind the TSV, CSV, DOCX and HTML writers.

Every bilingual deliverable shows the same thing — a link's Chinese and English text, its
confidence and the findings about it — so the pairing of findings with links and the splitting
of text at glossary hits is done once here, and the formats differ only in how they draw it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from aligner.files import write_bytes_atomic, write_text_atomic
from aligner.model import Document, Finding, Link, Report, TermHit

COLUMNS: tuple[str, ...] = ("#", "zh_ids", "en_ids", "confidence", "zh", "en", "findings")

# Spreadsheet programs run a cell that starts with one of these as a formula; a sentence such
# as "-3.2% year on year" would turn into #NAME? and crafted text could do worse.
_FORMULA_TRIGGERS = ("=", "+", "-", "@")

# Characters XML 1.0 forbids (and HTML treats as errors); text extracted from Word or PDF
# files can carry some, a vertical tab being Word's manual line break.
_NOT_MARKUP = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\p{Cs}]")


@dataclass(frozen=True)
class Piece:
    """A stretch of a link's text, with the glossary hit it belongs to if it is a term."""

    text: str
    hit: TermHit | None = None


@dataclass(frozen=True)
class LinkRow:
    """Everything a writer shows for one link; ``number`` is 1-based, as readers count."""

    number: int
    link: Link
    zh: str
    en: str
    zh_pieces: tuple[Piece, ...]
    en_pieces: tuple[Piece, ...]
    findings: tuple[Finding, ...]


def link_rows(report: Report) -> tuple[LinkRow, ...]:
    """One row per link, in document order, each finding attached to exactly one row."""
    alignment = report.alignment
    attached = attach_findings(alignment.links, report.findings)
    rows = []
    for index, link in enumerate(alignment.links):
        rows.append(
            LinkRow(
                number=index + 1,
                link=link,
                zh=alignment.source.texts(link.zh),
                en=alignment.target.texts(link.en),
                zh_pieces=split_at_terms(alignment.source, link.zh, report.term_hits),
                en_pieces=split_at_terms(alignment.target, link.en, report.term_hits),
                findings=attached[index],
            )
        )
    return tuple(rows)


def attach_findings(
    links: Sequence[Link], findings: Iterable[Finding]
) -> tuple[tuple[Finding, ...], ...]:
    """Group findings by the link they are about.

    A finding goes to the link with exactly its ids; failing that, to the first link that
    shares a sentence with it (a check may quote a span the aligner cut differently). A
    finding that touches no link at all is left out here, so writers list it separately
    (see :func:`unattached_findings`) rather than pinning it to an arbitrary row.
    """
    exact = {(link.zh, link.en): index for index, link in enumerate(links)}
    zh_owner: dict[int, int] = {}
    en_owner: dict[int, int] = {}
    for index, link in enumerate(links):
        for zh_id in link.zh:
            zh_owner.setdefault(zh_id, index)
        for en_id in link.en:
            en_owner.setdefault(en_id, index)
    groups: list[list[Finding]] = [[] for _ in links]
    for finding in findings:
        owner = link_index_of(finding, exact, zh_owner, en_owner)
        if owner is not None:
            groups[owner].append(finding)
    return tuple(tuple(group) for group in groups)


def unattached_findings(report: Report) -> tuple[Finding, ...]:
    """Findings about the document as a whole, or about sentences no link contains."""
    attached = {
        id(f) for group in attach_findings(report.alignment.links, report.findings) for f in group
    }
    return tuple(f for f in report.findings if id(f) not in attached)


def link_index_of(
    finding: Finding,
    exact: dict[tuple[tuple[int, ...], tuple[int, ...]], int],
    zh_owner: dict[int, int],
    en_owner: dict[int, int],
) -> int | None:
    """The index of the link a finding belongs to, by the rule of :func:`attach_findings`."""
    found = exact.get((finding.zh_ids, finding.en_ids))
    if found is not None:
        return found
    candidates = [zh_owner[i] for i in finding.zh_ids if i in zh_owner]
    candidates += [en_owner[i] for i in finding.en_ids if i in en_owner]
    return min(candidates) if candidates else None


def split_at_terms(
    document: Document, ids: tuple[int, ...], hits: Iterable[TermHit]
) -> tuple[Piece, ...]:
    """Cut the joined text of ``ids`` into plain pieces and glossary-term pieces.

    Hit offsets are relative to one sentence, while writers show the sentences of a link
    joined, so each hit is shifted by where its sentence starts in the joined text. Hits that
    overlap an earlier (or, at the same start, longer) hit are dropped: a character can only
    be drawn with one highlight.
    """
    lang = document.lang
    separator = "" if lang == "zh" else " "
    starts: dict[int, int] = {}
    offset = 0
    for position, segment_id in enumerate(ids):
        if position:
            offset += len(separator)
        starts[segment_id] = offset
        offset += len(document.segments[segment_id].text)
    text = document.texts(ids)

    spans: list[tuple[int, int, TermHit]] = []
    for hit in hits:
        if hit.lang != lang or hit.segment_id not in starts:
            continue
        length = len(document.segments[hit.segment_id].text)
        start, end = max(hit.start, 0), min(hit.end, length)
        if start < end:
            base = starts[hit.segment_id]
            spans.append((base + start, base + end, hit))
    spans.sort(key=lambda span: (span[0], -span[1]))

    pieces: list[Piece] = []
    cursor = 0
    for start, end, hit in spans:
        if start < cursor:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], hit))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return tuple(pieces)


def markup_safe(text: str) -> str:
    """``text`` with characters that DOCX and HTML cannot carry replaced by spaces."""
    return _NOT_MARKUP.sub(" ", text)


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


def write_tsv(report: Report, path: str | os.PathLike[str]) -> None:
    write_text_atomic(path, render_tsv(report))


def write_csv(report: Report, path: str | os.PathLike[str]) -> None:
    """UTF-8 with a byte order mark, because Excel opens BOM-less UTF-8 CSV as ANSI."""
    write_bytes_atomic(path, render_csv(report).encode("utf-8-sig"))
