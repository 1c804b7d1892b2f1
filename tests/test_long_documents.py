"""The paths that keep a book-length alignment linear in time and bounded in memory.

A long document is worked through in pieces: anchor candidates a chunk of Chinese
sentences at a time, background coverage a chunk at a time, and links asked one at a
time with only the most recent look-ups remembered. Each piece must give exactly what
the whole would; these tests compare them on documents made long by repetition (the
sample release several times over), and check that such a document is still aligned
with every sentence once, in order. Nothing here is timed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from aligner.align import align_documents, make_scorer
from aligner.align import anchors as anchors_module
from aligner.align import evidence as evidence_module
from aligner.align.anchors import find_anchors
from aligner.align.length import LengthModel
from aligner.align.lexical import LexicalScorer, LexicalSpanScorer
from aligner.model import Document
from aligner.pipeline import load_pair

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _repeated(document: Document, times: int) -> Document:
    """The document ``times`` times over, each copy in paragraphs of its own."""
    paragraphs = 1 + max((s.paragraph for s in document.segments), default=0)
    segments = tuple(
        replace(
            segment,
            id=copy * len(document.segments) + segment.id,
            paragraph=copy * paragraphs + segment.paragraph,
        )
        for copy in range(times)
        for segment in document.segments
    )
    return Document(document.path, document.lang, segments)


@pytest.fixture(scope="module")
def sample() -> tuple[Document, Document]:
    return load_pair(
        str(SAMPLES / "gacc-2025-01-13.zh.txt"), str(SAMPLES / "gacc-2025-01-13.en.txt")
    )


def _prepared(source: Document, target: Document) -> LexicalSpanScorer:
    return LexicalScorer().prepare(source, target)


def _lengths(source: Document, target: Document) -> LengthModel:
    return LengthModel.build([s.text for s in source.segments], [s.text for s in target.segments])


def test_anchors_found_chunk_by_chunk_are_those_found_at_once(
    sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    zh, en = sample
    scorer = _prepared(zh, en)
    lengths = _lengths(zh, en)
    monkeypatch.setattr(anchors_module, "ANCHOR_CHUNK", 10**9)
    whole = find_anchors(scorer, lengths)
    assert len(whole) >= 10
    for chunk in (1, 3, 7, 16):
        monkeypatch.setattr(anchors_module, "ANCHOR_CHUNK", chunk)
        assert find_anchors(scorer, lengths) == whole


def test_background_worked_out_in_chunks_is_the_same(
    sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    zh, en = (_repeated(d, 3) for d in sample)
    monkeypatch.setattr(evidence_module, "_BASELINE_CHUNK", 10**9)
    whole = _prepared(zh, en)._evidence
    monkeypatch.setattr(evidence_module, "_BASELINE_CHUNK", 5)
    chunked = _prepared(zh, en)._evidence
    assert np.array_equal(whole.zh.base, chunked.zh.base)
    assert np.array_equal(whole.en.base, chunked.en.base)
    assert whole.zh.base.any() and whole.en.base.any()


def test_links_asked_one_at_a_time_remember_a_bounded_number_of_look_ups(
    sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    zh, en = (_repeated(d, 4) for d in sample)
    remembered = _prepared(zh, en)
    monkeypatch.setattr(evidence_module, "SENTENCES_REMEMBERED", 8)
    monkeypatch.setattr(evidence_module, "PAIRS_REMEMBERED", 16)
    forgetful = _prepared(zh, en)
    n, m = len(zh.segments), len(en.segments)
    links = [
        (i, i + a, j, j + b)
        for i in range(0, n - 2)
        for j in (i * m // n, i * m // n + 1)
        for a, b in ((1, 1), (1, 2), (2, 1))
        if j + b <= m
    ]
    for link in links + links:  # a second sweep finds the first one's look-ups gone
        assert forgetful.similarity(*link) == remembered.similarity(*link)
    evidence = forgetful._evidence
    assert evidence._offer_map.cache_info().currsize <= 8
    assert evidence._en_keys_of.cache_info().currsize <= 8
    assert evidence._pair_bits.cache_info().currsize <= 16
    assert evidence._zh_relative.cache_info().currsize <= 16
    assert evidence._en_relative.cache_info().currsize <= 16
    assert evidence._offer_map.cache_info().misses > n


def test_a_repeated_document_links_every_sentence_once_in_order(
    sample: tuple[Document, Document],
) -> None:
    zh, en = (_repeated(d, 6) for d in sample)
    alignment = align_documents(zh, en, make_scorer("lexical"))
    assert [i for link in alignment.links for i in link.zh] == list(range(len(zh.segments)))
    assert [j for link in alignment.links for j in link.en] == list(range(len(en.segments)))


def test_two_copies_are_aligned_copy_with_copy(sample: tuple[Document, Document]) -> None:
    zh, en = sample
    n, m = len(zh.segments), len(en.segments)
    alignment = align_documents(_repeated(zh, 2), _repeated(en, 2), make_scorer("lexical"))
    linked = [link for link in alignment.links if link.zh and link.en]
    assert linked
    assert all({i // n for i in link.zh} == {j // m for j in link.en} for link in linked)
