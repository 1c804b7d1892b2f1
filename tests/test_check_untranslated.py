"""Untranslated check: Han characters in the English and Chinese copied over unchanged."""

from __future__ import annotations

import pytest

from aligner.checks import untranslated
from aligner.checks.base import CheckContext
from aligner.model import Finding, Severity
from builders import Side, build
from conftest import SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"


def findings(*pairs: tuple[Side, Side]) -> list[Finding]:
    return list(untranslated.check_untranslated(build(*pairs), CheckContext()))


def test_check_name_is_fixed() -> None:
    assert untranslated.NAME == "untranslated"


def test_han_in_english_is_an_error_quoting_the_characters() -> None:
    zh = "我们依托以智慧海关为支撑的现代化海关监管体系。"
    en = "By leveraging modern supervision systems based on 智慧海关, we stopped epidemics."

    [finding] = findings((zh, en))

    assert finding.check == "untranslated"
    assert finding.severity is Severity.ERROR
    assert (finding.zh_ids, finding.en_ids) == ((0,), (0,))
    assert (finding.zh, finding.en) == (zh, en)
    assert "“智慧海关”" in finding.message
    assert zh in finding.message  # what the Chinese says


def test_every_distinct_han_run_is_quoted_once() -> None:
    en = "The 海关总署 and the 海关总署 press office of 国务院 met."

    [finding] = findings(("海关总署与国务院新闻办公室举行会议。", en))

    assert finding.message.count("“海关总署”") == 1
    assert "“国务院”" in finding.message


def test_han_in_english_only_line_is_an_error_too() -> None:
    [finding] = findings(("", "Contact the 海关 hotline."))

    assert finding.severity is Severity.ERROR
    assert finding.zh_ids == ()


def test_english_that_copies_the_chinese_is_one_error() -> None:
    zh = "以上是我的简要介绍。"

    [finding] = findings((zh, "以上是我的简要介绍。"))

    assert finding.severity is Severity.ERROR
    assert "copied unchanged" in finding.message


def test_copy_is_recognised_despite_width_and_spacing_differences() -> None:
    [finding] = findings(("海关总署副署长 王令浚", "海关总署副署长王令浚"))

    assert "copied unchanged" in finding.message


@pytest.mark.parametrize("line", ["Home|中文站", "Home | 中文", "English | 中文版"])
def test_language_switch_link_is_info(line: str) -> None:
    [finding] = findings(("", line))

    assert finding.severity is Severity.INFO
    assert "page chrome" in finding.message


@pytest.mark.parametrize(
    "line", ["京ICP备17015317号", "京公网安备 11010102000001号", "Address: 北京市建国门内大街6号"]
)
def test_chinese_in_a_site_footer_is_info(line: str) -> None:
    [finding] = findings(("", line))

    assert finding.severity is Severity.INFO
    assert "footer" in finding.message


def test_footer_copied_from_the_chinese_page_is_info_not_an_untranslated_copy() -> None:
    """Both pages read whole: the licence line of one pairs with that of the other."""
    [finding] = findings(("京ICP备17015317号", "京ICP备17015317号"))

    assert finding.severity is Severity.INFO
    assert "copied unchanged" not in finding.message


def test_chinese_date_left_in_the_english_is_still_an_error() -> None:
    [finding] = findings(("2025年1月13日", "2025年1月13日"))

    assert finding.severity is Severity.ERROR


def test_chrome_segment_does_not_excuse_han_in_a_body_segment_of_the_same_link() -> None:
    [finding] = findings(("首页", ("Home|中文站", "The 海关 reported growth.")))

    assert finding.severity is Severity.ERROR
    assert "“海关”" in finding.message
    assert "中文站" not in finding.message


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("GACC", "GACC"),
        ("http://english.customs.gov.cn", "http://english.customs.gov.cn"),
        ("2024", "2024"),
        ("43.85%", "43.85%"),
        ("RCEP", "RCEP"),
    ],
)
def test_latin_only_text_may_be_identical(zh: str, en: str) -> None:
    assert findings((zh, en)) == []


def test_full_width_punctuation_alone_is_not_untranslated_text() -> None:
    assert findings(("成绩来之不易。", "The results did not come easily。")) == []


def test_correct_release_english_has_no_errors_or_warnings() -> None:
    text = SAMPLE_ENGLISH.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pairs: list[tuple[Side, Side]] = [("海关总署新闻稿中的一句话。", line) for line in lines]

    result = findings(*pairs)

    assert [f.en for f in result] == ["Home|中文站"]
    assert result[0].severity is Severity.INFO
