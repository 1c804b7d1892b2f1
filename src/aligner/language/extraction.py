"""What the Chinese and the English figure extractors share.

Both build every figure the same way, mark it approximate by the same rule, scale ratios
alike and agree on which numbers can be years or dates; only the words differ by language.
Keeping these rules here means the two languages cannot drift apart on them, and the
comparison relies on both sides reading a figure the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from aligner.language.quantity import Kind, Quantity
from aligner.language.scan import Handler, is_code

# Calendar figures and ordinals are exact by nature: "about 2024" is still the year 2024.
_HEDGEABLE: frozenset[Kind] = frozenset({"number", "percent", "points"})


@dataclass(frozen=True)
class Hedges:
    """One language's hedging words.

    ``before`` must match up to the end of the text it is given (anchor it with ``$``);
    ``reach`` is how many characters before a figure it may look, enough for the longest
    hedge and the space after it.
    """

    before: re.Pattern[str]
    after: re.Pattern[str]
    reach: int

    def around(self, text: str, start: int, end: int) -> bool:
        """Whether the figure at ``text[start:end]`` is hedged on either side."""
        return bool(
            self.before.search(text, max(0, start - self.reach), start)
            or self.after.match(text, end)
        )

    def quantity(
        self, text: str, kind: Kind, value: int | Decimal, start: int, end: int, decimals: int = 0
    ) -> Quantity:
        """The figure at ``text[start:end]``, approximate if it can be and is hedged."""
        return Quantity(
            value=Decimal(value),
            kind=kind,
            text=text[start:end],
            start=start,
            end=end,
            approx=kind in _HEDGEABLE and self.around(text, start, end),
            decimals=decimals,
        )


def is_year(value: int) -> bool:
    """The range in which a four-digit number in a press release is read as a year."""
    return 1800 <= value <= 2199


# Reads a written number into its value and its decimals (see Quantity), or None.
NumberReader = Callable[[str], "tuple[Decimal, int] | None"]


def ratio_handler(
    kind: Kind, hedges: Hedges, read_number: NumberReader, divisor: int = 1
) -> Handler:
    """A handler for a ratio in group ``n``, divided by ``divisor`` into percent or points.

    Basis points are hundredths of a point and per mille tenths of a percent; dividing
    adds as many decimals as the divisor has zeros, so that "50 basis points" and "0.5
    percentage points" count as written to the same precision.
    """

    def handle(match: re.Match[str], text: str) -> list[Quantity] | None:
        number = read_number(match["n"])
        if number is None or is_code(text, match.start("n"), match.end("n"), glued=False):
            return None
        value, decimals = number
        if divisor != 1:
            value /= divisor
            decimals += len(str(divisor)) - 1
        return [hedges.quantity(text, kind, value, *match.span(), decimals)]

    return handle
