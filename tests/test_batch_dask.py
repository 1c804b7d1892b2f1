"""Batch runs on a Dask cluster (``--scheduler``): the local pool's outputs, from afar.

A ``distributed.LocalCluster`` with two worker processes stands in for machines elsewhere.
The runs must leave byte-identical summaries and per-pair files to a run on the local
process pool, resume the same way, and finish every pair when a worker process is killed
in the middle. Without Dask installed the cluster tests are skipped with the reason
(``.ci/run`` installs the extra, and with ``CI=true`` or ``ALIGNER_REQUIRE_DASK=1`` a missing
Dask fails instead); the one-line refusal of ``--scheduler`` without Dask is tested always.
"""

from __future__ import annotations

import builtins
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aligner.batch import BatchOptions, run_batch
from aligner.batch.model import PairResult
from aligner.cli import main
from aligner.pipeline import AlignOptions

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
SPEAKERS = (("王令浚", "Wang Lingjun"), ("赵增连", "Zhao Zenglian"), ("孙玉宁", "Sun Yuning"))


def _missing() -> str | None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return "Dask is not installed (pip install -e '.[dask]')"
    return None


MISSING = _missing()
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("ALIGNER_REQUIRE_DASK") == "1"
needs_dask = pytest.mark.skipif(MISSING is not None and not REQUIRED, reason=MISSING or "")


def releases(folder: Path, count: int) -> Path:
    """``count`` pairs (speaker and growth figure varied), a broken pair and a stray file."""
    for number in range(count):
        zh_name, en_name = SPEAKERS[number % len(SPEAKERS)]
        growth = 1 + number % 9
        zh = ZH.replace("王令浚", zh_name).replace("同比增长5%", f"同比增长{growth}%")
        en = EN.replace("Wang Lingjun", en_name).replace(
            "up 5% year-on-year", f"up {growth}% year-on-year"
        )
        (folder / f"release-{number:02d}.zh.txt").write_text(zh, encoding="utf-8")
        (folder / f"release-{number:02d}.en.txt").write_text(en, encoding="utf-8")
    (folder / "broken.zh.txt").write_bytes(b"\x00\x01\x02 not a text file \xff\xfe")
    (folder / "broken.en.txt").write_text(EN, encoding="utf-8")
    (folder / "notes.md").write_text("# not a release", encoding="utf-8")
    return folder


def files_of(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    if MISSING is not None:
        pytest.fail(MISSING, pytrace=False)
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("releases")
    return releases(folder, 8)


@pytest.fixture(scope="module")
def local_run(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("local") / "out"
    result = run_cli(str(inputs), "-o", str(outdir), "--jobs", "2", "--scorer", "lexical",
                     "--to", "html,json,xliff")  # fmt: skip
    assert result.exit_code == 1, result.output  # the broken pair fails
    return outdir


@needs_dask
def test_a_cluster_run_writes_what_the_local_pool_writes(
    cluster: Any, inputs: Path, local_run: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    result = run_cli(str(inputs), "-o", str(outdir), "--scheduler", cluster.scheduler_address,
                     "--scorer", "lexical", "--to", "html,json,xliff")  # fmt: skip
    assert result.exit_code == 1, result.output
    written, expected = files_of(outdir), files_of(local_run)
    assert sorted(written) == sorted(expected)
    for name in ("summary.json", "summary.csv", "summary.html"):
        assert written[name] == expected[name], name
    assert written == expected
    assert b'"failed"' in written["summary.json"] and b"broken" in written["summary.json"]
    assert "release-07/release-07.xlf" in written


@needs_dask
def test_resume_on_a_cluster_skips_what_is_done(
    cluster: Any, inputs: Path, local_run: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    args = (str(inputs), "-o", str(outdir), "--scheduler", cluster.scheduler_address,
            "--scorer", "lexical", "--to", "html,json,xliff")  # fmt: skip
    run_cli(*args)
    (outdir / "release-03" / "release-03.html").unlink()
    result = run_cli(*args, "--resume")
    assert "1 checked, 7 unchanged, 1 failed" in result.output
    assert (
        files_of(outdir)["release-03/release-03.html"]
        == files_of(local_run)["release-03/release-03.html"]
    )


class _KillOneWorker:
    """Progress that kills one worker process once the first pairs have come back."""

    def __init__(self, pid: int, after: int) -> None:
        self.pid = pid
        self.after = after
        self.results: list[PairResult] = []
        self.killed = False

    def start(self, total: int) -> None:
        return None

    def advance(self, result: PairResult) -> None:
        self.results.append(result)
        if len(self.results) == self.after:
            os.kill(self.pid, signal.SIGKILL)
            self.killed = True


@needs_dask
def test_pairs_of_a_killed_worker_are_finished_by_another(
    inputs: Path, local_run: Path, tmp_path: Path
) -> None:
    if MISSING is not None:
        pytest.fail(MISSING, pytrace=False)
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as doomed:
        with Client(doomed.scheduler_address) as client:
            victim = next(iter(client.run(os.getpid).values()))
        outdir = tmp_path / "out"
        options = BatchOptions(
            inputs=(str(inputs),),
            outdir=str(outdir),
            align=AlignOptions(scorer="lexical"),
            # As the command line gives them: deliverables in the registry's order.
            deliverables=("xliff", "html", "json"),
            handout="clean",
            scheduler=doomed.scheduler_address,
        )
        progress = _KillOneWorker(victim, after=2)
        summary = run_batch(options, progress)
    assert progress.killed
    statuses = {document.name: document.status for document in summary.documents}
    assert statuses == {**{f"release-{n:02d}": "ok" for n in range(8)}, "broken": "failed"}
    written, expected = files_of(outdir), files_of(local_run)
    assert written["summary.json"] == expected["summary.json"]
    assert written == expected


def test_scheduler_without_dask_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    (tmp_path / "in").mkdir()
    source = releases(tmp_path / "in", 1)
    result = CliRunner().invoke(
        main, ["batch", str(source), "-o", str(tmp_path / "out"), "--scheduler", "tcp://x:8786"]
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "aligner: error: --scheduler: needs Dask, which is not installed: "
        "pip install 'aligner[dask]'"
    ]
    assert not (tmp_path / "out").exists()
