"""One pair in a worker: read, align, check, render the outputs, digest.

A worker touches no disk: it returns the pair's result with the bytes of each output
file, and the process that runs the batch writes them into the output folder
(:mod:`aligner.batch.running.output`). So the same function serves a local process pool
and workers on other machines (:mod:`aligner.batch.running.dask_pool`), which share no
folder with the submitting process.

Everything that can go wrong with one pair is caught here and turned into a failed
result with a reason, so one damaged file never stops the rest of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from aligner.batch.model import DEFAULT_QA_OPTIONS, PairResult
from aligner.batch.reporting.digest import comparable_links, own_inconsistencies, term_tallies
from aligner.batch.running.state import QA_FILE, output_files
from aligner.checklists.model import ChecklistRule
from aligner.errors import InputError
from aligner.glossary.model import GlossaryEntry
from aligner.model import Report
from aligner.pipeline import (
    AlignOptions,
    OutputSettings,
    QAOptions,
    align_documents,
    align_given,
    load_glossary_entries,
    load_pair_bytes,
    make_scorer,
    output_bytes,
    qa_report,
    read_alignment,
)

if TYPE_CHECKING:
    from aligner.align.scorer import Scorer


@dataclass(frozen=True)
class PairJob:
    """A pair with its inputs' bytes, as sent to a worker; ``content_hash`` goes in the state."""

    name: str
    zh_name: str
    en_name: str
    zh: bytes
    en: bytes
    content_hash: str
    alignment_name: str | None = None
    alignment: bytes | None = None
    """A saved alignment to use instead of aligning (the manifest's ``alignment`` column)."""


@dataclass(frozen=True)
class WorkSettings:
    """What every pair is checked and rendered with; ``accepted`` pairs finding ids with
    the reviewer's notes, and holds for every document alike.

    ``glossary``, ``checklist`` and ``words`` are the contents of the files the options
    name, read by the submitting process: a worker on another machine cannot open them.
    """

    align: AlignOptions
    deliverables: tuple[str, ...]
    glossary: tuple[GlossaryEntry, ...]
    checklist: tuple[ChecklistRule, ...] = ()
    words: frozenset[str] = frozenset()
    accepted: tuple[tuple[str, str], ...] = ()
    handout: Literal["clean", "review"] = "review"
    qa: QAOptions = DEFAULT_QA_OPTIONS


@dataclass(frozen=True)
class PairOutcome:
    """What a worker sends back for one pair: its result and, when it was checked, the
    bytes of each output file by its name in the pair's folder."""

    result: PairResult
    files: tuple[tuple[str, bytes], ...] = ()
    content_hash: str = ""


@lru_cache(maxsize=4)
def load_glossary(options: AlignOptions) -> tuple[GlossaryEntry, ...]:
    """Loaded once per process, not once per pair."""
    return load_glossary_entries(options)


@lru_cache(maxsize=4)
def _scorer(options: AlignOptions, glossary: tuple[GlossaryEntry, ...]) -> Scorer:
    """One scorer per process: it caches what it learns about words, and pairs share words."""
    return make_scorer(options, glossary)


def report_for(job: PairJob, settings: WorkSettings) -> Report:
    options = settings.align
    entries = settings.glossary
    scorer = _scorer(options, entries)
    source, target = load_pair_bytes(
        job.zh, job.zh_name, job.en, job.en_name, split_lines=options.split_lines
    )
    if job.alignment_name is not None and job.alignment is not None:
        given = read_alignment(job.alignment_name, source, target, data=job.alignment)
        alignment = align_given(source, target, given, options, entries, scorer=scorer)
    else:
        alignment = align_documents(source, target, options, entries, scorer=scorer)
    return qa_report(
        alignment,
        entries,
        accepted=dict(settings.accepted),
        qa=settings.qa,
        checklist=settings.checklist,
        words=settings.words,
    )


def result_from_report(name: str, zh: str, en: str, report: Report) -> PairResult:
    counts = report.counts
    return PairResult(
        name=name,
        zh=zh,
        en=en,
        status="ok",
        links=len(report.alignment.links),
        errors=counts.errors,
        warnings=counts.warnings,
        infos=counts.infos,
        accepted=len(report.accepted),
        report=f"{name}/{QA_FILE}",
        link_texts=comparable_links(report.alignment),
        terms=term_tallies(report),
        own_inconsistencies=own_inconsistencies(
            report.findings + tuple(a.finding for a in report.accepted)
        ),
    )


def _rendered(
    report: Report, job: PairJob, settings: WorkSettings
) -> tuple[tuple[str, bytes], ...]:
    output = OutputSettings(with_qa=True, handout=settings.handout)
    names = output_files(job.name, settings.deliverables)
    return tuple((name, output_bytes(report, name, output)) for name in names)


def failed_result(job: PairJob, reason: str) -> PairResult:
    return PairResult(job.name, job.zh_name, job.en_name, "failed", reason)


def check_pair(job: PairJob, settings: WorkSettings) -> PairOutcome:
    """Check one pair and render its outputs; never raises for a problem with the pair."""
    try:
        report = report_for(job, settings)
        files = _rendered(report, job, settings)
        result = result_from_report(job.name, job.zh_name, job.en_name, report)
        return PairOutcome(result, files, job.content_hash)
    except InputError as error:
        return PairOutcome(failed_result(job, f"{error.path}: {error.problem}"))
    except MemoryError:
        return PairOutcome(failed_result(job, "ran out of memory while checking this pair"))
    except Exception as error:  # one pair's bug must not stop the batch
        reason = f"internal error ({type(error).__name__}: {error})"
        return PairOutcome(failed_result(job, reason))
