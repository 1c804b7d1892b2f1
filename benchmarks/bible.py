"""Speed and memory of aligning one long document: the zh–en Bible (6,301 × 5,000 sentences).

Runs the real command under /usr/bin/time -v, so start-up, reading, lexicon loading and
writing are all counted, and prints wall time, user CPU time and peak resident memory
(medians of ``--runs``). It also scores the result at verse level against the corpus's
verse gold (predicted links that fall inside the same verses are merged first, as the
corpus README asks), to show that speed was not bought with accuracy.

    .venv/bin/python benchmarks/bible.py [--shared ../shared] [--runs 3] [--scorer lexical]
        [--peer hunalign [--hunalign PATH] [--realign]] [--baseline SRC]

``--peer hunalign`` runs hunalign on the same text, interleaved with aligner (aligner,
hunalign, aligner, hunalign, ...), and prints the ratios of the medians; its inputs are
prepared from aligner's own lexicon beforehand (see ``bible_peer.py``). Targets for the
lexical scorer: at most 1.5 times hunalign's wall time and 1.3 times its peak memory, with
verse-level strict F1 of at least 0.976. ``--baseline SRC`` also runs aligner from another
copy of the package (a ``src`` folder, e.g. ``git archive REV src | tar -x -C /tmp/old``),
interleaved, to compare before and after.

With ``--scorer auto`` (hybrid) the first run embeds about 39,000 sentence windows; later
runs find them in the embedding cache. ``--cold`` points the cache at an empty temporary
folder for every run, to time the first run.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from launch import aligner_command

from aligner.align.evaluate import count, scores
from aligner.formats.links import parse_links
from aligner.lexicon.cache import cache_dir

REPO = Path(__file__).resolve().parents[1]
Link = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Run:
    wall: float
    rss_mb: float
    user: float


def timed(
    command: Sequence[str],
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Run:
    """Run ``command`` under /usr/bin/time -v (its output to ``stdout`` if given), in the
    folder ``cwd`` if given."""
    with open(stdout or os.devnull, "w", encoding="utf-8") as sink:
        result = subprocess.run(
            ["/usr/bin/time", "-v", *command],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
        )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    user = re.search(r"User time \(seconds\): (\S+)", result.stderr)
    if not wall or not rss or not user:
        raise SystemExit("could not read /usr/bin/time output:\n" + result.stderr)
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return Run(seconds, int(rss.group(1)) / 1024, float(user.group(1)))


def align_bible(zh: Path, en: Path, scorer: str, out: Path) -> list[str]:
    return aligner_command(
        "align",
        "--split-lines",
        "--no-default-glossary",
        "--scorer",
        scorer,
        str(zh),
        str(en),
        "-o",
        str(out),
    )


def environment(src: Path | None = None, cache_home: str | None = None) -> dict[str, str]:
    """This environment, running the package from ``src`` and caching in ``cache_home``."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    return env


def verse_level(links: list[Link], zh_verse: list[str], en_verse: list[str]) -> list[Link]:
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


def verse_f1(bible: Path, predicted: list[Link]) -> tuple[float, float]:
    """Strict and lax F1 of ``predicted`` against the verse gold."""
    zh_verse = (bible / "zh.verse").read_text(encoding="utf-8").splitlines()
    en_verse = (bible / "en.verse").read_text(encoding="utf-8").splitlines()
    gold = parse_links((bible / "bible.verse-gold.align").read_text(encoding="utf-8"))
    strict, lax = scores(count(gold, verse_level(predicted, zh_verse, en_verse)))
    return strict.f1, lax.f1


def median(runs: Sequence[Run]) -> Run:
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.rss_mb for r in runs),
        statistics.median(r.user for r in runs),
    )


def report(name: str, runs: Sequence[Run], f1: tuple[float, float]) -> Run:
    middle = median(runs)
    walls = ", ".join(f"{r.wall:.2f}" for r in runs)
    print(
        f"{name:<22} wall {middle.wall:6.2f} s  user {middle.user:6.2f} s  "
        f"peak RSS {middle.rss_mb:5.0f} MB   verse F1 strict {f1[0]:.3f} lax {f1[1]:.3f}"
        f"   (walls: {walls})"
    )
    return middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scorer", default="lexical", choices=["auto", "lexical", "semantic", "hybrid", "ensemble"]
    )
    parser.add_argument("--cold", action="store_true", help="empty embedding cache every run")
    parser.add_argument("--peer", choices=["hunalign"], help="also run this aligner, interleaved")
    parser.add_argument("--hunalign", type=Path, help="the hunalign binary")
    parser.add_argument("--realign", action="store_true", help="run hunalign with -realign")
    parser.add_argument("--baseline", type=Path, help="another copy's src folder to compare")
    args = parser.parse_args()
    bible = args.shared / "corpora" / "bible"
    zh, en = bible / "bible.zh", bible / "bible.en"
    ours: list[Run] = []
    theirs: list[Run] = []
    before: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out, base_out, ladder = folder / "bible.links", folder / "base.links", folder / "ladder"
        peer_command: list[str] | None = None
        if args.peer == "hunalign":
            import bible_peer

            binary = bible_peer.find(args.hunalign, REPO)
            inputs = bible_peer.prepare(zh, en, cache_dir() / "benchmarks")
            peer_command = bible_peer.command(binary, *inputs, realign=args.realign)
        for run in range(args.runs):
            cache_home = str(folder / f"cache-{run}") if args.cold else None
            command = align_bible(zh, en, args.scorer, out)
            ours.append(timed(command, env=environment(None, cache_home)))
            if peer_command is not None:
                # In the temporary folder: hunalign leaves a translate.txt where it runs.
                theirs.append(timed(peer_command, stdout=ladder, cwd=folder))
            if args.baseline is not None:
                command = align_bible(zh, en, args.scorer, base_out)
                before.append(timed(command, env=environment(args.baseline, cache_home)))
        ours_f1 = verse_f1(bible, parse_links(out.read_text(encoding="utf-8")))
        print(f"aligner: aligner align --split-lines --no-default-glossary --scorer {args.scorer}")
        if args.cold:
            print("embedding cache: empty for every run")
        print(f"runs: {args.runs} each, interleaved; medians")
        middle = report("aligner", ours, ours_f1)
        if args.baseline is not None:
            base_f1 = verse_f1(bible, parse_links(base_out.read_text(encoding="utf-8")))
            old = report("aligner (baseline)", before, base_f1)
            print(
                f"this copy / baseline: wall {middle.wall / old.wall:.2f}x  "
                f"user {middle.user / old.user:.2f}x  peak RSS {middle.rss_mb / old.rss_mb:.2f}x"
            )
        if peer_command is not None:
            import bible_peer

            peer_f1 = verse_f1(bible, bible_peer.links(ladder.read_text(encoding="utf-8")))
            flags = " ".join(peer_command[1:-3])
            print(f"hunalign: hunalign {flags} DICTIONARY ZH EN (inputs prepared beforehand)")
            peer = report("hunalign", theirs, peer_f1)
            print(
                f"aligner / hunalign: wall {middle.wall / peer.wall:.2f}x (target <= 1.5)  "
                f"peak RSS {middle.rss_mb / peer.rss_mb:.2f}x (target <= 1.3)  "
                f"user {middle.user / peer.user:.2f}x"
            )


if __name__ == "__main__":
    main()
