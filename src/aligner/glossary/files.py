"""Reading a glossary file's bytes with failures reported as InputError."""

from __future__ import annotations

from pathlib import Path

from aligner.errors import InputError


def read_input_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a glossary file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None


def decode_utf8(path: str, data: bytes) -> str:
    """Decode UTF-8 with or without a byte-order mark, naming the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not valid UTF-8 (byte {exc.start})") from None
