"""Regular expressions compiled by an earlier run, kept in the user's cache folder.

The language, segmentation and check modules compile a few hundred patterns (number and
date grammars, polarity word lists, checklist rules); parsing and compiling them costs
about as much as checking a short release does, on every run. A compiled pattern depends
only on its text, its flags and the engine, so the engine's program for it is stored once
and later runs hand that program straight to the engine, skipping the parser and the
compiler.

Each engine has its own file, named after everything the stored programs depend on besides
the pattern: the format's version and the engine's version (the Python build for ``re``,
the ``regex`` release for ``regex``). Within a file, entries are keyed by pattern and
flags, so a pattern edited in the source is simply not found and is compiled and added.
New entries are written once, when the process exits; a file grown past
:data:`MAX_ENTRIES` (user checklists come and go) starts again from the patterns of the
run that writes it.

Like every cached table (:mod:`aligner.lexicon.cache`) this is only a shortcut: a missing,
damaged or foreign file, or an entry the engine refuses, means compiling as usual, and
``ALIGNER_NO_CACHE=1`` turns it off. ``re`` programs come from the standard library's own
compiler (``re._compiler``); where a Python release lays that out differently, ``re``
patterns are compiled as usual and only ``regex`` ones are cached.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner.lexicon.cache import DISABLE_VARIABLE, cache_file, mapped, store

if TYPE_CHECKING:
    import regex

FORMAT_VERSION = 1
MAX_ENTRIES = 4000

_Key = tuple[str, int]


class _Programs:
    """One engine's stored programs: those read from its file and those made this run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[_Key, bytes] | None = None
        self.used: dict[_Key, bytes] = {}
        self.refused: set[_Key] = set()
        self.added = False

    def get(self, key: _Key) -> bytes | None:
        if self.stored is None:
            self.stored = _read(self.path)
        found = self.stored.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: _Key, program: bytes) -> None:
        _save_at_exit()
        self.added = True
        self.used[key] = program
        if self.stored is not None:
            self.stored.pop(key, None)

    def forget(self, key: _Key) -> None:
        """Drop an entry the engine refused, so the file is written again without it."""
        self.refused.add(key)
        self.used.pop(key, None)
        if self.stored is not None:
            self.stored.pop(key, None)
        _save_at_exit()
        self.added = True

    def save(self) -> None:
        """Add this run's programs to the file (read again: another run may have added
        some since this one started)."""
        if not self.added or not _enabled():
            return
        self.added = False
        merged = _read(self.path)
        for key in self.refused:
            merged.pop(key, None)
        merged.update(self.used)
        if len(merged) > MAX_ENTRIES:
            merged = dict(self.used)
        store(self.path, marshal.dumps((FORMAT_VERSION, merged)))


def _read(path: Path) -> dict[_Key, bytes]:
    try:
        version, table = marshal.loads(mapped(path))
    except Exception:  # missing, unreadable, truncated or from another format
        return {}
    if version != FORMAT_VERSION or not isinstance(table, dict):
        return {}
    return table


def _enabled() -> bool:
    return os.environ.get(DISABLE_VARIABLE, "") in ("", "0")


_engines: dict[str, _Programs] = {}
_exit_hook = False


def _save_at_exit() -> None:
    global _exit_hook
    if not _exit_hook:
        _exit_hook = True
        atexit.register(save)


def save() -> None:
    """Write the programs compiled since the last save (done when the process exits)."""
    for programs in _engines.values():
        programs.save()


def _programs(engine: str, version: str) -> _Programs:
    found = _engines.get(engine)
    if found is None:
        path = cache_file(f"patterns-{engine}", FORMAT_VERSION, [version], ".marshal")
        found = _engines[engine] = _Programs(path)
    return found


# --- re ---------------------------------------------------------------------------------------


def _re_internals() -> tuple[Any, Any, Any] | None:
    """The standard library's parser, code generator and engine, where laid out as in 3.11+."""
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not all(hasattr(m, n) for m, n in ((_parser, "parse"), (_compiler, "_code"))):
        return None
    return _parser, _compiler, _sre


_RE = _re_internals()


def re_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored program when an earlier run made it."""
    if _RE is None or not _enabled():
        return re.compile(pattern, flags)
    parser, compiler, sre = _RE
    flags = int(flags)
    programs = _programs("re", f"{sys.version}:{sre.MAGIC}")
    key = (pattern, flags)
    stored = programs.get(key)
    if stored is not None:
        try:
            compiled: re.Pattern[str] = sre.compile(pattern, *marshal.loads(stored))
            return compiled
        except Exception:  # damaged entry: compile it afresh
            programs.forget(key)
    # What re._compiler.compile does, keeping the program it hands to the engine.
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (
        flags | parsed.state.flags,
        # Opcodes are an int subclass, which marshal does not take.
        [int(word) for word in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    compiled = sre.compile(pattern, *program)
    programs.put(key, marshal.dumps(program))
    return compiled


# --- regex ------------------------------------------------------------------------------------


def regex_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the stored program when an earlier run made it.

    ``regex`` patterns pickle as their program, so the stored entry is the pickle.
    """
    import pickle

    import regex

    if not _enabled():
        return regex.compile(pattern, flags)
    flags = int(flags)
    programs = _programs("regex", regex.__version__)
    key = (pattern, flags)
    stored = programs.get(key)
    if stored is not None:
        try:
            found = pickle.loads(stored)
            if isinstance(found, regex.Pattern) and found.pattern == pattern:
                return found
        except Exception:  # damaged entry: compile it afresh
            pass
        programs.forget(key)
    compiled = regex.compile(pattern, flags)
    programs.put(key, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
    return compiled
