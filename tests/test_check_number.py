"""The ``number`` check on hand-built alignments."""

from __future__ import annotations

import pytest

from aligner.checks import number
from aligner.checks.base import CheckContext
from aligner.model import Finding, Link, Severity
from builders import build


def findings(*pairs: tuple[str, str]) -> list[Finding]:
    return list(number.check_numbers(build(*pairs), CheckContext()))


def only(zh: str, en: str) -> Finding:
    [finding] = findings((zh, en))
    return finding


def test_check_name_is_fixed() -> None:
    assert number.NAME == "number"
    assert only("增长5%", "up 15%").check == "number"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("汽车出口3979亿元。", "Automobile exports reached 397.9 billion yuan."),
        ("2024年12月10日", "December 10, 2024"),
        ("2025年1月13日", "January 13,2025"),
        (
            "我国已成为150多个国家和地区的主要贸易伙伴。",
            "China is a major partner of over 150 economies.",
        ),
        (
            "我国已成为150多个国家和地区的主要贸易伙伴。",
            "China is a major partner of 150+ economies.",
        ),
        ("出台16项措施。", "We introduced 16 measures."),
        ("出台十六项措施。", "We introduced 16 measures."),
        ("全年增长5%，规模创新高。", "Trade grew 5% to a new record high."),
        ("年内跨越两个万亿元台阶。", "It achieved twice trillion-level increase in the year."),
        ("连续7年保持货物贸易第一大国地位。", "China has been the largest trader for seven years."),
        (
            "1-11月，进出口39.79万亿元。",
            "In the first 11 months, trade reached 39.79 trillion yuan.",
        ),
        ("上升0.5个百分点。", "It rose 0.5 percentage points."),
        ("在20个城市开展专项行动。", "Initiatives were launched in 20 cities."),
        ("我们还推出131条措施。", "We also unveiled 131 measures."),
    ],
)
def test_faithful_links_raise_nothing(zh: str, en: str) -> None:
    assert findings((zh, en)) == []


def test_a_slip_of_scale_is_an_error_that_says_what_the_chinese_expects() -> None:
    finding = only("汽车出口3979亿元。", "Automobile exports reached 3979 billion yuan.")

    assert finding.severity is Severity.ERROR
    assert finding.message == (
        'Chinese has 3979亿 (397,900,000,000); English has "3979 billion" (3,979,000,000,000)'
    )


def test_transposed_digits_are_an_error() -> None:
    finding = only("进出口总值43.85万亿元。", "Trade totaled RMB43.58 trillion.")

    assert finding.severity is Severity.ERROR
    assert "43.85万亿 (43,850,000,000,000)" in finding.message
    assert '"43.58 trillion"' in finding.message


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("同比增长5%。", "up 15% year on year.", 'Chinese has 5%; English has "15%"'),
        (
            "2024年，外贸增长。",
            "In 2023, trade grew.",
            'Chinese has 2024年 (2024); English has "2023"',
        ),
        (
            "我们还推出131项措施。",
            "We unveiled 113 measures.",
            'Chinese has 131; English has "113"',
        ),
    ],
)
def test_a_changed_figure_is_an_error(zh: str, en: str, expected: str) -> None:
    finding = only(zh, en)

    assert finding.severity is Severity.ERROR
    assert finding.message == expected


def test_a_dropped_figure_is_an_error() -> None:
    finding = only("增长5%，在20个城市开展行动。", "Trade grew 5% and initiatives were launched.")

    assert finding.severity is Severity.ERROR
    assert finding.message == "Chinese has 20; English has no such figure"


def test_a_dropped_small_spelled_out_figure_is_only_a_warning() -> None:
    finding = only("两国贸易持续增长。", "Trade between both countries kept growing.")

    assert finding.severity is Severity.WARNING
    assert "Chinese has 两 (2)" in finding.message


def test_an_english_only_figure_is_a_warning() -> None:
    finding = only("增长5%。", "Trade grew 5% at 30 ports.")

    assert finding.severity is Severity.WARNING
    assert finding.message == 'English has "30", which is not in the Chinese'


def test_rounding_is_info() -> None:
    finding = only("进出口总值43.85万亿元。", "Trade totaled 43.8 trillion yuan.")

    assert finding.severity is Severity.INFO
    assert finding.message == "rounded: 43.85万亿 written as 43.8 trillion"


def test_percent_for_percentage_points_is_a_warning() -> None:
    finding = only("比重上升0.5个百分点。", "The share rose 0.5%.")

    assert finding.severity is Severity.WARNING
    assert "0.5个百分点 (percentage points)" in finding.message
    assert '"0.5%" (percent)' in finding.message


def test_a_year_dropped_from_a_date_is_a_warning_unless_stated_elsewhere() -> None:
    dropped = only("2025年1月13日举行发布会。", "A press conference was held on January 13.")
    assert dropped.severity is Severity.WARNING
    assert "gives no year" in dropped.message

    assert (
        findings(("2025年1月13日发布2025年计划。", "On January 13, the 2025 plan came out.")) == []
    )


def test_first_is_never_reported() -> None:
    assert (
        findings(("一季度外贸开局良好。", "Trade got off to a good start in the first quarter."))
        == []
    )
    assert findings(("第一大贸易国。", "the largest trader")) == []


