"""One pair, start to finish, in a worker process: read, align, check, write, digest.

Everything that can go wrong with one pair is caught here and turned into a failed
result with a reason, so one damaged file never stops the rest of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from aligner.batch.model import DEFAULT_QA_OPTIONS, PairResult, deliverable_file
from aligner.batch.pairing.naming import is_safe_name
from aligner.batch.reporting.digest import comparable_links, own_inconsistencies, term_tallies
from aligner.batch.running.state import QA_FILE, output_files, write_state
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
    qa_report,
    read_alignment,
    write_outputs,
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
    """What every pair is checked and written with; ``accepted`` pairs finding ids with
    the reviewer's notes, and holds for every document alike."""

    outdir: str
    align: AlignOptions
    deliverables: tuple[str, ...]
    accepted: tuple[tuple[str, str], ...] = ()
    handout: Literal["clean", "review"] = "review"
    qa: QAOptions = DEFAULT_QA_OPTIONS


@lru_cache(maxsize=4)
def load_glossary(options: AlignOptions) -> tuple[GlossaryEntry, ...]:
    """Loaded once per process, not once per pair (workers started by fork inherit it)."""
    return load_glossary_entries(options)


@lru_cache(maxsize=4)
def _scorer(options: AlignOptions) -> Scorer:
    """One scorer per process: it caches what it learns about words, and pairs share words."""
    return make_scorer(options, load_glossary(options))


def pair_folder(outdir: str, name: str) -> Path:
    """The pair's own folder, refusing any name or existing link that would lead elsewhere."""
    root = Path(outdir)
    if not is_safe_name(name):
        raise InputError(name, "not a safe folder name")
    folder = root / name
    if folder.is_symlink():
        raise InputError(str(folder), "is a symbolic link; refusing to write through it")
    folder.mkdir(parents=True, exist_ok=True)
    if folder.resolve().parent != root.resolve():
        raise InputError(str(folder), "resolves outside the output folder")
    return folder


def report_for(job: PairJob, settings: WorkSettings) -> Report:
    options = settings.align
    entries = load_glossary(options)
    source, target = load_pair_bytes(
        job.zh, job.zh_name, job.en, job.en_name, split_lines=options.split_lines
    )
    if job.alignment_name is not None and job.alignment is not None:
        given = read_alignment(job.alignment_name, source, target, data=job.alignment)
        alignment = align_given(source, target, given, options, entries, scorer=_scorer(options))
    else:
        alignment = align_documents(source, target, options, entries, scorer=_scorer(options))
    return qa_report(alignment, entries, accepted=dict(settings.accepted), qa=settings.qa)


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


def _write(report: Report, job: PairJob, settings: WorkSettings) -> None:
    folder = pair_folder(settings.outdir, job.name)
    paths = [str(folder / QA_FILE)]
    paths += [str(folder / deliverable_file(job.name, kind)) for kind in settings.deliverables]
    write_outputs(report, paths, OutputSettings(with_qa=True, handout=settings.handout))
    write_state(folder, job.content_hash, output_files(job.name, settings.deliverables))


def _failed(job: PairJob, reason: str) -> PairResult:
    return PairResult(job.name, job.zh_name, job.en_name, "failed", reason)


def process_pair(job: PairJob, settings: WorkSettings) -> PairResult:
    """Check one pair and write its outputs; never raises for a problem with the pair."""
    try:
        report = report_for(job, settings)
        _write(report, job, settings)
        return result_from_report(job.name, job.zh_name, job.en_name, report)
    except InputError as error:
        return _failed(job, f"{error.path}: {error.problem}")
    except OSError as error:
        return _failed(job, f"cannot write the results ({error.strerror or error})")
    except MemoryError:
        return _failed(job, "ran out of memory while checking this pair")
    except Exception as error:  # one pair's bug must not stop the batch
        return _failed(job, f"internal error ({type(error).__name__}: {error})")
