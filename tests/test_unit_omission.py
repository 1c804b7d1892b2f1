"""A sentence dropped inside a link or a CAT tool's unit is an omission too."""

from __future__ import annotations

from pathlib import Path

from aligner.checks.base import CheckContext
from aligner.checks.unit_omission import check_sentence_omissions
from aligner.formats.bilingual import read_bilingual
from aligner.model import Severity
from aligner.pipeline import qa_report
from builders import build

UNIT = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="r.docx" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>出口增长。进口下降。</source>
        <target>Exports grew.</target></trans-unit>
      <trans-unit id="2"><source>出口增长。进口下降。</source>
        <target>Exports grew and imports fell.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_unit_with_two_chinese_sentences_and_one_english_reports_the_missing_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "units.xlf"
    path.write_text(UNIT, encoding="utf-8")
    report = qa_report(read_bilingual(str(path)), (), checks=["omission"])
    (finding,) = report.findings
    assert finding.check == "omission" and finding.severity is Severity.WARNING
    assert "进口下降" in finding.message
    assert [finding.zh[s:e] for s, e in finding.zh_spans] == ["进口下降。"]
    assert finding.en == "Exports grew."


def test_the_same_unit_in_tmx(tmp_path: Path) -> None:
    path = tmp_path / "units.tmx"
    path.write_text(
        """<tmx version="1.4"><header creationtool="x" creationtoolversion="1"
        segtype="paragraph" o-tmf="x" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
        <body><tu><tuv xml:lang="zh-CN"><seg>出口增长。进口下降。</seg></tuv>
        <tuv xml:lang="en"><seg>Exports grew.</seg></tuv></tu></body></tmx>""",
        encoding="utf-8",
    )
    report = qa_report(read_bilingual(str(path)), (), checks=["omission"])
    assert [f.key for f in report.findings] == ["sentence:进口下降。"]


def test_a_merged_translation_and_short_sentences_are_not_reported() -> None:
    alignment = build(
        ("出口增长。进口下降。", "Exports grew and imports fell."),
        ("他笑了。出口增长。", "Exports grew."),
    )
    assert list(check_sentence_omissions(alignment, CheckContext())) == []


def test_two_sentence_links_of_a_fresh_alignment_are_looked_into() -> None:
    alignment = build(
        ("出口增长。", "Exports grew."),
        ("进口下降。", ""),
    )
    merged = build(("出口增长。进口下降。", "Exports grew."))
    assert list(check_sentence_omissions(alignment, CheckContext())) == []
    assert len(list(check_sentence_omissions(merged, CheckContext()))) == 1
