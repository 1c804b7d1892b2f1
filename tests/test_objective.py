"""How the search values links: shape costs and weights of the two objectives.

The dictionary scorer's objective weighs a link's similarity by its sentence count; the
window scorers' counts each link once and pays a cost per link instead. Both must
price shapes the same way the search and the second look see them.
"""

from __future__ import annotations

import pytest

from aligner.align import DEFAULT_LINK_TYPES, align_documents
from aligner.align.objective import SENTENCE_WEIGHTED, Objective
from aligner.align.semantic.profiles import WINDOW_OBJECTIVE
from aligner.model import Document, Segment


def test_sentence_weighted_costs_are_those_the_lexical_scorer_was_tuned_with() -> None:
    cost = SENTENCE_WEIGHTED.shape_cost
    assert cost(1, 1) == 0.0
    assert cost(1, 0) == cost(0, 1) == SENTENCE_WEIGHTED.skip_cost
    assert cost(1, 2) == cost(2, 1) == pytest.approx(0.25)
    assert cost(1, 3) == cost(3, 1) == pytest.approx(0.7)
    assert cost(2, 2) == pytest.approx(0.7 + 0.7)
    assert cost(1, 4) == pytest.approx(1.4)
    assert cost(2, 3) == pytest.approx(1.4 + 0.7)
    assert SENTENCE_WEIGHTED.weight(2, 3) == 5


def test_link_cost_is_paid_by_every_link_with_both_sides() -> None:
    objective = Objective(
        sentence_weighted=False,
        link_cost=0.1,
        merge_cost=0.0,
        double_merge_cost=0.0,
        many_to_many_cost=0.05,
        skip_cost=0.2,
    )
    assert objective.shape_cost(1, 1) == pytest.approx(0.1)
    assert objective.shape_cost(1, 4) == pytest.approx(0.1)
    assert objective.shape_cost(3, 2) == pytest.approx(0.15)
    assert objective.shape_cost(0, 1) == pytest.approx(0.2)
    assert objective.weight(3, 2) == 1


def test_window_objective_scores_each_link_once() -> None:
    assert not WINDOW_OBJECTIVE.sentence_weighted
    assert WINDOW_OBJECTIVE.length_weight == 0.0
    assert all(WINDOW_OBJECTIVE.weight(a, b) == 1 for a, b in DEFAULT_LINK_TYPES)


def test_default_link_types_include_two_to_three_both_ways() -> None:
    assert {(2, 3), (3, 2), (2, 2), (1, 4), (4, 1)} <= set(DEFAULT_LINK_TYPES)


class ObjectiveSpans:
    """A similarity that favours one 2:3 link, under a chosen objective."""

    def __init__(self, objective: Objective) -> None:
        self.objective = objective

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        return 0.9 if (zh_start, zh_end, en_start, en_end) == (0, 2, 0, 3) else 0.05

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        return []


class ObjectiveScorer:
    name = "fixed"

    def __init__(self, objective: Objective) -> None:
        self.objective = objective

    def prepare(self, source: Document, target: Document) -> ObjectiveSpans:
        return ObjectiveSpans(self.objective)


def _document(lang: str, count: int) -> Document:
    return Document(f"<{lang}>", lang, tuple(Segment(k, f"{lang} {k}", 0) for k in range(count)))


def test_the_search_uses_the_scorers_objective() -> None:
    """The same similarities give one 2:3 link when links are scored once, and smaller
    links when a long link must pay its expensive shape."""
    zh, en = _document("zh", 2), _document("en", 3)
    once = align_documents(zh, en, ObjectiveScorer(WINDOW_OBJECTIVE))
    assert [(link.zh, link.en) for link in once.links] == [((0, 1), (0, 1, 2))]
    expensive = Objective(many_to_many_cost=5.0, length_weight=0.0)
    split = align_documents(zh, en, ObjectiveScorer(expensive))
    assert all(len(link.zh) < 2 or len(link.en) < 2 for link in split.links)
