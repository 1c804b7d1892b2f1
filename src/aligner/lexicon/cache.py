"""Tables derived from bundled data, kept in the user's cache folder between runs.

Parsing CC-CEDICT, the bundled glossary or the spelling dictionary's word list costs more
than checking a press release does, and the result only changes when the data does. So
each derived table is stored once under ``$XDG_CACHE_HOME/aligner`` (``~/.cache/aligner``)
in a file whose name is a hash of everything it was derived from: the format's version,
and the path, size and modification time of each source. A new source (an upgraded
package, an edited glossary) gets a new file; a stale one is never read.

The cache is only ever a shortcut: a file that cannot be read or decoded is rebuilt, a
folder that cannot be written turns caching off for that table (the run just parses as
before), and ``ALIGNER_NO_CACHE=1`` turns it off entirely. Files are written to a temporary
name and renamed into place, so runs that start together never read half a file; at worst
both build the table and the last rename wins with identical content. Because a file is
only ever replaced whole, never rewritten in place, it is mapped into memory rather than
read: a table may keep slices of the mapping (the lexicon keeps its headwords and glosses
that way), and then only the pages a document touches are read from disk.

Each upgrade or edited source gets a new file, so old ones are cleared away: reading a
table marks it as in use (its modification time, at most once a day), and storing a table
removes the files of the same table that no run has used for 30 days. Two installs that
share the folder keep their own files as long as each is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_DAY = 24 * 60 * 60
UNUSED_FOR = 30 * _DAY  # a table no run has read for this long is removed

DISABLE_VARIABLE = "ALIGNER_NO_CACHE"


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/aligner``, or ``~/.cache/aligner``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aligner"


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package.

    ``importlib.resources`` imports the package (pyspellchecker's brings its checker and
    JSON reader) and its own reader machinery, all to name a file that a cached table
    may not even need to open. Falls back to ``importlib.resources`` for a package that
    is not a folder on disk (a zip import).
    """
    from importlib.util import find_spec

    spec = find_spec(package)
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if locations and Path(locations[0]).is_dir():
        return Path(locations[0]).joinpath(*parts)
    from importlib import resources

    return Path(str(resources.files(package).joinpath(*parts)))


def source_stamp(path: Path) -> str:
    """What identifies a source file's version without reading it."""
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def cache_file(name: str, version: int, stamps: Iterable[str], suffix: str) -> Path:
    """Where the table ``name`` derived from ``stamps`` with format ``version`` lives."""
    digest = hashlib.sha1(f"{name}:{version}".encode())
    for stamp in stamps:
        digest.update(b"\0" + stamp.encode("utf-8", "surrogatepass"))
    return cache_dir() / f"{name}-{digest.hexdigest()[:16]}{suffix}"


def cached(
    path: Path,
    build: Callable[[], T],
    encode: Callable[[T], bytes],
    decode: Callable[[memoryview], T],
) -> T:
    """The table stored at ``path``, or ``build()`` stored there for the next run.

    ``decode`` may raise anything on a damaged or foreign file (it is then rebuilt);
    ``encode`` turns a fresh table into the file's bytes.
    """
    enabled = os.environ.get(DISABLE_VARIABLE, "") in ("", "0")
    if enabled:
        try:
            return decode(mapped(path))
        except Exception:  # missing, unreadable, truncated or from another format
            pass
    table = build()
    if enabled:
        store(path, encode(table))
    return table


def mapped(path: Path) -> memoryview:
    """The bytes of ``path``, mapped read-only (an empty file cannot be mapped: ValueError),
    marked as in use."""
    with path.open("rb") as handle:
        view = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        if os.fstat(handle.fileno()).st_mtime < time.time() - _DAY:
            # A folder shared read-only cannot take the mark; the table is still good.
            with contextlib.suppress(OSError):
                os.utime(path)
        return view


_ALIGN = 8  # each stored array starts at a multiple of this, so it can be cast in place


def pack(header: Any, *arrays: bytes) -> bytes:
    """A cache file of a ``header`` (any value marshal stores) and ``arrays`` as they are, so
    that :func:`unpack` can hand out the arrays as slices of the mapped file."""
    sizes = tuple(len(array) for array in arrays)
    marshalled = marshal.dumps((header, sizes))
    parts = [len(marshalled).to_bytes(_ALIGN, "little"), marshalled]
    offset = _ALIGN + len(marshalled)
    for array in arrays:
        parts += [bytes(-offset % _ALIGN), array]
        offset += -offset % _ALIGN + len(array)
    return b"".join(parts)


def unpack(data: memoryview) -> tuple[Any, list[memoryview]]:
    """The header and the arrays of a file written by :func:`pack`."""
    end = _ALIGN + int.from_bytes(data[:_ALIGN], "little")
    header, sizes = marshal.loads(data[_ALIGN:end])
    arrays = []
    for size in sizes:
        start = end + -end % _ALIGN
        end = start + size
        arrays.append(data[start:end])
    if end != len(data):
        raise ValueError(f"{len(data)} bytes where {end} were stored")
    return header, arrays


def store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
    remove_unused(path)


def remove_unused(path: Path) -> None:
    """Remove the other files of the table stored at ``path`` that no run has used for
    :data:`UNUSED_FOR` (older sources, earlier formats)."""
    table = path.name.rsplit("-", 1)[0]
    oldest = time.time() - UNUSED_FOR
    for other in path.parent.glob(f"{table}-*{path.suffix}"):
        if other == path or other.name.rsplit("-", 1)[0] != table:
            continue
        try:
            if other.stat().st_mtime < oldest:
                other.unlink()
        except OSError:
            pass
