"""Omission and addition checks, and the page-chrome recognisers they rely on."""

from __future__ import annotations

import pytest

from aligner.checks import addition, omission
from aligner.checks.base import CheckContext
from aligner.checks.chrome import (
    is_boilerplate,
    is_date_line,
    is_page_chrome,
    is_symbols_only,
    non_body_kind,
)
from aligner.model import Alignment, Finding, Severity
from builders import Side, build
from conftest import SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"


def omissions(alignment: Alignment) -> list[Finding]:
    return list(omission.check_omission(alignment, CheckContext()))


def additions(alignment: Alignment) -> list[Finding]:
    return list(addition.check_addition(alignment, CheckContext()))


def seed_lines() -> list[str]:
    text = SAMPLE_ENGLISH.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


TRADE = (
    "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。",
    "In 2024, the total value of China’s imports and exports reached RMB43.85 trillion, "
    "up 5% year-on-year, which was a new record high.",
)
RESULTS = ("成绩来之不易。", "The results did not come easily.")
PRIORITY = (
    "我们始终把推动高质量发展作为新时代的首要任务。",
    "We always pursue high-quality development as our top priority in the new era.",
)
CLOSING = ("以上是我的简要介绍。", "That is my brief introduction.")


def test_check_names_are_fixed() -> None:
    assert omission.NAME == "omission"
    assert addition.NAME == "addition"


# --- omission -----------------------------------------------------------------------------


def test_chinese_sentence_without_english_is_an_error_that_says_where_it_belongs() -> None:
    alignment = build(TRADE, (RESULTS[0], ""), PRIORITY)

    [finding] = omissions(alignment)

    assert finding.check == "omission"
    assert finding.severity is Severity.ERROR
    assert (finding.zh_ids, finding.en_ids) == ((1,), ())
    assert (finding.zh, finding.en) == ("成绩来之不易。", "")
    assert "Chinese sentence has no English translation" in finding.message
    assert "“成绩来之不易。”" in finding.message
    assert "record high." in finding.message  # the English it follows
    assert "We always pursue" in finding.message  # the English it precedes


def test_omission_at_the_end_names_the_last_english() -> None:
    [finding] = omissions(build(PRIORITY, (CLOSING[0], "")))

    assert finding.severity is Severity.ERROR
    assert "after English" in finding.message
    assert "new era." in finding.message


def test_merged_multi_sentence_omission_is_one_finding() -> None:
    alignment = build(
        TRADE, (("成绩来之不易。", "这也是各地区各部门共同努力的结果。"), ""), CLOSING
    )

    [finding] = omissions(alignment)

    assert finding.zh_ids == (1, 2)
    assert finding.zh == "成绩来之不易。这也是各地区各部门共同努力的结果。"


def test_complete_translation_has_no_omissions() -> None:
    assert omissions(build(TRADE, RESULTS, PRIORITY, CLOSING)) == []


@pytest.mark.parametrize(
    "line",
    [
        "（一）",
        "2.",
        "——",
        "2025年1月13日",
        "发布时间：2025-01-13 10:30",
        "来源：海关总署",
        "【打印】【关闭】",
        "当前位置：首页 > 新闻发布",
        "地址：北京市东城区建国门内大街6号",
    ],
)
def test_chinese_line_with_nothing_to_translate_is_info(line: str) -> None:
    [finding] = omissions(build(TRADE, (line, ""), PRIORITY))

    assert finding.severity is Severity.INFO
    assert "no translation is needed" in finding.message


def test_repeated_chinese_title_translated_once_is_info() -> None:
    title = (
        "在国务院新闻办公室新闻发布会上的讲话",
        "Speech at the State Council Information Office",
    )
    [finding] = omissions(build(title, (title[0], ""), TRADE))

    assert finding.severity is Severity.INFO
    assert "repeat" in finding.message


# --- addition -----------------------------------------------------------------------------


def test_english_sentence_without_chinese_in_the_body_is_a_warning() -> None:
    added = "This marks a historic breakthrough for the world economy."
    alignment = build(TRADE, ("", added), PRIORITY)

    [finding] = additions(alignment)

    assert finding.check == "addition"
    assert finding.severity is Severity.WARNING
    assert (finding.zh_ids, finding.en_ids) == ((), (1,))
    assert (finding.zh, finding.en) == ("", added)
    assert "has no Chinese counterpart" in finding.message
    assert f"“{added}”" in finding.message
    assert "规模再创历史新高" in finding.message  # where it sits in the Chinese


@pytest.mark.parametrize(
    "line",
    [
        "Home|中文站",
        "Home | 中文",
        "Print",
        "Close",
        "Share",
        "Back to top",
        "Home > News",
        "[Print] [Close]",
        "2024/05/08",
        "January 13,2025",
        "13 January 2025",
        "(The Chinese version shall prevail.)",
        "STATEMENT",
        "Address: No.6. Jianguomennei Avenue, Dongcheng District, Beijing, China"
        "        Postcode: 100730",
        "Tel: +86-10-65194114",
        "Fax: +86-10-65194004",
        "E-mail: webmaster@customs.gov.cn",
        "Copyright © 2025 General Administration of Customs. All rights reserved.",
    ],
)
def test_page_furniture_in_the_body_is_info_at_most(line: str) -> None:
    [finding] = additions(build(TRADE, ("", line), PRIORITY))

    assert finding.severity is Severity.INFO
    assert "not a translation problem" in finding.message


