"""Reading, writing, converting and checking glossary files (CSV, TSV, TBX 2019 and 2008)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree

from aligner.errors import InputError
from aligner.glossary.convert import convert_glossary
from aligner.glossary.load import load_glossary, read_glossary
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.tbx import tbx_bytes
from aligner.glossary.validate import check_glossary
from aligner.model import TermStatus

HEADER = "zh,en,status,variants,deprecated,note\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_text(text, encoding=encoding)
    return str(path)


def without_origin(entries: tuple[GlossaryEntry, ...]) -> list[GlossaryEntry]:
    return [dataclasses.replace(entry, origin="") for entry in entries]


@pytest.fixture(scope="module")
def tbx_basic(schemas_dir: Path) -> etree.RelaxNG:
    return etree.RelaxNG(
        etree.parse(str(schemas_dir / "tbx/TBXcoreStructV03_TBX-Basic_integrated.rng"))
    )


@pytest.fixture(scope="module")
def tbx_2008(schemas_dir: Path) -> etree.DTD:
    return etree.DTD(str(schemas_dir / "tbx/TBXcoreStructV02.dtd"))


SAMPLE_ENTRIES = (
    GlossaryEntry(
        "综合保税区",
        "comprehensive bonded zone",
        TermStatus.PREFERRED,
        ("comprehensive bonded area",),
        ("comprehensive free trade zone",),
        "GACC usage, checked 2024",
    ),
    GlossaryEntry("报关", "customs declaration", TermStatus.ADMITTED, ("declaration",)),
    GlossaryEntry("海关总署", "GACC"),
    GlossaryEntry("综保区", "comprehensive free trade zone", TermStatus.DEPRECATED),
)


# --- CSV and TSV ---------------------------------------------------------------------


def test_csv_reads_all_columns_with_line_origins(tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.csv",
        HEADER
        + "海关总署,General Administration of Customs of China,,GACC | General Administration"
        " of Customs,General Customs Administration,\n"
        "\n"
        '综合保税区,comprehensive bonded zone,Preferred,,"comprehensive free trade zone",'
        '"note, with comma"\n'
        "报关,customs declaration,admittedTerm-admn-sts,declaration;declare,,\n",
    )
    glossary = load_glossary(path)
    first, second, third = glossary.entries
    assert glossary.name == "g"
    assert first.variants == ("GACC", "General Administration of Customs")
    assert first.deprecated == ("General Customs Administration",)
    assert first.status is TermStatus.PREFERRED
    assert first.origin == f"{path}:2"
    assert second.origin == f"{path}:4"
    assert second.note == "note, with comma"
    assert third.status is TermStatus.ADMITTED
    assert third.variants == ("declaration", "declare")


def test_tsv_by_extension_and_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "g.tsv", "\ufeffzh\ten\n口岸\tport\n", encoding="utf-8")
    assert load_glossary(path).entries[0].en == "port"


def test_delimiter_is_sniffed_from_the_header(tmp_path: Path) -> None:
    tabs_in_csv = write(tmp_path / "tabs.csv", "zh\ten\tnote\n口岸\tport\tA, B\n")
    entry = load_glossary(tabs_in_csv).entries[0]
    assert (entry.zh, entry.en, entry.note) == ("口岸", "port", "A, B")


def test_multiline_quoted_field_keeps_start_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", 'zh,en,note\n口岸,port,"two\nlines"\n关税,tariff,\n')
    entries = load_glossary(path).entries
    assert [e.origin.rsplit(":", 1)[1] for e in entries] == ["2", "4"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",port,preferred,,,\n", "line 3: missing zh"),
        ("口岸,,preferred,,,\n", "line 3: missing en"),
        ("口岸,port,prefered,,,\n", 'line 3: unknown status "prefered"'),
        ("口岸,port\n", "line 3: expected 6 fields, found 2"),
    ],
)
def test_strict_loading_names_the_bad_line(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path / "g.csv", HEADER + "关税,tariff,,,,\n" + row)
    with pytest.raises(InputError) as caught:
        load_glossary(path)
    assert caught.value.path == path
    assert caught.value.problem.startswith(message)


def test_missing_required_column_is_fatal(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "zh,english\n口岸,port\n")
    with pytest.raises(InputError, match="line 1: missing required column"):
        load_glossary(path)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_bytes("zh,en\n口岸,port\n".encode("gb18030"))
    with pytest.raises(InputError, match="line 2: not valid UTF-8"):
        load_glossary(str(bad))
    with pytest.raises(InputError, match="no such file"):
        load_glossary(str(tmp_path / "absent.csv"))


# --- TBX reading ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["glossary-tbx-basic-2019.tbx", "glossary-tbx-2008.tbx"])
def test_reads_the_shared_tbx_samples(shared_dir: Path, name: str) -> None:
    glossary = load_glossary(str(shared_dir / "schemas" / "samples" / name))
    assert len(glossary.entries) == 1
    entry = glossary.entries[0]
    assert (entry.zh, entry.en, entry.status) == (
        "海关总署",
        "General Administration of Customs",
        TermStatus.PREFERRED,
    )
    assert entry.origin.endswith(":8")


TBX_SEVERAL_TERMS = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="definition">A zone under customs control.</descrip>
      <langSec xml:lang="zh-Hant"><termSec><term>綜合保稅區</term></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>综保区</term></termSec></langSec>
      <langSec xml:lang="fr"><termSec><term>zone sous douane</term></termSec></langSec>
      <langSec xml:lang="en-GB">
        <termSec><term>comprehensive free trade zone</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        <termSec><term>comprehensive bonded zone</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>comprehensive  bonded area</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        <termSec><term>integrated bonded zone</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>orphan</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_statuses_languages_and_notes(tmp_path: Path) -> None:
    path = write(tmp_path / "g.tbx", TBX_SEVERAL_TERMS)
    result = read_glossary(path)
    assert [e.zh for e in result.glossary.entries] == ["綜合保稅區", "综保区"]
    entry = result.glossary.entries[0]
    assert entry.en == "comprehensive bonded zone"
    assert entry.variants == ("integrated bonded zone", "comprehensive bonded area")
    assert entry.deprecated == ("comprehensive free trade zone",)
    assert entry.note == "A zone under customs control."
    assert entry.origin == f"{path}:5"
    [skipped] = result.problems
    assert skipped.severity == "warning"
    assert skipped.line == 21
    assert "no Chinese term" in skipped.message


def test_tbx_concept_with_only_deprecated_english(tmp_path: Path) -> None:
    text = TBX_SEVERAL_TERMS.replace("preferredTerm-admn-sts", "deprecatedTerm-admn-sts").replace(
        "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
    )
    entry = load_glossary(write(tmp_path / "g.tbx", text)).entries[0]
    assert entry.status is TermStatus.DEPRECATED
    assert entry.en == "comprehensive free trade zone"
    assert entry.variants == ()
    assert len(entry.deprecated) == 3


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.tbx", '<?xml version="1.0"?>\n<tbx>\n  <text>\n</tbx>\n')
    with pytest.raises(InputError) as caught:
        load_glossary(path)
    assert caught.value.problem.startswith("not well-formed XML: line 4:")


def test_other_xml_is_not_tbx(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a TBX file: the root element is <xliff>"):
        load_glossary(write(tmp_path / "g.tbx", "<xliff/>"))


def test_external_entity_does_not_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    payload = TBX_SEVERAL_TERMS.replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n',
    ).replace("<term>综保区</term>", "<term>&xxe;</term>")
    path = write(tmp_path / "xxe.tbx", payload)
    with pytest.raises(InputError) as caught:
        load_glossary(path)
    assert "TOP-SECRET-VALUE" not in str(caught.value)
    glossary, problems = check_glossary(path)
    assert glossary is None
    assert "entities" in problems[0].message


def test_parameter_entity_is_refused_too(tmp_path: Path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET-VALUE">', encoding="utf-8")
    payload = (
        f'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>\n'
        "<tbx><text><body/></text></tbx>"
    )
    with pytest.raises(InputError, match="entities"):
        load_glossary(write(tmp_path / "pe.tbx", payload))


# --- writing and converting ----------------------------------------------------------


def test_written_tbx_validates_and_reads_back(tmp_path: Path, tbx_basic: etree.RelaxNG) -> None:
    data = tbx_bytes(Glossary("demo", SAMPLE_ENTRIES))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    document = etree.fromstring(data).getroottree()
    assert tbx_basic.validate(document), tbx_basic.error_log
    path = tmp_path / "demo.tbx"
    path.write_bytes(data)
    assert without_origin(load_glossary(str(path)).entries) == list(SAMPLE_ENTRIES)


def test_written_tbx_2008_validates_and_reads_back(tmp_path: Path, tbx_2008: etree.DTD) -> None:
    data = tbx_bytes(Glossary("demo", SAMPLE_ENTRIES), dialect="2008")
    assert tbx_2008.validate(etree.fromstring(data)), tbx_2008.error_log
    path = tmp_path / "demo.tbx"
    path.write_bytes(data)
    assert without_origin(load_glossary(str(path)).entries) == list(SAMPLE_ENTRIES)


def test_forbidden_is_written_as_deprecated(tmp_path: Path) -> None:
    entry = GlossaryEntry("综保区", "comprehensive free trade zone", TermStatus.FORBIDDEN)
    path = tmp_path / "f.tbx"
    path.write_bytes(tbx_bytes(Glossary("f", (entry,))))
    assert load_glossary(str(path)).entries[0].status is TermStatus.DEPRECATED


def test_round_trip_csv_tbx_csv(tmp_path: Path, tbx_basic: etree.RelaxNG) -> None:
    source = tmp_path / "source.csv"
    source.write_bytes(
        HEADER.encode()
        + "".join(
            f"{e.zh},{e.en},{e.status.value},{'|'.join(e.variants)},"
            f'{"|".join(e.deprecated)},"{e.note}"\n'
            for e in SAMPLE_ENTRIES
        ).encode()
    )
    assert convert_glossary(str(source), str(tmp_path / "mid.tbx")) == 4
    assert tbx_basic.validate(etree.parse(str(tmp_path / "mid.tbx")))
    assert convert_glossary(str(tmp_path / "mid.tbx"), str(tmp_path / "back.csv")) == 4
    assert convert_glossary(str(tmp_path / "back.csv"), str(tmp_path / "back.tsv")) == 4
    original = without_origin(load_glossary(str(source)).entries)
    assert without_origin(load_glossary(str(tmp_path / "back.csv")).entries) == original
    assert without_origin(load_glossary(str(tmp_path / "back.tsv")).entries) == original
    assert original == list(SAMPLE_ENTRIES)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_convert_rejects_unknown_target_and_empty_source(tmp_path: Path) -> None:
    source = write(tmp_path / "g.csv", HEADER + "口岸,port,,,,\n")
    with pytest.raises(InputError, match=r"\.tbx, \.csv or \.tsv"):
        convert_glossary(source, str(tmp_path / "g.xlsx"))
    assert not (tmp_path / "g.xlsx").exists()
    empty = write(tmp_path / "empty.csv", HEADER)
    with pytest.raises(InputError, match="no entries"):
        convert_glossary(empty, str(tmp_path / "empty.tbx"))


def test_convert_propagates_strict_errors(tmp_path: Path) -> None:
    source = write(tmp_path / "g.csv", HEADER + "口岸,port,,,,\n,missing zh,,,,\n")
    with pytest.raises(InputError, match="line 3: missing zh"):
        convert_glossary(source, str(tmp_path / "g.tbx"))
    assert not (tmp_path / "g.tbx").exists()


# --- glossary check ------------------------------------------------------------------


def test_check_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.csv",
        HEADER
        + "综合保税区,comprehensive bonded zone,,,comprehensive free trade zone,\n"  # 2
        + "口岸,port,bogus,,,\n"  # 3
        + "综合保税区,Comprehensive Bonded Zones,,,,\n"  # 4: duplicate of 2
        + "口岸,port,,,,\n"  # 5
        + "口岸,border crossing,,,,\n"  # 6: second preferred rendering
        + ",orphan,,,,\n"  # 7
        + "保税区,comprehensive free trade zone,,,,\n"  # 8: deprecated for 综合保税区
        + "綜保區,comprehensive bonded zone,,,,\n"  # 9: traditional spelling, no problem
        + "报关,customs declaration,,,Customs Declarations,\n"  # 10: accepted and deprecated
        + "關稅,tariff,,,,\n"  # 11
        + "关税,customs duties,admitted,,tariff,\n"  # 12: tariff accepted and deprecated
        + "口岸,only,two\n",  # 13
    )
    glossary, problems = check_glossary(path)
    assert glossary is not None
    found = [(p.line, p.severity) for p in problems]
    assert found == [
        (3, "error"),
        (4, "warning"),
        (6, "warning"),
        (7, "error"),
        (8, "warning"),
        (10, "error"),
        (12, "error"),
        (13, "error"),
    ]
    messages = {p.line: p.message for p in problems}
    assert "duplicate of line 2" in messages[4]
    assert 'preferred rendering "port" at line 5' in messages[6]
    assert "deprecated for 综合保税区 (line 2)" in messages[8]
    assert "both accepted and deprecated" in messages[10]
    assert '"tariff" is accepted for 關稅 (line 11) and deprecated for it (line 12)' in messages[12]
    assert all(p.origin == f"{path}:{p.line}" for p in problems)
    assert len(glossary.entries) == 9


def test_check_clean_file_and_unusable_file(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.csv", HEADER + "口岸,port,,port of entry,,\n")
    glossary, problems = check_glossary(clean)
    assert glossary is not None and problems == []
    broken = write(tmp_path / "broken.tbx", "<tbx>")
    glossary, problems = check_glossary(broken)
    assert glossary is None
    assert problems[0].severity == "error"
    assert problems[0].message.startswith("not well-formed XML: line 1")


def test_qa_refuses_a_glossary_that_contradicts_itself(tmp_path: Path) -> None:
    """What ``glossary check`` calls an error must not be silently used by ``qa``."""
    path = tmp_path / "terms.csv"
    path.write_text(
        "zh,en,status\n海关总署,GACC,preferred\n海关总署,GACC,deprecated\n", encoding="utf-8"
    )
    loaded, problems = check_glossary(str(path))
    errors = [p for p in problems if p.severity == "error"]
    assert loaded is not None and len(errors) == 1
    with pytest.raises(InputError, match=r"line 3: .*accepted for 海关总署.*deprecated"):
        load_glossary(str(path))
