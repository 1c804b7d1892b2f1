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

import numpy as np

from aligner.align.band import IntArray, pair_similarities
from aligner.align.length import LengthModel
from aligner.align.scorer import SpanScorer

# Chinese sentences whose candidates are gathered and scored together.
ANCHOR_CHUNK = 512


@dataclass(frozen=True)
class AnchorConfig:
    min_similarity: float = 0.3
    margin: float = 0.08
    min_window: int = 100
    window_fraction: float = 0.125
    # Beyond this the window stops growing with the document, which keeps the search for
    # anchors linear; the character diagonal drifts less than this even in a book.
    max_window: int = 1000


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
    """Confident 1:1 pairs (zh index, en index), strictly increasing on both sides.

    Chinese sentences are taken a chunk at a time: whether a sentence's best candidate
    is confident depends on its own candidates only, so the result is the same, and the
    candidates held at once stay bounded however long the document.
    """
    n = len(lengths.han_cumulative) - 1
    m = len(lengths.en_cumulative) - 1
    centre = np.array(diagonal(lengths)[:n], dtype=np.int64)
    window = anchor_window(n, m, config)
    lo = np.maximum(0, centre - window)
    hi = np.minimum(m, centre + window + 1)
    confident: list[tuple[int, int]] = []
    for first in range(0, n, ANCHOR_CHUNK):
        last = min(n, first + ANCHOR_CHUNK)
        confident.extend(_confident(scorer, first, lo[first:last], hi[first:last], config))
    return longest_chain(confident)


def _confident(
    scorer: SpanScorer, first: int, lo: IntArray, hi: IntArray, config: AnchorConfig
) -> list[tuple[int, int]]:
    """The confident pairs of the Chinese sentences ``first, first + 1, ...``, whose
    counterparts are looked for in ``[lo[k], hi[k])``."""
    zh, en = _candidate_pairs(scorer, first, lo, hi)
    if not len(zh):
        return []
    scores = pair_similarities(scorer, zh, en)
    confident: list[tuple[int, int]] = []
    # Per Chinese sentence: its candidates, best first (the later one on a tie).
    order = np.lexsort((-en, -scores, zh))
    zh_list, en_list, score_list = zh[order].tolist(), en[order].tolist(), scores[order].tolist()
    for k, i in enumerate(zh_list):
        if k and zh_list[k - 1] == i:
            continue
        best = score_list[k]
        if best < config.min_similarity:
            continue
        runner_up = score_list[k + 1] if k + 1 < len(zh_list) and zh_list[k + 1] == i else 0.0
        if best - runner_up >= config.margin:
            confident.append((i, en_list[k]))
    return confident


def anchor_window(n: int, m: int, config: AnchorConfig = AnchorConfig()) -> int:
    """How far from the diagonal a Chinese sentence's counterpart is looked for: a share
    of the document, within bounds, so that the search stays linear in a long book."""
    return min(config.max_window, max(config.min_window, int(max(n, m) * config.window_fraction)))


def _candidate_pairs(
    scorer: SpanScorer, first: int, lo: IntArray, hi: IntArray
) -> tuple[IntArray, IntArray]:
    """The candidates of Chinese sentences ``first, first + 1, ...`` in their windows, as
    flat (zh, en) pairs."""
    zh = np.arange(first, first + len(lo), dtype=np.int64)
    batch = getattr(scorer, "candidate_pairs", None)
    if batch is not None:
        found: tuple[IntArray, IntArray] = batch(zh, lo, hi)
        return found
    rows: list[int] = []
    columns: list[int] = []
    for i, low, high in zip(zh.tolist(), lo.tolist(), hi.tolist(), strict=True):
        for j in scorer.candidates(i, low, high):
            rows.append(i)
            columns.append(j)
    return np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64)


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
