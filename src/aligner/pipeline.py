"""The pipeline as library calls: read → segment → align → check → write.

This is the only route into the stages for the command line and for batch runs: each
function takes plain values and returns the model's types, so anything the command line
does is one call here for a script too. Stages are imported when first used, so a command
pays only for what it runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from aligner.checklists.model import ChecklistProblem, ChecklistRule
from aligner.errors import InputError
from aligner.formats.settings import OutputSettings
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.problems import GlossaryProblem
from aligner.model import Alignment, Document, Lang, RawDocument, Report

if TYPE_CHECKING:
    from aligner.align.evaluate import Scores
    from aligner.align.scorer import Scorer, SpanScorer
    from aligner.formats.alignment import GivenAlignment

__all__ = [
    "AlignOptions",
    "CorpusScores",
    "OutputSettings",
    "QAOptions",
    "StageTimes",
    "align_documents",
    "align_files",
    "align_given",
    "bundled_checklist_bytes",
    "check_checklist",
    "check_glossary",
    "check_outputs",
    "compare_glossaries",
    "config_defaults",
    "convert_glossary",
    "evaluate_corpus",
    "glossary_notices",
    "load_acceptances",
    "load_checklist_rules",
    "load_document",
    "load_glossary_entries",
    "load_pair",
    "load_pair_bytes",
    "load_words",
    "make_scorer",
    "output_bytes",
    "parse_severities",
    "qa_report",
    "read_alignment",
    "read_bilingual",
    "render",
    "segment_file",
    "write_outputs",
]


@dataclass(frozen=True)
class AlignOptions:
    """Settings shared by ``align``, ``qa`` and batch runs."""

    split_lines: bool = False
    scorer: str = "auto"
    glossaries: tuple[str, ...] = ()
    use_bundled_glossary: bool = True
    link_types: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class QAOptions:
    """Settings of the QA checks beyond the glossary, shared by ``qa`` and batch runs.

    ``checklists`` and ``words`` are files (checklist rules, known words for the spelling
    check); ``severities`` are per-check overrides, (check, "error" | "warning" | "info" |
    "off"), from the configuration or ``--severity``.
    """

    checklists: tuple[str, ...] = ()
    use_bundled_checklist: bool = True
    words: tuple[str, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()


@dataclass
class StageTimes:
    """Seconds spent reading and segmenting, preparing the scorer, and searching.

    Preparation includes dictionary look-ups and, for the semantic scorers, embedding.
    """

    read: float = 0.0
    prepare: float = 0.0
    search: float = 0.0


# --- reading --------------------------------------------------------------------------------


def segment_file(
    path: str, lang: Lang | Literal["auto"] = "auto", *, split_lines: bool = False
) -> Document:
    """One file's sentences; ``auto`` tells the language from the script."""
    from aligner.readers import check_side, detect_lang, read_document
    from aligner.segment import segment

    raw = read_document(path, split_lines=split_lines)
    side: Lang = detect_lang(raw) if lang == "auto" else lang
    if lang != "auto":
        check_side(raw, side)
    return segment(raw, side, split_lines=split_lines)


def load_document(path: str, lang: Lang, *, split_lines: bool = False) -> Document:
    """Read and segment one side, refusing a file whose script does not match the side."""
    return segment_file(path, lang, split_lines=split_lines)


def load_pair(
    zh_path: str, en_path: str, *, split_lines: bool = False
) -> tuple[Document, Document]:
    """Read and segment both sides, checking them together so a mistake is named right.

    Two English files (or one file given twice) are reported as that, not as "swapped?".
    """
    from aligner.readers import read_document

    if zh_path == en_path == "-":
        # Otherwise the English side would read an exhausted stream and call it empty.
        raise InputError(
            "<stdin>", "standard input can feed only one side; give the other as a file"
        )
    zh_raw = read_document(zh_path, split_lines=split_lines)
    en_raw = read_document(en_path, split_lines=split_lines)
    return _segment_pair(zh_raw, en_raw, split_lines)


def load_pair_bytes(
    zh: bytes, zh_name: str, en: bytes, en_name: str, *, split_lines: bool = False
) -> tuple[Document, Document]:
    """The same as :func:`load_pair` for contents already read (a batch member)."""
    from aligner.readers import read_bytes

    zh_raw = read_bytes(zh, zh_name, split_lines=split_lines)
    en_raw = read_bytes(en, en_name, split_lines=split_lines)
    return _segment_pair(zh_raw, en_raw, split_lines)


