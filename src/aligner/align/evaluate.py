"""Alignment accuracy against gold links, scored as Vecalign's and Bertalign's scorer does.

Strict: a predicted link counts only if a gold link is identical. Lax: it counts if it
shares at least one sentence on each side with some gold link. Counts are summed over all
documents before dividing (micro average).

Null links (``[]:[j]``, an English sentence with no Chinese, or ``[i]:[]``) are part of
precision: a predicted null link is right only if the gold has the very same one, and it
never earns a lax hit otherwise. Recall is measured over the gold links that have both
sides, against the predicted links that have both sides. This asymmetry is the reference
scorer's (Sennrich and Volk's measure as implemented with Vecalign and reused by
Bertalign), and following it keeps the figures comparable with the published ones: an
aligner that leaves a sentence unlinked instead of attaching it where it belongs pays
for it in precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LinkIds = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Counts:
    strict_hits_pred: int = 0
    lax_hits_pred: int = 0
    predicted: int = 0
    strict_hits_gold: int = 0
    lax_hits_gold: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.strict_hits_pred,
            self.lax_hits_pred,
            self.predicted,
            self.strict_hits_gold,
            self.lax_hits_gold,
            self.gold,
        )


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def count(gold: Sequence[LinkIds], predicted: Sequence[LinkIds]) -> Counts:
    """Hit counts for one document (links empty on both sides are ignored)."""
    gold_all = {g for g in gold if g[0] or g[1]}
    pred_all = {p for p in predicted if p[0] or p[1]}
    gold_full = {g for g in gold_all if g[0] and g[1]}
    pred_full = {p for p in pred_all if p[0] and p[1]}
    near_gold, near_pred = _partners(gold_full), _partners(pred_full)
    return Counts(
        strict_hits_pred=sum(1 for p in pred_all if p in gold_all),
        lax_hits_pred=sum(1 for p in pred_all if p in gold_all or _lax(p, near_gold)),
        predicted=len(pred_all),
        strict_hits_gold=sum(1 for g in gold_full if g in pred_full),
        lax_hits_gold=sum(1 for g in gold_full if _lax(g, near_pred)),
        gold=len(gold_full),
    )


def _partners(links: Iterable[LinkIds]) -> dict[int, set[int]]:
    """English sentences linked with each Chinese sentence, so lax tests are lookups."""
    partners: dict[int, set[int]] = {}
    for zh, en in links:
        for i in zh:
            partners.setdefault(i, set()).update(en)
    return partners


def _lax(link: LinkIds, partners: dict[int, set[int]]) -> bool:
    """Whether ``link`` shares a sentence on each side with one of the indexed links."""
    return any(not partners.get(i, set()).isdisjoint(link[1]) for i in link[0])


def scores(counts: Counts) -> tuple[Scores, Scores]:
    """(strict, lax) precision, recall and F1."""

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    sp = ratio(counts.strict_hits_pred, counts.predicted)
    sr = ratio(counts.strict_hits_gold, counts.gold)
    lp = ratio(counts.lax_hits_pred, counts.predicted)
    lr = ratio(counts.lax_hits_gold, counts.gold)
    return Scores(sp, sr, _f1(sp, sr)), Scores(lp, lr, _f1(lp, lr))
