"""Traditional Chinese read as simplified: one character-by-character fold for every lookup.

Hong Kong, Macao and Taiwan releases are written in traditional characters (萬億元,
百分點, 貨物貿易), while the lexicon keys, the glossary, the figure patterns and the
consistency keys are simplified. Folding the Chinese once, where it is keyed, lets every
later step work on one script instead of listing traditional forms case by case.

The fold converts one character at a time with OpenCC's Hong Kong → simplified table:

* it never changes the length, so offsets found in the folded text index the original;
* it is context-free, so a sentence folds the same way alone and inside a document, and
  a simplified sentence and its traditional twin fold to the same text;
* on simplified text it changes nothing that a simplified release normally contains
  (measured on the sample and the MAC-Dev chapters: no character changed). The few
  characters that are valid in both scripts but fold anyway (乾 in 乾隆, 於 as a surname)
  fold the same way in the lexicon's keys, so lookups still meet.

:func:`comparison_key` goes one step further for texts that are only compared for
equality: it also merges the Taiwan forms that the Hong Kong table keeps (著 for the
particle 着), at the price of merging a few characters simplified text keeps apart
(么 and 幺), which no equality test between two real sentences notices.
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _one_char(config: str, char: str) -> str:
    converted: str = _converter(config).convert(char)
    return converted if len(converted) == 1 else char


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that converts each character the first time it is seen.

    Later lookups are plain dictionary hits in C, which is what makes folding a whole
    document cheap; ASCII never reaches OpenCC.
    """

    def __init__(self, configs: tuple[str, ...]) -> None:
        super().__init__()
        self._configs = configs

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = char
        if code >= 0x2E80:  # below: Latin, punctuation and symbols, never converted
            for config in self._configs:
                folded = _one_char(config, folded)
        self[code] = folded
        return folded


@lru_cache(maxsize=1)
def _simplifying_table() -> _FoldTable:
    return _FoldTable(("hk2s",))


@lru_cache(maxsize=1)
def _comparison_table() -> _FoldTable:
    return _FoldTable(("hk2s", "tw2s"))


def simplified_char(char: str) -> str:
    """The simplified form of one character (the character itself when it has none)."""
    return char.translate(_simplifying_table())


def to_simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified, same length, same offsets."""
    return text.translate(_simplifying_table())


def comparison_key(text: str) -> str:
    """A fold for equality tests only: simplified, with Taiwan variants merged too."""
    return text.translate(_comparison_table())
