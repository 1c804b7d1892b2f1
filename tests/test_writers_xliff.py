"""XLIFF 1.2 and 2.1 output: schema validity, what CAT tools see, and atomic writing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import factory, xliff2

from aligner import __version__
from aligner.errors import InputError
from aligner.formats.xliff12 import render_xliff12
from aligner.formats.xliff21 import render_xliff21
from aligner.formats.xmlcommon import ENGLISH_ONLY_NOTE
from aligner.model import (
    AcceptedFinding,
    Alignment,
    Document,
    Finding,
    Link,
    Report,
    Segment,
    Severity,
    TermHit,
)
from builders import make_document, write_xliff12, write_xliff21

X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
GLS = "{urn:oasis:names:tc:xliff:glossary:2.0}"
MDA = "{urn:oasis:names:tc:xliff:metadata:2.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def build_report() -> Report:
    """A short customs release with every kind of link: 1:1, 2:1, 1:2, 1:0 and 0:1."""
    zh = Document(
        "/home/editor/releases/2024-001.zh.docx",
        "zh",
        (
            Segment(0, "海关总署发布2024年前11个月进出口数据。", 0),
            Segment(1, "货物贸易进出口总值39.79万亿元。", 1),
            Segment(2, "同比增长4.9%。", 1),
            Segment(3, "其中，出口22.5万亿元，增长6.7%；进口17.29万亿元，增长2.4%。", 2),
            Segment(4, "海关将继续优化口岸营商环境。", 3),
            Segment(5, "以上数据为初步统计。", 4),
        ),
    )
    en = Document(
        "/home/editor/releases/2024-001.en.docx",
        "en",
        (
            Segment(
                0,
                "The General Administration of Customs of China released import and export "
                "data for the first 11 months of 2024.",
                0,
            ),
            Segment(1, "Total goods trade reached 39.79 trillion yuan, up 4.9% year on year.", 1),
            Segment(2, "Exports were 22.5 trillion yuan, up 6.7%.", 2),
            Segment(3, "Imports were 17.29 trillion yuan, up 2.4%.", 2),
            Segment(4, 'For details see <www.customs.gov.cn> & "Statistics".', 3),
            Segment(5, "The above data are preliminary.", 4),
        ),
    )
    links = (
        Link((0,), (0,), 0.95),
        Link((1, 2), (1,), 0.8765),
        Link((3,), (2, 3), 0.81),
        Link((4,), (), 0.4),
        Link((), (4,), 0.35),
        Link((5,), (5,), 0.9),
    )
    alignment = Alignment(zh, en, links)
    findings = (
        Finding(
            "omission",
            Severity.ERROR,
            (4,),
            (),
            zh.segments[4].text,
            "",
            "Chinese sentence has no English",
        ),
        Finding(
            "addition",
            Severity.WARNING,
            (),
            (4,),
            "",
            en.segments[4].text,
            "English sentence has no Chinese",
        ),
        Finding(
            "numbers",
            Severity.INFO,
            (3,),
            (2, 3),
            zh.texts((3,)),
            en.texts((2, 3)),
            "6.7% appears in another order",
        ),
        Finding("chrome", Severity.INFO, (), (), "", "", "no release date line"),
    )
    hits = (
        TermHit("zh", 0, 0, 4, "海关总署", "General Administration of Customs of China"),
        TermHit("en", 0, 4, 47, "海关总署", "General Administration of Customs of China"),
        TermHit("zh", 1, 0, 4, "货物贸易", "trade in goods"),
        TermHit("en", 1, 6, 17, "货物贸易", "goods trade", "deprecated"),
    )
    return Report(alignment, findings, hits)


def broken_report() -> Report:
    """A report whose only link points at a sentence that does not exist."""
    zh = make_document("zh.txt", "zh", ("海关。",))
    en = make_document("en.txt", "en", ("Customs.",))
    return Report(Alignment(zh, en, (Link((0,), (7,), 1.0),)))


def load_xliff12_strict(schemas_dir: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schemas_dir / "xliff-1.2/xliff-core-1.2-strict.xsd")))


def load_xliff21_with_modules(schemas_dir: Path) -> etree.XMLSchema:
    """XLIFF 2.1 core plus the glossary and metadata modules, so module content is checked."""
    modules = {
        "urn:oasis:names:tc:xliff:document:2.0": schemas_dir / "xliff-2.1/xliff_core_2.0.xsd",
        "urn:oasis:names:tc:xliff:glossary:2.0": schemas_dir / "xliff-2.1/glossary.xsd",
        "urn:oasis:names:tc:xliff:metadata:2.0": schemas_dir / "xliff-2.0/modules/metadata.xsd",
    }
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{path.resolve().as_uri()}"/>'
        for ns, path in modules.items()
    )
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(driver.encode()))


@pytest.fixture(scope="module")
def xliff12_strict(schemas_dir: Path) -> etree.XMLSchema:
    return load_xliff12_strict(schemas_dir)


@pytest.fixture(scope="module")
def xliff21_with_modules(schemas_dir: Path) -> etree.XMLSchema:
    return load_xliff21_with_modules(schemas_dir)


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    document = etree.fromstring(data)
    assert schema.validate(document), "\n".join(str(error) for error in schema.error_log)


def units12(data: bytes) -> list[etree._Element]:
    return list(etree.fromstring(data).iter(f"{X12}trans-unit"))


def units21(data: bytes) -> list[etree._Element]:
    return list(etree.fromstring(data).iter(f"{X2}unit"))


def expected_pairs(report: Report) -> list[tuple[str, str]]:
    """What another tool reads as source and target: an addition's English on both sides."""
    alignment = report.alignment
    pairs = []
    for link in alignment.links:
        english = alignment.target.texts(link.en)
        pairs.append((alignment.source.texts(link.zh) if link.zh else english, english))
    return pairs


