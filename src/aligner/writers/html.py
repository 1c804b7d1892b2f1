"""The QA report as one self-contained HTML page, for a reviewer working in a browser.

The page has to open anywhere — from an e-mail attachment, offline, on a locked-down office
machine — so everything it needs is inline: CSS in a style element, no fonts, images or
scripts from elsewhere. A few lines of inline script add a "rows with findings only" switch;
without script the page simply shows every row. All document text is escaped, since a
release copied from the web may contain markup-like text.

Rows carry the row number and sentence ids every output uses; each finding shows its id
(what ``--accepted`` takes), and the words it is about are underlined in the text in the
colour of its severity, the id and message as their tooltip. Findings a reviewer accepted
are listed apart, with the reviewer's note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from aligner.formats.rows import (
    LinkRow,
    Piece,
    link_rows,
    markup_safe,
    quoted_words,
    sentence_ids,
    unattached_accepted,
    unattached_findings,
)
from aligner.formats.settings import OutputSettings
from aligner.model import AcceptedFinding, Finding, FindingCounts, Report, Severity
from aligner.writers.titles import document_date, document_title

# Below this a link is flagged for a second look: the aligner was unsure, so the pairing
# itself (not only the translation) may be wrong.
LOW_CONFIDENCE = 0.5

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_PREVAILS_ZH = "以中文版本为准。"
_PREVAILS_EN = "The Chinese version prevails."

_CSS = """
:root { --error:#c62828; --error-bg:#fdecea; --warning:#b26a00; --warning-bg:#fff4e0;
  --info:#1565c0; --info-bg:#e8f1fb; --muted:#5f6368; --rule:#d0d4d9; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 3rem; color: #202124;
  line-height: 1.5; font-size: 15px; }
:lang(zh-CN) { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
  "Source Han Sans SC", "SimSun", sans-serif; }
header.title { text-align: center; margin-bottom: 1.5rem; }
header.title h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
header.title .en-title { font-size: 1.3rem; margin: 0 0 .4rem; }
.meta, .muted { color: var(--muted); }
.prevails { font-weight: 600; }
h2 { border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; vertical-align: top;
  text-align: left; }
