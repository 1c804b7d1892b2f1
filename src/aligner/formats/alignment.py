"""Saved alignments given back to the tool (``--alignment``): read, and checked against the texts.

Three kinds of file are accepted, told apart by their content:

* a ``.links`` file: ``[zh ids]:[en ids]`` a line (see :mod:`aligner.formats.links`);
* the ``.json`` that ``align`` and ``qa`` write, which carries both texts' fingerprints;
* a review file saved by ``aligner review``, which carries them too.

A sentence id only means something for the text it was made for, so the file is checked
before anything is done with it: every id names an existing sentence, every sentence is in
exactly one link, links follow the order of both texts, and a file that carries
fingerprints was made for these very texts. Each problem is one line naming the file, the
line (or, in JSON, the link, counted from 1) and what is wrong.

**Complete and partial.** A complete file links every sentence. A *partial* file says where
the aligner is to fill in: in a ``.links`` file, a line ``...`` (or ``…``) stands for the
sentences between the links around it, which are then aligned as their own small problem
(see :mod:`aligner.align.anchored`). That marker is what tells a partial file from a broken
one: a sentence missing where no ``...`` stands is an error, since it is what a deleted or
mistyped line looks like. Apart from the gaps, a partial file obeys the same rules (ids in
range, each sentence at most once, links in order). The JSON and review files the tool
writes are always complete. Lines starting with ``#`` in a ``.links`` file are comments.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from aligner.align.anchored import Gap, Piece
from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.formats.links import GAP_MARKERS, LinkIds, parse_link_line, shape_problem
from aligner.formats.review import Acceptance, looks_like_review, read_review
from aligner.model import Document, Link, Segment

MAX_BYTES = 64 * 1024 * 1024
SIDE_NAMES = {"zh": "Chinese", "en": "English"}


@dataclass(frozen=True)
class GivenAlignment:
    """A validated alignment file: fixed links and, for a partial file, gaps between them.

    ``pieces`` cover both texts in order, every sentence once, the gaps' sentences included.
    """

    path: str
    pieces: tuple[Piece, ...]
    accepted: tuple[Acceptance, ...] = ()
    """A review file's accepted findings (``aligner review`` resumes them with its links)."""

    @property
    def complete(self) -> bool:
        """Whether the file itself linked every sentence (no gap holds one)."""
        return all(isinstance(piece, Link) or piece.empty for piece in self.pieces)

    @property
    def links(self) -> tuple[Link, ...]:
        """The links the file gives, gaps left out."""
        return tuple(piece for piece in self.pieces if isinstance(piece, Link))


@dataclass(frozen=True)
class _Entry:
    """One line (or JSON link) of the file: a link, or a gap marker when ``link`` is None."""

    where: str
    link: LinkIds | None


def read_alignment_file(path: str, source: Document, target: Document) -> GivenAlignment:
    """The alignment in ``path``, checked against the two texts; InputError naming the fault."""
    data = read_input_file(path, max_bytes=MAX_BYTES, what="alignment file")
    return parse_alignment(data, path, source, target)


