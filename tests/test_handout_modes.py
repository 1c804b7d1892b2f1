"""The DOCX handout's two modes: clean to hand out, review for reviewers.

Checked in the package's XML, where Word and LibreOffice read them: a clean handout has no
highlight, no comment part or reference, no QA counts or file names and no page-chrome row;
a review handout marks the words each finding is about, anchors the finding's comment on
them and lists accepted findings with their notes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from aligner.cli import main
from aligner.model import AcceptedFinding, Finding, Report
from aligner.writers.docx import render_docx
from builders import build
from conftest import SAMPLES
from test_writers_table import sample_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        }


def with_spans(report: Report) -> Report:
    """The sample report, its number finding pointing at the 5% on both sides."""
    number = report.findings[0]
    marked = replace(
        number,
        zh_spans=((number.zh.index("5%"), number.zh.index("5%") + 2),),
        en_spans=((number.en.index("5%"), number.en.index("5%") + 2),),
    )
    return replace(report, findings=(marked, *report.findings[1:]))


def test_clean_handout_has_no_highlight_comment_counts_or_file_names() -> None:
    data = render_docx(with_spans(sample_report()), handout="clean")
    xml = parts(data)
    body = xml["word/document.xml"]
    assert "word/comments.xml" not in xml
    assert "w:highlight" not in body
    assert "w:commentReference" not in body and "w:commentRangeStart" not in body
    assert "<w:u " not in body  # no finding marks either
    assert "gacc-2025-01-13" not in body
    assert "QA findings" not in body and "aligner rows" not in body
    handout = docx.Document(io.BytesIO(data))
    texts = [p.text for p in handout.paragraphs]
    assert "以中文版本为准。  The Chinese version prevails." in texts
    assert "2025-01-13" in texts
    assert not any("finding" in text.lower() for text in texts)
    assert len(handout.tables) == 1, "no findings table"


def test_clean_handout_leaves_out_page_chrome_rows_only() -> None:
    report = sample_report()
    handout = docx.Document(io.BytesIO(render_docx(report, handout="clean")))
    table = handout.tables[0]
    english = [row.cells[-1].text for row in table.rows[1:]]
    assert "Home|中文站" not in english
    assert len(table.columns) == 2, "no row numbers, no QA column"
    # Every other row stays, the untranslated Chinese sentence included.
    assert len(table.rows) - 1 == len(report.alignment.links) - 1
    assert table.rows[-1].cells[0].text == report.alignment.source.segments[5].text
    assert table.rows[-1].cells[1].text == ""


def test_a_real_english_only_sentence_stays_in_the_clean_handout() -> None:
    alignment = build(
        ("", "Home|中文站"),
        ("", "2025-01-13"),
        ("出口增长。", "Exports grew."),
        ("", "Officials praised the figures at length during the briefing."),
        ("进口下降。", "Imports fell."),
        ("", "Copyright © General Administration of Customs. All rights reserved."),
    )
    handout = docx.Document(io.BytesIO(render_docx(Report(alignment), handout="clean")))
    english = [row.cells[-1].text for row in handout.tables[0].rows[1:]]
    assert english == [
        "Exports grew.",
        "Officials praised the figures at length during the briefing.",
        "Imports fell.",
    ]


def test_interleaved_clean_handout_has_no_numbers_or_placeholders() -> None:
    data = render_docx(sample_report(), layout="interleaved", handout="clean")
    handout = docx.Document(io.BytesIO(data))
    texts = [p.text for p in handout.paragraphs]
    assert "(no English)" not in texts and "（无中文）" not in texts
    assert not any(text.startswith(("1\t", "2\t")) for text in texts)
    assert "w:highlight" not in parts(data)["word/document.xml"]


def underlined(cell: object) -> dict[str, str]:
    """Run text → underline colour, for the runs a finding marks."""
    found = {}
    for run in cell.paragraphs[0].runs:  # type: ignore[attr-defined]
        underline = run._r.rPr.find(qn("w:u"))
        if underline is not None:
            found[run.text] = underline.get(qn("w:color"))
    return found


def test_review_handout_marks_the_words_and_anchors_the_comment_on_them() -> None:
    report = with_spans(sample_report())
    handout = docx.Document(io.BytesIO(render_docx(report, handout="review")))
    row = handout.tables[0].rows[4]
    assert underlined(row.cells[1]) == {"5%": "C62828"}
    assert underlined(row.cells[2]) == {"5%": "C62828"}
    # The comment hangs on the English 5%, not on the whole cell.
    children = list(row.cells[2].paragraphs[0]._p)

    def covered(comment_id: str) -> str:
        def at(tag: str) -> int:
            return next(
                i for i, c in enumerate(children) if c.tag == tag and c.get(f"{W}id") == comment_id
            )

        inside = children[at(f"{W}commentRangeStart") : at(f"{W}commentRangeEnd")]
        return "".join(c.xpath("string(.)") for c in inside if c.tag == f"{W}r")

    number = next(c for c in handout.comments if report.findings[0].id in c.text)
    assert covered(str(number.comment_id)) == "5%"
    # Glossary highlighting is still there, and is not the finding mark.
    assert "w:highlight" in parts(render_docx(report, handout="review"))["word/document.xml"]


def test_review_handout_lists_accepted_findings_with_their_note() -> None:
    report = sample_report()
    number = report.findings[0]
    accepted = replace(
        report,
        findings=report.findings[1:],
        accepted=(AcceptedFinding(number, "rounded on purpose"),),
    )
    handout = docx.Document(io.BytesIO(render_docx(accepted, handout="review")))
    body = [[c.text for c in row.cells] for row in handout.tables[-1].rows[1:]]
    [line] = [cells for cells in body if cells[4] == number.id]
    assert line[0] == "4" and line[3] == "accepted (error)"
    assert line[5].endswith("Reviewer's note: rounded on purpose")
    assert len(handout.comments) == len(accepted.findings) - 1  # the document-level one has none
    assert "1 accepted by a reviewer" in "\n".join(p.text for p in handout.paragraphs)


def test_command_line_hands_out_clean_by_default_and_review_on_request(tmp_path: Path) -> None:
    runner = CliRunner()
    zh, en = SAMPLES / "gacc-2025-01-13.zh.txt", SAMPLES / "gacc-2025-01-13.en.txt"
    clean, review = tmp_path / "clean.docx", tmp_path / "review.docx"
    common = ["qa", str(zh), str(en), "--scorer", "lexical"]
    assert runner.invoke(main, [*common, "-o", str(clean)]).exit_code == 0
    result = runner.invoke(main, [*common, "--handout", "review", "-o", str(review)])
    assert result.exit_code == 0
    clean_xml, review_xml = parts(clean.read_bytes()), parts(review.read_bytes())
    assert "word/comments.xml" not in clean_xml
    assert "w:highlight" not in clean_xml["word/document.xml"]
    assert "Home|中文站" not in clean_xml["word/document.xml"]
    assert "STATEMENT" not in clean_xml["word/document.xml"]
    assert "word/comments.xml" in review_xml
    review_rows = docx.Document(io.BytesIO(review.read_bytes())).tables[0].rows
    assert review_rows[1].cells[2].text == "Home|中文站"


def test_unknown_handout_mode_is_refused() -> None:
    try:
        render_docx(sample_report(), handout="print")  # type: ignore[arg-type]
    except ValueError as error:
        assert "print" in str(error)
    else:
        raise AssertionError("an unknown mode must be refused")


def test_finding_without_spans_still_gets_its_comment_on_the_english() -> None:
    report = sample_report()
    bare = Finding("length", report.findings[3].severity, (4,), (4,), "", "", "long")
    handout = docx.Document(
        io.BytesIO(render_docx(replace(report, findings=(bare,)), handout="review"))
    )
    assert len(handout.comments) == 1


def test_batch_handouts_follow_the_same_option(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for side in ("zh", "en"):
        text = (SAMPLES / f"gacc-2025-01-13.{side}.txt").read_text(encoding="utf-8")
        (source / f"gacc.{side}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    for mode, outdir in (("clean", tmp_path / "clean"), ("review", tmp_path / "review")):
        args = ["batch", str(source), "-o", str(outdir), "--to", "docx", "--scorer", "lexical"]
        if mode == "review":
            args += ["--handout", "review"]
        assert runner.invoke(main, args).exit_code == 0
    clean_xml = parts((tmp_path / "clean" / "gacc" / "gacc.docx").read_bytes())
    review_xml = parts((tmp_path / "review" / "gacc" / "gacc.docx").read_bytes())
    assert "word/comments.xml" not in clean_xml and "word/comments.xml" in review_xml
