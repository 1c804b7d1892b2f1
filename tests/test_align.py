"""Sentence alignment: the invariants every result must keep, and accuracy on known answers.

The invariants are checked on random documents because the search has many edge cases
(empty sides, one side far longer, runs that match nothing) that hand-picked examples miss.
Accuracy is measured on the sample release and on MAC-Dev with the standard strict and lax
scores; these are accuracy tests, so they assert figures, never times.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align import DEFAULT_LINK_TYPES, SearchConfig, align_documents, make_scorer
from aligner.align.evaluate import Counts, count, scores
from aligner.align.length import LengthModel
from aligner.align.lexical import LexicalScorer
from aligner.align.scorer import Scorer, SpanScorer
from aligner.formats.links import LinkIds, format_links, parse_links
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Segment
from aligner.pipeline import AlignOptions, align_files

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CHAPTERS = ("001", "002", "003", "004", "005", "006")

SCORER: Scorer = make_scorer("lexical")

# A few words that translate each other, so random sentences share real evidence, plus
# figures and fillers that match nothing.
ZH_WORDS: tuple[str, ...] = (
    *("海关", "进出口", "贸易", "增长", "货物", "企业", "口岸", "政策", "我国", "数据"),
    *("同比", "5%", "2024年", "43.85万亿元", "今天", "他说", "——", "？"),
)
EN_WORDS: tuple[str, ...] = (
    *("customs", "imports", "exports", "trade", "grew", "goods", "companies", "ports"),
    *("policy", "China", "data", "year-on-year", "5%", "2024", "RMB43.85 trillion"),
    *("today", "he said", "—", "?"),
)


def _document(lang: str, sentences: list[str], breaks: list[bool]) -> Document:
    paragraph = 0
    segments = []
    for index, text in enumerate(sentences):
        if index and breaks[index % len(breaks)]:
            paragraph += 1
        segments.append(Segment(index, text, paragraph))
    return Document(f"random.{lang}", lang, tuple(segments))


zh_sentences = st.lists(
    st.lists(st.sampled_from(ZH_WORDS), min_size=0, max_size=8).map(lambda w: "".join(w) + "。"),
    min_size=0,
    max_size=14,
)
en_sentences = st.lists(
    st.lists(st.sampled_from(EN_WORDS), min_size=0, max_size=10).map(
        lambda w: (" ".join(w) + ".").capitalize()
    ),
    min_size=0,
    max_size=30,
)
paragraph_breaks = st.lists(st.booleans(), min_size=1, max_size=5)


def flatten(alignment: Alignment) -> tuple[list[int], list[int]]:
    zh = [i for link in alignment.links for i in link.zh]
    en = [j for link in alignment.links for j in link.en]
    return zh, en


# --- invariants ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(zh_sentences, en_sentences, paragraph_breaks, paragraph_breaks)
def test_every_sentence_once_in_order_with_sane_links(
    zh: list[str], en: list[str], zh_breaks: list[bool], en_breaks: list[bool]
) -> None:
    source = _document("zh", zh, zh_breaks)
    target = _document("en", en, en_breaks)
    alignment = align_documents(source, target, SCORER)
    zh_ids, en_ids = flatten(alignment)
    assert zh_ids == list(range(len(zh)))
    assert en_ids == list(range(len(en)))
    for link in alignment.links:
        assert link.zh or link.en
        assert (len(link.zh), len(link.en)) in DEFAULT_LINK_TYPES
        assert math.isfinite(link.confidence)
        assert 0.0 <= link.confidence <= 1.0
    assert alignment.source is source and alignment.target is target


@settings(max_examples=40, deadline=None)
@given(zh_sentences, en_sentences, paragraph_breaks)
def test_alignment_is_deterministic(zh: list[str], en: list[str], breaks: list[bool]) -> None:
    source = _document("zh", zh, breaks)
    target = _document("en", en, breaks)
    first = align_documents(source, target, SCORER)
    again = align_documents(source, target, SCORER)
    fresh = align_documents(source, target, make_scorer("lexical"))
    assert first.links == again.links == fresh.links


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=3), st.integers(min_value=20, max_value=60))
def test_very_unequal_lengths_still_cover_both_sides(short: int, long: int) -> None:
    source = _document("zh", ["海关进出口贸易增长。"] * short, [False])
    target = _document(
        "en", [f"Sentence {k} about nothing in particular." for k in range(long)], [False]
    )
    for zh_doc, en_doc in ((source, target), (_swap_lang(target, "zh"), _swap_lang(source, "en"))):
        zh_ids, en_ids = flatten(align_documents(zh_doc, en_doc, SCORER))
        assert zh_ids == list(range(len(zh_doc.segments)))
        assert en_ids == list(range(len(en_doc.segments)))


def _swap_lang(document: Document, lang: str) -> Document:
    """The same sentences presented as the other side: the search must not care."""
    return Document(document.path, lang, document.segments)


# --- accuracy on known answers -------------------------------------------------------------


# The figures below are the lexical scorer's: pinned so that they do not depend on whether
# the optional semantic extra happens to be installed.
LEXICAL = AlignOptions(scorer="lexical")


def pairs(alignment: Alignment) -> list[LinkIds]:
    return [(link.zh, link.en) for link in alignment.links]


def test_sample_reproduces_its_gold_alignment() -> None:
    alignment = align_files(
        str(SAMPLES / "gacc-2025-01-13.zh.txt"),
        str(SAMPLES / "gacc-2025-01-13.en.txt"),
        LEXICAL,
    )
    gold = parse_links((SAMPLES / "gacc-2025-01-13.gold.align").read_text(encoding="utf-8"))
    strict, lax = scores(count(gold, pairs(alignment)))
    assert strict.f1 >= 0.95, f"strict {strict}"
    assert lax.f1 >= strict.f1


def test_mac_dev_strict_f1(shared_dir: Path) -> None:
    corpus = shared_dir / "corpora" / "mac-dev"
    total = Counts()
    per_chapter: dict[str, float] = {}
    for name in CHAPTERS:
        alignment = align_files(
            str(corpus / "zh" / f"{name}.zh"),
            str(corpus / "en" / f"{name}.en"),
            AlignOptions(split_lines=True, scorer="lexical"),
        )
        gold = parse_links((corpus / "gold" / f"{name}.align").read_text(encoding="utf-8"))
        counts = count(gold, pairs(alignment))
        per_chapter[name] = round(scores(counts)[0].f1, 3)
        total = total + counts
    strict, lax = scores(total)
    assert strict.f1 >= 0.79, f"strict {strict}, per chapter {per_chapter}"
    assert lax.f1 >= 0.95, f"lax {lax}"


# --- a long omission -----------------------------------------------------------------------

GAP_SIZE = 15
CHAPTER_SIZE = 60


def _chapter_with_gap(corpus: Path) -> tuple[Document, Document, list[LinkIds], int]:
    """The first 60 sentences of chapter 001 with 15 English sentences cut from the middle.

    Returns both documents, the gold links renumbered for the shortened English, and the
    id the first English sentence after the gap now has.
    """
    zh_lines = (corpus / "zh" / "001.zh").read_text(encoding="utf-8").splitlines()
    en_lines = (corpus / "en" / "001.en").read_text(encoding="utf-8").splitlines()
    gold = parse_links((corpus / "gold" / "001.align").read_text(encoding="utf-8"))
    head = [
        (zh, en)
        for zh, en in gold
        if all(i < CHAPTER_SIZE for i in zh) and all(j < CHAPTER_SIZE for j in en)
    ]
    covered_en = sorted(j for _, en in head for j in en)
    assert covered_en == list(range(CHAPTER_SIZE)), "the first 60 sentences close on a link"
    starts = {en[0] for _, en in head if en}
    ends = {en[-1] + 1 for _, en in head if en}
    # Cut at link boundaries nearest the middle, so the gold stays exact.
    gap_start = min(
        (s for s in starts if s + GAP_SIZE in ends),
        key=lambda s: abs(s - (CHAPTER_SIZE - GAP_SIZE) // 2),
    )
    kept = [j for j in range(CHAPTER_SIZE) if not gap_start <= j < gap_start + GAP_SIZE]
    renumber = {old: new for new, old in enumerate(kept)}
    gold_after_cut = [(zh, tuple(renumber[j] for j in en if j in renumber)) for zh, en in head]
    zh_count = max(i for zh, _ in head for i in zh) + 1
    source = Document("001.zh", "zh", tuple(Segment(i, zh_lines[i], 0) for i in range(zh_count)))
    target = Document("001.en", "en", tuple(Segment(k, en_lines[j], 0) for k, j in enumerate(kept)))
    return source, target, gold_after_cut, gap_start


def test_long_omission_is_found_and_alignment_recovers_after_it(shared_dir: Path) -> None:
    source, target, gold, gap_start = _chapter_with_gap(shared_dir / "corpora" / "mac-dev")
    assert len(target.segments) == CHAPTER_SIZE - GAP_SIZE
    assert 15 <= gap_start <= 30

    # Start with a band far narrower than the gap: widening must find the same path as a
    # search that may go anywhere.
    narrow = align_documents(source, target, SCORER, SearchConfig(min_band=1))
    unbounded = align_documents(source, target, SCORER, SearchConfig(min_band=10_000))
    default = align_documents(source, target, SCORER)
    assert narrow.links == unbounded.links == default.links

    gold_zh_of = {j: set(zh) for zh, en in gold for j in en}
    predicted_zh_of = {j: set(link.zh) for link in default.links for j in link.en}
    after_gap = range(gap_start, len(target.segments))
    on_track = [j for j in after_gap if gold_zh_of[j] & predicted_zh_of[j]]
    assert len(on_track) >= 0.75 * len(after_gap), (
        f"only {len(on_track)} of {len(after_gap)} English sentences after the gap are "
        f"linked to one of their Chinese sentences"
    )

    orphaned_zh = {i for zh, en in gold if not en for i in zh}
    left_unlinked = {i for link in default.links if not link.en for i in link.zh}
    assert len(orphaned_zh) >= GAP_SIZE - 3
    assert len(orphaned_zh & left_unlinked) >= 0.75 * len(orphaned_zh)


# --- the link file format and the scores -----------------------------------------------------

id_runs = st.lists(st.integers(min_value=0, max_value=500), max_size=4).map(tuple)


@given(st.lists(st.tuples(id_runs, id_runs), max_size=20))
def test_format_and_parse_links_round_trip(links: list[LinkIds]) -> None:
    text = format_links(links)
    assert parse_links(text) == links
    assert text.count("\n") == len(links)


def test_parse_links_tolerates_spaces_and_blank_lines() -> None:
    text = "[0, 1] : [0]\n\n  []:[1]  \n[2]:[]\n"
    assert parse_links(text) == [((0, 1), (0,)), ((), (1,)), ((2,), ())]


def test_parse_links_names_the_bad_line() -> None:
    with pytest.raises(ValueError, match=r"pred\.align: line 2: expected \[ids\]:\[ids\]"):
        parse_links("[0]:[0]\n0 -> 1\n", "pred.align")


GOLD_EXAMPLE: list[LinkIds] = [
    ((0,), (0,)),
    ((1, 2), (1,)),
    ((3,), (2, 3)),
    ((), (4,)),
    ((4,), (5,)),
    ((5,), (6,)),
]
PREDICTED_EXAMPLE: list[LinkIds] = [
    ((0,), (0,)),  # identical: strict and lax hit
    ((1,), (1,)),  # part of the gold 2:1 link: lax only
    ((2,), ()),  # a null link the gold lacks: a miss in precision, even lax
    ((3,), (2, 3)),  # identical
    ((), (4,)),  # the gold's own null link: a strict hit in precision
    ((4,), (5, 6)),  # overlaps gold [4]:[5]: lax only
    ((5,), ()),  # a miss; gold [5]:[6] is then found by nothing, not even lax
]


def test_official_counts_on_a_hand_made_example() -> None:
    """Worked out by hand the way Vecalign's score.py counts.

    Precision is over all seven predicted links, null links included: strict hits
    [0]:[0], [3]:[2,3] and []:[4] (3 of 7); lax adds [1]:[1] and [4]:[5,6] (5 of 7).
    Recall is over the five gold links with both sides, against the four predicted
    links with both sides: strict 2 of 5; lax 4 of 5 ([5]:[6] shares nothing).
    """
    counts = count(GOLD_EXAMPLE, PREDICTED_EXAMPLE)
    assert counts == Counts(
        strict_hits_pred=3,
        lax_hits_pred=5,
        predicted=7,
        strict_hits_gold=2,
        lax_hits_gold=4,
        gold=5,
    )
    strict, lax = scores(counts)
    assert (strict.precision, strict.recall) == (3 / 7, 2 / 5)
    assert strict.f1 == pytest.approx(12 / 29)
    assert (lax.precision, lax.recall) == (5 / 7, 4 / 5)
    assert lax.f1 == pytest.approx(40 / 53)


def test_a_predicted_null_link_costs_precision_but_never_recall() -> None:
    gold: list[LinkIds] = [((0,), (0,)), ((1,), (1,))]
    with_null: list[LinkIds] = [((0,), (0,)), ((1,), ()), ((), (1,))]
    strict, lax = scores(count(gold, with_null))
    assert strict.precision == lax.precision == pytest.approx(1 / 3)
    assert strict.recall == lax.recall == pytest.approx(1 / 2)


def test_links_empty_on_both_sides_are_ignored() -> None:
    assert count(GOLD_EXAMPLE, [*PREDICTED_EXAMPLE, ((), ())]) == count(
        GOLD_EXAMPLE, PREDICTED_EXAMPLE
    )


def test_counts_are_summed_before_dividing() -> None:
    perfect = count(GOLD_EXAMPLE, GOLD_EXAMPLE)
    assert scores(perfect)[0].f1 == 1.0
    strict, _ = scores(perfect + count(GOLD_EXAMPLE, PREDICTED_EXAMPLE))
    assert strict.precision == pytest.approx((6 + 3) / (6 + 7))
    assert strict.recall == pytest.approx((5 + 2) / (5 + 5))


def test_nothing_predicted_scores_zero_not_an_error() -> None:
    strict, lax = scores(count(GOLD_EXAMPLE, []))
    assert strict.f1 == lax.f1 == 0.0


# --- the lexical scorer ------------------------------------------------------------------


def _prepared(zh: list[str], en: list[str]) -> SpanScorer:
    return SCORER.prepare(_document("zh", zh, [False]), _document("en", en, [False]))


def test_a_sentence_that_repeats_the_translation_adds_no_coverage() -> None:
    """A word two English sentences share is counted once for the Chinese sentence.

    Otherwise a neighbour that only repeats the release's vocabulary would fill up the
    Chinese coverage as well as the real translation of its second half does.
    """
    scorer = _prepared(
        ["海关进出口增长企业口岸。", "数据今天。", "政策。"],
        [
            "Customs imports grew.",
            "Customs imports grew.",
            "Companies ports.",
            "Data today.",
            "Policy.",
        ],
    )
    repeat = scorer.similarity(0, 1, 0, 2)
    rest_of_translation = scorer.similarity(0, 1, 1, 3)
    assert repeat < rest_of_translation


def test_figures_in_chinese_are_not_expected_to_grow_in_english() -> None:
    """ "43.85" stays five characters in English; only Chinese characters are scaled."""
    zh = ["今年进出口总值为四十三万亿元。", "进出口43.85万亿元，增长5.01%。"]
    en = [
        "This year the total value of imports and exports was forty-three trillion yuan.",
        "Trade reached 43.85 trillion yuan, up 5.01%.",
    ]
    lengths = LengthModel.build(zh, en)
    assert lengths.probability(1, 2, 1, 2) > 0.5
    # Scaling every character alike would expect far more English for the figures.
    uniform = LengthModel.build(["今" * 15, "今" * 10 + "，。" + "x" * 10], en)
    assert uniform.probability(1, 2, 1, 2) < lengths.probability(1, 2, 1, 2)


def test_a_glossary_term_counts_in_proportion_to_the_rendering_words_shown() -> None:
    """ "Trade" alone is a third of "largest trader in goods", not the whole term."""
    entry = GlossaryEntry("货物贸易第一大国", "largest trader in goods")
    scorer = LexicalScorer([entry]).prepare(
        _document("zh", ["货物贸易第一大国。", "今天。", "数据。"], [False]),
        _document("en", ["Trade.", "Largest trader in goods.", "Today.", "Data."], [False]),
    )
    word = scorer.similarity(0, 1, 0, 1)
    rendering = scorer.similarity(0, 1, 1, 2)
    assert word < rendering
    assert rendering == pytest.approx(1.0)


def test_chinese_copied_into_the_english_pairs_with_its_source() -> None:
    scorer = _prepared(
        ["海关进出口增长。", "成绩来之不易。", "数据今天。"],
        ["Customs imports grew.", "成绩来之不易。", "Data today."],
    )
    assert scorer.similarity(1, 2, 1, 2) > max(
        scorer.similarity(1, 2, 0, 1), scorer.similarity(1, 2, 2, 3)
    )
