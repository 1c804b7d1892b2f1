"""Length check: English far shorter or longer than its Chinese predicts."""

from __future__ import annotations

import math

from aligner.checks import length
from aligner.checks.base import CheckContext
from aligner.model import Finding, Severity
from builders import Side, build


def findings(*pairs: tuple[Side, Side]) -> list[Finding]:
    return list(length.check_length(build(*pairs), CheckContext()))


# Sentence pairs of a GACC release and its published English.
RELEASE: list[tuple[Side, Side]] = [
    (
        "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。",
        "In 2024, the total value of China’s imports and exports reached RMB43.85 trillion, "
        "up 5% year-on-year, which was a new record high.",
    ),
    (
        "党中央审时度势、综合研判，及时出台一揽子增量政策，多措并举稳外贸、促增长。",
        "The Party Central Committee launched a raft of incremental policies in a timely manner "
        "after fully assessing the situation and took multiple measures to stabilize foreign "
        "trade and promote growth.",
    ),
    (
        "这也是各地区各部门共同努力、广大经营主体辛勤付出的结果。",
        "This was also attributed to the joint efforts of all localities and government "
        "departments around the country, and hard work of numerous economic operators.",
    ),
    (
        "海关既是我国外贸发展的见证者、记录者，也是参与者、推动者。",
        "Customs serves not only a witness and recorder of China’s foreign trade development, "
        "but also a participant and promoter.",
    ),
    (
        "2024年，全国海关共监管进出口货物56.03亿吨，监管进出境运输工具3991.7万辆（列、艘、架）。",
        "In 2024, China Customs supervised 5.603 billion tons of imported and exported goods, "
        "39.917 million freight vehicles, trains, ships and airplanes.",
    ),
    (
        "面对大进大出的人流物流，我们始终坚定履行把守国门这一根本职责。",
        "Amid the vast flows of people and goods, we remain steadfast in fulfilling our "
        "fundamental duty of safeguarding borders.",
    ),
    (
        "我们始终把推动高质量发展作为新时代的首要任务。",
        "We always pursue high-quality development as our top priority in the new era.",
    ),
    (
        "在20个城市开展跨境贸易便利化专项行动，着力打造市场化、法治化、国际化一流营商环境。",
        "Special cross-border trade facilitation initiatives were launched in 20 cities, aiming "
        "to foster a world-class business environment that is market-oriented, law-based, and "
        "internationalized.",
    ),
    (
        "以上是我的简要介绍。下面，我和我的同事回答各位媒体朋友的提问。",
        "That is my brief introduction. Next, my colleagues and I will answer questions from "
        "the media.",
    ),
]

OMITTED_ZH = (
    "我们还推出服务推动东北全面振兴、促进中部地区加快崛起、深入推进西部大开发等区域协调发展战略的"
    "131条措施，充分发挥政策组合效应。"
)
OMITTED_EN = "We also unveiled 131 measures to advance regional development."
FULL_EN = (
    "We also unveiled 131 measures to advance coordinated regional development strategies "
    "including full revitalization of northeast China, accelerating rise of the central "
    "regions, and further advancing the large-scale development of the western region, giving "
    "full play to the role of policy mix."
)


def test_check_name_is_fixed() -> None:
    assert length.NAME == "length"


def test_published_translation_raises_no_warning() -> None:
    result = findings(*RELEASE, (OMITTED_ZH, FULL_EN))

    assert [f for f in result if f.severity is not Severity.INFO] == []


def test_english_cut_short_is_a_warning_about_partial_omission() -> None:
    result = findings(*RELEASE, (OMITTED_ZH, OMITTED_EN))

    [finding] = result
    assert finding.check == "length"
    assert finding.severity is Severity.WARNING
    assert (finding.zh, finding.en) == (OMITTED_ZH, OMITTED_EN)
    assert (finding.zh_ids, finding.en_ids) == ((9,), (9,))
    assert "English is unusually short for the Chinese: possible partial omission" in (
        finding.message
    )
    assert f"{length.zh_length(OMITTED_ZH)} Chinese characters" in finding.message


def test_english_padded_far_beyond_the_chinese_is_a_warning_about_addition() -> None:
    zh = "我们始终把推动高质量发展作为新时代的首要任务。"
    padded = (
        "We always pursue high-quality development as our top priority in the new era, and "
        "we will further deepen reform of the customs clearance system, strengthen risk "
        "management, expand the single window and cut the cost of trade for all enterprises "
        "across the country in every region."
    )

    [finding] = findings(*RELEASE, (zh, padded))

    assert finding.severity is Severity.WARNING
    assert "unusually long" in finding.message


def test_mildly_short_english_is_info() -> None:
    zh = "面对大进大出的人流物流，我们始终坚定履行把守国门这一根本职责。"
    terse = "We remain steadfast in safeguarding the borders of China."

    [finding] = findings(*RELEASE, (zh, terse))

    assert finding.severity is Severity.INFO
    assert "somewhat short" in finding.message


def test_short_links_and_one_sided_links_are_ignored() -> None:
    result = findings(
        *RELEASE,
        ("成绩来之不易。", "The results did not come easily, as everyone here knows well."),
        ("海关总署副署长 王令浚", "GACC"),
        ("这也是各地区各部门共同努力、广大经营主体辛勤付出的结果。", ""),
        ("", "Address: No.6. Jianguomennei Avenue, Dongcheng District, Beijing, China"),
    )
    assert result == []


def test_each_document_is_measured_against_its_own_median() -> None:
    # A translator who writes consistently wordy English is not flagged link by link.
    wordy = [(zh, f"{en} {en}") for zh, en in RELEASE if isinstance(en, str)]

    assert [f for f in findings(*wordy) if f.severity is Severity.WARNING] == []


def test_tiny_documents_fall_back_to_the_typical_press_ratio() -> None:
    assert length.typical_log_ratio([2.0, 2.1]) == length.FALLBACK_LOG_RATIO
    assert length.typical_log_ratio([1.0, 1.1, 1.2, 1.3, 5.0]) == 1.2

    [finding] = findings((OMITTED_ZH, OMITTED_EN))
    assert finding.severity is Severity.WARNING


def test_short_sentences_are_given_more_room_than_long_ones() -> None:
    assert length.ratio_spread(10) > length.ratio_spread(40) > length.ratio_spread(200)
    same_deviation = math.log(2.0)
    assert abs(length.length_z_score(same_deviation, 0.0, 10)) < abs(
        length.length_z_score(same_deviation, 0.0, 200)
    )


def test_lengths_ignore_whitespace_that_means_nothing() -> None:
    assert length.zh_length("海关 总署\n") == 4
    assert length.en_length("  Smart   Customs \n") == len("Smart Customs")
    assert length.log_ratio("成绩来之不易。", "The results did not come easily.") is None
