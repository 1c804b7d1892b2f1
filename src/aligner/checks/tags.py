"""Tags check: inline codes, placeholders, web and mail addresses the English must keep.

A bilingual file from a CAT tool carries the original document's formatting and variables
as inline codes (``<g>``, ``<x/>``, ``<ph>``, ``<bpt>``/``<ept>``, ``<pc>``, ``<sc>``/``<ec>``),
which the readers keep as data on each sentence (:class:`aligner.model.InlineCode`). A
translation that loses one breaks the document it is merged back into; one that nests a
pair differently (bold inside a link instead of a link inside bold) or closes a pair before
opening it does too. Standalone codes and sibling pairs may change order — word order
changes in translation — so only nesting is compared, and every code is matched to its
twin by id.

Placeholders written as text (``%s``, ``%1$s``, ``{0}``, ``{name}``, ``${var}``) and web
and mail addresses are compared on every link, whatever the input: a release's URL or
contact address must come out character for character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from aligner.checks.base import CheckContext, link_texts, normal_spans
from aligner.lexicon.compiled import regex_pattern
from aligner.model import Alignment, Document, Finding, InlineCode, Link, Severity, Span

NAME = "tags"

_PLACEHOLDER = regex_pattern(
    r"%(?:\d+\$)?[sdifu@]|\{\d+\}|\{[A-Za-z_][\w.]*\}|\$\{[^{}\s]+\}|\{\{[^{}\s]+\}\}"
)
# Addresses are ASCII; a Chinese character right after one ends it (…/index.html或致信…).
_URL = regex_pattern(r"(?:https?://|ftp://|www\.)[!#$%&*+,\-./0-9:;=?@A-Z_a-z~]+", regex.I)
_EMAIL = regex_pattern(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TRAILING = ".,;:!?)]}'"


@dataclass(frozen=True)
class _Placed:
    """A code with its position in the link's joined text."""

    code: InlineCode
    position: int


def _codes(document: Document, ids: Sequence[int]) -> list[_Placed]:
    separator = 0 if document.lang == "zh" else 1
    placed: list[_Placed] = []
    offset = 0
    for index, segment_id in enumerate(ids):
        if index:
            offset += separator
        segment = document.segments[segment_id]
        placed.extend(_Placed(code, offset + code.position) for code in segment.codes)
        offset += len(segment.text)
    return placed


def _span_at(text: str, position: int) -> tuple[Span, ...]:
    """A one-character span where a code stands, so a report can point at the spot."""
    if not text:
        return ()
    start = min(max(position, 0), len(text) - 1)
    return ((start, start + 1),)


@dataclass(frozen=True)
class _Problem:
    severity: Severity
    key: str
    message: str
    zh: tuple[Span, ...] = ()
    en: tuple[Span, ...] = ()


def _identity(code: InlineCode) -> tuple[str, str]:
    return (code.role, code.pair)


def _count_problems(
    zh: str, en: str, zh_codes: list[_Placed], en_codes: list[_Placed]
) -> list[_Problem]:
    zh_count = Counter(_identity(p.code) for p in zh_codes)
    en_count = Counter(_identity(p.code) for p in en_codes)
    problems: list[_Problem] = []
    for placed in zh_codes:
        identity = _identity(placed.code)
        if zh_count[identity] > en_count[identity]:
            zh_count[identity] -= 1
            problems.append(
                _Problem(
                    Severity.ERROR,
                    f"missing:{placed.code.label}",
                    f"Inline code {placed.code.label} of the Chinese is missing from the English"
                    f" (it stands at “{_context(zh, placed.position)}”).",
                    zh=_span_at(zh, placed.position),
                )
            )
    zh_count = Counter(_identity(p.code) for p in zh_codes)
    for placed in en_codes:
        identity = _identity(placed.code)
        if en_count[identity] > zh_count[identity]:
            en_count[identity] -= 1
            problems.append(
                _Problem(
                    Severity.ERROR,
                    f"extra:{placed.code.label}",
                    f"Inline code {placed.code.label} in the English is not in the Chinese (at "
                    f"“{_context(en, placed.position)}”).",
                    en=_span_at(en, placed.position),
                )
            )
    return problems


def _context(text: str, position: int, width: int = 12) -> str:
    start = max(0, position - width)
    return (
        ("…" if start else "")
        + text[start : position + width].strip()
        + ("…" if position + width < len(text) else "")
    )


def _structure(placed: list[_Placed]) -> tuple[dict[str, str], set[str]]:
    """For each pair, the pair it is nested in ("" at the top), and the pairs closed before
    they are opened."""
    parents: dict[str, str] = {}
    backwards: set[str] = set()
    stack: list[str] = []
    opened: set[str] = set()
    for item in sorted(placed, key=lambda p: p.position):
        code = item.code
        if code.role == "open":
            parents.setdefault(code.pair, stack[-1] if stack else "")
            stack.append(code.pair)
            opened.add(code.pair)
        elif code.role == "close":
            if code.pair not in opened:
                backwards.add(code.pair)
            elif code.pair in stack:
                while stack and stack.pop() != code.pair:
                    pass
    return parents, backwards


