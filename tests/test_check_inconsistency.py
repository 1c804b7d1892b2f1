"""Inconsistency check: one Chinese sentence rendered two ways, one English for two Chinese."""

from __future__ import annotations

from aligner.checks import inconsistency
from aligner.checks.base import CheckContext
from aligner.checks.inconsistency import (
    en_key,
    inconsistencies,
    located_inconsistencies,
    zh_key,
)
from aligner.model import Finding, Severity
from builders import Side, build


def findings(*pairs: tuple[Side, Side]) -> list[Finding]:
    return list(inconsistency.check_inconsistency(build(*pairs), CheckContext()))


TITLE_ZH = "在国务院新闻办公室新闻发布会上的讲话"
TITLE_EN = "Speech at the State Council Information Office Press Conference"
SMART_ZH = "我们将以“智慧海关”建设和“智关强国”行动为抓手，深化改革创新。"
SMART_EN = (
    "Through the development of “Smart Customs” Project and “Smart Customs for Great China” "
    "Campaign, we will deepen reform."
)
FILLER = ("成绩来之不易。", "The results did not come easily.")


def test_check_name_is_fixed() -> None:
    assert inconsistency.NAME == "inconsistency"


def test_same_chinese_with_two_renderings_is_a_warning_on_the_later_link() -> None:
    other = "Remarks at the Press Conference of the State Council Information Office"

    [finding] = findings((TITLE_ZH, TITLE_EN), FILLER, (TITLE_ZH, other))

    assert finding.check == "inconsistency"
    assert finding.severity is Severity.WARNING
    assert (finding.zh_ids, finding.en_ids) == ((2,), (2,))
    assert (finding.zh, finding.en) == (TITLE_ZH, other)
    assert f"“{TITLE_EN}”" in finding.message  # the other rendering
    assert f"“{other}”" in finding.message  # this rendering
    assert "elsewhere in this document" in finding.message  # where the other one is
    assert "zh 0" not in finding.message  # never a sentence number: the id derives from it
    assert TITLE_ZH in finding.message


def test_three_occurrences_are_each_compared_with_the_first() -> None:
    variant = "Speech at the SCIO Press Conference"

    result = findings((TITLE_ZH, TITLE_EN), (TITLE_ZH, variant), (TITLE_ZH, TITLE_EN))

    assert [f.zh_ids for f in result] == [(1,)]


def test_differences_of_case_space_and_punctuation_do_not_count() -> None:
    straight = SMART_EN.replace("“", '"').replace("”", '"').upper().replace(" ", "  ")

    assert findings((SMART_ZH, SMART_EN), FILLER, (SMART_ZH, straight)) == []


def test_apostrophe_and_hyphen_variants_do_not_count() -> None:
    zh = "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%。"
    curly = "In 2024, China’s imports and exports reached RMB43.85 trillion, up 5% year-on-year."
    straight = "In 2024, China's imports and exports reached RMB43.85 trillion, up 5% year on year."

    assert findings((zh, curly), (zh, straight)) == []


def test_chinese_width_and_spacing_variants_are_the_same_sentence() -> None:
    half = "2024年，全国海关共监管进出口货物56.03亿吨。"
    full = "２０２４年， 全国海关共监管进出口货物５６．０３亿吨。"

    [finding] = findings(
        (half, "In 2024, China Customs supervised 5.603 billion tons of goods."),
        (full, "In 2024, Customs supervised 5.603 billion tonnes of goods."),
    )

    assert finding.zh_ids == (1,)


def test_same_english_for_different_chinese_is_a_warning() -> None:
    other_zh = "我们始终把推动高质量发展作为新时代的首要任务。"

    [finding] = findings((SMART_ZH, SMART_EN), FILLER, (other_zh, SMART_EN))

    assert finding.severity is Severity.WARNING
    assert finding.zh_ids == (2,)
    assert "two different Chinese sentences" in finding.message
    assert SMART_ZH in finding.message and other_zh in finding.message


def test_short_stock_phrases_may_answer_several_chinese_wordings() -> None:
    assert findings(("谢谢！", "Thank you."), FILLER, ("谢谢大家！", "Thank you.")) == []


def test_dates_numbers_and_chrome_are_not_compared() -> None:
    result = findings(
        ("2025年1月13日", "January 13, 2025"),
        ("2025年1月13日", "13 January 2025"),
        ("2024", "2024"),
        ("2024", "the year 2024"),
        ("首页", "Home"),
        ("首页", "Homepage"),
    )

    assert result == []


def test_merged_links_need_a_real_sentence_to_be_compared() -> None:
    short_zh = ("海关总署", "署长")
    assert findings((short_zh, "GACC Minister"), (short_zh, "The GACC and its Minister")) == []

    long_zh = ("成绩来之不易。", "2024年外贸实现量稳质升。")
    result = findings(
        (long_zh, "The results did not come easily. Trade grew steadily in 2024."),
        (long_zh, "This was hard-won. Foreign trade rose in volume and quality in 2024."),
    )
    assert [f.zh_ids for f in result] == [(2, 3)]


def test_consistent_release_has_no_findings() -> None:
    assert findings((TITLE_ZH, TITLE_EN), (SMART_ZH, SMART_EN), FILLER, (TITLE_ZH, TITLE_EN)) == []


def test_across_documents_the_finding_names_the_other_document() -> None:
    january = build((TITLE_ZH, TITLE_EN), FILLER, name="gacc-2025-01")
    february = build(
        FILLER, (TITLE_ZH, "Remarks at the SCIO Press Conference"), name="gacc-2025-02"
    )

    located = located_inconsistencies([("gacc-2025-01", january), ("gacc-2025-02", february)])

    assert len(located) == 1
    document, finding = located[0]
    assert document == "gacc-2025-02"
    assert finding.zh_ids == (1,)
    assert "in gacc-2025-01" in finding.message
    assert "here in gacc-2025-02" in finding.message
    assert inconsistencies([("gacc-2025-01", january), ("gacc-2025-02", february)]) == [finding]


def test_cross_document_findings_come_in_document_order() -> None:
    first = build((TITLE_ZH, TITLE_EN), name="a")
    second = build((TITLE_ZH, "Speech at the SCIO Press Conference"), name="b")
    third = build((TITLE_ZH, "Remarks to the SCIO Press Conference"), name="c")

    located = located_inconsistencies([("a", first), ("b", second), ("c", third)])

    assert [name for name, _ in located] == ["b", "c"]


def test_single_document_check_matches_the_batch_core() -> None:
    alignment = build((TITLE_ZH, TITLE_EN), (TITLE_ZH, "Speech at the SCIO Press Conference"))

    assert list(inconsistency.check_inconsistency(alignment, CheckContext())) == inconsistencies(
        [("release.en.txt", alignment)]
    )


def test_normalisation_keys() -> None:
    assert zh_key("２０２４年， 外贸 “朋友圈”") == zh_key('2024年,外贸"朋友圈"')
    assert en_key("China’s  “Smart Customs”!") == en_key('china\'s "smart customs"')
    assert en_key("year-on-year") == en_key("year on year")
