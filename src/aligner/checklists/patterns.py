"""Checklist patterns: the ``regex`` syntax plus placeholders for figures and glossary terms.

A rule's author should not have to spell out what a figure looks like in each language, or
copy the glossary's renderings into a pattern that then goes stale. Placeholders do it:

``{figure}``
    a figure: digits with thousands separators and decimals ("43.85", "5,603"), and in the
    Chinese also Chinese and financial numerals (三, 两, 壹佰); in the English also the
    number words one to ninety. ``{figure}亿`` is "a figure followed by 亿".
``{term}``
    any glossary term: on the Chinese side its Chinese, on the English side any approved
    rendering (preferred, admitted or a listed variant, never a deprecated one).
``{term:同比}``
    one glossary term: 同比 on the Chinese side, its approved renderings on the English.

A brace that is a quantifier (``\\d{2,4}``) or part of an escape (``\\p{Han}``) is left
alone, as is an escaped ``\\{``. The Chinese is matched with traditional characters folded
to simplified (the fold keeps offsets), so a pattern in simplified characters also finds
萬億 and 同比 in a Hong Kong release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from aligner.checklists.model import ChecklistRule
from aligner.glossary.model import GlossaryEntry
from aligner.language.traditional import to_simplified
from aligner.lexicon.compiled import regex_pattern
from aligner.model import Lang, TermStatus

PLACEHOLDERS = ("figure", "term")

_PLACEHOLDER = regex_pattern(r"(?<!\\[pPNxXu])(?<!\\)\{([A-Za-z_]+)(?::([^{}]*))?\}")

_ZH_FIGURE = (
    r"(?:\d+(?:[,，]\d{3})*(?:\.\d+)?"
    r"|[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)"
)
_EN_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety"
)
_EN_FIGURE = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|\b(?:{_EN_NUMBER_WORDS})\b)"

_ACCEPTED = (TermStatus.PREFERRED, TermStatus.ADMITTED)


class PatternError(ValueError):
    """A pattern that cannot be used, with what is wrong in words a rule's author reads."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its patterns ready to run; a side without a pattern is None."""

    rule: ChecklistRule
    zh: regex.Pattern[str] | None
    en: regex.Pattern[str] | None

    def zh_matches(self, text: str) -> list[tuple[int, int]]:
        """Where the Chinese pattern matches, as offsets into ``text`` (folded to simplified)."""
        return _spans(self.zh, to_simplified(text))

    def en_matches(self, text: str) -> list[tuple[int, int]]:
        return _spans(self.en, text)


def _spans(pattern: regex.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]


def _alternation(phrases: Sequence[str], lang: Lang) -> str:
    """Literal phrases as one group, longest first so the longest term wins."""
    unique = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not unique:
        return "(?!)"
    if lang == "zh":
        return "(?:" + "|".join(regex.escape(p) for p in unique) + ")"
    # English renderings: any run of spaces between words, whole words only.
    escaped = (r"\s+".join(regex.escape(word) for word in p.split()) for p in unique)
    return r"(?:\b(?:" + "|".join(escaped) + r")\b)"


def _renderings(entries: Sequence[GlossaryEntry]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if entry.status in _ACCEPTED:
            found.append(entry.en)
            found.extend(entry.variants)
    return found


def expand(pattern: str, lang: Lang, glossary: Sequence[GlossaryEntry]) -> str:
    """The pattern with its placeholders replaced by plain regular expressions."""

    def substitute(match: regex.Match[str]) -> str:
        name, argument = match.group(1), match.group(2)
        if name == "figure":
            if argument is not None:
                raise PatternError("{figure} takes no argument")
            return _ZH_FIGURE if lang == "zh" else _EN_FIGURE
        if name == "term":
            if argument is None:
                if lang == "zh":
                    return _alternation([to_simplified(e.zh) for e in glossary], "zh")
                return _alternation(_renderings(glossary), "en")
            term = to_simplified(argument.strip())
            entries = [e for e in glossary if to_simplified(e.zh) == term]
            if not entries:
                raise PatternError(f"{{term:{argument}}}: {argument!r} is not a glossary term")
            if lang == "zh":
                return _alternation([term], "zh")
            return _alternation(_renderings(entries), "en")
        known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
        raise PatternError(f"unknown placeholder {{{name}}}; the placeholders are {known}")

    return str(_PLACEHOLDER.sub(substitute, pattern))


def compile_pattern(
    pattern: str, lang: Lang, glossary: Sequence[GlossaryEntry], case_sensitive: bool
) -> regex.Pattern[str] | None:
    """The compiled pattern (None when empty); PatternError says what is wrong with it."""
    if not pattern.strip():
        return None
    source = to_simplified(pattern) if lang == "zh" else pattern
    expanded = expand(source, lang, glossary)
    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    try:
        compiled = regex_pattern(expanded, flags)
    except regex.error as error:
        position = getattr(error, "pos", None)
        where = ""
        if isinstance(position, int) and expanded == source:
            where = f" at character {position + 1}"
        message = getattr(error, "msg", None) or str(error).split(" at position")[0]
        raise PatternError(f"{message}{where}") from None
    if compiled.search("") is not None and compiled.fullmatch("") is not None:
        raise PatternError("matches the empty text, so it would match everywhere")
    return compiled


def compile_rule(rule: ChecklistRule, glossary: Sequence[GlossaryEntry]) -> CompiledRule:
    """Both patterns of a rule compiled; PatternError names the side that is wrong."""
    compiled: dict[str, regex.Pattern[str] | None] = {}
    for lang, pattern, side in (("zh", rule.zh, "Chinese"), ("en", rule.en, "English")):
        try:
            compiled[lang] = compile_pattern(
                pattern,
                lang,  # type: ignore[arg-type]
                glossary,
                rule.case_sensitive,
            )
        except PatternError as error:
            raise PatternError(f"bad {side} pattern {pattern!r}: {error}") from None
    return CompiledRule(rule, compiled["zh"], compiled["en"])
