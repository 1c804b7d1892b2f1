"""Converting glossaries between CSV, TSV and TBX, chosen by the file extensions.

``aligner glossary convert glossaries/customs.csv glossaries/customs.tbx`` regenerates the
bundled TBX from its hand-kept CSV.
"""

from __future__ import annotations

from pathlib import Path

from aligner.errors import InputError
from aligner.files import write_bytes_atomic
from aligner.glossary.csvfile import csv_text
from aligner.glossary.load import load_glossary
from aligner.glossary.model import Glossary
from aligner.glossary.tbx import TbxDialect, tbx_bytes

_TEXT_DELIMITERS = {".csv": ",", ".tsv": "\t"}


def glossary_bytes(glossary: Glossary, dst: str, *, tbx_dialect: TbxDialect = "2019") -> bytes:
    """The glossary in the format ``dst``'s extension names."""
    suffix = Path(dst).suffix.lower()
    if suffix == ".tbx":
        return tbx_bytes(glossary, tbx_dialect)
    if suffix in _TEXT_DELIMITERS:
        return csv_text(glossary, _TEXT_DELIMITERS[suffix]).encode("utf-8")
    raise InputError(dst, "unknown glossary format; the name must end in .tbx, .csv or .tsv")


def convert_glossary(src: str, dst: str, *, tbx_dialect: TbxDialect = "2019") -> int:
    """Read ``src`` strictly, write ``dst`` atomically, return the number of entries written.

    TBX is written as TBX-Basic 2019 unless ``tbx_dialect="2008"`` asks for <martif>.
    """
    glossary = load_glossary(src)
    if not glossary.entries:
        raise InputError(src, "the glossary has no entries to convert")
    data = glossary_bytes(glossary, dst, tbx_dialect=tbx_dialect)
    write_bytes_atomic(dst, data)
    return len(glossary.entries)
