"""User word lists for the spelling check: names, brands and jargon a dictionary lacks.

One word (or phrase, whose words are all accepted) per line, UTF-8; blank lines and lines
starting with ``#`` are skipped. The same format as a Hunspell personal dictionary or an
Xbench ignore list exported as text, so a team's existing list can be reused.
"""

from __future__ import annotations

from collections.abc import Iterable

from aligner.errors import InputError
from aligner.files import read_input_file

# A word list is a few kilobytes; a thousand times more is a mistake.
MAX_WORD_LIST_BYTES = 64 * 1024 * 1024


def parse_words(text: str) -> frozenset[str]:
    words: set[str] = set()
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            words.update(entry.split())
    return frozenset(words)


def read_word_list(path: str) -> frozenset[str]:
    data = read_input_file(path, max_bytes=MAX_WORD_LIST_BYTES, what="word list")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not valid UTF-8 (byte {error.start})") from None
    if "\x00" in text:
        raise InputError(path, "a binary file, not a word list (one word per line)")
    return parse_words(text)


def read_word_lists(paths: Iterable[str]) -> frozenset[str]:
    words: set[str] = set()
    for path in paths:
        words |= read_word_list(path)
    return frozenset(words)
