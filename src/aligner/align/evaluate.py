"""Alignment accuracy against gold links, scored as Vecalign and Bertalign report it.

Strict: a predicted link counts only if a gold link is identical. Lax: it counts if it
shares at least one sentence on each side with some gold link. Precision is over
predicted links, recall over gold links; links empty on one side are left out of both,
and counts are summed over all documents before dividing (micro average).
"""

from __future__ import annotations

from collections.abc import Sequence
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


def _overlaps(a: LinkIds, b: LinkIds) -> bool:
    return bool(set(a[0]) & set(b[0])) and bool(set(a[1]) & set(b[1]))


def count(gold: Sequence[LinkIds], predicted: Sequence[LinkIds]) -> Counts:
    """Hit counts for one document."""
    gold_full = [g for g in gold if g[0] and g[1]]
    pred_full = [p for p in predicted if p[0] and p[1]]
    gold_set = set(gold_full)
    pred_set = set(pred_full)
    return Counts(
        strict_hits_pred=sum(1 for p in pred_full if p in gold_set),
        lax_hits_pred=sum(1 for p in pred_full if any(_overlaps(p, g) for g in gold_full)),
        predicted=len(pred_full),
        strict_hits_gold=sum(1 for g in gold_full if g in pred_set),
        lax_hits_gold=sum(1 for g in gold_full if any(_overlaps(g, p) for p in pred_full)),
        gold=len(gold_full),
    )


def scores(counts: Counts) -> tuple[Scores, Scores]:
    """(strict, lax) precision, recall and F1."""

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    sp = ratio(counts.strict_hits_pred, counts.predicted)
    sr = ratio(counts.strict_hits_gold, counts.gold)
    lp = ratio(counts.lax_hits_pred, counts.predicted)
    lr = ratio(counts.lax_hits_gold, counts.gold)
    return Scores(sp, sr, _f1(sp, sr)), Scores(lp, lr, _f1(lp, lr))
