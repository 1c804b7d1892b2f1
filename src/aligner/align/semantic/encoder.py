"""What the semantic scorer needs from a sentence-embedding model, and nothing more.

Keeping the model behind this protocol lets tests use a tiny fake encoder and lets a
stronger model replace the first one without touching the scorer or the cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from aligner.align.semantic import SemanticUnavailable

FloatArray = npt.NDArray[np.float32]


class Encoder(Protocol):
    """A multilingual sentence encoder.

    ``name`` must change whenever the vectors would (another model, version or input
    prefix): the embedding cache is keyed by it.
    """

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """One L2-normalised row per text, in order; shape (len(texts), dimension)."""
        ...


class EncoderUnavailable(SemanticUnavailable):
    """The model's package is installed but cannot be loaded (or has gone missing)."""
