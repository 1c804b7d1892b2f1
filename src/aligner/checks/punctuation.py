"""Punctuation check on the English side: Chinese typography and spacing slips.

Translators working from Chinese carry over full-width commas and book-title brackets,
and copy-editing leaves doubled spaces, a dropped bracket or a missing space after a
comma. Curly quotes and apostrophes are correct English typography and are never
reported; thousands separators ("43,850"), decimals, "No.6" and initialisms such as
"U.S." are not spacing mistakes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from aligner.checks.base import (
    CheckContext,
    link_finding,
    link_texts,
    places_of,
    segment_starts,
)
from aligner.checks.chrome import is_boilerplate, is_page_chrome
from aligner.lexicon.compiled import re_pattern
from aligner.model import Alignment, Document, Finding, Severity, Span

NAME = "punctuation"

_EXAMPLE_LIMIT = 3

# Chinese punctuation and every full-width form, with what English uses instead.
_FULL_WIDTH = re_pattern(r"[\uff01-\uff60\u3000-\u3003\u3008-\u301f\ufe10-\ufe19\ufe30-\ufe4f]")
_ENGLISH_FOR = {
    "，": ",",
    "、": ",",
    "。": ".",
    "：": ":",
    "；": ";",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "[",
    "】": "]",
    "〔": "(",
    "〕": ")",
    "《": "italics or quotation marks",
    "》": "italics or quotation marks",
    "〈": "italics or quotation marks",
    "〉": "italics or quotation marks",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "＂": '"',
    "＇": "'",
    "\u3000": "an ordinary space",
    "～": "~ or a dash",
    "〜": "~ or a dash",
}

_DOUBLED_SPACE = re_pattern(r"(?<=\S)[ \t]{2,}(?=\S)")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_COMMA_BEFORE_LETTER = re_pattern(r",(?=[A-Za-z])")
_COMMA_IN_DATE = re_pattern(rf"\b{_MONTH}\.? ?\d{{1,2}},(?=\d{{4}}\b)")
# A full stop glued to the next capitalised word, after a word of two or more letters, a
# figure or a closing bracket/quote; a single letter before it means an initialism (U.S.).
_STOP_BEFORE_CAPITAL = re_pattern(r"(?<=[a-z0-9)\]”’\"])\.(?=[A-Z][a-z])")
_LETTERS_BEFORE = re_pattern(r"([A-Za-z]+)$")
# Web and mail addresses may legitimately contain ",Letter" or ".Letter".
_ADDRESS = re_pattern(r"\S+@\S+|https?://\S+|www\.\S+", re.I)

_OPENERS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
# A closing bracket right after a list marker ("1)", "b)") has no opener by design. The
# marker is at most four characters after a space, so only the last few characters before
# the bracket are searched: the whole line before it would make a long paragraph quadratic.
_LIST_MARKER = re_pattern(r"(?:^|\s)(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})$")
_LIST_MARKER_INSIDE = re_pattern(r"\s(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})$")
_LIST_MARKER_REACH = 8
_INCH_MARK = re_pattern(r'(?<=\d)"')
_BRACKET = re_pattern(r"[(\[“)\]”]")


@dataclass(frozen=True)
class _Spot:
    """One problem found in one link, before it becomes a finding."""

    kind: str
    examples: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    """Where in the link's English the problem is."""


