"""Encoding on several threads: same rows, same order, BLAS kept to one thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from aligner.align.semantic.encoder import FloatArray
from aligner.align.semantic.parallel import (
    MIN_TEXTS_PER_THREAD,
    encode_in_parallel,
    split_by_length,
)


def fake_encode(texts: Sequence[str]) -> FloatArray:
    """A row per text that only that text gives: its length and its first character."""
    return np.array([[len(text), ord(text[0])] for text in texts], dtype=np.float32)


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_split_keeps_every_text_once_in_order(parts: int) -> None:
    texts = [f"{'x' * (i % 9 + 1)}{i}" for i in range(50)]
    runs = split_by_length(texts, parts)
    assert [text for run in runs for text in run] == texts
    assert 1 <= len(runs) <= parts
    assert all(runs)


def test_split_balances_length_not_count() -> None:
    # Windows come shortest first: equal counts would give the second thread most of the text.
    texts = ["a"] * 90 + ["b" * 90] * 10
    first, second = split_by_length(texts, 2)
    assert len(first) > len(second)
    total = sum(map(len, texts))
    assert abs(sum(map(len, first)) - total / 2) <= 91


def test_parallel_rows_match_serial_ones() -> None:
    texts = [f"sentence {i} " + "w" * (i % 13) for i in range(5 * MIN_TEXTS_PER_THREAD)]
    calls: list[tuple[int, int]] = []

    def recording(batch: Sequence[str]) -> FloatArray:
        calls.append((threading.get_ident(), len(batch)))
        return fake_encode(batch)

    rows = encode_in_parallel(recording, texts, workers=3)
    assert np.array_equal(rows, fake_encode(texts))
    assert len(calls) == 3
    assert sum(size for _, size in calls) == len(texts)
    assert threading.get_ident() not in {thread for thread, _ in calls}


def test_few_texts_stay_on_the_calling_thread() -> None:
    texts = ["一", "二", "三"]
    seen: list[int] = []

    def recording(batch: Sequence[str]) -> FloatArray:
        seen.append(threading.get_ident())
        return fake_encode(batch)

    rows = encode_in_parallel(recording, texts, workers=4)
    assert np.array_equal(rows, fake_encode(texts))
    assert seen == [threading.get_ident()]


def test_blas_runs_one_thread_while_encoding() -> None:
    observed: list[int] = []

    def observing(batch: Sequence[str]) -> FloatArray:
        observed.extend(
            info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"
        )
        return fake_encode(batch)

    encode_in_parallel(observing, ["text"] * (4 * MIN_TEXTS_PER_THREAD), workers=2)
    assert observed, "numpy's BLAS library was not found"
    assert set(observed) == {1}