def test_footer_heading_after_the_body_is_info_but_the_same_line_inside_is_a_warning() -> None:
    footer = "General Administration of Customs of the People's Republic of China"

    [after] = additions(build(TRADE, PRIORITY, ("", footer)))
    [inside] = additions(build(TRADE, ("", footer), PRIORITY))

    assert after.severity is Severity.INFO
    assert inside.severity is Severity.WARNING


def test_added_sentence_after_the_body_is_still_a_warning() -> None:
    added = "Customs will continue to support the growth of foreign trade in 2025."
    [finding] = additions(build(TRADE, PRIORITY, ("", added)))

    assert finding.severity is Severity.WARNING


def test_seed_release_page_furniture_raises_no_addition_warnings() -> None:
    lines = seed_lines()
    chinese_for = {
        "Speech at the State Council Information Office Press Conference": "在国务院新闻办公室"
        "新闻发布会上的讲话",
        "Friends from the media,": "各位媒体朋友，",
        "That is my brief introduction.": "以上是我的简要介绍。",
    }
    pairs: list[tuple[Side, Side]] = []
    translated_title = False
    for line in lines:
        body = line.startswith(("In 20", "Good morning", "The results", "Customs serves"))
        if line in chinese_for and not (line.startswith("Speech") and translated_title):
            translated_title = translated_title or line.startswith("Speech")
            pairs.append((chinese_for[line], line))
        elif body or line.startswith(("We always", "Looking ahead", "Mr. Wang", "That is")):
            pairs.append(("海关总署相关中文句子。", line))
        else:
            pairs.append(("", line))

    findings = additions(build(*pairs))

    english_only = sum(1 for zh, _ in pairs if not zh)
    assert english_only == 8
    assert len(findings) == english_only  # every English-only line is reported ...
    assert {f.severity for f in findings} == {Severity.INFO}  # ... but as info only


# --- recognisers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Home|中文站",
        "Home | 中文",
        "English | 中文",
        "Print",
        "Close window",
        "Share to:",
        "Back to top",
        "Home > News",
        "Home » Press Releases » 2025",
        "当前位置：首页 > 新闻发布",
        "【打印】【关闭】",
        "来源：海关总署",
        "【字体：大 中 小】",
        "2025-01-14 10:00 Source: GACC Print Share",
        "2025-01-14 10:00 | Source: General Administration of Customs | Font size: A+ A A- | Print",
        "发布时间：2025-01-14 10:00 来源：海关总署 【打印】【关闭】",
        "Posted: January 14, 2025 Views: 1,024 Share",
        "This website uses cookies to improve your browsing experience.",
        "By continuing to use this site, you agree to our use of cookies.",
        "We use cookies. Accept all | Reject all | Cookie settings",
        "本网站使用Cookie以改善您的浏览体验。",
        "Accept Learn more",
        "Related news",
        "相关新闻",
        "Current location: Home > News > Customs News",
        "Home / News / Customs News",
        "您现在的位置：首页 > 新闻发布",
        "扫一扫在手机打开当前页",
    ],
)
def test_page_chrome_is_recognised(line: str) -> None:
    assert is_page_chrome(line)
    assert non_body_kind(line) == "page chrome"


@pytest.mark.parametrize(
    "line",
    [
        "2024/05/08",
        "January 13,2025",
        "January 13, 2025",
        "Jan. 13, 2025",
        "13 January 2025",
        "Monday, January 13, 2025",
        "2025-01-13 10:30",
        "2025年1月13日",
        "（2025年1月13日）",
        "二〇二五年一月十三日",
        "Date: 2025.01.13",
        "发布时间：2025-01-13",
    ],
)
def test_date_lines_are_recognised(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "(The Chinese version shall prevail.)",
        "In case of any discrepancy, the Chinese version shall prevail.",
        "（以中文版本为准）",
        "STATEMENT",
        "Disclaimer",
        "Address: No.6. Jianguomennei Avenue, Dongcheng District, Beijing, China",
        "Postcode: 100730",
        "Tel: 010-65194114",
        "Fax: 010-65194004",
        "E-mail: webmaster@customs.gov.cn",
        "地址：北京市东城区建国门内大街6号  邮编：100730",
        "版权所有：中华人民共和国海关总署",
        "京ICP备17015317号",
        "京ICP备17015317号-1",
        "京公网安备 11010102000001号",
    ],
)
def test_boilerplate_is_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Friends from the media,",
        "Share prices of listed exporters rose in 2024.",
        "Copyright infringement cases at the border fell by a third.",
        "In January 2025, imports grew by 2.3%.",
        "Next, my colleagues and I will answer questions from the media.",
        "The address of the new inspection site will be announced later.",
        "Home appliances exports grew by 14.8%.",
        "Speech at the State Council Information Office Press Conference",
        "2024年，我国货物贸易进出口总值43.85万亿元。",
        "海关总署副署长 王令浚",
        "Imports of biscuits and cookies grew by 3% in 2024.",
        "Source: the figures were released by the customs on Monday and show growth.",
        "Time: the essence of clearance",
        "Print media reported the figures on 2025-01-14 at 10:00.",
        "Related parties must declare the goods.",
        "News of the record spread quickly.",
        "More than 150 economies trade with China.",
    ],
)
def test_body_text_is_not_mistaken_for_furniture(line: str) -> None:
    assert non_body_kind(line) is None


def test_symbols_only_means_numbers_and_punctuation() -> None:
    assert is_symbols_only("（一）")  # a Chinese list number
    assert is_symbols_only("(1)")
    assert not is_symbols_only("一带一路")
    assert is_symbols_only("43.85%")
    assert not is_symbols_only("RMB")
