"""The second look at many-sentence links: weakly attached edge sentences are split off."""

from __future__ import annotations

from collections.abc import Callable

from aligner.align.refine import Span, split_weak_members, typical_similarity

# Sentences that belong to the link add this much value and evidence; riders add little.
STRONG, WEAK = 1.0, 0.05


Judge = Callable[[Span], float]


def _scorer(riders: set[tuple[str, int]]) -> tuple[Judge, Judge]:
    """Value and evidence of a span: each member's own worth, minus a link-shape cost."""

    def worth(span: Span) -> float:
        i0, i1, j0, j1 = span
        if i0 == i1 or j0 == j1:
            return 0.0
        members = [("zh", i) for i in range(i0, i1)] + [("en", j) for j in range(j0, j1)]
        return sum(WEAK if member in riders else STRONG for member in members)

    def value(span: Span) -> float:
        i0, i1, j0, j1 = span
        if i0 == i1 or j0 == j1:
            return -0.1
        return worth(span) - 0.3 * ((i1 - i0) + (j1 - j0) - 2)

    return value, worth


def _split(spans: list[Span], riders: set[tuple[str, int]]) -> list[Span]:
    value, evidence = _scorer(riders)
    return split_weak_members(spans, value, evidence, 0.1, gain_limit=0.4, evidence_limit=0.5)


def test_an_english_sentence_riding_on_a_link_is_split_off_in_order() -> None:
    spans: list[Span] = [(0, 1, 0, 1), (1, 2, 1, 3), (2, 3, 3, 4)]
    assert _split(spans, {("en", 2)}) == [(0, 1, 0, 1), (1, 2, 1, 2), (2, 2, 2, 3), (2, 3, 3, 4)]
    assert _split(spans, {("en", 1)}) == [(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3), (2, 3, 3, 4)]


def test_a_chinese_sentence_riding_on_a_link_is_split_off() -> None:
    assert _split([(0, 2, 0, 1)], {("zh", 0)}) == [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert _split([(0, 2, 0, 1)], {("zh", 1)}) == [(0, 1, 0, 1), (1, 2, 1, 1)]


def test_two_riders_on_one_link_are_both_split_off() -> None:
    assert _split([(0, 1, 0, 3)], {("en", 0), ("en", 2)}) == [
        (0, 0, 0, 1),
        (0, 1, 1, 2),
        (1, 1, 2, 3),
    ]


def test_members_that_belong_and_small_links_are_left_alone() -> None:
    spans: list[Span] = [(0, 1, 0, 2), (1, 3, 2, 3), (3, 4, 3, 4), (4, 4, 4, 5), (4, 5, 5, 5)]
    assert _split(spans, set()) == spans
    # A weak member of a one-to-one link is the search's call, not the second look's.
    assert _split([(0, 1, 0, 1)], {("en", 0)}) == [(0, 1, 0, 1)]


def test_a_member_is_kept_when_either_its_value_or_its_evidence_is_high() -> None:
    span: Span = (0, 1, 0, 2)
    value, evidence = _scorer({("en", 1)})

    def high_value(s: Span) -> float:
        return value(s) + (2.0 if s == span else 0.0)

    def high_evidence(s: Span) -> float:
        return evidence(s) + (2.0 if s == span else 0.0)

    for judged in ((high_value, evidence), (value, high_evidence)):
        kept = split_weak_members([span], *judged, 0.1, gain_limit=0.4, evidence_limit=0.5)
        assert kept == [span]


def test_typical_similarity_is_the_median_best_match_near_the_expected_position() -> None:
    # Sentence i translates English sentence i; everything else scores 0.1.
    best = [0.9, 0.5, 0.7, 0.2, 0.6]

    def similarity(i0: int, i1: int, j0: int, j1: int) -> float:
        return best[i0] if i0 == j0 else 0.1

    centres = [0, 1, 2, 3, 4, 5]
    assert typical_similarity(similarity, centres, en_count=5) == 0.6
    # Nothing to compare gives a small floor rather than zero, so limits stay positive.
    assert 0 < typical_similarity(lambda *_: -1.0, centres, en_count=5) < 0.1
