"""Batch runs end to end: outputs, failures kept apart, archive-wide checks, resume, exit codes."""

from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import docx
from click.testing import CliRunner, Result

from aligner.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
RECORD_EN = "which was a new record high."
REPEATED_EN = (
    "China's imports and exports reached RMB43.85 trillion in 2024, up 5% on the year before, "
    "a record."
)


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["batch", *args])


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def summary(outdir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return data


def statuses(outdir: Path) -> dict[str, str]:
    return {d["name"]: d["status"] for d in summary(outdir)["documents"]}


def test_a_folder_of_mixed_conventions_gets_reports_and_summaries(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "a.zh.txt", ZH)
    write(source / "a.en.txt", EN)
    write(source / "chs" / "b.txt", ZH)
    write(source / "en" / "b.txt", EN)
    write(source / "notes.md", "# not a release")
    outdir = tmp_path / "out"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "2", "--to", "html,xliff,tmx,json")

    assert result.exit_code == 0, result.output
    assert "2 pairs: 2 checked" in result.stderr
    data = summary(outdir)
    assert [(d["name"], d["status"], d["links"], d["errors"]) for d in data["documents"]] == [
        ("a", "ok", 37, 0),
        ("b", "ok", 37, 0),
    ]
    assert data["documents"][1]["zh"] == str(source / "chs" / "b.txt")
    assert data["documents"][0]["report"] == "a/qa.json"
    assert [u["member"] for u in data["unpaired"]] == [str(source / "notes.md")]
    for name in ("a", "b"):
        folder = outdir / name
        assert sorted(p.name for p in folder.iterdir()) == [
            ".aligner-state.json",
            f"{name}.html",
            f"{name}.json",
            f"{name}.tmx",
            f"{name}.xlf",
            "qa.json",
        ]
        report = json.loads((folder / "qa.json").read_text(encoding="utf-8"))
        assert report["summary"]["links"] == 37
    raw_csv = (outdir / "summary.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    assert [(r["name"], r["status"], r["links"]) for r in rows] == [
        ("a", "ok", "37"),
        ("b", "ok", "37"),
    ]
    page = (outdir / "summary.html").read_text(encoding="utf-8")
    assert 'href="a/a.html"' in page and 'href="b/b.html"' in page
    assert "<script" not in page and "<link" not in page
    foreign_trade = next(t for t in data["terms"] if t["zh"] == "外贸")
    assert {r["en"]: r["documents"] for r in foreign_trade["en_renderings"]}["foreign trade"] == [
        "a",
        "b",
    ]
    assert "外贸" in page


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_archives_of_both_kinds_feed_one_run_and_names_stay_unique(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "one.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zh/release.docx", docx_bytes(ZH))
        zf.writestr("en/release.docx", docx_bytes(EN))
    with tarfile.open(tmp_path / "two.tgz", "w:gz") as tf:
        for name, text in (("release_zh.txt", ZH), ("release_en.txt", EN)):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    outdir = tmp_path / "out"

    result = run_cli(
        str(tmp_path / "one.zip"), str(tmp_path / "two.tgz"), "-o", str(outdir), "--jobs", "1"
    )

    assert result.exit_code == 0, result.output
    documents = summary(outdir)["documents"]
    assert [(d["name"], d["status"]) for d in documents] == [
        ("release", "ok"),
        ("release-2", "ok"),
    ]
    assert documents[0]["en"] == f"{tmp_path / 'one.zip'}:en/release.docx"
    assert documents[0]["links"] == documents[1]["links"] == 37
    assert documents[1]["zh"] == f"{tmp_path / 'two.tgz'}:release_zh.txt"
    assert (outdir / "release-2" / "qa.json").is_file()


