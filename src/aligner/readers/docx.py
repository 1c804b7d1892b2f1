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

# Package parts that are XML; their start is checked for a document type declaration.
_XML_PARTS = (".xml", ".rels", ".vml")
_PROLOGUE_BYTES = 64 * 1024
_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ROOT_START = re.compile(r"<[^?!]")
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)

_WRONG_CONTENT_TYPE = re.compile(r"not a Word file, content type is '([^']+)'")
_BUFFER_REPR = re.compile(r"'?<_io\.BytesIO object at 0x[0-9a-fA-F]+>'?")

# Other zip-based formats that people save as, or rename to, .docx.
_CONTENT_TYPES = "[Content_Types].xml"
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024
_WORD_MAIN_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroEnabled.main+xml",
    "ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_MAIN_TYPES = (
    ("spreadsheetml.sheet.main+xml", "a spreadsheet (XLSX)"),
    ("spreadsheetml.template.main+xml", "a spreadsheet template (XLTX)"),
    ("ms-excel.sheet.macroEnabled.main+xml", "a spreadsheet (XLSM)"),
    ("ms-excel.sheet.binary.macroEnabled.main", "a spreadsheet (XLSB)"),
    ("presentationml.presentation.main+xml", "a presentation (PPTX)"),
    ("presentationml.slideshow.main+xml", "a slide show (PPSX)"),
    ("presentationml.template.main+xml", "a presentation template (POTX)"),
    ("ms-powerpoint.presentation.macroEnabled.main+xml", "a presentation (PPTM)"),
    ("ms-visio.drawing.main+xml", "a Visio drawing (VSDX)"),
)
_OTHER_MIMETYPES = (
    (
        "application/vnd.oasis.opendocument.text",
        "an OpenDocument text file (ODT); save it as .docx",
    ),
    ("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet (ODS)"),
    ("application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation (ODP)"),
    ("application/epub+zip", "an EPUB e-book"),
)


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


def _prologue(archive: zipfile.ZipFile, name: str) -> str:
    """The start of an XML part, up to its root element, decoded for inspection."""
    with archive.open(name) as member:
        head = member.read(_PROLOGUE_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-le" if head[:1] in (b"\xff", b"<") else "utf-16-be"
        text = head.decode(encoding, errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = _XML_COMMENT.sub("", text)
    root = _ROOT_START.search(text)
    return text[: root.start()] if root else text


def _refuse_document_types(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a package whose XML parts declare a document type.

    Office never writes a <!DOCTYPE> into a package part; one is there to declare
    entities, which is how XML external entity attacks read local files or reach the
    network (and how "billion laughs" inflates memory). The parser would not expand
    them anyway, but such a file is hostile or broken, so it is refused outright.
    """
    for info in archive.infolist():
        if not info.filename.lower().endswith(_XML_PARTS):
            continue
        if _DOCTYPE.search(_prologue(archive, info.filename)):
            raise InputError(
                path,
                f"the part {info.filename!r} declares an XML document type (<!DOCTYPE>), "
                "which Word never writes; refusing a file that may try to read other files "
                "through XML entities",
            )


def _other_format(archive: zipfile.ZipFile) -> str | None:
    """What a zip package is when it is clearly not a Word document, in words."""
    names = set(archive.namelist())
    if "mimetype" in names:
        with archive.open("mimetype") as member:
            mimetype = member.read(200).decode("ascii", errors="replace").strip()
        for marker, described in _OTHER_MIMETYPES:
            if mimetype.startswith(marker):
                return described
    if _CONTENT_TYPES not in names:
        return None
    with archive.open(_CONTENT_TYPES) as member:
        content_types = member.read(_MAX_CONTENT_TYPES_BYTES).decode("utf-8", errors="replace")
    if any(word_type in content_types for word_type in _WORD_MAIN_TYPES):
        return None
    for marker, described in _OTHER_MAIN_TYPES:
        if marker in content_types:
            return described
    return None


def _library_problem(error: Exception) -> str:
    """python-docx's message in the user's terms: it names the in-memory buffer it was
    given ("<_io.BytesIO object at 0x7f...>"), which means nothing to the user."""
    message = str(error)
    content_type = _WRONG_CONTENT_TYPE.search(message)
    if content_type:
        return f"its main part is {content_type.group(1)}, not a Word document body"
    return _BUFFER_REPR.sub("the file", message)


def _open_zip(data: bytes, path: str, limits: ZipLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path, limits)
            _refuse_document_types(archive, path)
            other = _other_format(archive)
    except zipfile.BadZipFile:
        raise InputError(
            path, f"{NOT_DOCX}: it is not a zip package (damaged, or an old .doc file?)"
        ) from None
    except (zlib.error, EOFError) as error:
        raise InputError(path, f"{NOT_DOCX}: damaged zip data ({error})") from None
    except (RuntimeError, NotImplementedError, ValueError) as error:
        # Encrypted members and unsupported compression methods.
        raise InputError(path, f"{NOT_DOCX}: {error}") from None
    if other is not None:
        kind, _, advice = other.partition("; ")
        raise InputError(
            path, f"is {kind}, not a Word document" + (f"; {advice}" if advice else "")
        )


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
        raise InputError(path, f"{NOT_DOCX}: {_library_problem(error)}") from None
    if not paragraphs:
        raise InputError(path, "the document has no text")
    return RawDocument(path=path, paragraphs=paragraphs)
