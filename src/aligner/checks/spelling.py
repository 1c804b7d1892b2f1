"""Spelling check on the English: misspelt words and words typed twice ("The the").

The dictionary is pyspellchecker's English word list (about 160,000 words with their
frequencies, loaded in a fifth of a second, offline), chosen over a Hunspell dictionary
read by spylls and over SymSpell by measurement on the sample and on MAC-Dev's English
(``benchmarks/spelling_engines.py``; figures in the README). Beyond the dictionary, these
words are known:

* the English of every glossary entry in force (term names such as "Hainan");
* the document's proper nouns: a capitalised word that stands inside a sentence, or next
  to another capitalised word, somewhere in the document ("Jianguomennei Avenue", "Wang
  Lingjun") is a name wherever it occurs, unless it is one slip away from a dictionary
  word and occurs only once; a capitalised word made of pinyin syllables is a name too;
* British spellings of dictionary words (realise, colour, travelling, learnt);
* acronyms and anything with a digit (GACC, CPC, 3D, No.6), web and mail addresses;
* the words of the user's word lists (``--words FILE``).

Each finding names the word and the dictionary's suggestion. A word typed twice is
reported unless the pair is grammatical ("had had", "that that").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import regex

from aligner.checks.base import CheckContext, link_texts
from aligner.glossary.model import GlossaryEntry
from aligner.lexicon.compiled import regex_pattern
from aligner.model import Alignment, Document, Finding, Link, Severity

if TYPE_CHECKING:
    from aligner.lexicon.spelling import Corrector

NAME = "spelling"

# Words with internal apostrophes stay whole ("don't"); hyphenated compounds are split.
_WORD = regex_pattern(r"(?<![\p{L}\p{N}_])\p{L}+(?:['’]\p{L}+)*(?![\p{N}_])")
_ADDRESS = regex_pattern(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|org|net|gov|cn)\b\S*", regex.I)
# Text an address must hold (any case), to skip the address pattern where none can be: its
# leading \S+ makes it slow to fail on every word of a long text.
_ADDRESS_MARKS = ("@", "://", "www.", ".com", ".org", ".net", ".gov", ".cn")
_OPENERS = frozenset('.!?:;"“”‘([|')
_REPEAT = regex_pattern(r"(?<![\p{L}\p{N}])(\p{L}+)(\s+)(\1)(?![\p{L}\p{N}])", regex.IGNORECASE)
# Pairs that are grammatical when doubled.
_GOOD_REPEATS = frozenset({"had", "that", "is", "do", "her", "bye", "very", "so", "no", "ha"})
_ABBREVIATIONS = frozenset({"etc", "viz", "cf", "vs", "approx", "incl", "govt", "dept", "ltd"})
# British spellings and the American forms a US word list holds (realise → realize).
_BRITISH = (
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"),
    ("ises", "izes"), ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"),
    ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ence", "ense"), ("nt", "ned"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("lment", "llment"),
)  # fmt: skip
_SUFFIXES = ("'s", "’s", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'m", "’m")
_MIN_LENGTH = 3


class Dictionary(Protocol):
    """What the check needs of a spelling dictionary."""

    def known(self, word: str) -> bool: ...

    def suggestion(self, word: str) -> str | None: ...

    def near(self, word: str) -> bool:
        """Whether a dictionary word is one edit away."""
        ...


class PySpellChecker:
    """pyspellchecker's English frequency list.

    Known words and near misses are answered from the cached word set, suggestions from
    the cached frequencies (read only when a misspelling needs one), each word corrected
    once (:mod:`aligner.lexicon.spelling`).
    """

    def __init__(self) -> None:
        from aligner.lexicon.spelling import english_words

        self._words = english_words()
        self._corrector: Corrector | None = None
        self._suggestions: dict[str, str | None] = {}

    def known(self, word: str) -> bool:
        return word.lower() in self._words.words

    def suggestion(self, word: str) -> str | None:
        from aligner.lexicon.spelling import Corrector, english_frequencies

        lowered = word.lower()
        if lowered not in self._suggestions:
            if self._corrector is None:
                self._corrector = Corrector(self._words, english_frequencies())
            self._suggestions[lowered] = self._corrector.correction(lowered)
        best = self._suggestions[lowered]
        if best is None or best == lowered:
            return None
        return _like(word, best)

    def near(self, word: str) -> bool:
        return self._words.near(word)


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    return PySpellChecker()


def _like(original: str, suggestion: str) -> str:
    """The suggestion in the original's case ("Eaisly" → "Easily")."""
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    sentence_start: bool


