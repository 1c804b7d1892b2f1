"""The polarity check: direction, comparison and negation that disagree between the sides."""

from __future__ import annotations

import pytest

from aligner.checks.base import CheckContext
from aligner.checks.polarity import check_polarity, link_clashes
from aligner.model import Finding, Severity
from builders import build


def _findings(zh: str, en: str) -> list[Finding]:
    return list(check_polarity(build((zh, en)), CheckContext()))


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_a_rise_given_as_a_fall_at_a_figure_is_an_error_naming_both_words() -> None:
    (finding,) = _findings("出口同比增长5%。", "Exports were down 5% year-on-year.")
    assert finding.severity is Severity.ERROR
    assert "增长5%" in finding.message and "“down”" in finding.message
    assert _marked(finding.zh, finding.zh_spans) == ["增长5%"]
    assert _marked(finding.en, finding.en_spans) == ["down"]
    assert finding.key == "增长5%"


@pytest.mark.parametrize(
    "en",
    [
        "Exports fell 5%.",
        "Exports fell by 5%.",
        "Exports saw a 5% decline.",
        "Exports were 5% lower than a year earlier.",
        "Exports declined 5.0% year on year.",
    ],
)
def test_inflections_and_figures_on_either_side_of_the_word(en: str) -> None:
    (finding,) = _findings("出口增长5%。", en)
    assert finding.severity is Severity.ERROR


def test_traditional_chinese_is_folded() -> None:
    (finding,) = _findings("出口增長5%，進口減少3%。", "Exports rose 5% and imports rose 3%.")
    assert "減少3%" in finding.message
    assert _marked(finding.zh, finding.zh_spans) == ["減少3%"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("出口增长5%。", "Exports rose 5%."),
        ("出口增长5%。", "Exports were up 5%."),
        ("出口下降5%。", "Exports dropped 5 percent."),
        ("降幅收窄至3%。", "The decline narrowed to 3%."),
        ("海关既是见证者，也是参与者。", "Customs is not only a witness but also a participant."),
        ("增速不低于5%。", "Growth was no less than 5%."),
        ("无论进口还是出口都增长了。", "Both imports and exports grew."),
        ("这非常重要。", "This is very important."),
        ("外贸规模不断扩大。", "Foreign trade continues to expand."),
        ("我们推动更高水平对外开放。", "We promote opening-up to higher standards."),
        ("成绩来之不易。", "The results did not come easily."),
        ("他的手始终按着腰里的家伙。", "His hand never leaving the object at his belt."),
        ("增长率为5%。", "The growth rate was 5%."),
    ],
)
def test_agreeing_sides_and_false_friends_give_nothing(zh: str, en: str) -> None:
    assert link_clashes(zh, en) == []


def test_a_direction_reversed_without_a_figure_is_a_warning() -> None:
    (finding,) = _findings("外贸朋友圈不断扩大。", "The circle of friends continues to narrow.")
    assert finding.severity is Severity.WARNING
    assert _marked(finding.zh, finding.zh_spans) == ["扩大"]
    assert _marked(finding.en, finding.en_spans) == ["narrow"]


def test_always_given_as_never_is_an_error() -> None:
    (finding,) = _findings(
        "我们始终把高质量发展作为首要任务。", "We never pursue development as a priority."
    )
    assert finding.severity is Severity.ERROR
    assert "始终" in finding.message and "never" in finding.message


def test_higher_given_as_lower() -> None:
    (finding,) = _findings("推动更高水平对外开放。", "Promote opening-up to lower standards.")
    assert finding.severity is Severity.WARNING
    assert _marked(finding.en, finding.en_spans) == ["lower"]


def test_all_given_as_none() -> None:
    (finding,) = _findings("所有企业都已申报。", "None of the enterprises has declared.")
    assert "所有" in finding.message and "None" in finding.message


def test_a_negation_lost_and_a_negation_added() -> None:
    (lost,) = _findings("进口未增长。", "Imports grew.")
    assert "未增长" in lost.message and lost.severity is Severity.WARNING
    (added,) = _findings(
        "我们始终坚定履行把守国门的职责。", "We remain steadfast in not fulfilling our duty."
    )
    assert "not fulfilling" in added.message and "履行" in added.message


def test_a_question_of_the_a_not_a_form_is_no_negation() -> None:
    assert link_clashes("投不投降？", "Surrender?") == []


def test_one_sided_links_are_left_to_other_checks() -> None:
    alignment = build(("出口增长5%。", ""), ("", "Exports fell 5%."))
    assert list(check_polarity(alignment, CheckContext())) == []
