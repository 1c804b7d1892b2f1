"""Punctuation check on the English: full-width marks, pairs, spacing."""

from __future__ import annotations

import pytest

from aligner.checks import punctuation
from aligner.checks.base import CheckContext
from aligner.checks.punctuation import full_width_marks, unbalanced_pairs
from aligner.model import Finding, Severity
from builders import build
from conftest import SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"

ZH = "海关总署新闻稿中的一句话。"


def check(*english: str, one_paragraph: bool = False) -> list[Finding]:
    alignment = build(*((ZH, en) for en in english), one_paragraph=one_paragraph)
    return list(punctuation.check_punctuation(alignment, CheckContext()))


def test_check_name_is_fixed() -> None:
    assert punctuation.NAME == "punctuation"


def test_full_width_punctuation_is_a_warning_with_the_english_replacement() -> None:
    en = "In 2024，the total value reached RMB43.85 trillion。"

    [finding] = check(en)

    assert finding.check == "punctuation"
    assert finding.severity is Severity.WARNING
    assert (finding.zh, finding.en) == (ZH, en)
    assert (finding.zh_ids, finding.en_ids) == ((0,), (0,))
    assert "“，” → ," in finding.message
    assert "“。” → ." in finding.message


@pytest.mark.parametrize(
    "mark", ["：", "；", "！", "？", "（", "【", "、", "《", "「", "『", "＂", "＇", "％", "\u3000"]
)
def test_every_full_width_form_is_reported(mark: str) -> None:
    assert full_width_marks(f"Customs{mark}data") == [mark]


def test_book_title_brackets_suggest_english_typography() -> None:
    [finding] = check("The 《Customs Law》 was amended.")

    assert "italics or quotation marks" in finding.message


def test_curly_quotes_and_apostrophes_are_correct_english() -> None:
    assert (
        check(
            "Through the development of “Smart Customs” Project, we will deepen reform.",
            "China’s imports rose; the ‘single window’ was expanded.",
        )
        == []
    )


def test_full_width_in_page_chrome_is_info() -> None:
    [finding] = check("Home｜中文站")

    assert finding.severity is Severity.INFO


def test_doubled_space_is_info() -> None:
    [finding] = check("The results did not  come easily.")

    assert finding.severity is Severity.INFO
    assert "Doubled space" in finding.message
    assert "“not  come”" in finding.message


def test_layout_spaces_in_an_address_line_are_not_reported() -> None:
    address = (
        "Address: No.6. Jianguomennei Avenue, Dongcheng District, Beijing, China"
        "        Postcode: 100730"
    )
    assert check(address) == []


@pytest.mark.parametrize(
    ("en", "missing"),
    [
        ("The total value (3.8% denominated in USD is relatively high.", "("),
        ("The total value 3.8% denominated in USD) is relatively high.", ")"),
        ("It launched the “Smart Customs project this year.", "“"),
        ('It launched the "Smart Customs project this year.', '"'),
        ("See the list in [Annex 1 for details.", "["),
    ],
)
def test_unbalanced_pairs_are_warnings(en: str, missing: str) -> None:
    [finding] = check(en)

    assert finding.severity is Severity.WARNING
    assert "Unbalanced" in finding.message
    assert missing in finding.message


def test_quotation_running_over_two_sentences_of_one_paragraph_is_fine() -> None:
    result = check(
        "He said: “We will deepen reform.",
        "We will strengthen supervision to ensure security.”",
        one_paragraph=True,
    )
    assert result == []


def test_quotation_left_open_in_the_paragraph_is_reported() -> None:
    result = check(
        "He said: “We will deepen reform.",
        "We will strengthen supervision to ensure security.",
        one_paragraph=True,
    )
    assert [f.en_ids for f in result] == [(0,)]


def test_list_markers_and_inch_marks_are_not_unbalanced() -> None:
    assert unbalanced_pairs("1) optimise the business environment at ports;") == []
    assert unbalanced_pairs("b) facilitate customs clearance for enterprises.") == []
    assert unbalanced_pairs('Imports of 27" monitors rose.') == []
    assert unbalanced_pairs("(1) optimise ports; (2) facilitate clearance.") == []


@pytest.mark.parametrize(
    ("en", "spot"),
    [
        ("January 13,2025", "January 13,2025"),
        ("Speech delivered on Jan. 13,2025 in Beijing.", "Jan. 13,2025"),
        ("Dongcheng District, Beijing,China.", "Beijing,China."),
        ("The results did not come easily.Next, my colleagues will answer.", "easily.Next,"),
        ("Imports rose in 2024.The growth rate was high.", "2024.The"),
        ("Mr.Wang Lingjun answered questions.", "Mr.Wang"),
        ("Address: No.6.Jianguomennei Avenue", "No.6.Jianguomennei"),
    ],
)
def test_missing_space_is_info(en: str, spot: str) -> None:
    [finding] = check(en)

    assert finding.severity is Severity.INFO
    assert "Missing space" in finding.message
    assert f"“{spot}”" in finding.message


@pytest.mark.parametrize(
    "en",
    [
        "Trade grew by RMB2.1 trillion, or 43,850 billion yuan, with 1,000 firms involved.",
        "Address: No.6. Jianguomennei Avenue, Dongcheng District, Beijing, China",
        "Trade with the U.S. and the E.U. grew, i.e. faster than expected.",
        "The growth rate was 3.8% denominated in USD.",
        "See http://english.customs.gov.cn/Statics/report.html,Annex for details.",
        "Write to webmaster@customs.gov.cn or visit www.customs.gov.cn.",
        "Chemicals such as 1,2-dichloroethane are controlled.",
        "Trade reached RMB43.85 trillion in 2024.",
    ],
)
def test_correct_spacing_is_not_reported(en: str) -> None:
    assert check(en) == []


def test_seed_release_has_no_errors_or_warnings() -> None:
    text = SAMPLE_ENGLISH.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]

    result = check(*lines)

    assert {f.severity for f in result} <= {Severity.INFO}
    assert [f.en for f in result] == ["January 13,2025"]


def test_english_only_links_are_checked_and_chinese_only_links_are_skipped() -> None:
    alignment = build(("", "Share，Print"), ("仅有中文，没有英文。", ""))

    result = list(punctuation.check_punctuation(alignment, CheckContext()))

    assert [f.en_ids for f in result] == [(0,)]
