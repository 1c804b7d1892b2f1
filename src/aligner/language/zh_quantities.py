"""Figures in Chinese text: Arabic and Chinese numerals, 万/亿/兆 multipliers, %, 百分点, dates.

Traditional text is read exactly like simplified: the sentence is folded to simplified
once (:func:`~aligner.language.traditional.to_simplified`, which keeps every offset), so
萬億元, 百分點, 約 and 逾 need no patterns of their own. Financial numerals (壹佰貳拾) are
written the common way before the patterns run, where they are unmistakably numerals.
Taiwan dates in the Minguo calendar (民國114年1月13日) become the Gregorian date.

Chinese numerals are only taken as figures where they count something ("两项", "十二",
"一百三十一"): 一 on its own, idioms such as 一带一路 or 千方百计 and vague amounts such as
数十 or 十几 are left alone, because reporting them would make translators distrust the
check.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from aligner.language.dates import valid_date
from aligner.language.extraction import Hedges, is_year, ratio_handler
from aligner.language.numerals import (
    FINANCIAL_DIGITS,
    UNAMBIGUOUS_FINANCIAL,
    ZH_BIG_UNITS,
    ZH_MULTIPLIER_EXPONENTS,
    ZH_NUMERAL_CHARS,
    parse_zh_numeral,
    plain_numerals,
)
from aligner.language.quantity import Kind, Quantity
from aligner.language.scan import (
    LIST_MARKER,
    TELEPHONE,
    Handler,
    Pass,
    claim,
    is_code,
    run_passes,
    words_pattern,
)
from aligner.language.traditional import to_simplified
from aligner.lexicon.compiled import re_pattern

# Full-width forms map one-to-one onto ASCII, so offsets stay valid for the original text.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．，：／－～＋", "0123456789%.,:/-~+")

# Words that contain a numeral character but state no figure.
ZH_NOT_FIGURES = (
    "一些", "一起", "一系列", "一体化", "一体", "一般", "一直", "一定", "统一", "进一步",
    "唯一", "一流", "千方百计", "万一", "万物", "百姓", "一带一路", "一道", "一致", "一切",
    "一样", "一同", "一贯", "一律", "一再", "一旦", "一向", "一度", "一举", "一线", "一站式",
    "一揽子", "一方面", "同一", "之一", "逐一", "一心", "一手", "一边", "一时", "一番",
    "第一时间", "第三方", "两岸", "两会", "一国两制", "两个一百年", "二十国集团",
    "七国集团", "八国集团", "十一黄金周", "十一假期", "十一长假", "双十一", "双11", "双十二",
    "双12", "七台河", "三农", "万众", "千家万户", "成千上万", "千千万万",
    "百花齐放", "五湖四海", "四面八方", "十全十美", "一五一十", "三番五次", "九死一生",
    "十分", "百分百", "一号文件", "五年规划", "千瓦时", "十万八千里",
)  # fmt: skip

_CLASSIFIERS = (
    "平方公里", "平方米", "立方米", "千克", "公斤", "公里", "公顷", "美元", "港元", "欧元",
    "日元", "英镑", "季度", "小时", "分钟", "方面", "个", "项", "次", "家", "座", "条", "名",
    "批", "年", "天", "倍", "种", "类", "件", "辆", "艘", "架", "吨", "元", "位", "人", "国",
    "所", "份", "届", "轮", "期", "台", "套", "部", "只", "头", "箱", "克", "米", "亩", "户",
    "例", "场", "单", "篇", "张", "本", "枚", "颗", "株", "块", "层", "步", "款", "级", "代",
    "大", "周", "岁", "亿", "万", "千", "百",
)  # fmt: skip
_CLASSIFIER = "(?:" + "|".join(sorted(_CLASSIFIERS, key=len, reverse=True)) + ")"
_FOLLOWED_BY_CLASSIFIER = re_pattern(r"\s*(?:多|余)?\s*" + _CLASSIFIER)

_HEDGES = Hedges(
    before=re_pattern(
        r"(?:近|约|大约|超过|逾|超|将近|接近|多达|不到|不足|不少于|至少|最多|不超过)\s*$"
    ),
    after=re_pattern(r"\s*" + _CLASSIFIER + r"?\s*(?:左右|以上|上下|有余|开外|多|余)"),
    reach=4,
)
_quantity = _HEDGES.quantity

# What 兆 is the prefix of when it means mega rather than a trillion (see ZH_TRILLION).
_MEGA_UNIT = r"(?:瓦|赫|焦|帕|伏|欧|字节|位|比特|吨|卡|像素|周)"
_MEGA_PREFIX = re_pattern("兆" + _MEGA_UNIT)

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH = r"[零〇一二两三四五六七八九十百千万亿兆]+(?:点[零〇一二三四五六七八九]+)?"
_NUM = rf"(?:{_AR}|{_ZH})"
_RANGE = r"\s*(?:至|到|-+|—+|–|~)\s*"
_Y = r"(?<![\d.])\d{4}|[〇零一二三四五六七八九]{4}"
_M = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_D = r"\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DAY_END = r"\s*[日号]"
# A Minguo year (Taiwan's calendar, year 1 = 1912): "114" or "一百一十四".
_ROC_Y = r"\d{1,3}|[一二三四五六七八九十百零〇]{1,6}"
_ROC_OFFSET = 1911
_ROC_LAST_YEAR = 300


def _number(text: str) -> Decimal | None:
    if text[:1].isdigit():
        return Decimal(text.replace(",", ""))
    parsed = parse_zh_numeral(text)
    return None if parsed is None else parsed.value


def _int(text: str) -> int:
    value = _number(text)
    return -1 if value is None else int(value)


def _decimals_of(number_text: str) -> int:
    _, _, fraction = number_text.partition(".")
    if fraction or number_text[:1].isdigit():
        return len(fraction)
    parsed = parse_zh_numeral(number_text)
    return 0 if parsed is None else parsed.decimals


def _calendar_year(match: re.Match[str]) -> int:
    """The year of a date pattern, Gregorian; patterns with a ``roc`` group are Minguo."""
    year = _int(match["y"])
    if "roc" not in match.re.groupindex:
        return year
    return year + _ROC_OFFSET if 1 <= year <= _ROC_LAST_YEAR else -1


def _ymd(match: re.Match[str], text: str) -> list[Quantity] | None:
    year, month, day = _calendar_year(match), _int(match["m"]), _int(match["d"])
    if not valid_date(year, month, day):
        return None
    return [_quantity(text, "date", year * 10000 + month * 100 + day, *match.span())]


def _ymd_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    year, month, day = _int(match["y"]), _int(match["m"]), _int(match["d"])
    month2 = _int(match["m2"]) if match["m2"] else month
    day2 = _int(match["d2"])
    if not (valid_date(year, month, day) and valid_date(year, month2, day2)):
        return None
    return [
        _quantity(text, "date", year * 10000 + month * 100 + day, match.start(), match.end("d")),
        _quantity(text, "date", year * 10000 + month2 * 100 + day2, match.start("d2"), match.end()),
    ]


def _md(match: re.Match[str], text: str) -> list[Quantity] | None:
    month, day = _int(match["m"]), _int(match["d"])
    if not valid_date(2000, month, day) or day == 0:
        return None
    return [_quantity(text, "month_day", month * 100 + day, *match.span())]


def _md_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    month, day = _int(match["m"]), _int(match["d"])
    month2 = _int(match["m2"]) if match["m2"] else month
    day2 = _int(match["d2"])
    if not (valid_date(2000, month, day) and valid_date(2000, month2, day2)):
        return None
    return [
        _quantity(text, "month_day", month * 100 + day, match.start(), match.end("d")),
        _quantity(text, "month_day", month2 * 100 + day2, match.start("d2"), match.end()),
    ]


def _day_only(match: re.Match[str], text: str) -> list[Quantity] | None:
    day = _int(match["d"])
    if not 1 <= day <= 31:
        return None
    return [_quantity(text, "month_day", day, *match.span())]


def _year_month(match: re.Match[str], text: str) -> list[Quantity] | None:
    year, month = _calendar_year(match), _int(match["m"])
    if not valid_date(year, month, 0):
        return None
    return [_quantity(text, "date", year * 10000 + month * 100, *match.span())]


def _months_from_january(match: re.Match[str], text: str) -> list[Quantity]:
    """The cumulative period "1-11月", which the English calls "the first 11 months"."""
    first, last = _int(match["a"]), _int(match["b"])
    if first != 1 or not 2 <= last <= 12:
        return []
    return [_quantity(text, "number", last, *match.span())]


def _year(match: re.Match[str], text: str) -> list[Quantity] | None:
    year = _int(match["y"])
    if match["y"][:1].isdigit() and not is_year(year):
        return None  # "5000年" is a duration, read later as a number
    return [_quantity(text, "year", year, *match.span())]


def _roc_year(match: re.Match[str], text: str) -> list[Quantity] | None:
    year = _calendar_year(match)
    if not is_year(year):
        return None
    return [_quantity(text, "year", year, *match.span())]


def _year_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    first, last = _int(match["y"]), _int(match["y2"])
    if not (is_year(first) and is_year(last) and first < last):
        return None
    return [
        _quantity(text, "year", first, match.start("y"), match.end("y")),
        _quantity(text, "year", last, match.start("y2"), match.end()),
    ]


def _read_number(number: str) -> tuple[Decimal, int] | None:
    value = _number(number)
    return None if value is None else (value, _decimals_of(number))


def _ratio_handler(kind: Kind, divisor: int = 1) -> Handler:
    return ratio_handler(kind, _HEDGES, _read_number, divisor)


def _percent_range(match: re.Match[str], text: str) -> list[Quantity] | None:
    first, last = _number(match["a"]), _number(match["b"])
    if first is None or last is None:
        return None
    return [
        _quantity(
            text, "percent", first, match.start("a"), match.end("a"), _decimals_of(match["a"])
        ),
        _quantity(text, "percent", last, match.start("b"), match.end(), _decimals_of(match["b"])),
    ]


def _ordinal(match: re.Match[str], text: str) -> list[Quantity] | None:
    value = _number(match["n"])
    if value is None:
        return None
    if re.match(r"\s*[，,、:：]", text[match.end() :]):
        return []  # "第一，…第二，…" enumerates points of a speech, it counts nothing
    return [_quantity(text, "ordinal", value, *match.span())]


def _plan_period(match: re.Match[str], text: str) -> list[Quantity] | None:
    """The plan period "十四五", which the English calls the 14th Five-Year Plan."""
    value = _number(match["n"])
    if value is None:
        return None
    return [_quantity(text, "ordinal", value, *match.span())]


_COMPOUND_PART = re_pattern(r"(\d+(?:,\d{3})*(?:\.\d+)?)([兆亿万千])")


def _compound(match: re.Match[str], text: str) -> list[Quantity] | None:
    """An amount in several units, as Taiwan writes it: "1兆2,000亿" is 1.2 trillion.

    Each part must fit below the unit before it (2,000亿 below 1兆), otherwise the
    figures are two ("3万5万" is no number) and are left to the next pass.
    """
    if is_code(text, match.start(), match.end()):
        return None
    value = Decimal(0)
    previous_exponent: int | None = None
    decimals = 0
    for digits, unit in _COMPOUND_PART.findall(match.group()):
        exponent = ZH_MULTIPLIER_EXPONENTS[unit]
        part = Decimal(digits.replace(",", ""))
        if previous_exponent is not None and (
            exponent >= previous_exponent or part >= Decimal(10) ** (previous_exponent - exponent)
        ):
            return None
        if previous_exponent is not None and "." in digits:
            return None
        value += part.scaleb(exponent)
        decimals = _decimals_of(digits) - exponent
        previous_exponent = exponent
    return [_quantity(text, "number", value, match.start(), match.end(), decimals)]


def _arabic(match: re.Match[str], text: str) -> list[Quantity] | None:
    digits = match["num"]
    if is_code(text, match.start("num"), match.end("num")):
        return None
    if len(digits) > 1 and digits[0] == "0" and digits[1:2] != ".":
        return []  # "010": a code or telephone prefix
    exponent = sum(ZH_MULTIPLIER_EXPONENTS[ch] for ch in match["mult"] or "")
    value = Decimal(digits.replace(",", "")).scaleb(exponent)
    decimals = _decimals_of(digits) - exponent
    quantity = _quantity(text, "number", value, match.start(), match.end(), decimals)
    if match["a1"] or match["a2"]:
        quantity = replace(quantity, approx=True)
    return [quantity]


_VAGUE_BEFORE = "数几上成若好第"
_UNITS_ONLY = re_pattern(r"[十百千万亿兆]+")
_UNIT_CHARS = "十百千" + "".join(ZH_BIG_UNITS)


def _chinese_numeral(match: re.Match[str], text: str) -> list[Quantity] | None:
    numeral = match["num"]
    start, end = match.span()
    if len(numeral) > 1 and numeral[-1] == "两" and numeral[-2] in _UNIT_CHARS:
        # "五十两" is fifty taels: a final 两 after a unit is the measure word, since the
        # digit 2 in last place is always written 二.
        numeral = numeral[:-1]
        end = start + len(numeral)
    measured = False
    if len(numeral) > 1 and _MEGA_PREFIX.match(text, end - 1):
        # "五十兆瓦" is fifty megawatts: the 兆 belongs to the unit.
        numeral = numeral[:-1]
        end -= 1
        measured = True
    if text[start - 1 : start] in tuple(_VAGUE_BEFORE) or re.match(r"几|分之|年代", text[end:]):
        return []
    parsed = parse_zh_numeral(numeral)
    if parsed is None:
        return []
    counted = measured or _FOLLOWED_BY_CLASSIFIER.match(text, end) is not None
    if _UNITS_ONLY.fullmatch(numeral):
        if (numeral != "十" and len(numeral) == 1) or not counted or text[end : end + 1] == "级":
            return []
    elif all(ch not in _UNIT_CHARS + "点" for ch in numeral) and (
        len(numeral) > 1 or numeral in "一零〇" or not counted
    ):
        return []
    quantity = _quantity(text, "number", parsed.value, start, end, parsed.decimals)
    if match["a"] and end == match.end():
        quantity = replace(quantity, approx=True)
    return [quantity]


def _numerals(pattern: str, handle: Handler) -> Pass:
    """A pass that Chinese numerals alone can match, so it runs on text without digits."""
    return Pass(re_pattern(pattern), handle, digits=False)


def _digits(pattern: str, handle: Handler) -> Pass:
    return Pass(re_pattern(pattern), handle)


_PASSES: tuple[Pass, ...] = (
    Pass(words_pattern(ZH_NOT_FIGURES), claim, digits=False),
    _digits(LIST_MARKER, claim),
    _digits(r"\d{1,2}:\d{2}", claim),
    _digits(TELEPHONE, claim),
    _digits(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)", _ymd),
    _numerals(
        rf"(?P<roc>民国)\s*(?P<y>{_ROC_Y})\s*年\s*(?P<m>{_M})\s*月\s*(?P<d>{_D}){_DAY_END}", _ymd
    ),
    _digits(
        rf"(?<![\d.])(?P<roc>)(?P<y>\d{{2,3}})\s*年\s*(?P<m>{_M})\s*月\s*(?P<d>{_D}){_DAY_END}",
        _ymd,
    ),
    _numerals(rf"(?P<roc>民国)\s*(?P<y>{_ROC_Y})\s*年\s*(?P<m>{_M})\s*月份?", _year_month),
    _numerals(rf"(?P<roc>民国)\s*(?P<y>{_ROC_Y})\s*年度?", _roc_year),
    _numerals(
        rf"(?P<y>{_Y})\s*年\s*(?P<m>{_M})\s*月\s*(?P<d>{_D})(?:{_DAY_END})?{_RANGE}"
        rf"(?:(?P<m2>{_M})\s*月\s*)?(?P<d2>{_D}){_DAY_END}",
        _ymd_range,
    ),
    _numerals(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_M})\s*月\s*(?P<d>{_D}){_DAY_END}", _ymd),
    _numerals(
        rf"(?P<m>{_M})\s*月\s*(?P<d>{_D})(?:{_DAY_END})?{_RANGE}"
        rf"(?:(?P<m2>{_M})\s*月\s*)?(?P<d2>{_D}){_DAY_END}",
        _md_range,
    ),
    _numerals(rf"(?P<a>{_M})(?:\s*月份?)?{_RANGE}(?P<b>{_M})\s*月份?", _months_from_january),
    _numerals(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_M})\s*月份?", _year_month),
    _numerals(rf"(?P<m>{_M})\s*月\s*(?P<d>{_D}){_DAY_END}", _md),
    _numerals(rf"(?<![\d个])(?:{_M})\s*月份?", claim),
    _digits(r"(?<![\d.])(?P<d>\d{1,2})\s*日(?![内均])", _day_only),
    _digits(r"第?\s*\d+\s*号", claim),
    _numerals(rf"百分之(?P<n>{_NUM})", _ratio_handler("percent")),
    _digits(rf"(?P<a>{_AR})\s*%?{_RANGE}(?P<b>{_AR})\s*%", _percent_range),
    _numerals(rf"(?P<n>{_NUM})\s*个?百分点", _ratio_handler("points")),
    _numerals(rf"(?P<n>{_NUM})\s*个?基点", _ratio_handler("points", divisor=100)),
    _digits(rf"(?P<n>{_AR})\s*%", _ratio_handler("percent")),
    _digits(rf"(?P<n>{_AR})\s*‰", _ratio_handler("percent", divisor=10)),
    _numerals(rf"{_NUM}分之{_NUM}", claim),
    _numerals(rf"(?P<y>{_Y})\s*年?{_RANGE}(?P<y2>{_Y})\s*年", _year_range),
    _digits(r"\d{2,4}\s*年代", claim),
    _numerals(rf"(?P<y>{_Y})\s*年", _year),
    _numerals(rf"第\s*(?P<n>{_NUM})", _ordinal),
    _numerals(
        r"(?P<n>十[一二三四五六七八九]|[一二三四五六七八九十])五"
        r"(?=\s*[”\"」』，。、；]|规划|时期|期间|$)",
        _plan_period,
    ),
    _digits(rf"(?:{_AR}[兆亿万])+{_AR}[兆亿万千](?![克米瓦焦帕卡伏赫兆])", _compound),
    _digits(
        rf"(?P<num>{_AR})(?P<a1>多|余)?"
        r"(?P<mult>(?:十(?!分)|百(?!分)|千(?![克米瓦焦帕卡伏赫兆])|万|亿|兆(?!"
        + _MEGA_UNIT
        + r"))+)?(?P<a2>多|余)?",
        _arabic,
    ),
    _numerals(rf"(?P<num>{_ZH})(?P<a>多|余)?", _chinese_numeral),
)


_FINANCIAL_CHAR = re_pattern(f"[{FINANCIAL_DIGITS}]")
_FINANCIAL_RUN = re_pattern(f"[{ZH_NUMERAL_CHARS}{FINANCIAL_DIGITS}点]+")


def _plain_financial(text: str) -> str:
    """Financial numerals written the common way where they cannot be words.

    A run counts when it holds a character that is only ever a numeral (壹, 佰) or two
    financial characters (陆拾); a lone 陆 or 拾 is left alone (大陆, 收拾).
    """

    def plain(match: re.Match[str]) -> str:
        run = match.group()
        financial = [ch for ch in run if ch in FINANCIAL_DIGITS]
        if len(financial) >= 2 or any(ch in UNAMBIGUOUS_FINANCIAL for ch in financial):
            return plain_numerals(run)
        return run

    if _FINANCIAL_CHAR.search(text) is None:
        return text  # nearly every sentence
    return _FINANCIAL_RUN.sub(plain, text)


# Every pass that finds a figure needs an ASCII digit or a Chinese numeral (the first pass
# only claims phrases for later ones), and two sentences in three of a book have neither.
_MAY_HOLD_FIGURE = re_pattern(f"[0-9{ZH_NUMERAL_CHARS}]")


def extract_zh(text: str) -> list[Quantity]:
    normalised = _plain_financial(to_simplified(text).translate(_FULL_WIDTH))
    if _MAY_HOLD_FIGURE.search(normalised) is None:
        return []
    found = run_passes(normalised, _PASSES)
    # Report spans as written (full-width digits and all), not as normalised.
    return [replace(q, text=text[q.start : q.end]) for q in found]
