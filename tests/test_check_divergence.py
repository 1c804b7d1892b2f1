"""Divergence check: English compared with a reference English (earlier version or MT)."""

from __future__ import annotations

from aligner.checks import divergence
from aligner.checks.base import CheckContext
from aligner.checks.divergence import map_reference
from aligner.model import Alignment, Document, Finding, Severity
from builders import Side, build, make_document


def reference(*sentences: str) -> Document:
    return make_document("reference.en.txt", "en", sentences)


def run(alignment: Alignment, ref: Document | None) -> list[Finding]:
    return list(divergence.check_divergence(alignment, CheckContext(reference=ref)))


PAIRS: list[tuple[Side, Side]] = [
    (
        "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。",
        "In 2024, the total value of China’s imports and exports reached RMB43.85 trillion, "
        "up 5% year-on-year, which was a new record high.",
    ),
    ("成绩来之不易。", "The results did not come easily."),
    (
        "海关既是我国外贸发展的见证者、记录者，也是参与者、推动者。",
        "Customs serves not only a witness and recorder of China’s foreign trade development, "
        "but also a participant and promoter.",
    ),
    (
        "我们始终把推动高质量发展作为新时代的首要任务。",
        "We always pursue high-quality development as our top priority in the new era.",
    ),
]

# A machine translation of the same Chinese: worded differently, same content.
MACHINE = [
    "In 2024, China's total import and export value of goods trade was 43.85 trillion yuan, "
    "a year-on-year increase of 5%, a new record high.",
    "The results did not come easily.",
    "Customs is not only a witness and recorder of the development of China's foreign trade, "
    "but also a participant and promoter.",
    "We always regard promoting high-quality development as the primary task of the new era.",
]


def test_check_name_is_fixed() -> None:
    assert divergence.NAME == "divergence"


def test_without_a_reference_nothing_is_reported() -> None:
    assert run(build(*PAIRS), None) == []


def test_identical_reference_gives_only_the_document_summary() -> None:
    english = [en for _, en in PAIRS if isinstance(en, str)]

    [summary] = run(build(*PAIRS), reference(*english))

    assert summary.check == "divergence"
    assert summary.severity is Severity.INFO
    assert (summary.zh_ids, summary.en_ids, summary.zh, summary.en) == ((), (), "", "")
    assert "BLEU 100.0" in summary.message
    assert "4 of 4 English links" in summary.message


def test_faithful_machine_translation_raises_no_warning() -> None:
    result = run(build(*PAIRS), reference(*MACHINE))

    assert [f.severity for f in result] == [Severity.INFO]
    assert "BLEU" in result[0].message and "chrF" in result[0].message


def test_english_that_says_something_else_is_a_warning_naming_the_score() -> None:
    pairs = list(PAIRS)
    wrong = "Ports in the west will open new routes to Europe next spring."
    pairs[2] = (pairs[2][0], wrong)

    result = run(build(*pairs), reference(*MACHINE))

    warnings = [f for f in result if f.severity is Severity.WARNING]
    assert len(warnings) == 1
    [warning] = warnings
    assert (warning.zh_ids, warning.en_ids, warning.en) == ((2,), (2,), wrong)
    assert warning.zh == pairs[2][0]
    assert "chrF" in warning.message
    assert MACHINE[2] in warning.message  # what the reference says instead
    assert result[0].severity is Severity.INFO  # the summary comes first


def test_links_without_english_are_not_scored() -> None:
    pairs = [*PAIRS[:2], ("这也是各地区各部门共同努力的结果。", ""), *PAIRS[2:]]

    [summary] = run(build(*pairs), reference(*MACHINE))

    assert "4 of 4 English links" in summary.message


def test_empty_reference_reports_that_nothing_was_compared() -> None:
    [summary] = run(build(*PAIRS), reference())

    assert summary.severity is Severity.INFO
    assert "nothing was compared" in summary.message


def test_mapping_follows_splits_gaps_and_extra_reference_sentences() -> None:
    targets = [
        "The results did not come easily, and the volume of trade steadily increased.",
        "Customs is a witness and recorder of foreign trade.",
        "We always pursue high-quality development.",
        "That is my brief introduction.",
    ]
    ref = [
        "The results did not come easily.",
        "The volume of trade steadily increased.",
        "Customs is a witness and recorder of foreign trade.",
        "Ports in the west will open new routes to Europe next spring.",
        "That is my brief introduction.",
    ]

    mapping = map_reference(ref, targets)

    assert mapping == [[0, 1], [2], [], [4]]


def test_mapping_stays_in_step_over_a_long_document() -> None:
    targets = [
        f"Customs at port number {i} cleared {i * 7} ships of grain and ore." for i in range(250)
    ]
    ref = ["Foreword to the annual report."] + [
        f"Port {i} customs cleared {i * 7} ships carrying grain and ore." for i in range(250)
    ]

    mapping = map_reference(ref, targets)

    assert mapping[0] == [1]
    assert mapping[249] == [250]
    assert sum(1 for i, ids in enumerate(mapping) if ids == [i + 1]) >= 248
