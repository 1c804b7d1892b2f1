"""Re-running the checks after an edit: at once around the change, then over the document.

An edit changes a few rows, and the reviewer wants to see at once whether the finding on
them went away. The checks are therefore re-run first on the rows around the change (the
rewritten rows, with a margin of neighbours so that checks which look at the next or
previous row see them), and only the findings of the rewritten rows and their direct
neighbours are replaced. Findings elsewhere stay, since they are tied to sentence ids,
which edits never change. A few checks compare a row with the whole document (a sentence
translated two ways, a length ratio against the document's median); the session settles
those with a full run in the background, so what the page ends up showing is exactly what
``aligner qa --alignment`` reports for the saved file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from aligner.formats.rows import attach_findings
from aligner.model import Alignment, Finding, Link

Checker = Callable[[Alignment], tuple[Finding, ...]]
"""The QA checks over an alignment (all of its links, or a stretch of them)."""

MARGIN = 3
"""Neighbouring rows given to the checks on each side of a change, for context."""


def recheck_around(
    alignment: Alignment,
    before: Sequence[Finding],
    first: int,
    count: int,
    checker: Checker,
) -> tuple[Finding, ...]:
    """Findings after an edit that rewrote ``count`` rows from row ``first`` (0-based).

    The rows ``first - 1`` to ``first + count`` (the rewritten rows and one neighbour on
    each side) get the findings of a fresh run over a window with :data:`MARGIN` rows of
    context; every other row keeps its findings.
    """
    links = alignment.links
    low, high = max(0, first - 1), min(len(links), first + count + 1)
    window = Alignment(
        alignment.source,
        alignment.target,
        links[max(0, first - MARGIN) : min(len(links), first + count + MARGIN)],
    )
    fresh = checker(window)
    kept = _outside(links, before, low, high)
    renewed = _inside(links, fresh, low, high)
    return in_row_order(links, (*kept, *renewed))


def _rows(links: Sequence[Link], findings: Sequence[Finding]) -> list[int | None]:
    groups = attach_findings(links, findings)
    where: dict[int, int] = {}
    for row, group in enumerate(groups):
        for finding in group:
            where[id(finding)] = row
    return [where.get(id(finding)) for finding in findings]


def _outside(
    links: Sequence[Link], findings: Sequence[Finding], low: int, high: int
) -> list[Finding]:
    rows = _rows(links, findings)
    pairs = zip(findings, rows, strict=True)
    return [f for f, row in pairs if row is None or not low <= row < high]


def _inside(
    links: Sequence[Link], findings: Sequence[Finding], low: int, high: int
) -> list[Finding]:
    rows = _rows(links, findings)
    pairs = zip(findings, rows, strict=True)
    return [f for f, row in pairs if row is not None and low <= row < high]


def in_row_order(links: Sequence[Link], findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings about the document first, then row by row, most severe first in a row."""
    rows = [-1 if row is None else row for row in _rows(links, findings)]
    order = sorted(
        range(len(findings)),
        key=lambda k: (rows[k], -findings[k].severity.rank, findings[k].check),
    )
    return tuple(findings[k] for k in order)
