"""Reading a bilingual file given alone to ``qa``: XLIFF 1.x, XLIFF 2.x or TMX.

The format is recognised by the root element, not the name; each format's own module reads
its units, and :mod:`aligner.formats.xmlread` turns them into an alignment. Everything that
goes wrong is one :class:`~aligner.errors.InputError` naming the file: XML that is not
well-formed or exceeds the parser's safety limits, a ``<cp>`` that names no character, and a
single file that is not bilingual at all (most often one document of a pair given alone).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import PurePath

from lxml import etree

from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.formats import tmx, xliff12, xliff21
from aligner.formats.xmlread import BadCharacter, Parsed, assemble, parse_xml, unit_label
from aligner.model import Alignment

# Far above any press release; stops a mistaken device or huge dump from eating memory.
MAX_BILINGUAL_BYTES = 256 * 1024 * 1024

# Names that say a file is meant to be bilingual; anything else given alone is checked first.
_BILINGUAL_SUFFIXES = frozenset({".xlf", ".xliff", ".tmx", ".xml"})
_STDIN = "<stdin>"
_ONE_FILE_ONLY = (
    "one file alone must be a bilingual XLIFF (.xlf, .xliff) or TMX (.tmx) file; "
    "to check a translation against its original, give two files: ZH EN"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bilingual(path: str) -> Alignment:
    """Read an XLIFF 1.x/2.x or TMX file, recognised by its root element, not its name.

    A file that is neither, and whose name does not say it should be (``zh.txt``,
    ``release.docx``), is most likely one of the two documents of a pair given alone, so it is
    refused with a message saying what one file and two files mean rather than with the XML
    parser's complaint about it.
    """
    if path == "-":
        raise InputError(_STDIN, _ONE_FILE_ONLY)
    named_bilingual = PurePath(path).suffix.lower() in _BILINGUAL_SUFFIXES
    data = _read_bytes(path)
    if not named_bilingual and not _looks_like_xml(data):
        raise InputError(path, _ONE_FILE_ONLY)
    try:
        root = parse_xml(data, path)
        reader = _reader_for(root, path)
    except InputError:
        if named_bilingual:
            raise
        raise InputError(path, _ONE_FILE_ONLY) from None
    try:
        parsed = reader()
    except BadCharacter as bad:
        label = unit_label(bad.element)
        raise InputError(path, f"{bad.what} in {label} ({bad.why})") from None
    return assemble(parsed, path)


def _reader_for(root: etree._Element, path: str) -> Callable[[], Parsed]:
    name = etree.QName(root)
    namespace = name.namespace or ""
    if name.localname == "xliff":
        if namespace in xliff12.NAMESPACES_READ:
            return lambda: xliff12.read_units(root, namespace, path)
        if namespace in xliff21.NAMESPACES_READ:
            return lambda: xliff21.read_units(root, namespace, path)
        raise InputError(path, f"unknown XLIFF version (namespace {namespace or 'none'!r})")
    if name.localname == "tmx" and not namespace:
        return lambda: tmx.read_units(root, path)
    raise InputError(path, f"not an XLIFF or TMX file (root element <{name.localname}>)")


def _read_bytes(path: str) -> bytes:
    """The file's bytes; a pipe or device is refused at once instead of blocking the read."""
    return read_input_file(path, max_bytes=MAX_BILINGUAL_BYTES, what="bilingual file")


def _looks_like_xml(data: bytes) -> bool:
    """Whether the bytes start like an XML document: ``<`` after a byte order mark and spaces."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            head = data[len(bom) : len(bom) + 400].decode(encoding, errors="ignore")
            return head.lstrip().startswith("<")
    return data[:400].lstrip().startswith(b"<")
