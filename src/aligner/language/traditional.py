"""Traditional Chinese read as simplified: one character-by-character fold for every lookup.

Hong Kong, Macao and Taiwan releases are written in traditional characters (萬億元,
百分點, 貨物貿易), while the lexicon keys, the glossary, the figure patterns and the
consistency keys are simplified. Folding the Chinese once, where it is keyed, lets every
later step work on one script instead of listing traditional forms case by case.

The fold converts one character at a time with OpenCC's Hong Kong → simplified table,
worked out once for every character and kept in the user cache folder:

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

import marshal
from functools import lru_cache

from aligner.lexicon.cache import cache_file, cached, package_file, source_stamp

_FORMAT_VERSION = 1
# OpenCC's tables hold CJK characters, radicals and symbols, all from U+2E80 to the end
# of plane 3; below are Latin, punctuation and symbols, which it never converts.
_FIRST_CODE = 0x2E80
_LAST_CODE = 0x3FFFF


def _fold_table(configs: tuple[str, ...]) -> dict[int, str]:
    """Code point → its fold, for every character that OpenCC's ``configs`` change.

    Worked out once, for every character OpenCC might convert, and kept in the user cache
    folder (:mod:`aligner.lexicon.cache`): loading OpenCC's dictionaries to convert the
    few hundred characters of one release cost more than the release's checks.
    """
    stamp = source_stamp(package_file("opencc", "__init__.py"))
    path = cache_file("fold-" + "-".join(configs), _FORMAT_VERSION, [stamp], ".marshal")
    return cached(
        path,
        lambda: _convert_all(configs),
        lambda table: marshal.dumps((_FORMAT_VERSION, table)),
        _decode,
    )


def _decode(data: memoryview) -> dict[int, str]:
    version, table = marshal.loads(data)
    if version != _FORMAT_VERSION or not isinstance(table, dict):
        raise ValueError("not a fold table of this format")
    return table


def _convert_all(configs: tuple[str, ...]) -> dict[int, str]:
    """Each character converted alone, as if by itself: separated by newlines, which no
    OpenCC phrase contains, so no conversion reaches across two characters. A conversion
    into anything but one character keeps the character."""
    import opencc

    codes = [code for code in range(_FIRST_CODE, _LAST_CODE + 1) if not 0xD800 <= code <= 0xDFFF]
    folded = [chr(code) for code in codes]
    for config in configs:
        converter = opencc.OpenCC(config)
        converted = converter.convert("\n".join(folded)).split("\n")
        if len(converted) != len(folded):  # never seen; then one character at a time
            converted = [converter.convert(char) for char in folded]
        folded = [new if len(new) == 1 else old for new, old in zip(converted, folded, strict=True)]
    return {code: char for code, char in zip(codes, folded, strict=True) if char != chr(code)}


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table of the characters that fold, which also remembers each
    character that does not the first time it is seen: later lookups are plain
    dictionary hits in C rather than a miss per character."""

    def __missing__(self, code: int) -> str:
        char = self[code] = chr(code)
        return char


@lru_cache(maxsize=1)
def _simplifying_table() -> _FoldTable:
    return _FoldTable(_fold_table(("hk2s",)))


@lru_cache(maxsize=1)
def _comparison_table() -> _FoldTable:
    return _FoldTable(_fold_table(("hk2s", "tw2s")))


def simplified_char(char: str) -> str:
    """The simplified form of one character (the character itself when it has none)."""
    return char.translate(_simplifying_table())


def to_simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified, same length, same offsets."""
    return text.translate(_simplifying_table())


def comparison_key(text: str) -> str:
    """A fold for equality tests only: simplified, with Taiwan variants merged too."""
    return text.translate(_comparison_table())