def with_findings(report: Report, *findings: Finding) -> Report:
    return dataclasses.replace(report, findings=report.findings + findings)


def warning_on_last_link() -> Finding:
    """A warning on the clean 1:1 link u6, which otherwise has no finding."""
    return Finding("term", Severity.WARNING, (5,), (5,), "", "", "term rendered differently")


def info_on_addition() -> Finding:
    return Finding("addition", Severity.INFO, (), (4,), "", "", "a link to the web site")


def chrome_report() -> Report:
    """Page chrome before a 1:1 link: an addition with nothing but an informational finding."""
    zh = make_document("zh.txt", "zh", ("海关总署发布数据。",))
    en = make_document("en.txt", "en", ("Home | Print", "The GACC released data."))
    links = (Link((), (0,), 0.5), Link((0,), (1,), 0.9))
    chrome = Finding("addition", Severity.INFO, (), (0,), "", "Home | Print", "page chrome")
    return Report(Alignment(zh, en, links), (chrome,))


def target_state(unit: etree._Element) -> str | None:
    target = unit.find(f"{X12}target")
    assert target is not None
    return target.get("state")


# --- XLIFF 1.2 ---------------------------------------------------------------------------


def test_xliff12_is_valid_against_the_strict_schema(xliff12_strict: etree.XMLSchema) -> None:
    assert_valid(xliff12_strict, render_xliff12(build_report()))


def test_xliff12_is_indented_utf8_with_declaration() -> None:
    data = render_xliff12(build_report())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<xliff")
    assert "海关总署".encode() in data
    assert b"\n      <trans-unit" in data


def test_xliff12_file_header_names_languages_tool_and_documents() -> None:
    root = etree.fromstring(render_xliff12(build_report()))
    assert root.get("version") == "1.2"
    file_element = root.find(f"{X12}file")
    assert file_element is not None
    assert file_element.get("original") == "2024-001.zh.docx"
    assert file_element.get("source-language") == "zh-CN"
    assert file_element.get("target-language") == "en"
    assert file_element.get("datatype") == "plaintext"
    tool = file_element.find(f"{X12}header/{X12}tool")
    assert tool is not None
    assert (tool.get("tool-id"), tool.get("tool-version")) == ("aligner", __version__)
    header_notes = [n.text for n in file_element.iterfind(f"{X12}header/{X12}note")]
    assert "2024-001.en.docx" in header_notes
    chrome = build_report().findings[3]
    assert f"[chrome/info · {chrome.id}] no release date line" in header_notes


