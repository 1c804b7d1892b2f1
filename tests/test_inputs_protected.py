"""Inputs are never overwritten, and write failures are one clear line.

Every command that writes checks each output path against every input it was given
(documents, bilingual file, glossaries, reference, manifest), through symbolic links, hard
links and other spellings of one path; ``batch`` keeps its output folder apart from its
input folders. Each refusal is exit 2 with one line, and the input is left byte for byte
as it was.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from aligner.cli import main
from conftest import REPO, SAMPLES

ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
CUSTOMS_CSV = REPO / "glossaries" / "customs.csv"
ERROR = "aligner: error: "


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(ERROR), result.output
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A folder with the sample pair and every other kind of input the commands take."""
    shutil.copy(ZH, tmp_path / "release.zh.txt")
    shutil.copy(EN, tmp_path / "release.en.txt")
    (tmp_path / "release.en.html").write_text(
        "<html><body><p>"
        + EN.read_text(encoding="utf-8").replace("\n", "</p><p>")
        + "</p></body></html>",
        encoding="utf-8",
    )
    result = run(
        "qa",
        tmp_path / "release.zh.txt",
        tmp_path / "release.en.txt",
        "-o",
        tmp_path / "release.xlf",
        "-o",
        tmp_path / "release.tmx",
        "-o",
        tmp_path / "handout.docx",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.output
    (tmp_path / "terms.csv").write_text("zh,en\n海关总署,GACC\n", encoding="utf-8")
    return tmp_path


def every_file(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


# --- documents, bilingual files, glossaries and references -------------------------------


@pytest.mark.parametrize(
    ("inputs", "output"),
    [
        (["release.zh.txt", "release.en.html"], "release.en.html"),
        (["release.xlf"], "release.xlf"),
        (["release.tmx"], "release.tmx"),
        (["release.zh.txt", "release.en.txt", "--glossary", "terms.csv"], "terms.csv"),
        (["release.zh.txt", "release.en.txt", "--reference", "release.en.html"], "release.en.html"),
    ],
)
def test_qa_refuses_to_write_onto_an_input(work: Path, inputs: list[str], output: str) -> None:
    before = every_file(work)
    args = [a if a.startswith("-") else str(work / a) for a in inputs]
    result = run("qa", *args, "-o", work / output)
    assert_refused(result, output, "inputs are never overwritten")
    assert every_file(work) == before


def test_a_docx_input_is_not_replaced_by_a_handout(work: Path) -> None:
    english = work / "release.en.docx"
    shutil.copy(work / "handout.docx", english)  # any DOCX will do as an input here
    before = digest(english)
    result = run("align", work / "release.zh.txt", english, "-o", english)
    assert_refused(result, "release.en.docx")
    assert digest(english) == before


@pytest.mark.parametrize("kind", ["symbolic link", "hard link", "other spelling"])
def test_another_name_for_an_input_is_refused(work: Path, kind: str) -> None:
    target = work / "release.xlf"
    if kind == "symbolic link":
        alias = work / "alias.xlf"
        alias.symlink_to(target)
    elif kind == "hard link":
        alias = work / "alias.xlf"
        os.link(target, alias)
    else:
        (work / "sub").mkdir()
        alias = work / "sub" / ".." / "release.xlf"
    before = digest(target)
    result = run("qa", target, "-o", alias)
    assert_refused(result, "one of the inputs")
    assert digest(target) == before


def test_outputs_that_are_not_inputs_are_still_written(work: Path) -> None:
    result = run("qa", work / "release.xlf", "-o", work / "again.xlf", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert (work / "again.xlf").stat().st_size > 0


def test_glossary_convert_refuses_to_replace_its_input(work: Path) -> None:
    tbx = work / "customs.tbx"
    assert run("glossary", "convert", CUSTOMS_CSV, tbx).exit_code == 0
    before = digest(tbx)
    assert_refused(run("glossary", "convert", tbx, tbx), "customs.tbx", "one of the inputs")
    link = work / "link.tbx"
    link.symlink_to(tbx)
    assert_refused(run("glossary", "convert", tbx, link), "link.tbx")
    assert digest(tbx) == before


# --- batch ---------------------------------------------------------------------------------


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    for side, sample in (("zh", ZH), ("en", EN)):
        (folder / side).mkdir(parents=True)
        shutil.copy(sample, folder / side / "r.txt")
    shutil.copy(ZH, folder / "zh" / "zh.txt")
    shutil.copy(EN, folder / "en" / "zh.txt")
    return folder


@pytest.mark.parametrize("where", ["the input folder", "inside it", "around it"])
def test_batch_keeps_its_output_folder_apart_from_the_inputs(archive: Path, where: str) -> None:
    outdir = {
        "the input folder": archive,
        "inside it": archive / "out",
        "around it": archive.parent,
    }[where]
    before = every_file(archive)
    result = run("batch", archive, "-o", outdir, "--to", "docx,json")
    assert_refused(result, "output folder")
    assert every_file(archive) == before
    assert not (archive / "out").exists()


def test_batch_refuses_an_output_folder_holding_its_manifest(archive: Path) -> None:
    outdir = archive.parent / "results"
    outdir.mkdir()
    manifest = outdir / "summary.csv"  # the name a summary would replace
    manifest.write_text("zh,en\nzh/r.txt,en/r.txt\n", encoding="utf-8")
    before = digest(manifest)
    assert_refused(run("batch", archive, "-o", outdir, "--pairs", manifest), "summary.csv")
    assert digest(manifest) == before


# --- write failures ------------------------------------------------------------------------


def test_an_output_path_under_a_file_is_one_line(work: Path) -> None:
    blocker = work / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert_refused(
        run("glossary", "convert", CUSTOMS_CSV, blocker / "out.tbx"), "part of this path is a file"
    )
    assert_refused(run("batch", work, "-o", blocker / "out"), "blocker")


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every atomic write fails as it would on a full disk."""

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("aligner.files.os.fsync", no_space)


def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_disk(monkeypatch)
    result = run("glossary", "convert", CUSTOMS_CSV, work / "out.tbx")
    assert_refused(result, "out.tbx", "No space left on device")
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]


def test_a_batch_that_cannot_write_its_summaries_is_one_line(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_disk(monkeypatch)
    outdir = archive.parent / "results"
    result = run("batch", archive, "-o", outdir, "--jobs", "1")
    assert_refused(result, "cannot write output", "No space left on device")


# --- leftovers of an interrupted run --------------------------------------------------------


def dead_pid() -> int:
    """The process id of a process that has already exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_next_write_removes_a_killed_runs_temporary_file(work: Path) -> None:
    leftover = work / f".report.json.{dead_pid()}.k3j2.tmp"
    leftover.write_text('{"half": ', encoding="utf-8")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = work / f".report.json.{sleeper.pid}.a1b2.tmp"
        busy.write_text("another run is writing this", encoding="utf-8")
        result = run(
            "align", work / "release.zh.txt", work / "release.en.txt", "-o", work / "report.json"
        )
        assert result.exit_code == 0, result.output
        assert not leftover.exists()
        assert busy.exists(), "a live writer's temporary file must be left alone"
    finally:
        sleeper.kill()
        sleeper.wait()


def test_resume_removes_temporary_files_of_a_killed_batch(archive: Path) -> None:
    outdir = archive.parent / "results"
    assert run("batch", archive, "-o", outdir, "--jobs", "1", "--to", "json").exit_code == 0
    pair_folder = next(p for p in outdir.iterdir() if p.is_dir())
    litter = [
        outdir / f".summary.json.{dead_pid()}.x1.tmp",
        pair_folder / f".qa.json.{dead_pid()}.x2.tmp",
    ]
    for path in litter:
        path.write_text("{", encoding="utf-8")
    result = run("batch", archive, "-o", outdir, "--jobs", "1", "--to", "json", "--resume")
    assert result.exit_code == 0, result.output
    assert not any(path.exists() for path in litter)


# --- things that are not files ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize(
    "command",
    [
        ["qa", "{fifo}", str(EN)],
        ["segment", "{fifo}"],
        ["glossary", "check", "{fifo}"],
        ["qa", str(ZH), str(EN), "--glossary", "{fifo}"],
    ],
)
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    """Run as a real process with a deadline: a read that blocked would hang the test."""
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    args = [part.replace("{fifo}", str(fifo)) for part in command]
    shown = subprocess.run(
        [sys.executable, "-m", "aligner.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 2, shown.stderr
    if command[:2] == ["glossary", "check"]:  # a report of problems, on standard output
        assert f"{fifo}: error: is a named pipe" in shown.stdout
    else:
        assert shown.stderr.startswith(f"{ERROR}{fifo}: is a named pipe")
        assert len(shown.stderr.splitlines()) == 1
    assert "Traceback" not in shown.stdout + shown.stderr
