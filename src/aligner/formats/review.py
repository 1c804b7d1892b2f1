"""The review file: a reviewer's decisions about one pair of texts, saved by ``aligner review``.

It holds the alignment as the reviewer left it (links in the ``.links`` notation), the
findings the reviewer accepted with their notes, and a fingerprint of each side's text so
that it is never applied to other texts. ``--alignment`` and ``--accepted`` read it, and
``aligner review`` resumes from it. JSON, so that it can be read, diffed and kept under
version control next to the release::

    {
      "format": "aligner-review",
      "version": 1,
      "zh": {"path": "release.zh.docx", "sha256": "…"},
      "en": {"path": "release.en.docx", "sha256": "…"},
      "links": ["[0]:[0]", "[1,2]:[1]", "[]:[2]"],
      "accepted": [{"id": "number-3f9a2c1d0b", "note": "rounded on purpose"}]
    }
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aligner.errors import InputError
from aligner.formats.links import LinkIds, format_links, parse_link_line, shape_problem

FORMAT = "aligner-review"
VERSION = 1


@dataclass(frozen=True)
class Acceptance:
    """A finding, by its stable id, that a reviewer judged acceptable, and why."""

    id: str
    note: str = ""


@dataclass(frozen=True)
class ReviewSide:
    path: str
    sha256: str


@dataclass(frozen=True)
class ReviewFile:
    zh: ReviewSide
    en: ReviewSide
    links: tuple[LinkIds, ...]
    accepted: tuple[Acceptance, ...] = ()


def render_review(review: ReviewFile) -> bytes:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "zh": {"path": review.zh.path, "sha256": review.zh.sha256},
        "en": {"path": review.en.path, "sha256": review.en.sha256},
        "links": format_links(review.links).splitlines(),
        "accepted": [{"id": a.id, "note": a.note} for a in review.accepted],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def looks_like_review(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read_review(data: Any, path: str) -> ReviewFile:
    """A review file from its parsed JSON; anything malformed is an InputError naming ``path``."""
    if not looks_like_review(data):
        raise InputError(path, f'not a review file (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise InputError(path, f"review file version {data.get('version')!r} is not {VERSION}")
    try:
        zh = ReviewSide(str(data["zh"]["path"]), str(data["zh"]["sha256"]))
        en = ReviewSide(str(data["en"]["path"]), str(data["en"]["sha256"]))
        links = _links(data["links"], path)
        accepted = tuple(
            Acceptance(str(item["id"]), str(item.get("note", "")))
            for item in data.get("accepted", [])
        )
    except KeyError as error:
        raise InputError(path, f"the review file has no {error} entry") from None
    except (TypeError, AttributeError):
        raise InputError(
            path, "the review file's entries are not shaped as aligner writes them"
        ) from None
    return ReviewFile(zh, en, links, accepted)


def _links(entries: Any, path: str) -> tuple[LinkIds, ...]:
    """The "links" list; a bad entry is named by its place in the list, counted from 1."""
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        raise InputError(path, '"links" must be a list of "[zh ids]:[en ids]" strings')
    links: list[LinkIds] = []
    for number, entry in enumerate(entries, start=1):
        link = parse_link_line(entry)
        if link is None:
            raise InputError(path, f"link {number}: {shape_problem(entry)}")
        links.append(link)
    return tuple(links)
