"""How alike a window of Chinese sentences and a window of English ones are, by embedding.

A link's score is the cosine of its two window vectors, less a margin, times a length
agreement, as Bertalign scores its links:

- the margin is the windows' mean closeness to the other document's average sentence
  (outside the other window). Raw cosines of a multilingual encoder sit in a narrow,
  model-specific band, and some texts are close to everything (short exclamations,
  dialogue tags); subtracting what a window shares with *any* sentence of the other side
  (the hubness correction of CSLS and Vecalign) leaves what it shares with this one. On
  MAC-Dev this document-wide margin beat Bertalign's margin against the neighbouring
  sentences by a point of F1;
- the length agreement is log2(1 + shorter / longer) of the two sides' lengths, the
  Chinese one converted into expected English characters (see ``length.py``, which
  keeps figures and Latin letters one for one): 1 for equal lengths, 0.58 for one side
  twice the other.

A score near 0 means unrelated text; a good one-to-one translation scores 0.3–0.6 with
USE.
"""

from __future__ import annotations

import math

import numpy as np

from aligner.align.length import LengthModel
from aligner.align.semantic.windows import DOT_UNIT, CrossDots, WindowSide

_CANDIDATES = 4


class WindowSpanScorer:
    """Window similarity for one document pair and one encoder.

    ``hub_weight`` scales the margin (0 turns it off); ``lengths`` gives the length
    agreement (None leaves it out); ``scale`` multiplies the result, to put encoders
    with narrower cosine ranges on one scale.
    """

    def __init__(
        self,
        zh: WindowSide,
        en: WindowSide,
        lengths: LengthModel | None,
        hub_weight: float = 1.0,
        scale: float = 1.0,
    ) -> None:
        if zh.dimension and en.dimension and zh.dimension != en.dimension:
            raise ValueError("the two sides were embedded with different dimensions")
        self._zh = zh
        self._en = en
        zh.set_other(en.sentence_total)
        en.set_other(zh.sentence_total)
        self._dots = CrossDots(zh, en)
        # Cumulative expected English length of the Chinese side, and actual length.
        self._expected = list(lengths.zh_cumulative) if lengths is not None else None
        self._actual = list(lengths.en_cumulative) if lengths is not None else []
        self._hub = hub_weight / 2
        self._scale = scale

    def cosine(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Cosine of the two windows' vectors; spans are half-open and non-empty."""
        a, b = zh_end - zh_start, en_end - en_start
        dot = self._dots.dot(zh_start, a, en_start, b)
        return dot * self._zh.scale_row(a)[0][zh_start] * self._en.scale_row(b)[0][en_start]

    def score(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """The cosine less the margin, before the length agreement.

        Each window's closeness to the other side's average sentence is taken over the
        sentences *outside* the other window: otherwise the counterpart itself is part
        of the average, which in a short document (a title, a two-sentence notice)
        cancels the very similarity being measured.
        """
        a, b = zh_end - zh_start, en_end - en_start
        dot = self._dots.dot
        zh_inverse, zh_totals = self._zh.scale_row(a)
        en_inverse, en_totals = self._en.scale_row(b)
        zh_scale, en_scale = zh_inverse[zh_start], en_inverse[en_start]
        cosine = dot(zh_start, a, en_start, b) * zh_scale * en_scale
        margin = 0.0
        en_rest = self._en.sentences - b
        if en_rest > 0:
            own = 0.0
            for j in range(en_start, en_end):
                own += dot(zh_start, a, j, 1)
            margin += (zh_totals[zh_start] - own * zh_scale) / en_rest
        zh_rest = self._zh.sentences - a
        if zh_rest > 0:
            own = 0.0
            for i in range(zh_start, zh_end):
                own += dot(i, 1, en_start, b)
            margin += (en_totals[en_start] - own * en_scale) / zh_rest
        return cosine - self._hub * margin

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        if zh_start == zh_end or en_start == en_end:
            return 0.0
        value = self._scale * self.score(zh_start, zh_end, en_start, en_end)
        expected = self._expected
        if expected is None:
            return value
        zh_length = expected[zh_end] - expected[zh_start]
        en_length = self._actual[en_end] - self._actual[en_start]
        longer = zh_length if zh_length > en_length else en_length
        if longer <= 0:
            return value
        shorter = en_length if zh_length > en_length else zh_length
        return value * math.log2(1.0 + shorter / longer)

    def candidates(self, zh_index: int, en_lo: int, en_hi: int) -> list[int]:
        """The English sentences in [en_lo, en_hi) closest to one Chinese sentence."""
        if en_hi <= en_lo:
            return []
        vector = self._zh.block(1, zh_index, zh_index + 1)[0]
        dots = (self._en.block(1, en_lo, en_hi) @ vector) * DOT_UNIT
        norms = self._en.norms(1)[en_lo:en_hi]
        hubs = self._en.totals(1)[en_lo:en_hi] / max(1, self._zh.sentences)
        scores = dots / norms - hubs * self._hub
        count = min(_CANDIDATES, len(scores))
        best = np.argpartition(-scores, count - 1)[:count].tolist()
        best.sort(key=lambda k: (-float(scores[k]), k))
        return [en_lo + k for k in best]


def length_agreement(
    lengths: LengthModel, zh_start: int, zh_end: int, en_start: int, en_end: int
) -> float:
    """log2(1 + shorter / longer) of the expected and the actual English length."""
    expected = lengths.zh_cumulative[zh_end] - lengths.zh_cumulative[zh_start]
    actual = lengths.en_cumulative[en_end] - lengths.en_cumulative[en_start]
    longer = max(expected, actual)
    if longer <= 0:
        return 1.0
    return math.log2(1.0 + min(expected, actual) / longer)
