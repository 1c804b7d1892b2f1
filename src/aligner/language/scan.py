"""Ordered regex passes over a sentence, each hiding what it has claimed from the next.

A figure must be read once: "2025年1月13日" is a date, not also a year and two numbers.
Running the most specific patterns first and blanking their spans keeps every pattern
simple, because it never has to know which longer forms it must not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from aligner.language.quantity import Quantity
from aligner.lexicon.compiled import re_pattern

# Neither a letter, a digit nor a space: later patterns cannot match through it, and
# word-boundary and adjacency tests treat it as punctuation.
BLANK = "\x00"

# Given a match of the pattern and the original text, return the figures it holds,
# an empty list to claim the span without a figure (a house number, a clock time),
# or None to leave the span to later passes.
Handler = Callable[[re.Match[str], str], "list[Quantity] | None"]


@dataclass(frozen=True)
class Pass:
    """One pattern and what to make of its matches.

    ``digits`` says the pattern cannot match without an ASCII digit; most sentences have
    none, and skipping those passes for them is most of the extraction's speed.
    """

    pattern: re.Pattern[str]
    handle: Handler
    digits: bool = True


_DIGIT = re_pattern(r"[0-9]")


def has_digit(text: str) -> bool:
    """Whether the text holds an ASCII digit, which every ``digits`` pass needs."""
    return _DIGIT.search(text) is not None


def run_passes(text: str, passes: Sequence[Pass]) -> list[Quantity]:
    work = text
    found: list[Quantity] = []
    has_digits = has_digit(text)
    for scan in passes:
        if scan.digits and not has_digits:
            continue
        claimed: list[tuple[int, int]] = []
        for match in scan.pattern.finditer(work):
            result = scan.handle(match, text)
            if result is None:
                continue
            found.extend(result)
            claimed.append(match.span())
        work = _blank(work, claimed)
    return sorted(found, key=lambda quantity: (quantity.start, quantity.end))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(BLANK * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def claim(_match: re.Match[str], _text: str) -> list[Quantity]:
    """Handler for spans that hold no figure but must not be read by later passes."""
    return []


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, written as a prefix tree.

    A plain "a|b|c" of many words makes the regex engine try every word at every
    position; the tree fails after one character at most positions, which is what keeps
    extraction cheap enough for the aligner to call on every sentence.
    """
    tree: dict[str, dict[str, Any]] = {}
    # Sorted, so that the pattern is the same text in every run (a set's order follows
    # string hashing, which changes per process) and its compiled form can be reused.
    for word in sorted(set(words)):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(ch) + _tree_pattern(child) for ch, child in node.items() if ch]
    branches.sort(key=len, reverse=True)
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


def words_pattern(words: Sequence[str], flags: int = 0) -> re.Pattern[str]:
    """One alternation of literal words where a longer word wins over its prefix."""
    return re_pattern(alternation(words), flags)


# The number of a heading or list item ("1.", "2、", "(3)"): it orders the text, and a
# translation may renumber or drop it without changing any figure.
LIST_MARKER = r"^\s*\d{1,2}\s*[.、)）](?!\d)|[(（]\d{1,2}[)）]"

# Telephone numbers: an international prefix, or a Chinese trunk code with a hyphen.
TELEPHONE = r"\+\d{1,3}(?:[\s-]\(?\d{1,4}\)?){2,}|(?<![\d.])0\d{2,3}-\d{7,8}(?!\d)"

# Unit symbols that may be glued to a figure ("100km", "5kW") without making it a code
# like "5G" or "A380". Case matters: "5G" is not five grams.
GLUED_UNITS = re_pattern(
    r"(?:km|kg|mm|cm|m|t|kt|g|ha|kW|kWh|MW|MWh|GW|GWh|TWh|TEU|kV|mL|L|bn|mn|tn)(?![A-Za-z])"
)


def is_code(text: str, start: int, end: int, *, glued: bool = True) -> bool:
    """Whether digits at text[start:end] are part of a name like "G20", "COVID-19" or "5G".

    Such digits are neither figures of the sentence nor things a translator renders as
    numbers, so reporting them would only produce false alarms. ``glued=False`` skips the
    test of what follows, for figures whose own pattern already ends in letters ("1st").
    """
    before = text[max(0, start - 6) : start]
    if before[-1:].isascii() and before[-1:].isalpha():
        return True
    if before.endswith("-") and re.search(r"[A-Za-z]-$", before):
        return re.search(r"(?i)(?:^|[^a-z])(?:mid|early|late|pre|post)-$", before) is None
    after = text[end : end + 8]
    if glued and after[:1].isascii() and after[:1].isalpha():
        return GLUED_UNITS.match(after) is None
    return False
