"""Traditional Chinese is read like simplified: same links, same findings, one script compared.

Hong Kong, Macao and Taiwan releases are in traditional characters. The fixtures are the
bundled sample converted with OpenCC's own simplified → traditional tables, generated here
rather than checked in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import pytest
from click.testing import CliRunner

from aligner.align.lexical import Featurizer
from aligner.checks.base import CheckContext
from aligner.checks.inconsistency import check_inconsistency, zh_key
from aligner.cli import main
from aligner.language.numbers import extract_quantities
from aligner.language.traditional import comparison_key, simplified_char, to_simplified
from aligner.lexicon.cedict import load_lexicon
from aligner.model import Alignment, Finding
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from builders import build

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH_PATH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN_PATH = SAMPLES / "gacc-2025-01-13.en.txt"
ZH = ZH_PATH.read_text(encoding="utf-8")
EN = EN_PATH.read_text(encoding="utf-8")
# Standard traditional, Hong Kong and Taiwan forms.
CONVERSIONS = ("s2t", "s2hk", "s2tw")


@cache
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def converted(config: str, text: str = ZH) -> str:
    return str(converter(config).convert(text))


def links(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.zh, link.en) for link in alignment.links]


def finding_keys(findings: tuple[Finding, ...]) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(f.check, f.severity.value, f.zh_ids) for f in findings]


@pytest.fixture(scope="module")
def glossary() -> Any:
    return load_glossary_entries(AlignOptions())


@pytest.fixture(scope="module")
def simplified_run(glossary: Any) -> tuple[Alignment, tuple[Finding, ...]]:
    alignment = align_files(str(ZH_PATH), str(EN_PATH), AlignOptions(scorer="lexical"), glossary)
    return alignment, qa_report(alignment, glossary).findings


@pytest.mark.parametrize("config", CONVERSIONS)
def test_converted_sample_gives_the_same_links_and_findings(
    tmp_path: Path,
    config: str,
    glossary: Any,
    simplified_run: tuple[Alignment, tuple[Finding, ...]],
) -> None:
    text = converted(config)
    assert "萬億元" in text and text != ZH  # the fixture really is traditional
    zh = tmp_path / f"{config}.zh.txt"
    zh.write_text(text, encoding="utf-8")
    alignment = align_files(str(zh), str(EN_PATH), AlignOptions(scorer="lexical"), glossary)
    simplified_alignment, simplified_findings = simplified_run

    assert links(alignment) == links(simplified_alignment)
    findings = qa_report(alignment, glossary).findings
    assert finding_keys(findings) == finding_keys(simplified_findings)
    numbers = [f.message for f in findings if f.check == "number"]
    assert numbers == [f.message for f in simplified_findings if f.check == "number"]


def test_the_fold_keeps_offsets_and_leaves_simplified_text_alone() -> None:
    assert to_simplified(ZH) == ZH
    for config in CONVERSIONS:
        text = converted(config)
        assert len(to_simplified(text)) == len(text)
        assert comparison_key(text) == comparison_key(ZH)
    assert to_simplified(converted("s2t")) == to_simplified(converted("s2hk")) == ZH
    assert simplified_char("萬") == "万"
    assert simplified_char("A") == "A"
    assert to_simplified("隨著") == "随著"  # the Hong Kong table keeps Taiwan's 著
    assert comparison_key("隨著") == comparison_key("随着")


def test_the_stored_fold_is_opencc_one_character_at_a_time() -> None:
    # Every character of the main CJK blocks and the compatibility block, both folds.
    chars = [chr(code) for block in ((0x3400, 0x9FFF), (0xF900, 0xFAFF)) for code in range(*block)]
    chars += [chr(code) for code in range(0x20000, 0x2A6DF, 7)]  # a sample of extension B
    for configs, fold in ((("hk2s",), to_simplified), (("hk2s", "tw2s"), comparison_key)):
        steps = [converter(config) for config in configs]
        for char in chars:
            expected = char
            for step in steps:
                once = step.convert(expected)
                expected = once if len(once) == 1 else expected
            assert fold(char) == expected, (configs, char)


@pytest.mark.parametrize("config", CONVERSIONS)
def test_figures_are_found_at_the_same_places_in_both_scripts(config: str) -> None:
    for simplified in ZH.splitlines():
        traditional = converted(config, simplified)
        expected = [(q.kind, q.value, q.start, q.end) for q in extract_quantities(simplified, "zh")]
        found = extract_quantities(traditional, "zh")
        assert [(q.kind, q.value, q.start, q.end) for q in found] == expected
        assert all(q.text == traditional[q.start : q.end] for q in found)


@pytest.mark.parametrize("config", CONVERSIONS)
def test_traditional_sentences_offer_the_aligner_the_same_evidence(
    config: str, glossary: Any
) -> None:
    featurizer = Featurizer(load_lexicon(), glossary)
    for simplified in ZH.splitlines():
        assert (
            featurizer.chinese(converted(config, simplified)).units
            == featurizer.chinese(simplified).units
        )


SENTENCE = "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。"
RENDERING = (
    "China's imports and exports of goods reached RMB43.85 trillion in 2024, up 5% year on "
    "year, a record high."
)
FILLER = ("成绩来之不易。", "The results did not come easily.")


def test_a_sentence_and_its_traditional_twin_are_one_sentence_to_the_check() -> None:
    twin = converted("s2hk", SENTENCE)
    assert twin != SENTENCE and zh_key(twin) == zh_key(SENTENCE)

    same = build((SENTENCE, RENDERING), FILLER, (twin, RENDERING))
    assert list(check_inconsistency(same, CheckContext())) == []

    other = RENDERING.replace("a record high", "an all-time high")
    [finding] = check_inconsistency(
        build((SENTENCE, RENDERING), FILLER, (twin, other)), CheckContext()
    )
    assert finding.zh == twin and "an all-time high" in finding.en


def batch(tmp_path: Path, pairs: dict[str, tuple[str, str]]) -> dict[str, Any]:
    source = tmp_path / "in"
    for name, (zh, en) in pairs.items():
        (source / name).mkdir(parents=True)
        (source / name / f"{name}.zh.txt").write_text(zh, encoding="utf-8")
        (source / name / f"{name}.en.txt").write_text(en, encoding="utf-8")
    outdir = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["batch", str(source), "-o", str(outdir), "--jobs", "1", "--scorer", "lexical"]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return data


def test_a_batch_mixing_both_scripts_reports_no_inconsistency_between_twins(
    tmp_path: Path,
) -> None:
    data = batch(
        tmp_path,
        {"a": (ZH, EN), "b": (converted("s2hk"), EN), "c": (converted("s2tw"), EN)},
    )
    assert [d["status"] for d in data["documents"]] == ["ok", "ok", "ok"]
    assert [d["links"] for d in data["documents"]] == [37, 37, 37]
    assert data["inconsistencies"] == []


def test_a_batch_mixing_both_scripts_still_reports_a_real_inconsistency(tmp_path: Path) -> None:
    record = "which was a new record high."
    assert record in EN
    data = batch(
        tmp_path,
        {
            "a": (ZH, EN),
            "b": (converted("s2hk"), EN.replace(record, "setting another all-time record.")),
        },
    )
    [found] = data["inconsistencies"]
    assert found["document"] == "b" and "all-time record" in found["en"]
    assert found["zh"].startswith("2024年，我國貨物貿易進出口總值")


@pytest.mark.parametrize("line", ["責任編輯：王明", "來源：海關總署", "瀏覽次數：123"])
def test_traditional_page_metadata_is_page_chrome(line: str) -> None:
    from aligner.checks.chrome import non_body_kind

    assert non_body_kind(line) == "page chrome"
    assert non_body_kind(to_simplified(line)) == "page chrome"


@pytest.mark.parametrize("scorer", ["semantic", "hybrid"])
@pytest.mark.parametrize("config", ["s2hk", "s2t"])
def test_the_embedding_scorers_link_a_traditional_release_the_same_way(
    tmp_path: Path, config: str, scorer: str, glossary: Any
) -> None:
    """Chinese is embedded in one script, so a Hong Kong release gets its twin's links."""
    zh = tmp_path / f"{config}.zh.txt"
    zh.write_text(converted(config), encoding="utf-8")
    options = AlignOptions(scorer=scorer)
    traditional = align_files(str(zh), str(EN_PATH), options, glossary)
    simplified = align_files(str(ZH_PATH), str(EN_PATH), options, glossary)
    assert links(traditional) == links(simplified)