def test_findings_carry_the_link_and_its_text() -> None:
    pairs = [
        ("海关总署发布数据。", "The GACC released data."),
        ("同比增长5%。", "Up 15% year on year."),
        ("", "STATEMENT 2024/05/08"),
    ]
    [finding] = findings(*pairs)

    assert (finding.zh_ids, finding.en_ids) == ((1,), (1,))
    assert (finding.zh, finding.en) == ("同比增长5%。", "Up 15% year on year.")


def test_links_with_an_empty_side_are_skipped() -> None:
    assert findings(("增长5%。", ""), ("", "Page date 2024/05/08")) == []


def test_figures_of_several_sentences_are_compared_together() -> None:
    alignment = build(
        (("进出口43.85万亿元。", "增长5%。"), "Trade reached RMB43.85 trillion, up 5%.")
    )
    assert alignment.links == (Link((0, 1), (0,), 1.0),)
    assert list(number.check_numbers(alignment, CheckContext())) == []


# The sample release, paragraph by paragraph: the published English agrees with the Chinese in
# every figure, so the check must stay silent on it.
SAMPLE_RELEASE: list[tuple[str, str]] = [
    ("2025年1月13日", "January 13,2025"),
    (
        "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。",
        "In 2024, the total value of China’s imports and exports reached RMB43.85 trillion, "
        "up 5% year-on-year, which was a new record high.",
    ),
    (
        "从规模看，全年进出口总值达到43.85万亿元，年内跨越两个万亿元台阶，货物贸易第一大国地位更加"
        "巩固。我国已成为150多个国家和地区的主要贸易伙伴，外贸“朋友圈”不断扩大。从增量看，全年外贸"
        "增加2.1万亿元，相当于一个中等国家一年的外贸规模。从增速看，以美元计增长3.8%，在全球主要经济"
        "体中处于较高水平。",
        "The total value of foreign trade amounted to RMB43.85 trillion with twice trillion-level "
        "increase in the past year. China remains the world’s largest trader in goods. China has "
        "become a major trading partner for over 150+ economies, and its circle of friends of "
        "foreign trade continues to expand. The growth of trade of China in the previous year "
        "reached RMB2.1 trillion, equivalent to the annual volume of trade of a medium-sized "
        "country. By now, the growth rate of foreign trade (3.8% denominated in USD) is "
        "relatively high to the world major economies.",
    ),
    (
        "2024年，全国海关共监管进出口货物56.03亿吨，监管进出境运输工具3991.7万辆（列、艘、架）。",
        "In 2024, China Customs supervised 5.603 billion tons of imported and exported goods, "
        "39.917 million freight vehicles, trains, ships and airplanes.",
    ),
    (
        "为此，我们出台实施进一步优化口岸营商环境、便利企业通关的16条措施。",
        "To this end, we introduced and implemented 16 measures to further optimize the business "
        "environment at ports and facilitate customs clearance for enterprises.",
    ),
    (
        "在20个城市开展跨境贸易便利化专项行动，着力打造市场化、法治化、国际化一流营商环境。",
        "Special cross-border trade facilitation initiatives were launched in 20 cities, aiming "
        "to foster a world-class business environment that is market-oriented, law-based, and "
        "internationalized.",
    ),
    (
        "下一步，我们将深入贯彻落实中央经济工作会议精神，坚持稳中求进、以进促稳，务实进取、积极作为。",
        "Looking ahead, we will act on the guidelines of the Central Economic Work Conference, "
        "pursuing progress while ensuring stability, and promoting stability through progress "
        "with a pragmatic and proactive approach.",
    ),
]


def test_the_published_sample_release_raises_nothing() -> None:
    assert findings(*SAMPLE_RELEASE) == []


def test_a_corrupted_sample_release_is_caught() -> None:
    corrupted = [
        (zh, en.replace("5.603 billion", "56.03 billion").replace("20 cities", "12 cities"))
        for zh, en in SAMPLE_RELEASE
    ]
    result = findings(*corrupted)

    assert [(f.severity, f.zh_ids) for f in result] == [
        (Severity.ERROR, (3,)),
        (Severity.ERROR, (5,)),
    ]
    assert "56.03亿 (5,603,000,000)" in result[0].message
    assert 'English has "12"' in result[1].message


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "全年進出口總值達到43.85萬億元。",
            "The total value of foreign trade amounted to RMB43.85 trillion.",
        ),
        ("汽車出口3979億元。", "Automobile exports reached 397.9 billion yuan."),
        ("比重上升0.5個百分點。", "Its share rose 0.5 percentage points."),
        (
            "我國已成為150多個國家和地區的主要貿易夥伴。",
            "China is a major partner of over 150 economies.",
        ),
        ("出口總值達新臺幣1兆2,000億元。", "Exports reached NT$1.2 trillion."),
        ("外匯儲備約3.5兆美元。", "Reserves stand at about US$3.5 trillion."),
        ("新增裝機500兆瓦。", "New capacity of 500 MW was installed."),
        ("民國114年1月13日", "January 13, 2025"),
    ],
)
def test_faithful_traditional_links_raise_nothing(zh: str, en: str) -> None:
    assert findings((zh, en)) == []


def test_a_slip_of_scale_in_traditional_text_is_still_an_error() -> None:
    finding = only("全年進出口總值達到43.85萬億元。", "Trade amounted to RMB43.85 billion.")
    assert finding.severity is Severity.ERROR
    assert "43.85萬億 (43,850,000,000,000)" in finding.message
    wrong_scale = only("出口總值達新臺幣1.2兆元。", "Exports reached NT$1.2 billion.")
    assert wrong_scale.severity is Severity.ERROR
