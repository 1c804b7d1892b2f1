"""The visible text of a web page, block by block, with where each block sits.

The HTML reader produces this and the main-content step reads it: knowing which
block-level element holds each block lets the release be kept as a whole element (every
paragraph of it, even ones an extractor would drop) while the page around it goes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One block of visible text.

    ``container`` indexes :attr:`PageText.containers` (the innermost block-level element
    holding the text, -1 for none); ``link_chars`` counts its non-space characters that
    sit inside links, which is how navigation and "related news" lists give themselves
    away.
    """

    text: str
    container: int
    link_chars: int = 0

    @property
    def link_share(self) -> float:
        visible = sum(1 for char in self.text if not char.isspace())
        return min(1.0, self.link_chars / visible) if visible else 0.0


@dataclass(frozen=True)
class Container:
    """A block-level element: its tag, its enclosing block-level element (-1 for none),
    and the blocks inside it as the range ``first`` to ``end`` (exclusive)."""

    tag: str
    parent: int
    first: int
    end: int


@dataclass(frozen=True)
class PageText:
    """All visible blocks of a page in reading order, its block-level elements and how
    deeply they nest."""

    blocks: tuple[Block, ...]
    containers: tuple[Container, ...]
    depth: int
