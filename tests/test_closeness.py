"""How closely a translation follows its original, and the settings that follow from it.

The measure must put the close customs press release of the samples and the free
literary chapters of MAC-Dev on opposite sides of the boundary, with room to spare, or
the aligner would hide additions in press releases or scatter null links in novels.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from aligner.align.closeness import CLOSENESS, Adapted, Scale, typical_best
from aligner.align.lexical import LENGTH_WEIGHT, SKIP_COST, LexicalScorer
from aligner.align.objective import SENTENCE_WEIGHTED
from aligner.pipeline import AlignOptions, load_document, load_glossary_entries

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_scale_is_0_for_free_1_for_close_and_linear_between() -> None:
    scale = Scale(free_at=0.4, close_at=0.6)
    assert scale.share(0.1) == 0.0
    assert scale.share(0.4) == 0.0
    assert scale.share(0.5) == pytest.approx(0.5)
    assert scale.share(0.6) == 1.0
    assert scale.share(0.9) == 1.0
    with pytest.raises(ValueError):
        Scale(free_at=0.5, close_at=0.5)


def test_adapted_setting_interpolates_between_its_two_values() -> None:
    skip = Adapted(free=0.2, close=0.04)
    assert skip.at(0.0) == 0.2
    assert skip.at(1.0) == 0.04
    assert skip.at(0.5) == pytest.approx(0.12)


def test_typical_best_is_the_median_of_each_sentences_best_match_near_the_diagonal() -> None:
    # Sentence i matches English i perfectly; everything else is 0.1; sentence 2 has no match.
    def similarity(i0: int, i1: int, j0: int, j1: int) -> float:
        return 0.1 if i0 == 2 else (1.0 if i0 == j0 else 0.1)

    assert typical_best(similarity, 5, 5) == 1.0
    assert typical_best(lambda *span: 0.3, 4, 9) == 0.3
    assert typical_best(similarity, 0, 5) == 0.0


def sample_closeness() -> float:
    glossary = load_glossary_entries(AlignOptions())
    source = load_document(str(SAMPLES / "gacc-2025-01-13.zh.txt"), "zh")
    target = load_document(str(SAMPLES / "gacc-2025-01-13.en.txt"), "en")
    return LexicalScorer(glossary).prepare(source, target).closeness


def test_the_sample_press_release_is_close() -> None:
    assert sample_closeness() >= CLOSENESS.close_at + 0.05


def test_mac_dev_chapters_are_free(shared_dir: Path) -> None:
    corpus = shared_dir / "corpora" / "mac-dev"
    scorer = LexicalScorer()
    for name in ("001", "002", "003", "004", "005", "006"):
        source = load_document(str(corpus / "zh" / f"{name}.zh"), "zh", split_lines=True)
        target = load_document(str(corpus / "en" / f"{name}.en"), "en", split_lines=True)
        closeness = scorer.prepare(source, target).closeness
        assert closeness <= CLOSENESS.free_at - 0.03, (name, closeness)


def test_the_lexical_scorer_makes_unlinked_sentences_cheap_only_in_close_translations() -> None:
    glossary = load_glossary_entries(AlignOptions())
    source = load_document(str(SAMPLES / "gacc-2025-01-13.zh.txt"), "zh")
    target = load_document(str(SAMPLES / "gacc-2025-01-13.en.txt"), "en")
    close = LexicalScorer(glossary).prepare(source, target)
    assert close.objective.skip_cost == SKIP_COST.close
    assert close.objective.length_weight == SENTENCE_WEIGHTED.length_weight
    # The same English in reverse order: no sentence sits near its counterpart.
    reversed_target = replace(target, segments=tuple(reversed(target.segments)))
    unrelated = LexicalScorer(glossary).prepare(source, reversed_target)
    assert unrelated.closeness < CLOSENESS.free_at
    assert unrelated.objective.skip_cost == SKIP_COST.free
    assert unrelated.objective.length_weight == LENGTH_WEIGHT.free < SENTENCE_WEIGHTED.length_weight
    fixed = LexicalScorer(glossary, skip_cost=None).prepare(source, target)
    assert fixed.objective == SENTENCE_WEIGHTED
