"""The bilingual handout: a Word document a reviewer or speaker can print and read from.

Two layouts serve two uses. "table" puts Chinese and English side by side, one numbered row
per link, for checking a translation line by line. "interleaved" puts each English paragraph
under its Chinese one, for reading aloud without the eye jumping between columns.

Two modes serve two audiences. A ``clean`` handout is what a press office hands out: the two
texts under the title, the date and "The Chinese version prevails", and nothing else — no
highlights, no comments, no QA counts, no file names, and no rows of page chrome (navigation,
date stamps, footers) that the chrome recognisers put on one side only. A ``review`` handout
is for reviewers: glossary terms highlighted, the words each finding is about underlined in
the colour of its severity, the findings as Word comments on those words (visible in review,
absent from a clean printout) and again in a table at the end (visible on paper), with the
row, the sentence ids and the id ``--accepted`` takes; findings a reviewer accepted are
listed there with their notes.
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

from aligner.checks.addition import furniture_links
from aligner.formats.rows import (
    LinkRow,
    Piece,
    link_rows,
    markup_safe,
    quoted_words,
    row_label,
    sentence_ids,
    unattached_accepted,
    unattached_findings,
)
from aligner.formats.settings import OutputSettings
from aligner.model import AcceptedFinding, Finding, FindingCounts, Report, Severity
from aligner.writers import docx_styles as styles
from aligner.writers.titles import document_date, document_title

Layout = Literal["table", "interleaved"]
Handout = Literal["clean", "review"]

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
_FINDINGS_WIDTHS_MM = (13.0, 26.0, 22.0, 20.0, 40.0)

_SEVERITY_FILL = {
    Severity.ERROR: "F4B6B6",
    Severity.WARNING: "FFE699",
    Severity.INFO: "DDEBF7",
}
_ACCEPTED_FILL = "E7E6E6"
_MUTED = RGBColor(0x59, 0x59, 0x59)


def render_docx(report: Report, *, layout: Layout = "table", handout: Handout = "review") -> bytes:
    """The handout as DOCX bytes; identical reports give identical bytes."""
    if layout not in ("table", "interleaved"):
        raise ValueError(f"unknown handout layout {layout!r}")
    if handout not in ("clean", "review"):
        raise ValueError(f"unknown handout mode {handout!r}")
    review = handout == "review"
    document = new_word_document()
    styles.setup_page(document)
    styles.setup_styles(document)
    timestamp = _timestamp(report)
    zh_title, en_title = document_title(report.alignment)
    _set_properties(document, zh_title, en_title, timestamp)

    rows = link_rows(report)
    if not review:
        furniture = furniture_links(report.alignment)
        rows = tuple(row for row in rows if row.number - 1 not in furniture)
    _add_title_block(document, report, zh_title, en_title, review=review)
    if layout == "table":
        _add_side_by_side(document, rows, timestamp, review=review)
    else:
        _add_interleaved(document, rows, timestamp, review=review)
    if review:
        _add_findings_list(document, rows, report, as_table=layout == "table")
    _add_footer(document, en_title)

    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue())


def docx_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_docx(report, layout=settings.layout, handout=settings.handout)


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


def _add_title_block(
    document: Any, report: Report, zh_title: str, en_title: str, *, review: bool
) -> None:
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
    prevails.paragraph_format.space_after = Pt(6 if review else 12)
    if not review:
        return

    source_name = _file_name(alignment.source.path)
    target_name = _file_name(alignment.target.path)
    _add_text_paragraph(
        document,
        f"Source (zh-CN): {source_name}    Target (en): {target_name}",
        "en",
        styles.META_STYLE,
    )
    counts = _finding_counts(report.counts)
    accepted = f" · {len(report.accepted)} accepted by a reviewer" if report.accepted else ""
    _add_text_paragraph(
        document,
        f"{len(alignment.links)} aligned rows · {len(alignment.source.segments)} Chinese and "
        f"{len(alignment.target.segments)} English sentences · {counts}{accepted}",
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
        ("   ·   Words a QA finding is about: ", None),
    ]
    for text, colour in parts:
        run = styles.add_text_run(legend, text, "en")
        if colour is not None:
            run.font.highlight_color = colour
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        styles.mark_finding_run(styles.add_text_run(legend, severity.value, "en"), severity.value)
        styles.add_text_run(legend, "  ", "en")
    styles.add_text_run(
        legend, " ·   Findings appear as comments and in the table at the end.", "en"
    )


def _add_side_by_side(
    document: Any, rows: Sequence[LinkRow], timestamp: dt.datetime, *, review: bool
) -> None:
    number_width = _NUMBER_COLUMN_MM if review else 0.0
    text_width = styles.TEXT_WIDTH_MM - number_width
    zh_width = round(text_width * _ZH_SHARE, 1)
    widths = (
        (number_width, zh_width, text_width - zh_width)
        if review
        else (
            zh_width,
            text_width - zh_width,
        )
    )
    labels: tuple[tuple[str, str], ...] = (("中文（原文）", "zh"), ("English", "en"))
    if review:
        labels = (("№", "en"), *labels)

    table = document.add_table(rows=1, cols=len(labels))
    table.style = document.styles["Table Grid"]
    header = table.rows[0]
    for cell, (label, lang) in zip(header.cells, labels, strict=True):
        _fill_header_cell(cell, label, lang)
    styles.repeat_as_header(header)
    styles.keep_row_together(header)

    for row in rows:
        cells = table.add_row().cells
        styles.keep_row_together(table.rows[-1])
        if review:
            _fill_number_cell(cells[0], row)
        zh_cell, en_cell = cells[-2], cells[-1]
        zh_runs = _fill_text_cell(zh_cell, row.zh_pieces, "zh", review=review)
        en_runs = _fill_text_cell(en_cell, row.en_pieces, "en", review=review)
        if review:
            if not row.link.zh:
                styles.shade_cell(zh_cell, styles.MISSING_FILL)
            if not row.link.en:
                styles.shade_cell(en_cell, styles.MISSING_FILL)
            _comment_findings(document, row, zh_runs, en_runs, en_cell.paragraphs[0], timestamp)
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


def _fill_text_cell(cell: Any, pieces: Sequence[Piece], lang: str, *, review: bool) -> list[Any]:
    paragraph = cell.paragraphs[0]
    paragraph.style = styles.ZH_STYLE if lang == "zh" else styles.EN_STYLE
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(2)
    return _add_pieces(paragraph, pieces, lang, review=review)


def _add_pieces(
    paragraph: Any, pieces: Sequence[Piece], lang: str, *, review: bool
) -> list[tuple[Any, Piece]]:
    """One run per piece; in review, terms highlighted and findings' words marked."""
    if not review:
        text = "".join(piece.text for piece in pieces)
        return [(styles.add_text_run(paragraph, text, lang), Piece(text))] if text else []
    runs = []
    for piece in pieces:
        run = styles.add_text_run(paragraph, piece.text, lang)
        if piece.hit is not None:
            run.font.highlight_color = styles.TERM_HIGHLIGHT.get(
                piece.hit.status, WD_COLOR_INDEX.YELLOW
            )
        worst = _worst_severity(piece.findings)
        if worst is not None:
            styles.mark_finding_run(run, worst.value)
        runs.append((run, piece))
    return runs


