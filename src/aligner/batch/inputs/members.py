"""Deciding whether an archive member's name is safe to use, and what to call it.

Member names come from whoever built the archive. A name is only ever used as a label
and as a lookup key (nothing is extracted under it), but names that try to climb out of
the archive or point at absolute locations are refused anyway: they are a sign of a
hostile archive, and refusing them keeps every later stage free of the question.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

# Files operating systems drop into archives on their own; never part of a release.
_OS_LITTER_DIRS = frozenset({"__MACOSX"})
_OS_LITTER_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def name_problem(name: str) -> str | None:
    """Why a member name is unsafe, or None when it is an ordinary relative path."""
    if not name:
        return "empty member name"
    if "\x00" in name:
        return "member name contains a NUL character"
    unified = name.replace("\\", "/")
    if unified.startswith("/") or PureWindowsPath(name).drive or PureWindowsPath(name).root:
        return "absolute path; refusing a member that points outside the archive"
    if ".." in PurePosixPath(unified).parts:
        return "'..' in the path; refusing a member that points outside the archive"
    return None


def normalized_name(name: str) -> str:
    """A safe member name as a clean relative POSIX path (no "./", no doubled slashes)."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts)


def is_os_litter(name: str) -> bool:
    """Resource forks and folder-view files that archivers add without being asked."""
    parts = name.split("/")
    return parts[-1] in _OS_LITTER_FILES or any(part in _OS_LITTER_DIRS for part in parts[:-1])
