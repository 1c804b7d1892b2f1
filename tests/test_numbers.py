"""Figures extracted from Chinese and English text, and how the two sides are compared."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aligner.language.numbers import (
    Lang,
    Quantity,
    QuantityDiff,
    anchor_keys,
    compare_quantities,
    extract_quantities,
    format_value,
)
from aligner.language.numerals import parse_zh_numeral, split_word_numbers

Figure = tuple[str, str, bool]  # kind, value as plain text, approximate


def figures(text: str, lang: Lang) -> list[Figure]:
    return [
        (q.kind, format(q.value.normalize(), "f"), q.approx) for q in extract_quantities(text, lang)
    ]


def n(value: str, approx: bool = False) -> Figure:
    return ("number", value, approx)


ZH_CASES: list[tuple[str, list[Figure]]] = [
    ("进出口总值43.85万亿元", [n("43850000000000")]),
    ("监管进出口货物56.03亿吨", [n("5603000000")]),
    ("运输工具3991.7万辆", [n("39917000")]),
    ("全年外贸增加2.1万亿元", [n("2100000000000")]),
    ("汽车出口3979亿元", [n("397900000000")]),
    ("出口1,234家企业", [n("1234")]),
    ("监管５６.０３亿吨", [n("5603000000")]),
    ("推出十二项措施", [n("12")]),
    ("二十个城市", [n("20")]),
    ("一百三十一项措施", [n("131")]),
    ("两项改革", [n("2")]),
    ("三年来", [n("3")]),
    ("十六项措施", [n("16")]),
    ("一万二千家", [n("12000")]),
    ("三千五百万吨", [n("35000000")]),
    ("增长了3倍", [n("3")]),
    ("同比增长5%", [("percent", "5", False)]),
    ("同比增长５％", [("percent", "5", False)]),
    ("占百分之五", [("percent", "5", False)]),
    ("占百分之三点五", [("percent", "3.5", False)]),
    ("增长5%-8%", [("percent", "5", False), ("percent", "8", False)]),
    ("比重上升0.5个百分点", [("points", "0.5", False)]),
    ("提高两个百分点", [("points", "2", False)]),
    ("2025年1月13日", [("date", "20250113", False)]),
    ("2024年12月10日", [("date", "20241210", False)]),
    ("二〇二四年十二月十日", [("date", "20241210", False)]),
    ("1月13日举行发布会", [("month_day", "113", False)]),
    ("2024年12月，进出口创新高", [("date", "20241200", False)]),
    ("2024年，我国外贸", [("year", "2024", False)]),
    ("日期：2024/05/08", [("date", "20240508", False)]),
    ("日期：2024-05-08", [("date", "20240508", False)]),
    ("2020—2024年", [("year", "2020", False), ("year", "2024", False)]),
    ("2020至2024年", [("year", "2020", False), ("year", "2024", False)]),
    ("1月13日至15日", [("month_day", "113", False), ("month_day", "115", False)]),
    ("13日，海关总署发布", [("month_day", "13", False)]),
    ("1-11月，进出口增长", [n("11")]),
    ("前11个月", [n("11")]),
    ("150多个国家和地区", [n("150", approx=True)]),
    ("150余家企业", [n("150", approx=True)]),
    ("超过150家", [n("150", approx=True)]),
    ("近400亿元", [n("40000000000", approx=True)]),
    ("约1.2万亿元", [n("1200000000000", approx=True)]),
    ("3000多亿元", [n("300000000000", approx=True)]),
    ("150家左右", [n("150", approx=True)]),
    ("第十二届进博会", [("ordinal", "12", False)]),
    ("连续第15年", [("ordinal", "15", False)]),
    ("“十四五”规划", [("ordinal", "14", False)]),
    ("5000年文明", [n("5000")]),
    ("装机500万千瓦", [n("5000000")]),
    ("重3千克", [n("3")]),
    ("借了二十两银子", [n("20")]),
    ("输了五十两", [n("50")]),
    ("两千两白银", [n("2000")]),
    ("6.片厂", []),
    ("（3）加强监管", []),
    ("1.5%的增长", [("percent", "1.5", False)]),
    ("前三季度", [n("3")]),
    ("5G网络和G20峰会", []),
    ("PM2.5浓度", []),
    ("咨询电话：010-65194114", []),
    ("上午10:00举行", []),
    ("海关总署令第270号", []),
]


@pytest.mark.parametrize(("text", "expected"), ZH_CASES)
def test_chinese_figures_are_normalised(text: str, expected: list[Figure]) -> None:
    assert figures(text, "zh") == expected


ZH_WORDS_WITHOUT_FIGURES = [
    "一些企业",
    "一起努力",
    "一系列措施",
    "区域一体化",
    "一般贸易",
    "一直以来",
    "一定程度",
    "统一大市场",
    "进一步优化",
    "唯一的",
    "一流营商环境",
    "千方百计",
    "万一",
    "万物互联",
    "老百姓",
    "共建“一带一路”",
    "一道努力",
    "一致同意",
    "一个中等国家",
    "一年",
    "十几个",
    "数十个",
    "上万人",
    "万亿级台阶",
    "三成",
    "三四个",
    "三分之一",
    "第一时间",
    "一国两制",
    "两岸",
    "二十国集团",
    "3月份以来",
    "3至5月",
    "90年代",
    "八十年代",
    "十万八千里",
]


@pytest.mark.parametrize("text", ZH_WORDS_WITHOUT_FIGURES)
def test_chinese_words_containing_numerals_are_not_figures(text: str) -> None:
    assert figures(text, "zh") == []


EN_CASES: list[tuple[str, list[Figure]]] = [
    ("reached 43.85 trillion yuan", [n("43850000000000")]),
    ("reached RMB43.85 trillion", [n("43850000000000")]),
    ("US$1.2 billion", [n("1200000000")]),
    ("$3 million", [n("3000000")]),
    ("$3bn", [n("3000000000")]),
    ("5.603 billion tons", [n("5603000000")]),
    ("39.917 million vehicles", [n("39917000")]),
    ("5,603 companies", [n("5603")]),
    ("131 measures", [n("131")]),
    ("100km of road", [n("100")]),
    ("up 5%", [("percent", "5", False)]),
    ("up 3.8 percent", [("percent", "3.8", False)]),
    ("up 3.8 per cent", [("percent", "3.8", False)]),
    ("between 5 and 8%", [n("5"), ("percent", "8", False)]),
    ("5-8%", [("percent", "5", False), ("percent", "8", False)]),
    ("rose 0.5 percentage points", [("points", "0.5", False)]),
    ("cut by 25 basis points", [("points", "0.25", False)]),
    ("two measures", [n("2")]),
    ("twelve years", [n("12")]),
    ("twenty-one companies", [n("21")]),
    ("a hundred firms", [n("100")]),
    ("one hundred firms", [n("100")]),
    ("one hundred and thirty-one measures", [n("131")]),
    ("two trillion yuan", [n("2000000000000")]),
    ("a three-year plan", [n("3")]),
    ("five percent", [("percent", "5", False)]),
    ("grew twice", [n("2", approx=True)]),
    ("the 12th session", [("ordinal", "12", False)]),
    ("the second-largest", [("ordinal", "2", False)]),
    ("for a third consecutive year", [("ordinal", "3", False)]),
    ("the twenty-first century", [("ordinal", "21", False)]),
    ("in the first quarter", [("ordinal", "1", False)]),
    ("in Q2", [("ordinal", "2", False)]),
    ("in 2024", [("year", "2024", False)]),
    ("in mid-2024", [("year", "2024", False)]),
    ("2020-2024", [("year", "2020", False), ("year", "2024", False)]),
    ("January 13, 2025", [("date", "20250113", False)]),
    ("January 13,2025", [("date", "20250113", False)]),
    ("13 January 2025", [("date", "20250113", False)]),
    ("Jan. 13", [("month_day", "113", False)]),
    ("on 13 January", [("month_day", "113", False)]),
    ("December 2024", [("date", "20241200", False)]),
    ("2024/05/08", [("date", "20240508", False)]),
    ("January 13-15, 2025", [("date", "20250113", False), ("date", "20250115", False)]),
    ("January-November", [n("11")]),
    ("from January to November", [n("11")]),
    ("over 150 countries", [n("150", approx=True)]),
    ("more than 150 countries", [n("150", approx=True)]),
    ("nearly 400 billion", [n("400000000000", approx=True)]),
    ("about US$2 billion", [n("2000000000", approx=True)]),
    ("150+ economies", [n("150", approx=True)]),
    ("the first 11 months", [("ordinal", "1", False), n("11")]),
    ("the 14th Five-Year Plan", [("ordinal", "14", False)]),
    ("16 Measures to Stabilise Trade", [n("16")]),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_figures_are_normalised(text: str, expected: list[Figure]) -> None:
    assert figures(text, "en") == expected


EN_PHRASES_WITHOUT_FIGURES = [
    "a new record high",
    "Address: No.6. Jianguomennei Avenue",
    "the G20 summit",
    "after COVID-19",
    "5G networks",
    "one of the largest",
    "the one that matters",
    "one more time",
    "a first-class environment",
    "second to none",
    "First, we will stabilise trade.",
    "in the second half",
    "two-thirds of exports",
    "a fifth of exports",
    "one-fifth",
    "hundreds of millions",
    "the two of them",
    "at 10:30 today",
    "Tel: +86 10 6519 4114",
    "the Group of 20",
    "1. Overview",
    "(2) Supervision",
    "one country, two systems",
]


@pytest.mark.parametrize("text", EN_PHRASES_WITHOUT_FIGURES)
def test_english_phrases_without_figures(text: str) -> None:
    assert figures(text, "en") == []


def test_spans_point_into_the_text_as_written() -> None:
    text = "2024年，全国海关共监管进出口货物５６.０３亿吨。"
    [year, tons] = extract_quantities(text, "zh")

    assert (year.text, text[year.start : year.end]) == ("2024年", "2024年")
    assert tons.text == "５６.０３亿" == text[tons.start : tons.end]


def test_english_span_leaves_the_currency_out() -> None:
    [figure] = extract_quantities("reached RMB43.85 trillion in total", "en")
    assert figure.text == "43.85 trillion"


@pytest.mark.parametrize(
    ("text", "lang", "precision"),
    [
        ("3979亿元", "zh", Decimal("1e8")),
        ("43.85万亿元", "zh", Decimal("1e10")),
        ("三千亿元", "zh", Decimal("1e8")),
        ("397.9 billion", "en", Decimal("1e8")),
        ("two trillion yuan", "en", Decimal("1e12")),
        ("up 5.3%", "en", Decimal("0.1")),
        ("131 measures", "en", Decimal("1")),
    ],
)
def test_precision_is_the_step_of_the_last_written_digit(
    text: str, lang: Lang, precision: Decimal
) -> None:
    [figure] = extract_quantities(text, lang)
    assert figure.precision == precision


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百三十一", 131),
        ("一百零五", 105),
        ("两千", 2000),
        ("三万亿", 3 * 10**12),
        ("一亿二千万", 120_000_000),
        ("五万三千亿", 53 * 10**11),
        ("二〇二四", 2024),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    parsed = parse_zh_numeral(numeral)
    assert parsed is not None
    assert parsed.value == value


@pytest.mark.parametrize("numeral", ["三四十", "万", "亿", "十百", "", "三点x"])
def test_malformed_chinese_numerals_are_rejected(numeral: str) -> None:
    assert parse_zh_numeral(numeral) is None


@pytest.mark.parametrize(
    ("numeral", "value", "decimals"),
    [
        ("三萬億", 3 * 10**12, -12),
        ("兩千", 2000, 0),
        ("一億二千萬", 120_000_000, -4),
        ("三點五", Decimal("3.5"), 1),
        ("壹佰貳拾", 120, 0),
        ("壹佰贰拾", 120, 0),
        ("參拾陸", 36, 0),
        ("叁仟伍佰", 3500, 0),
        ("玖萬捌仟柒佰陸拾伍", 98765, 0),
        ("伍拾萬", 500_000, -4),
        ("拾", 10, 0),
        ("一兆", 10**12, -12),
        ("兩兆", 2 * 10**12, -12),
        ("一兆二千億", 12 * 10**11, -8),
        ("三兆五千億零二十萬", 35 * 10**11 + 200_000, -4),
    ],
)
def test_traditional_and_financial_numerals(numeral: str, value: int, decimals: int) -> None:
    parsed = parse_zh_numeral(numeral)
    assert parsed is not None
    assert (parsed.value, parsed.decimals) == (value, decimals)


@pytest.mark.parametrize("numeral", ["萬", "兆", "億兆", "萬兆", "兆萬"])
def test_large_units_without_a_figure_are_rejected(numeral: str) -> None:
    assert parse_zh_numeral(numeral) is None


ZH_TRADITIONAL_CASES: list[tuple[str, list[Figure]]] = [
    ("全年進出口總值達到43.85萬億元", [n("43850000000000")]),
    ("年內跨越兩個萬億元台階", [n("2")]),
    ("監管進出口貨物56.03億噸", [n("5603000000")]),
    ("運輸工具3991.7萬輛", [n("39917000")]),
    ("一萬二千家", [n("12000")]),
    ("比重上升0.5個百分點", [("points", "0.5", False)]),
    ("提高兩個百分點", [("points", "2", False)]),
    ("佔百分之三點五", [("percent", "3.5", False)]),
    ("約1.2萬億元", [n("1200000000000", approx=True)]),
    ("150餘家企業", [n("150", approx=True)]),
    ("逾150家", [n("150", approx=True)]),
    ("150多個國家和地區", [n("150", approx=True)]),
    ("3000多億元", [n("300000000000", approx=True)]),
    ("第十二屆進博會", [("ordinal", "12", False)]),
    ("「十四五」規劃", [("ordinal", "14", False)]),
    ("二〇二四年十二月十日", [("date", "20241210", False)]),
    ("1月13日舉行發佈會", [("month_day", "113", False)]),
    # 兆 after a figure is a trillion, before a unit of measure the prefix mega.
    ("新臺幣3.5兆元", [n("3500000000000")]),
    ("新臺幣1兆2,000億元", [n("1200000000000")]),
    ("出口總值一兆二千億元", [n("1200000000000")]),
    ("裝機500兆瓦", [n("500")]),
    ("五十兆瓦", [n("50")]),
    ("頻寬100兆赫", [n("100")]),
    ("1千兆以太網", [n("1")]),
    # Several units in one amount.
    ("1億2000萬", [n("120000000")]),
    ("4萬3千人", [n("43000")]),
    # Financial numerals.
    ("金額壹佰貳拾萬元整", [n("1200000")]),
    ("人民幣伍拾萬元", [n("500000")]),
    # Taiwan's Minguo calendar: year 1 is 1912.
    ("民國114年1月13日", [("date", "20250113", False)]),
    ("114年1月13日", [("date", "20250113", False)]),
    ("民國一百一十四年", [("year", "2025", False)]),
    ("民國114年1月", [("date", "20250100", False)]),
]


@pytest.mark.parametrize(("text", "expected"), ZH_TRADITIONAL_CASES)
def test_traditional_figures_are_normalised(text: str, expected: list[Figure]) -> None:
    assert figures(text, "zh") == expected


@pytest.mark.parametrize(
    "text",
    [
        "大陸地區",
        "收拾好",
        "參加會議",
        "隊伍建設",
        "放肆",
        "徵兆",
        "兆豐銀行",
        "預兆",
        "兩岸",
        "萬一",
    ],
)
def test_traditional_words_with_numeral_characters_are_no_figures(text: str) -> None:
    assert figures(text, "zh") == []


def test_a_traditional_figure_reports_its_own_text_and_offsets() -> None:
    text = "進出口總值達到43.85萬億元"
    [figure] = extract_quantities(text, "zh")
    assert figure.text == "43.85萬億" == text[figure.start : figure.end]
    assert figure.decimals == -10
    assert anchor_keys(text, "zh") == anchor_keys("进出口总值达到43.85万亿元", "zh")


def test_a_run_of_number_words_splits_into_the_numbers_it_spells() -> None:
    words = ["one", "hundred", "and", "thirty", "one", "two"]
    assert [(w.value, w.first, w.last) for w in split_word_numbers(words)] == [
        (Decimal(131), 0, 4),
        (Decimal(2), 5, 5),
    ]


def test_anchor_keys_are_shared_across_the_languages() -> None:
    zh = anchor_keys("2025年1月13日，进出口43.85万亿元，增长5%，比重提高0.5个百分点。", "zh")
    en = anchor_keys(
        "On January 13, 2025, trade reached RMB43.85 trillion, up 5%, "
        "a share 0.5 percentage points higher.",
        "en",
    )
    assert (
        zh
        == en
        == {
            "d:2025-01",
            "d:2025-01-13",
            "md:01-13",
            "n:43850000000000",
            "p:5",
            "pt:0.5",
        }
    )


def test_anchor_keys_treat_ordinals_as_numbers_but_ignore_first() -> None:
    assert anchor_keys("连续第15年", "zh") == anchor_keys("for 15 consecutive years", "en")
    assert anchor_keys("the first time in 2024", "en") == {"y:2024"}


def test_a_date_with_a_mistyped_day_still_shares_its_month() -> None:
    zh = anchor_keys("2025年1月13日", "zh")
    en = anchor_keys("January 31, 2025", "en")
    assert zh & en == {"d:2025-01"}
    assert anchor_keys("2025年1月", "zh") <= zh


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        extract_quantities("5%", "fr")  # type: ignore[arg-type]


def diffs(zh: str, en: str) -> list[tuple[str, str | None, str | None]]:
    found = compare_quantities(extract_quantities(zh, "zh"), extract_quantities(en, "en"))
    return [(d.kind, _text(d.zh), _text(d.en)) for d in found]


def _text(quantity: Quantity | None) -> str | None:
    return None if quantity is None else quantity.text


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("3979亿元", "397.9 billion yuan"),
        ("3979亿元", "about 398 billion yuan"),
        ("43.85万亿元", "RMB43.85 trillion"),
        ("150多个国家", "over 150 countries"),
        ("150多个国家", "150+ countries"),
        ("近400亿元", "39.8 billion yuan"),
        ("3000多亿元", "345 billion yuan"),
        ("十六项措施", "16 measures"),
        ("连续7年", "for seven consecutive years"),
        ("两次跨越", "grew twice"),
        ("2024年12月10日", "December 10, 2024"),
        ("2025年1月13日", "January 13,2025"),
        ("2025年1月13日发布2025年计划", "released the 2025 plan on January 13"),
        ("1月13日", "January 13, 2025"),
        ("1-11月", "January-November"),
        ("前11个月", "in 11 months"),
        ("第十二届", "the twelfth session"),
        ("二季度", "the second quarter"),
        ("5%、5%", "5% and 5%"),
    ],
)
def test_faithful_figures_show_no_difference(zh: str, en: str) -> None:
    assert diffs(zh, en) == []


def test_rounding_is_reported_as_rounding() -> None:
    assert diffs("43.85万亿元", "43.8 trillion yuan") == [("rounded", "43.85万亿", "43.8 trillion")]
    assert diffs("3979亿元", "398 billion yuan") == [("rounded", "3979亿", "398 billion")]
    assert diffs("增长5.3%", "up 5%") == [("rounded", "5.3%", "5%")]


def test_a_slip_of_scale_or_digits_is_a_difference() -> None:
    assert diffs("3979亿元", "3979 billion yuan") == [("different", "3979亿", "3979 billion")]
    assert diffs("43.85万亿元", "43.58 trillion") == [("different", "43.85万亿", "43.58 trillion")]
    assert diffs("131项", "113 measures") == [("different", "131", "113")]
    assert diffs("2024年", "in 2023") == [("different", "2024年", "2023")]


def test_a_mistranslation_pairs_with_the_figure_it_replaced() -> None:
    found = diffs("进口3979亿元，增长5%，出口16项", "imports 3979 billion, up 5%, 16 exports")
    assert found == [("different", "3979亿", "3979 billion")]


def test_unmatched_figures_are_missing_or_extra() -> None:
    assert diffs("增长5%，达到16家", "up 5%") == [("missing", "16", None)]
    assert diffs("增长5%", "up 5% at 3 ports") == [("extra", None, "3")]
    assert diffs("5%、5%", "5%") == [("missing", "5%", None)]


def test_percent_for_percentage_points_is_its_own_difference() -> None:
    assert diffs("上升0.5个百分点", "up 0.5 percentage points") == []
    assert diffs("上升0.5个百分点", "up 0.5%") == [("points_vs_percent", "0.5个百分点", "0.5%")]


def test_a_dropped_year_is_noticed_unless_stated_elsewhere() -> None:
    assert diffs("2025年1月13日", "on January 13") == [
        ("year_omitted", "2025年1月13日", "January 13")
    ]
    assert diffs("2025年1月13日", "on January 13 of 2025") == []


def test_diff_holds_both_quantities() -> None:
    [diff] = compare_quantities(extract_quantities("5%", "zh"), extract_quantities("15%", "en"))
    assert isinstance(diff, QuantityDiff)
    assert diff.zh is not None and diff.en is not None
    assert (diff.zh.value, diff.en.value) == (Decimal(5), Decimal(15))


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        ("3979亿元", "zh", "397,900,000,000"),
        ("5.603 billion", "en", "5,603,000,000"),
        ("增长5%", "zh", "5%"),
        ("0.5个百分点", "zh", "0.5 percentage points"),
        ("2025年1月13日", "zh", "2025-01-13"),
        ("December 2024", "en", "2024-12"),
        ("Jan. 13", "en", "January 13"),
        ("第十二届", "zh", "12th"),
        ("the 22nd", "en", "22nd"),
    ],
)
def test_values_are_formatted_for_messages(text: str, lang: Lang, shown: str) -> None:
    [figure] = extract_quantities(text, lang)
    assert format_value(figure) == shown
