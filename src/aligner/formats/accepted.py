"""Files of accepted findings, as given to ``--accepted``: a plain list, or a review file.

The plain list is what a reviewer writes by hand or pastes from a report: one finding id a
line, optionally followed by whitespace and a note saying why it is acceptable::

    # checked with the desk, 2025-01-14
    number-3f9a2c1d0b   rounded on purpose
    term-0c41d2e9aa

Lines starting with ``#`` and blank lines are ignored; nothing else is special. A review
file (saved by ``aligner review``) is recognised by its JSON content and contributes its
"accepted" list. An id that matches no finding is not an error, since fixing the text makes
findings disappear; a line that holds no id is, with its line number.
"""

from __future__ import annotations

import json
import re

from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.formats.review import Acceptance, looks_like_review, read_review

MAX_BYTES = 16 * 1024 * 1024
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*-[0-9a-f]{10}")
EXAMPLE_ID = "number-3f9a2c1d0b"


def read_accepted(path: str) -> tuple[Acceptance, ...]:
    """The acceptances a file holds, in file order; InputError naming the line otherwise."""
    data = read_input_file(path, max_bytes=MAX_BYTES, what="list of accepted findings")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (bad byte at offset {error.start})") from None
    if text.lstrip().startswith("{"):
        return _from_review(text, path)
    return parse_accepted(text, path)


def _from_review(text: str, path: str) -> tuple[Acceptance, ...]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise InputError(path, f"not valid JSON ({error})") from None
    if not looks_like_review(data):
        raise InputError(path, "a JSON file, but not a review file saved by aligner review")
    return read_review(data, path).accepted


def parse_accepted(text: str, path: str) -> tuple[Acceptance, ...]:
    """The plain list: "ID [note]" a line, ``#`` comments and blank lines skipped."""
    found: list[Acceptance] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split(maxsplit=1)
        if not ID_PATTERN.fullmatch(parts[0]):
            shown = parts[0] if len(parts[0]) <= 40 else parts[0][:40] + "…"
            raise InputError(
                path,
                f"line {number}: {shown!r} is not a finding id (ids look like {EXAMPLE_ID}; "
                "a note may follow after a space)",
            )
        found.append(Acceptance(parts[0], parts[1].strip() if len(parts) > 1 else ""))
    return tuple(found)
