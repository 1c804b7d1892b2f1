"""False alarms of the polarity check and of the in-link omission check on MAC-Dev's gold links.

MAC-Dev (six chapters of Chinese novels with their published English translations) is a
free literary translation: a published translator does not reverse the direction of what
the original says, so every polarity finding on a gold link counts as a false alarm. The
links are taken from the gold alignment, so the figure measures the check, not the aligner.
The same gold links, each as one link, measure the omission check's look inside a link (a
Chinese sentence with no trace in the link's English): translators merge sentences freely,
so each report there counts as a false alarm too. The sample release
(samples/gacc-2025-01-13) must give neither check's finding above info.

    .venv/bin/python benchmarks/polarity_macdev.py [--corpus ../shared/corpora/mac-dev] [--details]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from aligner.checks.base import CheckContext
from aligner.checks.polarity import link_clashes
from aligner.checks.unit_omission import check_sentence_omissions
from aligner.model import Alignment, Document, Link, Segment, Severity
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


def gold_alignments(corpus: Path) -> list[Alignment]:
    """Each chapter with its gold links, one sentence per line as the corpus ships it."""
    found = []
    for gold in sorted((corpus / "gold").glob("*.align")):
        sides = []
        for lang in ("zh", "en"):
            lines = (corpus / lang / f"{gold.stem}.{lang}").read_text(encoding="utf-8")
            segments = tuple(Segment(i, t, 0) for i, t in enumerate(lines.splitlines()))
            sides.append(Document(gold.name, lang, segments))  # type: ignore[arg-type]
        links = []
        for line in gold.read_text(encoding="utf-8").splitlines():
            left, _, right = line.partition(":")
            zh_ids = tuple(int(i) for i in left.strip("[] ").split(",") if i.strip())
            en_ids = tuple(int(i) for i in right.strip("[] ").split(",") if i.strip())
            links.append(Link(zh_ids, en_ids, 1.0))
        found.append(Alignment(sides[0], sides[1], tuple(links)))
    return found


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

    omissions = [
        finding
        for alignment in gold_alignments(args.corpus)
        for finding in check_sentence_omissions(alignment, CheckContext())
    ]
    flagged_links = len({(f.zh, f.en) for f in omissions})
    print(
        f"links with a sentence reported dropped inside: {flagged_links} "
        f"({200 * flagged_links / len(links):.2f} per 200 links)"
    )
    details += [f"omission: {f.message}\n    en: {f.en}" for f in omissions]

    glossary = load_glossary_entries(AlignOptions())
    alignment = align_files(
        str(REPO / "samples/gacc-2025-01-13.zh.txt"),
        str(REPO / "samples/gacc-2025-01-13.en.txt"),
        AlignOptions(scorer="lexical"),
        glossary=glossary,
    )
    report = qa_report(alignment, glossary, checks=["polarity", "omission"])
    polarity = [f for f in report.findings if f.check == "polarity"]
    inside = [f for f in report.findings if f.check == "omission" and f.key.startswith("sentence:")]
    above_info = [f for f in polarity + inside if f.severity.rank > Severity.INFO.rank]
    print(
        f"sample release: {len(polarity)} polarity findings, {len(inside)} sentences dropped "
        f"inside a link, {len(above_info)} above info"
    )
    if args.details:
        print("\n".join(details))


if __name__ == "__main__":
    main()
