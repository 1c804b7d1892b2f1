"""False alarms of the polarity check on MAC-Dev's gold links, and on the clean sample.

MAC-Dev (six chapters of Chinese novels with their published English translations) is a
free literary translation: a published translator does not reverse the direction of what
the original says, so every polarity finding on a gold link counts as a false alarm. The
links are taken from the gold alignment, so the figure measures the check, not the aligner.
The sample release (samples/gacc-2025-01-13) must give no finding above info.

    .venv/bin/python benchmarks/polarity_macdev.py [--corpus ../shared/corpora/mac-dev] [--details]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from aligner.checks.polarity import link_clashes
from aligner.model import Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "mac-dev"


def gold_links(corpus: Path) -> list[tuple[str, str, str]]:
    """(document, Chinese, English) of every gold link with both sides."""
    links = []
    for gold in sorted((corpus / "gold").glob("*.align")):
        zh = (corpus / "zh" / f"{gold.stem}.zh").read_text(encoding="utf-8").splitlines()
        en = (corpus / "en" / f"{gold.stem}.en").read_text(encoding="utf-8").splitlines()
        for line in gold.read_text(encoding="utf-8").splitlines():
            left, _, right = line.partition(":")
            zh_ids = [int(i) for i in left.strip("[] ").split(",") if i.strip()]
            en_ids = [int(i) for i in right.strip("[] ").split(",") if i.strip()]
            if zh_ids and en_ids:
                links.append(
                    (gold.stem, "".join(zh[i] for i in zh_ids), " ".join(en[j] for j in en_ids))
                )
    return links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--details", action="store_true", help="print every false alarm")
    args = parser.parse_args()

    links = gold_links(args.corpus)
    flagged = 0
    by_kind: Counter[str] = Counter()
    details = []
    for document, zh, en in links:
        clashes = link_clashes(zh, en)
        if clashes:
            flagged += 1
        for clash in clashes:
            by_kind[f"{clash.severity.value} {clash.key.partition(':')[0]}"] += 1
            details.append(f"{document}: {clash.message}\n    zh: {zh}\n    en: {en}")
    per_200 = 200 * flagged / len(links) if links else 0.0
    print(f"MAC-Dev gold links with both sides: {len(links)}")
    print(f"links with a polarity finding:      {flagged} ({per_200:.2f} per 200 links)")
    for kind, count in sorted(by_kind.items()):
        print(f"  {kind:<24} {count}")

    glossary = load_glossary_entries(AlignOptions())
    alignment = align_files(
        str(REPO / "samples/gacc-2025-01-13.zh.txt"),
        str(REPO / "samples/gacc-2025-01-13.en.txt"),
        AlignOptions(scorer="lexical"),
        glossary=glossary,
    )
    report = qa_report(alignment, glossary, checks=["polarity"])
    above_info = [f for f in report.findings if f.severity.rank > Severity.INFO.rank]
    print(f"sample release: {len(report.findings)} findings, {len(above_info)} above info")
    if args.details:
        print("\n".join(details))


if __name__ == "__main__":
    main()
