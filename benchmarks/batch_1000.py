"""Time ``aligner batch`` on 1,000 release pairs and report its peak memory.

The pairs are made from the sample release by changing its figures, speaker and date
consistently in both languages (so every pair is a correct translation with its own
numbers), spread over the three naming conventions, and packed into one zip archive (or
left in a folder with ``--folder``). The batch then runs with the lexical scorer:

    .venv/bin/python benchmarks/batch_1000.py [--pairs 1000] [--jobs 2] [--to html]
        [--folder] [--keep] [--resume-run] [--samples path/to/samples]

It prints the command, the wall time, the CPU time of all processes (on a busy machine
the wall time says more about the neighbours than about aligner), the peak resident
memory of the largest single process, and the peak of the whole process tree (main
process plus workers, sampled from /proc every 0.1 s). Targets: under 2 minutes and
under 1 GB for 1,000 pairs with --jobs 2.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = "gacc-2025-01-13"
SPEAKERS = (
    ("王令浚", "Wang Lingjun"),
    ("赵增连", "Zhao Zenglian"),
    ("孙玉宁", "Sun Yuning"),
    ("吕大良", "Lyu Daliang"),
    ("张健", "Zhang Jian"),
    ("李明", "Li Ming"),
)
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Figures:
    """The numbers one generated release states, in both languages."""

    year: int
    month: int
    day: int
    speaker: int
    total: float  # 万亿元 / RMB trillion
    growth: int  # percent
    increase: float  # 万亿元 / RMB trillion
    usd_growth: float  # percent
    partners: int
    tonnes: float  # 亿吨 (hundred million tonnes)
    vehicles: float  # 万辆 (ten thousand)
    measures: int
    regional: int
    cities: int


def random_figures(rng: random.Random) -> Figures:
    return Figures(
        year=rng.randint(2021, 2026),
        month=rng.randint(1, 12),
        day=rng.randint(1, 28),
        speaker=rng.randrange(len(SPEAKERS)),
        total=round(rng.uniform(30, 50), 2),
        growth=rng.randint(1, 9),
        increase=round(rng.uniform(1.1, 3.9), 1),
        usd_growth=round(rng.uniform(1.1, 6.9), 1),
        partners=rng.choice((120, 130, 140, 150, 160)),
        tonnes=round(rng.uniform(40, 60), 2),
        vehicles=round(rng.uniform(3000, 4500), 1),
        measures=rng.randint(10, 30),
        regional=rng.randint(100, 160),
        cities=rng.randint(10, 40),
    )


def chinese(template: str, f: Figures) -> str:
    replacements = [
        ("2025年1月13日", f"{f.year}年{f.month}月{f.day}日"),
        ("王令浚", SPEAKERS[f.speaker][0]),
        ("43.85万亿元", f"{f.total:.2f}万亿元"),
        ("同比增长5%", f"同比增长{f.growth}%"),
        ("2.1万亿元", f"{f.increase:.1f}万亿元"),
        ("增长3.8%", f"增长{f.usd_growth:.1f}%"),
        ("150多个", f"{f.partners}多个"),
        ("56.03亿吨", f"{f.tonnes:.2f}亿吨"),
        ("3991.7万辆", f"{f.vehicles:.1f}万辆"),
        ("16条措施", f"{f.measures}条措施"),
        ("131条措施", f"{f.regional}条措施"),
        ("在20个城市", f"在{f.cities}个城市"),
    ]
    return replace_all(template, replacements)


def english(template: str, f: Figures) -> str:
    replacements = [
        ("January 13,2025", f"{MONTHS[f.month - 1]} {f.day},{f.year}"),
        ("Wang Lingjun", SPEAKERS[f.speaker][1]),
        ("RMB43.85 trillion", f"RMB{f.total:.2f} trillion"),
        ("up 5% year-on-year", f"up {f.growth}% year-on-year"),
        ("RMB2.1 trillion", f"RMB{f.increase:.1f} trillion"),
        ("(3.8% denominated", f"({f.usd_growth:.1f}% denominated"),
        ("over 150+ economies", f"over {f.partners}+ economies"),
        ("5.603 billion tons", f"{f.tonnes / 10:.4g} billion tons"),
        ("39.917 million", f"{f.vehicles / 100:.5g} million"),
        ("implemented 16 measures", f"implemented {f.measures} measures"),
        ("unveiled 131 measures", f"unveiled {f.regional} measures"),
        ("launched in 20 cities", f"launched in {f.cities} cities"),
    ]
    return replace_all(template, replacements)


def replace_all(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        if old not in text:
            raise SystemExit(f"the sample no longer contains {old!r}; update the benchmark")
        text = text.replace(old, new)
    return text


def member_names(number: int) -> tuple[str, str]:
    """Rotate through the naming conventions the batch pairs by."""
    stem = f"release-{number:04d}"
    style = number % 3
    if style == 0:
        return f"{stem}.zh.txt", f"{stem}.en.txt"
    if style == 1:
        return f"{stem}_zh.txt", f"{stem}_en.txt"
    return f"zh/{number // 100:02d}/{stem}.txt", f"en/{number // 100:02d}/{stem}.txt"


def generate(samples: Path, count: int) -> Iterator[tuple[str, str]]:
    """(member name, text) for every file of ``count`` pairs, reproducibly."""
    zh = (samples / f"{SAMPLE}.zh.txt").read_text(encoding="utf-8")
    en = (samples / f"{SAMPLE}.en.txt").read_text(encoding="utf-8")
    rng = random.Random(20250113)
    for number in range(count):
        figures = random_figures(rng)
        zh_name, en_name = member_names(number)
        yield zh_name, chinese(zh, figures)
        yield en_name, english(en, figures)


def write_zip(path: Path, files: Iterator[tuple[str, str]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files:
            archive.writestr(name, text)


def write_folder(path: Path, files: Iterator[tuple[str, str]]) -> None:
    for name, text in files:
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(part) for part in handle.read().split()]
    except OSError:
        return []


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, right now."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += _rss_bytes(pid)
        pending.extend(_children(pid))
    return total


def run_measured(command: list[str]) -> tuple[int, float, int]:
    """Exit code, wall seconds and sampled peak tree RSS of ``command``."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.wait(POLL_SECONDS):
            peak = max(peak, tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    finished.set()
    sampler.join()
    return code, elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--to", default="", help="deliverables per pair, as for --to")
    parser.add_argument("--folder", action="store_true", help="a folder instead of a zip")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument(
        "--resume-run", action="store_true", help="then time a second run with --resume"
    )
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="aligner-batch-bench-"))
    try:
        started = time.perf_counter()
        source = work / ("releases" if args.folder else "releases.zip")
        files = generate(args.samples, args.pairs)
        if args.folder:
            write_folder(source, files)
        else:
            write_zip(source, files)
        print(f"generated {args.pairs} pairs in {time.perf_counter() - started:.1f} s: {source}")
        aligner = Path(sys.executable).with_name("aligner")
        command = [str(aligner), "batch", str(source), "-o", str(work / "out")]
        command += ["--jobs", str(args.jobs), "--scorer", "lexical"]
        if args.to:
            command += ["--to", args.to]
        print("command:", " ".join(command), flush=True)
        code, elapsed, tree_peak = run_measured(command)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        largest = usage.ru_maxrss * 1024
        cpu = usage.ru_utime + usage.ru_stime
        totals = json.loads((work / "out" / "summary.json").read_text(encoding="utf-8"))["totals"]
        print(f"exit code: {code}")
        print(f"totals: {json.dumps(totals)}")
        print(f"wall time: {elapsed:.1f} s ({elapsed / max(args.pairs, 1) * 1000:.0f} ms/pair)")
        print(f"CPU time, all processes: {cpu:.1f} s")
        print(f"load average after the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"peak RSS, largest process: {largest / 2**20:.0f} MB")
        print(f"peak RSS, whole process tree (sampled): {tree_peak / 2**20:.0f} MB")
        if args.resume_run:
            code, elapsed, tree_peak = run_measured([*command, "--resume"])
            print(f"again with --resume: exit code {code}, wall time {elapsed:.1f} s, ", end="")
            print(f"peak RSS of the tree {tree_peak / 2**20:.0f} MB")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
