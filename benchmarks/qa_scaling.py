"""How the QA checks' time grows with the document: the sample 1×, 8× and 64× over, and the Bible.

Each document is aligned once (lexical scorer; not timed here, that is the aligner's own
benchmark), then every check runs on it (``qa_report``, the bundled glossary and
checklist) and the time is compared with the single sample's. The checks are linear when
64 copies take at most 64 times as long as one; the derived tables and patterns are
loaded by a warm-up run first, so what is compared is the checking itself:

    .venv/bin/python benchmarks/qa_scaling.py [--runs 5] [--copies 1,8,64] [--bible]

``--bible`` also checks the zh–en Bible from ``../shared/corpora`` as one document (6,301 ×
5,000 sentences, read line by line), the longest document at hand. Per-check times are
printed for the largest document, so a check that grows faster than the rest stands out.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aligner.checks.base import CheckContext
from aligner.checks.registry import CHECKS
from aligner.model import Alignment
from aligner.pipeline import (
    AlignOptions,
    QAOptions,
    align_documents,
    load_checklist_rules,
    load_document,
    load_glossary_entries,
    load_pair,
    load_words,
    qa_report,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SAMPLE = "gacc-2025-01-13"


def repeated(copies: int, folder: Path) -> tuple[Path, Path]:
    """The sample pair ``copies`` times over, a blank line between copies on both sides."""
    paths = []
    for lang in ("zh", "en"):
        text = (SAMPLES / f"{SAMPLE}.{lang}.txt").read_text(encoding="utf-8").strip("\n")
        path = folder / f"{SAMPLE}-x{copies}.{lang}.txt"
        path.write_text("\n\n".join([text] * copies) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def timed_checks(alignment: Alignment, runs: int) -> list[float]:
    entries = load_glossary_entries(AlignOptions())
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        qa_report(alignment, entries, qa=QAOptions())
        seconds.append(time.perf_counter() - started)
    return seconds


def per_check(alignment: Alignment) -> list[tuple[str, float, int]]:
    entries = load_glossary_entries(AlignOptions())
    qa = QAOptions()
    context = CheckContext(
        glossary=entries, checklist=load_checklist_rules(qa, entries), words=load_words(qa)
    )
    found = []
    for spec in CHECKS:
        check = spec.load()
        started = time.perf_counter()
        findings = list(check(alignment, context))
        found.append((spec.name, time.perf_counter() - started, len(findings)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", default="1,8,64")
    parser.add_argument("--bible", action="store_true")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    copies = [int(part) for part in args.copies.split(",")]
    options = AlignOptions(scorer="lexical")
    entries = load_glossary_entries(options)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    documents: list[tuple[str, Alignment]] = []
    with tempfile.TemporaryDirectory(prefix="aligner-qa-scaling-") as work:
        for count in copies:
            zh, en = repeated(count, Path(work))
            source, target = load_pair(str(zh), str(en))
            alignment = align_documents(source, target, options, entries)
            documents.append((f"sample ×{count}", alignment))
    if args.bible:
        corpus = args.shared / "corpora" / "bible"
        lines = AlignOptions(scorer="lexical", split_lines=True, use_bundled_glossary=False)
        source = load_document(str(corpus / "bible.zh"), "zh", split_lines=True)
        target = load_document(str(corpus / "bible.en"), "en", split_lines=True)
        print("aligning the Bible (not timed)...", flush=True)
        documents.append(("Bible", align_documents(source, target, lines, ())))

    timed_checks(documents[0][1], 1)  # tables, patterns and dictionaries loaded
    print(f"\nQA checks (all {len(CHECKS)}, qa_report), median of the runs:")
    print("(first: the document's first run, which also works out spelling suggestions)")
    header = f"{'document':<12} {'links':>6} {'runs':>5} {'first':>8} {'median':>8}"
    print(f"{header} {'ms/link':>8} {'× 1×':>7}")
    base: float | None = None
    for name, alignment in documents:
        seconds = timed_checks(alignment, args.runs)
        median = statistics.median(seconds)
        links = len(alignment.links)
        base = median if base is None else base
        print(
            f"{name:<12} {links:>6} {args.runs:>5} {seconds[0]:>8.3f} {median:>8.3f} "
            f"{median / links * 1000:>8.2f} {median / base:>7.1f}"
        )
    name, largest = documents[-1]
    print(f"\nper check on {name} (one run, s, findings):")
    for check, seconds, count in per_check(largest):
        print(f"  {check:<14} {seconds:8.3f} {count:6d}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