def _comment_findings(
    document: Any,
    row: LinkRow,
    zh_runs: list[tuple[Any, Piece]],
    en_runs: list[tuple[Any, Piece]],
    fallback_paragraph: Any,
    timestamp: dt.datetime,
) -> None:
    """Anchor each finding of a row as a comment on the words it is about.

    Those are the English words its spans cover, else the Chinese ones, else the whole
    English text (or the Chinese when there is no English). A comment needs at least one
    run to hang on; a row whose both sides are empty strings gets an empty run for that.
    """
    for finding in row.findings:
        anchor = (
            _covered(en_runs, finding)
            or _covered(zh_runs, finding)
            or [run for run, _ in en_runs or zh_runs]
            or [fallback_paragraph.add_run("")]
        )
        comment = document.add_comment(
            anchor,
            text=markup_safe(_comment_text(finding, row.number)),
            author=COMMENT_AUTHOR,
            initials=COMMENT_INITIALS,
        )
        comment._comment_elm.date = timestamp


def _covered(runs: list[tuple[Any, Piece]], finding: Finding) -> list[Any]:
    """The runs from the first to the last piece the finding's spans cover on this side."""
    marked = [index for index, (_, piece) in enumerate(runs) if finding in piece.findings]
    if not marked:
        return []
    return [run for run, _ in runs[marked[0] : marked[-1] + 1]]


def _comment_text(finding: Finding, number: int | None) -> str:
    words = " ".join(f"«{word}»" for word in quoted_words(finding))
    return f"[{_place(finding, number)} · {finding.id}] " + (
        f"{words} {finding.message}" if words else finding.message
    )


def _place(finding: Finding, number: int | None) -> str:
    """Where a finding is, as every output places it: "number · error · row 18 · zh 14 ↔ en
    20,21"."""
    parts = [finding.check, finding.severity.value]
    if number is not None:
        parts.append(row_label(number))
    if finding.zh_ids or finding.en_ids:
        parts.append(sentence_ids(finding.zh_ids, finding.en_ids))
    return " · ".join(parts)


