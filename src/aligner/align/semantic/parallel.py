"""Encoding a batch of texts on every core, with the BLAS library kept to one thread.

The bundled model runs on numpy, whose BLAS starts a thread per core for every matrix
product. Its products are small (a few hundred tokens at a time), so those threads spend
more time waiting for each other than working, and when anything else runs on the
machine (a batch's other worker, a second job) they spin against it: on a 2-core machine
under load, encoding took 2.5 to 7 times as long with two BLAS threads as with one.
Splitting the texts across Python threads instead keeps every core busy with whole
products of its own; numpy releases the interpreter lock while it multiplies.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from threadpoolctl import threadpool_limits

from aligner.align.semantic.encoder import FloatArray

# Fewer texts than this per thread and the threads' start-up outweighs what they save.
MIN_TEXTS_PER_THREAD = 16


def usable_cores() -> int:
    """Cores this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity masks
        return max(1, os.cpu_count() or 1)


def split_by_length(texts: Sequence[str], parts: int) -> list[Sequence[str]]:
    """``texts`` cut into at most ``parts`` consecutive runs of about equal total length.

    Encoding cost follows the number of tokens, not of texts, and a document's windows
    come sorted by size (all single sentences first, the longest windows last), so equal
    counts would leave one thread with most of the work.
    """
    if parts <= 1 or len(texts) <= 1:
        return [texts]
    total = sum(len(text) + 1 for text in texts)
    runs: list[Sequence[str]] = []
    start = 0
    done = 0
    for index, text in enumerate(texts):
        done += len(text) + 1
        remaining_parts = parts - len(runs) - 1
        if remaining_parts and done * parts >= total * (len(runs) + 1):
            runs.append(texts[start : index + 1])
            start = index + 1
    if start < len(texts):
        runs.append(texts[start:])
    return runs


def encode_in_parallel(
    encode: Callable[[Sequence[str]], FloatArray], texts: Sequence[str], workers: int
) -> FloatArray:
    """``encode(texts)``, computed in up to ``workers`` threads, rows in the order given."""
    workers = min(workers, len(texts) // MIN_TEXTS_PER_THREAD)
    with threadpool_limits(limits=1, user_api="blas"):
        if workers <= 1:
            return np.asarray(encode(texts), dtype=np.float32)
        runs = split_by_length(texts, workers)
        with ThreadPoolExecutor(max_workers=len(runs)) as pool:
            parts = list(pool.map(encode, runs))
    return np.vstack([np.asarray(part, dtype=np.float32) for part in parts])