thead th { background: #eef1f5; position: sticky; top: 0; z-index: 1; }
.summary-grid { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
table.facts th { background: #f6f7f9; font-weight: 600; white-space: nowrap; }
table.counts td, table.counts tfoot th { text-align: right; min-width: 4.5rem; }
table.counts td.zero { color: #b0b4b9; }
table.counts td.none { text-align: left; color: var(--muted); }
table.counts caption, table.facts caption { text-align: left; font-weight: 600;
  padding-bottom: .3rem; }
table.findings-index { width: 100%; }
table.findings-index td.row { white-space: nowrap; }
.badge { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 3px;
  padding: 0 .35rem; font-size: .8rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .02em; color: #fff; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.check { font-family: ui-monospace, Consolas, monospace; font-size: .85rem; }
table.align { width: 100%; table-layout: fixed; }
table.align col.num { width: 4.8rem; }
table.align col.conf { width: 6.5rem; }
table.align td.num { text-align: right; color: var(--muted); }
table.align td.num a { color: inherit; text-decoration: none; }
table.align td.zh { font-size: 1.05rem; }
table.align td.conf { text-align: right; font-variant-numeric: tabular-nums; }
tr.link:target td { outline: 2px solid #7baaf7; }
td.missing { background: repeating-linear-gradient(135deg, #f3f3f3 0 6px, #e9e9e9 6px 12px); }
td.missing::after { color: var(--muted); font-style: italic; font-size: .85rem;
  font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
td.zh.missing::after { content: "no Chinese counterpart (English only)"; }
td.en.missing::after { content: "no English counterpart (not translated)"; }
tbody.sev-error tr td { background-color: var(--error-bg); }
tbody.sev-warning tr td { background-color: var(--warning-bg); }
tbody.sev-info tr td { background-color: var(--info-bg); }
tbody.sev-error td.num { border-left: 5px solid var(--error); }
tbody.sev-warning td.num { border-left: 5px solid var(--warning); }
tbody.sev-info td.num { border-left: 5px solid var(--info); }
tr.findings td { border-top: none; padding-top: 0; }
tr.findings ul { margin: 0; padding-left: 0; list-style: none; }
tr.findings li { margin: .15rem 0; }
.flag { display: inline-block; margin-left: .3rem; padding: 0 .3rem; border-radius: 3px;
  border: 1px solid var(--error); color: var(--error); font-size: .75rem; font-weight: 700; }
tr.low-confidence td.conf { color: var(--error); font-weight: 700; }
.flagged { text-decoration-line: underline; text-decoration-thickness: 3px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; cursor: help;
  border-radius: 2px; }
.flagged.sev-error { text-decoration-color: var(--error); background: #f6c4c4; }
.flagged.sev-warning { text-decoration-color: var(--warning); background: #fbdca8; }
.flagged.sev-info { text-decoration-color: var(--info); background: #cfe0f5; }
.fid { font-family: ui-monospace, Consolas, monospace; font-size: .78rem; color: var(--muted);
  white-space: nowrap; }
.words { font-weight: 600; }
td.num .ids { display: block; font-size: .7rem; line-height: 1.2; white-space: nowrap; }
.badge.accepted { background: var(--muted); }
li.accepted { color: var(--muted); }
.note { font-style: italic; }
mark.term { background: #fff176; padding: 0 .1rem; border-radius: 2px; }
mark.term.admitted { background: #c8f7c5; }
mark.term.deprecated, mark.term.forbidden { background: #f8bbd0;
  text-decoration: underline wavy var(--error); }
.legend { font-size: .9rem; }
.legend > * { margin-right: 1rem; }
body.only-findings tbody.entry:not(.has-findings) { display: none; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  #filters { display: none; }
  thead th { position: static; }
  tbody.entry, tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# Reveals the filter switch only when script runs, so a page without script never shows a
# control that does nothing.
_SCRIPT = """
(function () {
  var box = document.getElementById("only-findings");
  var bar = document.getElementById("filters");
  if (!box || !bar) { return; }
  bar.hidden = false;
  box.addEventListener("change", function () {
    document.body.classList.toggle("only-findings", box.checked);
  });
})();
"""


def render_html(report: Report) -> str:
    """The whole report page as a string (UTF-8 when written)."""
    rows = link_rows(report)
    zh_title, en_title = document_title(report.alignment)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="aligner">',
        f"<title>QA report: {_e(en_title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        _title_block(report, zh_title, en_title),
        _summary(report, rows),
        _alignment_table(rows),
        _accepted_section(report, rows),
        "<footer>Generated by aligner. Chinese (zh-CN) is the source; English (en) is checked "
        "against it.</footer>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def html_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_html(report).encode("utf-8")


def _e(text: str) -> str:
    return escape(markup_safe(text), quote=True)


def _title_block(report: Report, zh_title: str, en_title: str) -> str:
    iso_date = document_date(report.alignment)
    date_html = f'<time datetime="{_e(iso_date)}">{_e(iso_date)}</time> · ' if iso_date else ""
    return (
        '<header class="title">'
        f'<h1 lang="zh-CN">{_e(zh_title)}</h1>'
        f'<p class="en-title">{_e(en_title)}</p>'
        f'<p class="meta">{date_html}<span class="prevails"><span lang="zh-CN">'
        f"{_PREVAILS_ZH}</span> {_PREVAILS_EN}</span></p>"
        "</header>"
    )


def _summary(report: Report, rows: Sequence[LinkRow]) -> str:
    alignment = report.alignment
    links = alignment.links
    mean = sum(link.confidence for link in links) / len(links) if links else None
    low = [row for row in rows if row.link.confidence < LOW_CONFIDENCE]
    omissions = sum(1 for link in links if link.zh and not link.en)
    additions = sum(1 for link in links if link.en and not link.zh)
    one_to_one = sum(1 for link in links if len(link.zh) == 1 and len(link.en) == 1)
    merged = len(links) - omissions - additions - one_to_one
    date = document_date(alignment)

    facts = [
        ("Source (zh-CN)", _e(alignment.source.path)),
        ("Target (en)", _e(alignment.target.path)),
        ("Date", _e(date) if date else '<span class="muted">not found</span>'),
        (
            "Aligned rows",
            f"{len(links)} ({one_to_one} one-to-one, {merged} merged or split, "
            f"{omissions} not translated, {additions} English only)",
        ),
        (
            "Sentences",
            f"{len(alignment.source.segments)} Chinese · {len(alignment.target.segments)} English",
        ),
        ("Mean confidence", f"{mean:.2f}" if mean is not None else "—"),
        (
            f"Low confidence (&lt; {LOW_CONFIDENCE:.2f})",
            f"{len(low)}" + (": " + _row_links(row.number for row in low) if low else ""),
        ),
        ("Findings", str(len(report.findings))),
        (
            "Accepted by a reviewer",
            f'<a href="#accepted">{len(report.accepted)}</a> (not counted)'
            if report.accepted
            else "0",
        ),
    ]
    facts_html = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in facts)
    return (
        '<section id="summary"><h2>Summary</h2><div class="summary-grid">'
        f'<table class="facts"><caption>Documents and alignment</caption>{facts_html}</table>'
        f"{_counts_table(report.counts)}</div>"
        f"{_findings_index(rows, unattached_findings(report))}</section>"
    )


def _row_links(numbers: Iterable[int]) -> str:
    return ", ".join(f'<a href="#link-{n}">{n}</a>' for n in numbers)


def _counts_table(counts: FindingCounts) -> str:
    """Findings counted by check (rows) and severity (columns), with totals both ways."""
    head = "".join(f'<th scope="col">{s.value}</th>' for s in _SEVERITIES)
    body = []
    for check in counts.by_check:
        cells = "".join(_count_cell(check.of(s), s) for s in _SEVERITIES)
        body.append(
            f'<tr data-check="{_e(check.check)}"><th scope="row" class="check">'
            f'{_e(check.check)}</th>{cells}<td class="total">{check.total}</td></tr>'
        )
    if not counts.by_check:
        body.append(f'<tr><td class="none" colspan="{len(_SEVERITIES) + 2}">No findings.</td></tr>')
    totals = "".join(f"<th>{counts.of(s)}</th>" for s in _SEVERITIES)
    return (
        '<table class="counts"><caption>Findings by check and severity</caption>'
        f'<thead><tr><th scope="col">Check</th>{head}<th scope="col">Total</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody>"
        f'<tfoot><tr><th scope="row">Total</th>{totals}<th>{counts.total}</th></tr></tfoot>'
        "</table>"
    )


def _count_cell(count: int, severity: Severity) -> str:
    classes = f"sev-{severity.value}" + (" zero" if count == 0 else "")
    return f'<td class="{classes}">{count}</td>'


def _findings_index(rows: Sequence[LinkRow], loose: Sequence[Finding]) -> str:
    """Every finding, worst first, each linking down to its row."""
    entries: list[tuple[Finding, int | None]] = [
        (finding, row.number) for row in rows for finding in row.findings
    ]
    entries += [(finding, None) for finding in loose]
    if not entries:
        return ""
    entries.sort(key=lambda entry: (-entry[0].severity.rank, entry[1] or 0))
    lines = []
    for finding, number in entries:
        lines.append(
            f'<tr class="sev-{finding.severity.value}"><td>{_badge(finding.severity)}</td>'
            f'<td class="check">{_e(finding.check)}</td>{_place_cells(finding, number)}'
            f"<td>{_message(finding)}</td></tr>"
        )
    return (
        '<h3 id="all-findings">All findings</h3><table class="findings-index">'
        '<thead><tr><th scope="col">Severity</th><th scope="col">Check</th>'
        '<th scope="col">Row</th><th scope="col">Sentences</th><th scope="col">Id</th>'
        '<th scope="col">Message</th></tr></thead>'
        f"<tbody>{''.join(lines)}</tbody></table>"
    )


def _place_cells(finding: Finding, number: int | None) -> str:
    """Row (linked), sentence ids and finding id: the same in every output."""
    row_cell = _row_links([number]) if number is not None else "document"
    ids = sentence_ids(finding.zh_ids, finding.en_ids) if finding.zh_ids or finding.en_ids else ""
    return (
        f'<td class="row">{row_cell}</td><td class="fid">{_e(ids)}</td>'
        f'<td class="fid">{_e(finding.id)}</td>'
    )


def _message(finding: Finding) -> str:
    """The message, led by the words it points at."""
    words = " ".join(f"«{_e(word)}»" for word in quoted_words(finding))
    lead = f'<span class="words">{words}</span> ' if words else ""
    return lead + _e(finding.message)


def _badge(severity: Severity) -> str:
    return f'<span class="badge sev-{severity.value}">{severity.value}</span>'


def _alignment_table(rows: Sequence[LinkRow]) -> str:
    legend = (
        '<p class="legend"><span><mark class="term">glossary term</mark></span>'
        '<span><mark class="term admitted">admitted variant</mark></span>'
        '<span><mark class="term deprecated">deprecated rendering</mark></span>'
        '<span><span class="flagged sev-error">words a finding is about</span> '
        "(hover for the finding)</span>"
        f'<span><span class="flag">low</span> confidence below {LOW_CONFIDENCE:.2f}</span>'
        "<span>Row colour: worst finding (red error, amber warning, blue info)</span></p>"
    )
    filters = (
        '<p id="filters" hidden><label><input type="checkbox" id="only-findings"> '
        "Show only rows with findings</label></p>"
    )
    head = (
        '<colgroup><col class="num"><col class="zh"><col class="en"><col class="conf"></colgroup>'
        '<thead><tr><th scope="col">№</th><th scope="col" lang="zh-CN">中文</th>'
        '<th scope="col">English</th><th scope="col">Confidence</th></tr></thead>'
    )
    body = "".join(_entry(row) for row in rows)
    return (
        f'<section id="alignment"><h2>Side by side</h2>{legend}{filters}'
        f'<table class="align">{head}{body}</table></section>'
    )


def _entry(row: LinkRow) -> str:
    """One link as its own tbody, so that the row and its findings stay together in print."""
    worst = max((f.severity for f in row.findings), key=lambda s: s.rank, default=None)
    entry_classes = ["entry"]
    if worst is not None:
        entry_classes += ["has-findings", f"sev-{worst.value}"]
    low = row.link.confidence < LOW_CONFIDENCE
    flag = ' <span class="flag" title="low alignment confidence">low</span>' if low else ""
    link_class = "link low-confidence" if low else "link"
    zh_ids, _, en_ids = row.sentences.partition(" ↔ ")
    cells = (
        f'<td class="num" title="{_e(row.label)} · {_e(row.sentences)}">'
        f'<a href="#link-{row.number}">{row.number}</a>'
        f'<span class="ids muted">{_e(zh_ids)}<br>{_e(en_ids)}</span></td>'
        f"{_text_cell(row.zh_pieces, 'zh', present=bool(row.link.zh))}"
        f"{_text_cell(row.en_pieces, 'en', present=bool(row.link.en))}"
        f'<td class="conf">{row.link.confidence:.2f}{flag}</td>'
    )
    findings = ""
    if row.findings or row.accepted:
        items = "".join(
            f'<li class="sev-{f.severity.value}">{_badge(f.severity)} '
            f'<span class="check">{_e(f.check)}</span> {_message(f)} '
            f'<span class="fid">{_e(f.id)}</span></li>'
            for f in sorted(row.findings, key=lambda f: -f.severity.rank)
        )
        items += "".join(_accepted_item(item) for item in row.accepted)
        findings = f'<tr class="findings"><td></td><td colspan="3"><ul>{items}</ul></td></tr>'
    return (
        f'<tbody class="{" ".join(entry_classes)}">'
        f'<tr id="link-{row.number}" class="{link_class}">{cells}</tr>{findings}</tbody>'
    )


def _text_cell(pieces: Sequence[Piece], lang: str, *, present: bool) -> str:
    lang_attr = ' lang="zh-CN"' if lang == "zh" else ' lang="en"'
    if not present:
        return f'<td class="{lang} missing"{lang_attr}></td>'
    return f'<td class="{lang}"{lang_attr}>{"".join(_piece(p) for p in pieces)}</td>'


def _piece(piece: Piece) -> str:
    hit = piece.hit
    if hit is None:
        inner = _e(piece.text)
    else:
        status = hit.status if hit.status in ("admitted", "deprecated", "forbidden") else ""
        classes = f"term {status}".strip()
        note = "" if not status or status == "admitted" else f" ({status} rendering)"
        title = f"{hit.zh_term} → {hit.en_term}{note}"
        inner = f'<mark class="{classes}" title="{_e(title)}">{_e(piece.text)}</mark>'
    if not piece.findings:
        return inner
    worst = max((f.severity for f in piece.findings), key=lambda s: s.rank)
    title = "\n".join(f"{f.id} ({f.severity.value}): {f.message}" for f in piece.findings)
    ids = " ".join(f.id for f in piece.findings)
    return (
        f'<span class="flagged sev-{worst.value}" data-findings="{_e(ids)}" '
        f'title="{_e(title)}">{inner}</span>'
    )


def _accepted_item(item: AcceptedFinding) -> str:
    finding = item.finding
    note = f' <span class="note">Note: {_e(item.note)}</span>' if item.note else ""
    return (
        f'<li class="accepted"><span class="badge accepted">accepted</span> '
        f'<span class="check">{_e(finding.check)}/{_e(finding.severity.value)}</span> '
        f'{_message(finding)} <span class="fid">{_e(finding.id)}</span>{note}</li>'
    )


def _accepted_section(report: Report, rows: Sequence[LinkRow]) -> str:
    """Findings a reviewer accepted, with their notes: out of the counts, not out of sight."""
    entries: list[tuple[AcceptedFinding, int | None]] = [
        (item, None) for item in unattached_accepted(report)
    ]
    entries += [(item, row.number) for row in rows for item in row.accepted]
    if not entries:
        return ""
    lines = []
    for item, number in entries:
        finding = item.finding
        lines.append(
            f'<tr><td>{_badge(finding.severity)}</td><td class="check">{_e(finding.check)}</td>'
            f"{_place_cells(finding, number)}<td>{_message(finding)}</td>"
            f'<td class="note">{_e(item.note)}</td></tr>'
        )
    return (
        '<section id="accepted"><h2>Accepted by a reviewer</h2>'
        f'<p class="muted">{len(entries)} finding{"" if len(entries) == 1 else "s"} judged '
        "acceptable (given with --accepted): not in the counts above, listed with the "
        "reviewer's note. A finding comes back when the text of its row changes.</p>"
        '<table class="findings-index"><thead><tr><th scope="col">Severity</th>'
        '<th scope="col">Check</th><th scope="col">Row</th><th scope="col">Sentences</th>'
        '<th scope="col">Id</th><th scope="col">Message</th><th scope="col">Note</th></tr>'
        f"</thead><tbody>{''.join(lines)}</tbody></table></section>"
    )
