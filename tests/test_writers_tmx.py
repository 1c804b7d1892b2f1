"""TMX 1.4b output: DTD validity, every link a unit, and what a TM tool reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from aligner import __version__
from aligner.formats.tmx import render_tmx
from aligner.formats.xmlcommon import CHINESE_ONLY_NOTE, ENGLISH_ONLY_NOTE
from builders import write_tmx
from test_writers_xliff import broken_report, build_report

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def tmx14(schemas_dir: Path) -> etree.DTD:
    return etree.DTD(str(schemas_dir / "tmx-1.4b/tmx14.dtd"))


def test_tmx_is_valid_against_the_dtd(tmx14: etree.DTD) -> None:
    document = etree.fromstring(render_tmx(build_report()))
    assert tmx14.validate(document), "\n".join(str(error) for error in tmx14.error_log)


def test_tmx_is_indented_utf8_with_declaration() -> None:
    data = render_tmx(build_report())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<tmx")
    assert "海关总署".encode() in data
    assert b"\n    <tu " in data


def test_tmx_header_describes_tool_and_languages() -> None:
    header = etree.fromstring(render_tmx(build_report())).find("header")
    assert header is not None
    assert dict(header.attrib) == {
        "creationtool": "aligner",
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": "sentence",
        "adminlang": "en",
        "srclang": "zh-CN",
        "o-tmf": "aligner",
    }
    props = {p.get("type"): p.text for p in header.iterfind("prop")}
    assert props == {"x-source-file": "2024-001.zh.docx", "x-target-file": "2024-001.en.docx"}


def test_tmx_keeps_every_link_in_order() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    assert [tu.get("tuid") for tu in units] == ["u1", "u2", "u3", "u4", "u5", "u6"]


def test_one_sided_units_hold_only_the_language_that_has_text() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    omission, addition = units[3], units[4]
    assert [tuv.get(XML_LANG) for tuv in omission.iterfind("tuv")] == ["zh-CN"]
    assert omission.findtext("tuv/seg") == "海关将继续优化口岸营商环境。"
    assert omission.findtext("note") == CHINESE_ONLY_NOTE
    assert [tuv.get(XML_LANG) for tuv in addition.iterfind("tuv")] == ["en"]
    assert addition.findtext("tuv/seg") == 'For details see <www.customs.gov.cn> & "Statistics".'
    assert addition.findtext("note") == ENGLISH_ONLY_NOTE
    props = {p.get("type"): p.text for p in addition.iterfind("prop")}
    assert (props["x-zh-ids"], props["x-en-ids"]) == (None, "4")
    assert all(tuv.findtext("seg") for tu in units for tuv in tu.iterfind("tuv"))


def test_two_sided_units_have_no_note() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    assert [tu.find("note") is None for tu in units] == [True] * 3 + [False, False, True]


def test_tmx_unit_records_ids_paragraphs_lengths_and_confidence() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    one_to_two = units[2]
    props = {p.get("type"): p.text for p in one_to_two.iterfind("prop")}
    assert props == {
        "x-zh-ids": "3",
        "x-en-ids": "2,3",
        "x-zh-paragraphs": "2",
        "x-en-paragraphs": "2,2",
        "x-zh-lengths": "38",
        "x-en-lengths": "41,42",
        "x-confidence": "0.81",
    }


def test_tmx_joins_chinese_without_and_english_with_a_space() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    variants = [
        [(tuv.get(XML_LANG), tuv.findtext("seg")) for tuv in tu.iterfind("tuv")] for tu in units
    ]
    assert variants[1] == [
        ("zh-CN", "货物贸易进出口总值39.79万亿元。同比增长4.9%。"),
        ("en", "Total goods trade reached 39.79 trillion yuan, up 4.9% year on year."),
    ]
    assert variants[2][1] == (
        "en",
        "Exports were 22.5 trillion yuan, up 6.7%. Imports were 17.29 trillion yuan, up 2.4%.",
    )


def test_translate_toolkit_reads_the_same_tmx_units(tmp_path: Path) -> None:
    report = build_report()
    path = tmp_path / "release.tmx"
    write_tmx(report, str(path))
    store = tmx.tmxfile.parsefile(str(path))
    alignment = report.alignment
    expected = [
        (alignment.source.texts(link.zh), alignment.target.texts(link.en))
        for link in alignment.links
    ]
    # A one-sided unit has one variant, which the toolkit (reading by position) calls the
    # source; asked by language, it finds the text on the right side and nothing on the other.
    units = store.units
    assert [(u.gettarget("zh-CN") or "", u.gettarget("en") or "") for u in units] == expected
    assert [(u.source, u.target) for u in units if len(u.getlanguageNodes()) == 2] == [
        pair for pair in expected if pair[0] and pair[1]
    ]


def test_write_tmx_puts_the_rendered_bytes_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "release.tmx"
    write_tmx(build_report(), str(path))
    assert path.read_bytes() == render_tmx(build_report())


def test_failed_tmx_rendering_leaves_the_existing_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "release.tmx"
    path.write_bytes(b"previous memory")
    with pytest.raises(IndexError):
        write_tmx(broken_report(), str(path))
    assert path.read_bytes() == b"previous memory"
    assert [p.name for p in tmp_path.iterdir()] == ["release.tmx"]