def test_a_corrupt_docx_fails_alone_with_its_reason(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "good.zh.txt", ZH)
    write(source / "good.en.txt", EN)
    write(source / "broken.zh.docx", b"PK\x03\x04 this is not really a Word file")
    write(source / "broken.en.txt", EN)
    write(source / "other.zh.txt", ZH)
    write(source / "other.en.txt", EN)
    outdir = tmp_path / "out"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "2")

    assert result.exit_code == 1
    documents = {d["name"]: d for d in summary(outdir)["documents"]}
    assert {name: d["status"] for name, d in documents.items()} == {
        "broken": "failed",
        "good": "ok",
        "other": "ok",
    }
    reason = documents["broken"]["reason"]
    assert reason.startswith(str(source / "broken.zh.docx"))
    assert "not a valid DOCX file" in reason
    assert documents["broken"]["links"] is None
    assert not (outdir / "broken" / "qa.json").exists()
    assert "failed" in (outdir / "summary.html").read_text(encoding="utf-8")
    never = run_cli(str(source), "-o", str(outdir), "--jobs", "1", "--fail-on", "never")
    assert never.exit_code == 0


def test_a_sentence_rendered_differently_in_two_releases_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "a.zh.txt", ZH)
    write(source / "a.en.txt", EN)
    write(source / "b.zh.txt", ZH)
    write(source / "b.en.txt", EN.replace(RECORD_EN, "setting another all-time record."))
    outdir = tmp_path / "out"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "1", "--fail-on", "warning")

    assert result.exit_code == 1
    data = summary(outdir)
    assert [d["warnings"] for d in data["documents"]] == [0, 0]
    [found] = [i for i in data["inconsistencies"] if "all-time record" in i["en"]]
    assert found["document"] == "b"
    assert found["check"] == "inconsistency"
    assert found["zh"].startswith("2024年，我国货物贸易进出口总值")
    assert "in a" in found["message"] and RECORD_EN in found["message"]
    report_b = json.loads((outdir / "b" / "qa.json").read_text(encoding="utf-8"))
    assert not [f for f in report_b["findings"] if f["check"] == "inconsistency"]
    assert "all-time record" in (outdir / "summary.html").read_text(encoding="utf-8")
    lenient = run_cli(str(source), "-o", str(tmp_path / "out2"), "--jobs", "1")
    assert lenient.exit_code == 0


def write_repeating_release(folder: Path, stem: str) -> None:
    """A release that repeats a sentence at its end, rendered differently the second time."""
    repeated = "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。"
    assert repeated in ZH
    closing = "answer questions from the media."
    write(folder / f"{stem}.zh.txt", ZH + "\n" + repeated + "\n")
    write(folder / f"{stem}.en.txt", EN.replace(closing, f"{closing}\n\n{REPEATED_EN}"))


def test_inconsistencies_inside_one_release_stay_in_its_own_report(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_repeating_release(source, "a")
    write(source / "b.zh.txt", ZH)
    write(source / "b.en.txt", EN)
    outdir = tmp_path / "out"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "1")

    assert result.exit_code == 0, result.output
    report_a = json.loads((outdir / "a" / "qa.json").read_text(encoding="utf-8"))
    assert [f["en"] for f in report_a["findings"] if f["check"] == "inconsistency"] == [REPEATED_EN]
    assert summary(outdir)["inconsistencies"] == []


