"""TMX 1.4b output: DTD validity, which links become units, and what a TM tool reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from aligner import __version__
from aligner.writers.tmx import render_tmx, write_tmx
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


def test_tmx_keeps_only_links_with_text_on_both_sides() -> None:
    units = etree.fromstring(render_tmx(build_report())).findall("body/tu")
    assert [tu.get("tuid") for tu in units] == ["u1", "u2", "u3", "u6"]


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
        "x-confidence": "0.810",
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
        if link.zh and link.en
    ]
    assert [(unit.source, unit.target) for unit in store.units] == expected


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