def test_xliff12_has_one_unit_per_link_in_order() -> None:
    data = render_xliff12(build_report())
    assert [unit.get("id") for unit in units12(data)] == ["u1", "u2", "u3", "u4", "u5", "u6"]


def test_xliff12_keeps_each_sentence_with_its_id() -> None:
    units = units12(render_xliff12(build_report()))
    two_to_one, one_to_two = units[1], units[2]
    marks = two_to_one.findall(f"{X12}seg-source/{X12}mrk")
    assert [(m.get("mtype"), m.get("mid"), m.text) for m in marks] == [
        ("seg", "zh-1", "货物贸易进出口总值39.79万亿元。"),
        ("seg", "zh-2", "同比增长4.9%。"),
    ]
    target = one_to_two.find(f"{X12}target")
    assert target is not None and len(target) == 0
    assert target.text == (
        "Exports were 22.5 trillion yuan, up 6.7%. Imports were 17.29 trillion yuan, up 2.4%."
    )
    contexts = {c.get("context-type"): c.text for c in one_to_two.iter(f"{X12}context")}
    assert contexts["x-en-ids"] == "2,3"
    assert contexts["x-en-paragraphs"] == "2,2"
    assert contexts["x-en-lengths"] == "41,42"
    assert contexts["x-confidence"] == "0.81"


def test_xliff12_states_follow_errors_and_warnings_only() -> None:
    report = with_findings(build_report(), warning_on_last_link(), info_on_addition())
    states = [target_state(unit) for unit in units12(render_xliff12(report))]
    assert states == [
        "translated",  # glossary notes only
        "translated",
        "translated",  # an informational finding is a note, not a reason to review
        "needs-translation",  # omission (error)
        "needs-review-translation",  # addition (warning), plus an info
        "needs-review-translation",  # the added warning
    ]


def test_xliff12_info_finding_is_a_note_that_leaves_the_state_alone() -> None:
    unit = units12(render_xliff12(build_report()))[2]
    assert target_state(unit) == "translated"
    qa = [(n.get("priority"), n.text) for n in unit.iterfind(f"{X12}note")]
    numbers = build_report().findings[2]
    assert qa == [
        (
            "3",
            f"[numbers/info · row 3 · zh 3 ↔ en 2,3 · {numbers.id}] 6.7% appears in another order",
        )
    ]


def test_xliff12_clean_unit_is_translated_with_glossary_notes() -> None:
    unit = units12(render_xliff12(build_report()))[0]
    target = unit.find(f"{X12}target")
    assert target is not None
    assert target.get("state") == "translated"
    notes = [(n.get("from"), n.text) for n in unit.iterfind(f"{X12}note")]
    assert notes == [("aligner-glossary", "海关总署 → General Administration of Customs of China")]


def test_xliff12_deprecated_glossary_hit_is_labelled() -> None:
    unit = units12(render_xliff12(build_report()))[1]
    notes = [n.text for n in unit.iterfind(f"{X12}note")]
    assert notes == ["货物贸易 → trade in goods", "货物贸易 → goods trade (deprecated)"]


def test_xliff12_omission_is_an_empty_target_waiting_for_translation() -> None:
    unit = units12(render_xliff12(build_report()))[3]
    target = unit.find(f"{X12}target")
    assert target is not None
    assert target.get("state") == "needs-translation"
    assert (target.text or "") == "" and len(target) == 0
    notes = [(n.get("priority"), n.text) for n in unit.iterfind(f"{X12}note")]
    omission = build_report().findings[0]
    assert notes == [
        (
            "1",
            f"[omission/error · row 4 · zh 4 ↔ en — · {omission.id}] "
            "Chinese sentence has no English",
        )
    ]


def test_xliff12_addition_passes_through_untranslated_with_a_source() -> None:
    unit = units12(render_xliff12(build_report()))[4]
    assert unit.get("translate") == "no"
    source = unit.find(f"{X12}source")
    target = unit.find(f"{X12}target")
    assert source is not None and target is not None
    english = 'For details see <www.customs.gov.cn> & "Statistics".'
    assert (source.text, target.text) == (english, english)
    assert XML_LANG not in source.attrib, "a source's language must not contradict the file's"
    assert unit.find(f"{X12}seg-source") is None
    assert target.get("state") == "needs-review-translation"
    notes = [(n.get("from"), n.get("priority"), n.text) for n in unit.iterfind(f"{X12}note")]
    assert notes == [
        ("aligner", "3", ENGLISH_ONLY_NOTE),
        (
            "aligner-qa",
            "2",
            f"[addition/warning · row 5 · zh — ↔ en 4 · {build_report().findings[1].id}] "
            "English sentence has no Chinese",
        ),
    ]