def _segment_pair(
    zh_raw: RawDocument, en_raw: RawDocument, split_lines: bool
) -> tuple[Document, Document]:
    from aligner.readers import check_sides
    from aligner.segment import segment

    check_sides(zh_raw, en_raw)
    return (
        segment(zh_raw, "zh", split_lines=split_lines),
        segment(en_raw, "en", split_lines=split_lines),
    )


def read_bilingual(path: str) -> Alignment:
    """An XLIFF or TMX file as it stands (for example after editing in a CAT tool)."""
    from aligner.formats.bilingual import read_bilingual as read

    return read(path)


def load_glossary_entries(options: AlignOptions) -> tuple[GlossaryEntry, ...]:
    from aligner.glossary.load import glossary_entries

    return glossary_entries(options.glossaries, include_bundled=options.use_bundled_glossary)


def glossary_notices(options: AlignOptions) -> list[str]:
    """One line per term a later glossary redefines, to print once before a run."""
    from aligner.glossary.load import glossary_overrides

    found = glossary_overrides(options.glossaries, include_bundled=options.use_bundled_glossary)
    return [f"{override.origin}: {override.message}" for override in found]


def compare_glossaries(
    glossaries: Sequence[Glossary], *, include_bundled: bool = True
) -> list[tuple[str, str]]:
    """Terms that a later glossary of ``glossaries`` (after the bundled one, unless left
    out) defines differently from an earlier one, as ``glossary check`` lists them: the
    winning entry's origin ("file:line") and what changes."""
    from aligner.glossary.load import bundled_glossary
    from aligner.glossary.precedence import overrides

    order = [bundled_glossary(), *glossaries] if include_bundled else list(glossaries)
    return [(override.origin, override.message) for override in overrides(order)]


def check_glossary(path: str) -> tuple[Glossary | None, list[GlossaryProblem]]:
    """Every problem of a glossary file, with its line (``glossary check``)."""
    from aligner.glossary.validate import check_glossary as check

    return check(path)


def convert_glossary(source: str, target: str, *, tbx_dialect: str = "2019") -> int:
    """Convert between TBX, CSV and TSV by extension; returns the number of terms written.

    The output may not be the input under another name.
    """
    from aligner.files import refuse_outputs_onto_inputs
    from aligner.glossary.convert import convert_glossary as convert

    refuse_outputs_onto_inputs([target], [source])
    return convert(source, target, tbx_dialect=tbx_dialect)  # type: ignore[arg-type]


# --- aligning -------------------------------------------------------------------------------


def align_files(
    zh_path: str,
    en_path: str,
    options: AlignOptions = AlignOptions(),
    glossary: Sequence[GlossaryEntry] | None = None,
    timings: StageTimes | None = None,
    alignment: str | None = None,
) -> Alignment:
    """Align two files; ``glossary`` defaults to the entries the options name.

    ``timings``, when given, receives the seconds each stage took. ``alignment`` names a
    saved alignment (``--alignment``) to use instead: complete, it is taken as it is;
    partial, its links are kept and the rest is aligned around them.
    """
    started = time.perf_counter()
    source, target = load_pair(zh_path, en_path, split_lines=options.split_lines)
    given = read_alignment(alignment, source, target) if alignment is not None else None
    entries = load_glossary_entries(options) if glossary is None else tuple(glossary)
    if timings is not None:
        timings.read = time.perf_counter() - started
    if given is not None:
        return align_given(source, target, given, options, entries, timings=timings)
    return align_documents(source, target, options, entries, timings=timings)


def read_alignment(
    path: str, source: Document, target: Document, data: bytes | None = None
) -> GivenAlignment:
    """A saved alignment (``.links``, our ``.json`` or a review file), checked against the
    two texts: ids in range, each sentence once, in order, made for these texts. ``data``
    holds the file's bytes when they were read already (a batch reads in its main process).
    """
    from aligner.formats.alignment import parse_alignment, read_alignment_file

    if data is not None:
        return parse_alignment(data, path, source, target)
    return read_alignment_file(path, source, target)


