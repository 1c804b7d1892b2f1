"""Command line: a thin layer that parses options and calls the pipeline.

Every user-fixable problem surfaces as one line on stderr, ``aligner: error: FILE:
PROBLEM``, and exit code 2; exit 1 is reserved for ``--fail-on`` in QA commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from aligner import __version__
from aligner.checks.registry import CHECKS as CHECK_NAMES
from aligner.errors import InputError, SettingError

EXIT_BAD_INPUT = 2
# Kept in step with aligner.align.SCORER_NAMES, which this module does not import.
SCORER_CHOICES = ["auto", "lexical", "semantic", "hybrid", "ensemble"]
SCORER_HELP = (
    "Similarity model: hybrid (sentence-window embeddings with dictionary evidence, the "
    "default through auto), semantic (embeddings alone), lexical (dictionary alone, no "
    "model) or ensemble (hybrid with a second embedding model; needs the ensemble extra, "
    "most accurate on free translations, about ten times slower to embed). How readily a "
    "sentence is left unlinked follows how closely each document's translation follows "
    "its original, so additions and omissions in close translations are still reported."
)


class AlignerGroup(click.Group):
    """Turns InputError (and broken pipes) into a clean exit instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"aligner: error: {error.path}: {error.problem}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except SettingError as error:
            click.echo(f"aligner: error: {error.setting}: {error.problem}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=AlignerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
def main() -> None:
    """Align a Chinese original with its English translation and check the translation.

    Chinese is always the source (zh-CN, authoritative) and English the target (en).

    \b
    Examples:
      aligner align release.zh.txt release.en.txt            # side-by-side in the terminal
      aligner align release.zh.docx release.en.html -o out/release.json -o out/release.links
      aligner segment release.en.txt                          # one sentence per line
    """


split_lines_option = click.option(
    "--split-lines",
    is_flag=True,
    help="Input is one sentence per line (blank lines between paragraphs): do not re-segment.",
)


@main.command()
@click.argument("file", metavar="FILE")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of FILE; auto detects it from the script.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["lines", "json"]),
    default="lines",
    show_default=True,
    help="lines: one sentence per line, blank line between paragraphs; json: ids and paragraphs.",
)
@split_lines_option
def segment(file: str, lang: str, fmt: str, split_lines: bool) -> None:
    """Split FILE (txt, docx, html, or - for stdin) into sentences.

    \b
    Example:
      aligner segment samples/gacc-2025-01-13.zh.txt --format json
    """
    from aligner.readers import check_side, detect_lang, read_document
    from aligner.segment import segment as segment_raw

    raw = read_document(file, split_lines=split_lines)
    side = detect_lang(raw) if lang == "auto" else lang
    if lang != "auto":
        check_side(raw, side)  # type: ignore[arg-type]
    doc = segment_raw(raw, side, split_lines=split_lines)  # type: ignore[arg-type]
    if fmt == "json":
        payload = {
            "lang": doc.lang,
            "path": doc.path,
            "segments": [
                {"id": s.id, "text": s.text, "paragraph": s.paragraph} for s in doc.segments
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    previous = None
    for s in doc.segments:
        if previous is not None and s.paragraph != previous:
            click.echo("")
        click.echo(s.text)
        previous = s.paragraph


def _parse_link_types(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[tuple[int, int], ...] | None:
    """ "1:1,1:2,0:1" → ((1, 1), (1, 2), (0, 1)); 1:1 is always needed to link anything."""
    if not value:
        return None
    shapes: list[tuple[int, int]] = []
    for item in value.split(","):
        zh, sep, en = item.strip().partition(":")
        if not sep or not zh.isdigit() or not en.isdigit() or int(zh) + int(en) == 0:
            raise click.BadParameter(f"{item.strip()!r} is not a link shape like 1:2")
        if int(zh) > 4 or int(en) > 4:
            raise click.BadParameter(f"{item.strip()!r}: at most 4 sentences a side")
        shapes.append((int(zh), int(en)))
    if (1, 1) not in shapes:
        raise click.BadParameter("the list must include 1:1")
    return tuple(dict.fromkeys(shapes))


def align_options(func: Any) -> Any:
    """Options shared by ``align`` and ``qa``."""
    decorators = [
        split_lines_option,
        click.option(
            "--link-types",
            callback=_parse_link_types,
            metavar="ZH:EN,...",
            help="Link shapes the aligner may use, e.g. 0:1,1:0,1:1,1:2,2:1 "
            "[default: 0:1,1:0,1:1,1:2,2:1,2:2,1:3,3:1,1:4,4:1,2:3,3:2].",
        ),
        click.option(
            "-v",
            "--verbose",
            is_flag=True,
            help="Report on stderr the time spent reading, preparing the scorer "
            "(embeddings included) and searching.",
        ),
        click.option(
            "--scorer",
            type=click.Choice(SCORER_CHOICES),
            default="auto",
            show_default=True,
            help=SCORER_HELP,
        ),
        click.option(
            "--glossary",
            "glossaries",
            multiple=True,
            type=click.Path(dir_okay=False),
            help="Extra glossary (TBX, CSV or TSV); may repeat. Its terms also help alignment.",
        ),
        click.option(
            "--no-default-glossary",
            is_flag=True,
            help="Do not apply the bundled customs glossary.",
        ),
        click.option(
            "-o",
            "--output",
            "outputs",
            multiple=True,
            type=click.Path(dir_okay=False),
            help="Write a file; the format follows the extension "
            "(.links .tsv .csv .json .docx .xlf .tmx .html). May repeat.",
        ),
        click.option(
            "--layout",
            type=click.Choice(["table", "interleaved"]),
            default="table",
            show_default=True,
            help="DOCX handout layout: side-by-side table, or Chinese then English paragraphs.",
        ),
        click.option(
            "--xliff-version",
            type=click.Choice(["1.2", "2.1"]),
            default="1.2",
            show_default=True,
            help="XLIFF version for .xlf/.xliff outputs.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _check_outputs(outputs: tuple[str, ...], inputs: tuple[str | None, ...]) -> None:
    """Refuse unknown extensions and any output that would replace one of the inputs."""
    from aligner.files import refuse_outputs_onto_inputs
    from aligner.writers.registry import FORMATS, format_for

    for path in outputs:
        if format_for(path) is None:
            raise click.BadParameter(
                f"{path}: unknown extension; use one of {', '.join(sorted(FORMATS))}",
                param_hint="-o/--output",
            )
    refuse_outputs_onto_inputs(outputs, [name for name in inputs if name])


def _write_outputs(report: Any, outputs: tuple[str, ...], **options: Any) -> None:
    from aligner.writers.registry import WriteOptions, write_report

    settings = WriteOptions(**options)
    for path in outputs:
        write_report(report, path, settings)
        click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("zh", metavar="ZH")
@click.argument("en", metavar="EN")
@align_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["side-by-side", "links", "tsv", "json"]),
    default=None,
    help="What to print on stdout [default: side-by-side, or nothing when -o is given].",
)
def align(
    zh: str,
    en: str,
    split_lines: bool,
    link_types: tuple[tuple[int, int], ...] | None,
    verbose: bool,
    scorer: str,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    outputs: tuple[str, ...],
    layout: str,
    xliff_version: str,
    fmt: str | None,
) -> None:
    """Align the Chinese original ZH with its English translation EN.

    Each file may be .txt (any common encoding), .docx, .html, or - for stdin. Every
    sentence of both sides appears exactly once in the result, in order; links may be
    1:1, 1:2, 2:1, 2:2, 1:3, 3:1, or 1:0 / 0:1 for an omission or an addition.

    \b
    Examples:
      aligner align samples/gacc-2025-01-13.zh.txt samples/gacc-2025-01-13.en.txt
      aligner align zh.txt en.txt --format links > pred.align
      aligner align zh.docx en.docx -o handout.docx -o release.xlf -o release.json
    """
    from aligner.model import Report
    from aligner.pipeline import AlignOptions, align_files

    _check_outputs(outputs, (zh, en, *glossaries))
    options = AlignOptions(
        split_lines=split_lines,
        scorer=scorer,
        glossaries=glossaries,
        use_bundled_glossary=not no_default_glossary,
        link_types=link_types,
    )
    timings: dict[str, float] = {}
    alignment = align_files(zh, en, options, timings=timings)
    _report_timings(verbose, timings)
    report = Report(alignment)
    _write_outputs(report, outputs, layout=layout, xliff_version=xliff_version)
    _print_report(report, fmt or ("side-by-side" if not outputs else None))


def _report_timings(verbose: bool, timings: dict[str, float]) -> None:
    if verbose and timings:
        click.echo(
            f"aligner: read {timings['read']:.2f} s, scorer preparation "
            f"{timings['prepare']:.2f} s, search {timings['search']:.2f} s",
            err=True,
        )


def _print_report(report: Any, fmt: str | None) -> None:
    if fmt is None:
        return
    if fmt == "links":
        from aligner.writers.links import render_links

        click.echo(render_links(report), nl=False)
    elif fmt == "tsv":
        from aligner.writers.table import render_tsv

        click.echo(render_tsv(report), nl=False)
    elif fmt == "json":
        from aligner.writers.jsonfile import render_json

        click.echo(render_json(report), nl=False)
    else:
        from aligner.writers.terminal import render_side_by_side

        click.echo(render_side_by_side(report))


@main.command()
@click.argument("files", metavar="ZH EN | BILINGUAL", nargs=-1, required=True)
@align_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="What to print on stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity exists.",
)
@click.option(
    "--check",
    "checks",
    multiple=True,
    type=click.Choice(sorted(CHECK_NAMES)),
    help="Run only this check; may repeat [default: all].",
)
@click.option(
    "--reference",
    type=click.Path(dir_okay=False),
    help="Earlier English version or machine translation, for the divergence check (chrF, BLEU).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    default="info",
    show_default=True,
    help="Hide findings below this severity in text output (JSON and files keep all).",
)
def qa(
    files: tuple[str, ...],
    split_lines: bool,
    link_types: tuple[tuple[int, int], ...] | None,
    verbose: bool,
    scorer: str,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    outputs: tuple[str, ...],
    layout: str,
    xliff_version: str,
    fmt: str,
    fail_on: str,
    checks: tuple[str, ...],
    reference: str | None,
    min_severity: str,
) -> None:
    """Check the English translation against the Chinese original and the glossary.

    Give ZH and EN to align them first, or one bilingual file (.xlf, .xliff, .tmx, for
    example after editing in a CAT tool) to check it as it stands, without re-aligning.

    Checks: term, number, omission, addition, untranslated, inconsistency, punctuation,
    length, and divergence (with --reference). Each finding names the Chinese and
    English sentences, the check, its severity and what the Chinese or glossary expects.

    \b
    Exit codes: 0 clean (below --fail-on), 1 findings at or above --fail-on, 2 bad input.

    \b
    Examples:
      aligner qa samples/gacc-2025-01-13.zh.txt samples/gacc-2025-01-13.en.txt
      aligner qa zh.docx en.docx --fail-on warning -o report.html -o review.xlf
      aligner qa edited.xlf --format json
    """
    from aligner.model import Severity
    from aligner.pipeline import (
        AlignOptions,
        align_files,
        load_document,
        load_glossary_entries,
        qa_report,
    )

    _check_outputs(outputs, (*files, *glossaries, reference))
    options = AlignOptions(
        split_lines=split_lines,
        scorer=scorer,
        glossaries=glossaries,
        use_bundled_glossary=not no_default_glossary,
        link_types=link_types,
    )
    entries = load_glossary_entries(options)
    if len(files) == 1:
        from aligner.readers.bilingual import read_bilingual

        alignment = read_bilingual(files[0])
    elif len(files) == 2:
        timings: dict[str, float] = {}
        alignment = align_files(files[0], files[1], options, glossary=entries, timings=timings)
        _report_timings(verbose, timings)
    else:
        raise click.UsageError("give ZH and EN files, or one .xlf/.xliff/.tmx file")
    reference_doc = load_document(reference, "en", split_lines=split_lines) if reference else None
    report = qa_report(alignment, entries, reference=reference_doc, checks=checks or None)
    _write_outputs(report, outputs, with_qa=True, layout=layout, xliff_version=xliff_version)
    if fmt == "json":
        from aligner.writers.jsonfile import render_json

        click.echo(render_json(report, with_qa=True), nl=False)
    elif fmt == "html":
        from aligner.writers.html import render_html

        click.echo(render_html(report), nl=False)
    else:
        from aligner.writers.qa_text import render_qa_text

        click.echo(render_qa_text(report, min_severity=Severity(min_severity)), nl=False)
    if fail_on != "never":
        threshold = Severity(fail_on).rank
        if any(f.severity.rank >= threshold for f in report.findings):
            sys.exit(1)


@main.group()
def glossary() -> None:
    """Check and convert glossaries (TBX 2019/2008, CSV, TSV).

    CSV/TSV files need a header with zh and en columns; optional columns are status
    (preferred, admitted, deprecated, forbidden), note, variants and deprecated
    (alternatives separated by |).

    \b
    Examples:
      aligner glossary check glossaries/customs.tbx
      aligner glossary convert glossaries/customs.csv glossaries/customs.tbx
    """


@glossary.command(name="check")
@click.argument("file", metavar="FILE")
def glossary_check(file: str) -> None:
    """Report malformed rows, duplicates and conflicts in FILE, with line numbers.

    Exit 0 when FILE has no errors (warnings are listed but allowed), 2 otherwise.

    \b
    Example:
      aligner glossary check glossaries/customs.tbx
    """
    from aligner.glossary.validate import check_glossary

    loaded, problems = check_glossary(file)
    for found in problems:
        click.echo(f"{found.origin}: {found.severity}: {found.message}")
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    terms = len(loaded.entries) if loaded is not None else 0
    click.echo(f"{file}: {terms} terms, {errors} errors, {warnings} warnings")
    if errors or loaded is None:
        sys.exit(EXIT_BAD_INPUT)


@glossary.command(name="convert")
@click.argument("source", metavar="IN")
@click.argument("target", metavar="OUT")
@click.option(
    "--tbx-dialect",
    type=click.Choice(["2019", "2008"]),
    default="2019",
    show_default=True,
    help="TBX output flavour: ISO 30042:2019 TBX-Basic, or the older TBX 2008 <martif>.",
)
def glossary_convert(source: str, target: str, tbx_dialect: str) -> None:
    """Convert IN to OUT; the formats follow the extensions (.tbx, .csv, .tsv).

    \b
    Example:
      aligner glossary convert glossaries/customs.csv glossaries/customs.tbx
    """
    from aligner.files import refuse_outputs_onto_inputs
    from aligner.glossary.convert import convert_glossary

    refuse_outputs_onto_inputs([target], [source])
    written = convert_glossary(source, target, tbx_dialect=tbx_dialect)  # type: ignore[arg-type]
    click.echo(f"wrote {target}: {written} terms")


@main.command()
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the per-pair results and the summaries (created if needed).",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra glossary (TBX, CSV or TSV); may repeat.",
)
@click.option("--no-default-glossary", is_flag=True, help="Do not apply the bundled glossary.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: one per CPU].",
)
@click.option(
    "--to",
    "to",
    default="",
    metavar="FORMATS",
    help="Deliverables per pair, comma-separated: docx, xliff, tmx, html, json "
    "(qa.json is always written).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a document has a finding at or above this severity, or failed.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Skip pairs whose outputs are up to date (same inputs, glossaries and settings).",
)
@click.option(
    "--pairs",
    "manifest",
    type=click.Path(dir_okay=False),
    help="CSV with zh,en columns (paths relative to the input) listing the pairs; "
    "replaces pairing by file name.",
)
@split_lines_option
@click.option(
    "--scorer",
    type=click.Choice(SCORER_CHOICES),
    default="auto",
    show_default=True,
    help=SCORER_HELP,
)
def batch(
    inputs: tuple[str, ...],
    outdir: str,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    jobs: int | None,
    to: str,
    fail_on: str,
    resume: bool,
    manifest: str | None,
    split_lines: bool,
    scorer: str,
) -> None:
    """Check every release pair in folders, .zip or .tar(.gz) archives.

    \b
    Pairs are found by name (cn and chs mark Chinese too), or listed with --pairs:
      name.zh.txt + name.en.txt     name_zh.txt + name_en.txt
      name-zh.txt + name-en.txt     zh/…/name.txt + en/…/name.txt

    Each pair gets OUTDIR/NAME/qa.json and the --to deliverables; OUTDIR/summary.json,
    summary.csv and summary.html cover the whole run, including unpaired and refused
    files, inconsistencies across documents and how each glossary term was rendered.

    \b
    Exit codes: 0 clean, 1 a document at or above --fail-on (or failed),
    2 nothing could be checked or bad usage.

    \b
    Examples:
      aligner batch releases/ -o qa-out
      aligner batch 2025-q1.zip 2025-q2.tar.gz -o qa-out --to html,xliff --jobs 4
      aligner batch releases/ -o qa-out --resume --fail-on warning
    """
    from aligner.batch import BatchOptions, exit_code, run_batch
    from aligner.batch.model import parse_deliverables
    from aligner.batch.outcome import summary_line
    from aligner.batch.progress import TerminalProgress
    from aligner.pipeline import AlignOptions

    try:
        deliverables = parse_deliverables(to)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--to") from None
    options = BatchOptions(
        inputs=inputs,
        outdir=outdir,
        align=AlignOptions(
            split_lines=split_lines,
            scorer=scorer,
            glossaries=glossaries,
            use_bundled_glossary=not no_default_glossary,
        ),
        deliverables=deliverables,
        jobs=jobs,
        resume=resume,
        manifest=manifest,
    )
    with TerminalProgress() as progress:
        summary = run_batch(options, progress)
    click.echo(summary_line(summary, outdir), err=True)
    sys.exit(exit_code(summary, fail_on))


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of gold alignments (NNN.align).",
)
@click.option(
    "--pred",
    "pred_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of predicted alignments with the same file names.",
)
@click.option(
    "--zh",
    "zh_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Instead of --pred: folder of Chinese NNN.zh files (one sentence per line) to align.",
)
@click.option(
    "--en",
    "en_dir",
    type=click.Path(exists=True, file_okay=False),
    help="With --zh: folder of the English NNN.en files.",
)
@click.option(
    "--scorer",
    type=click.Choice(SCORER_CHOICES),
    default="auto",
    show_default=True,
    help="With --zh/--en: " + SCORER_HELP,
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="With --zh/--en: time embedding, other preparation and search per document.",
)
def evaluate(
    gold_dir: str,
    pred_dir: str | None,
    zh_dir: str | None,
    en_dir: str | None,
    scorer: str,
    verbose: bool,
) -> None:
    """Score alignments against gold ones (strict and lax P/R/F1).

    Either score existing predictions (--pred), or align every NNN.zh / NNN.en pair
    from --zh and --en (one sentence per line, as with --split-lines; no glossary)
    and score that, with timings on stderr. Strict counts a predicted link only if a
    gold link is identical; lax if it shares a sentence on each side with one. Scored
    as Vecalign's and Bertalign's scorer does: null links ([]:[j], [i]:[]) count in
    precision (right only if the gold has the same one), recall is over gold links with
    both sides.

    \b
    Examples:
      aligner eval --gold corpus/gold --zh corpus/zh --en corpus/en --scorer hybrid -v
      aligner eval --gold corpus/gold --pred pred
    """
    import time

    from aligner.align.evaluate import Counts, count, scores

    aligning = zh_dir is not None or en_dir is not None
    if aligning == (pred_dir is not None) or (aligning and (zh_dir is None or en_dir is None)):
        raise click.UsageError("give either --pred, or both --zh and --en")
    gold_files = sorted(Path(gold_dir).glob("*.align"))
    if not gold_files:
        raise InputError(gold_dir, "no .align files found")
    started = time.perf_counter()
    run = _EvalAligner(scorer, verbose) if aligning else None
    total = Counts()
    rows = []
    for gold_file in gold_files:
        if run is not None and zh_dir is not None and en_dir is not None:
            predicted = run.align(
                Path(zh_dir) / f"{gold_file.stem}.zh", Path(en_dir) / f"{gold_file.stem}.en"
            )
        else:
            pred_file = Path(pred_dir or ".") / gold_file.name
            if not pred_file.is_file():
                raise InputError(str(pred_file), "missing prediction for this gold file")
            predicted = _read_link_file(pred_file)
        counts = count(_read_link_file(gold_file), predicted)
        total = total + counts
        strict, lax = scores(counts)
        rows.append((gold_file.stem, strict, lax))
    click.echo(
        f"{'document':<12} {'strict P':>9} {'R':>7} {'F1':>7}   {'lax P':>7} {'R':>7} {'F1':>7}"
    )
    strict, lax = scores(total)
    for name, s, x in [*rows, ("ALL", strict, lax)]:
        click.echo(
            f"{name:<12} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f}"
            f"   {x.precision:>7.3f} {x.recall:>7.3f} {x.f1:>7.3f}"
        )
    if run is not None:
        for line in run.timing_lines(time.perf_counter() - started):
            click.echo(line, err=True)


