"""Accepted findings: a reviewer's decision survives re-runs and applies across a batch.

A finding's id comes from its check, the text of its link and what it is about, so an id
copied from run 1 accepts the same finding in run 2, in every document of a batch that has
the same link, and no longer once the text of that link changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aligner.checks.accepted import apply_acceptances, split_accepted
from aligner.cli import main
from aligner.errors import InputError
from aligner.formats.accepted import parse_accepted, read_accepted
from aligner.formats.jsonfile import read_report
from aligner.formats.review import Acceptance, ReviewFile, ReviewSide, render_review
from aligner.model import Finding, Report, Severity
from builders import build
from conftest import SAMPLES

ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
WRONG = EN.replace("RMB43.85 trillion, up 5%", "RMB4.385 trillion, up 5%")


def release(folder: Path, name: str, english: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    zh, en = folder / f"{name}.zh.txt", folder / f"{name}.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(english, encoding="utf-8")
    return zh, en


def qa(*args: str) -> Result:
    return CliRunner().invoke(main, ["qa", "--scorer", "lexical", *map(str, args)])


def report_json(*args: Any) -> dict[str, Any]:
    result = qa(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def the_number_error(data: dict[str, Any]) -> dict[str, Any]:
    [found] = [f for f in data["findings"] if f["check"] == "number"]
    return found


# --- the file formats -------------------------------------------------------------------------


def test_plain_list_reads_ids_notes_comments_and_blank_lines() -> None:
    text = (
        "# checked with the desk\n"
        "\n"
        "number-3f9a2c1d0b   rounded on purpose, see the statistics table\n"
        "  term-0c41d2e9aa\n"
        "spelling-00000000ff\tproper name\n"
    )
    assert parse_accepted(text, "ok.txt") == (
        Acceptance("number-3f9a2c1d0b", "rounded on purpose, see the statistics table"),
        Acceptance("term-0c41d2e9aa", ""),
        Acceptance("spelling-00000000ff", "proper name"),
    )


@pytest.mark.parametrize(
    "line",
    ["row 18 is fine", "number-3f9a", "3f9a2c1d0b", "Number-3F9A2C1D0B", "number_3f9a2c1d0b"],
)
def test_a_line_without_an_id_is_refused_with_its_line_number(line: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_accepted(f"# fine\nterm-0c41d2e9aa\n{line}\n", "accepted.txt")
    assert caught.value.path == "accepted.txt"
    assert caught.value.problem.startswith("line 3: ")


def test_a_review_file_contributes_its_accepted_list(tmp_path: Path) -> None:
    path = tmp_path / "release.review.json"
    review = ReviewFile(
        ReviewSide("a.zh.txt", "0" * 64),
        ReviewSide("a.en.txt", "1" * 64),
        (((0,), (0,)),),
        (Acceptance("number-3f9a2c1d0b", "rounded"),),
    )
    path.write_bytes(render_review(review))
    assert read_accepted(str(path)) == (Acceptance("number-3f9a2c1d0b", "rounded"),)


def test_other_json_is_not_taken_for_a_list(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"links": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a review file"):
        read_accepted(str(path))


# --- the library ------------------------------------------------------------------------------


def test_acceptance_moves_findings_and_keeps_their_note() -> None:
    alignment = build(("出口增长5%。", "Exports grew 6%."), ("进口下降。", ""))
    a = Finding("number", Severity.ERROR, (0,), (0,), "出口增长5%。", "Exports grew 6%.", "m", "5%")
    b = Finding("omission", Severity.ERROR, (1,), (), "进口下降。", "", "n", "no English")
    report = Report(alignment, (a, b))
    accepted = apply_acceptances(report, {a.id: "checked", "term-0000000000": "gone"})
    assert accepted.findings == (b,)
    assert [(x.finding, x.note) for x in accepted.accepted] == [(a, "checked")]
    assert accepted.counts.errors == 1
    assert split_accepted([a, b], {}) == ((a, b), ())


# --- the command line -------------------------------------------------------------------------


def test_an_id_from_run_one_is_accepted_in_run_two(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", WRONG)
    first = report_json(zh, en)
    finding = the_number_error(first)
    assert qa(zh, en).exit_code == 1

    listing = tmp_path / "accepted.txt"
    listing.write_text(f"{finding['id']}  figure checked with the statistics desk\n", "utf-8")
    second = report_json(zh, en, "--accepted", listing)
    assert [f["id"] for f in second["findings"]].count(finding["id"]) == 0
    assert second["summary"]["errors"] == first["summary"]["errors"] - 1
    assert second["summary"]["accepted"] == 1
    [accepted] = second["accepted"]
    assert accepted["id"] == finding["id"]
    assert accepted["note"] == "figure checked with the statistics desk"
    assert accepted["row"] == finding["row"]

    result = qa(zh, en, "--accepted", listing)
    assert result.exit_code == 0, result.output  # the error no longer fails the run
    assert "accepted by a reviewer (1, not counted)" in result.stdout
    assert "figure checked with the statistics desk" in result.stdout


def test_the_finding_comes_back_when_its_english_changes(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", WRONG)
    finding = the_number_error(report_json(zh, en))
    listing = tmp_path / "accepted.txt"
    listing.write_text(finding["id"] + "\n", "utf-8")
    en.write_text(WRONG.replace("RMB4.385 trillion", "RMB4.385 trillion in all"), "utf-8")
    again = report_json(zh, en, "--accepted", listing)
    assert again["accepted"] == []
    assert the_number_error(again)["id"] != finding["id"]


def test_ids_do_not_move_when_lines_are_added_above(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", WRONG)
    finding = the_number_error(report_json(zh, en))
    en.write_text("Press releases\n" + WRONG, "utf-8")
    zh.write_text("新闻发布\n" + ZH, "utf-8")
    moved = the_number_error(report_json(zh, en))
    assert moved["id"] == finding["id"]
    assert moved["row"] != finding["row"] or moved["zh_ids"] != finding["zh_ids"]


def test_a_malformed_list_is_exit_2_naming_the_line(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", EN)
    listing = tmp_path / "accepted.txt"
    listing.write_text("# ok\nrow 18 looks fine\n", "utf-8")
    result = qa(zh, en, "--accepted", listing)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"aligner: error: {listing}: line 2: ")
    assert "Traceback" not in result.output


def test_unknown_ids_are_not_an_error(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", EN)
    listing = tmp_path / "accepted.txt"
    listing.write_text("number-0123456789 fixed long ago\n", "utf-8")
    assert qa(zh, en, "--accepted", listing).exit_code == 0


def test_accepted_findings_are_listed_in_every_report(tmp_path: Path) -> None:
    zh, en = release(tmp_path, "release", WRONG)
    finding = the_number_error(report_json(zh, en))
    listing = tmp_path / "accepted.txt"
    listing.write_text(f"{finding['id']} rounded on purpose\n", "utf-8")
    out = tmp_path / "out"
    files = [out / name for name in ("r.json", "r.html", "r.docx", "r.xlf", "r.tsv")]
    outputs = [part for path in files for part in ("-o", str(path))]
    result = qa(zh, en, "--accepted", listing, "--handout", "review", *outputs)
    assert result.exit_code == 0, result.output
    stored = read_report(json.loads(files[0].read_text("utf-8")))
    assert [(a.finding.id, a.note) for a in stored.accepted] == [
        (finding["id"], "rounded on purpose")
    ]
    html = files[1].read_text("utf-8")
    assert 'id="accepted"' in html and "rounded on purpose" in html
    xliff = files[3].read_text("utf-8")
    assert 'from="aligner-qa-accepted"' in xliff and finding["id"] in xliff
    assert finding["id"] in files[4].read_text("utf-8")


# --- batch ------------------------------------------------------------------------------------


def test_batch_accepts_the_same_link_in_every_document(tmp_path: Path) -> None:
    source = tmp_path / "in"
    release(source, "first", WRONG)
    release(source, "second", WRONG)
    release(source, "third", EN)
    zh, en = source / "first.zh.txt", source / "first.en.txt"
    finding = the_number_error(report_json(zh, en))
    listing = tmp_path / "accepted.txt"
    listing.write_text(f"{finding['id']} accepted once for all\n", "utf-8")
    outdir = tmp_path / "out"

    args = ["batch", str(source), "-o", str(outdir), "--jobs", "1", "--scorer", "lexical"]
    before = CliRunner().invoke(main, args)
    assert before.exit_code == 1
    after = CliRunner().invoke(main, [*args, "--accepted", str(listing)])
    assert after.exit_code == 0, after.output

    summary = json.loads((outdir / "summary.json").read_text("utf-8"))
    accepted = {d["name"]: d["accepted"] for d in summary["documents"]}
    assert accepted == {"first": 1, "second": 1, "third": 0}
    assert summary["totals"]["accepted"] == 2
    assert summary["totals"]["errors"] == 0
    csv_header = (outdir / "summary.csv").read_text("utf-8-sig").splitlines()[0]
    assert "accepted" in csv_header.split(",")
    assert "accepted (not counted)" in (outdir / "summary.html").read_text("utf-8")
    for name in ("first", "second"):
        report = json.loads((outdir / name / "qa.json").read_text("utf-8"))
        assert [a["note"] for a in report["accepted"]] == ["accepted once for all"]