def _order_problems(
    zh: str, en: str, zh_codes: list[_Placed], en_codes: list[_Placed]
) -> list[_Problem]:
    zh_parents, zh_backwards = _structure(zh_codes)
    en_parents, en_backwards = _structure(en_codes)
    labels = {p.code.pair: p.code for p in en_codes if p.code.role == "open"}
    positions = {p.code.pair: p.position for p in en_codes if p.code.role == "open"}
    problems: list[_Problem] = []
    for pair in sorted(en_backwards - zh_backwards):
        closing = next(p for p in en_codes if p.code.pair == pair and p.code.role == "close")
        problems.append(
            _Problem(
                Severity.ERROR,
                f"order:{pair}",
                f"Inline codes out of order in the English: {closing.code.label} closes the "
                f"pair {pair.partition('#')[2] or pair} before it is opened.",
                en=_span_at(en, closing.position),
            )
        )
    for pair, parent in sorted(zh_parents.items()):
        if pair not in en_parents or en_parents[pair] == parent or pair in en_backwards:
            continue
        code = labels.get(pair)
        shown = code.label if code else pair
        where_zh = _outer(parent, zh_codes)
        where_en = _outer(en_parents[pair], en_codes)
        problems.append(
            _Problem(
                Severity.ERROR,
                f"nesting:{pair}",
                f"Inline codes nested differently: {shown} is {where_zh} in the Chinese but "
                f"{where_en} in the English.",
                en=_span_at(en, positions.get(pair, 0)),
            )
        )
    return problems


def _outer(parent: str, codes: list[_Placed]) -> str:
    if not parent:
        return "at the top level"
    label = next((p.code.label for p in codes if p.code.pair == parent), parent)
    return f"inside {label}"


def _addresses(text: str) -> list[tuple[str, Span]]:
    found: list[tuple[str, Span]] = []
    for pattern in (_URL, _EMAIL):
        for match in pattern.finditer(text):
            value = match.group().rstrip(_TRAILING)
            if any(start <= match.start() < end for _, (start, end) in found):
                continue
            found.append((value, (match.start(), match.start() + len(value))))
    return found


def _normal(address: str) -> str:
    lowered = address.lower()
    for prefix in ("https://", "http://"):
        lowered = lowered.removeprefix(prefix)
    return lowered.rstrip("/")


def _text_problems(zh: str, en: str) -> list[_Problem]:
    problems: list[_Problem] = []
    zh_addresses, en_addresses = _addresses(zh), _addresses(en)
    en_normal = {_normal(value) for value, _ in en_addresses}
    zh_normal = {_normal(value) for value, _ in zh_addresses}
    for value, span in zh_addresses:
        if _normal(value) in en_normal:
            continue
        kind = "e-mail address" if "@" in value and "/" not in value else "web address"
        problems.append(
            _Problem(
                Severity.ERROR,
                f"address:{value}",
                f"The {kind} “{value}” of the Chinese is missing or changed in the English.",
                zh=(span,),
                en=tuple(s for v, s in en_addresses if _normal(v) not in zh_normal),
            )
        )
    for value, span in en_addresses:
        if _normal(value) not in zh_normal and not zh_addresses:
            problems.append(
                _Problem(
                    Severity.WARNING,
                    f"address:{value}",
                    f"The English has the address “{value}”, which the Chinese does not.",
                    en=(span,),
                )
            )
    zh_marks = Counter(m.group() for m in _PLACEHOLDER.finditer(zh))
    en_marks = Counter(m.group() for m in _PLACEHOLDER.finditer(en))
    for mark in (zh_marks - en_marks).elements():
        problems.append(
            _Problem(
                Severity.ERROR,
                f"placeholder:{mark}",
                f"Placeholder “{mark}” of the Chinese is missing from the English.",
                zh=tuple(m.span() for m in _PLACEHOLDER.finditer(zh) if m.group() == mark),
            )
        )
    for mark in (en_marks - zh_marks).elements():
        problems.append(
            _Problem(
                Severity.WARNING,
                f"placeholder:{mark}",
                f"Placeholder “{mark}” in the English is not in the Chinese.",
                en=tuple(m.span() for m in _PLACEHOLDER.finditer(en) if m.group() == mark),
            )
        )
    return problems


def check_tags(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    for link in alignment.links:
        if not (link.zh and link.en):
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        zh_codes = _codes(alignment.source, link.zh)
        en_codes = _codes(alignment.target, link.en)
        problems = _count_problems(zh, en, zh_codes, en_codes)
        problems += _order_problems(zh, en, zh_codes, en_codes)
        problems += _text_problems(zh, en)
        yield from _findings(link, zh, en, problems)


def _findings(link: Link, zh: str, en: str, problems: Sequence[_Problem]) -> Iterator[Finding]:
    seen: Counter[str] = Counter()
    for problem in problems:
        seen[problem.key] += 1
        key = problem.key if seen[problem.key] == 1 else f"{problem.key} #{seen[problem.key]}"
        yield Finding(
            check=NAME,
            severity=problem.severity,
            zh_ids=link.zh,
            en_ids=link.en,
            zh=zh,
            en=en,
            message=problem.message,
            key=key,
            zh_spans=normal_spans(problem.zh),
            en_spans=normal_spans(problem.en),
        )
