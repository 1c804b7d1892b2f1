"""Folding Chinese text so that glossary terms match across scripts and punctuation.

Hong Kong, Macao and Taiwan releases are written in traditional characters (海關總署),
mainland glossaries in simplified (海关总署). Both sides are folded character by character
to simplified, the same fold the aligner and the checks use
(:mod:`aligner.language.traditional`); quotation marks, dashes and spaces are dropped
(共建“一带一路”国家 = 共建"一带一路"国家 = 共建一带一路国家), and full-width Latin letters and
digits are narrowed. Every folded character remembers where it came from, so match
offsets point into the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from aligner.language.traditional import simplified_char

# Quotation marks, title marks and dashes that may or may not appear inside a term
# (共建“一带一路”国家, 中国—东盟 / 中国-东盟).
_IGNORED = frozenset("\"'“”‘’「」『』《》〈〉〝〞＂＇—–－‐‑-")


@dataclass(frozen=True)
class FoldedText:
    """``text`` after folding; ``origins[i]`` is the index in the original of ``text[i]``.

    ``origins`` has one extra item, the original length, so an end offset maps too.
    """

    text: str
    origins: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded span ``[start, end)``."""
        return self.origins[start], self.origins[end - 1] + 1


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The simplified, narrow form of one character, or "" for one to ignore.

    Converting one character at a time keeps folding context-free (a term folds the same
    way alone and inside a sentence) and never changes the length; a conversion that would
    yield more or less than one character keeps the original.
    """
    if char in _IGNORED or char.isspace():
        return ""
    narrow = unicodedata.normalize("NFKC", char)
    if len(narrow) == 1 and narrow.isascii():
        return narrow
    return simplified_char(char)


def fold_zh(text: str) -> FoldedText:
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        replacement = fold_char(char)
        if replacement:
            folded.append(replacement)
            origins.append(index)
    origins.append(len(text))
    return FoldedText("".join(folded), tuple(origins))


def zh_key(term: str) -> str:
    """The form under which two spellings of one Chinese term compare equal."""
    return fold_zh(term).text
