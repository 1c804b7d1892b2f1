"""Plain data passed between the stages of a batch run (and between processes).

Everything here is small and picklable: workers receive a pair's bytes and send back
counts plus the few texts the archive-wide checks need, never whole reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aligner.batch.inputs.limits import DEFAULT_BATCH_LIMITS, BatchLimits
from aligner.formats.registry import by_name, deliverables
from aligner.model import Finding
from aligner.pipeline import AlignOptions, QAOptions

DEFAULT_ALIGN_OPTIONS = AlignOptions()
DEFAULT_QA_OPTIONS = QAOptions()

Status = Literal["ok", "failed", "skipped"]


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
    accepted: int | None = None
    """Findings a reviewer accepted (``--accepted``): out of the counts above."""
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
    accepted: tuple[tuple[str, str], ...] = ()
    """Accepted finding ids and their notes, applied to every document."""
    qa: QAOptions = DEFAULT_QA_OPTIONS
    """Checklists, word lists and severity overrides, applied to every document."""
    handout: Literal["clean", "review"] = "review"
    scheduler: str | None = None
    """A Dask scheduler's address: check the pairs on that cluster instead of locally."""


@dataclass(frozen=True)
class RenderingUse:
    """One English rendering of a glossary term across the archive: how often, and where."""

    en: str
    status: str
    count: int
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Unrendered:
    """Occurrences of a term whose linked English holds none of its glossary renderings."""

    count: int
    documents: tuple[str, ...]


@dataclass(frozen=True)
class TermRow:
    """A glossary term seen in the archive's Chinese, and every rendering of it found."""

    zh: str
    expected: str
    en_renderings: tuple[RenderingUse, ...]
    unrendered: Unrendered

    @property
    def total(self) -> int:
        return sum(r.count for r in self.en_renderings) + self.unrendered.count


@dataclass(frozen=True)
class TermShare:
    zh: str
    count: int


@dataclass(frozen=True)
class SharedRendering:
    """One English rendering used for several Chinese terms."""

    en: str
    zh_terms: tuple[TermShare, ...]


@dataclass(frozen=True)
class ArchiveFinding:
    """A finding that needs two documents to exist, and the later document it is about.

    ``note`` is the reviewer's note when the finding was accepted.
    """

    document: str
    finding: Finding
    note: str = ""


@dataclass(frozen=True)
class BatchTotals:
    """The counts at the top of every summary."""

    documents: int
    ok: int
    skipped: int
    failed: int
    errors: int
    warnings: int
    infos: int
    unpaired: int
    rejected: int
    inconsistencies: int
    accepted: int = 0


@dataclass(frozen=True)
class BatchSummary:
    """What a run found; summary.json, .csv and .html are written from it."""

    documents: tuple[PairResult, ...]
    unpaired: tuple[Unpaired, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    terms: tuple[TermRow, ...] = ()
    inconsistencies: tuple[ArchiveFinding, ...] = ()
    shared_renderings: tuple[SharedRendering, ...] = ()
    deliverables: tuple[str, ...] = ()
    accepted_inconsistencies: tuple[ArchiveFinding, ...] = ()

    @property
    def totals(self) -> BatchTotals:
        documents = self.documents
        return BatchTotals(
            documents=len(documents),
            ok=sum(1 for d in documents if d.status == "ok"),
            skipped=sum(1 for d in documents if d.status == "skipped"),
            failed=sum(1 for d in documents if d.status == "failed"),
            errors=sum(d.errors or 0 for d in documents),
            warnings=sum(d.warnings or 0 for d in documents),
            infos=sum(d.infos or 0 for d in documents),
            unpaired=len(self.unpaired),
            rejected=len(self.rejected),
            inconsistencies=len(self.inconsistencies),
            accepted=sum(d.accepted or 0 for d in documents) + len(self.accepted_inconsistencies),
        )


_DELIVERABLE_ALIASES = {"xlf": "xliff", "htm": "html", "word": "docx"}


def parse_deliverables(text: str) -> tuple[str, ...]:
    """``--to docx,xliff`` as a tuple of known formats, in a fixed order, without repeats.

    The formats are those the output registry offers as deliverables. Raises ValueError
    naming the first unknown format.
    """
    known = [f.name for f in deliverables()]
    wanted: set[str] = set()
    for part in text.split(","):
        kind = part.strip().lower()
        if not kind:
            continue
        kind = _DELIVERABLE_ALIASES.get(kind, kind)
        if kind not in known:
            raise ValueError(f"unknown format {part.strip()!r}; choose from {', '.join(known)}")
        wanted.add(kind)
    return tuple(kind for kind in known if kind in wanted)


def deliverable_file(name: str, kind: str) -> str:
    """The file a pair's deliverable of one format is written to: NAME plus its extension."""
    return name + by_name(kind).extensions[0]
