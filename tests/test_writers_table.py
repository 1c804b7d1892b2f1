"""The per-link table view and the TSV/CSV writers.

``sample_report`` is also the fixture of the DOCX and HTML writer tests: a short customs
release with a 2:1 link, an English-only line, an untranslated sentence, glossary hits on
both sides and findings of every severity.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from aligner.formats.rows import attach_findings, link_rows, split_at_terms, unattached_findings
from aligner.formats.table import COLUMNS, render_csv, render_tsv
from aligner.model import Alignment, Finding, Link, Report, Severity, TermHit
from builders import make_document, write_csv, write_tsv

ZH_SENTENCES = (
    "海关总署发布2024年全年进出口数据",
    "2025年1月13日",
    "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%。",
    "规模再创历史新高。",
    "海关总署将持续优化口岸营商环境。",
    "跨境电商等新业态蓬勃发展。",
)
EN_SENTENCES = (
    "Home|中文站",
    "GACC Releases Import and Export Data for 2024",
    "January 13, 2025",
    "In 2024, the total value of China's imports and exports reached RMB43.85 trillion, "
    "up 5% year on year, a new record high.",
    "The General Administration of Customs of China will keep improving the business "
    "environment at ports.",
)
GACC_EN = "General Administration of Customs of China"


def term(
    lang: str,
    segment: str,
    segment_id: int,
    found: str,
    zh: str,
    en: str,
    status: str = "preferred",
) -> TermHit:
    start = segment.index(found)
    return TermHit(lang, segment_id, start, start + len(found), zh, en, status)


def sample_report(
    zh_sentences: tuple[str, ...] = ZH_SENTENCES,
    en_sentences: tuple[str, ...] = EN_SENTENCES,
) -> Report:
    zh = make_document("in/gacc-2025-01-13.zh.txt", "zh", zh_sentences)
    en = make_document("in/gacc-2025-01-13.en.txt", "en", en_sentences)
    links = (
        Link((), (0,), 0.9),
        Link((0,), (1,), 0.95),
        Link((1,), (2,), 0.99),
        Link((2, 3), (3,), 0.82),
        Link((4,), (4,), 0.91),
        Link((5,), (), 0.3),
    )
    alignment = Alignment(zh, en, links)
    hits = (
        term("zh", zh_sentences[0], 0, "海关总署", "海关总署", GACC_EN),
        term("zh", zh_sentences[3], 3, "历史新高", "历史新高", "record high"),
        term("zh", zh_sentences[4], 4, "海关总署", "海关总署", GACC_EN),
        term("zh", zh_sentences[4], 4, "营商环境", "营商环境", "business environment"),
        term("en", en_sentences[3], 3, "year on year", "同比", "year-on-year", "deprecated"),
        term("en", en_sentences[3], 3, "record high", "历史新高", "record high"),
        term("en", en_sentences[4], 4, GACC_EN, "海关总署", GACC_EN),
        term("en", en_sentences[4], 4, "business environment", "营商环境", "business environment"),
    )

    def finding(check: str, severity: Severity, link: Link, message: str) -> Finding:
        return Finding(
            check, severity, link.zh, link.en, zh.texts(link.zh), en.texts(link.en), message
        )

    findings = (
        finding("number", Severity.ERROR, links[3], "5% in Chinese is missing a match"),
        finding("term", Severity.WARNING, links[4], "营商环境 should read “business environment”"),
        finding("omission", Severity.WARNING, links[5], "Chinese sentence has no English"),
        Finding("length", Severity.INFO, (2,), (3,), zh.texts((2,)), en.texts((3,)), "long"),
        Finding("structure", Severity.INFO, (), (), "", "", "English has page furniture"),
    )
    return Report(alignment, findings, hits)


def test_link_rows_number_links_and_join_sentences_per_language() -> None:
    report = sample_report()
    rows = link_rows(report)
    assert [row.number for row in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[3].zh == ZH_SENTENCES[2] + ZH_SENTENCES[3]
    assert rows[3].en == EN_SENTENCES[3]
    assert rows[0].zh == "" and rows[5].en == ""


def test_findings_attach_to_exact_link_then_to_overlapping_one() -> None:
    report = sample_report()
    groups = attach_findings(report.alignment.links, report.findings)
    checks = [[f.check for f in group] for group in groups]
    assert checks == [[], [], [], ["number", "length"], ["term"], ["omission"]]
    assert [f.check for f in unattached_findings(report)] == ["structure"]


def test_term_offsets_are_shifted_into_the_joined_link_text() -> None:
    report = sample_report()
    alignment = report.alignment
    pieces = split_at_terms(alignment.source, (2, 3), report.term_hits)
    assert "".join(p.text for p in pieces) == ZH_SENTENCES[2] + ZH_SENTENCES[3]
    marked = [p for p in pieces if p.hit is not None]
    assert [p.text for p in marked] == ["历史新高"]

    en_pieces = split_at_terms(alignment.target, (3, 4), report.term_hits)
    en_marked = [p.text for p in en_pieces if p.hit is not None]
    assert en_marked == ["year on year", "record high", GACC_EN, "business environment"]
    assert "".join(p.text for p in en_pieces) == alignment.target.texts((3, 4))


def test_overlapping_hits_keep_the_longer_one_and_clip_to_the_sentence() -> None:
    document = make_document("x", "en", ("General Administration of Customs",))
    hits = (
        TermHit("en", 0, 0, 7, "总", "General"),
        TermHit("en", 0, 0, 33, "海关总署", "General Administration of Customs"),
        TermHit("en", 0, 25, 99, "海关", "Customs"),
        TermHit("zh", 0, 0, 5, "海关", "Customs"),
    )
    pieces = split_at_terms(document, (0,), hits)
    assert [(p.text, p.hit is not None) for p in pieces] == [
        ("General Administration of Customs", True)
    ]


def test_tsv_has_header_one_line_per_link_and_no_bom(tmp_path: Path) -> None:
    report = sample_report()
    text = render_tsv(report)
    lines = text.splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 1 + len(report.alignment.links)
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
    fourth = lines[4].split("\t")
    assert fourth[:4] == ["4", "2,3", "3", "0.82"]
    number, length = report.findings[0], report.findings[3]
    assert fourth[6] == (
        f"number/error {number.id}: 5% in Chinese is missing a match; length/info {length.id}: long"
    )
    assert fourth[7] == ""
    path = tmp_path / "out.tsv"
    write_tsv(report, path)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == text


def test_tsv_flattens_tabs_and_line_breaks_inside_text() -> None:
    en = list(EN_SENTENCES)
    en[1] = "GACC\treleases\r\ndata\nfor 2024"
    text = render_tsv(sample_report(en_sentences=tuple(en)))
    lines = text.splitlines()
    assert len(lines) == 7
    assert lines[2].split("\t")[5] == "GACC releases data for 2024"


def test_csv_reads_back_with_the_same_texts_and_has_a_bom_on_disk(tmp_path: Path) -> None:
    en = list(EN_SENTENCES)
    en[1] = 'A "quoted", comma\nand a line break'
    report = sample_report(en_sentences=tuple(en))
    path = tmp_path / "out.csv"
    write_csv(report, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert not render_csv(report).startswith("\ufeff")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(report.alignment.links)
    for row, link_row in zip(rows[1:], link_rows(report), strict=True):
        assert row[4] == link_row.zh
        assert row[5] == link_row.en
    assert rows[2][5] == en[1]


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas() -> None:
    en = list(EN_SENTENCES)
    en[1] = '=HYPERLINK("x")'
    en[2] = "-3.2% year-on-year"
    rows = list(csv.reader(io.StringIO(render_csv(sample_report(en_sentences=tuple(en))))))
    assert rows[2][5] == '\'=HYPERLINK("x")'
    assert rows[3][5] == "'-3.2% year-on-year"
    assert rows[3][0] == "3"
