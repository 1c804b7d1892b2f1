"""Recall and precision of the QA checks on the error suite, and QA time on the sample pair.

Every mutation of tests/data/qa_suite/mutations.py (a realistic translation error) is
applied alone to a fresh copy of samples/gacc-2025-01-13 and run through the real pipeline;
the tags mutations edit a CAT tool's XLIFF of part of the sample (tests/data/qa_suite/
tagged.xlf), which is checked as it stands.

Recall, per expected check: the share of mutations reported by that check at the expected
severity on the mutated sentence; "flagged" is the share of mutations that get at least
one warning or error from any check on the mutated sentences, i.e. where a reviewer is
sent to the right place anyway.

Precision, per reporting check: warnings and errors that are not on the clean pair (or the
clean XLIFF) either
are true when they report the injected error (the expected finding, or another check's
finding on the changed sentences) and false alarms otherwise; precision = true / (true +
false alarms).

Time: the median of several in-process runs of ``qa_report`` on the aligned sample after
a warm-up (start-up, glossary loading and the first alignment excluded), and the same for
alignment plus QA.

    .venv/bin/python benchmarks/qa_suite.py [--runs 5] [--details] [--scorer auto]
        [--sensitivity]

The default is the scorer ``auto`` picks (hybrid when its model is installed).
``--sensitivity`` also runs the suite over a grid of the hybrid scorer's close-translation
settings (the cost of an unlinked sentence and the dictionary's weight), recall and
precision for each, to show that the shipped values sit on a plateau.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from aligner.glossary.model import GlossaryEntry
from aligner.model import Finding
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report

REPO = Path(__file__).resolve().parents[1]


def load_suite() -> ModuleType:
    """The suite lives with the tests, which are not an installed package."""
    sys.path.insert(0, str(REPO / "tests"))
    return importlib.import_module("data.qa_suite.mutations")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: lazy imports, lexicon and caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def describe(finding: Finding) -> str:
    return (
        f"{finding.check} {finding.severity.value} zh{list(finding.zh_ids)} "
        f"en{list(finding.en_ids)}: {finding.message[:150]}"
    )


def clean_baselines(
    suite: ModuleType, glossary: tuple[GlossaryEntry, ...], options: AlignOptions
) -> tuple[frozenset[Any], dict[Any, frozenset[Any]]]:
    """What the unmutated inputs already report: the sample pair's findings, and those of
    each bilingual file a mutation edits (judged against that file unmutated)."""
    clean = frozenset(suite.finding_key(f) for f in suite.clean_findings(glossary, options))
    clean_files = {
        mutation.file: frozenset(
            suite.finding_key(f) for f in suite.clean_file_findings(mutation.file, glossary)
        )
        for mutation in suite.MUTATIONS
        if mutation.file is not None
    }
    return clean, clean_files


def recall_and_precision(
    suite: ModuleType, glossary: tuple[GlossaryEntry, ...], sample: Any, options: AlignOptions
) -> tuple[int, int, int]:
    """Mutations found, true warnings and errors, false alarms."""
    clean, clean_files = clean_baselines(suite, glossary, options)
    found = true = false = 0
    with tempfile.TemporaryDirectory(prefix="qa-suite-") as workdir:
        for mutation in suite.MUTATIONS:
            outcome: Any = suite.run_mutation(mutation, Path(workdir), glossary, sample, options)
            found += bool(outcome.hits)
            baseline = clean if mutation.file is None else clean_files[mutation.file]
            for finding in outcome.findings:
                verdict = outcome.verdict(finding, baseline)
                if verdict == "false alarm":
                    false += 1
                elif verdict is not None:
                    true += 1
    return found, true, false


def sensitivity(suite: ModuleType, glossary: tuple[GlossaryEntry, ...], sample: Any) -> None:
    """The suite under the hybrid scorer with other close-translation settings."""
    from dataclasses import replace

    from aligner.align.closeness import Adapted
    from aligner.align.semantic import profiles

    shipped = profiles.HYBRID
    options = AlignOptions(scorer="hybrid")
    mutations = len(suite.MUTATIONS)
    print(
        f"Hybrid scorer, close-translation settings: found / {mutations}, precision (* shipped)\n"
    )
    weights = [0.6, shipped.lexical_weight.close, 1.0]
    print(f"{'skip cost':<12}" + "".join(f"{f'weight {w:.1f}':>22}" for w in weights))
    try:
        for skip in [0.02, shipped.skip_cost.close, 0.06, 0.08]:
            cells = []
            for weight in weights:
                profiles.HYBRID = replace(
                    shipped,
                    skip_cost=Adapted(shipped.skip_cost.free, skip),
                    lexical_weight=Adapted(shipped.lexical_weight.free, weight),
                )
                found, true, false = recall_and_precision(suite, glossary, sample, options)
                cells.append(f"{found:>3}/{mutations} {percent(true, true + false):>7}")
            mark = "*" if skip == shipped.skip_cost.close else " "
            print(f"{skip:<11.2f}{mark}" + "".join(f"{c:>22}" for c in cells), flush=True)
    finally:
        profiles.HYBRID = shipped
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms")
    parser.add_argument(
        "--scorer",
        default="auto",
        choices=["auto", "lexical", "semantic", "hybrid", "ensemble"],
        help="alignment scorer (default: what auto picks)",
    )
    parser.add_argument(
        "--sensitivity", action="store_true", help="also sweep the close-translation settings"
    )
    args = parser.parse_args()
    options = AlignOptions(scorer=args.scorer)

    suite = load_suite()
    glossary: tuple[GlossaryEntry, ...] = load_glossary_entries(AlignOptions())
    sample = suite.Sample.load()
    if args.sensitivity:
        sensitivity(suite, glossary, sample)
    clean, clean_files = clean_baselines(suite, glossary, options)

    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    verdicts: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    false_alarms: list[str] = []
    with tempfile.TemporaryDirectory(prefix="qa-suite-") as workdir:
        for mutation in suite.MUTATIONS:
            outcome: Any = suite.run_mutation(mutation, Path(workdir), glossary, sample, options)
            check = mutation.check
            total[check] += 1
            if outcome.hits:
                found[check] += 1
            else:
                misses.append(mutation.id)
            baseline = clean if mutation.file is None else clean_files[mutation.file]
            judged = [(f, outcome.verdict(f, baseline)) for f in outcome.findings]
            if any(verdict in ("hit", "related") for _, verdict in judged):
                flagged[check] += 1
            for finding, verdict in judged:
                if verdict is None:
                    continue
                kind = "false" if verdict == "false alarm" else "true"
                verdicts[finding.check, kind] += 1
                if kind == "false":
                    false_alarms.append(f"{mutation.id}: {describe(finding)}")

    print(f"QA error suite: {sum(total.values())} mutations of the sample pair, each alone\n")
    header = f"{'check':<14}{'mutations':>10}{'found':>7}{'recall':>9}{'flagged':>9}"
    print(header)
    print("-" * len(header))
    for check in [*suite.CHECKS, "overall"]:
        names = suite.CHECKS if check == "overall" else (check,)
        n = sum(total[c] for c in names)
        f = sum(found[c] for c in names)
        g = sum(flagged[c] for c in names)
        print(f"{check:<14}{n:>10}{f:>7}{percent(f, n):>9}{percent(g, n):>9}")

    print("\nPrecision of warnings and errors (findings already on the clean pair left out)\n")
    header = f"{'check':<14}{'true':>6}{'false alarms':>14}{'precision':>11}"
    print(header)
    print("-" * len(header))
    reporting = sorted({check for check, _ in verdicts})
    for check in [*reporting, "overall"]:
        names = reporting if check == "overall" else [check]
        true = sum(verdicts[c, "true"] for c in names)
        false = sum(verdicts[c, "false"] for c in names)
        print(f"{check:<14}{true:>6}{false:>14}{percent(true, true + false):>11}")

    zh_path, en_path = str(suite.SAMPLE_ZH), str(suite.SAMPLE_EN)
    alignment = align_files(zh_path, en_path, options, glossary=glossary)
    qa_only = median_seconds(lambda: qa_report(alignment, glossary), args.runs)
    both = median_seconds(
        lambda: qa_report(align_files(zh_path, en_path, options, glossary=glossary), glossary),
        args.runs,
    )
    print(f"\nQA time on the sample pair, median of {args.runs} runs after a warm-up:")
    print(f"  qa_report only:        {qa_only * 1000:7.1f} ms")
    print(f"  align_files + qa_report: {both * 1000:5.1f} ms")

    if args.details:
        print("\nMisses:")
        print("\n".join(f"  {line}" for line in misses) or "  none")
        print("\nFalse alarms:")
        print("\n".join(f"  {line}" for line in false_alarms) or "  none")


if __name__ == "__main__":
    main()
