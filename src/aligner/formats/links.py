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


def parse_links(text: str, origin: str = "<links>") -> list[LinkIds]:
    """Read ``[zh ids]:[en ids]`` lines; a line of any other shape is a ValueError naming it."""
    links: list[LinkIds] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise ValueError(f"{origin}: line {number}: expected [ids]:[ids], got {line.strip()!r}")
        links.append((_ids(match.group(1)), _ids(match.group(2))))
    return links


def _ids(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.replace(" ", "").split(",") if x)


def format_links(links: Iterable[LinkIds]) -> str:
    """The inverse of :func:`parse_links`."""
    return "".join(f"[{','.join(map(str, zh))}]:[{','.join(map(str, en))}]\n" for zh, en in links)


def render_links(report: Report) -> str:
    return format_links((link.zh, link.en) for link in report.alignment.links)


def links_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_links(report).encode("utf-8")
