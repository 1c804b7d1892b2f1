"""Length check: a link whose English is far shorter or longer than its Chinese predicts.

A partial omission (a clause dropped from a long sentence) leaves a link with both sides
filled, so the omission check cannot see it; the length ratio can. Ratios differ between
genres (terse press Chinese expands more in English than literary Chinese does), so each
link's log ratio is measured against the median of its own document and scaled by a
robust spread, measured on real translations, that is wider for short sentences.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator, Sequence

from aligner.checks.base import CheckContext, link_texts, whole
from aligner.model import Alignment, Finding, Severity

NAME = "length"

# Links shorter than this carry too few characters for their ratio to mean anything.
MIN_ZH_CHARS = 8
MIN_EN_CHARS = 20

# Calibrated by benchmarks/calibrate_length.py on the MAC-Dev gold alignments (6 chapters,
# 1,278 gold links long enough to measure). A link's log(en/zh) ratio minus its document's
# median is divided by a robust spread (1.4826 x median absolute deviation) that shrinks as
# the Chinese gets longer: fitted over six length bins, variance = 0.0194 + 1.065 / chars,
# i.e. 0.39 at 8 characters, 0.27 at 20, 0.20 at 50. Pooled z-score quantiles:
# 0.5% = -3.93, 1% = -3.29, 2.5% = -2.59, 97.5% = +1.85, 99.5% = +2.47. The lower tail is
# heavier because literary translators condense; press translation is more literal, so these
# bounds are conservative for releases. Warnings sit at the 1% (short: omission is the
# costlier mistake) and 99.5% (long) quantiles, infos at 2.5% and 97.5%. On the gold links
# that gives 1.6% warnings and 3.0% infos; English cut to half its words gives a warning on
# 39% of links and at least an info on 62%, cut to 30% a warning on 92%.
# Re-derive with: .venv/bin/python benchmarks/calibrate_length.py
BASE_VARIANCE = 0.0194
PER_CHAR_VARIANCE = 1.065
WARN_SHORT_Z = -3.3
INFO_SHORT_Z = -2.6
INFO_LONG_Z = 1.9
WARN_LONG_Z = 2.5

# A document with fewer measurable links than this has no trustworthy median of its own. The
# fallback ratio is the median of the MAC-Dev chapter medians (3.9 English characters per
# Chinese character); the paragraphs of the GACC release in samples/ give a similar 4.0.
MIN_LINKS_FOR_MEDIAN = 5
FALLBACK_LOG_RATIO = math.log(3.9)


def zh_length(text: str) -> int:
    """Chinese length in characters, ignoring any whitespace a converter left behind."""
    return sum(1 for char in text if not char.isspace())


def en_length(text: str) -> int:
    """English length in characters with whitespace runs counted as one space."""
    return len(" ".join(text.split()))


def log_ratio(zh: str, en: str) -> float | None:
    """log(English length / Chinese length), or None when the link is too short to judge."""
    zh_chars, en_chars = zh_length(zh), en_length(en)
    if zh_chars < MIN_ZH_CHARS or en_chars < MIN_EN_CHARS:
        return None
    return math.log(en_chars / zh_chars)


def typical_log_ratio(ratios: Sequence[float]) -> float:
    """The document's own typical ratio, robust to the very outliers this check hunts."""
    if len(ratios) < MIN_LINKS_FOR_MEDIAN:
        return FALLBACK_LOG_RATIO
    return statistics.median(ratios)


def ratio_spread(zh_chars: int) -> float:
    """Expected spread of the log ratio: short sentences vary more than long ones."""
    return math.sqrt(BASE_VARIANCE + PER_CHAR_VARIANCE / zh_chars)


def length_z_score(ratio: float, typical: float, zh_chars: int) -> float:
    """How many robust standard deviations a link's ratio lies from the document's norm."""
    return (ratio - typical) / ratio_spread(zh_chars)


def check_length(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    measured: list[tuple[tuple[int, ...], tuple[int, ...], str, str, float]] = []
    for link in alignment.links:
        if not link.zh or not link.en:
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        ratio = log_ratio(zh, en)
        if ratio is not None:
            measured.append((link.zh, link.en, zh, en, ratio))
    typical = typical_log_ratio([entry[4] for entry in measured])
    for zh_ids, en_ids, zh, en, ratio in measured:
        z = length_z_score(ratio, typical, zh_length(zh))
        severity = _severity(z)
        if severity is None:
            continue
        yield Finding(
            check=NAME,
            severity=severity,
            zh_ids=zh_ids,
            en_ids=en_ids,
            zh=zh,
            en=en,
            message=_message(z, zh, en, typical, severity),
            key="short" if z < 0 else "long",
            en_spans=whole(en),
        )


def _severity(z: float) -> Severity | None:
    if z <= WARN_SHORT_Z or z >= WARN_LONG_Z:
        return Severity.WARNING
    if z <= INFO_SHORT_Z or z >= INFO_LONG_Z:
        return Severity.INFO
    return None


def _message(z: float, zh: str, en: str, typical: float, severity: Severity) -> str:
    zh_chars, en_chars = zh_length(zh), en_length(en)
    expected = round(zh_chars * math.exp(typical))
    degree = "unusually" if severity is Severity.WARNING else "somewhat"
    figures = (
        f"{en_chars} English characters for {zh_chars} Chinese characters; "
        f"this document's usual ratio would give about {expected}"
    )
    if z < 0:
        return (
            f"English is {degree} short for the Chinese: possible partial omission "
            f"({figures}). Check that every clause of the Chinese is translated."
        )
    return (
        f"English is {degree} long for the Chinese: possible addition or misalignment "
        f"({figures}). Check that the English says only what the Chinese says."
    )
