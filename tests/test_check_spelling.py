"""Spelling and repeated words in the English."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.checks.base import CheckContext
from aligner.checks.spelling import check_spelling, is_pinyin
from aligner.glossary.model import GlossaryEntry
from aligner.model import Finding, Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from builders import build

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "samples" / "gacc-2025-01-13.zh.txt"
EN = REPO / "samples" / "gacc-2025-01-13.en.txt"


def _spelling(
    tmp_path: Path, find: str, replace: str, words: tuple[str, ...] = ()
) -> list[Finding]:
    text = EN.read_text(encoding="utf-8")
    assert text.count(find) == 1
    en = tmp_path / "release.en.txt"
    en.write_text(text.replace(find, replace), encoding="utf-8")
    glossary = load_glossary_entries(AlignOptions())
    alignment = align_files(str(ZH), str(en), AlignOptions(scorer="lexical"), glossary=glossary)
    context = CheckContext(glossary=glossary, words=frozenset(words))
    return list(check_spelling(alignment, context))


def test_the_clean_sample_has_no_spelling_finding() -> None:
    glossary = load_glossary_entries(AlignOptions())
    alignment = align_files(str(ZH), str(EN), AlignOptions(scorer="lexical"), glossary=glossary)
    report = qa_report(alignment, glossary, checks=["spelling"])
    assert report.findings == ()


def test_a_misspelt_word_in_the_sample_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    (finding,) = _spelling(tmp_path, "did not come easily", "did not come eaisly")
    assert finding.severity is Severity.WARNING
    assert "“eaisly”" in finding.message and "“easily”" in finding.message
    assert [finding.en[s:e] for s, e in finding.en_spans] == ["eaisly"]
    assert finding.key == "spelling:eaisly"


def test_a_doubled_word_in_the_sample_is_reported(tmp_path: Path) -> None:
    (finding,) = _spelling(
        tmp_path, "The Party Central Committee launched", "The the Party Central Committee launched"
    )
    assert "“The the”" in finding.message and "write “The”" in finding.message
    assert [finding.en[s:e] for s, e in finding.en_spans] == ["The the"]


def test_a_word_list_makes_a_word_known(tmp_path: Path) -> None:
    assert _spelling(tmp_path, "did not come easily", "did not come eaisly", ("eaisly",)) == []


def _check(en: str, glossary: tuple[GlossaryEntry, ...] = ()) -> list[str]:
    alignment = build(("句子。", en))
    return [f.key for f in check_spelling(alignment, CheckContext(glossary=glossary))]


@pytest.mark.parametrize(
    "en",
    [
        "The GACC and the CPC met in Beijing.",
        "Mr. Wang Lingjun spoke on Jianguomennei Avenue.",
        "They realise the colour of the labelled goods was grey.",
        "Visit www.customs.gov.cn or write to press@customs.gov.cn for details.",
        "It had had no effect, and that that was so is clear.",
        "Yao Yao waved at Zhen Zhen.",
        "Products from WeChat and iPhone sellers, No.6 and 3D goods.",
    ],
)
def test_names_acronyms_british_spellings_addresses_and_good_repeats_pass(en: str) -> None:
    assert _check(en) == []


def test_glossary_english_is_known() -> None:
    entry = GlossaryEntry("通关", "customz clearance")
    assert _check("The customz clearance is quick.") == ["spelling:customz"]
    assert _check("The customz clearance is quick.", (entry,)) == []


def test_a_capitalised_slip_that_occurs_once_is_not_taken_for_a_name() -> None:
    assert _check("They met the Goverment of the city.") == ["spelling:goverment"]


def test_pinyin() -> None:
    assert is_pinyin("Lingjun") and is_pinyin("Jianguomennei") and is_pinyin("Qingyang")
    assert not is_pinyin("Goverment")
