"""Readers: turn an input file into a RawDocument, whatever its format and encoding.

Everything that can go wrong with an input file (missing, unreadable, binary,
undecodable, a damaged or hostile DOCX) surfaces here as an InputError naming the file,
so later stages only ever see clean text.
"""

from __future__ import annotations

import os
import re
import sys
from typing import BinaryIO, Literal

from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.model import RawDocument
from aligner.readers.script import check_side, check_sides, detect_lang

__all__ = [
    "check_side",
    "check_sides",
    "detect_lang",
    "read_bytes",
    "read_document",
    "sniff_format",
]

Format = Literal["docx", "html", "text"]

STDIN_NAME = "<stdin>"
# Far above any press release; stops a mistaken device or huge dump from eating memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024

_BY_EXTENSION: dict[str, Format] = {
    ".txt": "text",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}
# Formats people try that would otherwise be read as garbage or rejected as "binary".
_UNSUPPORTED = {
    ".doc": "Word 97-2003 .doc files are not supported; save it as .docx",
    ".wps": "WPS .wps files are not supported; save it as .docx",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
    ".odt": "OpenDocument .odt files are not supported; save it as .docx",
    ".pdf": "PDF files are not supported; copy the text into a .txt or .docx file",
}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_BYTES = 2048


def sniff_format(data: bytes) -> Format:
    """Guess the format of content that has no file name, such as standard input."""
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        start = head.decode("utf-16", errors="ignore")
    else:
        start = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    return "html" if _HTML_START.match(start) else "text"


def _read_limited(stream: BinaryIO, shown: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(shown, f"the input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return data


def _read_file(path: str) -> bytes:
    return read_input_file(path, max_bytes=MAX_INPUT_BYTES)


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        return _read_limited(stream, STDIN_NAME)
    except OSError as error:
        raise InputError(
            STDIN_NAME, f"cannot read standard input ({error.strerror or error})"
        ) from None


def _format_for(path: str, data: bytes) -> Format:
    extension = os.path.splitext(path)[1].lower()
    if extension in _UNSUPPORTED:
        raise InputError(path, _UNSUPPORTED[extension])
    known = _BY_EXTENSION.get(extension)
    return known if known is not None else sniff_format(data)


def read_document(
    path: str | os.PathLike[str],
    *,
    split_lines: bool = False,
    stdin: BinaryIO | None = None,
) -> RawDocument:
    """Read a .txt, .docx or .html file, or standard input when ``path`` is "-".

    ``split_lines`` says a text file already has one sentence per line (blank lines
    between paragraphs); it does not affect DOCX or HTML, whose structure is explicit.
    """
    name = os.fspath(path)
    if name == "-":
        shown = STDIN_NAME
        data = _read_stdin(stdin)
        kind = sniff_format(data)
    else:
        shown = name
        data = _read_file(name)
        kind = _format_for(name, data)
    return _read(kind, data, shown, split_lines)


def read_bytes(data: bytes, name: str, *, split_lines: bool = False) -> RawDocument:
    """Read content already in memory, such as an archive member, as if it were file ``name``.

    The extension of ``name`` picks the reader exactly as for a file on disk, and ``name``
    is what error messages and the resulting document call the input.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(name, f"the input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return _read(_format_for(name, data), data, name, split_lines)


def _read(kind: Format, data: bytes, shown: str, split_lines: bool) -> RawDocument:
    """Read with the format's reader, imported only now: a plain-text release never loads
    the DOCX and HTML stacks (python-docx, lxml, trafilatura's helpers)."""
    if kind == "docx":
        from aligner.readers.docx import read_docx

        return read_docx(data, shown)
    if kind == "html":
        from aligner.readers.html import read_html

        return read_html(data, shown)
    from aligner.readers.text import read_text

    return read_text(data, shown, split_lines=split_lines)
