"""A batch run from start to finish: list, pair, check (in parallel), summarise.

Inputs are read in the main process, member by member, and each complete pair is handed
to a worker with its bytes; workers never open the archives. Pairs whose outputs are
already up to date are skipped here under ``--resume`` without starting a worker.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from aligner.batch.inputs.listing import Content, Listing
from aligner.batch.inputs.sources import InputKind, input_kind, list_input, read_input
from aligner.batch.model import (
    BatchOptions,
    BatchSummary,
    Member,
    PairResult,
    PlannedPair,
    Rejection,
    Unpaired,
)
from aligner.batch.pairing.by_name import FoundPair, find_pairs
from aligner.batch.pairing.manifest import ManifestPair, manifest_pairs, read_manifest
from aligner.batch.pairing.naming import unique_names
from aligner.batch.reporting.crossdoc import archive_inconsistencies
from aligner.batch.reporting.summary_files import write_summaries
from aligner.batch.reporting.terms import shared_renderings, term_table
from aligner.batch.running.output import write_outcome
from aligner.batch.running.pool import InProcess, PairRunner, WorkerPool
from aligner.batch.running.resume import skipped_result
from aligner.batch.running.state import is_up_to_date, output_files, pair_hash, settings_fingerprint
from aligner.batch.running.worker import PairJob, WorkSettings, load_glossary
from aligner.errors import InputError
from aligner.files import read_input_file, refuse_outdir_around_inputs, remove_stale_temporaries
from aligner.glossary.model import GlossaryEntry
from aligner.model import Lang
from aligner.pipeline import load_checklist_rules, load_words

if TYPE_CHECKING:
    from aligner.batch.running.worker import PairOutcome


class Progress(Protocol):
    """Told how many pairs there are, then about each pair as it finishes."""

    def start(self, total: int) -> None: ...

    def advance(self, result: PairResult) -> None: ...


@dataclass(frozen=True)
class _Plan:
    pairs: tuple[PlannedPair, ...]
    failures: tuple[PairResult, ...]
    unpaired: tuple[Unpaired, ...]
    alignments: Mapping[str, str] = field(default_factory=dict)
    """Saved alignments the manifest gives, by pair name."""


@dataclass(frozen=True)
class _Context:
    options: BatchOptions
    outdir: Path
    fingerprint: str
    glossary: tuple[GlossaryEntry, ...]
    alignments: Mapping[str, str] = field(default_factory=dict)


def available_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _prepare_outdir(path: str) -> Path:
    outdir = Path(path)
    if outdir.exists() and not outdir.is_dir():
        raise InputError(path, "the output exists and is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(path, f"cannot create the output folder ({error.strerror})") from None
    remove_stale_temporaries(outdir)
    return outdir


def _plan(options: BatchOptions, listings: dict[str, Listing]) -> _Plan:
    members = {path: listing.members for path, listing in listings.items()}
    found: list[FoundPair] = []
    unpaired: list[Unpaired] = []
    stems_of_missing: list[str] = []
    missing_results: list[tuple[str, str, str]] = []
    if options.manifest is not None:
        matched, missing, unmatched = manifest_pairs(read_manifest(options.manifest), members)
        found.extend(matched)
        unpaired.extend(unmatched)
        for row in missing:
            stems_of_missing.append(row.stem)
            missing_results.append((row.zh, row.en, row.reason))
    else:
        for path in listings:
            matched, unmatched = find_pairs(members[path])
            found.extend(matched)
            unpaired.extend(unmatched)
    names = unique_names([pair.stem for pair in found] + stems_of_missing)
    pairs = tuple(
        PlannedPair(name, pair.zh, pair.en)
        for name, pair in zip(names[: len(found)], found, strict=True)
    )
    failures = tuple(
        PairResult(name, zh, en, "failed", reason)
        for name, (zh, en, reason) in zip(names[len(found) :], missing_results, strict=True)
    )
    alignments = {
        name: pair.alignment
        for name, pair in zip(names, found, strict=False)
        if isinstance(pair, ManifestPair) and pair.alignment
    }
    return _Plan(pairs, failures, tuple(unpaired), alignments)


def _pair_item(
    pair: PlannedPair, zh: Content, en: Content, context: _Context
) -> PairJob | PairResult:
    """The job for a pair whose bytes are in, or its result when nothing needs doing."""
    for content in (zh, en):
        if content.data is None:
            reason = f"{content.member.shown}: {content.problem}"
            return PairResult(pair.name, pair.zh.shown, pair.en.shown, "failed", reason)
    assert zh.data is not None and en.data is not None
    alignment = context.alignments.get(pair.name)
    fixed: bytes | None = None
    fingerprint = context.fingerprint
    if alignment is not None:
        try:
            fixed = read_input_file(alignment, max_bytes=64 * 1024 * 1024, what="alignment file")
        except InputError as error:
            reason = f"{error.path}: {error.problem}"
            return PairResult(pair.name, pair.zh.shown, pair.en.shown, "failed", reason)
        # The saved alignment decides the outputs as much as the texts do.
        fingerprint += hashlib.sha256(fixed).hexdigest()
    content_hash = pair_hash(fingerprint, (pair.zh.shown, pair.en.shown), (zh.data, en.data))
    options = context.options
    if options.resume:
        folder = context.outdir / pair.name
        files = output_files(pair.name, options.deliverables)
        remove_stale_temporaries(folder)
        if is_up_to_date(folder, content_hash, files):
            stored = skipped_result(
                folder, pair.name, pair.zh.shown, pair.en.shown, context.glossary
            )
            if stored is not None:
                return stored
    return PairJob(
        pair.name, pair.zh.shown, pair.en.shown, zh.data, en.data, content_hash, alignment, fixed
    )


def _items(
    pairs: Sequence[PlannedPair],
    kinds: dict[str, InputKind],
    context: _Context,
    late_rejections: list[Rejection],
) -> Iterator[PairJob | PairResult]:
    """Pairs as soon as both halves have been read, in the order each input reads best.

    A member needed by several pairs (possible with a manifest) is read once; a half
    waits only until its partner has been read.
    """
    by_input: dict[str, list[PlannedPair]] = defaultdict(list)
    for pair in pairs:
        by_input[pair.zh.input].append(pair)
    for path, input_pairs in by_input.items():
        wanted: dict[int, list[tuple[int, Lang]]] = defaultdict(list)
        members: dict[int, Member] = {}
        for index, pair in enumerate(input_pairs):
            sides: tuple[tuple[Lang, Member], ...] = (("zh", pair.zh), ("en", pair.en))
            for lang, member in sides:
                wanted[member.ordinal].append((index, lang))
                members.setdefault(member.ordinal, member)
        halves: dict[int, dict[str, Content]] = defaultdict(dict)
        limits = context.options.limits
        for content in read_input(path, kinds[path], list(members.values()), limits):
            if content.data is None:
                late_rejections.append(Rejection(content.member.shown, content.problem))
            for index, lang in wanted[content.member.ordinal]:
                halves[index][lang] = content
                if len(halves[index]) == 2:
                    both = halves.pop(index)
                    yield _pair_item(input_pairs[index], both["zh"], both["en"], context)


def _runner(settings: WorkSettings, workers: int, scheduler: str | None) -> PairRunner:
    """Where the pairs are checked: a Dask cluster, a local process pool, or right here."""
    if scheduler is not None:
        from aligner.batch.running.dask_pool import DaskPool

        return DaskPool(scheduler, settings)
    if workers <= 1:
        return InProcess(settings)
    return WorkerPool(workers, settings)


def _run_pairs(
    items: Iterator[PairJob | PairResult],
    runner: PairRunner,
    outdir: str,
    record: Progress,
) -> None:
    """Check each pair on ``runner`` and write what comes back; only this process writes."""

    def finish(outcomes: Iterable[PairOutcome]) -> None:
        for outcome in outcomes:
            record.advance(write_outcome(outdir, outcome))

    with runner:
        for item in items:
            if isinstance(item, PairResult):
                record.advance(item)
            else:
                finish(runner.submit(item))
        finish(runner.drain())


class _Collector:
    """Keeps every result and passes it on to the caller's progress display."""

    def __init__(self, progress: Progress | None) -> None:
        self.results: list[PairResult] = []
        self._progress = progress

    def start(self, total: int) -> None:
        if self._progress is not None:
            self._progress.start(total)

    def advance(self, result: PairResult) -> None:
        self.results.append(result)
        if self._progress is not None:
            self._progress.advance(result)


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchSummary:
    """Check every pair found in the inputs and write the per-pair outputs and summaries.

    Raises InputError for problems with the run as a whole (a missing input, an unreadable
    glossary or manifest, an unusable output folder); problems with single files end up
    in the summary instead.
    """
    if options.scheduler is not None:
        from aligner.batch.running.dask_pool import require_dask

        require_dask()
    inputs = tuple(dict.fromkeys(options.inputs))
    kinds = {path: input_kind(path) for path in inputs}
    refuse_outdir_around_inputs(
        options.outdir,
        (
            *inputs,
            options.manifest or "",
            *options.align.glossaries,
            *options.qa.checklists,
            *options.qa.words,
        ),
    )
    outdir = _prepare_outdir(options.outdir)
    glossary = load_glossary(options.align)
    # A bad checklist or word list stops the run before any pair is read; workers get
    # what the files hold, since they may run where the files are not.
    checklist = load_checklist_rules(options.qa, glossary)
    words = load_words(options.qa)
    context = _Context(
        options,
        outdir,
        settings_fingerprint(
            options.align, options.deliverables, options.accepted, options.handout, options.qa
        ),
        glossary,
    )
    listings = {
        path: list_input(path, kinds[path], options.limits, exclude=(str(outdir),))
        for path in inputs
    }
    rejected = [rejection for listing in listings.values() for rejection in listing.rejected]
    plan = _plan(options, listings)
    refuse_outdir_around_inputs(options.outdir, tuple(plan.alignments.values()))
    context = replace(context, alignments=plan.alignments)
    collector = _Collector(progress)
    collector.start(len(plan.pairs) + len(plan.failures))
    for failure in plan.failures:
        collector.advance(failure)
    workers = max(1, min(options.jobs or available_cpus(), len(plan.pairs)))
    settings = WorkSettings(
        options.align,
        options.deliverables,
        glossary,
        checklist,
        words,
        options.accepted,
        options.handout,
        options.qa,
    )
    late: list[Rejection] = []
    runner = _runner(settings, workers, options.scheduler)
    _run_pairs(_items(plan.pairs, kinds, context, late), runner, str(outdir), collector)
    order = {pair.name: position for position, pair in enumerate(plan.pairs)}
    documents = tuple(
        sorted(collector.results, key=lambda result: order.get(result.name, len(order)))
    )
    checked = [result for result in documents if result.status != "failed"]
    terms = term_table(checked)
    inconsistencies, accepted = archive_inconsistencies(checked, dict(options.accepted))
    summary = BatchSummary(
        documents=documents,
        unpaired=plan.unpaired,
        rejected=tuple(rejected + late),
        terms=tuple(terms),
        inconsistencies=inconsistencies,
        shared_renderings=tuple(shared_renderings(terms)),
        deliverables=options.deliverables,
        accepted_inconsistencies=accepted,
    )
    write_summaries(outdir, summary)
    return summary
