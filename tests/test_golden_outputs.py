"""Every deliverable of the sample and of a small batch, byte for byte as last approved.

Restructuring the code must not change what users receive. These tests write every output
format for the bundled sample, and run a batch over two pairs, and compare each file with
the approved copy in ``tests/data/golden``. When an output is meant to change, regenerate
the copies and review the difference like any other change:

    ALIGNER_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_outputs.py
    git diff tests/data/golden

DOCX files are compared part by part (the XML inside the zip), so a change of zip
compression alone would not count as a change of the handout.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from conftest import SAMPLES

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
REGENERATE = os.environ.get("ALIGNER_REGENERATE_GOLDEN") == "1"
# The lexical scorer needs no optional model, so the approved copies hold on every machine
# whatever the default scorer finds installed.
PINNED = ("--scorer", "lexical")
SAMPLE_OUTPUTS = ("s.docx", "s.xlf", "s.tmx", "s.json", "s.html", "s.tsv", "s.csv", "s.links")


def expanded(path: Path) -> dict[str, bytes]:
    """A file's comparable content: its parts for a DOCX, its bytes otherwise."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in sorted(archive.namelist())}
    return {"": path.read_bytes()}


def compare(produced: Path, approved: Path) -> None:
    if REGENERATE:
        approved.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(produced, approved)
        return
    assert approved.is_file(), f"no approved copy of {approved.name}; regenerate the golden files"
    mine, theirs = expanded(produced), expanded(approved)
    assert sorted(mine) == sorted(theirs), f"{approved.name}: parts differ"
    for part in mine:
        assert mine[part] == theirs[part], f"{approved.name} {part}: content differs"


def run_in(folder: Path, command: str, *args: str) -> None:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, [command, *PINNED, *args])
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), result.output


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    for name in ("gacc-2025-01-13.zh.txt", "gacc-2025-01-13.en.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("xliff", ["1.2", "2.1"])
def test_sample_outputs_are_unchanged(sample: Path, xliff: str) -> None:
    outputs = [f"out/{name}" for name in SAMPLE_OUTPUTS]
    run_in(
        sample,
        "qa",
        "gacc-2025-01-13.zh.txt",
        "gacc-2025-01-13.en.txt",
        "--xliff-version",
        xliff,
        *[part for name in outputs for part in ("-o", name)],
    )
    for name in SAMPLE_OUTPUTS:
        if name.endswith(".xlf") or xliff == "1.2":
            approved = f"xliff{xliff}-{name}" if name.endswith(".xlf") else name
            compare(sample / "out" / name, GOLDEN / "sample" / approved)


def test_review_handout_is_unchanged(sample: Path) -> None:
    """The handout for reviewers (the command line's default is the clean one above)."""
    run_in(
        sample,
        "qa",
        "gacc-2025-01-13.zh.txt",
        "gacc-2025-01-13.en.txt",
        "--handout",
        "review",
        "-o",
        "out/s-review.docx",
    )
    compare(sample / "out" / "s-review.docx", GOLDEN / "sample" / "s-review.docx")


def test_terminal_views_are_unchanged(sample: Path) -> None:
    for command, name in (("align", "align.txt"), ("qa", "qa.txt")):
        cwd = Path.cwd()
        os.chdir(sample)
        try:
            result = CliRunner(env={"COLUMNS": "120"}).invoke(
                main, [command, *PINNED, "gacc-2025-01-13.zh.txt", "gacc-2025-01-13.en.txt"]
            )
        finally:
            os.chdir(cwd)
        assert result.exit_code in (0, 1), result.output
        (sample / name).write_text(result.stdout, encoding="utf-8")
        compare(sample / name, GOLDEN / "sample" / name)


def test_batch_outputs_are_unchanged(sample: Path) -> None:
    releases = sample / "releases"
    for side in ("zh", "en"):
        (releases / side).mkdir(parents=True)
        text = (sample / f"gacc-2025-01-13.{side}.txt").read_text(encoding="utf-8")
        (releases / side / "gacc.txt").write_text(text, encoding="utf-8")
        # A second release with a wrong figure and a changed term, so findings differ.
        changed = text.replace("5%", "6%").replace("Free Trade Zone", "free-trade area")
        (releases / side / "changed.txt").write_text(changed, encoding="utf-8")
    (releases / "zh" / "unpaired.txt").write_text("只有中文。\n", encoding="utf-8")
    run_in(
        sample,
        "batch",
        "releases",
        "-o",
        "results",
        "--jobs",
        "1",
        "--to",
        "docx,xliff,tmx,html,json",
    )
    produced = sorted(
        p for p in (sample / "results").rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    assert len(produced) >= 15
    for path in produced:
        compare(path, GOLDEN / "batch" / path.relative_to(sample / "results"))
    if not REGENERATE:
        approved = sorted(p for p in (GOLDEN / "batch").rglob("*") if p.is_file())
        assert [p.relative_to(GOLDEN / "batch") for p in approved] == [
            p.relative_to(sample / "results") for p in produced
        ]
