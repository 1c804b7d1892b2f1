"""Figures in Chinese and English text, normalised so that the two languages compare.

"43.85万亿元" and "RMB43.85 trillion" both become 43850000000000; "2025年1月13日" and
"January 13, 2025" both become the date 20250113. The aligner uses the figures as anchors
(:func:`anchor_keys`), the ``number`` check uses them to find figures that a translation
got wrong (:func:`compare_quantities`).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from aligner.language.dates import MONTH_NAMES
from aligner.language.en_quantities import extract_en
from aligner.language.quantity import Kind, Quantity
from aligner.language.quantity_match import (
    DiffKind,
    QuantityDiff,
    compare_quantities,
    within_approximation,
    within_rounding,
)
from aligner.language.zh_quantities import extract_zh
from aligner.model import Lang

__all__ = [
    "DiffKind",
    "Kind",
    "Lang",
    "Quantity",
    "QuantityDiff",
    "anchor_keys",
    "compare_quantities",
    "extract_quantities",
    "format_value",
    "within_approximation",
    "within_rounding",
]


def extract_quantities(text: str, lang: Lang) -> list[Quantity]:
    """Every figure in ``text``, in reading order, with offsets into ``text``."""
    return list(_extract(text, lang))


@lru_cache(maxsize=4096)
def _extract(text: str, lang: Lang) -> tuple[Quantity, ...]:
    if lang == "zh":
        return tuple(extract_zh(text))
    if lang == "en":
        return tuple(extract_en(text))
    raise ValueError(f"unknown language {lang!r}; expected 'zh' or 'en'")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


@lru_cache(maxsize=16384)
def anchor_keys(text: str, lang: Lang) -> frozenset[str]:
    """Keys that a Chinese sentence and its English translation share when they share a figure.

    Ordinals share the ``n:`` key of numbers ("第15" / "15 consecutive years"); a full
    date also gives its month and day, so "1月13日" and "January 13, 2025" meet, and its
    month, so a date with a mistyped day still pairs with its line (and the ``number``
    check then sees the slip). The ordinal 1 is left out: "first" is too common in
    English to say anything.
    """
    keys: set[str] = set()
    for quantity in _extract(text, lang):
        value = int(quantity.value) if quantity.family in {"calendar", "year"} else 0
        if quantity.kind == "number" or (quantity.kind == "ordinal" and quantity.value != 1):
            keys.add("n:" + _plain(quantity.value))
        elif quantity.kind == "percent":
            keys.add("p:" + _plain(quantity.value))
        elif quantity.kind == "points":
            keys.add("pt:" + _plain(quantity.value))
        elif quantity.kind == "year":
            keys.add(f"y:{value}")
        elif quantity.kind == "date":
            year, month, day = value // 10000, value // 100 % 100, value % 100
            keys.add(f"d:{year:04d}-{month:02d}")
            if day:
                keys.add(f"d:{year:04d}-{month:02d}-{day:02d}")
                keys.add(f"md:{month:02d}-{day:02d}")
        elif quantity.kind == "month_day" and value >= 100:
            keys.add(f"md:{value // 100:02d}-{value % 100:02d}")
    return frozenset(keys)


def _ordinal_suffix(number: int) -> str:
    if number % 100 in {11, 12, 13}:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def format_value(quantity: Quantity) -> str:
    """The normalised value as a reader checks it: "397,900,000,000", "5%", "2025-01-13"."""
    value = quantity.value
    if quantity.kind == "number":
        return format(value.normalize(), ",f")
    if quantity.kind == "ordinal":
        number = int(value)
        return f"{number}{_ordinal_suffix(number)}" if number == value else _plain(value)
    if quantity.kind == "percent":
        return f"{_plain(value)}%"
    if quantity.kind == "points":
        return f"{_plain(value)} percentage points"
    whole = int(value)
    if quantity.kind == "year":
        return str(whole)
    if quantity.kind == "date":
        year, month, day = whole // 10000, whole // 100 % 100, whole % 100
        return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"
    month, day = whole // 100, whole % 100
    return f"{MONTH_NAMES[month - 1]} {day}" if month else f"day {day}"
