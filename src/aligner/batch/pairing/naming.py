"""Turning pair names into folder names that are safe, portable and unique.

A pair's name comes from file names inside an archive, that is, from whoever built it.
It becomes one path component under the output folder, so it may contain no separators,
no "..", nothing Windows refuses, and no two pairs may land in the same folder even on a
case-insensitive file system.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_NAME_CHARS = 80
_UNSAFE_RUN = re.compile(r"[^\w.\-]+")
_SAFE_NAME = re.compile(r"\w[\w.\-]*", re.UNICODE)
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{digit}" for digit in range(10)}
    | {f"lpt{digit}" for digit in range(10)}
)
# Files the batch writes beside the pair folders.
RESERVED_NAMES = frozenset({"summary.json", "summary.csv", "summary.html"})


def safe_name(stem: str) -> str:
    """One path component made of letters (any script), digits, ``.``, ``-`` and ``_``."""
    text = unicodedata.normalize("NFC", stem)
    text = _UNSAFE_RUN.sub("_", text).strip("._-")[:MAX_NAME_CHARS].rstrip("._-")
    if not text:
        return "release"
    if text.split(".", 1)[0].casefold() in _WINDOWS_RESERVED:
        return "_" + text
    return text


def is_safe_name(name: str) -> bool:
    """Whether ``name`` is a name this module could have made: one harmless path component."""
    return (
        _SAFE_NAME.fullmatch(name) is not None
        and name.split(".", 1)[0].casefold() not in _WINDOWS_RESERVED
    )


def unique_names(stems: Sequence[str]) -> list[str]:
    """Safe names in the order given, the second and later of a clash numbered -2, -3, …"""
    taken = {name.casefold() for name in RESERVED_NAMES}
    names: list[str] = []
    for stem in stems:
        base = safe_name(stem)
        candidate = base
        number = 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate.casefold())
        names.append(candidate)
    return names
