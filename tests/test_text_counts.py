"""Character counts that readers take over whole documents, checked against their definitions.

Both are worked out a run or a pattern at a time for speed; these tests hold them to the
character-by-character definitions they replace.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from aligner.align.length import LengthModel, char_length
from aligner.readers.script import count_letters
from aligner.readers.text import _control_share

_MIXED = st.text(
    alphabet=st.sampled_from("海关进出口abcXYZé ,。1\n\t\r\f\x00\x07\x0b\x1b\x7f\x85\x9f\u200b"),
    max_size=60,
)


def _controls_by_category(text: str) -> float:
    count = sum(1 for c in text if c not in "\n\r\t\f" and unicodedata.category(c) == "Cc")
    return count / len(text) if text else 0.0


@given(_MIXED)
def test_control_share_counts_category_cc_but_line_breaks_and_tabs(text: str) -> None:
    assert _control_share(text) == _controls_by_category(text)


def test_every_control_character_is_counted_and_nothing_else() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert _control_share(char) == _controls_by_category(char), hex(code)


@given(st.lists(_MIXED, max_size=5))
def test_letters_are_counted_one_by_one(texts: list[str]) -> None:
    counts = count_letters(texts)
    han = sum(1 for text in texts for c in text if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for text in texts for c in text if (c.isascii() and c.isalpha()) or c == "é")
    assert (counts.han, counts.latin) == (han, latin)


@given(st.text(alphabet=st.sampled_from("海关 a1\t\n\u3000\u00a0\u2028\x1c\u200b。Z"), max_size=60))
def test_lengths_leave_out_exactly_the_white_space(text: str) -> None:
    assert char_length(text) == sum(1 for c in text if not c.isspace())
    zh = "海" + text  # Han characters, and an English side longer than the rest
    model = LengthModel.build([zh], ["x" * 100])
    assert model.han_cumulative[-1] == zh.count("海") + zh.count("关")
    assert model.other_cumulative[-1] == char_length(zh) - model.han_cumulative[-1]
