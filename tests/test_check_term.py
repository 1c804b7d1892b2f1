"""The "term" check on hand-made alignments."""

from __future__ import annotations

from aligner.checks.base import CheckContext
from aligner.checks.term import check_terms
from aligner.glossary.model import GlossaryEntry
from aligner.model import Finding, Severity, TermStatus
from builders import build

GLOSSARY = (
    GlossaryEntry(
        "海关总署",
        "General Administration of Customs of China",
        variants=("GACC", "General Administration of Customs"),
        deprecated=("General Customs Administration",),
    ),
    GlossaryEntry("海关", "customs"),
    GlossaryEntry("海关特殊监管区域", "special customs supervision zone"),
    GlossaryEntry(
        "综合保税区", "comprehensive bonded zone", deprecated=("comprehensive free trade zone",)
    ),
    GlossaryEntry("综合保税区", "integrated bonded zone", TermStatus.ADMITTED),
    GlossaryEntry("智慧海关", "Smart Customs"),
    GlossaryEntry("自由贸易试验区", "pilot free trade zone"),
    GlossaryEntry("洋垃圾", "foreign waste", deprecated=("foreign trash",)),
    GlossaryEntry("洋垃圾", "foreign garbage", TermStatus.FORBIDDEN, origin="g.csv:9"),
    GlossaryEntry("报关", "customs report", TermStatus.FORBIDDEN, deprecated=("customs notice",)),
)


def run(*pairs: tuple[str, str]) -> list[Finding]:
    return list(check_terms(build(*pairs), CheckContext(GLOSSARY)))


def summary(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.severity.value, f.message) for f in findings]


def test_correct_renderings_give_no_findings() -> None:
    assert (
        run(
            ("海关总署发布数据。", "GACC released the data."),
            ("综合保税区发展迅速。", "Integrated bonded zones grew fast."),
            ("海关加强监管。", "Customs stepped up control."),
            ("支持自由贸易试验区。", "We support pilot free trade zones."),
        )
        == []
    )


def test_missing_rendering_is_a_warning_listing_alternatives() -> None:
    [finding] = run(("海关总署发布数据。", "The customs authority released data."))
    assert finding.check == "term"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        '"海关总署" expects "General Administration of Customs of China" '
        "(or: GACC, General Administration of Customs) in the English"
    )
    assert (finding.zh_ids, finding.en_ids) == ((0,), (0,))
    assert finding.zh == "海关总署发布数据。"
    assert finding.en == "The customs authority released data."


def test_single_rendering_message_has_no_alternatives() -> None:
    [finding] = run(("支持自由贸易试验区。", "We support free trade zones."))
    assert finding.message == '"自由贸易试验区" expects "pilot free trade zone" in the English'


def test_deprecated_rendering_is_an_error_with_advice() -> None:
    [finding] = run(("综合保税区发展迅速。", "Comprehensive free trade zones grew fast."))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        'uses "Comprehensive free trade zones", a deprecated rendering of 综合保税区; '
        'use "comprehensive bonded zone"'
    )


def test_forbidden_entries_report_their_renderings() -> None:
    # A row whose own status is forbidden is as binding as a "deprecated" column entry:
    # both renderings are errors, in the order the English uses them.
    findings = run(("打击洋垃圾走私。", "Fight foreign garbage and foreign trash smuggling."))
    assert summary(findings) == [
        ("error", 'uses "foreign garbage", a forbidden rendering of 洋垃圾; use "foreign waste"'),
        ("error", 'uses "foreign trash", a deprecated rendering of 洋垃圾; use "foreign waste"'),
    ]


def test_a_deprecated_status_row_is_an_error_when_used() -> None:
    entries = (
        GlossaryEntry("海关总署", "GACC"),
        GlossaryEntry("海关总署", "Customs General Administration", TermStatus.DEPRECATED),
    )
    [finding] = check_terms(
        build(("海关总署发布。", "The Customs General Administration said.")),
        CheckContext(entries),
    )
    assert finding.severity is Severity.ERROR
    assert "a deprecated rendering of 海关总署" in finding.message


def test_entry_with_its_own_deprecated_status_expects_nothing() -> None:
    assert run(("企业报关。", "Companies file declarations.")) == []
    [finding] = run(("企业报关。", "Companies send a customs notice."))
    assert finding.severity is Severity.ERROR
    assert finding.message == 'uses "customs notice", a forbidden rendering of 报关'


def test_case_only_difference_is_information() -> None:
    [finding] = run(("依托智慧海关。", "Based on smart customs."))
    assert finding.severity is Severity.INFO
    assert finding.message == (
        '"smart customs" differs only in case from "Smart Customs", the rendering of 智慧海关'
    )
    assert run(("依托智慧海关。", "Based on “Smart Customs” and smart customs.")) == []


def test_part_of_a_longer_term_is_not_checked_on_its_own() -> None:
    findings = run(("海关特殊监管区域。", "Special customs supervision zones."))
    assert findings == []
    [finding] = run(("海关特殊监管区域。", "Special zones."))
    assert finding.message.startswith('"海关特殊监管区域" expects')


def test_traditional_chinese_is_checked_too() -> None:
    [finding] = run(("海關總署與綜合保稅區。", "GACC and comprehensive free trade zones."))
    assert finding.severity is Severity.ERROR
    assert "综合保税区" in finding.message


def test_a_term_repeated_in_one_link_is_reported_once() -> None:
    assert len(run(("海关总署和海关总署。", "The authority."))) == 1


def test_one_sided_links_and_empty_glossary_are_skipped() -> None:
    assert run(("海关总署。", ""), ("", "GACC")) == []
    pairs = build(("海关总署。", "Nothing."))
    assert list(check_terms(pairs, CheckContext(()))) == []


def test_deprecated_inside_an_accepted_rendering_is_not_an_error() -> None:
    entries = (
        GlossaryEntry("自由贸易区", "China free trade zone", deprecated=("free trade zone",)),
    )
    findings = check_terms(
        build(("自由贸易区", "the China free trade zone")), CheckContext(entries)
    )
    assert list(findings) == []
    findings = check_terms(build(("自由贸易区", "the free trade zone")), CheckContext(entries))
    assert [f.severity for f in findings] == [Severity.ERROR]
