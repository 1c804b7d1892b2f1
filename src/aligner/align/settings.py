"""What the user may choose about the search: the link shapes allowed and the band's width.

Kept apart from the search itself so that naming a setting (the command line does, for
every run) loads nothing the search needs.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LINK_TYPES: tuple[tuple[int, int], ...] = (
    (0, 1),
    (1, 0),
    (1, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
)


@dataclass(frozen=True)
class SearchConfig:
    """What the user may choose about the search: the link shapes allowed, and the
    narrowest band (wider is slower, never less accurate). How links are valued comes
    with the scorer (``SpanScorer.objective``)."""

    link_types: tuple[tuple[int, int], ...] = DEFAULT_LINK_TYPES
    min_band: int = 12
