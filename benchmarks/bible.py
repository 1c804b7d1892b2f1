"""Speed and memory of aligning one long document: the zh–en Bible (6,301 × 5,000 sentences).

Runs the real command under /usr/bin/time -v, so start-up, reading, lexicon loading and
writing are all counted, and prints wall time and peak resident memory (median of
``--runs``). It also scores the result at verse level against the corpus's verse gold
(predicted links that fall inside the same verses are merged first, as the corpus README
asks), to show that speed was not bought with accuracy.

    .venv/bin/python benchmarks/bible.py [--shared ../shared] [--runs 3] [--scorer lexical]

Targets for the lexical scorer: under 30 s wall and under 500 MB peak RSS on a 2-core
machine. With ``--scorer auto`` (hybrid) the first run embeds about 39,000 sentence
windows; later runs find them in the embedding cache. ``--cold`` points the cache at an
empty temporary folder for every run, to time the first run.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from aligner.align.evaluate import count, scores
from aligner.formats.links import parse_links

REPO = Path(__file__).resolve().parents[1]


def measure(
    zh: Path, en: Path, scorer: str, out: Path, cache_home: str | None = None
) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one ``aligner align`` run (``cache_home``:
    where the embedding cache lives, if not the user's)."""
    command = [
        "/usr/bin/time",
        "-v",
        str(Path(sys.executable).parent / "aligner"),
        "align",
        "--split-lines",
        "--no-default-glossary",
        "--scorer",
        scorer,
        str(zh),
        str(en),
        "-o",
        str(out),
    ]
    environment = dict(os.environ)
    if cache_home is not None:
        environment["XDG_CACHE_HOME"] = cache_home
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if not wall or not rss:
        raise SystemExit("could not read /usr/bin/time output:\n" + result.stderr)
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return seconds, int(rss.group(1)) / 1024


def verse_level(
    links: list[tuple[tuple[int, ...], tuple[int, ...]]], zh_verse: list[str], en_verse: list[str]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Merge consecutive predicted links that share a verse, then widen them to whole verses."""
    groups: list[tuple[set[str], set[str]]] = []
    for zh, en in links:
        zv = {zh_verse[i] for i in zh}
        ev = {en_verse[j] for j in en}
        if groups and (groups[-1][0] & zv or groups[-1][1] & ev):
            groups[-1][0].update(zv)
            groups[-1][1].update(ev)
        else:
            groups.append((zv, ev))
    merged = []
    for zv, ev in groups:
        zh_ids = tuple(i for i, v in enumerate(zh_verse) if v in zv) if zv else ()
        en_ids = tuple(j for j, v in enumerate(en_verse) if v in ev) if ev else ()
        merged.append((zh_ids, en_ids))
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scorer", default="lexical", choices=["auto", "lexical", "semantic", "hybrid", "ensemble"]
    )
    parser.add_argument("--cold", action="store_true", help="empty embedding cache every run")
    args = parser.parse_args()
    bible = args.shared / "corpora" / "bible"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bible.links"
        runs = []
        zh, en = bible / "bible.zh", bible / "bible.en"
        for run in range(args.runs):
            cache_home = str(Path(tmp) / f"cache-{run}") if args.cold else None
            runs.append(measure(zh, en, args.scorer, out, cache_home))
        predicted = parse_links(out.read_text(encoding="utf-8"))
    zh_verse = (bible / "zh.verse").read_text(encoding="utf-8").splitlines()
    en_verse = (bible / "en.verse").read_text(encoding="utf-8").splitlines()
    gold = parse_links((bible / "bible.verse-gold.align").read_text(encoding="utf-8"))
    strict, lax = scores(count(gold, verse_level(predicted, zh_verse, en_verse)))
    walls = sorted(w for w, _ in runs)
    rsss = sorted(r for _, r in runs)
    cache = "empty embedding cache" if args.cold else "embedding cache as found"
    print(f"command: aligner align --split-lines --scorer {args.scorer} bible.zh bible.en")
    print(f"cache: {cache}")
    print(f"runs: {len(runs)}; wall s: {', '.join(f'{w:.1f}' for w in walls)}")
    print(
        f"median wall: {statistics.median(walls):.1f} s   median peak RSS: "
        f"{statistics.median(rsss):.0f} MB"
    )
    print(f"verse-level strict F1 {strict.f1:.3f}   lax F1 {lax.f1:.3f}")


if __name__ == "__main__":
    main()
