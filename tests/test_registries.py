"""The help texts and choices follow the output and check registries, and a new format is
one module plus one registry row."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import aligner.cli
from aligner.checks.registry import CHECKS
from aligner.formats import registry
from conftest import SAMPLES

ZH = str(SAMPLES / "gacc-2025-01-13.zh.txt")
EN = str(SAMPLES / "gacc-2025-01-13.en.txt")
TOY = registry.OutputFormat(
    "toy", (".toy",), "toy_format:toy_bytes", "links as sentence counts", deliverable=True
)


def help_of(cli: ModuleType, *command: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli.main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_output_help_lists_every_extension_of_the_registry() -> None:
    shown = help_of(aligner.cli, "align")
    for output in registry.OUTPUTS:
        for extension in output.extensions:
            assert extension in shown


def test_format_choices_are_the_printable_outputs() -> None:
    assert f"[{'|'.join(f.name for f in registry.printable('align'))}]" in help_of(
        aligner.cli, "align"
    )
    assert f"[{'|'.join(f.name for f in registry.printable('qa'))}]" in help_of(aligner.cli, "qa")


def test_batch_offers_every_deliverable_of_the_registry() -> None:
    shown = help_of(aligner.cli, "batch")
    assert ", ".join(f.name for f in registry.deliverables()) in shown


def test_qa_help_and_check_choices_follow_the_check_registry() -> None:
    shown = help_of(aligner.cli, "qa")
    for spec in CHECKS:
        assert f"{spec.name} {spec.summary}" in shown
    assert "|".join(spec.name for spec in CHECKS) in shown


@pytest.fixture()
def toy_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The command line rebuilt with one more row in the output registry."""
    monkeypatch.setattr(registry, "OUTPUTS", (*registry.OUTPUTS, TOY))
    yield importlib.reload(aligner.cli)
    monkeypatch.undo()
    importlib.reload(aligner.cli)


def test_a_new_format_is_one_module_and_one_row(toy_cli: ModuleType, tmp_path: Path) -> None:
    assert ".toy links as sentence counts" in help_of(toy_cli, "align")
    assert "toy" in help_of(toy_cli, "batch")
    target = tmp_path / "release.toy"
    result = CliRunner().invoke(toy_cli.main, ["align", ZH, EN, "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="ascii").split()
    assert len(lines) == 37 and all(">" in line for line in lines)
    outdir = tmp_path / "out"
    releases = tmp_path / "in"
    for side, path in (("zh", ZH), ("en", EN)):
        (releases / side).mkdir(parents=True)
        (releases / side / "r.txt").write_bytes(Path(path).read_bytes())
    result = CliRunner().invoke(
        toy_cli.main, ["batch", str(releases), "-o", str(outdir), "--to", "toy", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert (outdir / "r" / "r.toy").read_text(encoding="ascii") == target.read_text(
        encoding="ascii"
    )
