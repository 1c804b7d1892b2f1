"""A second look at links of three or more sentences: split off a sentence that rides along.

The search values a link by the mean evidence of its sentences, so a sentence with no
counterpart that shares the release's vocabulary (an added remark, a Chinese sentence left
untranslated) can join a strong neighbour's link and vanish from the QA report. Each
sentence at the edge of such a link is therefore tested on its own: it is split off, as a
sentence without counterpart, when it adds little to the link's value *and* little
similarity evidence. Requiring both keeps a genuine member that only one of them supports
(a short clause whose words the dictionary misses but whose length the link needs).

Both limits are fractions of the document's typical one-to-one similarity: a free
literary translation shares far fewer words with its original than a press release does,
and what is "little" differs accordingly.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Collection, Sequence

import numpy as np

from aligner.align.band import FloatArray, IntArray
from aligner.align.closeness import row_maxima

Span = tuple[int, int, int, int]
"""A link as half-open sentence ranges: zh_start, zh_end, en_start, en_end."""

# The English sentences examined around a Chinese sentence's expected counterpart.
_WINDOW = 6
# Below this, a document offers too little evidence for a typical value to mean anything.
_TYPICAL_FLOOR = 0.05


def typical_similarity(
    similarity: Callable[[int, int, int, int], float], centres: Sequence[int], en_count: int
) -> float:
    """Median, over the Chinese sentences, of the best one-to-one similarity near the
    English position the search expects for it (``centres[i]``)."""

    def pairs(zh: IntArray, en: IntArray) -> FloatArray:
        return np.array(
            [similarity(i, i + 1, j, j + 1) for i, j in zip(zh.tolist(), en.tolist(), strict=True)],
            dtype=np.float64,
        )

    return typical_similarity_of_pairs(pairs, centres, en_count)


def typical_similarity_of_pairs(
    pair_similarity: Callable[[IntArray, IntArray], FloatArray],
    centres: Sequence[int],
    en_count: int,
) -> float:
    """:func:`typical_similarity` with many one-to-one similarities asked at once."""
    centre = np.asarray(centres[:-1], dtype=np.int64)
    low = np.maximum(0, centre - _WINDOW)
    high = np.minimum(en_count, centre + _WINDOW + 1)
    keep = np.flatnonzero(low < high)
    if not len(keep):
        return _TYPICAL_FLOOR
    best = row_maxima(pair_similarity, keep, low[keep], high[keep])
    values: list[float] = best.tolist()
    return max(statistics.median(values), _TYPICAL_FLOOR)


def split_weak_members(
    spans: Sequence[Span],
    value: Callable[[Span], float],
    evidence: Callable[[Span], float],
    skip_cost: float,
    gain_limit: float,
    evidence_limit: float,
    allowed: Collection[tuple[int, int]] | None = None,
) -> list[Span]:
    """The links with every weakly attached edge sentence split off, in document order.

    ``value`` is a link's contribution to the search's objective and ``evidence`` its
    similarity part (similarity times sentence count). A member whose removal costs less
    than ``gain_limit`` in value (a lone sentence pays ``skip_cost``) and less than
    ``evidence_limit`` in evidence is split off; the rest of the link is tested again.
    Only splits into link shapes in ``allowed`` (all shapes when None) are considered, so
    the second look never produces a link the user has ruled out.
    """
    result: list[Span] = []
    for span in spans:
        pending = [span]
        while pending:
            current = pending.pop(0)
            parts = _weakest_split(current, value, evidence, skip_cost, allowed)
            if parts is None:
                result.append(current)
                continue
            gain, lost_evidence, pieces = parts
            if gain < gain_limit and lost_evidence < evidence_limit:
                pending = list(pieces) + pending
            else:
                result.append(current)
    return result


def _weakest_split(
    span: Span,
    value: Callable[[Span], float],
    evidence: Callable[[Span], float],
    skip_cost: float,
    allowed: Collection[tuple[int, int]] | None = None,
) -> tuple[float, float, tuple[Span, Span]] | None:
    """The edge member whose removal costs the link least: (value lost, evidence lost,
    the two links in order), or None for a link with nothing to split."""
    i0, i1, j0, j1 = span
    if i0 == i1 or j0 == j1 or (i1 - i0) + (j1 - j0) < 3:
        return None
    # (the rest of the link, both links in document order) for each edge member
    splits: list[tuple[Span, tuple[Span, Span]]] = []
    if i1 - i0 > 1:
        first, last = (i0 + 1, i1, j0, j1), (i0, i1 - 1, j0, j1)
        splits.append((first, ((i0, i0 + 1, j0, j0), first)))
        splits.append((last, (last, (i1 - 1, i1, j1, j1))))
    if j1 - j0 > 1:
        first, last = (i0, i1, j0 + 1, j1), (i0, i1, j0, j1 - 1)
        splits.append((first, ((i0, i0, j0, j0 + 1), first)))
        splits.append((last, (last, (i1, i1, j1 - 1, j1))))
    whole_value, whole_evidence = value(span), evidence(span)
    best: tuple[float, float, tuple[Span, Span]] | None = None
    for rest, pieces in splits:
        if allowed is not None and any(_shape(piece) not in allowed for piece in pieces):
            continue
        gain = whole_value - value(rest) + skip_cost
        if best is None or gain < best[0]:
            best = (gain, whole_evidence - evidence(rest), pieces)
    return best


def _shape(span: Span) -> tuple[int, int]:
    i0, i1, j0, j1 = span
    return (i1 - i0, j1 - j0)
