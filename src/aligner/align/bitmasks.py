"""Sets of a sentence's words as rows of 64-bit words, and the weight of the words in a set.

A link's lexical similarity asks which of a sentence's words the other side covers.
Kept as bit masks (bit ``u`` for the sentence's ``u``-th word), the words a window of
several sentences covers are the OR of their masks, and many links are answered with a
few array operations. A mask is a row of ``words`` 64-bit integers, so a sentence may have
any number of words.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
MaskArray = npt.NDArray[np.uint64]

_ONE = np.uint64(1)


def words_for(bits: int) -> int:
    """64-bit words needed for a mask of ``bits`` bits (at least one)."""
    return max(1, (bits + 63) // 64)


def bit_rows(positions: IntArray, words: int) -> MaskArray:
    """One mask per position with only that bit set."""
    rows = np.zeros((len(positions), words), dtype=np.uint64)
    rows[np.arange(len(positions)), positions >> 6] = _ONE << (positions & 63).astype(np.uint64)
    return rows


def masked_sums(
    masks: MaskArray,
    owners: IntArray,
    starts: IntArray,
    counts: IntArray,
    weights: FloatArray,
) -> FloatArray:
    """For each mask, the sum of its owner's weights whose bits are set.

    The owner of mask ``k`` is ``owners[k]``; its weights are ``weights[starts[o] :
    starts[o] + counts[o]]``, bit ``u`` standing for weight ``u``. Weights are added
    one bit at a time in bit order, exactly as a loop over the set bits would, so a sum
    is the same number however many masks are summed together.
    """
    total = np.zeros(len(masks), dtype=np.float64)
    if not len(masks):
        return total
    # Only masks with a bit set have anything to add.
    live = np.flatnonzero(masks.any(axis=1))
    if not len(live):
        return total
    owned = owners[live]
    sizes = counts[owned]
    order = np.argsort(-sizes, kind="stable")
    live = live[order]
    sizes = sizes[order]
    rows = masks[live]
    bases = starts[owners[live]]
    sums = np.zeros(len(live), dtype=np.float64)
    # Masks sorted by their owner's size: bit u concerns the prefix of owners with more
    # than u weights.
    reaches = np.searchsorted(-sizes, -np.arange(int(sizes[0])), "left").tolist()
    for bit, reach in enumerate(reaches):
        word = rows[:reach, bit >> 6]
        hit = ((word >> np.uint64(bit & 63)) & _ONE).astype(bool)
        if hit.any():
            sums[:reach] += np.where(hit, weights[bases[:reach] + bit], 0.0)
    total[live] = sums
    return total
