"""Reading XLIFF 1.2, XLIFF 2.x and TMX back: our own files exactly, others one unit at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import factory

from aligner.errors import InputError
from aligner.formats.bilingual import read_bilingual
from aligner.model import Alignment, Document, Link, Report, Segment
from builders import write_tmx, write_xliff12, write_xliff21
from test_writers_xliff import build_report

X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"

Writer = Callable[[Report, str], None]


def write_text(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- our own files -----------------------------------------------------------------------


@pytest.mark.parametrize("write", [write_xliff12, write_xliff21], ids=["xliff12", "xliff21"])
def test_own_xliff_reads_back_into_the_same_alignment(tmp_path: Path, write: Writer) -> None:
    report = build_report()
    path = tmp_path / "release.xlf"
    write(report, str(path))
    alignment = read_bilingual(str(path))
    original = report.alignment
    assert alignment.source.segments == original.source.segments
    assert alignment.target.segments == original.target.segments
    assert alignment.links == original.links
    assert (alignment.source.lang, alignment.target.lang) == ("zh", "en")
    assert (alignment.source.path, alignment.target.path) == (
        "2024-001.zh.docx",
        "2024-001.en.docx",
    )


def test_own_tmx_reads_back_into_the_same_alignment(tmp_path: Path) -> None:
    """One-sided links included, so no sentence is lost and no English id moves."""
    report = build_report()
    path = tmp_path / "release.tmx"
    write_tmx(report, str(path))
    alignment = read_bilingual(str(path))
    original = report.alignment
    assert alignment.source.segments == original.source.segments
    assert alignment.target.segments == original.target.segments
    assert alignment.links == original.links
    assert (alignment.source.path, alignment.target.path) == (
        "2024-001.zh.docx",
        "2024-001.en.docx",
    )


_ZH_CHARS = "海关总署发布进出口数据货物贸易同比增长万亿元，。；%0123456789&<>\"'"
_EN_CHARS = "abcdefghijklmnopqrstuvwxyzGACC .,;%0123456789&<>\"'-"


@st.composite
def reports(draw: st.DrawFn) -> Report:
    shapes = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda s: s != (0, 0)),
            min_size=1,
            max_size=8,
        )
    )
    sentence = {
        "zh": st.text(alphabet=_ZH_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool),
        "en": st.text(alphabet=_EN_CHARS, min_size=1, max_size=20).map(str.strip).filter(bool),
    }
    segments: dict[str, list[Segment]] = {"zh": [], "en": []}
    links = []
    for shape in shapes:
        ids: dict[str, list[int]] = {"zh": [], "en": []}
        for lang, count in zip(("zh", "en"), shape, strict=True):
            for _ in range(count):
                previous = segments[lang][-1].paragraph if segments[lang] else 0
                paragraph = previous + draw(st.integers(0, 1))
                segment = Segment(len(segments[lang]), draw(sentence[lang]), paragraph)
                segments[lang].append(segment)
                ids[lang].append(segment.id)
        confidence = draw(st.floats(0.0, 1.0))
        links.append(Link(tuple(ids["zh"]), tuple(ids["en"]), confidence))
    alignment = Alignment(
        Document("zh.docx", "zh", tuple(segments["zh"])),
        Document("en.docx", "en", tuple(segments["en"])),
        tuple(links),
    )
    return Report(alignment)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(report=reports())
def test_any_alignment_survives_a_round_trip(tmp_path: Path, report: Report) -> None:
    original = report.alignment
    for name, write in (("a.xlf", write_xliff12), ("b.xlf", write_xliff21), ("c.tmx", write_tmx)):
        path = tmp_path / name
        write(report, str(path))
        alignment = read_bilingual(str(path))
        assert alignment.source.segments == original.source.segments, name
        assert alignment.target.segments == original.target.segments, name
        assert alignment.links == original.links, name


def test_edits_made_in_a_cat_tool_are_what_is_read(tmp_path: Path) -> None:
    """A translator fills the omission and rewrites a 1:2 target as one sentence."""
    path = tmp_path / "release.xlf"
    write_xliff12(build_report(), str(path))
    store = factory.getobject(str(path))
    units = {unit.getid().rsplit("u", 1)[-1]: unit for unit in store.units}
    units["3"].target = "Exports rose 6.7% and imports 2.4%."
    units["4"].target = "Customs will keep improving the business environment at ports."
    store.save()

    alignment = read_bilingual(str(path))
    english = [(s.id, s.text, s.paragraph) for s in alignment.target.segments]
    assert english[2:4] == [
        (2, "Exports rose 6.7% and imports 2.4%.", 2),
        (3, "Customs will keep improving the business environment at ports.", 2),
    ]
    assert [s.text for s in alignment.target.segments][4:] == [
        'For details see <www.customs.gov.cn> & "Statistics".',
        "The above data are preliminary.",
    ]
    assert [(link.zh, link.en) for link in alignment.links] == [
        ((0,), (0,)),
        ((1, 2), (1,)),
        ((3,), (2,)),
        ((4,), (3,)),
        ((), (4,)),
        ((5,), (5,)),
    ]
    assert alignment.source.segments == build_report().alignment.source.segments


def test_a_translated_omission_in_xliff21_becomes_a_link(tmp_path: Path) -> None:
    path = tmp_path / "release.xlf"
    write_xliff21(build_report(), str(path))
    tree = etree.parse(str(path))
    segment = tree.find(f".//{X2}unit[@id='u4']/{X2}segment")
    assert segment is not None
    etree.SubElement(segment, f"{X2}target").text = "Customs will keep improving ports."
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)

    alignment = read_bilingual(str(path))
    assert alignment.links[3].zh == (4,)
    assert alignment.links[3].en == (4,)
    assert alignment.target.segments[4] == Segment(4, "Customs will keep improving ports.", 2)
    assert len(alignment.target.segments) == 7


def test_tmx_whose_text_no_longer_fits_the_lengths_reads_as_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "release.tmx"
    write_tmx(build_report(), str(path))
    tree = etree.parse(str(path))
    seg = tree.find(".//tu[@tuid='u3']/tuv[2]/seg")
    assert seg is not None
    seg.text = "Exports and imports both grew."
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)

    alignment = read_bilingual(str(path))
    assert alignment.links[2].en == (2,)
    assert alignment.target.segments[2] == Segment(2, "Exports and imports both grew.", 2)
    assert alignment.links[2].confidence == 0.81


# --- other tools' files ------------------------------------------------------------------


def test_sample_xliff12_reads_as_one_link(shared_dir: Path) -> None:
    alignment = read_bilingual(str(shared_dir / "schemas/samples/release-1.2.xlf"))
    assert alignment.source.path == "release-2024-001.docx"
    assert [s.text for s in alignment.source.segments] == [
        "海关总署发布2024年前11个月进出口数据，货物贸易进出口总值39.79万亿元。"
    ]
    assert [s.text for s in alignment.target.segments] == [
        "The General Administration of Customs released import and export data for the first "
        "11 months of 2024: total goods trade reached 39.79 trillion yuan."
    ]
    assert alignment.links == (Link((0,), (0,), 1.0),)


def test_sample_xliff20_with_glossary_reads_as_one_link(shared_dir: Path) -> None:
    alignment = read_bilingual(str(shared_dir / "schemas/samples/release-2.0-glossary.xlf"))
    assert [s.text for s in alignment.source.segments] == ["海关总署发布2024年前11个月进出口数据。"]
    assert [s.text for s in alignment.target.segments] == [
        "The General Administration of Customs released import and export data for the first "
        "11 months of 2024."
    ]
    assert alignment.links == (Link((0,), (0,), 1.0),)


def test_sample_tmx_reads_as_one_link(shared_dir: Path) -> None:
    alignment = read_bilingual(str(shared_dir / "schemas/samples/release-1.4b.tmx"))
    assert [s.text for s in alignment.source.segments] == ["货物贸易进出口总值39.79万亿元。"]
    assert [s.text for s in alignment.target.segments] == [
        "Total goods trade reached 39.79 trillion yuan."
    ]
    assert alignment.links == (Link((0,), (0,), 1.0),)


def test_generic_xliff12_one_sentence_per_unit_and_side(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "other.xlf",
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="other.docx" source-language="zh-CN" target-language="en-US" datatype="x-docx">
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>海关<g id="1">总署</g><ph id="2">{0}</ph>发布。</source>
          <target>GACC <bpt id="1">&lt;b&gt;</bpt>released<ept id="1">&lt;/b&gt;</ept>.</target>
        </trans-unit>
      </group>
      <trans-unit id="2"><source>尚无译文。</source></trans-unit>
      <trans-unit id="3"><source/><target>Extra line.</target></trans-unit>
      <trans-unit id="4"><source> </source><target> </target></trans-unit>
    </body>
  </file>
</xliff>
""",
    )
    alignment = read_bilingual(path)
    assert [replace(s, codes=()) for s in alignment.source.segments] == [
        Segment(0, "海关总署发布。", 0),
        Segment(1, "尚无译文。", 1),
    ]
    assert [replace(s, codes=()) for s in alignment.target.segments] == [
        Segment(0, "GACC released.", 0),
        Segment(1, "Extra line.", 2),
    ]
    # Inline codes are kept as data, where they stood in the text.
    zh_codes = alignment.source.segments[0].codes
    assert [(c.label, c.position, c.content) for c in zh_codes] == [
        ('<g id="1">', 2, ""),
        ('</g id="1">', 4, ""),
        ('<ph id="2"/>', 4, "{0}"),
    ]
    en_codes = alignment.target.segments[0].codes
    assert [(c.label, c.pair, c.position) for c in en_codes] == [
        ('<bpt id="1"/>', "bpt#1", 5),
        ('<ept id="1"/>', "bpt#1", 13),
    ]
    assert alignment.links == (
        Link((0,), (0,), 1.0),
        Link((1,), (), 1.0),
        Link((), (1,), 1.0),
    )
    assert (alignment.source.path, alignment.target.path) == ("other.docx", path)


