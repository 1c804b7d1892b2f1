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
both build the table and the last rename wins with identical content.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

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
    decode: Callable[[bytes], T],
) -> T:
    """The table stored at ``path``, or ``build()`` stored there for the next run.

    ``decode`` may raise anything on a damaged or foreign file (it is then rebuilt);
    ``encode`` turns a fresh table into the file's bytes.
    """
    enabled = os.environ.get(DISABLE_VARIABLE, "") in ("", "0")
    if enabled:
        try:
            return decode(path.read_bytes())
        except Exception:  # missing, unreadable, truncated or from another format
            pass
    table = build()
    if enabled:
        store(path, encode(table))
    return table


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
        pass
