"""Dates as releases write them, in both languages: one recogniser for every stage.

The figure extractors compare dates between the Chinese and the English, the deliverables
show a release's date in their heading, and the QA checks recognise a line that is only a
date stamp. They all read dates through this module, so "2025年1月13日", "二〇二五年一月十三日",
"2025-01-13", "January 13, 2025" and "13 Jan. 2025" mean the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from aligner.language.traditional import to_simplified
from aligner.lexicon.compiled import regex_pattern

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""The twelve full month names, January first."""
MONTH_NUMBERS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
"""English month names and their usual abbreviations, as written (capitalised)."""

_MONTH_BY_NAME = {name.casefold(): number for name, number in MONTH_NUMBERS.items()}
_MONTH_NAME = "|".join(sorted(_MONTH_BY_NAME, key=len, reverse=True))
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL = "[〇零○Ｏ一二三四五六七八九十]"

# Full dates (year, month and day), each with named groups y, m and d.
_FULL_DATES = (
    regex_pattern(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    regex_pattern(
        rf"(?P<y>{_CN_NUMERAL}{{4}})\s*年\s*(?P<m>{_CN_NUMERAL}{{1,3}})\s*月"
        rf"\s*(?P<d>{_CN_NUMERAL}{{1,3}})\s*日"
    ),
    regex_pattern(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    regex_pattern(
        rf"\b(?P<m>{_MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})\b",
        regex.IGNORECASE,
    ),
    regex_pattern(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})\b",
        regex.IGNORECASE,
    ),
)

# What a date-stamp line may hold besides the date: a label, a weekday, a time.
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|(?:星期|周|礼拜)[一二三四五六日天])"
)
_MONTHS_LOOSE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ZH_NUMERAL = "[〇零一二三四五六七八九十]"
DATE_CORE = (
    r"(?:\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    r"|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
    rf"|{_ZH_NUMERAL}{{4}}年{_ZH_NUMERAL}{{1,2}}月(?:{_ZH_NUMERAL}{{1,3}}日)?"
    rf"|{_MONTHS_LOOSE}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS_LOOSE}\s*,?\s*\d{{4}}"
    rf"|{_MONTHS_LOOSE}\s+\d{{4}})"
)
"""A date as a regular expression without groups, for patterns that embed it."""
TIME = r"(?:\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)"
DATE_LABEL = (
    r"(?:date|dated|published|publication date|release date|released|updated|posted|time"
    r"|发布时间|发布日期|发表时间|更新时间|日期|时间)\s*:?\s*"
)
_DATE_LINE = regex_pattern(
    rf"^(?:{DATE_LABEL})?(?:{_WEEKDAY}\s*,?\s*)?{DATE_CORE}"
    rf"(?:\s*,?\s*\(?{_WEEKDAY}\)?)?(?:\s*,?\s*{TIME})?\s*[.。]?$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """A full date in a text: where it stands and the calendar date it names."""

    start: int
    end: int
    date: dt.date


def valid_date(year: int, month: int, day: int) -> bool:
    """Whether the parts make a calendar date; a day of 0 stands for a whole month."""
    return 1000 <= year <= 2999 and 1 <= month <= 12 and 0 <= day <= 31


def find_dates(text: str) -> Iterator[FoundDate]:
    """Every full date in ``text`` that names a real calendar day, pattern by pattern."""
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            found = _to_date(match.group("y"), match.group("m"), match.group("d"))
            if found is not None:
                yield FoundDate(match.start(), match.end(), found)


def is_date_line(text: str) -> bool:
    """A line that is only a date stamp (optionally labelled, with weekday or time)."""
    line = to_simplified(unicodedata.normalize("NFKC", text).strip()).strip("()[]【】 ")
    return bool(line) and bool(_DATE_LINE.match(line))


def _to_date(year: str, month: str, day: str) -> dt.date | None:
    numbers = []
    for part in (year, month, day):
        if part.isdigit():
            numbers.append(int(part))
        elif part.casefold() in _MONTH_BY_NAME:
            numbers.append(_MONTH_BY_NAME[part.casefold()])
        else:
            value = _chinese_number(part)
            if value is None:
                return None
            numbers.append(value)
    try:
        return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def _chinese_number(text: str) -> int | None:
    """Read 二〇二五 (digit by digit) or 十三 / 二十一 (with tens), as dates are written."""
    if "十" not in text:
        if not all(ch in _CN_DIGITS for ch in text):
            return None
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens_text, _, ones_text = text.partition("十")
    if any(ch not in _CN_DIGITS for ch in tens_text + ones_text) or len(tens_text) > 1:
        return None
    tens = _CN_DIGITS[tens_text] if tens_text else 1
    ones = _CN_DIGITS[ones_text] if ones_text else 0
    return tens * 10 + ones