def align_given(
    source: Document,
    target: Document,
    given: GivenAlignment,
    options: AlignOptions,
    glossary: Sequence[GlossaryEntry],
    *,
    scorer: Scorer | None = None,
    timings: StageTimes | None = None,
) -> Alignment:
    """The given links (confidence 1.0) with every gap between them aligned.

    A scorer is made (or ``scorer`` used) only when some gap holds a sentence, so a complete
    saved alignment costs no model loading and no search.
    """
    from aligner.align import SearchConfig
    from aligner.align import make_scorer as build
    from aligner.align.anchored import complete_alignment

    config = (
        SearchConfig()
        if options.link_types is None
        else SearchConfig(link_types=options.link_types)
    )
    started = time.perf_counter()

    def prepare() -> SpanScorer:
        chosen = scorer if scorer is not None else build(options.scorer, glossary)
        return chosen.prepare(source, target)

    alignment = complete_alignment(source, target, given.pieces, prepare, config)
    if timings is not None:
        timings.search = time.perf_counter() - started
    return alignment


def align_documents(
    source: Document,
    target: Document,
    options: AlignOptions,
    glossary: Sequence[GlossaryEntry],
    *,
    scorer: Scorer | None = None,
    timings: StageTimes | None = None,
) -> Alignment:
    """Align two segmented documents with the scorer and link shapes the options name.

    ``scorer`` may pass in a scorer built once for many documents (a batch worker keeps one,
    since it caches what it learns about words); by default one is made for this call.
    """
    from aligner.align import SearchConfig, align_prepared, make_scorer

    chosen = scorer if scorer is not None else make_scorer(options.scorer, glossary)
    config = (
        SearchConfig()
        if options.link_types is None
        else SearchConfig(link_types=options.link_types)
    )
    started = time.perf_counter()
    span_scorer = chosen.prepare(source, target)
    prepared = time.perf_counter()
    alignment = align_prepared(source, target, span_scorer, config)
    if timings is not None:
        timings.prepare = prepared - started
        timings.search = time.perf_counter() - prepared
    return alignment


def make_scorer(options: AlignOptions, glossary: Sequence[GlossaryEntry]) -> Scorer:
    """A scorer to reuse across many :func:`align_documents` calls."""
    from aligner.align import make_scorer as build

    return build(options.scorer, glossary)


# --- checking -------------------------------------------------------------------------------


def qa_report(
    alignment: Alignment,
    glossary: Sequence[GlossaryEntry],
    *,
    reference: Document | None = None,
    checks: Sequence[str] | None = None,
    accepted: Mapping[str, str] | None = None,
    qa: QAOptions | None = None,
    checklist: Sequence[ChecklistRule] | None = None,
    words: frozenset[str] | None = None,
) -> Report:
    """Run the QA checks and find glossary terms for highlighting in deliverables.

    ``accepted`` maps finding ids a reviewer accepted to their notes (see
    :func:`load_acceptances`); those findings move to ``Report.accepted``. ``qa`` names
    checklists, word lists and severity overrides (by default: the bundled checklist).
    ``checklist`` and ``words``, when given, are the rules and words ``qa``'s files hold,
    read already (a batch reads them once, where the files are, and sends them to workers).
    """
    from aligner.checks.accepted import apply_acceptances
    from aligner.checks.base import CheckContext
    from aligner.checks.registry import run_checks
    from aligner.checks.severity import override_severities
    from aligner.glossary.match import term_hits

    qa = qa or QAOptions()
    context = CheckContext(
        glossary=tuple(glossary),
        reference=reference,
        checklist=load_checklist_rules(qa, glossary) if checklist is None else tuple(checklist),
        words=load_words(qa) if words is None else words,
    )
    findings = override_severities(run_checks(alignment, context, checks), qa.severities)
    report = Report(alignment, findings, term_hits(alignment, glossary))
    return apply_acceptances(report, accepted or {})


def load_checklist_rules(
    qa: QAOptions, glossary: Sequence[GlossaryEntry]
) -> tuple[ChecklistRule, ...]:
    """The checklist rules in force: the bundled checklist (unless left out), then each file."""
    from aligner.checklists.load import checklist_rules

    return checklist_rules(qa.checklists, glossary, include_bundled=qa.use_bundled_checklist)


def bundled_checklist_bytes() -> bytes:
    """The bundled customs checklist as shipped (batch fingerprints its settings with it)."""
    from aligner.checklists.load import bundled_bytes

    return bundled_bytes()


