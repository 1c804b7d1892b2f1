"""Batch pairing: file-name conventions, manifests, safe and unique pair names."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.batch.inputs.members import name_problem, normalized_name
from aligner.batch.model import Member, parse_deliverables
from aligner.batch.pairing.by_name import find_pairs
from aligner.batch.pairing.manifest import manifest_pairs, read_manifest
from aligner.batch.pairing.naming import is_safe_name, safe_name, unique_names
from aligner.errors import InputError


def members(*names: str, source: str = "in") -> list[Member]:
    return [Member(source, name, 10, f"{source}/{name}", i) for i, name in enumerate(names)]


def paired(*names: str) -> dict[str, tuple[str, str]]:
    pairs, _ = find_pairs(members(*names))
    return {pair.stem: (pair.zh.name, pair.en.name) for pair in pairs}


@pytest.mark.parametrize(
    ("zh", "en", "stem"),
    [
        ("release.zh.txt", "release.en.txt", "release"),
        ("release_zh.txt", "release_en.txt", "release"),
        ("release-zh.txt", "release-en.txt", "release"),
        ("release-cn.docx", "release-en.html", "release"),
        ("release.chs.txt", "release.en.txt", "release"),
        ("Release.ZH.txt", "Release.EN.txt", "Release"),
        ("release-zh-cn.txt", "release-en.txt", "release"),
        ("zh/release.txt", "en/release.txt", "release"),
        ("cn/2025/01/release.txt", "en/2025/01/release.txt", "release"),
        ("batch/chs/release.html", "batch/en/release.docx", "release"),
        ("zh/release.zh.txt", "en/release.en.txt", "release"),
    ],
)
def test_each_naming_convention_pairs(zh: str, en: str, stem: str) -> None:
    assert paired(zh, en) == {stem: (zh, en)}


def test_folder_pairs_need_the_same_path_below_the_language_folder() -> None:
    pairs, unpaired = find_pairs(members("zh/2025/a.txt", "en/2024/a.txt"))

    assert pairs == []
    assert {u.reason for u in unpaired} == {
        "no English counterpart found",
        "no Chinese counterpart found",
    }


def test_a_name_without_a_separator_is_not_a_marker() -> None:
    # "screen" ends in "en", "ban" in "an": neither is a language marker.
    pairs, unpaired = find_pairs(members("screen.txt", "zhen.txt"))

    assert pairs == []
    assert all(u.reason.startswith("no language marker") for u in unpaired)


def test_every_file_that_is_not_paired_is_listed_with_a_reason() -> None:
    pairs, unpaired = find_pairs(
        members("a.zh.txt", "a.en.txt", "b.zh.txt", "c_en.txt", "notes.md", "plain.txt")
    )

    assert [p.stem for p in pairs] == ["a"]
    reasons = {u.member: u.reason for u in unpaired}
    assert reasons["in/b.zh.txt"] == "no English counterpart found"
    assert reasons["in/c_en.txt"] == "no Chinese counterpart found"
    assert reasons["in/notes.md"].startswith("not a document (.md)")
    assert reasons["in/plain.txt"].startswith("no language marker")


def test_two_chinese_files_for_one_release_are_ambiguous_not_guessed() -> None:
    pairs, unpaired = find_pairs(members("a.zh.txt", "a.zh.docx", "a.en.txt"))

    assert pairs == []
    assert len(unpaired) == 3
    assert all("ambiguous" in u.reason and "--pairs" in u.reason for u in unpaired)


def test_pairs_never_cross_inputs() -> None:
    pairs, unpaired = find_pairs(
        members("a.zh.txt", source="one") + members("a.en.txt", source="two")
    )

    assert pairs == []
    assert len(unpaired) == 2


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("gacc-2025-01-13", "gacc-2025-01-13"),
        ("海关 新闻稿", "海关_新闻稿"),
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c", "a_b_c"),
        ("..", "release"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("x" * 200, "x" * 80),
    ],
)
def test_pair_names_become_one_safe_path_component(stem: str, expected: str) -> None:
    assert safe_name(stem) == expected


def test_every_made_name_passes_the_safety_check() -> None:
    names = unique_names(["x" * 200, "x" * 200, "..", "CON", "a b", "海关"])

    assert names[1] == "x" * 80 + "-2"
    assert all(is_safe_name(name) for name in names)
    assert not any(is_safe_name(bad) for bad in ("", ".", "..", ".hidden", "a/b", "a\\b", "nul"))


def test_clashing_names_are_numbered_case_insensitively() -> None:
    assert unique_names(["a", "A", "a", "summary.json", "b"]) == [
        "a",
        "A-2",
        "a-3",
        "summary.json-2",
        "b",
    ]


@pytest.mark.parametrize(
    "name", ["../evil.txt", "a/../../evil.txt", "/tmp/x", "\\server\\x", "C:\\x.txt", "c:x", ""]
)
def test_unsafe_member_names_are_refused(name: str) -> None:
    assert name_problem(name) is not None


@pytest.mark.parametrize("name", ["a.txt", "zh/2025/a.txt", "./a.txt", "a..b.txt"])
def test_ordinary_member_names_are_accepted(name: str) -> None:
    assert name_problem(name) is None


def test_member_names_are_normalised() -> None:
    assert normalized_name("./zh//2025\\a.txt") == "zh/2025/a.txt"


def write_manifest(tmp_path: Path, text: str) -> str:
    path = tmp_path / "pairs.csv"
    path.write_text(text, encoding="utf-8-sig")
    return str(path)


def test_manifest_pairs_what_names_cannot_and_lists_the_rest(tmp_path: Path) -> None:
    rows = read_manifest(
        write_manifest(
            tmp_path,
            "ZH,EN,name\noriginal.txt,translation.txt,speech\n./x.txt,missing.txt,\n",
        )
    )
    found = members("original.txt", "translation.txt", "x.txt", "a.zh.txt", "a.en.txt", "n.md")

    pairs, missing, unpaired = manifest_pairs(rows, {"in": found})

    assert [(p.stem, p.zh.name, p.en.name) for p in pairs] == [
        ("speech", "original.txt", "translation.txt")
    ]
    [row] = missing
    assert row.stem == "x"
    assert "line 3" in row.reason and "'missing.txt'" in row.reason
    reasons = {u.member: u.reason for u in unpaired}
    assert reasons == {
        "in/x.txt": "not listed in the manifest",
        "in/a.zh.txt": "not listed in the manifest",
        "in/a.en.txt": "not listed in the manifest",
        "in/n.md": "not a document, and not listed in the manifest",
    }


def test_manifest_paths_that_climb_out_are_never_matched(tmp_path: Path) -> None:
    rows = read_manifest(write_manifest(tmp_path, "zh,en\n../a.zh.txt,a.en.txt\n"))

    pairs, missing, _ = manifest_pairs(rows, {"in": members("a.zh.txt", "a.en.txt")})

    assert pairs == []
    assert "Chinese file '../a.zh.txt'" in missing[0].reason


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("chinese,english\na,b\n", "zh and en columns"),
        ("zh,en\n", "no pairs"),
        ("zh,en\na.txt,\n", "line 2: both zh and en"),
    ],
)
def test_a_malformed_manifest_is_an_input_error(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_manifest(write_manifest(tmp_path, text))


def test_deliverable_formats_parse_in_a_fixed_order() -> None:
    assert parse_deliverables("json, XLF,docx,,docx") == ("docx", "xliff", "json")
    assert parse_deliverables("") == ()
    with pytest.raises(ValueError, match="'pdf'"):
        parse_deliverables("html,pdf")