def test_generic_xliff2_joins_segments_of_a_unit(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "other.xlf",
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1" original="other.docx">
    <group id="g1">
      <unit id="a">
        <originalData><data id="d1">&lt;br/&gt;</data></originalData>
        <segment id="s1">
          <source>海关<pc id="1">总署</pc>发布数据。</source>
          <target>GACC <pc id="1">released</pc> data.</target>
        </segment>
        <ignorable><source> </source></ignorable>
        <segment id="s2">
          <source>同比<ph id="2" dataRef="d1"/>增长<cp hex="2103"/>。</source>
          <target>Up 4.9%.</target>
        </segment>
      </unit>
    </group>
    <unit id="b"><segment><source>尚无译文。</source></segment></unit>
  </file>
</xliff>
""",
    )
    alignment = read_bilingual(path)
    assert [s.text for s in alignment.source.segments] == [
        "海关总署发布数据。 同比增长℃。",
        "尚无译文。",
    ]
    assert [s.text for s in alignment.target.segments] == ["GACC released data. Up 4.9%."]
    assert alignment.links == (Link((0,), (0,), 1.0), Link((1,), (), 1.0))


def test_english_to_chinese_xliff_is_read_the_right_way_round(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "reverse.xlf",
        """<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="en.docx" source-language="en" target-language="zh-CN" datatype="plaintext">
    <body><trans-unit id="1"><source>Customs.</source><target>海关。</target></trans-unit></body>
  </file>
</xliff>""",
    )
    alignment = read_bilingual(path)
    assert [s.text for s in alignment.source.segments] == ["海关。"]
    assert [s.text for s in alignment.target.segments] == ["Customs."]


def test_generic_tmx_picks_chinese_and_english_variants(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "other.tmx",
        """<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
          srclang="en-US" datatype="plaintext"/>
  <body>
    <tu>
      <tuv xml:lang="fr"><seg>Douane.</seg></tuv>
      <tuv xml:lang="en-US">
        <seg>The <bpt i="1">&lt;b&gt;</bpt>customs<ept i="1">&lt;/b&gt;</ept>.</seg>
      </tuv>
      <tuv xml:lang="zh-Hans"><seg>海关。</seg></tuv>
    </tu>
    <tu><tuv xml:lang="de"><seg>Zoll.</seg></tuv></tu>
    <tu><tuv lang="EN"><seg>Only English.</seg></tuv></tu>
  </body>
</tmx>""",
    )
    alignment = read_bilingual(path)
    assert [s.text for s in alignment.source.segments] == ["海关。"]
    assert [s.text for s in alignment.target.segments] == ["The customs.", "Only English."]
    assert alignment.links == (Link((0,), (0,), 1.0), Link((), (1,), 1.0))


# --- refusals ----------------------------------------------------------------------------


def refused(path: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bilingual(path)
    assert caught.value.path == path
    return caught.value


def test_malformed_xml_is_refused(tmp_path: Path) -> None:
    error = refused(write_text(tmp_path, "broken.xlf", "<xliff version='1.2'><file>"))
    assert "well-formed" in error.problem


def test_xml_that_is_not_xliff_or_tmx_is_refused(tmp_path: Path) -> None:
    error = refused(write_text(tmp_path, "page.xlf", "<html><body><p>海关</p></body></html>"))
    assert "not an XLIFF or TMX" in error.problem


def test_missing_file_is_refused(tmp_path: Path) -> None:
    refused(str(tmp_path / "absent.xlf"))


@pytest.mark.parametrize(
    "text",
    [
        '<xliff version="3.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh"/>',
        '<xliff version="1.2" xmlns="urn:example:xliff"/>',
        '<tmx version="2.0"><header/><body/></tmx>',
    ],
    ids=["xliff-version", "xliff-namespace", "tmx-version"],
)
def test_unknown_versions_are_refused(tmp_path: Path, text: str) -> None:
    error = refused(write_text(tmp_path, "future.xlf", text))
    assert "unknown" in error.problem


def test_xliff12_unit_without_source_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "nosource.xlf",
        """<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh-CN" datatype="plaintext">
    <body><trans-unit id="7"><target>Customs.</target></trans-unit></body>
  </file>
</xliff>""",
    )
    assert "'7'" in refused(path).problem


def test_xliff2_segment_without_source_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "nosource.xlf",
        """<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN">
  <file id="f1"><unit id="u9"><segment><target>Customs.</target></segment></unit></file>
</xliff>""",
    )
    assert "'u9'" in refused(path).problem


def test_tmx_variant_without_seg_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "noseg.tmx",
        '<tmx version="1.4"><header srclang="zh-CN"/><body>'
        '<tu tuid="5"><tuv xml:lang="zh-CN"/></tu></body></tmx>',
    )
    assert "'5'" in refused(path).problem


def test_other_language_pairs_are_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "defr.xlf",
        """<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="de" target-language="fr" datatype="plaintext">
    <body><trans-unit id="1"><source>Zoll.</source><target>Douane.</target></trans-unit></body>
  </file>
</xliff>""",
    )
    assert "de → fr" in refused(path).problem


def test_file_without_any_text_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "empty.tmx",
        '<tmx version="1.4"><header srclang="zh-CN"/><body>'
        '<tu><tuv xml:lang="de"><seg>Zoll.</seg></tuv></tu></body></tmx>',
    )
    refused(path)


def test_external_entity_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CUSTOMS-KEY", encoding="utf-8")
    path = write_text(
        tmp_path,
        "xxe.xlf",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body><trans-unit id="1"><source>海关</source><target>&leak;</target></trans-unit></body>
  </file>
</xliff>""",
    )
    error = refused(path)
    assert "&leak;" in error.problem
    assert "TOP-SECRET" not in str(error)


