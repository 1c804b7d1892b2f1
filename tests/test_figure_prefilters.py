"""Figure extraction skips sentences that cannot hold a figure, and finds the same figures.

Each language's extractor first asks one cheap question (a digit, a Chinese numeral, a
number or month word?) and runs its passes only if the answer is yes. These tests compare
it with running every pass, on sentences chosen to sit at the edges of that question and
on the corpora when they are present.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from aligner.language.en_quantities import _PASSES as EN_PASSES
from aligner.language.en_quantities import extract_en
from aligner.language.quantity import Quantity
from aligner.language.scan import run_passes
from aligner.language.traditional import to_simplified
from aligner.language.zh_quantities import _FULL_WIDTH, _plain_financial, extract_zh
from aligner.language.zh_quantities import _PASSES as ZH_PASSES


def _every_zh_pass(text: str) -> list[Quantity]:
    normalised = _plain_financial(to_simplified(text).translate(_FULL_WIDTH))
    return [replace(q, text=text[q.start : q.end]) for q in run_passes(normalised, ZH_PASSES)]


def _every_en_pass(text: str) -> list[Quantity]:
    return run_passes(text, EN_PASSES)


ZH_WITH_FIGURES = [
    "第一季度进出口增长百分之五。",
    "民国九十年三月",
    "２０２５年１月１３日",
    "总额为壹佰万元。",
    "十五规划期间",
    "二〇二四年",
    "他们派了三个人。",
    "共计1,234.5万吨",
]
ZH_WITHOUT = ["起初神创造天地。", "海关总署发布公告。", "", "　"]

EN_WITH_FIGURES = [
    "Twenty-first century trade",
    "SEVENTY ships arrived",
    "It rose twice as fast.",
    "Exports in January and February",
    "three hundred and five",
    "the fifth of them",
    "Sales rose 5% in Q1.",
]
EN_WITHOUT = [
    "In the beginning God created the heaven and the earth.",
    "Someone had often written about it.",
    "",
]


@pytest.mark.parametrize("text", ZH_WITH_FIGURES + ZH_WITHOUT)
def test_chinese_figures_are_those_every_pass_finds(text: str) -> None:
    assert extract_zh(text) == _every_zh_pass(text)


@pytest.mark.parametrize("text", EN_WITH_FIGURES + EN_WITHOUT)
def test_english_figures_are_those_every_pass_finds(text: str) -> None:
    assert extract_en(text) == _every_en_pass(text)


@pytest.mark.parametrize("text", ZH_WITH_FIGURES)
def test_chinese_sentences_with_figures_still_yield_them(text: str) -> None:
    assert extract_zh(text)


@pytest.mark.parametrize("text", EN_WITH_FIGURES)
def test_english_sentences_with_figures_still_yield_them(text: str) -> None:
    assert extract_en(text)


@pytest.mark.parametrize("text", [*ZH_WITHOUT, "“一些人说。”", "一样"])
def test_chinese_sentences_without_figures_yield_none(text: str) -> None:
    assert extract_zh(text) == []


def test_the_corpora_give_the_same_figures(shared_dir: Path) -> None:
    corpora = shared_dir / "corpora"
    zh = [*(corpora / "bible").glob("*.zh"), *(corpora / "mac-dev" / "zh").glob("*.zh")]
    en = [*(corpora / "bible").glob("*.en"), *(corpora / "mac-dev" / "en").glob("*.en")]
    zh_lines = [line for path in zh for line in path.read_text(encoding="utf-8").splitlines()]
    en_lines = [line for path in en for line in path.read_text(encoding="utf-8").splitlines()]
    assert [extract_zh(x) for x in zh_lines] == [_every_zh_pass(x) for x in zh_lines]
    assert [extract_en(x) for x in en_lines] == [_every_en_pass(x) for x in en_lines]
    assert any(extract_zh(x) for x in zh_lines) and any(extract_en(x) for x in en_lines)
