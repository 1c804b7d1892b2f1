"""Batch throughput with 1, 2 and N workers: the local process pool against a Dask cluster.

The 1,000 generated release pairs of ``batch_1000.py`` (one zip archive) are checked with
``aligner batch --scorer lexical`` once per setting: ``--jobs K`` on the local process pool,
and ``--scheduler`` on a ``distributed.LocalCluster`` of K single-threaded worker processes
started by this script (the cluster's start-up is not counted; the command's is). Every
run must leave the same summary.json as the local run with the most workers, byte for byte:

    .venv/bin/python benchmarks/batch_scaling.py [--pairs 1000] [--workers 1,2,4] [--to html]

It prints pairs per second for each setting and the ratio to one local worker, measured in
one sitting; on a shared machine, look at the load average printed with them.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from batch_1000 import DEFAULT_SAMPLES, generate, run_measured, write_zip

from aligner.batch.running.runner import available_cpus


def command(source: Path, outdir: Path, to: str) -> list[str]:
    aligner = Path(sys.executable).with_name("aligner")
    found = [str(aligner), "batch", str(source), "-o", str(outdir), "--scorer", "lexical"]
    return [*found, "--to", to] if to else found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--workers", default=f"1,2,{available_cpus()}")
    parser.add_argument("--to", default="", help="deliverables per pair, as for --to")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    args = parser.parse_args()
    counts = sorted({int(part) for part in args.workers.split(",")})
    try:
        from distributed import LocalCluster
    except ImportError:
        raise SystemExit("needs Dask: pip install -e '.[dask]'") from None

    work = Path(tempfile.mkdtemp(prefix="aligner-batch-scaling-"))
    try:
        source = work / "releases.zip"
        write_zip(source, generate(args.samples, args.pairs))
        print(f"{args.pairs} generated pairs: {source}; {available_cpus()} CPUs")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        rows: list[tuple[str, int, float, bool]] = []
        summaries: dict[tuple[str, int], bytes] = {}
        for workers in counts:
            outdir = work / f"local-{workers}"
            run = [*command(source, outdir, args.to), "--jobs", str(workers)]
            code, elapsed, _ = run_measured(run)
            summaries[("local", workers)] = (outdir / "summary.json").read_bytes()
            rows.append(("local pool", workers, elapsed, code in (0, 1)))
            print(f"local pool, {workers} workers: {elapsed:.1f} s", flush=True)
        for workers in counts:
            with LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster:
                outdir = work / f"dask-{workers}"
                run = [*command(source, outdir, args.to), "--scheduler", cluster.scheduler_address]
                started = time.perf_counter()
                code, elapsed, _ = run_measured(run)
                elapsed = time.perf_counter() - started
            summaries[("dask", workers)] = (outdir / "summary.json").read_bytes()
            rows.append(("Dask LocalCluster", workers, elapsed, code in (0, 1)))
            print(f"Dask LocalCluster, {workers} workers: {elapsed:.1f} s", flush=True)

        reference = summaries[("local", counts[-1])]
        base = next(elapsed for kind, workers, elapsed, _ in rows if kind == "local pool")
        print(f"\n{'runner':<18} {'workers':>7} {'seconds':>8} {'pairs/s':>8} {'× 1 local':>9}  "
              "summary.json")  # fmt: skip
        for kind, workers, elapsed, ran in rows:
            key = ("local" if kind == "local pool" else "dask", workers)
            same = "identical" if summaries[key] == reference else "DIFFERENT"
            status = same if ran else "command failed"
            print(
                f"{kind:<18} {workers:>7} {elapsed:>8.1f} {args.pairs / elapsed:>8.1f} "
                f"{base / elapsed:>9.2f}  {status}"
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