def test_internal_entities_are_not_expanded_either(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "laughs.tmx",
        """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu><tuv xml:lang="zh-CN"><seg>海关</seg></tuv><tuv xml:lang="en"><seg>&b;</seg></tuv></tu>
</body></tmx>""",
    )
    assert "&b;" in refused(path).problem


# --- one-sided units ---------------------------------------------------------------------


def test_addition_source_is_not_read_as_chinese(tmp_path: Path) -> None:
    """The English repeated in an addition's source gives no Chinese sentence."""
    path = tmp_path / "release.xlf"
    write_xliff12(build_report(), str(path))
    alignment = read_bilingual(str(path))
    assert "For details" not in alignment.source.texts(range(len(alignment.source.segments)))
    assert alignment.links[4] == Link((), (4,), 0.35)


@pytest.mark.parametrize("write", [write_xliff12, write_xliff21], ids=["xliff12", "xliff21"])
def test_addition_whose_target_a_tool_dropped_keeps_its_english(
    tmp_path: Path, write: Writer
) -> None:
    path = tmp_path / "release.xlf"
    write(build_report(), str(path))
    tree = etree.parse(str(path))
    targets = tree.xpath("//*[@id='u5']//*[local-name()='target']")
    assert len(targets) == 1
    targets[0].getparent().remove(targets[0])
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)

    alignment = read_bilingual(str(path))
    assert alignment.target.segments == build_report().alignment.target.segments
    assert alignment.links == build_report().alignment.links


