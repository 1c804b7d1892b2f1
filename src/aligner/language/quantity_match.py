"""Pairing the figures of a Chinese sentence with those of its English translation.

Pairs are made in passes from the most to the least certain (same figure, same date
without its year, approximately the same, rounded, percent written for points, plainly
different), each pass taking the closest pairs first, so that one clear match is never
spoiled by an earlier loose one. What no pass pairs is missing or extra.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from aligner.language.quantity import Quantity

DiffKind = Literal["missing", "extra", "different", "rounded", "points_vs_percent", "year_omitted"]


@dataclass(frozen=True)
class QuantityDiff:
    """One way in which the figures of a translation differ from the original.

    ``missing`` has only ``zh``, ``extra`` only ``en``; every other kind has both.
    ``rounded`` is a figure written with fewer digits and is not an error by itself;
    ``year_omitted`` is a Chinese date whose year the English leaves out and does not
    state elsewhere.
    """

    kind: DiffKind
    zh: Quantity | None
    en: Quantity | None


_COUNTABLE = frozenset({"number", "percent", "points"})
_SAME_FIGURE_KINDS = frozenset(
    {
        frozenset({"number", "ordinal"}),  # 连续15年 / for the 15th consecutive year
        frozenset({"number", "year"}),  # a bare 2024 written with or without 年
    }
)


def _compatible(zh: Quantity, en: Quantity) -> bool:
    return zh.kind == en.kind or frozenset({zh.kind, en.kind}) in _SAME_FIGURE_KINDS


def _same_figure(zh: Quantity, en: Quantity) -> bool:
    return zh.value == en.value and _compatible(zh, en)


def within_rounding(a: Quantity, b: Quantity) -> bool:
    """Equal once the more precise figure is rounded to the precision of the other.

    Half a step either way is allowed, since rounding half up and half to even disagree on
    "43.85". When one side is written more coarsely with a scale word ("400 billion" for
    3979亿) a difference of 1% is also allowed, because translators round that way without
    meaning a new figure. Figures of the same precision are never a rounding of each other:
    "43.58" for "43.85" is a slip.
    """
    if a.decimals == b.decimals:
        return False
    step = max(a.precision, b.precision)
    difference = abs(a.value - b.value)
    if difference * 2 <= step:
        return True
    if a.kind == b.kind == "number" and min(a.decimals, b.decimals) < 0:
        return difference * 100 <= max(abs(a.value), abs(b.value))
    return False


def _last_digit_step(quantity: Quantity) -> Decimal:
    exponent = quantity.value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


def within_approximation(a: Quantity, b: Quantity) -> bool:
    """Close enough for a figure marked as approximate ("150多", "nearly 400 billion").

    "150多" means 150 to 159 and "3000多亿" 300 to 399 billion, so an approximate figure
    covers one step of its last written digit; any approximation also covers 10%.
    """
    if not (a.approx or b.approx):
        return False
    tolerance = max(abs(a.value), abs(b.value)) / 10
    for quantity in (a, b):
        if quantity.approx:
            tolerance = max(tolerance, _last_digit_step(quantity))
    return abs(a.value - b.value) <= tolerance


def _is_first(quantity: Quantity) -> bool:
    """Whether this is the ordinal 1, which stands for "top" or "initial" too often to pair.

    "第一大国" is "the largest trader", "一季度" is "Q1": a "first" on one side and a figure
    on the other are no one's slip.
    """
    return quantity.kind == "ordinal" and quantity.value == 1


def _significant_digits(value: Decimal) -> str:
    return "".join(str(digit) for digit in value.normalize().as_tuple().digits)


def _slip_distance(zh: Quantity, en: Quantity) -> float:
    """How likely two different figures are one figure mistranslated (lower is likelier).

    The same digits at another scale (3979亿 / "3979 billion") are the likeliest; after
    that, figures closer in magnitude.
    """
    if _significant_digits(zh.value) == _significant_digits(en.value):
        return 0.0
    if zh.value == 0 or en.value == 0:
        return 50.0
    return 1.0 + abs(math.log10(abs(float(zh.value)) / abs(float(en.value))))


class _Pairing:
    """The figures not yet paired on each side; a scratch object local to one comparison."""

    def __init__(self, zh: Sequence[Quantity], en: Sequence[Quantity]) -> None:
        self.zh = dict(enumerate(zh))
        self.en = dict(enumerate(en))
        self.zh_count = max(1, len(zh))
        self.en_count = max(1, len(en))

    def take(
        self,
        fits: Callable[[Quantity, Quantity], bool],
        distance: Callable[[Quantity, Quantity], float] = lambda zh, en: 0.0,
    ) -> list[tuple[Quantity, Quantity]]:
        candidates = sorted(
            (
                distance(zh, en),
                abs(i / self.zh_count - j / self.en_count),
                i,
                j,
            )
            for i, zh in self.zh.items()
            for j, en in self.en.items()
            if fits(zh, en)
        )
        pairs: list[tuple[Quantity, Quantity]] = []
        for _, _, i, j in candidates:
            if i in self.zh and j in self.en:
                pairs.append((self.zh.pop(i), self.en.pop(j)))
        return pairs

    def take_en_year(self, year: int) -> bool:
        for j, en in self.en.items():
            if en.kind == "year" and en.value == year:
                del self.en[j]
                return True
        return False

    def take_zh_year(self, year: int) -> bool:
        for i, zh in self.zh.items():
            if zh.kind == "year" and zh.value == year:
                del self.zh[i]
                return True
        return False


def _year_of(quantity: Quantity) -> int:
    """The year a year or date states; 0 for other figures."""
    if quantity.kind == "year":
        return int(quantity.value)
    if quantity.kind == "date":
        return int(quantity.value) // 10000
    return 0


def _month_day(quantity: Quantity) -> int:
    """mmdd of a date or month_day; 0 when the month or day is unknown."""
    value = int(quantity.value)
    month_day = value % 10000 if quantity.kind == "date" else value
    return month_day if month_day // 100 and month_day % 100 else 0


def _date_and_month_day(dated: Quantity, undated: Quantity) -> bool:
    return (
        dated.kind == "date"
        and undated.kind == "month_day"
        and _month_day(dated) != 0
        and _month_day(dated) == _month_day(undated)
    )


def _same_day(zh: Quantity, en: Quantity) -> bool:
    """A bare Chinese day ("13日", the month given earlier) against a full English date."""
    return (
        zh.kind == "month_day"
        and zh.value < 100
        and en.kind in {"date", "month_day"}
        and int(en.value) % 100 == zh.value
    )


def compare_quantities(zh: Sequence[Quantity], en: Sequence[Quantity]) -> list[QuantityDiff]:
    """What differs between the figures of a Chinese text and those of its translation.

    Figures are matched as multisets: "5%" twice in Chinese and once in English leaves one
    missing. An approximate figure matching an exact one ("150多" / "150") is no difference.
    The result is in reading order, Chinese positions first.
    """
    pairing = _Pairing(zh, en)
    diffs: list[QuantityDiff] = []
    pairing.take(_same_figure)

    en_years = {_year_of(quantity) for quantity in en}
    for zh_date, en_date in pairing.take(_date_and_month_day):
        year = _year_of(zh_date)
        if not pairing.take_en_year(year) and year not in en_years:
            diffs.append(QuantityDiff("year_omitted", zh_date, en_date))
    for _, en_date in pairing.take(lambda z, e: _date_and_month_day(e, z)):
        pairing.take_zh_year(_year_of(en_date))
    pairing.take(_same_day)

    def countable_pair(z: Quantity, e: Quantity) -> bool:
        kinds = {z.kind, e.kind}
        return kinds <= _COUNTABLE | {"ordinal"} and _compatible(z, e)

    def value_distance(z: Quantity, e: Quantity) -> float:
        return float(abs(z.value - e.value) / max(abs(z.value), abs(e.value), Decimal(1)))

    pairing.take(lambda z, e: countable_pair(z, e) and within_approximation(z, e), value_distance)
    for pair in pairing.take(
        lambda z, e: z.kind == e.kind and z.kind in _COUNTABLE and within_rounding(z, e),
        value_distance,
    ):
        diffs.append(QuantityDiff("rounded", *pair))
    for pair in pairing.take(
        lambda z, e: (
            {z.kind, e.kind} == {"percent", "points"}
            and (z.value == e.value or within_rounding(z, e) or within_approximation(z, e))
        ),
        value_distance,
    ):
        diffs.append(QuantityDiff("points_vs_percent", *pair))
    for pair in pairing.take(
        lambda z, e: z.family == e.family and not (_is_first(z) or _is_first(e)), _slip_distance
    ):
        diffs.append(QuantityDiff("different", *pair))

    diffs.extend(QuantityDiff("missing", quantity, None) for quantity in pairing.zh.values())
    diffs.extend(QuantityDiff("extra", None, quantity) for quantity in pairing.en.values())
    return sorted(diffs, key=_reading_order)


def _reading_order(diff: QuantityDiff) -> tuple[int, int]:
    if diff.zh is not None:
        return (0, diff.zh.start)
    assert diff.en is not None
    return (1, diff.en.start)
