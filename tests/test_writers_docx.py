"""The DOCX handout, read back with python-docx and checked at the XML level."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm

from aligner.formats.rows import link_rows
from aligner.model import Finding, Report, Severity
from aligner.writers.docx import render_docx
from builders import empty_alignment, write_docx
from test_writers_table import EN_SENTENCES, GACC_EN, ZH_SENTENCES, sample_report


def read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def handout() -> Any:
    return read(render_docx(sample_report()))


@pytest.fixture(scope="module")
def interleaved() -> Any:
    return read(render_docx(sample_report(), layout="interleaved"))


def test_side_by_side_table_has_a_header_and_one_row_per_link(handout: Any) -> None:
    report = sample_report()
    table = handout.tables[0]
    assert len(table.rows) == 1 + len(report.alignment.links)
    assert [cell.text for cell in table.rows[0].cells] == ["№", "中文（原文）", "English"]
    for row, link_row in zip(table.rows[1:], link_rows(report), strict=True):
        number, zh, en = (cell.text for cell in row.cells)
        assert (number, zh, en) == (str(link_row.number), link_row.zh, link_row.en)


def test_header_repeats_and_no_row_breaks_across_pages(handout: Any) -> None:
    for table in handout.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(
            tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows
        )
        assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows[1:])


def test_columns_have_fixed_widths_with_a_narrow_number_column(handout: Any) -> None:
    table = handout.tables[0]
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    widths = [column.width for column in table.columns]
    assert widths[0] < Mm(15)
    assert widths[1] > 5 * widths[0] and widths[2] > 5 * widths[0]
    assert abs(sum(widths) - Mm(297 - 30)) < Mm(1)


def test_page_is_landscape_a4(handout: Any) -> None:
    section = handout.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(0.5)
    assert abs(section.page_height - Mm(210)) < Mm(0.5)


def test_title_block_names_the_release_its_date_and_the_prevailing_language(handout: Any) -> None:
    texts = [p.text for p in handout.paragraphs[:8]]
    assert texts[0] == ZH_SENTENCES[0]
    assert texts[1] == "GACC Releases Import and Export Data for 2024"
    assert "2025-01-13" in texts
    assert any("以中文版本为准。" in t and "The Chinese version prevails." in t for t in texts)
    assert any("gacc-2025-01-13.zh.txt" in t and "gacc-2025-01-13.en.txt" in t for t in texts)


def test_every_attached_finding_is_a_comment_on_the_english_cell(handout: Any) -> None:
    comments = list(handout.comments)
    report = sample_report()
    attached = [f for row in link_rows(report) for f in row.findings]
    assert len(comments) == len(attached)
    for finding in attached:
        # Where it is (row, sentence ids), the id --accepted takes, then the message.
        assert any(
            comment.text.startswith(f"[{finding.check} · {finding.severity.value} · row ")
            and f" · {finding.id}] " in comment.text
            and comment.text.endswith(finding.message)
            for comment in comments
        )
    assert {comment.author for comment in comments} == {"aligner QA"}

    rows = handout.tables[0].rows
    fourth_en = rows[4].cells[2]._tc
    assert len(fourth_en.findall(".//" + qn("w:commentRangeStart"))) == 2
    assert rows[4].cells[1]._tc.find(".//" + qn("w:commentRangeStart")) is None
    # The untranslated sentence has no English text to hang its comment on.
    assert rows[6].cells[1]._tc.find(".//" + qn("w:commentRangeStart")) is not None


def test_omission_and_addition_cells_are_empty_and_shaded(handout: Any) -> None:
    rows = handout.tables[0].rows

    def fill(cell: Any) -> str | None:
        shading = cell._tc.tcPr.find(qn("w:shd"))
        return None if shading is None else shading.get(qn("w:fill"))

    addition_zh, omission_en = rows[1].cells[1], rows[6].cells[2]
    assert addition_zh.text == "" and omission_en.text == ""
    assert fill(addition_zh) is not None and fill(omission_en) is not None
    assert fill(rows[2].cells[1]) is None and fill(rows[2].cells[2]) is None


def test_chinese_runs_carry_east_asian_font_and_zh_cn_language(handout: Any) -> None:
    zh_runs = handout.tables[0].rows[2].cells[1].paragraphs[0].runs
    en_runs = handout.tables[0].rows[2].cells[2].paragraphs[0].runs
    assert zh_runs and en_runs
    for run in zh_runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        lang = run._r.rPr.find(qn("w:lang"))
        assert fonts.get(qn("w:eastAsia")) == "SimSun"
        assert fonts.get(qn("w:ascii"))
        assert lang.get(qn("w:eastAsia")) == "zh-CN"
    for run in en_runs:
        assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-US"


def test_document_defaults_and_text_styles_select_simplified_chinese(handout: Any) -> None:
    defaults = handout.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    style_rpr = handout.styles["Chinese Text"].element.rPr
    assert style_rpr.find(qn("w:lang")).get(qn("w:val")) == "zh-CN"


def highlights(cell: Any) -> dict[str, Any]:
    """Keyed by run text, so a test names the terms a reviewer sees marked, not run positions."""
    return {
        run.text: run.font.highlight_color
        for run in cell.paragraphs[0].runs
        if run.font.highlight_color is not None
    }


def test_glossary_terms_are_highlighted_by_status(handout: Any) -> None:
    rows = handout.tables[0].rows
    assert highlights(rows[5].cells[1]) == {
        "海关总署": WD_COLOR_INDEX.YELLOW,
        "营商环境": WD_COLOR_INDEX.YELLOW,
    }
    assert highlights(rows[4].cells[2]) == {
        "year on year": WD_COLOR_INDEX.PINK,
        "record high": WD_COLOR_INDEX.YELLOW,
    }
    assert GACC_EN in [run.text for run in rows[5].cells[2].paragraphs[0].runs]


def test_findings_table_closes_the_table_layout(handout: Any) -> None:
    report = sample_report()
    findings_table = handout.tables[-1]
    assert len(handout.tables) == 2
    assert [c.text for c in findings_table.rows[0].cells] == [
        "Row",
        "Sentences",
        "Check",
        "Severity",
        "Id",
        "Message",
    ]
    body = [[c.text for c in row.cells] for row in findings_table.rows[1:]]
    assert len(body) == len(report.findings)
    number, structure = report.findings[0], report.findings[4]
    assert body[0] == [
        "4",
        "zh 2,3 ↔ en 3",
        "number",
        "error",
        number.id,
        "5% in Chinese is missing a match",
    ]
    assert body[-1] == ["—", "—", "structure", "info", structure.id, "English has page furniture"]
    blocks = list(handout.element.body.iterchildren())
    assert blocks.index(findings_table._tbl) > blocks.index(handout.tables[0]._tbl)
    assert all(
        block.tag != qn("w:p") or not block.xpath("string(.)")
        for block in blocks[blocks.index(findings_table._tbl) + 1 :]
    )


def test_interleaved_layout_alternates_chinese_and_english_without_tables(interleaved: Any) -> None:
    assert interleaved.tables == []
    paragraphs = [p.text for p in interleaved.paragraphs]
    for row in link_rows(sample_report()):
        if not (row.link.zh and row.link.en):
            continue
        zh_index = paragraphs.index(f"{row.number}\t{row.zh}")
        assert paragraphs[zh_index + 1] == row.en
    start = paragraphs.index("1\t（无中文）")
    end = paragraphs.index("QA findings")
    assert end - start == 2 * len(sample_report().alignment.links)
    assert len(list(interleaved.comments)) == 4
    assert sum(1 for text in paragraphs[end:] if " · " in text) == 5


def test_output_is_byte_for_byte_reproducible() -> None:
    first = render_docx(sample_report())
    second = render_docx(sample_report())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = read(first).core_properties
    assert properties.created.date().isoformat() == "2025-01-13"


def test_write_docx_writes_a_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "deliverables" / "handout.docx"
    write_docx(sample_report(), str(path), layout="interleaved")
    assert read(path.read_bytes()).tables == []


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="layout"):
        render_docx(sample_report(), layout="columns")  # type: ignore[arg-type]


def test_characters_xml_forbids_do_not_break_the_handout() -> None:
    en = list(EN_SENTENCES)
    en[1] = "Line one\x0bline two\x00" + " and a long heading" * 9
    zh = ("海关总署" * 20, *ZH_SENTENCES[1:])
    report = sample_report(zh_sentences=zh, en_sentences=tuple(en))
    bell = Finding("term", Severity.INFO, (0,), (1,), "", "", "ring\x07")
    handout = read(render_docx(replace(report, findings=(bell,))))
    assert handout.tables[0].rows[2].cells[2].text.startswith("Line one line two  and")
    assert [comment.text for comment in handout.comments] == [
        f"[term · info · row 2 · zh 0 ↔ en 1 · {bell.id}] ring "
    ]
    assert len(handout.core_properties.title) == 255


def test_an_empty_alignment_still_gives_a_valid_handout() -> None:
    handout = read(render_docx(Report(empty_alignment())))
    assert len(handout.tables[0].rows) == 1
    assert handout.paragraphs[0].text == "a.zh"
    assert "No findings." in [p.text for p in handout.paragraphs]