def test_addition_with_an_empty_source_from_earlier_versions_reads_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "release.xlf"
    write_xliff12(build_report(), str(path))
    tree = etree.parse(str(path))
    source = tree.find(f".//{X12}trans-unit[@id='u5']/{X12}source")
    assert source is not None
    source.text = None
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)

    alignment = read_bilingual(str(path))
    assert alignment.links == build_report().alignment.links
    assert alignment.target.segments == build_report().alignment.target.segments


def test_control_characters_survive_an_xliff21_round_trip(tmp_path: Path) -> None:
    zh = Document("zh.txt", "zh", (Segment(0, "海关\x0b总署。", 0), Segment(1, "发布\x01。", 0)))
    en = Document("en.txt", "en", (Segment(0, "Customs\x1b.", 0), Segment(1, "Data\ufffe.", 1)))
    report = Report(Alignment(zh, en, (Link((0, 1), (0, 1), 0.5),)))
    path = tmp_path / "control.xlf"
    write_xliff21(report, str(path))
    alignment = read_bilingual(str(path))
    assert alignment.source.segments == zh.segments
    assert alignment.target.segments == en.segments


# --- characters, limits and single documents --------------------------------------------


def xliff2_with_code_point(cp: str) -> str:
    return f"""<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0"
 srcLang="zh-CN" trgLang="en">
  <file id="f1"><unit id="a7"><segment>
    <source>海关<pc id="1">总署{cp}</pc>。</source><target>Customs.</target>
  </segment></unit></file>
</xliff>"""


