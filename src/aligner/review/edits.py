"""The reviewer's edits to an alignment, as pure functions from links to links.

Each edit keeps what every later stage relies on: every sentence in exactly one link, in
the order of both texts, each link a run of neighbouring sentences. An edit that cannot
keep that (moving a sentence out of the middle of a link, merging the last row with
nothing) is refused with a sentence saying why, which the page shows as it is.

Rows a reviewer has touched get confidence 1.0: the person decided them, as a saved
alignment given back to ``--alignment`` decides its links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from aligner.model import Alignment, Document, Link

Side = Literal["zh", "en"]
DECIDED = 1.0
_NAMES = {"zh": "Chinese", "en": "English"}


class EditRefused(Exception):
    """An edit that would break the alignment; the message is for the reviewer."""


@dataclass(frozen=True)
class Edited:
    """The links after an edit, and the rows it rewrote: ``count`` rows from ``first``."""

    links: tuple[Link, ...]
    first: int
    count: int


def _ids(link: Link, side: Side) -> tuple[int, ...]:
    return link.zh if side == "zh" else link.en


def _make(side: Side, ids: tuple[int, ...], other: tuple[int, ...]) -> Link:
    return Link(ids, other, DECIDED) if side == "zh" else Link(other, ids, DECIDED)


def _replace(links: Sequence[Link], start: int, end: int, new: Sequence[Link]) -> Edited:
    kept = [link for link in new if link.zh or link.en]
    return Edited((*links[:start], *kept, *links[end:]), start, len(kept))


def _check_row(links: Sequence[Link], row: int) -> None:
    if not 0 <= row < len(links):
        raise EditRefused(f"there is no row {row + 1}")


def row_of(links: Sequence[Link], side: Side, sentence: int) -> int:
    """The row (0-based) holding a sentence."""
    for index, link in enumerate(links):
        if sentence in _ids(link, side):
            return index
    raise EditRefused(f"there is no {_NAMES[side]} sentence {sentence}")


def merge(links: Sequence[Link], row: int) -> Edited:
    """Join a row with the row below it."""
    _check_row(links, row)
    if row + 1 >= len(links):
        raise EditRefused("the last row has no row below it to merge with")
    upper, lower = links[row], links[row + 1]
    return _replace(links, row, row + 2, [Link(upper.zh + lower.zh, upper.en + lower.en, DECIDED)])


def split(alignment: Alignment, row: int, side: Side, sentence: int) -> Edited:
    """Cut a row in two before ``sentence``; the other side is cut where its length matches.

    The other side's cut is the one whose share of that side's characters comes closest
    to the share before ``sentence`` on this side (keeping sentences on both new rows when
    the other side has several), which is right for most rows; a wrong guess is one move
    away.
    """
    links = alignment.links
    _check_row(links, row)
    link = links[row]
    ids = _ids(link, side)
    if sentence not in ids:
        raise EditRefused(f"{_NAMES[side]} sentence {sentence} is not in row {row + 1}")
    cut = ids.index(sentence)
    if cut == 0:
        raise EditRefused(
            f"row {row + 1} starts with that sentence; select a later {_NAMES[side]} sentence "
            "of the row to split before it"
        )
    other_side: Side = "en" if side == "zh" else "zh"
    other = _ids(link, other_side)
    documents = {"zh": alignment.source, "en": alignment.target}
    share = _shares(documents[side], ids)[cut]
    other_shares = _shares(documents[other_side], other)
    # With two or more sentences on the other side, both new rows keep some: splitting a
    # 2:2 row is meant to give two 1:1 rows, not a 2:0 and a 0:2.
    cuts = range(1, len(other)) if len(other) >= 2 else range(len(other) + 1)
    other_cut = min(cuts, key=lambda c: (abs(other_shares[c] - share), c))
    first = _make(side, ids[:cut], other[:other_cut])
    second = _make(side, ids[cut:], other[other_cut:])
    return _replace(links, row, row + 1, [first, second])


def _shares(document: Document, ids: Sequence[int]) -> list[float]:
    """Cumulative share of the characters before each cut point of a run of sentences."""
    lengths = [max(1, len(document.segments[i].text.strip())) for i in ids]
    total = sum(lengths)
    shares = [0.0]
    for length in lengths:
        shares.append(shares[-1] + length / total)
    return shares


def move(links: Sequence[Link], side: Side, sentence: int, step: int) -> Edited:
    """Move a sentence to the row above (``step`` -1) or below (+1).

    Only the first sentence of a side can go up and only the last can go down, so every
    link stays a run of neighbouring sentences; a row left empty disappears.
    """
    row = row_of(links, side, sentence)
    ids = _ids(links[row], side)
    name = _NAMES[side]
    if step < 0:
        if row == 0:
            raise EditRefused("row 1 has no row above it")
        if sentence != ids[0]:
            raise EditRefused(
                f"only the first {name} sentence of row {row + 1} can move to the row above"
            )
        neighbour = links[row - 1]
        moved = _make(side, (*_ids(neighbour, side), sentence), _ids(neighbour, _other(side)))
        rest = _make(side, ids[1:], _ids(links[row], _other(side)))
        return _replace(links, row - 1, row + 1, [moved, rest])
    if row + 1 >= len(links):
        raise EditRefused("the last row has no row below it")
    if sentence != ids[-1]:
        raise EditRefused(
            f"only the last {name} sentence of row {row + 1} can move to the row below"
        )
    neighbour = links[row + 1]
    rest = _make(side, ids[:-1], _ids(links[row], _other(side)))
    moved = _make(side, (sentence, *_ids(neighbour, side)), _ids(neighbour, _other(side)))
    return _replace(links, row, row + 2, [rest, moved])


def _other(side: Side) -> Side:
    return "en" if side == "zh" else "zh"


def detach(links: Sequence[Link], side: Side, sentence: int) -> Edited:
    """Give a sentence a row of its own: an omission (Chinese) or an addition (English).

    The sentence must be at an edge of its side of the row, so the rows stay in order; a
    Chinese sentence goes above what is left of its row, an English one below, unless it
    is the first or last of several.
    """
    row = row_of(links, side, sentence)
    link = links[row]
    ids, other = _ids(link, side), _ids(link, _other(side))
    if len(ids) == 1 and not other:
        raise EditRefused(f"row {row + 1} already holds only that sentence")
    alone = _make(side, (sentence,), ())
    if len(ids) == 1:
        rest = _make(side, (), other)
        new = [alone, rest] if side == "zh" else [rest, alone]
    elif sentence == ids[0]:
        new = [alone, _make(side, ids[1:], other)]
    elif sentence == ids[-1]:
        new = [_make(side, ids[:-1], other), alone]
    else:
        raise EditRefused(
            f"only the first or last {_NAMES[side]} sentence of row {row + 1} can be taken "
            "out; split the row first"
        )
    return _replace(links, row, row + 1, new)


def confirm(links: Sequence[Link], row: int) -> Edited:
    """Mark a row as checked: confidence 1.0, so it is no longer doubtful."""
    _check_row(links, row)
    link = links[row]
    return _replace(links, row, row + 1, [Link(link.zh, link.en, DECIDED)])
