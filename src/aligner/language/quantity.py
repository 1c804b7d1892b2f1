"""The figure type shared by the Chinese and English extractors and by the comparison.

Kept apart from the extractors so that both languages (and the comparison) depend on one
small module rather than on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["number", "percent", "points", "date", "year", "month_day", "ordinal"]

# A figure of one kind can only ever be a mistranslation of a figure of the same family:
# a year is never the wrong rendering of a percentage.
FAMILY: dict[str, str] = {
    "number": "count",
    "ordinal": "count",
    "percent": "ratio",
    "points": "ratio",
    "date": "calendar",
    "month_day": "calendar",
    "year": "year",
}


@dataclass(frozen=True)
class Quantity:
    """One figure found in a sentence, normalised so that both languages compare equal.

    ``value`` encodes calendar kinds as integers so that they sort and compare like the
    others: a ``date`` is yyyymmdd (dd is 00 for "December 2024"), a ``month_day`` is mmdd
    (mm is 00 for a bare day such as "13日"), a ``year`` is yyyy. A percentage keeps the
    figure before the sign (5% -> 5), percentage points likewise.

    ``decimals`` has the meaning of ``round(x, ndigits)``: the figure was written to the
    nearest ``10 ** -decimals``. "397.9 billion" gives -8, "43.85万亿" -10, "5.3%" 1. It is
    what lets "43.85万亿" and "43.8 trillion" count as a rounding rather than an error.
    """

    value: Decimal
    kind: Kind
    text: str
    start: int
    end: int
    approx: bool = False
    decimals: int = 0

    @property
    def precision(self) -> Decimal:
        """The step of the last written digit, e.g. 1E+8 for "3979亿"."""
        return Decimal(1).scaleb(-self.decimals)

    @property
    def spelled_out(self) -> bool:
        """Written in words ("两", "three") rather than digits.

        Small spelled-out figures are often translated by a word that is no figure at all
        ("两国" -> "both countries"), so a check may treat their absence more gently.
        """
        return not any(ch.isdigit() for ch in self.text)

    @property
    def family(self) -> str:
        return FAMILY[self.kind]