def test_resume_skips_unchanged_pairs_and_redoes_changed_ones(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_repeating_release(source, "a")
    write(source / "b.zh.txt", ZH)
    write(source / "b.en.txt", EN.replace(RECORD_EN, "setting another all-time record."))
    outdir = tmp_path / "out"
    args = [str(source), "-o", str(outdir), "--jobs", "1", "--to", "html", "--resume"]
    assert run_cli(*args).exit_code == 0
    first = summary(outdir)
    outputs = sorted(p for p in outdir.glob("*/*") if p.is_file())
    stamps = {p: p.stat().st_mtime_ns for p in outputs}

    again = run_cli(*args)

    assert again.exit_code == 0
    second = summary(outdir)
    assert statuses(outdir) == {"a": "skipped", "b": "skipped"}
    assert {p: p.stat().st_mtime_ns for p in outputs} == stamps
    for before, after in zip(first["documents"], second["documents"], strict=True):
        assert {k: v for k, v in before.items() if k != "status"} == {
            k: v for k, v in after.items() if k != "status"
        }
    assert second["terms"] == first["terms"]
    assert [i["document"] for i in first["inconsistencies"]] == ["b"]
    assert second["inconsistencies"] == first["inconsistencies"]
    assert "0 checked, 2 unchanged" in again.stderr

    write(source / "a.en.txt", EN + "\nOne more line.\n")
    run_cli(*args)
    assert statuses(outdir) == {"a": "ok", "b": "skipped"}

    (outdir / "b" / "b.html").unlink()
    run_cli(*args)
    assert statuses(outdir) == {"a": "skipped", "b": "ok"}

    run_cli(*args[:-1])
    assert statuses(outdir) == {"a": "ok", "b": "ok"}


def test_a_manifest_decides_the_pairs(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "original.txt", ZH)
    write(source / "translation.txt", EN)
    write(source / "a.zh.txt", ZH)
    write(source / "a.en.txt", EN)
    manifest = write(tmp_path / "pairs.csv", "zh,en,name\noriginal.txt,translation.txt,speech\n")
    outdir = tmp_path / "out"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "1", "--pairs", str(manifest))

    assert result.exit_code == 0, result.output
    data = summary(outdir)
    assert statuses(outdir) == {"speech": "ok"}
    assert sorted(u["member"] for u in data["unpaired"]) == [
        str(source / "a.en.txt"),
        str(source / "a.zh.txt"),
    ]


def test_exit_codes(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "n.zh.txt", ZH.replace("同比增长5%", "同比增长7%"))
    write(source / "n.en.txt", EN)
    outdir = tmp_path / "out"

    assert run_cli(str(source), "-o", str(outdir), "--jobs", "1").exit_code == 1
    assert summary(outdir)["documents"][0]["errors"] >= 1
    never = run_cli(str(source), "-o", str(outdir), "--jobs", "1", "--fail-on", "never")
    assert never.exit_code == 0

    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli(str(empty), "-o", str(tmp_path / "out-empty"))
    assert nothing.exit_code == 2
    assert summary(tmp_path / "out-empty")["documents"] == []

    broken = tmp_path / "broken"
    write(broken / "x.zh.txt", EN)
    write(broken / "x.en.txt", EN)
    all_failed = run_cli(str(broken), "-o", str(tmp_path / "out-broken"), "--fail-on", "never")
    assert all_failed.exit_code == 2
    [document] = summary(tmp_path / "out-broken")["documents"]
    assert document["status"] == "failed" and document["reason"]

    missing = run_cli(str(tmp_path / "nowhere"), "-o", str(outdir))
    assert missing.exit_code == 2
    assert f"aligner: error: {tmp_path / 'nowhere'}: no such file" in missing.stderr

    bad_format = run_cli(str(source), "-o", str(outdir), "--to", "pdf")
    assert bad_format.exit_code == 2
    assert "'pdf'" in bad_format.stderr


def test_an_output_folder_inside_the_input_is_refused(tmp_path: Path) -> None:
    """Results written among the releases could replace one, and would be read next time."""
    source = tmp_path / "in"
    write(source / "a.zh.txt", ZH)
    write(source / "a.en.txt", EN)
    outdir = source / "qa"

    result = run_cli(str(source), "-o", str(outdir), "--jobs", "1", "--to", "html")

    assert result.exit_code == 2
    assert "is inside the input folder" in result.stderr
    assert not outdir.exists()


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write(source / "a.zh.txt", ZH)
    write(source / "a.en.txt", EN)
    taken = write(tmp_path / "taken", "a file")

    result = run_cli(str(source), "-o", str(taken))

    assert result.exit_code == 2
    assert f"'{taken}' is a file" in result.stderr
    assert taken.read_text(encoding="utf-8") == "a file"
