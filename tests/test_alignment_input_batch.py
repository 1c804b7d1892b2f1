"""Saved alignments in a batch: the manifest's ``alignment`` column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from aligner.batch.model import Member
from aligner.batch.pairing.manifest import ManifestPair, manifest_pairs, read_manifest
from aligner.cli import main
from aligner.formats.links import LinkIds, format_links, parse_links

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
GOLD = parse_links((SAMPLES / "gacc-2025-01-13.gold.align").read_text(encoding="utf-8"))


def reviewed() -> list[LinkIds]:
    """Gold with Chinese 1 and 2 in one row: a decision the aligner does not make."""
    links = list(GOLD)
    index = links.index(((1,), (5,)))
    links[index : index + 2] = [((1, 2), (5, 6))]
    return links


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def batch(tmp_path: Path, manifest: Path, *extra: str) -> dict[str, Any]:
    outdir = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["batch", str(tmp_path / "in"), "-o", str(outdir), "--jobs", "1", "--pairs",
         str(manifest), "--scorer", "lexical", "--fail-on", "never", *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return data


def links_of(tmp_path: Path, name: str) -> list[LinkIds]:
    report = json.loads((tmp_path / "out" / name / "qa.json").read_text(encoding="utf-8"))
    return [(tuple(link["zh"]), tuple(link["en"])) for link in report["links"]]


def test_the_alignment_path_is_relative_to_the_manifest(tmp_path: Path) -> None:
    manifest = write(tmp_path / "lists" / "pairs.csv", "zh,en,alignment\na.zh,a.en,fix/a.links\n")
    rows = read_manifest(str(manifest))
    assert rows[0].alignment == str(tmp_path / "lists" / "fix" / "a.links")
    member = [Member("in", name, 1, name, k) for k, name in enumerate(("a.zh", "a.en"))]
    pairs, _, _ = manifest_pairs(rows, {"in": member})
    assert isinstance(pairs[0], ManifestPair)
    assert pairs[0].alignment == rows[0].alignment
    without = read_manifest(str(write(tmp_path / "p2.csv", "zh,en\na.zh,a.en\n")))
    assert manifest_pairs(without, {"in": member})[0][0].alignment is None  # type: ignore[attr-defined]


def test_a_pair_with_a_saved_alignment_uses_it_and_the_others_are_aligned(
    tmp_path: Path,
) -> None:
    for stem in ("a", "b"):
        write(tmp_path / "in" / f"{stem}.zh.txt", ZH)
        write(tmp_path / "in" / f"{stem}.en.txt", EN)
    write(tmp_path / "reviewed" / "a.links", format_links(reviewed()))
    manifest = write(
        tmp_path / "pairs.csv",
        "name,zh,en,alignment\na,a.zh.txt,a.en.txt,reviewed/a.links\nb,b.zh.txt,b.en.txt,\n",
    )

    data = batch(tmp_path, manifest)

    assert {d["name"]: d["status"] for d in data["documents"]} == {"a": "ok", "b": "ok"}
    assert links_of(tmp_path, "a") == reviewed()
    assert links_of(tmp_path, "b") != reviewed()


def test_a_missing_or_broken_alignment_fails_its_pair_alone(tmp_path: Path) -> None:
    for stem in ("a", "b", "c"):
        write(tmp_path / "in" / f"{stem}.zh.txt", ZH)
        write(tmp_path / "in" / f"{stem}.en.txt", EN)
    broken = list(GOLD)
    broken.insert(7, ((2,), ()))
    write(tmp_path / "b.links", format_links(broken))
    manifest = write(
        tmp_path / "pairs.csv",
        "name,zh,en,alignment\na,a.zh.txt,a.en.txt,gone.links\nb,b.zh.txt,b.en.txt,b.links\n"
        "c,c.zh.txt,c.en.txt\n",
    )

    data = batch(tmp_path, manifest)

    documents = {d["name"]: d for d in data["documents"]}
    assert documents["a"]["status"] == "failed"
    assert documents["a"]["reason"] == f"{tmp_path / 'gone.links'}: no such file"
    assert documents["b"]["status"] == "failed"
    assert documents["b"]["reason"] == (
        f"{tmp_path / 'b.links'}: line 8: Chinese sentence 2 appears twice (also line 7)"
    )
    assert documents["c"]["status"] == "ok"


def test_resume_redoes_a_pair_whose_alignment_changed(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.zh.txt", ZH)
    write(tmp_path / "in" / "a.en.txt", EN)
    fixed = write(tmp_path / "a.links", format_links(GOLD))
    manifest = write(tmp_path / "pairs.csv", "name,zh,en,alignment\na,a.zh.txt,a.en.txt,a.links\n")
    batch(tmp_path, manifest, "--resume")
    assert links_of(tmp_path, "a") == GOLD

    assert [d["status"] for d in batch(tmp_path, manifest, "--resume")["documents"]] == ["skipped"]
    fixed.write_text(format_links(reviewed()), encoding="utf-8")
    assert [d["status"] for d in batch(tmp_path, manifest, "--resume")["documents"]] == ["ok"]
    assert links_of(tmp_path, "a") == reviewed()
