"""The checks' linear-time forms give the findings the direct definitions give.

Long documents made a few checks quadratic: each link re-joined its whole paragraph, a
closing bracket searched the whole text before it for a list marker, and each English
glossary hit was compared with every hit kept so far. These tests compare the faster
forms with the plain definitions they replace, on generated inputs.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.checks import punctuation
from aligner.checks.chrome import _COOKIE_NOTICE
from aligner.checks.omission import Neighbours
from aligner.checks.punctuation import _after_list_marker, _OpenInParagraphs, unbalanced_pairs
from aligner.glossary.match import _without_overlaps
from aligner.model import Alignment, Document, Link, Segment, TermHit, TermStatus

_LIST_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})$")
_TEXT = st.text(alphabet='ab xiv12()[]“”"\n.', max_size=40)


@given(_TEXT)
def test_list_markers_are_found_as_a_search_of_the_whole_prefix_finds_them(text: str) -> None:
    for index, char in enumerate(text):
        if char == ")":
            assert _after_list_marker(text, index) == bool(_LIST_MARKER.search(text[:index]))


def _paragraph_pairs(document: Document, ids: list[int]) -> set[str]:
    """The definition: every sentence of the link's paragraphs, joined, in order."""
    paragraphs = {document.segments[i].paragraph for i in ids}
    text = " ".join(s.text for s in document.segments if s.paragraph in paragraphs)
    return set(unbalanced_pairs(text))


@settings(max_examples=60)
@given(st.lists(st.tuples(_TEXT, st.integers(0, 3)), min_size=1, max_size=12), st.data())
def test_open_pairs_per_paragraph_match_the_joined_paragraph(
    sentences: list[tuple[str, int]], data: st.DataObject
) -> None:
    document = Document(
        "en.txt",
        "en",
        tuple(Segment(i, text, paragraph) for i, (text, paragraph) in enumerate(sentences)),
    )
    open_pairs = _OpenInParagraphs(document)
    for _ in range(4):
        ids = data.draw(st.lists(st.integers(0, len(sentences) - 1), min_size=1, max_size=3))
        assert open_pairs.pairs(ids) == _paragraph_pairs(document, ids)


def test_a_quotation_open_across_a_long_paragraph_is_still_told_apart() -> None:
    sentences = [f"“Verse {n}, he said," for n in range(300)] + ["and so it ended.”"]
    document = Document("en.txt", "en", tuple(Segment(i, t, 0) for i, t in enumerate(sentences)))
    open_pairs = _OpenInParagraphs(document)
    assert open_pairs.pairs([5]) == _paragraph_pairs(document, [5]) == {"“"}
    assert open_pairs.pairs([300]) == {"“"}
    assert punctuation.unbalanced_marks("(1) a; 2) b") == []


def _overlap_definition(hits: list[TermHit]) -> list[TermHit]:
    kept: list[TermHit] = []
    for hit in sorted(hits, key=lambda h: (h.segment_id, -(h.end - h.start), h.start)):
        if not any(
            k.segment_id == hit.segment_id and k.start < hit.end and hit.start < k.end for k in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.segment_id, h.start))


_HIT = st.builds(
    lambda segment, start, length, term: TermHit(
        "en", segment, start, start + length, term, term, TermStatus.PREFERRED
    ),
    st.integers(0, 4),
    st.integers(0, 30),
    st.integers(1, 8),
    st.sampled_from(["海关", "口岸", "贸易"]),
)


@given(st.lists(_HIT, max_size=30))
def test_overlapping_hits_are_dropped_as_before(hits: list[TermHit]) -> None:
    assert _without_overlaps(hits) == _overlap_definition(hits)


_COOKIE_WORDS = st.sampled_from(
    ["cookie", "COOKIES", "website", "site", "browse", "we use", "agree", "网站", "使用", " ", "\n"]
)


@given(st.lists(_COOKIE_WORDS | st.text(max_size=3), max_size=12))
def test_a_cookie_notice_is_found_from_the_start_as_a_search_finds_it(parts: list[str]) -> None:
    text = "".join(parts)
    assert bool(_COOKIE_NOTICE.match(text)) == bool(_COOKIE_NOTICE.search(text))


def _walk(alignment: Alignment, index: int, side: str, step: int) -> str | None:
    """The definition: step from the link until one has text on ``side``."""
    document = alignment.source if side == "zh" else alignment.target
    index += step
    while 0 <= index < len(alignment.links):
        ids = alignment.links[index].zh if side == "zh" else alignment.links[index].en
        if ids:
            return document.texts(ids)
        index += step
    return None


@given(st.lists(st.sampled_from(["zh", "en", "both"]), min_size=1, max_size=25))
def test_neighbours_are_the_nearest_links_with_text(shapes: list[str]) -> None:
    links, zh_count, en_count = [], 0, 0
    for shape in shapes:
        zh = (zh_count,) if shape in ("zh", "both") else ()
        en = (en_count,) if shape in ("en", "both") else ()
        zh_count += len(zh)
        en_count += len(en)
        links.append(Link(zh, en, 1.0))
    source = Document("zh.txt", "zh", tuple(Segment(i, f"句{i}", 0) for i in range(zh_count)))
    target = Document("en.txt", "en", tuple(Segment(i, f"s{i}", 0) for i in range(en_count)))
    alignment = Alignment(source, target, tuple(links))
    for side in ("zh", "en"):
        neighbours = Neighbours(alignment, side)
        for index in range(len(links)):
            for step in (-1, 1):
                assert neighbours.text(index, step) == _walk(alignment, index, side, step)