def test_xliff12_page_chrome_unit_is_final(xliff12_strict: etree.XMLSchema) -> None:
    report = chrome_report()
    data = render_xliff12(report)
    assert_valid(xliff12_strict, data)
    unit = units12(data)[0]
    assert unit.get("translate") == "no"
    assert unit.findtext(f"{X12}source") == unit.findtext(f"{X12}target") == "Home | Print"
    assert target_state(unit) == "final"


@pytest.mark.parametrize("render", [render_xliff12, render_xliff21], ids=["1.2", "2.1"])
def test_no_unit_has_an_empty_source(render: Callable[[Report], bytes]) -> None:
    root = etree.fromstring(render(build_report()))
    sources = [s for s in root.iter(f"{X12}source", f"{X2}source")]
    assert len(sources) == 6
    assert all("".join(source.itertext()).strip() for source in sources)


def test_translate_toolkit_reads_the_same_xliff12_units(tmp_path: Path) -> None:
    report = build_report()
    path = tmp_path / "release.xlf"
    write_xliff12(report, str(path))
    store = factory.getobject(str(path))
    pairs = [(unit.source, unit.target or "") for unit in store.units]
    assert pairs == expected_pairs(report)
    assert [unit.istranslatable() for unit in store.units] == [True] * 4 + [False, True]


def test_xliff12_replaces_characters_xml_cannot_carry(xliff12_strict: etree.XMLSchema) -> None:
    zh = Document("zh.txt", "zh", (Segment(0, "海关\x0b总署。", 0),))
    en = Document("en.txt", "en", (Segment(0, "Customs\x00.", 0),))
    data = render_xliff12(Report(Alignment(zh, en, (Link((0,), (0,), 1.0),))))
    assert_valid(xliff12_strict, data)
    unit = units12(data)[0]
    assert unit.findtext(f"{X12}source") == "海关\ufffd总署。"
    assert unit.findtext(f"{X12}target") == "Customs\ufffd."


# --- XLIFF 2.1 ---------------------------------------------------------------------------


def test_xliff21_is_valid_against_core_and_modules(
    xliff21_with_modules: etree.XMLSchema,
) -> None:
    assert_valid(xliff21_with_modules, render_xliff21(build_report()))


def test_module_driver_really_checks_glossary_content(
    xliff21_with_modules: etree.XMLSchema,
) -> None:
    root = etree.fromstring(render_xliff21(build_report()))
    terms = root.findall(".//{urn:oasis:names:tc:xliff:glossary:2.0}term")
    assert terms, "the sample report should carry glossary entries"
    terms[0].getparent().remove(terms[0])  # a glossEntry must have a term
    assert not xliff21_with_modules.validate(root)


def test_xliff21_root_and_file() -> None:
    root = etree.fromstring(render_xliff21(build_report()))
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "zh-CN", "en")
    file_element = root.find(f"{X2}file")
    assert file_element is not None
    assert (file_element.get("id"), file_element.get("original")) == ("f1", "2024-001.zh.docx")
    chrome = build_report().findings[3]
    assert file_element.findtext(f"{X2}notes/{X2}note") == (
        f"[chrome/info · {chrome.id}] no release date line"
    )
    assert file_element.findtext(f"{MDA}metadata/{MDA}metaGroup/{MDA}meta") == "2024-001.en.docx"


def test_xliff21_has_one_unit_with_one_segment_per_link() -> None:
    units = units21(render_xliff21(build_report()))
    assert [unit.get("id") for unit in units] == ["u1", "u2", "u3", "u4", "u5", "u6"]
    assert all(len(unit.findall(f"{X2}segment")) == 1 for unit in units)


