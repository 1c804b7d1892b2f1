"""Word (.docx) input: the body's paragraphs and table cells in reading order.

python-docx opens and validates the package, but its paragraph and table views hide
tracked changes, repeat merged cells and skip content controls, so the body XML is
walked directly. Headers, footers, footnotes, comments and text boxes are not part of
the running text and are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from aligner.errors import InputError
from aligner.model import RawDocument
from aligner.readers.safety import DEFAULT_ZIP_LIMITS, ZipLimits, check_zip
from aligner.readers.text import EMPTY_PROBLEM, normalize_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DOCUMENT = _W + "document"
_BODY = _W + "body"
_PARAGRAPH = _W + "p"
_TABLE = _W + "tbl"
_ROW = _W + "tr"
_CELL = _W + "tc"
_RUN = _W + "r"
_TEXT = _W + "t"
# Wrappers whose children belong to the flow they sit in.
_CONTENT_CONTROL = _W + "sdt"
_CONTENT_CONTROL_BODY = _W + "sdtContent"
_CUSTOM_XML = _W + "customXml"
# Run children that stand for characters.
_AS_SPACE = frozenset({_W + "tab", _W + "ptab"})
_AS_BREAK = frozenset({_W + "br", _W + "cr"})
_NON_BREAKING_HYPHEN = _W + "noBreakHyphen"
# Never read: deleted or moved-away text, properties, and drawings or embedded objects
# (text boxes live there, often twice: once for new Word and once as a fallback).
_SKIPPED = frozenset(
    {
        _W + "del",
        _W + "moveFrom",
        _W + "pPr",
        _W + "rPr",
        _W + "sdtPr",
        _W + "sdtEndPr",
        _W + "tcPr",
        _W + "trPr",
        _W + "tblPr",
        _W + "tblGrid",
        _W + "drawing",
        _W + "pict",
        _W + "object",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
    }
)
_OFF_VALUES = frozenset({"0", "false", "off"})

NOT_DOCX = "not a valid DOCX file"


def _is_on(element: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: present means on unless its value says off."""
    if element is None:
        return False
    return element.get(_W + "val", "true").lower() not in _OFF_VALUES


def _is_hidden_run(run: etree._Element) -> bool:
    properties = run.find(_W + "rPr")
    return properties is not None and _is_on(properties.find(_W + "vanish"))


def _paragraph_pieces(element: etree._Element, pieces: list[str]) -> None:
    """Collect the visible characters of a paragraph; "\\n" marks a line break."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _TEXT:
            pieces.append(child.text or "")
        elif tag in _AS_SPACE:
            pieces.append(" ")
        elif tag in _AS_BREAK:
            pieces.append("\n")
        elif tag == _NON_BREAKING_HYPHEN:
            pieces.append("-")
        elif tag == _RUN and _is_hidden_run(child):
            continue
        else:
            _paragraph_pieces(child, pieces)


def _paragraph_lines(paragraph: etree._Element) -> Iterator[str]:
    """A paragraph's text, split at manual line breaks like an HTML <br>."""
    pieces: list[str] = []
    _paragraph_pieces(paragraph, pieces)
    for line in normalize_text("".join(pieces)).split("\n"):
        stripped = line.strip()
        if stripped:
            yield stripped


def _is_merge_continuation(cell: etree._Element) -> bool:
    """A cell covered by a vertical merge from above; its content was already read."""
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") == "continue"


def _unwrap(element: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """Children with tag ``wanted``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag == _CONTENT_CONTROL:
            body = child.find(_CONTENT_CONTROL_BODY)
            if body is not None:
                yield from _unwrap(body, wanted)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrap(child, wanted)


def _table_blocks(table: etree._Element) -> Iterator[str]:
    for row in _unwrap(table, _ROW):
        for cell in _unwrap(row, _CELL):
            if not _is_merge_continuation(cell):
                yield from _flow_blocks(cell)


def _flow_blocks(container: etree._Element) -> Iterator[str]:
    """Paragraph texts of a body or table cell, nested tables read where they stand."""
    for child in container:
        if child.tag == _PARAGRAPH:
            yield from _paragraph_lines(child)
        elif child.tag == _TABLE:
            yield from _table_blocks(child)
        elif child.tag == _CONTENT_CONTROL:
            body = child.find(_CONTENT_CONTROL_BODY)
            if body is not None:
                yield from _flow_blocks(body)
        elif child.tag == _CUSTOM_XML:
            yield from _flow_blocks(child)


def _missing_member(error: KeyError) -> str:
    """zipfile says "There is no item named 'x' in the archive"; keep just the name."""
    message = str(error.args[0]) if error.args else ""
    match = re.search(r"'([^']+)'", message)
    return match.group(1) if match else "a required part"


def _open_zip(data: bytes, path: str, limits: ZipLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path, limits)
    except zipfile.BadZipFile:
        raise InputError(
            path, f"{NOT_DOCX}: it is not a zip package (damaged, or an old .doc file?)"
        ) from None


def read_docx(data: bytes, path: str, *, limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> RawDocument:
    """Read a DOCX held in memory; every failure becomes an InputError."""
    if not data:
        raise InputError(path, EMPTY_PROBLEM)
    _open_zip(data, path, limits)
    try:
        root = docx.Document(io.BytesIO(data)).element
        body = root.find(_BODY) if root.tag == _DOCUMENT else None
        if body is None:
            raise InputError(path, f"{NOT_DOCX}: the main part is not a Word document body")
        paragraphs = tuple(_flow_blocks(body))
    except PackageNotFoundError:
        raise InputError(path, f"{NOT_DOCX}: the package has no Word document part") from None
    except KeyError as error:
        raise InputError(path, f"{NOT_DOCX}: {_missing_member(error)} is missing") from None
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"{NOT_DOCX}: damaged XML ({error.msg})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise InputError(path, f"{NOT_DOCX}: damaged zip data ({error})") from None
    except (ValueError, TypeError, AttributeError, NotImplementedError, RuntimeError) as error:
        raise InputError(path, f"{NOT_DOCX}: {error}") from None
    if not paragraphs:
        raise InputError(path, "the document has no text")
    return RawDocument(path=path, paragraphs=paragraphs)