def parse_alignment(data: bytes, path: str, source: Document, target: Document) -> GivenAlignment:
    """The same for bytes already read (a batch reads its files in the main process)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (bad byte at offset {error.start})") from None
    start = text.lstrip()[:1]
    accepted: tuple[Acceptance, ...] = ()
    if start == "{":
        entries, accepted = _json_entries(text, path, source, target)
        gaps_allowed = False
    elif start == "<":
        raise InputError(
            path,
            "looks like XML, not an alignment; give a .links file, or the .json or review "
            "file aligner writes (a bilingual XLIFF or TMX file is checked with aligner qa FILE)",
        )
    else:
        entries, gaps_allowed = _links_entries(text, path), True
    if all(entry.link is None for entry in entries):
        raise InputError(path, "holds no links")
    counts = {"zh": len(source.segments), "en": len(target.segments)}
    return GivenAlignment(path, _validate(entries, counts, gaps_allowed, path), accepted)


# --- the three kinds of file ----------------------------------------------------------------


def _links_entries(text: str, path: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"line {number}"
        if stripped in GAP_MARKERS:
            entries.append(_Entry(where, None))
            continue
        link = parse_link_line(line)
        if link is None:
            raise InputError(path, f"{where}: {shape_problem(line)} (or ... for a gap)")
        entries.append(_Entry(where, link))
    return entries


def _json_entries(
    text: str, path: str, source: Document, target: Document
) -> tuple[list[_Entry], tuple[Acceptance, ...]]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise InputError(path, f"not valid JSON ({error})") from None
    if looks_like_review(data):
        review = read_review(data, path)
        _check_fingerprints(path, review.zh.sha256, review.en.sha256, source, target)
        entries = [_Entry(f"link {n}", link) for n, link in enumerate(review.links, start=1)]
        return entries, review.accepted
    if not (isinstance(data, dict) and {"source", "target", "links"} <= data.keys()):
        raise InputError(
            path,
            "a JSON file, but neither an alignment written by aligner (-o FILE.json) nor a "
            "review file saved by aligner review",
        )
    _check_fingerprints(
        path, _fingerprint(data["source"], path), _fingerprint(data["target"], path), source, target
    )
    if not isinstance(data["links"], list):
        raise InputError(path, '"links" is not a list')
    return [_json_link(item, n, path) for n, item in enumerate(data["links"], start=1)], ()


def _fingerprint(side: Any, path: str) -> str:
    """A side's ``sha256``; files written before it existed still hold the sentences."""
    if not isinstance(side, dict):
        raise InputError(path, "a document entry is not shaped as aligner writes it")
    if isinstance(side.get("sha256"), str):
        return str(side["sha256"])
    try:
        texts = [str(segment["text"]) for segment in side["segments"]]
    except (KeyError, TypeError):
        raise InputError(path, "a document has neither a sha256 nor its sentences") from None
    segments = tuple(Segment(i, text, 0) for i, text in enumerate(texts))
    return Document("", "zh", segments).sha256


def _json_link(item: Any, number: int, path: str) -> _Entry:
    where = f"link {number}"
    try:
        zh, en = item["zh"], item["en"]
        if not isinstance(zh, list) or not isinstance(en, list):
            raise TypeError
        ids = (tuple(_json_id(i) for i in zh), tuple(_json_id(i) for i in en))
    except (KeyError, TypeError, ValueError):
        raise InputError(
            path, f'{where}: not shaped as {{"zh": [ids], "en": [ids]}} with whole-number ids'
        ) from None
    return _Entry(where, ids)


def _json_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError
    return value


def _check_fingerprints(
    path: str, zh_sha: str, en_sha: str, source: Document, target: Document
) -> None:
    differ = [
        (side, doc)
        for side, sha, doc in (("Chinese", zh_sha, source), ("English", en_sha, target))
        if sha != doc.sha256
    ]
    if not differ:
        return
    sides = " and ".join(side for side, _ in differ)
    files = " and ".join(doc.path for _, doc in differ)
    raise InputError(
        path,
        f"made for other texts: its {sides} sentences are not those of {files} "
        "(another version of the text, or segmented with other --split-lines)",
    )


# --- checking -------------------------------------------------------------------------------


def _validate(
    entries: Sequence[_Entry], counts: dict[str, int], gaps_allowed: bool, path: str
) -> tuple[Piece, ...]:
    """Pieces in document order, or the first problem as an InputError.

    Problems are looked for in an order that names the real mistake: a malformed link
    first, then a sentence given twice, then links out of order, then a sentence in no link.
    """
    for entry in entries:
        if entry.link is not None:
            _check_link(entry, counts, path)
    _check_repeats(entries, path)
    _check_order(entries, path)
    return _pieces(entries, counts, gaps_allowed, path)


def _sides(link: LinkIds) -> tuple[tuple[str, tuple[int, ...]], tuple[str, tuple[int, ...]]]:
    return (("zh", link[0]), ("en", link[1]))


def _check_link(entry: _Entry, counts: dict[str, int], path: str) -> None:
    assert entry.link is not None
    if not entry.link[0] and not entry.link[1]:
        raise InputError(path, f"{entry.where}: []:[] links no sentence")
    for side, ids in _sides(entry.link):
        name, count = SIDE_NAMES[side], counts[side]
        for i in ids:
            if i >= count:
                raise InputError(
                    path,
                    f"{entry.where}: {name} sentence {i} does not exist (the {name} text has "
                    f"{count} sentences, numbered 0-{count - 1})",
                )
        for before, after in pairwise(ids):
            if after == before:
                raise InputError(path, f"{entry.where}: {name} sentence {after} appears twice")
            if after < before:
                raise InputError(
                    path,
                    f"{entry.where}: {name} sentences {before} and {after} are out of order",
                )
            if after != before + 1:
                raise InputError(
                    path,
                    f"{entry.where}: {name} sentences {before} and {after} are linked without "
                    f"{_run(before + 1, after)} between them; a link joins neighbouring sentences",
                )


