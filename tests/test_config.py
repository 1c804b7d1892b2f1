"""aligner.toml and [tool.aligner]: a team's defaults, which the command line overrides."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.config import Config, command_defaults, load_config
from aligner.errors import InputError

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "samples" / "gacc-2025-01-13.zh.txt"
EN = REPO / "samples" / "gacc-2025-01-13.en.txt"

CHECKLIST = """[[rule]]
name = "no-speech"
zh = "讲话"
condition = "zh-must-not-match"
severity = "error"
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


def _qa_json(*extra: str) -> tuple[int, list[dict[str, str]]]:
    result = CliRunner().invoke(
        main, ["qa", str(ZH), str(EN), "--scorer", "lexical", "--format", "json", *extra]
    )
    if result.exit_code == 2:
        return 2, [{"error": result.stderr}]
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_no_file_means_no_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()
    assert command_defaults(Config()) == {"align": {}, "qa": {}, "batch": {}}


def test_aligner_toml_sets_checklists_checks_and_severities(workdir: Path) -> None:
    (workdir / "house.toml").write_text(CHECKLIST, encoding="utf-8")
    (workdir / "aligner.toml").write_text(
        'checklists = ["house.toml"]\nchecks = ["checklist"]\nfail-on = "warning"\n'
        'default-checklist = false\n[severity]\nchecklist = "warning"\n',
        encoding="utf-8",
    )
    code, findings = _qa_json()
    assert code == 1
    assert [(f["check"], f["severity"]) for f in findings] == [("checklist", "warning")]
    # The command line wins: its severity, its checks, its --fail-on.
    code, findings = _qa_json("--severity", "checklist=info", "--fail-on", "error")
    assert code == 0 and [f["severity"] for f in findings] == ["info"]
    code, findings = _qa_json("--check", "polarity")
    assert findings == []


def test_pyproject_tool_aligner_table(workdir: Path) -> None:
    (workdir / "words.txt").write_text("# names\neaisly\n", encoding="utf-8")
    (workdir / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.aligner]\nwords = ["words.txt"]\nscorer = "lexical"\n',
        encoding="utf-8",
    )
    config = load_config()
    assert config.words == ("words.txt",) and config.scorer == "lexical"
    assert command_defaults(config)["qa"]["words"] == ["words.txt"]
    assert command_defaults(config)["align"] == {"scorer": "lexical"}


def test_a_pyproject_without_the_table_is_no_configuration(workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config() == Config()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('glossary = ["a.tbx"]\n', "key glossary: unknown setting"),
        ('checks = ["term", "nope"]\n', "key checks: unknown check 'nope'"),
        ('fail-on = "sometimes"\n', "key fail-on: expected one of error, warning, never"),
        ("default-glossary = 1\n", "key default-glossary: expected true or false"),
        ("words = [3]\n", "key words: expected a file name"),
        ('[severity]\nspelling = "loud"\n', "key severity.spelling: expected one of"),
        ('[severity]\nspeling = "info"\n', "key severity.speling: unknown check"),
        ("checks = [\n", "not valid TOML"),
    ],
)
def test_a_malformed_configuration_names_the_file_and_the_key(
    workdir: Path, text: str, problem: str
) -> None:
    (workdir / "aligner.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config()
    assert caught.value.path == "aligner.toml"
    assert problem in caught.value.problem
    result = CliRunner().invoke(main, ["qa", str(ZH), str(EN)])
    assert result.exit_code == 2
    assert result.stderr.startswith("aligner: error: aligner.toml: ")
    assert problem in result.stderr


def test_the_pyproject_key_is_named_with_its_table(workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text('[tool.aligner]\nscorer = "fast"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(ZH), str(EN)])
    assert result.exit_code == 2
    assert "pyproject.toml: key tool.aligner.scorer: expected one of" in result.stderr


def test_a_bad_severity_option_is_one_line() -> None:
    code, findings = _qa_json("--severity", "spelling=loud")
    assert code == 2 and "--severity: 'spelling=loud'" in findings[0]["error"]


def test_accepted_findings_are_a_default_of_the_accepted_option(workdir: Path) -> None:
    (workdir / "aligner.toml").write_text('accepted = ["ok.txt"]\n', encoding="utf-8")
    assert command_defaults(load_config())["qa"]["accepted_files"] == ["ok.txt"]
