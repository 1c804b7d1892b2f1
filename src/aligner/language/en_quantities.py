"""Figures in English text: digits with scale words, number words, %, percentage points, dates.

Number words count only where they are used with a noun ("16 measures", "three years",
"two trillion"); "one" alone, "one of the", "first-class" or "second to none" are not
figures, and codes such as "G20", "COVID-19" or "No.6" are not either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from aligner.language.dates import MONTH_NUMBERS, valid_date
from aligner.language.extraction import Hedges, is_year, ratio_handler
from aligner.language.numerals import (
    EN_NUMBER_WORDS,
    EN_ORDINALS,
    EN_SCALES,
    EN_TENS,
    split_word_numbers,
)
from aligner.language.quantity import Kind, Quantity
from aligner.language.scan import (
    LIST_MARKER,
    TELEPHONE,
    Handler,
    Pass,
    alternation,
    claim,
    has_digit,
    is_code,
    run_passes,
    words_pattern,
)
from aligner.lexicon.compiled import re_pattern

_MONTHS = MONTH_NUMBERS
_MONTH_NAMES = alternation(_MONTHS)
_MONTH = rf"\b(?:{_MONTH_NAMES})\b\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<![\d.])\d{4}(?![\d.]\d)"
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
_CURRENCY = r"(?:RMB|CNY|USD|US\$|HK\$|S\$|A\$|C\$|NT\$|\$|€|£|¥|EUR|GBP|JPY)"
_SCALE = r"(?i:thousand|million|billion|trillion|hundred|bn|mn|tn)"
_SCALE_EXPONENTS: dict[str, int] = {
    **EN_SCALES,
    "hundred": 2,
    "bn": 9,
    "mn": 6,
    "tn": 12,
}
_PERCENT = r"(?:%|percent\b|per\s?cent\b|pct\b)"
_RANGE = r"\s*(?:-|–|—|to|through|thru)\s*"

# Phrases that contain a number word or an ordinal but state no figure of the sentence.
EN_NOT_FIGURES = (
    "second to none", "first-class", "first class", "first-rate", "first rate", "first half",
    "second half", "first of all", "at first", "first-hand", "first hand", "five-year plan",
    "two sessions", "one country, two systems", "two centenary goals", "third party",
    "third-party", "two-way", "first-tier", "second-tier", "third-tier", "first-ever",
    "double 11", "double eleven", "double 12", "double twelve", "singles' day", "24/7",
    "one-third", "two-thirds", "one-quarter", "three-quarters", "group of 20", "group of twenty",
    "group of seven", "group of 7", "group of eight", "group of 8",
)  # fmt: skip

_HEDGES = Hedges(
    before=re_pattern(
        r"\b(?:over|more than|nearly|almost|about|around|approximately|roughly|some|close to|"
        r"upwards of|in excess of|exceed|exceeds|exceeded|exceeding|at least|at most|less than|"
        r"fewer than|under|below|above|up to|an estimated|estimated)\s+$",
        re.IGNORECASE,
    ),
    after=re_pattern(r"(?:\+|-?plus\b|\s+or\s+(?:more|so)\b|[\s-]odd\b)", re.IGNORECASE),
    reach=24,
)
_quantity = _HEDGES.quantity

# After a bare number word, one of these means it is not counting a noun.
_NOT_A_NOUN = frozenset(
    {
        "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "that", "which", "who", "than", "have", "has", "had",
        "will", "would", "can", "could", "may", "might", "should", "must", "shall", "do", "does",
        "did", "it", "its", "they", "them", "their", "this", "these", "those", "the", "a", "an",
        "per", "each", "thirds", "halves", "fifths", "sixths", "tenths",
    }
)  # fmt: skip


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _fraction_digits(number: str) -> int:
    _, _, fraction = number.partition(".")
    return len(fraction)


def _decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))


def _date_value(year: int, month: int, day: int) -> int | None:
    return year * 10000 + month * 100 + day if valid_date(year, month, day) else None


def _iso_date(match: re.Match[str], text: str) -> list[Quantity] | None:
    value = _date_value(int(match["y"]), int(match["m"]), int(match["d"]))
    if value is None or int(match["d"]) == 0:
        return None
    return [_quantity(text, "date", value, *match.span())]


def _full_date(match: re.Match[str], text: str) -> list[Quantity] | None:
    day = _day(match["d"])
    value = _date_value(int(match["y"]), _month(match["m"]), day)
    if value is None or day == 0:
        return None
    return [_quantity(text, "date", value, *match.span())]


def _date_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    month, first, last = _month(match["m"]), _day(match["d"]), _day(match["d2"])
    if not (1 <= first <= 31 and 1 <= last <= 31):
        return None
    if match["y"]:
        year = int(match["y"])
        first_value = _date_value(year, month, first)
        last_value = _date_value(year, month, last)
        if first_value is None or last_value is None:
            return None
        return [
            _quantity(text, "date", first_value, match.start(), match.end("d")),
            _quantity(text, "date", last_value, match.start("d2"), match.end()),
        ]
    return [
        _quantity(text, "month_day", month * 100 + first, match.start(), match.end("d")),
        _quantity(text, "month_day", month * 100 + last, match.start("d2"), match.end()),
    ]


def _month_year(match: re.Match[str], text: str) -> list[Quantity] | None:
    value = _date_value(int(match["y"]), _month(match["m"]), 0)
    if value is None:
        return None
    return [_quantity(text, "date", value, *match.span())]


def _month_day(match: re.Match[str], text: str) -> list[Quantity] | None:
    day = _day(match["d"])
    if not 1 <= day <= 31:
        return None
    return [_quantity(text, "month_day", _month(match["m"]) * 100 + day, *match.span())]


def _months_from_january(match: re.Match[str], text: str) -> list[Quantity]:
    """The cumulative period "January-November", which the Chinese writes "1-11月"."""
    if _month(match["m"]) != 1 or _month(match["m2"]) < 2:
        return []
    return [_quantity(text, "number", _month(match["m2"]), *match.span())]


def _year_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    first = int(match["a"])
    last_text = match["b"]
    last = int(last_text) if len(last_text) == 4 else int(match["a"][:2] + last_text)
    if not (is_year(first) and is_year(last) and first < last):
        return None
    return [
        _quantity(text, "year", first, match.start("a"), match.end("a")),
        _quantity(text, "year", last, match.start("b"), match.end("b")),
    ]


def _read_number(number: str) -> tuple[Decimal, int]:
    return _decimal(number), _fraction_digits(number)


def _ratio_handler(kind: Kind, divisor: int = 1) -> Handler:
    return ratio_handler(kind, _HEDGES, _read_number, divisor)


def _percent_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    first, last = match["a"], match["b"]
    if is_code(text, match.start("a"), match.end("a"), glued=False):
        return None
    if re.fullmatch(r"\d{4}", first) and is_year(int(first)) and match["pa"] is None:
        return None  # "in 2024 to 5%": a year, then a percentage
    return [
        _quantity(
            text,
            "percent",
            _decimal(first),
            match.start("a"),
            match.end("a"),
            _fraction_digits(first),
        ),
        _quantity(
            text, "percent", _decimal(last), match.start("b"), match.end(), _fraction_digits(last)
        ),
    ]


def _digit_ordinal(match: re.Match[str], text: str) -> list[Quantity] | None:
    if is_code(text, match.start(), match.end("n"), glued=False):
        return None
    return [_quantity(text, "ordinal", int(match["n"]), *match.span())]


def _quarter(match: re.Match[str], text: str) -> list[Quantity]:
    """The quarter "Q2", which the Chinese writes 二季度."""
    return [_quantity(text, "ordinal", int(match["n"]), *match.span())]


def _number(match: re.Match[str], text: str) -> list[Quantity] | None:
    number = match["num"]
    start = match.start("cur") if match["cur"] else match.start("num")
    end = match.end("scale") if match["scale"] else match.end("num")
    if is_code(text, start, end):
        return None
    if len(number) > 1 and number[0] == "0" and number[1] != ".":
        return []  # "010": a code or telephone prefix
    exponent = _SCALE_EXPONENTS[match["scale"].lower()] if match["scale"] else 0
    value = _decimal(number).scaleb(exponent)
    kind: Kind = "number"
    if not (match["cur"] or match["scale"]) and re.fullmatch(r"\d{4}", number):
        kind = "year" if is_year(int(number)) else "number"
    quantity = _quantity(
        text, kind, value, match.start("num"), end, _fraction_digits(number) - exponent
    )
    if kind == "number" and (match["plus"] or _HEDGES.around(text, match.start(), end)):
        quantity = replace(quantity, approx=True)
    return [quantity]


_FRACTION_COUNT = re_pattern(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine)([\s-])$")


def _is_fraction(before: str, after: str) -> bool:
    """Whether an ordinal word is the denominator of a fraction.

    "one-fifth" and "a third of" are fractions; "a third consecutive year" is an ordinal.
    """
    count = _FRACTION_COUNT.search(before)
    if count is None:
        return False
    return count.group(1) == "-" or re.match(r"\s+of\b", after) is not None


_ENUMERATION_START = re_pattern(r"(?:^|[.;:!?\n(（]\s*)$")


def _word_ordinal(match: re.Match[str], text: str) -> list[Quantity] | None:
    start, end = match.span()
    value = EN_ORDINALS[match["o"].lower()] + (EN_TENS[match["t"].lower()] if match["t"] else 0)
    if _ENUMERATION_START.search(text, 0, start) and text[end : end + 1] == ",":
        return []  # "First, ... Second, ..." enumerates points, it counts nothing
    before = text[max(0, start - 12) : start].lower()
    if value >= 3 and _is_fraction(before, text[end : end + 4]):
        return []
    if re.search(r"\bper\s$", before):
        return []  # "per second"
    return [_quantity(text, "ordinal", value, start, end)]


def _twice(match: re.Match[str], text: str) -> list[Quantity]:
    return [replace(_quantity(text, "number", 2, *match.span()), approx=True)]


_WORD_TOKEN = re_pattern(r"[A-Za-z]+")
_FOLLOWING_WORD = re_pattern(r"(?:-|\s+)([A-Za-z]+)")
_PERCENT_AFTER = re_pattern(r"\s*" + _PERCENT, re.IGNORECASE)
_POINTS_AFTER = re_pattern(r"\s*percentage[-\s]points?\b", re.IGNORECASE)


def _number_words(match: re.Match[str], text: str) -> list[Quantity]:
    tokens = list(_WORD_TOKEN.finditer(match.group()))
    words = [token.group().lower() for token in tokens]
    found: list[Quantity] = []
    for number in split_word_numbers(words):
        start = match.start() + tokens[number.first].start()
        end = match.start() + tokens[number.last].end()
        kind: Kind = "number"
        span_end = end
        if points := _POINTS_AFTER.match(text, end):
            kind, span_end = "points", points.end()
        elif percent := _PERCENT_AFTER.match(text, end):
            kind, span_end = "percent", percent.end()
        elif not number.has_scale:
            if number.value == 1:
                continue  # "one" is as often a pronoun as a figure
            following = _FOLLOWING_WORD.match(text, end)
            if following is None or following.group(1).lower() in _NOT_A_NOUN:
                continue
        found.append(_quantity(text, kind, number.value, start, span_end, number.decimals))
    return found


_ORDINAL_WORDS = alternation(EN_ORDINALS)
_TENS_WORDS = alternation(EN_TENS)
_NUMBER_WORD = alternation(EN_NUMBER_WORDS)
_SCALE_WORD = alternation(("hundred", *EN_SCALES))

_PASSES: tuple[Pass, ...] = (
    Pass(words_pattern(EN_NOT_FIGURES, re.IGNORECASE), claim, digits=False),
    Pass(re_pattern(LIST_MARKER), claim),
    Pass(re_pattern(r"(?:\bNos?\.?\s*|#)\d+\b"), claim),
    Pass(re_pattern(r"\b\d{1,2}:\d{2}\b"), claim),
    Pass(re_pattern(TELEPHONE), claim),
    Pass(
        re_pattern(r"(?<![\d.])(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.]\d)"),
        _iso_date,
    ),
    Pass(re_pattern(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), claim),
    Pass(
        re_pattern(rf"(?P<m>{_MONTH})\s*(?:-|–|—|to|through|thru|and)\s*(?P<m2>{_MONTH})"),
        _months_from_january,
        digits=False,
    ),
    Pass(
        re_pattern(
            rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_RANGE}(?P<d2>{_DAY})(?:\s*,?\s*(?P<y>{_YEAR}))?"
        ),
        _date_range,
    ),
    Pass(re_pattern(rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:\s*,\s*|\s+)(?P<y>{_YEAR})"), _full_date),
    Pass(
        re_pattern(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
        _full_date,
    ),
    Pass(re_pattern(rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"), _month_year),
    Pass(re_pattern(rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b"), _month_day),
    Pass(re_pattern(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"), _month_day),
    Pass(
        re_pattern(r"(?<![\d.,])(?P<a>\d{4})\s*(?:-|–|—)\s*(?P<b>\d{4}|\d{2})(?![\d%.])"),
        _year_range,
    ),
    Pass(
        re_pattern(
            rf"(?<![\d.,])(?P<a>{_NUM})(?P<pa>\s*{_PERCENT})?{_RANGE}(?P<b>{_NUM})\s*{_PERCENT}",
            re.IGNORECASE,
        ),
        _percent_range,
    ),
    Pass(
        re_pattern(
            rf"(?<![\d.,])(?P<n>{_NUM})\s*-?\s*(?:percentage[-\s]points?\b|pp\b|ppts?\b)",
            re.IGNORECASE,
        ),
        _ratio_handler("points"),
    ),
    Pass(
        re_pattern(rf"(?<![\d.,])(?P<n>{_NUM})\s*-?\s*basis[-\s]points?\b", re.IGNORECASE),
        _ratio_handler("points", divisor=100),
    ),
    Pass(
        re_pattern(rf"(?<![\d.,])(?P<n>{_NUM})\s*{_PERCENT}", re.IGNORECASE),
        _ratio_handler("percent"),
    ),
    Pass(re_pattern(r"(?<![\d.,])(?P<n>\d+)(?:st|nd|rd|th)\b"), _digit_ordinal),
    Pass(re_pattern(r"\bQ(?P<n>[1-4])\b"), _quarter),
    Pass(
        re_pattern(
            rf"(?=[\dRCUHSANEGJ$€£¥])(?<![\d.,])(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})"
            rf"(?:[\s-]*(?P<scale>{_SCALE})\b)?(?P<plus>\+)?"
        ),
        _number,
    ),
    Pass(
        re_pattern(rf"\b(?:(?P<t>{_TENS_WORDS})-)?(?P<o>{_ORDINAL_WORDS})\b", re.IGNORECASE),
        _word_ordinal,
        digits=False,
    ),
    Pass(re_pattern(r"\btwice\b", re.IGNORECASE), _twice, digits=False),
    Pass(
        re_pattern(
            rf"\b(?:a\s+(?=(?:{_SCALE_WORD})\b))?(?:{_NUMBER_WORD})"
            rf"(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b",
            re.IGNORECASE,
        ),
        _number_words,
        digits=False,
    ),
)


# Every pass that finds a figure needs an ASCII digit or one of these words standing alone
# (the first pass only claims phrases for later ones); most sentences of prose have neither,
# and this one pattern costs less than the passes it spares them.
_FIGURE_WORD = re_pattern(
    rf"\b(?:{alternation([*_MONTHS, *EN_ORDINALS, *EN_NUMBER_WORDS, 'twice'])})\b",
    re.IGNORECASE,
)


def extract_en(text: str) -> list[Quantity]:
    if not has_digit(text) and _FIGURE_WORD.search(text) is None:
        return []
    return run_passes(text, _PASSES)
