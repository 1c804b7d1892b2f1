"""The bilingual handout: a Word document a reviewer or speaker can print and read from.

Two layouts serve two uses. "table" puts Chinese and English side by side, one numbered row
per link, for checking a translation line by line. "interleaved" puts each English paragraph
under its Chinese one, for reading aloud without the eye jumping between columns. Both carry
the QA findings as Word comments (visible in review, absent from a clean printout) and again
as a list at the end (visible on paper).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, Literal

from docx import Document as new_word_document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from aligner.formats.rows import LinkRow, Piece, link_rows, markup_safe, unattached_findings
from aligner.formats.settings import OutputSettings
from aligner.model import Finding, FindingCounts, Report, Severity
from aligner.writers import docx_styles as styles
from aligner.writers.titles import document_date, document_title

Layout = Literal["table", "interleaved"]

COMMENT_AUTHOR = "aligner QA"
COMMENT_INITIALS = "QA"
PREVAILS_ZH = "以中文版本为准。"
PREVAILS_EN = "The Chinese version prevails."

# Timestamps inside the package are fixed so that the same report always gives the same
# bytes (reproducible deliverables, meaningful checksums, no spurious diffs). The release
# date is used when known because it is at least a meaningful date to show in Word.
_FALLBACK_TIMESTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

_NUMBER_COLUMN_MM = 11.0
_ZH_SHARE = 0.46
_FINDINGS_WIDTHS_MM = (14.0, 36.0, 22.0)

_SEVERITY_FILL = {
    Severity.ERROR: "F4B6B6",
    Severity.WARNING: "FFE699",
    Severity.INFO: "DDEBF7",
}
_MUTED = RGBColor(0x59, 0x59, 0x59)


def render_docx(report: Report, *, layout: Layout = "table") -> bytes:
    """The handout as DOCX bytes; identical reports give identical bytes."""
    if layout not in ("table", "interleaved"):
        raise ValueError(f"unknown handout layout {layout!r}")
    document = new_word_document()
    styles.setup_page(document)
    styles.setup_styles(document)
    timestamp = _timestamp(report)
    zh_title, en_title = document_title(report.alignment)
    _set_properties(document, zh_title, en_title, timestamp)

    rows = link_rows(report)
    _add_title_block(document, report, zh_title, en_title)
    if layout == "table":
        _add_side_by_side(document, rows, timestamp)
    else:
        _add_interleaved(document, rows, timestamp)
    _add_findings_list(document, rows, unattached_findings(report), as_table=layout == "table")
    _add_footer(document, en_title)

    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue())


def docx_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_docx(report, layout=settings.layout)


def _timestamp(report: Report) -> dt.datetime:
    iso_date = document_date(report.alignment)
    if iso_date is None:
        return _FALLBACK_TIMESTAMP
    day = dt.date.fromisoformat(iso_date)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _set_properties(document: Any, zh_title: str, en_title: str, timestamp: dt.datetime) -> None:
    properties = document.core_properties
    # Core properties are plain XML text limited to 255 characters.
    properties.title = markup_safe(f"{zh_title} / {en_title}")[:255]
    properties.subject = "Bilingual handout (zh-CN source, en target)"
    properties.author = "aligner"
    properties.last_modified_by = "aligner"
    properties.comments = f"{PREVAILS_EN} {PREVAILS_ZH}"
    properties.keywords = ""
    properties.language = "zh-CN"
    properties.revision = 1
    properties.created = timestamp
    properties.modified = timestamp


def _add_title_block(document: Any, report: Report, zh_title: str, en_title: str) -> None:
    alignment = report.alignment
    _add_text_paragraph(document, zh_title, "zh", styles.TITLE_ZH_STYLE)
    _add_text_paragraph(document, en_title, "en", styles.TITLE_EN_STYLE)

    iso_date = document_date(alignment)
    if iso_date is not None:
        date_paragraph = _add_text_paragraph(document, iso_date, "en", styles.META_STYLE)
        date_paragraph.runs[0].font.size = Pt(11)

    prevails = document.add_paragraph(style=styles.META_STYLE)
    for text, lang in ((PREVAILS_ZH, "zh"), ("  ", "en"), (PREVAILS_EN, "en")):
        run = styles.add_text_run(prevails, text, lang)
        run.bold = True
        run.font.size = Pt(11)
        run.font.color.rgb = RGBColor(0, 0, 0)
    prevails.paragraph_format.space_before = Pt(4)
    prevails.paragraph_format.space_after = Pt(6)

    source_name = _file_name(alignment.source.path)
    target_name = _file_name(alignment.target.path)
    _add_text_paragraph(
        document,
        f"Source (zh-CN): {source_name}    Target (en): {target_name}",
        "en",
        styles.META_STYLE,
    )
    counts = _finding_counts(report.counts)
    _add_text_paragraph(
        document,
        f"{len(alignment.links)} aligned rows · {len(alignment.source.segments)} Chinese and "
        f"{len(alignment.target.segments)} English sentences · {counts}",
        "en",
        styles.META_STYLE,
    )
    _add_legend(document)


def _add_legend(document: Any) -> None:
    legend = document.add_paragraph(style=styles.META_STYLE)
    legend.paragraph_format.space_after = Pt(10)
    parts: list[tuple[str, WD_COLOR_INDEX | None]] = [
        ("Glossary terms: ", None),
        ("preferred", styles.TERM_HIGHLIGHT["preferred"]),
        ("  ", None),
        ("admitted", styles.TERM_HIGHLIGHT["admitted"]),
        ("  ", None),
        ("deprecated", styles.TERM_HIGHLIGHT["deprecated"]),
        ("   ·   QA findings appear as comments and in the list at the end.", None),
    ]
    for text, colour in parts:
        run = styles.add_text_run(legend, text, "en")
        if colour is not None:
            run.font.highlight_color = colour


def _add_side_by_side(document: Any, rows: Sequence[LinkRow], timestamp: dt.datetime) -> None:
    text_width = styles.TEXT_WIDTH_MM - _NUMBER_COLUMN_MM
    zh_width = round(text_width * _ZH_SHARE, 1)
    widths = (_NUMBER_COLUMN_MM, zh_width, text_width - zh_width)

    table = document.add_table(rows=1, cols=3)
    table.style = document.styles["Table Grid"]
    header = table.rows[0]
    for cell, (label, lang) in zip(
        header.cells, (("№", "en"), ("中文（原文）", "zh"), ("English", "en")), strict=True
    ):
        _fill_header_cell(cell, label, lang)
    styles.repeat_as_header(header)
    styles.keep_row_together(header)

    for row in rows:
        cells = table.add_row().cells
        styles.keep_row_together(table.rows[-1])
        _fill_number_cell(cells[0], row)
        zh_runs = _fill_text_cell(cells[1], row.zh_pieces, "zh")
        en_runs = _fill_text_cell(cells[2], row.en_pieces, "en")
        if not row.link.zh:
            styles.shade_cell(cells[1], styles.MISSING_FILL)
        if not row.link.en:
            styles.shade_cell(cells[2], styles.MISSING_FILL)
        _comment_findings(document, row, en_runs or zh_runs, cells[2].paragraphs[0], timestamp)
    styles.fix_table_layout(table, widths)


def _fill_header_cell(cell: Any, label: str, lang: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = styles.CELL_STYLE
    run = styles.add_text_run(paragraph, label, lang)
    run.bold = True
    styles.shade_cell(cell, styles.HEADER_FILL)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _fill_number_cell(cell: Any, row: LinkRow) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = styles.CELL_STYLE
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = styles.add_text_run(paragraph, str(row.number), "en")
    run.font.color.rgb = _MUTED
    worst = _worst_severity(row.findings)
    if worst is not None:
        run.bold = True
        styles.shade_cell(cell, _SEVERITY_FILL[worst])


def _fill_text_cell(cell: Any, pieces: Sequence[Piece], lang: str) -> list[Any]:
    paragraph = cell.paragraphs[0]
    paragraph.style = styles.ZH_STYLE if lang == "zh" else styles.EN_STYLE
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(2)
    return _add_pieces(paragraph, pieces, lang)


def _add_pieces(paragraph: Any, pieces: Sequence[Piece], lang: str) -> list[Any]:
    runs = []
    for piece in pieces:
        run = styles.add_text_run(paragraph, piece.text, lang)
        if piece.hit is not None:
            run.font.highlight_color = styles.TERM_HIGHLIGHT.get(
                piece.hit.status, WD_COLOR_INDEX.YELLOW
            )
        runs.append(run)
    return runs


def _comment_findings(
    document: Any,
    row: LinkRow,
    anchor_runs: list[Any],
    fallback_paragraph: Any,
    timestamp: dt.datetime,
) -> None:
    """Anchor each finding of a row as a comment, on the English text when there is some.

    A comment needs at least one run to hang on; a row whose both sides are empty strings
    gets an empty run for that purpose.
    """
    if not row.findings:
        return
    if not anchor_runs:
        anchor_runs = [fallback_paragraph.add_run("")]
    for finding in row.findings:
        comment = document.add_comment(
            anchor_runs,
            text=markup_safe(_comment_text(finding)),
            author=COMMENT_AUTHOR,
            initials=COMMENT_INITIALS,
        )
        comment._comment_elm.date = timestamp


def _comment_text(finding: Finding) -> str:
    return f"[{finding.check} · {finding.severity.value}] {finding.message}"


def _add_interleaved(document: Any, rows: Sequence[LinkRow], timestamp: dt.datetime) -> None:
    for row in rows:
        zh_paragraph = document.add_paragraph(style=styles.ZH_READING_STYLE)
        number = styles.add_text_run(zh_paragraph, str(row.number), "en")
        number.bold = True
        number.font.size = Pt(10)
        number.font.color.rgb = _MUTED
        worst = _worst_severity(row.findings)
        if worst is not None:
            styles.set_run_shading(number, _SEVERITY_FILL[worst])
        zh_paragraph.add_run("\t")
        zh_runs = _add_side(zh_paragraph, row.zh_pieces, "zh", present=bool(row.link.zh))

        en_paragraph = document.add_paragraph(style=styles.EN_READING_STYLE)
        en_runs = _add_side(en_paragraph, row.en_pieces, "en", present=bool(row.link.en))
        _comment_findings(document, row, en_runs or zh_runs, en_paragraph, timestamp)


_PLACEHOLDER = {"zh": "（无中文）", "en": "(no English)"}


def _add_side(paragraph: Any, pieces: Sequence[Piece], lang: str, *, present: bool) -> list[Any]:
    """The text runs of one side, or a muted placeholder (returning no runs to anchor on)."""
    if present:
        return _add_pieces(paragraph, pieces, lang)
    run = styles.add_text_run(paragraph, _PLACEHOLDER[lang], lang)
    run.italic = True
    run.font.color.rgb = _MUTED
    return []


def _add_findings_list(
    document: Any,
    rows: Sequence[LinkRow],
    loose: Sequence[Finding],
    *,
    as_table: bool,
) -> None:
    """Every finding once more, in row order, for readers of the printed handout."""
    entries = [
        (str(row.number), finding)
        for row in rows
        for finding in sorted(row.findings, key=lambda f: -f.severity.rank)
    ]
    entries += [("—", finding) for finding in loose]
    _add_text_paragraph(document, "QA findings", "en", styles.HEADING_STYLE)
    if not entries:
        _add_text_paragraph(document, "No findings.", "en", styles.EN_STYLE)
        return
    if not as_table:
        for number, finding in entries:
            paragraph = document.add_paragraph(style=styles.EN_STYLE)
            paragraph.paragraph_format.space_after = Pt(3)
            lead = styles.add_text_run(
                paragraph, f"{number} · {finding.check} · {finding.severity.value}", "en"
            )
            lead.bold = True
            styles.set_run_shading(lead, _SEVERITY_FILL[finding.severity])
            styles.add_text_run(paragraph, f"  {finding.message}", "en")
        return

    table = document.add_table(rows=1, cols=4)
    table.style = document.styles["Table Grid"]
    for cell, label in zip(table.rows[0].cells, ("№", "Check", "Severity", "Message"), strict=True):
        _fill_header_cell(cell, label, "en")
    styles.repeat_as_header(table.rows[0])
    styles.keep_row_together(table.rows[0])
    for number, finding in entries:
        cells = table.add_row().cells
        styles.keep_row_together(table.rows[-1])
        values = (number, finding.check, finding.severity.value, finding.message)
        for cell, value in zip(cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = styles.CELL_STYLE
            styles.add_text_run(paragraph, value, "en")
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        styles.shade_cell(cells[2], _SEVERITY_FILL[finding.severity])
    message_width = styles.TEXT_WIDTH_MM - sum(_FINDINGS_WIDTHS_MM)
    styles.fix_table_layout(table, (*_FINDINGS_WIDTHS_MM, message_width))


def _add_footer(document: Any, en_title: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = styles.META_STYLE
    styles.add_text_run(paragraph, f"{en_title}  ·  {PREVAILS_EN}  ·  page ", "en")
    styles.add_page_number_field(paragraph)


def _add_text_paragraph(document: Any, text: str, lang: str, style: str) -> Any:
    paragraph = document.add_paragraph(style=style)
    styles.add_text_run(paragraph, text, lang)
    return paragraph


def _worst_severity(findings: Sequence[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def _finding_counts(counts: FindingCounts) -> str:
    if not counts.total:
        return "no QA findings"
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        count = counts.of(severity)
        if count:
            parts.append(f"{count} {severity.value}{'' if count == 1 else 's'}")
    noun = "finding" if counts.total == 1 else "findings"
    return f"{counts.total} QA {noun} ({', '.join(parts)})"


def _file_name(path: str) -> str:
    return PurePath(path.replace("\\", "/")).name or path


def _with_fixed_zip_times(package: bytes) -> bytes:
    """Re-pack the DOCX with constant member timestamps (zipfile stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()