def _add_interleaved(
    document: Any, rows: Sequence[LinkRow], timestamp: dt.datetime, *, review: bool
) -> None:
    for row in rows:
        zh_paragraph = document.add_paragraph(style=styles.ZH_READING_STYLE)
        if review:
            number = styles.add_text_run(zh_paragraph, str(row.number), "en")
            number.bold = True
            number.font.size = Pt(10)
            number.font.color.rgb = _MUTED
            worst = _worst_severity(row.findings)
            if worst is not None:
                styles.set_run_shading(number, _SEVERITY_FILL[worst])
        zh_paragraph.add_run("\t")
        zh_runs = _add_side(zh_paragraph, row.zh_pieces, "zh", row, review=review)

        en_paragraph = document.add_paragraph(style=styles.EN_READING_STYLE)
        en_runs = _add_side(en_paragraph, row.en_pieces, "en", row, review=review)
        if review:
            _comment_findings(document, row, zh_runs, en_runs, en_paragraph, timestamp)


_PLACEHOLDER = {"zh": "（无中文）", "en": "(no English)"}


def _add_side(
    paragraph: Any, pieces: Sequence[Piece], lang: str, row: LinkRow, *, review: bool
) -> list[tuple[Any, Piece]]:
    """The text runs of one side, or in review a muted placeholder (no runs to anchor on)."""
    present = bool(row.link.zh if lang == "zh" else row.link.en)
    if present:
        return _add_pieces(paragraph, pieces, lang, review=review)
    if review:
        run = styles.add_text_run(paragraph, _PLACEHOLDER[lang], lang)
        run.italic = True
        run.font.color.rgb = _MUTED
    return []


_Entry = tuple[int | None, Finding, AcceptedFinding | None]


def _add_findings_list(
    document: Any, rows: Sequence[LinkRow], report: Report, *, as_table: bool
) -> None:
    """Every finding once more, in row order, for readers of the printed handout; then the
    findings a reviewer accepted, with their notes."""
    entries: list[_Entry] = [
        (row.number, finding, None)
        for row in rows
        for finding in sorted(row.findings, key=lambda f: -f.severity.rank)
    ]
    entries += [(None, finding, None) for finding in unattached_findings(report)]
    entries += [(row.number, item.finding, item) for row in rows for item in row.accepted]
    entries += [(None, item.finding, item) for item in unattached_accepted(report)]
    _add_text_paragraph(document, "QA findings", "en", styles.HEADING_STYLE)
    if not entries:
        _add_text_paragraph(document, "No findings.", "en", styles.EN_STYLE)
        return
    if not as_table:
        for number, finding, item in entries:
            paragraph = document.add_paragraph(style=styles.EN_STYLE)
            paragraph.paragraph_format.space_after = Pt(3)
            status = "accepted" if item is not None else finding.severity.value
            lead = styles.add_text_run(
                paragraph, f"{row_label(number)} · {finding.check} · {status}", "en"
            )
            lead.bold = True
            fill = _ACCEPTED_FILL if item is not None else _SEVERITY_FILL[finding.severity]
            styles.set_run_shading(lead, fill)
            styles.add_text_run(paragraph, f"  {_list_message(finding, item)}", "en")
            styles.add_text_run(paragraph, f"  ({_sentences(finding)}{finding.id})", "en")
        return

    table = document.add_table(rows=1, cols=6)
    table.style = document.styles["Table Grid"]
    labels = ("Row", "Sentences", "Check", "Severity", "Id", "Message")
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        _fill_header_cell(cell, label, "en")
    styles.repeat_as_header(table.rows[0])
    styles.keep_row_together(table.rows[0])
    for number, finding, item in entries:
        cells = table.add_row().cells
        styles.keep_row_together(table.rows[-1])
        severity = finding.severity.value
        values = (
            "—" if number is None else str(number),
            sentence_ids(finding.zh_ids, finding.en_ids)
            if finding.zh_ids or finding.en_ids
            else "—",
            finding.check,
            severity if item is None else f"accepted ({severity})",
            finding.id,
            _list_message(finding, item),
        )
        for cell, value in zip(cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = styles.CELL_STYLE
            styles.add_text_run(paragraph, value, "en")
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        fill = _ACCEPTED_FILL if item is not None else _SEVERITY_FILL[finding.severity]
        styles.shade_cell(cells[3], fill)
    message_width = styles.TEXT_WIDTH_MM - sum(_FINDINGS_WIDTHS_MM)
    styles.fix_table_layout(table, (*_FINDINGS_WIDTHS_MM, message_width))


def _sentences(finding: Finding) -> str:
    if not finding.zh_ids and not finding.en_ids:
        return ""
    return sentence_ids(finding.zh_ids, finding.en_ids) + " · "


def _list_message(finding: Finding, item: AcceptedFinding | None) -> str:
    words = " ".join(f"«{word}»" for word in quoted_words(finding))
    message = f"{words} {finding.message}" if words else finding.message
    if item is not None and item.note:
        message += f" Reviewer's note: {item.note}"
    return message


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
