"""How long the review page waits after an edit, against a full re-check of the document.

An edit in ``aligner review`` is answered once the checks have run on the rows around it;
the whole document is checked again afterwards, in the background. This measures both on
the sample pair and on a MAC-Dev chapter (a long document, linked as its gold alignment):
for each of several rows, merge it with the next (the edit and its quick re-check), then
settle (the full re-check), then undo.

    .venv/bin/python benchmarks/review_latency.py [--chapter 001]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from aligner.model import Alignment, Document, Finding, Link
from aligner.pipeline import (
    AlignOptions,
    align_documents,
    load_document,
    load_glossary_entries,
    load_pair,
    qa_report,
    read_link_file,
)
from aligner.review.session import Session

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "gacc-2025-01-13"


def measure(name: str, source: Document, target: Document, links: tuple[Link, ...]) -> None:
    glossary = load_glossary_entries(AlignOptions())

    def checker(part: Alignment) -> tuple[Finding, ...]:
        return qa_report(part, glossary).findings

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        session = Session(source, target, links, {}, checker, str(Path(folder) / "r.json"))
        first = time.perf_counter() - started
        edits, full = [], []
        for row in range(5, len(links) - 1, max(1, len(links) // 8)):
            started = time.perf_counter()
            session.edit({"op": "merge", "row": row})
            edits.append(time.perf_counter() - started)
            started = time.perf_counter()
            session.settle()
            full.append(time.perf_counter() - started)
            session.undo()
    print(
        f"{name}: {len(links)} rows; first check {first:.2f} s; an edit answered in "
        f"{statistics.median(edits) * 1000:.0f} ms (median of {len(edits)}), the whole "
        f"document re-checked in {statistics.median(full) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter", default="001", help="MAC-Dev chapter to measure")
    args = parser.parse_args()
    source, target = load_pair(f"{SAMPLE}.zh.txt", f"{SAMPLE}.en.txt")
    aligned = align_documents(source, target, AlignOptions(scorer="lexical"), ())
    measure("sample", source, target, aligned.links)
    shared = Path(os.environ.get("ALIGNER_SHARED_DATA", REPO.parent / "shared"))
    corpus = shared / "corpora" / "mac-dev"
    if not corpus.is_dir():
        print(f"MAC-Dev not found at {corpus}; set ALIGNER_SHARED_DATA to measure a long document")
        return
    zh = load_document(str(corpus / "zh" / f"{args.chapter}.zh"), "zh", split_lines=True)
    en = load_document(str(corpus / "en" / f"{args.chapter}.en"), "en", split_lines=True)
    gold = read_link_file(corpus / "gold" / f"{args.chapter}.align")
    measure(f"MAC-Dev {args.chapter}", zh, en, tuple(Link(a, b, 1.0) for a, b in gold))


if __name__ == "__main__":
    main()
