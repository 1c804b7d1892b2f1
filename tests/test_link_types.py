"""Restricted link shapes: either the documents can be covered, or one clear message says why."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from aligner.align.coverage import LinkTypesTooNarrow, check_coverage, minimum_zh_usage
from aligner.cli import main
from conftest import SAMPLES

ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
ONE_TO_ONE = ((1, 1),)


@pytest.mark.parametrize(
    ("shapes", "excess", "expected"),
    [
        (ONE_TO_ONE, 0, 0),
        (ONE_TO_ONE, 3, None),
        (((1, 1), (1, 2)), 3, 3),  # three 1:2 links use three Chinese sentences
        (((1, 1), (1, 2), (1, 3)), 3, 2),  # 1:3 + 1:2
        (((1, 1), (0, 1)), 4, 0),
        (((1, 1), (2, 1)), -2, 2),  # more Chinese: counted in English sentences used
        (((1, 1), (1, 3)), 3, None),  # 1:3 adds two at a time; three cannot be made
    ],
)
def test_fewest_sentences_the_balancing_links_need(
    shapes: tuple[tuple[int, int], ...], excess: int, expected: int | None
) -> None:
    assert minimum_zh_usage(shapes, excess) == expected


def test_coverage_is_refused_only_when_no_alignment_exists() -> None:
    three, five = ["a。"] * 3, ["b."] * 5
    check_coverage(((1, 1), (1, 2)), three, five)  # 1:2, 1:2, 1:1
    check_coverage(((1, 1), (0, 1), (1, 0)), three, five)
    with pytest.raises(LinkTypesTooNarrow, match="English sentence 4 of 5"):
        check_coverage(ONE_TO_ONE, three, five)
    with pytest.raises(LinkTypesTooNarrow, match="Chinese sentence 5 of 5"):
        check_coverage(((1, 1), (1, 2)), ["c。"] * 5, ["d."] * 4)


@pytest.mark.parametrize("shapes", ["1:1", "1:1,1:0"])
def test_impossible_link_types_are_one_line_naming_the_sentence(shapes: str) -> None:
    result = CliRunner().invoke(main, ["align", str(ZH), str(EN), "--link-types", shapes])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("aligner: error: --link-types: link types")
    assert "English sentence 33 of 41" in lines[0] and "allow 0:1" in lines[0]


def test_possible_restricted_link_types_still_cover_every_sentence() -> None:
    result = CliRunner().invoke(
        main, ["align", str(ZH), str(EN), "--link-types", "1:1,1:2", "--format", "links"]
    )
    assert result.exit_code == 0, result.output
    links = [line.split(":") for line in result.output.split()]
    en_ids = [int(i) for _, en in links for i in en.strip("[]").split(",") if i]
    zh_ids = [int(i) for zh, _ in links for i in zh.strip("[]").split(",") if i]
    assert en_ids == list(range(41)) and zh_ids == list(range(32))
    assert all(zh != "[]" and en != "[]" for zh, en in links)