class _EvalAligner:
    """Aligns corpus pairs for ``eval`` with one scorer, timing each stage."""

    def __init__(self, scorer_name: str, verbose: bool) -> None:
        from aligner.align import make_scorer

        self.verbose = verbose
        self.scorer = make_scorer(scorer_name)
        self.embedding = 0.0
        self.preparing = 0.0
        self.searching = 0.0
        self.sentences = 0
        self.cached = 0
        self.details: list[str] = []

    def align(self, zh_path: Path, en_path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        import time

        from aligner.align import align_prepared
        from aligner.pipeline import load_document

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
        self.sentences += int(getattr(stats, "distinct", 0))
        self.cached += int(getattr(stats, "from_cache", 0))
        self.details.append(
            f"{zh_path.stem:<12} embedding {embedding:6.1f} s   other preparation "
            f"{prepared - started - embedding:5.1f} s   search {searched - prepared:5.1f} s"
        )
        return [(link.zh, link.en) for link in alignment.links]

    def timing_lines(self, elapsed: float) -> list[str]:
        lines = list(self.details) if self.verbose else []
        cache_note = (
            f", {self.cached} of {self.sentences} distinct sentences' vectors from the cache"
            if self.sentences
            else ""
        )
        lines.append(
            f"{self.scorer.name} scorer: {elapsed:.1f} s in all; embedding {self.embedding:.1f} s,"
            f" other preparation {self.preparing:.1f} s, search {self.searching:.1f} s"
            f"{cache_note}"
        )
        return lines


def _read_link_file(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse one ``.align`` file, blaming that file (not its partner) for any defect."""
    from aligner.align.evaluate import parse_links
    from aligner.files import read_input_file

    data = read_input_file(str(path), max_bytes=64 * 1024 * 1024, what="link file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        return parse_links(text, str(path))
    except ValueError as error:
        raise InputError(str(path), str(error).removeprefix(f"{path}: ")) from None


if __name__ == "__main__":  # pragma: no cover
    main()