def _context(text: str, start: int, end: int) -> str:
    """The whitespace-delimited stretch around a match, so the reader can search for it."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    return text[left : right if right != -1 else len(text)]


def _mask_addresses(text: str) -> str:
    return _ADDRESS.sub(lambda match: "_" * len(match.group()), text)


def full_width_marks(text: str) -> list[str]:
    """Distinct full-width or Chinese punctuation characters, in order of appearance."""
    return list(dict.fromkeys(_FULL_WIDTH.findall(text)))


def _replacement(mark: str) -> str:
    if mark in _ENGLISH_FOR:
        return _ENGLISH_FOR[mark]
    half = chr(ord(mark) - 0xFEE0) if 0xFF01 <= ord(mark) <= 0xFF5E else None
    return half if half is not None else "the English equivalent"


def _after_list_marker(text: str, index: int) -> bool:
    """Whether ``text[:index]`` ends in a list marker, looking only at its last characters."""
    start = max(0, index - _LIST_MARKER_REACH)
    pattern = _LIST_MARKER if start == 0 else _LIST_MARKER_INSIDE
    return pattern.search(text, start, index) is not None


def unbalanced_pairs(text: str) -> list[str]:
    """Bracket and quotation pairs that do not close within ``text``, e.g. ["(", "“"]."""
    return list(dict.fromkeys(mark for mark, _ in unbalanced_marks(text)))


def unbalanced_marks(text: str) -> list[tuple[str, int]]:
    """Each bracket or quotation mark left without its partner, with its offset.

    For straight double quotes, which open and close alike, an odd count leaves the last
    one unpaired. Only the marks themselves are visited, and the openers still waiting are
    counted by kind, so a long paragraph full of open quotations stays linear.
    """
    problems: list[tuple[str, int]] = []
    stack: list[tuple[str, int]] = []
    waiting = dict.fromkeys(_OPENERS, 0)
    for match in _BRACKET.finditer(text):
        char, index = match.group(), match.start()
        if char in _OPENERS:
            stack.append((char, index))
            waiting[char] += 1
        else:
            opener = _CLOSERS[char]
            if waiting[opener]:
                while stack:
                    popped = stack.pop()[0]
                    waiting[popped] -= 1
                    if popped == opener:
                        break
            elif not (char == ")" and _after_list_marker(text, index)):
                problems.append((char, index))
    problems.extend(stack)
    inches = {match.end() - 1 for match in _INCH_MARK.finditer(text)}
    quotes = [index for index in _places(text, '"') if index not in inches]
    if len(quotes) % 2:
        problems.append(('"', quotes[-1]))
    return sorted(problems, key=lambda problem: problem[1])


def _places(text: str, char: str) -> list[int]:
    found: list[int] = []
    index = text.find(char)
    while index != -1:
        found.append(index)
        index = text.find(char, index + 1)
    return found


class _OpenInParagraphs:
    """The bracket pairs left open in the paragraphs of a link's sentences.

    A paragraph's text is joined, and its pairs worked out, once per set of paragraphs
    rather than once per link, and only its own sentences are visited: a document of one
    long paragraph (a corpus read line by line) costs its length once, not once per link.
    """

    def __init__(self, document: Document) -> None:
        self._document = document
        self._members: dict[int, list[int]] = {}
        for index, segment in enumerate(document.segments):
            self._members.setdefault(segment.paragraph, []).append(index)
        self._known: dict[tuple[int, ...], frozenset[str]] = {}

    def pairs(self, ids: Sequence[int]) -> frozenset[str]:
        segments = self._document.segments
        paragraphs = tuple(sorted({segments[i].paragraph for i in ids}))
        known = self._known.get(paragraphs)
        if known is None:
            members = sorted(i for paragraph in paragraphs for i in self._members[paragraph])
            text = " ".join(segments[i].text for i in members)
            known = self._known[paragraphs] = frozenset(unbalanced_pairs(text))
        return known


def _spacing_spots(texts: Sequence[tuple[int, str]], skip_layout: bool) -> list[_Spot]:
    """Spacing slips in each sentence; ``texts`` pairs a sentence with where it starts in
    the link's English, so the spots' spans index that."""
    doubled: dict[str, list[Span]] = {}
    comma: dict[str, list[Span]] = {}
    stop: dict[str, list[Span]] = {}
    for base, text in texts:
        masked = _mask_addresses(text)
        if not skip_layout:
            for match in _DOUBLED_SPACE.finditer(text):
                left = text[: match.start()].split()[-1]
                right = text[match.end() :].split()[0]
                example = f"{left}{match.group()}{right}"
                doubled.setdefault(example, []).append((base + match.start(), base + match.end()))
        for pattern in (_COMMA_BEFORE_LETTER, _COMMA_IN_DATE):
            for match in pattern.finditer(masked):
                example = _context(text, match.start(), match.end())
                # The comma and the character glued to it.
                comma.setdefault(example, []).append(
                    (base + match.end() - 1, base + match.end() + 1)
                )
        for match in _STOP_BEFORE_CAPITAL.finditer(masked):
            letters = _LETTERS_BEFORE.search(masked[: match.start()])
            if letters is not None and len(letters.group(1)) == 1:
                continue
            example = _context(text, match.start(), match.end())
            stop.setdefault(example, []).append((base + match.start(), base + match.end() + 1))
    spots: list[_Spot] = []
    for kind, found in (("doubled", doubled), ("comma", comma), ("stop", stop)):
        if found:
            spans = tuple(span for places in found.values() for span in places)
            spots.append(_Spot(kind, tuple(found), spans))
    return spots


def _quote(examples: Sequence[str]) -> str:
    shown = ", ".join(f"“{example}”" for example in examples[:_EXAMPLE_LIMIT])
    more = len(examples) - _EXAMPLE_LIMIT
    return shown + (f" and {more} more" if more > 0 else "")


def _describe(spot: _Spot) -> tuple[Severity, str]:
    if spot.kind == "full-width":
        advice = "; ".join(f"“{mark}” → {_replacement(mark)}" for mark in spot.examples)
        return (
            Severity.WARNING,
            f"English uses Chinese full-width punctuation: {advice}.",
        )
    if spot.kind == "full-width-chrome":
        return (
            Severity.INFO,
            f"Full-width punctuation {_quote(spot.examples)} in English page chrome.",
        )
    if spot.kind == "unbalanced":
        pairs = " ".join(spot.examples)
        return (
            Severity.WARNING,
            f"Unbalanced brackets or quotation marks in the English ({pairs}): "
            "a bracket or quote is opened without being closed, or closed without being "
            "opened; compare with the Chinese to see where it ends.",
        )
    if spot.kind == "doubled":
        return Severity.INFO, f"Doubled space in the English: {_quote(spot.examples)}."
    if spot.kind == "comma":
        return (
            Severity.INFO,
            f"Missing space after a comma in the English: {_quote(spot.examples)}.",
        )
    return (
        Severity.INFO,
        f"Missing space after a full stop in the English: {_quote(spot.examples)}.",
    )


def _link_spots(
    alignment: Alignment, en_ids: tuple[int, ...], en: str, open_pairs: _OpenInParagraphs
) -> list[_Spot]:
    texts = [alignment.target.segments[i].text for i in en_ids]
    chrome = all(is_page_chrome(text) for text in texts)
    spots: list[_Spot] = []
    marks = full_width_marks(en)
    if marks:
        spans = tuple(span for mark in marks for span in places_of(en, mark))
        spots.append(_Spot("full-width-chrome" if chrome else "full-width", tuple(marks), spans))
    # A quotation that runs over several sentences is split across links by segmentation;
    # only a pair that stays open in the whole paragraph is a real slip.
    in_paragraph = open_pairs.pairs(en_ids)
    unbalanced = [(mark, at) for mark, at in unbalanced_marks(en) if mark in in_paragraph]
    if unbalanced:
        pairs = tuple(dict.fromkeys(mark for mark, _ in unbalanced))
        spots.append(_Spot("unbalanced", pairs, tuple((at, at + 1) for _, at in unbalanced)))
    layout = chrome or all(is_boilerplate(text) for text in texts)
    starts = segment_starts(alignment.target, en_ids)
    placed = [(starts[i], alignment.target.segments[i].text) for i in en_ids]
    spots.extend(_spacing_spots(placed, skip_layout=layout))
    return spots


def check_punctuation(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    """One finding per kind of slip in a link, keyed by the kind and the marks concerned."""
    open_pairs = _OpenInParagraphs(alignment.target)
    for link in alignment.links:
        if not link.en:
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        for spot in _link_spots(alignment, link.en, en, open_pairs):
            severity, message = _describe(spot)
            key = f"{spot.kind}: {' '.join(spot.examples)}"
            yield link_finding(NAME, link, zh, en, severity, message, key=key, en_spans=spot.spans)
