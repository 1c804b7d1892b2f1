"""What one short document costs from start to finish: ``aligner qa`` on the sample.

A press office checks one release at a time, so the price of starting up (imports, the
lexicon, the glossary, the spelling dictionary, the checks' patterns) is paid on every
release. This runs the real command on the bundled sample (lexical scorer) and prints the
median wall time and peak memory over ``--runs``, with the derived tables already in the
user cache folder (the usual case) and once with an empty cache folder (the first run
after installing or upgrading). Then, in a fresh process each time, it times each stage of
the same work through the library, so the figure can be traced to where it goes:

    .venv/bin/python benchmarks/fixed_cost.py [--runs 9] [--baseline SRC]

``--baseline SRC`` also runs the command from another copy of the package (a ``src`` folder,
for example of an earlier commit: ``git archive REV src | tar -x -C /tmp/old``, then
``--baseline /tmp/old/src``), interleaved with this one, and prints the ratio of the medians.

Python's bytecode caches are allowed (PYTHONDONTWRITEBYTECODE is cleared for the runs),
as they are in any installed copy. Timings on a shared machine vary; the load average is
printed so a busy run can be recognised.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from launch import aligner_command

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "samples" / "gacc-2025-01-13.zh.txt"
EN = REPO / "samples" / "gacc-2025-01-13.en.txt"

# One fresh process: the stages of `aligner qa ZH EN --scorer lexical`, timed apart.
STAGES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
import aligner.cli
mark("import the command line")
from aligner.pipeline import (AlignOptions, OutputSettings, QAOptions, align_documents,
    load_glossary_entries, load_pair, make_scorer, qa_report, render)
options = AlignOptions(scorer="lexical")
entries = load_glossary_entries(options)
mark("glossary")
source, target = load_pair(sys.argv[1], sys.argv[2])
mark("read and segment")
from aligner.lexicon.cedict import load_lexicon
load_lexicon()
mark("lexicon (from the cache)")
scorer = make_scorer(options, entries)
mark("lexical scorer: imports, glossary table (align/)")
alignment = align_documents(source, target, options, entries, scorer=scorer)
mark("alignment (align/)")
report = qa_report(alignment, entries, qa=QAOptions())
mark("QA checks, first document")
render(report, "text", OutputSettings(with_qa=True))
mark("terminal report")
qa_report(alignment, entries, qa=QAOptions())
mark("QA checks, same document again")
print(json.dumps([[name, b - a] for (_, a), (name, b) in zip(marks, marks[1:])]))
"""


def environment(cache: str | None = None, source: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is not None:
        env["XDG_CACHE_HOME"] = cache
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def run_command(env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``aligner qa`` run, from /usr/bin/time."""
    command = ["/usr/bin/time", "-f", "%e %M"]
    command += aligner_command("qa", str(ZH), str(EN), "--scorer", "lexical")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    wall, rss = re.findall(r"([\d.]+) (\d+)\s*$", done.stderr)[-1]
    return float(wall), int(rss) / 1024


def stages(env: dict[str, str]) -> list[tuple[str, float]]:
    done = subprocess.run(
        [sys.executable, "-c", STAGES, str(ZH), str(EN)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return [(name, seconds) for name, seconds in json.loads(done.stdout.splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--baseline", type=Path, help="another copy's src folder to compare")
    args = parser.parse_args()
    env = environment()
    run_command(env)  # bytecode and the derived tables in place
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"command: aligner qa {ZH.name} {EN.name} --scorer lexical")

    startup = []
    for _ in range(args.runs):
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e", sys.executable, "-c", "pass"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        startup.append(float(done.stderr.split()[-1]))
    baseline_env = environment(source=args.baseline) if args.baseline else None
    runs: list[tuple[float, float]] = []
    baseline: list[float] = []
    if baseline_env is not None:
        run_command(baseline_env)
    for _ in range(args.runs):
        runs.append(run_command(env))
        if baseline_env is not None:
            baseline.append(run_command(baseline_env)[0])
    walls = sorted(wall for wall, _ in runs)
    print(
        f"warm cache: median {statistics.median(walls):.3f} s wall "
        f"(min {walls[0]:.3f}, max {walls[-1]:.3f}, {args.runs} runs), "
        f"peak RSS {statistics.median(rss for _, rss in runs):.0f} MB"
    )
    print(f"  of which the interpreter starting: {statistics.median(startup):.3f} s")
    if baseline:
        old = statistics.median(baseline)
        print(
            f"baseline {args.baseline}: median {old:.3f} s wall, interleaved; "
            f"this copy takes {statistics.median(walls) / old:.2f}× its time"
        )
    with tempfile.TemporaryDirectory(prefix="aligner-cold-cache-") as cold:
        wall, rss = run_command(environment(cold))
        print(f"empty cache (first run after installing): {wall:.3f} s wall, {rss:.0f} MB")

    table: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for name, seconds in stages(env):
            table.setdefault(name, []).append(seconds)
    print(f"\nstages in one process (median of {args.runs}, ms):")
    for name, values in table.items():
        print(f"  {name:<45} {statistics.median(values) * 1000:7.1f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
