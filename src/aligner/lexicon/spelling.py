"""pyspellchecker's English word list as a set of known words, cached between runs.

Building pyspellchecker's checker decompresses and parses a 160,000-word JSON frequency
list, a fifth of a second on every run. Whether a word is spelt right, or one edit from a
word that is, needs only the words themselves, so those (with the letters and longest
length the checker's edit rules use) are cached by :mod:`aligner.lexicon.cache`; the
frequencies, cached the same way, are read only when a misspelling needs a suggestion.

The suggestion follows pyspellchecker's rule (the most frequent known word one edit away,
else two; a word that differs only by accents first) with set operations on the word
list instead of the checker's per-word calls, which took up to a second for a word with
no neighbour one edit away. Where several candidates are equally frequent, the first in
alphabetical order is taken, so a suggestion no longer depends on the process's string
hashing.
"""

from __future__ import annotations

import marshal
import string
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from aligner.lexicon.cache import cache_file, cached, pack, package_file, source_stamp, unpack
from aligner.lexicon.wordset import WordSet

_FORMAT_VERSION = 3
_RESOURCE = ("resources", "en.json.gz")
# Words the checker's number test would skip, but that it checks all the same.
_NOT_NUMBERS = ("nan", "inf", "infinity")


@dataclass(frozen=True)
class WordList:
    """The dictionary's words (lower case), its alphabet and its longest word's length."""

    words: WordSet
    letters: str
    longest: int

    def should_check(self, word: str) -> bool:
        """Whether the checker judges this string at all (not a number, not too long)."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self.longest + 3:
            return False
        if word.lower() in _NOT_NUMBERS:
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False

    def edits(self, word: str) -> Iterator[str]:
        """Every string one deletion, transposition, replacement or insertion away, with
        the dictionary's own letters (the candidates the checker tries first)."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        for left, right in splits:
            if right:
                yield left + right[1:]
            if len(right) > 1:
                yield left + right[1] + right[0] + right[2:]
            for letter in self.letters:
                if right:
                    yield left + letter + right[1:]
                yield left + letter + right

    def known(self, word: str) -> bool:
        """pyspellchecker's ``known`` for one lower-case word."""
        return word in self.words and self.should_check(word)

    def near(self, word: str) -> bool:
        """Whether a dictionary word is one edit away (pyspellchecker's ``edit_distance_1``
        filtered by ``known``, without building either set)."""
        lowered = word.lower()
        candidates = self.edits(lowered) if self.should_check(lowered) else iter((lowered,))
        return any(c in self.words and self.should_check(c) for c in candidates)


class Corrector:
    """Suggestions for misspelt words, as pyspellchecker's ``correction`` makes them."""

    def __init__(self, table: WordList, frequencies: Mapping[str, int]) -> None:
        self._table = table
        self._frequencies = frequencies
        self._prefixes = _Prefixes(frequencies)

    def correction(self, word: str) -> str | None:
        """The most likely spelling of a lower-case word (None when nothing is near)."""
        candidates = _candidates(word, self._table, self._prefixes)
        if not candidates:
            return None
        plain = _without_accents(word)
        ordered = sorted(candidates)
        same_letters = [c for c in ordered if _without_accents(c) == plain]
        return max(same_letters or ordered, key=lambda c: self._frequencies.get(c, 0))


class _Prefixes:
    """Which strings begin some dictionary word, by binary search in the sorted words.

    An edit leaves everything before its position as it was, so once the part before a
    position begins no word, no edit there or further on can make one: the search for
    candidates two edits away skips those edits instead of trying every letter there.
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = frequencies
        self._sorted = sorted(frequencies)
        self._seen: dict[str, bool] = {}

    def begin_a_word(self, prefix: str) -> bool:
        found = self._seen.get(prefix)
        if found is None:
            index = bisect_left(self._sorted, prefix)
            found = index < len(self._sorted) and self._sorted[index].startswith(prefix)
            self._seen[prefix] = found
        return found


def _known_edits(word: str, letters: str, prefixes: _Prefixes) -> Iterator[str]:
    """The strings of :meth:`WordList.edits` that can be dictionary words (see
    :class:`_Prefixes`), each checked against the dictionary."""
    known = prefixes.frequencies
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if not prefixes.begin_a_word(left):
            return
        if right:
            if left + right[1:] in known:
                yield left + right[1:]
            if len(right) > 1 and left + right[1] + right[0] + right[2:] in known:
                yield left + right[1] + right[0] + right[2:]
        for letter in letters:
            grown = left + letter
            if not prefixes.begin_a_word(grown):
                continue
            if right and grown + right[1:] in known:
                yield grown + right[1:]
            if grown + right in known:
                yield grown + right


def _candidates(word: str, table: WordList, prefixes: _Prefixes) -> set[str]:
    if table.known(word) or not table.should_check(word):
        return {word}
    first = set(table.edits(word))
    found = {c for c in first if c in prefixes.frequencies and table.should_check(c)}
    if found:
        return found
    second: set[str] = set()
    for edit in first:
        if table.should_check(edit):
            second.update(_known_edits(edit, table.letters, prefixes))
    return {c for c in second if table.should_check(c)}


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _resource() -> Path:
    return package_file("spellchecker", *_RESOURCE)


def _read_frequencies(source: Path) -> dict[str, int]:
    """Lower-case word → frequency, counts of words differing only in case added up."""
    import gzip
    import json

    raw: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()).decode("utf-8"))
    lowered: dict[str, int] = {}
    for word, count in raw.items():
        key = word.lower()
        lowered[key] = lowered.get(key, 0) + count
    return lowered


def _build(source: Path) -> WordList:
    words = set(_read_frequencies(source))
    letters = "".join(sorted(set().union(*words))) if words else ""
    return WordList(WordSet.of(words), letters, max(map(len, words), default=0))


def _encode(table: WordList) -> bytes:
    words, groups = table.words.encode()
    return pack((_FORMAT_VERSION, groups, table.letters, table.longest), words)


def _decode(data: memoryview) -> WordList:
    header, (words,) = unpack(data)
    if not isinstance(header, tuple) or header[0] != _FORMAT_VERSION:
        raise ValueError("not a word list cache of this format")
    _, groups, letters, longest = header
    return WordList(WordSet(words, groups), letters, longest)


@lru_cache(maxsize=1)
def english_words() -> WordList:
    """The spelling dictionary's words, read once per process and cached across runs."""
    source = _resource()
    path = cache_file("english-words", _FORMAT_VERSION, [source_stamp(source)], ".marshal")
    return cached(path, lambda: _build(source), _encode, _decode)


def _decode_frequencies(data: memoryview) -> dict[str, int]:
    version, frequencies = marshal.loads(data)
    if version != _FORMAT_VERSION or not isinstance(frequencies, dict):
        raise ValueError(f"frequency cache format {version}")
    return frequencies


@lru_cache(maxsize=1)
def english_frequencies() -> dict[str, int]:
    """How common each dictionary word is, for ranking suggestions (read when first needed)."""
    source = _resource()
    path = cache_file("english-frequencies", _FORMAT_VERSION, [source_stamp(source)], ".marshal")
    return cached(
        path,
        lambda: _read_frequencies(source),
        lambda table: marshal.dumps((_FORMAT_VERSION, table)),
        _decode_frequencies,
    )
