"""One date recogniser for every stage: figures, deliverable headings and date-stamp lines."""

from __future__ import annotations

import datetime as dt

import pytest

from aligner.language.dates import MONTH_NAMES, MONTH_NUMBERS, find_dates, is_date_line

JAN_13 = dt.date(2025, 1, 13)


@pytest.mark.parametrize(
    "text",
    [
        "2025年1月13日",
        "二〇二五年一月十三日",
        "2025-01-13",
        "2025/1/13",
        "January 13, 2025",
        "Jan. 13 2025",
        "13 January 2025",
        "发布时间：2025年1月13日 10:00",
    ],
)
def test_every_common_spelling_names_the_same_day(text: str) -> None:
    assert [found.date for found in find_dates(text)] == [JAN_13]


def test_an_impossible_date_is_not_a_date() -> None:
    assert list(find_dates("2025-02-30 and 2025年13月1日")) == []


def test_the_position_of_a_date_is_reported() -> None:
    text = "Published on January 13, 2025 in Beijing"
    [found] = find_dates(text)
    assert text[found.start : found.end] == "January 13, 2025"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025年1月13日", True),
        ("（2025年1月13日）", True),
        ("日期：2025-01-13 星期一", True),
        ("Monday, January 13, 2025, 10:30", True),
        ("發佈時間：2025年1月13日", True),  # a traditional label folds to the simplified one
        ("2025年1月13日，海关总署发布数据。", False),
        ("In 2024, trade grew.", False),
    ],
)
def test_a_date_stamp_line_is_only_a_date(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_month_tables_agree() -> None:
    assert len(MONTH_NAMES) == 12
    assert all(MONTH_NUMBERS[name] == number for number, name in enumerate(MONTH_NAMES, 1))
    assert MONTH_NUMBERS["Sept"] == 9
