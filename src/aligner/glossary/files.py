"""Reading a glossary file's bytes with failures reported as InputError."""

from __future__ import annotations

from aligner.errors import InputError
from aligner.files import read_input_file

# The bundled customs glossary is 0.2 MB; a glossary a thousand times larger is a mistake.
MAX_GLOSSARY_BYTES = 256 * 1024 * 1024


def read_input_bytes(path: str) -> bytes:
    return read_input_file(path, max_bytes=MAX_GLOSSARY_BYTES, what="glossary file")


def decode_utf8(path: str, data: bytes) -> str:
    """Decode UTF-8 with or without a byte-order mark, naming the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not valid UTF-8 (byte {exc.start})") from None
