"""How the ``aligner`` process ends: the status a shell sees, the output it was promised,
the exit handlers run, and nothing cut short when other work is still going on."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.__main__ import exit_status
from aligner.cli import main

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "samples" / "gacc-2025-01-13.zh.txt"
EN = REPO / "samples" / "gacc-2025-01-13.en.txt"
SCRIPT = Path(sys.executable).parent / "aligner"


def command(*args: object) -> list[str]:
    return [str(SCRIPT), *map(str, args)]


def environment(cache: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(cache)}


def test_the_script_prints_what_the_command_prints(tmp_path: Path) -> None:
    shown = subprocess.run(
        command("qa", ZH, EN, "--scorer", "lexical"),
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        check=False,
    )
    in_process = CliRunner().invoke(main, ["qa", str(ZH), str(EN), "--scorer", "lexical"])
    assert shown.returncode == in_process.exit_code == 0, shown.stderr
    assert shown.stdout == in_process.stdout
    assert "Traceback" not in shown.stderr


def test_exit_handlers_run_before_the_process_ends(tmp_path: Path) -> None:
    # The compiled-pattern cache is written by an exit handler: it must be there after
    # a run that started with an empty cache folder.
    done = subprocess.run(
        command("segment", EN), capture_output=True, env=environment(tmp_path), check=False
    )
    assert done.returncode == 0, done.stderr
    saved = [p.name for p in (tmp_path / "aligner").iterdir() if p.name.startswith("patterns-")]
    assert saved, sorted(p.name for p in (tmp_path / "aligner").iterdir())


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aligner", "segment", ZH],
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].strip()


def test_usage_errors_keep_their_status(tmp_path: Path) -> None:
    done = subprocess.run(
        command("qa", "--no-such-option"),
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        check=False,
    )
    assert done.returncode == 2
    assert "No such option" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            command("segment", EN),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(tmp_path),
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("aligner: error: standard output: ")
    assert "Traceback" not in done.stderr


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    long_text = tmp_path / "long.en.txt"  # far more than a pipe holds
    long_text.write_text("The port handled more cargo this year. " * 20_000, encoding="utf-8")
    reader = subprocess.Popen(["head", "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert reader.stdin is not None
    done = subprocess.run(
        command("segment", long_text),
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(tmp_path),
        check=False,
    )
    reader.stdin.close()
    assert reader.stdout is not None
    first = reader.stdout.read()
    reader.wait()
    assert done.returncode == 0
    assert first.strip() and "Traceback" not in done.stderr


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2)])
def test_exit_status_of_a_number(code: int | None, status: int) -> None:
    assert exit_status(code) == status


def test_exit_status_of_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status("stopped: no input") == 1
    assert capsys.readouterr().err == "stopped: no input\n"


def test_not_alone_while_another_thread_or_a_child_process_works() -> None:
    # In a fresh interpreter: the test session itself keeps threads of its own.
    probe = """
import multiprocessing, threading, time
from aligner.__main__ import alone
seen = [alone()]
release = threading.Event()
worker = threading.Thread(target=release.wait)
worker.start()
seen.append(alone())
release.set()
worker.join()
seen.append(alone())
child = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(30,))
child.start()
seen.append(alone())
child.terminate()
child.join()
seen.append(alone())
print(seen)
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[True, False, True, False, True]"


def test_long_runs_collect_cycles_again(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "001.align").write_text("[0]:[0]\n[1]:[1,2]\n", encoding="utf-8")
    gc.disable()
    try:
        result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--pred", str(gold)])
        assert result.exit_code == 0, result.output
        assert gc.isenabled()
    finally:
        gc.enable()
