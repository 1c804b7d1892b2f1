"""Divergence check: how far the English strays from a reference English text.

The reference is an earlier English version of the release or a machine translation of
the Chinese. Its sentences are first mapped onto the links by a monotone monolingual
alignment (dynamic programming on character trigram overlap, restricted to a band around
the diagonal so the cost grows linearly with document length). Each link's English is
then scored with chrF against its share of the reference: a very low score means the
English says something quite different from what a plain rendering of the Chinese says.
One document-level BLEU/chrF summary is reported as info.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from aligner.checks.base import CheckContext, link_texts, whole
from aligner.model import Alignment, Finding, Link, Severity

NAME = "divergence"

# chrF (0-100) below which a link is reported; unrelated sentences score around 5-15,
# free but faithful renderings of the same sentence rarely fall under 30.
LOW_CHRF = 20.0

# Alignment costs. A match costs 1 - trigram Dice similarity. Leaving a sentence unmatched
# costs half a mismatch, so two sentences in the same position are always paired (an English
# sentence that says something else still gets its reference and a low score). An extra
# reference sentence costs the same whether merged into a neighbour or left out, so it is
# merged only when that makes the neighbour more similar (the reference split a sentence).
_SKIP_COST = 0.5
_MERGE_COST = _SKIP_COST
_MAX_MERGE = 3
_BAND = 30
_NGRAM = 3


@dataclass(frozen=True)
class _Unit:
    """A link with English, as one unit of the reference mapping."""

    link: Link
    english: str


def _trigrams(text: str) -> Counter[str]:
    folded = " ".join(text.casefold().split())
    return Counter(folded[i : i + _NGRAM] for i in range(max(0, len(folded) - _NGRAM + 1)))


def _dice(left: Counter[str], right: Counter[str]) -> float:
    total = left.total() + right.total()
    if total == 0:
        return 0.0
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    shared = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    return 2 * shared / total


def _runs(grams: list[Counter[str]]) -> dict[tuple[int, int], Counter[str]]:
    """Trigrams of every run of up to _MAX_MERGE consecutive sentences, keyed (start, end)."""
    runs: dict[tuple[int, int], Counter[str]] = {}
    for start in range(len(grams)):
        merged: Counter[str] = Counter()
        for end in range(start + 1, min(start + _MAX_MERGE, len(grams)) + 1):
            merged = merged + grams[end - 1]
            runs[start, end] = merged
    return runs


def map_reference(reference: Sequence[str], targets: Sequence[str]) -> list[list[int]]:
    """For each target text, the indices of the reference sentences that render it.

    Monotone: reference order is kept. A target may receive none (the reference lacks
    it) or up to three consecutive reference sentences (the reference split it), and a
    reference sentence may be left out (the target lacks it).
    """
    ref_runs = _runs([_trigrams(text) for text in reference])
    target_grams = [_trigrams(text) for text in targets]
    n, m = len(reference), len(targets)
    inf = float("inf")

    def band(j: int) -> range:
        centre = round(j * n / m) if m else 0
        return range(max(0, centre - _BAND), min(n, centre + _BAND) + 1)

    # cost[j][i]: best cost with i reference sentences and j targets consumed.
    cost: list[dict[int, float]] = [{} for _ in range(m + 1)]
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(m + 1)]
    for j in range(m + 1):
        for i in band(j):
            if i == 0 and j == 0:
                cost[0][0] = 0.0
                continue
            best, origin = inf, (-1, -1)
            if i > 0 and cost[j].get(i - 1, inf) + _SKIP_COST < best:
                best, origin = cost[j][i - 1] + _SKIP_COST, (i - 1, j)
            if j > 0:
                previous = cost[j - 1]
                if previous.get(i, inf) + _SKIP_COST < best:
                    best, origin = previous[i] + _SKIP_COST, (i, j - 1)
                for k in range(1, min(_MAX_MERGE, i) + 1):
                    if i - k not in previous:
                        continue
                    similarity = _dice(ref_runs[i - k, i], target_grams[j - 1])
                    step = 1 - similarity + _MERGE_COST * (k - 1)
                    if previous[i - k] + step < best:
                        best, origin = previous[i - k] + step, (i - k, j - 1)
            if best < inf:
                cost[j][i], back[j][i] = best, origin
    mapping: list[list[int]] = [[] for _ in range(m)]
    i, j = n, m
    if n not in cost[m]:
        return mapping
    while (i, j) != (0, 0):
        prev_i, prev_j = back[j][i]
        if prev_j == j - 1 and prev_i < i:
            mapping[j - 1] = list(range(prev_i, i))
        i, j = prev_i, prev_j
    return mapping


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def check_divergence(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    if context.reference is None:  # the usual case: sacrebleu is not even imported
        return
    reference = [s.text for s in context.reference.segments if s.text.strip()]
    units = [_Unit(link, alignment.target.texts(link.en)) for link in alignment.links if link.en]
    mapping = map_reference(reference, [unit.english for unit in units])
    from sacrebleu.metrics.chrf import CHRF

    chrf = CHRF()
    hypotheses: list[str] = []
    references: list[str] = []
    low: list[Finding] = []
    for unit, ref_ids in zip(units, mapping, strict=True):
        if not ref_ids:
            continue
        ref_text = " ".join(reference[i] for i in ref_ids)
        hypotheses.append(unit.english)
        references.append(ref_text)
        score = float(chrf.sentence_score(unit.english, [ref_text]).score)
        if score < LOW_CHRF:
            zh, en = link_texts(alignment, unit.link.zh, unit.link.en)
            source = f"“{zh}”" if zh else "no Chinese"
            low.append(
                Finding(
                    check=NAME,
                    severity=Severity.WARNING,
                    zh_ids=unit.link.zh,
                    en_ids=unit.link.en,
                    zh=zh,
                    en=en,
                    message=(
                        f"English differs strongly from the reference (chrF {score:.1f}, "
                        f"below {LOW_CHRF:.0f}); the reference reads “{_clip(ref_text)}”. "
                        f"Check the English against the Chinese {source}: it may render "
                        "something else, or the sentences may be misaligned."
                    ),
                    key="far from the reference",
                    en_spans=whole(en),
                )
            )
    yield _summary(hypotheses, references, len(units))
    yield from low


def _summary(hypotheses: list[str], references: list[str], units: int) -> Finding:
    import sacrebleu
    from sacrebleu.metrics.chrf import CHRF

    if hypotheses:
        bleu = float(sacrebleu.corpus_bleu(hypotheses, [references]).score)
        chrf = float(CHRF().corpus_score(hypotheses, [references]).score)
        message = (
            f"Agreement with the reference: BLEU {bleu:.1f}, chrF {chrf:.1f}, over "
            f"{len(hypotheses)} of {units} English links "
            f"({units - len(hypotheses)} had no matching reference sentence)."
        )
    else:
        message = "The reference has no sentence matching the English; nothing was compared."
    return Finding(
        check=NAME,
        severity=Severity.INFO,
        zh_ids=(),
        en_ids=(),
        zh="",
        en="",
        message=message,
        key="agreement with the reference",
    )
