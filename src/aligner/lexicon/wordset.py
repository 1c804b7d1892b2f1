"""A large set of words that is read a group at a time, as lookups reach each group.

A dictionary of 160,000 words costs tens of milliseconds to turn into a Python set, more
than a press release takes to check, yet a document looks up a few thousand words. So the
words are kept as one sorted UTF-8 byte string with the place of each group of words
sharing their first three characters, and a group becomes a set the first time a word of
that group is looked up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

PREFIX = 3


class WordSet:
    """Membership in a sorted word list, decoded group by group."""

    __slots__ = ("_groups", "_loaded", "_words")

    def __init__(self, words: bytes | memoryview, groups: dict[str, tuple[int, int]]) -> None:
        self._words = words
        self._groups = groups
        """The first characters of a group → where its words are in ``words``."""
        self._loaded: dict[str, frozenset[str]] = {}

    @classmethod
    def of(cls, words: Iterable[str]) -> WordSet:
        ordered = sorted({word for word in words if word})
        groups: dict[str, tuple[int, int]] = {}
        offset = 0
        for word in ordered:
            size = len(word.encode("utf-8"))
            start, _ = groups.get(word[:PREFIX], (offset, offset))
            groups[word[:PREFIX]] = (start, offset + size)
            offset += size + 1
        return cls("\n".join(ordered).encode("utf-8"), groups)

    def _group(self, prefix: str) -> frozenset[str]:
        place = self._groups.get(prefix)
        found = (
            frozenset(str(self._words[place[0] : place[1]], "utf-8").split("\n"))
            if place is not None
            else frozenset()
        )
        self._loaded[prefix] = found
        return found

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        prefix = word[:PREFIX]
        group = self._loaded.get(prefix)
        if group is None:
            group = self._group(prefix)
        return word in group

    def __iter__(self) -> Iterator[str]:
        for prefix in self._groups:
            yield from sorted(self._loaded.get(prefix) or self._group(prefix))

    def encode(self) -> tuple[bytes, dict[str, tuple[int, int]]]:
        """What a cache file stores: the sorted words and where each group is."""
        return bytes(self._words), self._groups
