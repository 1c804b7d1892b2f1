"""Inline codes, placeholders and addresses compared between the Chinese and the English.

The probe files are what a CAT tool hands back: a missing ``<x/>``, a ``<g>`` pair nested
the other way round, a dropped URL, in XLIFF 1.2, XLIFF 2.1 and TMX.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.checks.base import CheckContext
from aligner.checks.tags import check_tags
from aligner.formats.bilingual import read_bilingual
from aligner.model import Finding, Severity
from aligner.pipeline import qa_report
from builders import build

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="probe.docx" source-language="zh-CN" target-language="en" datatype="x-docx">
    <body>
      <trans-unit id="1">
        <source>海关总署<x id="1"/>发布数据。</source>
        <target>GACC released data.</target>
      </trans-unit>
      <trans-unit id="2">
        <source><g id="2">进出口<g id="3">总值</g></g>增长。</source>
        <target><g id="3">Total <g id="2">trade</g></g> grew.</target>
      </trans-unit>
      <trans-unit id="3">
        <source>详见http://www.customs.gov.cn/stats。</source>
        <target>See the website for details.</target>
      </trans-unit>
      <trans-unit id="4">
        <source><g id="4">进口</g><bpt id="5">&lt;b&gt;</bpt>下降<ept id="5"
          >&lt;/b&gt;</ept>。</source>
        <target><g id="4">Imports</g> <bpt id="5">&lt;b&gt;</bpt>fell<ept id="5"
          >&lt;/b&gt;</ept>.</target>
      </trans-unit>
      <trans-unit id="5">
        <source>联系邮箱：press@customs.gov.cn，网址www.customs.gov.cn。</source>
        <target>Contact: press@customs.gov.cn, www.customs.gov.cn.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF21 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1" original="probe.docx">
    <unit id="1"><segment>
      <source>海关总署<ph id="1"/>发布数据。</source>
      <target>GACC released data.</target>
    </segment></unit>
    <unit id="2"><segment>
      <source><pc id="2">进出口<pc id="3">总值</pc></pc>增长。</source>
      <target><pc id="3">Total <pc id="2">trade</pc></pc> grew.</target>
    </segment></unit>
    <unit id="3"><segment>
      <source>详见http://www.customs.gov.cn/stats。</source>
      <target>See the website for details.</target>
    </segment></unit>
    <unit id="4"><segment>
      <source><sc id="4"/>进口下降<ec startRef="4"/>。</source>
      <target><ec startRef="4"/>Imports fell<sc id="4"/>.</target>
    </segment></unit>
  </file>
</xliff>
"""

TMX = """<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
          srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu>
      <tuv xml:lang="zh-CN"><seg>海关总署<ph x="1">{1}</ph>发布数据。</seg></tuv>
      <tuv xml:lang="en"><seg>GACC released data.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-CN"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>进口<ept i="1"
        >&lt;/b&gt;</ept>下降。</seg></tuv>
      <tuv xml:lang="en"><seg><ept i="1">&lt;/b&gt;</ept>Imports<bpt i="1" x="1"
        >&lt;b&gt;</bpt> fell.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-CN"><seg>详见http://www.customs.gov.cn/stats。</seg></tuv>
      <tuv xml:lang="en"><seg>See the website for details.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def _tag_findings(tmp_path: Path, name: str, content: str) -> list[Finding]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = qa_report(read_bilingual(str(path)), (), checks=["tags"])
    return [f for f in report.findings if f.check == "tags"]


def _by_row(findings: list[Finding]) -> dict[int, list[Finding]]:
    rows: dict[int, list[Finding]] = {}
    for finding in findings:
        rows.setdefault(finding.zh_ids[0], []).append(finding)
    return rows


def test_xliff12_probe_missing_code_swapped_pair_dropped_url(tmp_path: Path) -> None:
    rows = _by_row(_tag_findings(tmp_path, "probe.xlf", XLIFF12))
    assert sorted(rows) == [0, 1, 2]
    (missing,) = rows[0]
    assert missing.severity is Severity.ERROR
    assert '<x id="1"/>' in missing.message and "missing" in missing.message
    assert missing.zh[missing.zh_spans[0][0]] == "发"  # where the code stood
    assert all("nested differently" in f.message for f in rows[1])
    assert {f.key for f in rows[1]} == {"nesting:g#2", "nesting:g#3"}
    (url,) = rows[2]
    assert "http://www.customs.gov.cn/stats" in url.message
    assert [url.zh[s:e] for s, e in url.zh_spans] == ["http://www.customs.gov.cn/stats"]


def test_xliff21_probe(tmp_path: Path) -> None:
    rows = _by_row(_tag_findings(tmp_path, "probe.xlf", XLIFF21))
    assert sorted(rows) == [0, 1, 2, 3]
    assert '<ph id="1"/>' in rows[0][0].message
    assert any("nested differently" in f.message for f in rows[1])
    assert "stats" in rows[2][0].message
    assert any("out of order" in f.message for f in rows[3])


def test_tmx_probe(tmp_path: Path) -> None:
    rows = _by_row(_tag_findings(tmp_path, "probe.tmx", TMX))
    assert sorted(rows) == [0, 1, 2]
    assert '<ph id="1"/>' in rows[0][0].message
    assert "out of order" in rows[1][0].message


def test_codes_that_match_and_a_reordered_pair_are_fine(tmp_path: Path) -> None:
    content = XLIFF12.replace(
        '<target><g id="3">Total <g id="2">trade</g></g> grew.</target>',
        '<target><g id="2">Total <g id="3">trade</g></g> grew.</target>',
    ).replace(
        "<target>GACC released data.</target>", '<target>GACC<x id="1"/> released data.</target>'
    )
    rows = _by_row(_tag_findings(tmp_path, "ok.xlf", content))
    assert sorted(rows) == [2]  # only the dropped URL is left


def test_an_extra_code_and_a_changed_email() -> None:
    alignment = build(("请致信press@customs.gov.cn。", "Write to press@custom.gov.cn."))
    (finding,) = check_tags(alignment, CheckContext())
    assert finding.severity is Severity.ERROR
    assert "press@customs.gov.cn" in finding.message


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("共有%d家企业。", "There are %d enterprises.", []),
        ("共有%d家企业。", "There are many enterprises.", ["%d"]),
        ("欢迎{name}。", "Welcome, {name}.", []),
        ("欢迎{0}。", "Welcome.", ["{0}"]),
        ("增长5%。", "Up 5%.", []),
    ],
)
def test_placeholders_in_text(zh: str, en: str, expected: list[str]) -> None:
    found = list(check_tags(build((zh, en)), CheckContext()))
    assert [f.key.partition(":")[2] for f in found] == expected


def test_the_clean_sample_has_no_tag_finding() -> None:
    from aligner.pipeline import AlignOptions, align_files

    repo = Path(__file__).resolve().parents[1]
    alignment = align_files(
        str(repo / "samples/gacc-2025-01-13.zh.txt"),
        str(repo / "samples/gacc-2025-01-13.en.txt"),
        AlignOptions(scorer="lexical"),
        glossary=(),
    )
    assert list(check_tags(alignment, CheckContext())) == []
