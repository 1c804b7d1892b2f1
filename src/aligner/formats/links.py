"""The ``[zh ids]:[en ids]`` link list: the format of MAC-Dev gold files, ``eval`` and
``--alignment``.

One link a line, 0-based sentence ids, document order, e.g. ``[16]:[20,21]`` or ``[]:[38]``
for an English sentence with no Chinese counterpart. Blank lines are ignored on reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aligner.formats.settings import OutputSettings
from aligner.model import Report

LinkIds = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")

GAP_MARKERS = ("...", "…")
"""A line holding only one of these, in a partial alignment: "the aligner links this part"."""


def parse_links(text: str, origin: str = "<links>") -> list[LinkIds]:
    """Read ``[zh ids]:[en ids]`` lines; a line of any other shape is a ValueError naming it."""
    links: list[LinkIds] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        link = parse_link_line(line)
        if link is None:
            raise ValueError(f"{origin}: line {number}: {shape_problem(line)}")
        links.append(link)
    return links


def parse_link_line(line: str) -> LinkIds | None:
    """One ``[zh ids]:[en ids]`` line, or None when the line has another shape."""
    match = _LINE.match(line)
    if not match:
        return None
    return (_ids(match.group(1)), _ids(match.group(2)))


def shape_problem(line: str) -> str:
    """What to say about a line that is not a link."""
    shown = line.strip()
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return f"expected [ids]:[ids], got {shown!r}"


def _ids(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.replace(" ", "").split(",") if x)


def format_links(links: Iterable[LinkIds]) -> str:
    """The inverse of :func:`parse_links`."""
    return "".join(f"[{','.join(map(str, zh))}]:[{','.join(map(str, en))}]\n" for zh, en in links)


def render_links(report: Report) -> str:
    return format_links((link.zh, link.en) for link in report.alignment.links)


def links_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_links(report).encode("utf-8")