def _check_repeats(entries: Sequence[_Entry], path: str) -> None:
    seen: dict[tuple[str, int], str] = {}
    for entry in entries:
        if entry.link is None:
            continue
        for side, ids in _sides(entry.link):
            for i in ids:
                first = seen.setdefault((side, i), entry.where)
                if first != entry.where:
                    raise InputError(
                        path,
                        f"{entry.where}: {SIDE_NAMES[side]} sentence {i} appears twice "
                        f"(also {first})",
                    )


def _check_order(entries: Sequence[_Entry], path: str) -> None:
    last: dict[str, tuple[int, str]] = {}
    for entry in entries:
        if entry.link is None:
            continue
        for side, ids in _sides(entry.link):
            if not ids:
                continue
            if side in last and ids[0] < last[side][0]:
                previous, where = last[side]
                raise InputError(
                    path,
                    f"{entry.where}: {SIDE_NAMES[side]} sentence {ids[0]} comes after sentence "
                    f"{previous} ({where}); links must follow the order of the text",
                )
            last[side] = (ids[-1], entry.where)


class _OpenGap:
    """A gap marker whose end on each side is fixed by the next link holding that side."""

    def __init__(self, index: int, zh: int, en: int) -> None:
        self.index = index
        self.start = {"zh": zh, "en": en}
        self.end: dict[str, int] = {}
        self.linked = False

    def close(self, position: dict[str, int]) -> Gap:
        end = {side: self.end.get(side, position[side]) for side in ("zh", "en")}
        return Gap(self.start["zh"], end["zh"], self.start["en"], end["en"])


def _pieces(
    entries: Sequence[_Entry], counts: dict[str, int], gaps_allowed: bool, path: str
) -> tuple[Piece, ...]:
    """Walk the entries (already in range, unique and in order), placing each gap.

    A gap takes, on each side, every sentence up to the first sentence of that side that a
    later link names. A side that no link names before the next gap marker is left to that
    marker's gap (so ``... []:[5] ... [3]:[6]`` gives Chinese 0-2 to the second gap).
    """
    pieces: list[Piece | None] = []
    position = {"zh": 0, "en": 0}
    gap: _OpenGap | None = None
    where_last = "the start of the file"
    for entry in entries:
        if entry.link is None:
            if gap is not None and not gap.linked:
                continue  # two markers in a row are one gap
            if gap is not None:
                pieces[gap.index] = gap.close(position)
            gap = _OpenGap(len(pieces), position["zh"], position["en"])
            pieces.append(None)
            continue
        for side, ids in _sides(entry.link):
            if not ids:
                continue
            if ids[0] > position[side]:
                if gap is not None and side not in gap.end:
                    gap.end[side] = ids[0]
                else:
                    raise InputError(
                        path, _missing(side, position[side], ids[0], entry.where, gaps_allowed)
                    )
            elif gap is not None and side not in gap.end:
                gap.end[side] = ids[0]
            position[side] = ids[-1] + 1
        if gap is not None:
            gap.linked = True
        pieces.append(Link(entry.link[0], entry.link[1], 1.0))
        where_last = entry.where
    if gap is not None:
        pieces[gap.index] = gap.close(counts)
    for side in ("zh", "en"):
        if position[side] < counts[side] and (gap is None or side in gap.end):
            raise InputError(
                path,
                _missing(side, position[side], counts[side], f"after {where_last}", gaps_allowed),
            )
    placed = tuple(piece for piece in pieces if piece is not None)
    assert len(placed) == len(pieces)
    return placed


def _missing(side: str, start: int, end: int, where: str, gaps_allowed: bool) -> str:
    """A sentence in no link: name the run, where it belongs, and how to fix it."""
    name = SIDE_NAMES[side]
    plural = end - start > 1
    subject = f"{name} sentence{'s' if plural else ''} {_run(start, end)}"
    verb = "are" if plural else "is"
    place = where if where.startswith("after") else f"before {where}"
    fix = (
        "; link it, or put a line ... there for the aligner to fill in"
        if gaps_allowed
        else "; every sentence must be in a link"
    )
    return f"{subject} {verb} in no link ({place}){fix}"


def _run(start: int, end: int) -> str:
    """Half-open ``start``..``end`` as people write it: "4" or "4-6"."""
    return str(start) if end - start == 1 else f"{start}-{end - 1}"
