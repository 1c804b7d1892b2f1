"""The ``number`` check: figures of a link that disagree between Chinese and English.

The Chinese is authoritative, so a Chinese figure that the English lacks or changes is an
error and an English figure the Chinese lacks only a warning. Translators must be able to
trust the check, so the figures that are routinely rendered without digits (the ordinal
"first", a spelled-out "两" that becomes "both") are held to a lower standard.
"""

from __future__ import annotations

from collections.abc import Iterator

from aligner.checks.base import CheckContext, link_finding, link_texts
from aligner.language.numbers import (
    Quantity,
    QuantityDiff,
    compare_quantities,
    extract_quantities,
    format_value,
)
from aligner.model import Alignment, Finding, Link, Severity, Span

NAME = "number"

# Spelled-out Chinese figures up to this value are often translated by words that are no
# figure at all ("两国" -> "both countries", "三年" -> "a three-year"), so their absence is
# only worth a warning.
_SMALL_SPELLED_OUT = 10


def check_numbers(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    """Yield a finding for every figure of a link that the translation drops or changes."""
    del context  # figures need neither the glossary nor a reference translation
    for link in alignment.links:
        if not link.zh or not link.en:
            continue
        zh_text, en_text = link_texts(alignment, link.zh, link.en)
        diffs = compare_quantities(
            extract_quantities(zh_text, "zh"), extract_quantities(en_text, "en")
        )
        for diff in diffs:
            judged = _judge(diff)
            if judged is not None:
                severity, message = judged
                yield _finding(link, zh_text, en_text, severity, message, diff)


def _finding(
    link: Link, zh: str, en: str, severity: Severity, message: str, diff: QuantityDiff
) -> Finding:
    """Keyed by the figure (the Chinese one when there is one: the Chinese prevails)."""
    anchor = diff.zh if diff.zh is not None else diff.en
    key = format_value(anchor) if anchor is not None else diff.kind
    if diff.zh is None and diff.en is not None:
        key = f"English {key}"
    return link_finding(
        NAME,
        link,
        zh,
        en,
        severity,
        message,
        key=key,
        zh_spans=_span(diff.zh),
        en_spans=_span(diff.en),
    )


def _span(quantity: Quantity | None) -> tuple[Span, ...]:
    return () if quantity is None else ((quantity.start, quantity.end),)


def _is_first(quantity: Quantity) -> bool:
    """The ordinal 1, which English says as "first", "top", "largest" or "leading"."""
    return quantity.kind == "ordinal" and quantity.value == 1


def _chinese(quantity: Quantity) -> str:
    value = format_value(quantity)
    if value == quantity.text:
        return quantity.text
    return f"{quantity.text} ({value})"


def _english(quantity: Quantity) -> str:
    value = format_value(quantity)
    if value == quantity.text:
        return f'"{quantity.text}"'
    return f'"{quantity.text}" ({value})'


def _judge(diff: QuantityDiff) -> tuple[Severity, str] | None:
    zh, en = diff.zh, diff.en
    if diff.kind == "missing" and zh is not None:
        if _is_first(zh):
            return None
        message = f"Chinese has {_chinese(zh)}; English has no such figure"
        if zh.spelled_out and zh.kind == "number" and zh.value <= _SMALL_SPELLED_OUT:
            return Severity.WARNING, message + " (it may be rendered in words)"
        return Severity.ERROR, message
    if diff.kind == "extra" and en is not None:
        if _is_first(en):
            return None
        return Severity.WARNING, f"English has {_english(en)}, which is not in the Chinese"
    if zh is None or en is None:
        return None
    if diff.kind == "different":
        return Severity.ERROR, f"Chinese has {_chinese(zh)}; English has {_english(en)}"
    if diff.kind == "rounded":
        return Severity.INFO, f"rounded: {zh.text} written as {en.text}"
    if diff.kind == "points_vs_percent":
        return (
            Severity.WARNING,
            f"Chinese has {zh.text} ({_ratio_kind(zh)}); "
            f'English has "{en.text}" ({_ratio_kind(en)})',
        )
    if diff.kind == "year_omitted":
        return (
            Severity.WARNING,
            f'Chinese has {_chinese(zh)}; English "{en.text}" gives no year, '
            "and the year is nowhere else in the sentence",
        )
    return None


def _ratio_kind(quantity: Quantity) -> str:
    return "percentage points" if quantity.kind == "points" else "percent"
