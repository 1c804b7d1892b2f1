"""Pairs named explicitly in a CSV file, for inputs whose file names follow no convention.

The manifest has ``zh`` and ``en`` columns (and optionally ``name``) holding paths
relative to the input. When a manifest is given it is the whole truth: only its rows
are checked, and other documents are listed as not in the manifest.

An optional ``alignment`` column names a saved alignment for the pair (a ``.links`` file,
the ``.json`` aligner writes, or a review file), used instead of aligning the pair exactly
as ``--alignment`` is by ``align`` and ``qa``. It is a file beside the manifest, not a
member of the input (reviewed alignments are kept with the manifest, while the input may be
an archive), so its path is relative to the manifest's folder.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aligner.batch.inputs.members import name_problem, normalized_name
from aligner.batch.model import Member, Unpaired
from aligner.batch.pairing.by_name import FoundPair, is_document, split_extension
from aligner.errors import InputError
from aligner.files import read_input_file

_MAX_MANIFEST_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ManifestRow:
    line: int
    zh: str
    en: str
    name: str
    alignment: str = ""
    """The saved alignment's path (resolved against the manifest's folder), or empty."""


@dataclass(frozen=True)
class ManifestPair(FoundPair):
    """A pair the manifest names, with the saved alignment its row gives, if any."""

    alignment: str | None = None


@dataclass(frozen=True)
class MissingPair:
    """A manifest row that could not be matched to files; it is reported as failed."""

    stem: str
    zh: str
    en: str
    reason: str


def read_manifest(path: str) -> list[ManifestRow]:
    data = read_input_file(path, max_bytes=_MAX_MANIFEST_BYTES, what="manifest")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "the manifest is not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    if "zh" not in header or "en" not in header:
        raise InputError(path, "the manifest needs a header row with zh and en columns")
    zh_column, en_column = header.index("zh"), header.index("en")
    name_column = header.index("name") if "name" in header else None
    alignment_column = header.index("alignment") if "alignment" in header else None
    folder = os.path.dirname(path)
    rows: list[ManifestRow] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue

        def cell(index: int | None, cells: list[str] = cells) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        zh, en = cell(zh_column), cell(en_column)
        if not zh or not en:
            raise InputError(path, f"line {line}: both zh and en paths are needed")
        alignment = cell(alignment_column)
        if alignment:
            alignment = os.path.join(folder, alignment)
        rows.append(ManifestRow(line, zh, en, cell(name_column), alignment))
    if not rows:
        raise InputError(path, "the manifest lists no pairs")
    return rows


def _stem(row: ManifestRow) -> str:
    if row.name:
        return row.name
    return split_extension(row.zh.replace("\\", "/").rsplit("/", 1)[-1])[0]


def _lookup(path: str) -> str | None:
    return None if name_problem(path) is not None else normalized_name(path)


def manifest_pairs(
    rows: Sequence[ManifestRow], members_by_input: Mapping[str, Sequence[Member]]
) -> tuple[list[FoundPair], list[MissingPair], list[Unpaired]]:
    """Match each row in every input that holds both of its files."""
    index = {
        source: {member.name: member for member in members}
        for source, members in members_by_input.items()
    }
    pairs: list[FoundPair] = []
    missing: list[MissingPair] = []
    used: set[tuple[str, str]] = set()
    for row in rows:
        zh_name, en_name = _lookup(row.zh), _lookup(row.en)
        found = False
        for by_name in index.values():
            zh = by_name.get(zh_name) if zh_name else None
            en = by_name.get(en_name) if en_name else None
            if zh is not None and en is not None:
                pairs.append(ManifestPair(_stem(row), zh, en, row.alignment or None))
                used.update({(zh.input, zh.name), (en.input, en.name)})
                found = True
        if not found:
            missing.append(MissingPair(_stem(row), row.zh, row.en, _missing_reason(row, index)))
    unpaired = [
        Unpaired(
            member.shown,
            "not listed in the manifest"
            if is_document(member.name)
            else "not a document, and not listed in the manifest",
        )
        for members in members_by_input.values()
        for member in members
        if (member.input, member.name) not in used
    ]
    return pairs, missing, unpaired


def _missing_reason(row: ManifestRow, index: Mapping[str, Mapping[str, Member]]) -> str:
    absent = [
        f"{side} file {path!r}"
        for side, path in (("Chinese", row.zh), ("English", row.en))
        if (name := _lookup(path)) is None or not any(name in names for names in index.values())
    ]
    where = f"manifest line {row.line}: "
    if absent:
        return where + " and ".join(absent) + " not found in the input (or refused as unsafe)"
    return where + "the Chinese and English files are in different inputs"