def test_xliff21_marks_chinese_sentences_only_where_there_are_several() -> None:
    units = units21(render_xliff21(build_report()))
    first_source = units[0].find(f"{X2}segment/{X2}source")
    assert first_source is not None and len(first_source) == 0
    marks = units[1].findall(f"{X2}segment/{X2}source/{X2}mrk")
    assert [(m.get("id"), m.get("translate")) for m in marks] == [
        ("zh-1", "yes"),
        ("zh-2", "yes"),
    ]
    target = units[2].find(f"{X2}segment/{X2}target")
    assert target is not None and len(target) == 0
    assert target.text == (
        "Exports were 22.5 trillion yuan, up 6.7%. Imports were 17.29 trillion yuan, up 2.4%."
    )
    meta = {m.get("type"): m.text for m in units[1].iter(f"{MDA}meta")}
    assert meta == {
        "zh-ids": "1,2",
        "zh-paragraphs": "1,1",
        "en-ids": "1",
        "en-paragraphs": "1",
        "en-lengths": "68",
        "confidence": "0.8765",
    }


def test_xliff21_states_follow_errors_and_warnings_only() -> None:
    report = with_findings(build_report(), warning_on_last_link(), info_on_addition())
    units = units21(render_xliff21(report))
    segments = [unit.find(f"{X2}segment") for unit in units]
    states = [(s.get("state"), s.get("subState")) for s in segments if s is not None]
    assert states == [
        ("translated", None),
        ("translated", None),
        ("translated", None),  # an informational finding only
        ("initial", "aligner:needs-review"),
        ("translated", "aligner:needs-review"),
        ("translated", "aligner:needs-review"),
    ]
    assert units[3].find(f"{X2}segment/{X2}target") is None


def test_xliff21_addition_passes_through_untranslated_with_a_source() -> None:
    unit = units21(render_xliff21(build_report()))[4]
    assert unit.get("translate") == "no"
    english = 'For details see <www.customs.gov.cn> & "Statistics".'
    assert unit.findtext(f"{X2}segment/{X2}source") == english
    assert unit.findtext(f"{X2}segment/{X2}target") == english
    notes = [(n.get("category"), n.text) for n in unit.iter(f"{X2}note")]
    assert notes[0] == ("aligner", ENGLISH_ONLY_NOTE)


def test_xliff21_page_chrome_unit_is_final(xliff21_with_modules: etree.XMLSchema) -> None:
    data = render_xliff21(chrome_report())
    assert_valid(xliff21_with_modules, data)
    unit = units21(data)[0]
    segment = unit.find(f"{X2}segment")
    assert segment is not None
    assert (segment.get("state"), segment.get("subState")) == ("final", None)
    assert segment.findtext(f"{X2}source") == segment.findtext(f"{X2}target") == "Home | Print"


def test_xliff21_spells_characters_xml_cannot_carry_as_code_points(
    xliff21_with_modules: etree.XMLSchema,
) -> None:
    zh = Document("zh.txt", "zh", (Segment(0, "海关\x0b总署。", 0), Segment(1, "发布\x01。", 0)))
    en = Document("en.txt", "en", (Segment(0, "Customs\x1b.\ufffe", 0),))
    data = render_xliff21(Report(Alignment(zh, en, (Link((0, 1), (0,), 1.0),))))
    assert_valid(xliff21_with_modules, data)
    unit = units21(data)[0]
    code_points = [cp.get("hex") for cp in unit.iter(f"{X2}cp")]
    assert code_points == ["000B", "0001", "001B", "FFFE"]
    target = unit.find(f"{X2}segment/{X2}target")
    assert target is not None
    assert target.text == "Customs"
    assert [cp.tail for cp in target] == [".", None]


def test_xliff21_replaces_surrogates_and_nul_rather_than_spelling_them() -> None:
    zh = Document("zh.txt", "zh", (Segment(0, "海关\ud800总署\x00。", 0),))
    en = Document("en.txt", "en", (Segment(0, "Customs.", 0),))
    data = render_xliff21(Report(Alignment(zh, en, (Link((0,), (0,), 1.0),))))
    unit = units21(data)[0]
    assert unit.findtext(f"{X2}segment/{X2}source") == "海关\ufffd总署\ufffd。"
    assert list(unit.iter(f"{X2}cp")) == []