@pytest.mark.parametrize(
    ("cp", "expected"),
    [
        ('<cp hex="D800"/>', "invalid character U+D800 in unit 'a7' (a lone UTF-16 surrogate"),
        ('<cp hex="dfff"/>', "invalid character U+DFFF in unit 'a7'"),
        ('<cp hex="110000"/>', "invalid character U+110000 in unit 'a7' (beyond U+10FFFF"),
        ('<cp hex="00FFFFFFFFFFFFFFFFFF"/>', "invalid character U+FFFFFFFF… in unit 'a7'"),
        ('<cp hex="0000"/>', "invalid character U+0000 in unit 'a7' (a null character)"),
        ('<cp hex="zz"/>', "invalid <cp> code point in unit 'a7' ('zz', not hexadecimal)"),
        ('<cp hex=""/>', "invalid <cp> code point in unit 'a7' ('', not hexadecimal)"),
        ("<cp/>", "invalid <cp> code point in unit 'a7' (missing, not hexadecimal)"),
    ],
    ids=["surrogate", "low-surrogate", "beyond", "huge", "nul", "not-hex", "empty", "no-hex"],
)
def test_code_point_that_names_no_character_is_refused(
    tmp_path: Path, cp: str, expected: str
) -> None:
    error = refused(write_text(tmp_path, "cp.xlf", xliff2_with_code_point(cp)))
    assert error.problem.startswith(expected), error.problem
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("cp", "character"),
    [('<cp hex="0001"/>', "\x01"), ('<cp hex="1B"/>', "\x1b"), ('<cp hex="FFFE"/>', "\ufffe")],
    ids=["soh", "escape", "fffe"],
)
def test_code_point_for_a_character_xml_cannot_carry_is_read(
    tmp_path: Path, cp: str, character: str
) -> None:
    alignment = read_bilingual(write_text(tmp_path, "cp.xlf", xliff2_with_code_point(cp)))
    assert [s.text for s in alignment.source.segments] == [f"海关总署{character}。"]


