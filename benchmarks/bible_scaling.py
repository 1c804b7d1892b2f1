"""How aligning grows with document length: the Bible repeated 1, 2, 4 and 8 times.

Each side is written to a temporary folder as the book repeated k times (so the 8x
document has 50,408 Chinese and 40,000 English sentences) and aligned with the real
command under /usr/bin/time -v. Wall time and peak memory are printed per k with their
ratio to k = 1: a linear search gives time ratios near k (less, as start-up is paid once)
and memory that grows far slower than k. Targets: 8x within 10 times the 1x wall time and
8 times its peak memory.

    .venv/bin/python benchmarks/bible_scaling.py [--shared ../shared] [--runs 1]
        [--times 1,2,4,8] [--scorer lexical]

With ``--runs`` above 1 the sizes are interleaved (1, 2, 4, 8, 1, 2, ...) and medians shown.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bible import REPO, Run, aligner_command, environment, median, timed


def repeat(source: Path, times: int, target: Path) -> Path:
    """``source`` written ``times`` times over into ``target``."""
    text = source.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    target.write_text(text * times, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--times", default="1,2,4,8", help="repetitions, comma-separated")
    parser.add_argument("--scorer", default="lexical", choices=["lexical", "auto", "hybrid"])
    args = parser.parse_args()
    bible = args.shared / "corpora" / "bible"
    sizes = [int(x) for x in args.times.split(",")]
    runs: dict[int, list[Run]] = {k: [] for k in sizes}
    lines: dict[int, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = {}
        for k in sizes:
            zh = repeat(bible / "bible.zh", k, folder / f"bible-{k}.zh")
            en = repeat(bible / "bible.en", k, folder / f"bible-{k}.en")
            inputs[k] = (zh, en)
            lines[k] = (
                len(zh.read_text(encoding="utf-8").splitlines()),
                len(en.read_text(encoding="utf-8").splitlines()),
            )
        for _ in range(args.runs):
            for k in sizes:
                zh, en = inputs[k]
                command = aligner_command(zh, en, args.scorer, folder / f"bible-{k}.links")
                runs[k].append(timed(command, env=environment()))
    first = median(runs[sizes[0]])
    print(f"aligner align --split-lines --no-default-glossary --scorer {args.scorer}")
    print(f"runs: {args.runs} per size; medians; ratios to {sizes[0]}x")
    print(
        f"{'size':>5} {'zh x en sentences':>18} {'wall s':>8} {'ratio':>6} {'user s':>8} "
        f"{'peak RSS MB':>12} {'ratio':>6}"
    )
    for k in sizes:
        middle = median(runs[k])
        zh_lines, en_lines = lines[k]
        print(
            f"{k:>4}x {zh_lines:>8,} x {en_lines:<7,} {middle.wall:8.2f} "
            f"{middle.wall / first.wall:6.2f} {middle.user:8.2f} {middle.rss_mb:12.0f} "
            f"{middle.rss_mb / first.rss_mb:6.2f}"
        )


if __name__ == "__main__":
    main()
