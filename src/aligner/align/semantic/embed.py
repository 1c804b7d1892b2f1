"""Embedding a document's sentences: each distinct text once, cached ones never.

The encoder is called in batches (the model parallelises across a batch) and only for
texts the cache does not hold, so aligning a revised translation embeds just the
sentences that changed.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.align.semantic.cache import EmbeddingCache
from aligner.align.semantic.encoder import Encoder, FloatArray
from aligner.align.semantic.progress import ProgressCallback

BATCH_SIZE = 128


@dataclass(frozen=True)
class EmbeddingStats:
    """What one embedding step cost, for ``--verbose`` timings.

    ``distinct`` texts were either found in the cache or encoded.
    """

    texts: int
    distinct: int
    from_cache: int
    encoded: int
    seconds: float


def embed_texts(
    texts: Sequence[str],
    encoder: Encoder,
    cache: EmbeddingCache | None = None,
    progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
) -> tuple[FloatArray, EmbeddingStats]:
    """Vectors for ``texts`` (one row each, in order) and what producing them cost."""
    started = time.perf_counter()
    distinct = list(dict.fromkeys(texts))
    known = cache.lookup(encoder.name, distinct) if cache is not None else {}
    missing = [t for i, t in enumerate(distinct) if i not in known]
    vectors: dict[str, FloatArray] = {distinct[i]: v for i, v in known.items()}
    if progress is not None and missing:
        progress(0, len(missing))
    _encode_into(vectors, missing, encoder, cache, progress, batch_size)
    # Every vector of one model has one size; a cached row of another size is damaged.
    sizes = Counter(len(v) for v in vectors.values())
    if len(sizes) > 1:
        expected = _encoded_size(vectors, missing) or sizes.most_common(1)[0][0]
        wrong = [t for t, v in vectors.items() if len(v) != expected]
        _encode_into(vectors, wrong, encoder, cache, None, batch_size)
        known = {i: v for i, v in known.items() if distinct[i] not in wrong}
        missing += wrong
    if texts:
        matrix = np.vstack([vectors[t] for t in texts]).astype(np.float32)
    else:
        matrix = np.zeros((0, 0), dtype=np.float32)
    stats = EmbeddingStats(
        len(texts), len(distinct), len(known), len(missing), time.perf_counter() - started
    )
    return matrix, stats


def _encoded_size(vectors: dict[str, FloatArray], encoded: Sequence[str]) -> int | None:
    """The vector size the encoder itself produced in this run, if it ran."""
    return len(vectors[encoded[0]]) if encoded else None


def _encode_into(
    vectors: dict[str, FloatArray],
    texts: Sequence[str],
    encoder: Encoder,
    cache: EmbeddingCache | None,
    progress: ProgressCallback | None,
    batch_size: int,
) -> None:
    """Encode ``texts`` batch by batch, storing each batch in ``vectors`` and the cache."""
    for start in range(0, len(texts), batch_size):
        batch = texts[start : start + batch_size]
        encoded = np.asarray(encoder.encode(batch), dtype=np.float32)
        if encoded.ndim != 2 or encoded.shape[0] != len(batch):
            raise ValueError(
                f"encoder {encoder.name} returned shape {encoded.shape} for {len(batch)} texts"
            )
        if cache is not None:
            cache.store(encoder.name, batch, encoded)
        vectors.update(zip(batch, encoded, strict=True))
        if progress is not None:
            progress(min(start + batch_size, len(texts)), len(texts))
