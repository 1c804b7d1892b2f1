"""Loading glossaries for QA: user files by path, and the customs glossary shipped with aligner.

The bundled glossary is parsed once and the result kept in the user's cache folder
(:mod:`aligner.lexicon.cache`), so a run that uses only it never loads the TBX reader; the
readers are imported when a user's file is read.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.precedence import Override, in_force, overrides
from aligner.lexicon.cache import cache_file, cached, package_file, source_stamp

if TYPE_CHECKING:
    from aligner.glossary.problems import ReadResult

BUNDLED_NAME = "customs.tbx"
_CACHE_VERSION = 1


def _looks_like_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_glossary(path: str, data: bytes | None = None) -> ReadResult:
    """Read leniently: well-formed entries plus every problem found on the way.

    The format follows the extension (.tbx, .csv, .tsv); any other extension is
    recognised by content. Raises InputError only when the file cannot be used at all.
    """
    from aligner.glossary.csvfile import read_csv_glossary
    from aligner.glossary.files import read_input_bytes
    from aligner.glossary.tbx import read_tbx_glossary

    if data is None:
        data = read_input_bytes(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".tbx" or (suffix not in {".csv", ".tsv"} and _looks_like_xml(data)):
        return read_tbx_glossary(path, data)
    return read_csv_glossary(path, data)


def load_glossary(path: str) -> Glossary:
    """Read strictly: the first malformed row or concept raises InputError("line N: …").

    Entries that contradict each other (a rendering both accepted and deprecated for one
    term) are refused too, exactly as ``glossary check`` reports them as errors.
    """
    from aligner.glossary.conflicts import entry_problems
    from aligner.glossary.problems import raise_first_error

    result = read_glossary(path)
    raise_first_error(path, result.problems)
    conflicts = tuple(entry_problems(result.glossary.entries))
    raise_first_error(path, conflicts)
    return result.glossary


def _parse_bundled(source: Path) -> Glossary:
    from aligner.glossary.problems import raise_first_error
    from aligner.glossary.tbx import read_tbx_glossary

    result = read_tbx_glossary(BUNDLED_NAME, source.read_bytes())
    raise_first_error(BUNDLED_NAME, result.problems)
    return result.glossary


def _decode_bundled(data: memoryview) -> Glossary:
    glossary = pickle.loads(data)
    if not isinstance(glossary, Glossary):
        raise TypeError("not a glossary")
    return glossary


@lru_cache(maxsize=1)
def bundled_glossary() -> Glossary:
    """The customs glossary shipped inside the package (read once per process, parsed once
    per version of the file)."""
    source = package_file("aligner", "data", BUNDLED_NAME)
    path = cache_file("glossary", _CACHE_VERSION, [source_stamp(source)], ".pickle")
    return cached(
        path,
        lambda: _parse_bundled(source),
        lambda glossary: pickle.dumps(glossary, protocol=pickle.HIGHEST_PROTOCOL),
        _decode_bundled,
    )


def glossaries_in_order(paths: Sequence[str], *, include_bundled: bool = True) -> list[Glossary]:
    """The bundled glossary (unless left out), then each file in the order given."""
    found = [bundled_glossary()] if include_bundled else []
    found.extend(load_glossary(path) for path in paths)
    return found


def glossary_entries(
    paths: Sequence[str], *, include_bundled: bool = True
) -> tuple[GlossaryEntry, ...]:
    """Every entry in force for a QA run.

    A term found in several glossaries takes its entries from the last one given, so a
    user's file overrides the bundled glossary term by term (see
    :mod:`aligner.glossary.precedence`).
    """
    return in_force(glossaries_in_order(paths, include_bundled=include_bundled))


def glossary_overrides(
    paths: Sequence[str], *, include_bundled: bool = True
) -> tuple[Override, ...]:
    """Terms a later glossary defines differently from an earlier one, for a notice."""
    return overrides(glossaries_in_order(paths, include_bundled=include_bundled))
