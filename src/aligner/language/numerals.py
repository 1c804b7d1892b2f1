"""Reading numbers written in words: Chinese numerals and English number words.

Both parsers return the value together with the ``decimals`` of the figure (see
:class:`~aligner.language.quantity.Quantity`), so that "三千亿" and "3000亿", or "two
trillion" and "2 trillion", carry the same precision as their digit forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZH_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# The exponent of each large unit. 兆 is 10**12: see ZH_TRILLION below.
ZH_BIG_UNITS: dict[str, int] = {"万": 4, "亿": 8, "兆": 12}
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS)

ZH_TRILLION = "兆"
"""兆 after a figure is read as 10**12, a trillion, and as 10**6 only as a unit prefix.

Taiwan writes trillions as 兆 (新臺幣1兆2,000億元), as Japan and Korea do and as the
traditional 万进 scale always did. The mainland, Hong Kong and Macao write 万亿 (萬億)
for amounts, and their statutory unit prefixes make 兆 mega (兆瓦 megawatt, 兆赫 megahertz,
兆字节 megabyte). So a release that puts 兆 after a figure on its own means a trillion,
whichever side of the strait it comes from, while 兆 directly before a unit of measure is
the prefix: the figure before it is then compared as written, as "3兆瓦" and "3 MW" are.
"""

# Multipliers written after Arabic digits ("3979亿", "2.1万亿"): their exponents add up.
ZH_MULTIPLIER_EXPONENTS: dict[str, int] = {"十": 1, "百": 2, "千": 3, **ZH_BIG_UNITS}

# Financial numerals (大写数字), which cheques and contracts use because they cannot be
# altered with a stroke, in both scripts, and the traditional forms of the others.
_FINANCIAL = str.maketrans(
    {
        "壹": "一", "弌": "一", "贰": "二", "貳": "二", "弍": "二", "貮": "二", "叁": "三",
        "叄": "三", "參": "三", "参": "三", "弎": "三", "肆": "四", "伍": "五", "陆": "六",
        "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千",
        "萬": "万", "億": "亿", "兩": "两", "點": "点",
    }
)  # fmt: skip
FINANCIAL_DIGITS = "壹贰叁参肆伍陆柒捌玖拾佰仟"
"""The financial numerals as they look once folded to simplified."""
UNAMBIGUOUS_FINANCIAL = "壹贰叁柒捌玖佰仟"
"""Those that are nothing but numerals; 参 (参加), 肆 (放肆), 伍 (队伍), 陆 (大陆) and
拾 (收拾) are everyday words too."""


def plain_numerals(text: str) -> str:
    """``text`` with financial and traditional numeral characters written the common way.

    Only for text already known to be a numeral: 参 or 陆 elsewhere are words.
    """
    return text.translate(_FINANCIAL)


@dataclass(frozen=True)
class ParsedNumber:
    value: Decimal
    decimals: int


def parse_zh_numeral(text: str) -> ParsedNumber | None:
    """Value of a Chinese numeral such as "一百三十一", "二十", "三万亿" or "三点五".

    Financial and traditional forms read the same ("壹佰贰拾", "三萬億", "兩"), and 兆 is
    a trillion (see ZH_TRILLION). Returns None for strings that are not one number: runs
    of bare digits ("三四", which means "three or four") and malformed sequences. A run of
    digits without any unit ("二〇二四") is read digit by digit, which only callers
    expecting a year want.
    """
    if not text:
        return None
    text = plain_numerals(text)
    integer_part, _, fraction_part = text.partition("点")
    if fraction_part:
        if not all(ch in ZH_DIGITS for ch in fraction_part):
            return None
        whole = parse_zh_numeral(integer_part)
        if whole is None:
            return None
        digits = "".join(str(ZH_DIGITS[ch]) for ch in fraction_part)
        return ParsedNumber(whole.value + Decimal("0." + digits), len(digits))
    if any(ch not in ZH_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in ZH_DIGITS for ch in text):
        if len(text) == 1:
            return ParsedNumber(Decimal(ZH_DIGITS[text]), 0)
        return ParsedNumber(Decimal("".join(str(ZH_DIGITS[ch]) for ch in text)), 0)
    return _parse_zh_positional(text)


def _parse_zh_positional(text: str) -> ParsedNumber | None:
    """Place-value reading: below each large unit a section of 千/百/十, above it groups.

    A large unit multiplies everything written since the last larger unit: in 三万亿 the
    亿 multiplies 三万 (3 * 10**12), in 一兆二千亿 it multiplies only 二千, because 兆 is
    larger. ``groups`` keeps (value, exponent) of what the large units already closed.
    """
    groups: list[tuple[int, int]] = []
    section = 0  # the part below the next large unit
    digit: int | None = None
    previous = ""
    trailing_exponent = 0
    for ch in text:
        if ch in ZH_DIGITS:
            if previous in ZH_DIGITS and previous not in "零〇":
                return None  # "三四十": an estimate, not a number
            digit = ZH_DIGITS[ch]
            trailing_exponent = 0
        elif ch in ZH_SMALL_UNITS:
            if previous in ZH_SMALL_UNITS:
                return None
            section += (1 if digit is None else digit) * ZH_SMALL_UNITS[ch]
            digit = None
            trailing_exponent = 0
        else:
            exponent = ZH_BIG_UNITS[ch]
            gathered = section + (digit or 0)
            while groups and groups[-1][1] < exponent:
                gathered += groups.pop()[0]
            if gathered == 0:
                return None  # "万" or "零亿" alone multiplies nothing
            groups.append((gathered * 10**exponent, exponent))
            section = 0
            digit = None
            trailing_exponent += exponent  # after 万 this makes 万亿, 10**12
        previous = ch
    value = sum(group for group, _ in groups) + section + (digit or 0)
    decimals = -trailing_exponent if text[-1] in ZH_BIG_UNITS else 0
    return ParsedNumber(Decimal(value), decimals)


EN_UNITS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
EN_TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES: dict[str, int] = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
EN_NUMBER_WORDS = (
    tuple(EN_UNITS) + tuple(EN_TEENS) + tuple(EN_TENS) + ("hundred",) + tuple(EN_SCALES)
)

EN_ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}


@dataclass(frozen=True)
class WordNumber:
    """One English number found in a run of number words, by token positions."""

    first: int
    last: int  # inclusive
    value: Decimal
    decimals: int
    has_scale: bool  # contains "hundred", "thousand", ... (a figure beyond doubt)


def _word_class(word: str) -> str:
    if word in EN_UNITS:
        return "unit"
    if word in EN_TEENS:
        return "teen"
    if word in EN_TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in EN_SCALES:
        return "scale"
    return word  # "and", "a"


_FOLLOWS: dict[str, frozenset[str]] = {
    "start": frozenset({"unit", "teen", "tens", "a"}),
    "a": frozenset({"hundred", "scale"}),
    "unit": frozenset({"hundred", "scale"}),
    "teen": frozenset({"hundred", "scale"}),
    "tens": frozenset({"unit", "scale"}),
    "hundred": frozenset({"unit", "teen", "tens", "scale", "and"}),
    "scale": frozenset({"unit", "teen", "tens", "and"}),
    "and": frozenset({"unit", "teen", "tens"}),
}


def split_word_numbers(words: list[str]) -> list[WordNumber]:
    """Split a run of number words into the numbers it spells.

    "one hundred and thirty-one" is one number; "two three" (as in a list) is two. The
    words must be lower case; "and" and "a" may appear where English grammar puts them.
    """
    numbers: list[WordNumber] = []
    index = 0
    while index < len(words):
        parsed = _longest_number(words, index)
        if parsed is None:
            index += 1
            continue
        numbers.append(parsed)
        index = parsed.last + 1
    return numbers


def _longest_number(words: list[str], first: int) -> WordNumber | None:
    state = "start"
    total = 0
    current = 0
    last_scale = 99
    last_good: WordNumber | None = None
    has_scale = False
    for position in range(first, len(words)):
        word = words[position]
        word_class = _word_class(word)
        if word_class not in _FOLLOWS.get(state, frozenset()):
            break
        if word_class == "scale" and EN_SCALES[word] >= last_scale:
            break
        if word_class == "a":
            current = 1
        elif word_class == "unit":
            current += EN_UNITS[word]
        elif word_class == "teen":
            current += EN_TEENS[word]
        elif word_class == "tens":
            current += EN_TENS[word]
        elif word_class == "hundred":
            if current >= 100:
                break
            current = (current or 1) * 100
            has_scale = True
        elif word_class == "scale":
            last_scale = EN_SCALES[word]
            total += (current or 1) * 10**last_scale
            current = 0
            has_scale = True
        state = word_class
        if word_class not in {"a", "and"}:
            decimals = -last_scale if word_class == "scale" else 0
            last_good = WordNumber(first, position, Decimal(total + current), decimals, has_scale)
    return last_good