def _without_suffix(word: str) -> str:
    """The word without a clitic ending ("China's" → "China", "we'll" → "we")."""
    if "'" not in word and "’" not in word:  # every suffix starts with an apostrophe
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def _mask_addresses(text: str) -> str:
    """The text with each web or mail address blanked out, offsets kept."""
    lowered = text.lower()
    if not any(mark in lowered for mark in _ADDRESS_MARKS):
        return text
    return _ADDRESS.sub(lambda m: " " * len(m.group()), text)


def tokens(text: str) -> Iterator[Token]:
    """The words of a text that a spelling check can judge, with their offsets."""
    masked = _mask_addresses(text)
    for match in _WORD.finditer(masked):
        word = _without_suffix(match.group())
        start = match.start()
        yield Token(word, start, start + len(word), _starts_sentence(text, start))


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a word opens a sentence: first in the text, after a sentence mark or quote,
    or after a run of spaces (a column break in a page line)."""
    window = text[max(0, start - 8) : start]
    if window.endswith("  "):
        return True
    stripped = window.rstrip()
    if not stripped:
        return start < 8 or not window
    return stripped[-1] in _OPENERS


def _skip(token: Token) -> bool:
    word = token.text
    return len(word) < _MIN_LENGTH or word.isupper() or not word.isascii() or _camel(word)


def _camel(word: str) -> bool:
    """WeChat, iPhone: a capital after the first letter marks a brand or a name."""
    return any(char.isupper() for char in word[1:]) and not word.isupper()


def _words(text: str) -> Iterator[str]:
    """The words :func:`tokens` finds, without working out where sentences start."""
    masked = _mask_addresses(text)
    for word in _WORD.findall(masked):
        yield _without_suffix(word)


def known_words(glossary_english: Iterable[str], extra: Iterable[str]) -> frozenset[str]:
    """Lower-cased words that count as spelt right besides the dictionary's.

    The phrases are read in one pass, a line each: no word or address runs over a line
    break, so that finds what reading them one by one would.
    """
    lines = "\n".join([*glossary_english, *extra])
    return frozenset(word.lower() for word in _words(lines))


def proper_nouns(document: Document, dictionary: Dictionary) -> frozenset[str]:
    """Capitalised words the document uses as names (inside a sentence, somewhere).

    A capitalised word one slip from a dictionary word that occurs only once ("the
    Goverment") is not taken for a name: names recur, typos rarely do.
    """
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    pinyin: set[str] = set()
    for segment in document.segments:
        found = list(tokens(segment.text))
        for index, token in enumerate(found):
            counts[token.text] += 1
            if not token.text[:1].isupper():
                continue
            neighbours = found[max(0, index - 1) : index] + found[index + 1 : index + 2]
            beside_a_name = any(
                n.text[:1].isupper()
                and not segment.text[min(n.end, token.end) : max(n.start, token.start)].strip()
                for n in neighbours
            )
            if is_pinyin(token.text):
                pinyin.add(token.text)
            elif not token.sentence_start or beside_a_name:
                inside.add(token.text)
    return frozenset(pinyin) | frozenset(
        word
        for word in inside
        if dictionary.known(word) or counts[word] > 1 or not dictionary.near(word)
    )


@dataclass(frozen=True)
class Slip:
    """A misspelt or repeated word in one English text."""

    kind: str  # "spelling" or "repeat"
    word: str
    start: int
    end: int
    suggestion: str | None


def misspellings(
    text: str, dictionary: Dictionary, known: frozenset[str], names: frozenset[str]
) -> list[Slip]:
    slips: list[Slip] = []
    for token in tokens(text):
        word = token.text
        if _skip(token) or word.lower() in known or word in names or word in known:
            continue
        if dictionary.known(word) or _british(word, dictionary):
            continue
        # Hyphenated and joined forms the dictionary lacks: accept when both halves are
        # words ("e-commerce" is split already; "postcode" is post + code).
        if _compound(word, dictionary):
            continue
        slips.append(Slip("spelling", word, token.start, token.end, dictionary.suggestion(word)))
    return slips


def _british(word: str, dictionary: Dictionary) -> bool:
    lowered = word.lower()
    if lowered in _ABBREVIATIONS:
        return True
    for british, american in _BRITISH:
        if lowered.endswith(british) and dictionary.known(lowered[: -len(british)] + american):
            return True
    return "our" in lowered and dictionary.known(lowered.replace("our", "or"))


def _pinyin_syllables() -> frozenset[str]:
    from aligner.lexicon.cedict import load_lexicon

    return load_lexicon().syllables


def is_pinyin(word: str) -> bool:
    """Whether a word splits into pinyin syllables (Lingjun, Qingyang, Jianguomennei)."""
    lowered = word.lower().replace("'", "").replace("’", "")
    syllables = _pinyin_syllables()
    reachable = [True] + [False] * len(lowered)
    for end in range(1, len(lowered) + 1):
        reachable[end] = any(
            reachable[start] and lowered[start:end] in syllables
            for start in range(max(0, end - 6), end)
        )
    return reachable[-1]


def _compound(word: str, dictionary: Dictionary) -> bool:
    lowered = word.lower()
    return any(
        dictionary.known(lowered[:cut]) and dictionary.known(lowered[cut:])
        for cut in range(3, len(lowered) - 2)
    )


def repeats(text: str) -> list[Slip]:
    slips: list[Slip] = []
    for match in _REPEAT.finditer(text):
        word = match.group(1)
        if word.lower() in _GOOD_REPEATS or "\n" in match.group(2):
            continue
        if word[:1].isupper() and match.group(3)[:1].isupper():
            continue  # a doubled name (Yao Yao, Zhen Zhen)
        slips.append(Slip("repeat", match.group(), match.start(), match.end(), word))
    return slips


def check_spelling(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    dictionary = default_dictionary()
    known = _glossary_words(tuple(context.glossary)) | known_words((), context.words)
    names = proper_nouns(alignment.target, dictionary)
    for link in alignment.links:
        if not link.en:
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        slips = repeats(en) + misspellings(en, dictionary, known, names)
        yield from _findings(link, zh, en, slips)


@lru_cache(maxsize=4)
def _glossary_words(glossary: tuple[GlossaryEntry, ...]) -> frozenset[str]:
    """The words of every English rendering, worked out once per glossary."""
    phrases: list[str] = []
    for entry in glossary:
        phrases.append(entry.en)
        phrases.extend(entry.variants)
    return known_words(phrases, ())


def _findings(link: Link, zh: str, en: str, slips: Sequence[Slip]) -> Iterator[Finding]:
    seen: set[str] = set()
    for slip in sorted(slips, key=lambda s: s.start):
        key = f"{slip.kind}:{slip.word.lower()}"
        if key in seen:
            continue
        seen.add(key)
        if slip.kind == "repeat":
            message = f"Repeated word in the English: “{slip.word}”; write “{slip.suggestion}”."
        elif slip.suggestion:
            message = (
                f"Possible misspelling in the English: “{slip.word}”; "
                f"did you mean “{slip.suggestion}”?"
            )
        else:
            message = (
                f"Possible misspelling in the English: “{slip.word}” is in no dictionary; add "
                "it to a word list (--words) if it is right."
            )
        yield Finding(
            check=NAME,
            severity=Severity.WARNING,
            zh_ids=link.zh,
            en_ids=link.en,
            zh=zh,
            en=en,
            message=message,
            key=key,
            en_spans=((slip.start, slip.end),),
        )
