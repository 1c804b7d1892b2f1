"""Cases where a string-level checker such as pofilter misjudges a Chinese→English release.

pofilter (translate-toolkit) compares the digits of source and target and looks at one
translation unit at a time. Chinese press releases defeat that: 3979亿元 is correctly
397.9 billion (different digits) and wrongly 3979 billion (the same digits), a Chinese
date has its figures in another order, a sentence dropped inside a paragraph is invisible
to a unit-level check, and Chinese pasted into the English passes its "unchanged" test.
Each case is built by hand as a tiny alignment and run through every QA check.
"""

from __future__ import annotations

import pytest
from translate.filters import checks as pofilter_checks

from aligner.checks.base import CheckContext
from aligner.checks.registry import run_checks
from aligner.glossary.load import glossary_entries
from aligner.model import Alignment, Document, Finding, Link, RawDocument, Segment, Severity
from aligner.segment import segment


def one_link(zh: str, en: str) -> Alignment:
    """One Chinese sentence linked to one English sentence."""
    return Alignment(
        Document("case.zh.txt", "zh", (Segment(0, zh, 0),)),
        Document("case.en.txt", "en", (Segment(0, en, 0),)),
        (Link((0,), (0,), 1.0),),
    )


def findings(alignment: Alignment, *, glossary: bool = False) -> list[Finding]:
    entries = glossary_entries((), include_bundled=True) if glossary else ()
    return list(run_checks(alignment, CheckContext(glossary=tuple(entries))))


def of_check(found: list[Finding], check: str) -> list[Finding]:
    return [finding for finding in found if finding.check == check]


def serious(found: list[Finding]) -> list[Finding]:
    return [finding for finding in found if finding.severity.rank >= Severity.WARNING.rank]


YI_ZH = "2024年，我国对东盟进出口3979亿元。"


def test_yi_converted_to_billion_is_not_a_number_finding() -> None:
    found = findings(
        one_link(YI_ZH, "In 2024, China's trade with ASEAN reached 397.9 billion yuan.")
    )
    assert of_check(found, "number") == []
    assert serious(found) == []


def test_yi_digits_kept_with_billion_is_a_number_error() -> None:
    found = findings(
        one_link(YI_ZH, "In 2024, China's trade with ASEAN reached 3979 billion yuan.")
    )
    [error] = of_check(found, "number")
    assert error.severity is Severity.ERROR
    assert "3979亿" in error.message and "3979 billion" in error.message
    assert error.zh == YI_ZH


def test_chinese_date_in_english_order_is_no_finding() -> None:
    found = findings(one_link("2024年12月10日", "December 10, 2024"))
    assert of_check(found, "number") == []
    assert serious(found) == []


def test_chinese_date_with_another_day_is_a_number_error() -> None:
    found = findings(one_link("2024年12月10日", "December 11, 2024"))
    [error] = of_check(found, "number")
    assert error.severity is Severity.ERROR


def test_sentence_dropped_inside_a_paragraph_is_an_omission_error() -> None:
    paragraph = "成绩来之不易。2024年外贸实现量稳质升，根本在于党中央集中统一领导。"
    source = segment(RawDocument("case.zh.txt", (paragraph,)), "zh")
    assert [s.text for s in source.segments] == [
        "成绩来之不易。",
        "2024年外贸实现量稳质升，根本在于党中央集中统一领导。",
    ]
    english = (
        "In 2024, the volume steadily increased and the quality of foreign trade improved, "
        "thanks to the centralized, unified leadership of the Party Central Committee."
    )
    target = Document("case.en.txt", "en", (Segment(0, english, 0),))
    alignment = Alignment(source, target, (Link((0,), (), 0.9), Link((1,), (0,), 1.0)))
    [omission] = of_check(findings(alignment), "omission")
    assert omission.severity is Severity.ERROR
    assert omission.zh_ids == (0,) and omission.zh == "成绩来之不易。"
    assert "成绩来之不易。" in omission.message


@pytest.mark.parametrize(
    "copied",
    ["成绩来之不易。", "以上是我的简要介绍。"],
)
def test_chinese_copied_into_the_english_is_an_untranslated_error(copied: str) -> None:
    [untranslated] = of_check(findings(one_link(copied, copied)), "untranslated")
    assert untranslated.severity is Severity.ERROR
    assert untranslated.zh == copied and untranslated.en == copied
    assert "copied unchanged" in untranslated.message


def test_pilot_free_trade_zones_satisfies_the_glossary_term() -> None:
    found = findings(
        one_link(
            "有力支持自由贸易试验区创新发展。",
            "We have provided robust support for the innovative development of pilot free "
            "trade zones.",
        ),
        glossary=True,
    )
    assert of_check(found, "term") == []


def test_a_deprecated_rendering_of_the_same_term_is_a_term_error() -> None:
    found = findings(
        one_link(
            "有力支持自由贸易试验区创新发展。",
            "We have provided robust support for the innovative development of free trade "
            "experimental zones.",
        ),
        glossary=True,
    )
    [error] = of_check(found, "term")
    assert error.severity is Severity.ERROR
    assert "pilot free trade zone" in error.message


@pytest.mark.parametrize(
    ("zh", "en", "pofilter_passes"),
    [
        (YI_ZH, "In 2024, China's trade with ASEAN reached 397.9 billion yuan.", False),
        (YI_ZH, "In 2024, China's trade with ASEAN reached 3979 billion yuan.", True),
        ("2024年12月10日", "December 10, 2024", False),
    ],
    ids=["correct-billion", "wrong-billion", "correct-date"],
)
def test_pofilter_numbers_check_gets_these_the_other_way_round(
    zh: str, en: str, pofilter_passes: bool
) -> None:
    """The comparison that motivates the number check: digits are not figures."""
    checker = pofilter_checks.StandardChecker()
    try:
        passed = bool(checker.numbers(zh, en))
    except pofilter_checks.FilterFailure:
        passed = False
    assert passed is pofilter_passes
    ours = serious(of_check(findings(one_link(zh, en)), "number"))
    assert bool(ours) is pofilter_passes
