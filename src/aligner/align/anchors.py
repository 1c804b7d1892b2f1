"""Anchor pairs that pin the search band to the true path in long documents.

The character-offset diagonal drifts by hundreds of sentences over a book-length text
(one side condenses a chapter the other expands). Sentence pairs that are clearly each
other's best match, chained into the longest monotone sequence, give a path to centre
the band on, so the band can stay narrow and the search linear. This is the first of
the two steps Bertalign uses, with lexical evidence instead of embeddings.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.align.length import LengthModel
from aligner.align.scorer import SpanScorer


@dataclass(frozen=True)
class AnchorConfig:
    min_similarity: float = 0.3
    margin: float = 0.08
    min_window: int = 100
    window_fraction: float = 0.125


def diagonal(lengths: LengthModel) -> list[int]:
    """For each Chinese sentence boundary, the English boundary at the same character offset."""
    zh_cumulative = lengths.zh_cumulative
    zh_total = zh_cumulative[-1] or 1
    en_total = lengths.en_cumulative[-1] or 1
    en_fraction = [c / en_total for c in lengths.en_cumulative]
    m = len(en_fraction) - 1
    return [min(bisect.bisect_left(en_fraction, c / zh_total), m) for c in zh_cumulative]


def find_anchors(
    scorer: SpanScorer, lengths: LengthModel, config: AnchorConfig = AnchorConfig()
) -> list[tuple[int, int]]:
    """Confident 1:1 pairs (zh index, en index), strictly increasing on both sides."""
    n = len(lengths.han_cumulative) - 1
    m = len(lengths.en_cumulative) - 1
    centre = diagonal(lengths)
    window = max(config.min_window, int(max(n, m) * config.window_fraction))
    confident: list[tuple[int, int]] = []
    for i in range(n):
        lo, hi = max(0, centre[i] - window), min(m, centre[i] + window + 1)
        scored = sorted(
            ((scorer.similarity(i, i + 1, j, j + 1), j) for j in scorer.candidates(i, lo, hi)),
            reverse=True,
        )
        if not scored or scored[0][0] < config.min_similarity:
            continue
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if scored[0][0] - runner_up >= config.margin:
            confident.append((i, scored[0][1]))
    return longest_chain(confident)


def longest_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence increasing in both coordinates (pairs sorted by the first).

    Patience sorting: O(k log k), deterministic (the earliest chain wins ties).
    """
    tails: list[int] = []  # smallest English index ending a chain of each length
    tail_at: list[int] = []  # index in ``pairs`` of that chain's last pair
    previous: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[length] = j
            tail_at[length] = k
        previous[k] = tail_at[length - 1] if length > 0 else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    chain.reverse()
    return chain


def centres_from_anchors(anchors: Sequence[tuple[int, int]], n: int, m: int) -> list[int]:
    """Expected English boundary for every Chinese boundary 0..n, interpolated between anchors."""
    points = [(0, 0), *((i, j) for i, j in anchors), (n, m)]
    centres: list[int] = []
    segment = 0
    for i in range(n + 1):
        while segment + 1 < len(points) - 1 and points[segment + 1][0] <= i:
            segment += 1
        (ia, ja), (ib, jb) = points[segment], points[segment + 1]
        if ib == ia:
            centres.append(ja)
        else:
            centres.append(ja + round((i - ia) * (jb - ja) / (ib - ia)))
    return centres
