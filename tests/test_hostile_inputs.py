"""Every hostile or careless input of the corpus in ``hostile.py`` is handled cleanly.

The promises are the same for every case: the command ends (no hang), without a traceback,
with exit 0 or 1 when it accepts the input and 2 when it refuses it, a refusal is one line
on standard error naming a file or an option, and no input file is modified.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner

from aligner.cli import main
from hostile import Case, cases

CORPUS = cases()
DEADLINE_SECONDS = 120
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def materialise(case: Case, folder: Path) -> list[str]:
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name in case.fifos:
        os.mkfifo(folder / name)
    return [PLACEHOLDER.sub(lambda m: str(folder / m.group(1)), part) for part in case.argv]


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.fixture()
def deadline() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(DEADLINE_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_corpus_is_large_and_covers_every_class() -> None:
    kinds = {case.kind for case in CORPUS}
    assert len(CORPUS) >= 250
    assert {
        "empty or blank",
        "binary",
        "encodings",
        "html labels",
        "html structure",
        "docx",
        "glossary",
        "bilingual",
        "not a file",
        "outputs onto inputs",
        "options",
    } <= kinds
    assert len({case.name for case in CORPUS}) == len(CORPUS)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the deadline needs POSIX signals")
@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_hostile_input_is_handled_cleanly(case: Case, tmp_path: Path) -> None:
    argv = materialise(case, tmp_path)
    before = snapshot(tmp_path)
    try:
        result = CliRunner().invoke(main, argv, catch_exceptions=True)
    except Hang:
        pytest.fail(f"{case.name}: no answer within {DEADLINE_SECONDS} s")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{case.name}: traceback") from result.exception
    assert result.exit_code in (0, 1, 2), result.output
    if case.expect == "refuse":
        assert result.exit_code == 2, f"{case.name} was accepted:\n{result.output[-400:]}"
    elif case.expect == "accept":
        assert result.exit_code in (0, 1), result.output
    if result.exit_code == 2:
        assert_one_line_refusal(case, result.output)
    after = snapshot(tmp_path)
    assert {name: after.get(name) for name in before} == before, "an input was modified"


def assert_one_line_refusal(case: Case, output: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    if case.argv[:2] == ("glossary", "check"):
        # A report of every problem, then a total line; still no traceback.
        assert lines and "error" in output, output
        return
    if lines and lines[0].startswith("Usage:"):
        assert lines[-1].startswith("Error: "), output  # click's usage error block
        return
    assert len(lines) == 1 and lines[0].startswith("aligner: error: "), output