def config_defaults(directory: str | None = None) -> dict[str, dict[str, Any]]:
    """The working directory's ``aligner.toml`` (or ``[tool.aligner]`` in ``pyproject.toml``)
    as defaults of the commands' options, by command and option name; empty without one."""
    from aligner.config import command_defaults, load_config

    return command_defaults(load_config(Path(directory) if directory else None))


def parse_severities(values: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``--severity CHECK=LEVEL`` values as (check, level) pairs."""
    from aligner.config import parse_severity_option

    return parse_severity_option(tuple(values))


def load_words(qa: QAOptions) -> frozenset[str]:
    """Every word of the ``--words`` files, for the spelling check."""
    from aligner.lexicon.wordlist import read_word_lists

    return read_word_lists(qa.words)


def check_checklist(
    path: str, glossary: Sequence[GlossaryEntry]
) -> tuple[tuple[ChecklistRule, ...], tuple[ChecklistProblem, ...]]:
    """Every rule of a checklist file that works and every problem, by line (``checklist
    check``); patterns are compiled against ``glossary`` (``{term:…}`` must name a term)."""
    from aligner.checklists.load import check_checklist as check

    return check(path, glossary)


def load_acceptances(paths: Iterable[str]) -> dict[str, str]:
    """Accepted finding ids and their notes from ``--accepted`` files (lists or review files).

    Where several files accept one id, the note of the last file given is kept.
    """
    accepted: dict[str, str] = {}
    paths = list(paths)
    if not paths:
        return accepted
    from aligner.formats.accepted import read_accepted

    for path in paths:
        for acceptance in read_accepted(path):
            accepted[acceptance.id] = acceptance.note
    return accepted


# --- writing --------------------------------------------------------------------------------


def check_outputs(paths: Iterable[str], inputs: Iterable[str | None]) -> None:
    """Refuse, before any work is done, an output path that would replace an input."""
    from aligner.files import refuse_outputs_onto_inputs

    refuse_outputs_onto_inputs(paths, [name for name in inputs if name])


def write_outputs(
    report: Report,
    paths: Iterable[str],
    settings: OutputSettings,
    inputs: Iterable[str | None] = (),
) -> list[str]:
    """Write each path in the format its extension names; returns the paths written.

    Every path is checked against every input first, so no output can replace an input,
    and nothing is written if one path is refused.
    """
    from aligner.files import refuse_outputs_onto_inputs
    from aligner.formats.registry import write_report

    wanted = list(paths)
    refuse_outputs_onto_inputs(wanted, [name for name in inputs if name])
    for path in wanted:
        write_report(report, path, settings)
    return wanted


def output_bytes(report: Report, path: str, settings: OutputSettings) -> bytes:
    """The content of the output ``path``'s extension names, for a caller that writes it
    elsewhere (a batch worker hands it to the process that owns the output folder)."""
    from aligner.formats.registry import file_extensions, format_for

    found = format_for(path)
    if found is None:
        known = ", ".join(file_extensions())
        raise ValueError(f"{path}: unknown output extension; use one of {known}")
    return found.load()(report, settings)


def render(report: Report, name: str, settings: OutputSettings) -> str:
    """An output printed on standard output, by its registry name (``json``, ``links``…)."""
    from aligner.formats.registry import render as render_bytes

    return render_bytes(report, name, settings).decode("utf-8")


# --- evaluating -----------------------------------------------------------------------------


@dataclass
class CorpusScores:
    """Scores of a corpus against its gold alignments, per document and in all.

    ``rows`` is (document, strict, lax) per document; with aligning, ``details`` holds a
    line of timings per document and ``summary`` the total timings.
    """

    rows: list[tuple[str, Scores, Scores]] = field(default_factory=list)
    total: tuple[Scores, Scores] | None = None
    details: list[str] = field(default_factory=list)
    summary: str = ""


def evaluate_corpus(
    gold_dir: str,
    *,
    pred_dir: str | None = None,
    zh_dir: str | None = None,
    en_dir: str | None = None,
    scorer: str = "auto",
) -> CorpusScores:
    """Score predictions (``pred_dir``), or align ``zh_dir``/``en_dir`` and score that.

    The texts are one sentence per line, as corpora ship them; no glossary is used, so
    the figures measure the aligner alone.
    """
    from aligner.align.evaluate import Counts, count, scores

    gold_files = sorted(Path(gold_dir).glob("*.align"))
    if not gold_files:
        raise InputError(gold_dir, "no .align files found")
    started = time.perf_counter()
    aligner = _CorpusAligner(scorer) if zh_dir is not None and en_dir is not None else None
    result = CorpusScores()
    total = Counts()
    for gold_file in gold_files:
        if aligner is not None and zh_dir is not None and en_dir is not None:
            predicted = aligner.align(
                Path(zh_dir) / f"{gold_file.stem}.zh", Path(en_dir) / f"{gold_file.stem}.en"
            )
        else:
            pred_file = Path(pred_dir or ".") / gold_file.name
            if not pred_file.is_file():
                raise InputError(str(pred_file), "missing prediction for this gold file")
            predicted = read_link_file(pred_file)
        counts = count(read_link_file(gold_file), predicted)
        total = total + counts
        strict, lax = scores(counts)
        result.rows.append((gold_file.stem, strict, lax))
    result.total = scores(total)
    if aligner is not None:
        result.details = aligner.details
        result.summary = aligner.summary(time.perf_counter() - started)
    return result


class _CorpusAligner:
    """Aligns corpus pairs with one scorer, timing each stage."""

    def __init__(self, scorer_name: str) -> None:
        from aligner.align import make_scorer as build

        self.scorer = build(scorer_name)
        self.embedding = 0.0
        self.preparing = 0.0
        self.searching = 0.0
        self.sentences = 0
        self.windows = 0
        self.cached = 0
        self.encoded = 0
        self.details: list[str] = []

    def align(self, zh_path: Path, en_path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        from aligner.align import align_prepared

        for path in (zh_path, en_path):
            if not path.is_file():
                raise InputError(str(path), "missing text for this gold file")
        source = load_document(str(zh_path), "zh", split_lines=True)
        target = load_document(str(en_path), "en", split_lines=True)
        started = time.perf_counter()
        span_scorer = self.scorer.prepare(source, target)
        prepared = time.perf_counter()
        alignment = align_prepared(source, target, span_scorer)
        searched = time.perf_counter()
        stats = getattr(span_scorer, "embedding", None)
        embedding = float(getattr(stats, "seconds", 0.0))
        self.embedding += embedding
        self.preparing += prepared - started - embedding
        self.searching += searched - prepared
        sentences = len(source.segments) + len(target.segments)
        encoded = int(getattr(stats, "encoded", 0))
        self.sentences += sentences
        self.windows += int(getattr(stats, "distinct", 0))
        self.cached += int(getattr(stats, "from_cache", 0))
        self.encoded += encoded
        self.details.append(
            f"{zh_path.stem:<12} {sentences:5d} sentences in {searched - started:5.1f} s"
            f" ({_rate(sentences, searched - started)})   embedding {embedding:5.1f} s"
            f" ({encoded} windows encoded)   other preparation"
            f" {prepared - started - embedding:5.1f} s   search {searched - prepared:5.1f} s"
        )
        return [(link.zh, link.en) for link in alignment.links]

    def summary(self, elapsed: float) -> str:
        """One line a user can compare between runs: throughput first, then where it went.

        Sentences per second counts both sides over the whole run (reading included), the
        figure that decides how long an archive takes; the encoding rate counts only the
        sentence windows the model had to embed, so a warm cache shows as none encoded.
        """
        embedding_note = (
            f"; {self.windows} distinct sentence windows, {self.cached} from the cache,"
            f" {self.encoded} encoded ({_rate(self.encoded, self.embedding, 'windows')})"
            if self.windows
            else ""
        )
        return (
            f"{self.scorer.name} scorer: {self.sentences} sentences in {elapsed:.1f} s"
            f" ({_rate(self.sentences, elapsed)}); embedding {self.embedding:.1f} s,"
            f" other preparation {self.preparing:.1f} s, search {self.searching:.1f} s"
            f"{embedding_note}"
        )


def _rate(count: int, seconds: float, unit: str = "sentences") -> str:
    """``count`` per second, or a dash when nothing was timed (a warm cache encodes nothing)."""
    if count == 0 or seconds <= 0:
        return f"— {unit}/s"
    return f"{count / seconds:,.0f} {unit}/s"


def read_link_file(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse one ``.align`` file, blaming that file (not its partner) for any defect."""
    from aligner.files import read_input_file
    from aligner.formats.links import parse_links

    data = read_input_file(str(path), max_bytes=64 * 1024 * 1024, what="link file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        return parse_links(text, str(path))
    except ValueError as error:
        raise InputError(str(path), str(error).removeprefix(f"{path}: ")) from None
