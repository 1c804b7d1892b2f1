"""Every check says what a finding is about (its key) and where the words are (its spans).

The key is never a sentence position, so a finding keeps its id when lines are added above
it; the spans let the HTML report, the DOCX and the terminal point at "4.385" rather than at
the whole row.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from aligner.checks.base import CheckContext, distinct_keys, normal_spans, whole
from aligner.checks.registry import load_check, run_checks
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Finding, Severity
from builders import Side, build, make_document

GLOSSARY = (
    GlossaryEntry("自由贸易试验区", "Pilot Free Trade Zone", deprecated=("Free Trade Zone",)),
    GlossaryEntry("海关总署", "GACC"),
    GlossaryEntry("智慧海关", "Smart Customs"),
)
CONTEXT = CheckContext(GLOSSARY)


def run(check: str, *pairs: tuple[Side, Side], context: CheckContext = CONTEXT) -> list[Finding]:
    return list(load_check(check)(build(*pairs), context))


def words(finding: Finding) -> tuple[list[str], list[str]]:
    """The text each span points at, Chinese then English."""
    return (
        [finding.zh[start:end] for start, end in finding.zh_spans],
        [finding.en[start:end] for start, end in finding.en_spans],
    )


def only(findings: Iterable[Finding], severity: Severity | None = None) -> Finding:
    chosen = [f for f in findings if severity is None or f.severity is severity]
    assert len(chosen) == 1, chosen
    return chosen[0]


def test_number_points_at_both_figures_and_is_keyed_by_the_chinese_one() -> None:
    finding = only(run("number", ("进出口总值43.85万亿元。", "Trade reached RMB4.385 trillion.")))
    assert finding.severity is Severity.ERROR
    assert finding.key == "43,850,000,000,000"
    assert words(finding) == (["43.85万亿"], ["4.385 trillion"])


def test_number_extra_english_figure_is_keyed_as_english() -> None:
    finding = only(run("number", ("贸易增长。", "Trade grew 7%.")))
    assert finding.key == "English 7%"
    assert words(finding) == ([], ["7%"])


def test_term_points_at_the_term_and_the_rejected_rendering() -> None:
    finding = only(
        run("term", ("支持自由贸易试验区建设。", "We support the Free Trade Zone project."))
    )
    assert finding.severity is Severity.ERROR
    assert finding.key == "自由贸易试验区 → free trade zone"
    assert words(finding) == (["自由贸易试验区"], ["Free Trade Zone"])


def test_term_missing_rendering_is_keyed_by_the_term_alone() -> None:
    finding = only(run("term", ("海关总署发布数据。", "The authority released data.")))
    assert finding.key == "海关总署"
    assert words(finding) == (["海关总署"], [])


def test_term_case_difference_points_at_the_english_used() -> None:
    finding = only(run("term", ("依托智慧海关。", "Based on smart customs.")))
    assert finding.key == "智慧海关 → smart customs"
    assert words(finding) == (["智慧海关"], ["smart customs"])


def test_omission_spans_the_whole_chinese_sentence() -> None:
    finding = only(
        run("omission", ("出口增长。", "Exports grew."), ("进口下降。", "")), Severity.ERROR
    )
    assert finding.key == "no English"
    assert words(finding) == (["进口下降。"], [])


def test_addition_spans_the_whole_english_line() -> None:
    findings = run(
        "addition",
        ("出口增长。", "Exports grew."),
        ("", "The figures were praised by everyone present."),
        ("进口下降。", "Imports fell."),
    )
    finding = only(findings, Severity.WARNING)
    assert finding.key == "no Chinese"
    assert words(finding) == ([], ["The figures were praised by everyone present."])


def test_untranslated_points_at_the_chinese_left_in_the_english() -> None:
    finding = only(run("untranslated", ("支持自由贸易试验区。", "We support the 自由贸易试验区.")))
    assert finding.key == "自由贸易试验区"
    assert words(finding) == (["自由贸易试验区"], ["自由贸易试验区"])


def test_untranslated_chrome_info_points_at_the_language_switch() -> None:
    finding = only(run("untranslated", ("", "Home|中文站")))
    assert finding.severity is Severity.INFO
    assert finding.key == "中文站"
    assert words(finding) == ([], ["中文站"])


def test_punctuation_points_at_each_full_width_mark() -> None:
    finding = only(run("punctuation", ("出口增长，进口下降。", "Exports grew，imports fell，too.")))
    assert finding.key == "full-width: ，"
    assert words(finding) == ([], ["，", "，"])
    assert finding.en_spans == ((12, 13), (25, 26))


def test_punctuation_spacing_points_at_the_comma_in_a_later_sentence() -> None:
    finding = only(
        run("punctuation", (["一。", "二。"], ["Exports grew.", "On January 13,2025 it rose."]))
    )
    assert finding.key == "comma: January 13,2025"
    assert words(finding) == ([], [",2"])  # the comma and what is glued to it
    assert finding.en.index(",") == finding.en_spans[0][0]


def test_punctuation_unbalanced_bracket_points_at_the_bracket_left_open() -> None:
    finding = only(
        run("punctuation", ("出口（含转口）增长。", "Exports (including re-exports grew."))
    )
    assert finding.key == "unbalanced: ("
    assert finding.en_spans == ((8, 9),)


def test_length_spans_the_english() -> None:
    long_zh = "我国货物贸易进出口总值再创历史新高，规模稳居世界第一。"
    pairs: list[tuple[Side, Side]] = [
        (long_zh, "China's trade in goods hit a new record, and it remains the world's largest.")
    ] * 6 + [(long_zh, "China's trade hit a record.")]
    finding = only(run("length", *pairs))
    assert finding.key == "short"
    assert words(finding) == ([], ["China's trade hit a record."])


def test_divergence_is_keyed_by_what_it_measures() -> None:
    reference = make_document(
        "ref.en.txt",
        "en",
        [
            "Exports grew strongly last year.",
            "Imports fell sharply this spring.",
            "Trade stayed stable overall.",
        ],
    )
    findings = run(
        "divergence",
        ("出口增长。", "Exports grew strongly last year."),
        ("进口下降。", "Zebras enjoy quiet evenings by the lake."),
        ("贸易稳定。", "Trade stayed stable overall."),
        context=CheckContext(reference=reference),
    )
    summary = only(findings, Severity.INFO)
    assert summary.key == "agreement with the reference"
    low = only(findings, Severity.WARNING)
    assert low.key == "far from the reference"
    assert words(low) == ([], ["Zebras enjoy quiet evenings by the lake."])


def test_inconsistency_is_keyed_by_the_other_rendering_not_its_place() -> None:
    zh = "在国务院新闻办公室新闻发布会上的讲话"
    findings = run(
        "inconsistency",
        (zh, "Speech at the State Council Information Office Press Conference"),
        ("出口增长。", "Exports grew."),
        (zh, "Remarks at the SCIO Press Conference"),
    )
    finding = only(findings)
    assert finding.key == (
        "rendered elsewhere as speech at the state council information office press conference"
    )
    assert words(finding) == ([zh], ["Remarks at the SCIO Press Conference"])


# --- ids do not depend on where the link is -------------------------------------------------

PAIRS: list[tuple[Side, Side]] = [
    ("进出口总值43.85万亿元。", "Trade reached RMB4.385 trillion."),
    ("支持自由贸易试验区建设。", "We support the Free Trade Zone project."),
    ("出口（含转口）增长。", "Exports (including re-exports grew，fast."),
    ("进口下降。", ""),
    ("", "The figures were praised by everyone present."),
    ("海关总署发布数据。", "The 海关 authority released data."),
]


def ids(alignment: Alignment) -> list[str]:
    return [f.id for f in run_checks(alignment, CONTEXT)]


def test_ids_survive_lines_added_above() -> None:
    before = ids(build(*PAIRS))
    padded = ids(build(("新闻发布。", "Press release."), ("欢迎。", "Welcome."), *PAIRS))
    assert before and set(before) <= set(padded)


def test_ids_change_when_the_link_text_changes() -> None:
    before = set(ids(build(*PAIRS)))
    fixed = list(PAIRS)
    fixed[0] = ("进出口总值43.85万亿元。", "Trade reached RMB43.85 trillion, a record.")
    after = set(ids(build(*fixed)))
    number_before = {i for i in before if i.startswith("number-")}
    assert number_before and not number_before & after


def test_every_key_is_set_and_no_message_quotes_positions() -> None:
    findings = run_checks(
        build(*PAIRS, ("进出口总值43.85万亿元。", "Trade reached RMB4.385 trillion.")), CONTEXT
    )
    assert findings
    for finding in findings:
        assert finding.key, finding
        assert "zh 0" not in finding.message and "en 0" not in finding.message


def test_ids_are_unique_within_a_report() -> None:
    findings = run_checks(
        build(("出口43.85万亿元，进口43.85万亿元。", "Exports and imports were both large.")),
        CONTEXT,
    )
    numbers = [f for f in findings if f.check == "number"]
    assert len(numbers) == 2
    assert numbers[0].id != numbers[1].id
    assert numbers[1].key == f"{numbers[0].key} #2"


def test_distinct_keys_leaves_distinct_findings_alone() -> None:
    a = Finding("x", Severity.INFO, (0,), (0,), "甲", "A", "m", key="one")
    b = Finding("x", Severity.INFO, (0,), (0,), "甲", "A", "m", key="two")
    assert distinct_keys([a, b]) == (a, b)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(5, 7), (0, 2)], ((0, 2), (5, 7))),
        ([(0, 3), (2, 5)], ((0, 5),)),
        ([(1, 1), (2, 4)], ((2, 4),)),
    ],
)
def test_spans_are_sorted_and_merged(
    spans: list[tuple[int, int]], expected: tuple[tuple[int, int], ...]
) -> None:
    assert normal_spans(spans) == expected


def test_whole_skips_surrounding_spaces() -> None:
    assert whole("  Exports grew. ") == ((2, 15),)
    assert whole("") == ()