def test_twenty_megabyte_attribute_is_one_line_naming_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlf"
    path.write_text(
        f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="{"a" * 20_000_000}" source-language="zh-CN" datatype="plaintext">'
        "<body/></file></xliff>",
        encoding="utf-8",
    )
    error = refused(str(path))
    assert "\n" not in str(error)
    assert str(error).startswith(f"{path}: an attribute or text at line 1, column ")
    assert "longer than the 10 MB" in error.problem


def test_deep_nesting_is_one_line(tmp_path: Path) -> None:
    inner = "<g>" * 300 + "</g>" * 300
    path = write_text(tmp_path, "deep.xlf", f"<xliff version='1.2'>{inner}</xliff>")
    error = refused(path)
    assert "\n" not in str(error)
    assert "nested too deeply" in error.problem


def test_syntax_error_is_one_line_with_its_position(tmp_path: Path) -> None:
    path = write_text(tmp_path, "broken.tmx", "<tmx version='1.4'>\n<body>\n<tu></body></tmx>")
    error = refused(path)
    assert "\n" not in str(error)
    assert error.problem.startswith("not well-formed XML at line 3, column ")
    assert "<string>" not in error.problem


ONE_FILE = "one file alone must be a bilingual XLIFF (.xlf, .xliff) or TMX (.tmx) file"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("zh.txt", "海关总署发布数据。\n".encode()),
        ("release.en.txt", b"The GACC released data.\n"),
        ("release.txt", b"\xef\xbb\xbf<not really xml"),
        ("release.docx", b"PK\x03\x04" + bytes(60)),
        ("release.html", b"<html><body><p>Customs</p></body></html>"),
        ("release.htm", b"<p>Customs<br></p>"),
        ("notes", b"Customs\n"),
        ("utf16.txt", "海关。".encode("utf-16")),
    ],
)
def test_a_document_alone_is_refused_with_what_to_give(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = refused(str(path))
    assert error.problem.startswith(ONE_FILE)
    assert error.problem.endswith("give two files: ZH EN")


def test_standard_input_alone_is_refused_with_what_to_give() -> None:
    with pytest.raises(InputError) as caught:
        read_bilingual("-")
    assert caught.value.path == "<stdin>"
    assert caught.value.problem.startswith(ONE_FILE)


def test_a_file_named_bilingual_gets_the_xml_complaint(tmp_path: Path) -> None:
    error = refused(write_text(tmp_path, "edited.xliff", "Customs, not XML at all"))
    assert error.problem.startswith("not well-formed XML at line 1, column 1:")


def test_bilingual_content_is_read_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "release.bak"
    write_xliff12(build_report(), str(path))
    assert read_bilingual(str(path)).links == build_report().alignment.links