def test_xliff21_findings_are_notes_with_priorities() -> None:
    units = units21(render_xliff21(build_report()))
    notes = [(n.get("category"), n.get("priority"), n.text) for n in units[3].iter(f"{X2}note")]
    omission = build_report().findings[0]
    assert notes == [
        (
            "aligner-qa",
            "1",
            f"[omission/error · row 4 · zh 4 ↔ en — · {omission.id}] "
            "Chinese sentence has no English",
        )
    ]


def test_xliff21_glossary_module_lists_usable_terms_and_notes_deprecated_ones() -> None:
    units = units21(render_xliff21(build_report()))
    entries = units[1].findall(f"{GLS}glossary/{GLS}glossEntry")
    assert [(e.findtext(f"{GLS}term"), e.findtext(f"{GLS}translation")) for e in entries] == [
        ("货物贸易", "trade in goods")
    ]
    notes = [(n.get("category"), n.text) for n in units[1].iter(f"{X2}note")]
    assert notes == [("aligner-glossary", "货物贸易 → goods trade (deprecated)")]


def test_translate_toolkit_reads_the_same_xliff21_units(tmp_path: Path) -> None:
    report = build_report()
    path = tmp_path / "release.xlf"
    write_xliff21(report, str(path))
    store = xliff2.Xliff2File.parsefile(str(path))
    pairs = [(unit.source, unit.target or "") for unit in store.units]
    assert pairs == expected_pairs(report)
    assert [unit.istranslatable() for unit in store.units] == [True] * 4 + [False, True]


def test_xliff21_refuses_an_alignment_without_links() -> None:
    zh = Document("zh.txt", "zh", ())
    en = Document("en.txt", "en", ())
    with pytest.raises(InputError):
        render_xliff21(Report(Alignment(zh, en, ())))


# --- writing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("write", "render"),
    [(write_xliff12, render_xliff12), (write_xliff21, render_xliff21)],
)
def test_write_puts_the_rendered_bytes_on_disk(
    tmp_path: Path,
    write: Callable[[Report, str], None],
    render: Callable[[Report], bytes],
) -> None:
    path = tmp_path / "out" / "release.xlf"
    write(build_report(), str(path))
    assert path.read_bytes() == render(build_report())


@pytest.mark.parametrize("write", [write_xliff12, write_xliff21])
def test_failed_rendering_leaves_the_existing_file_alone(
    tmp_path: Path, write: Callable[[Report, str], None]
) -> None:
    path = tmp_path / "release.xlf"
    path.write_bytes(b"previous deliverable")
    with pytest.raises(IndexError):
        write(broken_report(), str(path))
    assert path.read_bytes() == b"previous deliverable"
    assert [p.name for p in tmp_path.iterdir()] == ["release.xlf"]


def test_accepted_findings_are_notes_that_no_longer_ask_for_review() -> None:
    report = build_report()
    omission = report.findings[0]
    accepted = dataclasses.replace(
        report,
        findings=report.findings[1:],
        accepted=(AcceptedFinding(omission, "translated in the caption instead"),),
    )
    unit12 = units12(render_xliff12(accepted))[3]
    notes = [(n.get("from"), n.text) for n in unit12.iterfind(f"{X12}note")]
    assert notes == [
        (
            "aligner-qa-accepted",
            f"[accepted · omission/error · row 4 · zh 4 ↔ en — · {omission.id}] Chinese sentence "
            "has no English Reviewer's note: translated in the caption instead",
        )
    ]
    unit21 = units21(render_xliff21(accepted))[3]
    [note] = unit21.iter(f"{X2}note")
    assert note.get("category") == "aligner-qa-accepted"
    assert "translated in the caption instead" in (note.text or "")
    # The review state follows the open findings only.
    reviewed = units12(render_xliff12(accepted))[4].find(f"{X12}target")
    assert reviewed is not None and reviewed.get("state") == "needs-review-translation"
    accept_all = dataclasses.replace(
        report,
        findings=(),
        accepted=tuple(AcceptedFinding(f) for f in report.findings),
    )
    addition = units12(render_xliff12(accept_all))[4].find(f"{X12}target")
    assert addition is not None and addition.get("state") == "final"
