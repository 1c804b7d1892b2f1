"""Plain data passed between the stages of a batch run (and between processes).

Everything here is small and picklable: workers receive a pair's bytes and send back
counts plus the few texts the archive-wide checks need, never whole reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from aligner.batch.limits import DEFAULT_BATCH_LIMITS, BatchLimits
from aligner.pipeline import AlignOptions

DEFAULT_ALIGN_OPTIONS = AlignOptions()

Status = Literal["ok", "failed", "skipped"]

# Deliverable formats a batch can write per pair, and the file extension of each.
DELIVERABLES: dict[str, str] = {
    "docx": ".docx",
    "xliff": ".xlf",
    "tmx": ".tmx",
    "html": ".html",
    "json": ".json",
}


@dataclass(frozen=True)
class Member:
    """A file inside one input (a folder or an archive).

    ``name`` is its relative POSIX path inside the input, ``shown`` how reports name it,
    and ``ordinal`` its position among the input's members, which lets a streamed archive
    be matched up again on a second pass without trusting names to be unique.
    """

    input: str
    name: str
    size: int
    shown: str
    ordinal: int


@dataclass(frozen=True)
class Rejection:
    """A member refused for safety (or an input that could not be read at all), and why."""

    member: str
    reason: str


@dataclass(frozen=True)
class Unpaired:
    """A file that is in the input but in no pair, so the summary can say so."""

    member: str
    reason: str


@dataclass(frozen=True)
class PlannedPair:
    """Two members to check together; ``name`` is already a safe, unique folder name."""

    name: str
    zh: Member
    en: Member


@dataclass(frozen=True)
class LinkText:
    """The sentences of one link, kept for the archive-wide inconsistency check.

    Sentence texts are kept one by one (with their ids) so that the check sees exactly
    what it would see in the full alignment.
    """

    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh: tuple[str, ...]
    en: tuple[str, ...]


@dataclass(frozen=True)
class TermTally:
    """How often a glossary term was rendered one way in one document.

    ``en`` is None when the Chinese term appeared but none of its known renderings was
    found in the English of the same link.
    """

    zh: str
    expected: str
    en: str | None
    status: str
    count: int


# (Chinese ids, English ids, message): enough to recognise a finding again.
FindingKey = tuple[tuple[int, ...], tuple[int, ...], str]


@dataclass(frozen=True)
class PairResult:
    """The outcome of one pair: counts for the summary and texts for archive-wide checks.

    ``own_inconsistencies`` are the inconsistencies the pair's own QA already reported,
    so the archive-wide check can leave them out without running again per document.
    """

    name: str
    zh: str
    en: str
    status: Status
    reason: str = ""
    links: int | None = None
    errors: int | None = None
    warnings: int | None = None
    infos: int | None = None
    report: str = ""
    link_texts: tuple[LinkText, ...] = ()
    terms: tuple[TermTally, ...] = ()
    own_inconsistencies: tuple[FindingKey, ...] = ()


@dataclass(frozen=True)
class BatchOptions:
    """Everything a batch run needs; ``jobs`` None means one worker per CPU."""

    inputs: tuple[str, ...]
    outdir: str
    align: AlignOptions = DEFAULT_ALIGN_OPTIONS
    deliverables: tuple[str, ...] = ()
    jobs: int | None = None
    resume: bool = False
    manifest: str | None = None
    limits: BatchLimits = DEFAULT_BATCH_LIMITS


@dataclass(frozen=True)
class BatchSummary:
    """What a run found, in the shape summary.json is written from."""

    documents: tuple[PairResult, ...]
    unpaired: tuple[Unpaired, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    terms: tuple[dict[str, Any], ...] = ()
    inconsistencies: tuple[dict[str, Any], ...] = ()
    shared_renderings: tuple[dict[str, Any], ...] = ()
    deliverables: tuple[str, ...] = ()


_DELIVERABLE_ALIASES = {"xlf": "xliff", "htm": "html", "word": "docx"}


def parse_deliverables(text: str) -> tuple[str, ...]:
    """``--to docx,xliff`` as a tuple of known formats, in a fixed order, without repeats.

    Raises ValueError naming the first unknown format.
    """
    wanted: set[str] = set()
    for part in text.split(","):
        kind = part.strip().lower()
        if not kind:
            continue
        kind = _DELIVERABLE_ALIASES.get(kind, kind)
        if kind not in DELIVERABLES:
            raise ValueError(
                f"unknown format {part.strip()!r}; choose from {', '.join(DELIVERABLES)}"
            )
        wanted.add(kind)
    return tuple(kind for kind in DELIVERABLES if kind in wanted)
