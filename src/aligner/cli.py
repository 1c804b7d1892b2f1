"""Command line: a thin layer that parses options and calls the pipeline.

Every user-fixable problem surfaces as one line on stderr, ``aligner: error: FILE:
PROBLEM``, and exit code 2; exit 1 is reserved for ``--fail-on`` in QA commands.
"""

from __future__ import annotations

import gc
import json
import sys
from typing import TYPE_CHECKING, Any

import click

from aligner import __version__
from aligner.checks.registry import CHECKS
from aligner.errors import InputError, SettingError
from aligner.formats import registry as outputs
from aligner.model import Report, Severity
from aligner.pipeline import OutputSettings, QAOptions

if TYPE_CHECKING:
    from aligner.pipeline import StageTimes

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
    """Turns InputError, broken pipes and unwritable output into a clean exit instead of a
    traceback."""

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
        except OSError as error:  # a full disk under a redirected standard output
            where = error.filename or "standard output"
            click.echo(f"aligner: error: {where}: {error.strerror or error}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(cls=AlignerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Align a Chinese original with its English translation and check the translation.

    Chinese is always the source (zh-CN, authoritative) and English the target (en).

    \b
    Examples:
      aligner align release.zh.txt release.en.txt            # side-by-side in the terminal
      aligner align release.zh.docx release.en.html -o out/release.json -o out/release.links
      aligner segment release.en.txt                          # one sentence per line

    Defaults for the options (glossaries, checklists, word lists, accepted findings,
    checks, severities) may be kept in aligner.toml, or [tool.aligner] in pyproject.toml,
    in the working directory; the command line wins.
    """
    from aligner.pipeline import config_defaults

    ctx.default_map = config_defaults()


split_lines_option = click.option(
    "--split-lines",
    is_flag=True,
    help="Input is one sentence per line (blank lines between paragraphs): do not re-segment.",
)

alignment_option = click.option(
    "--alignment",
    "alignment_file",
    type=click.Path(dir_okay=False),
    help="Use a saved alignment instead of aligning: a .links file, or the .json or review "
    "file aligner writes, checked against ZH and EN (every sentence once, in order, made for "
    "these texts). In a .links file a line ... marks a gap: the links given are kept "
    "(confidence 1.0) and the sentences between them are aligned around them.",
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
    from aligner.pipeline import segment_file

    doc = segment_file(file, lang, split_lines=split_lines)  # type: ignore[arg-type]
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


handout_option = click.option(
    "--handout",
    type=click.Choice(["clean", "review"]),
    default="clean",
    show_default=True,
    help="What the DOCX handout is for. clean (the default: the file a press office hands "
    "out): the two texts side by side under the title, date and 'The Chinese version "
    "prevails', without highlights, comments, QA counts, file names or page-chrome rows. "
    "review: for reviewers, with glossary highlights, the words of each finding marked, "
    "findings as comments and a findings table.",
)


def checking_options(func: Any) -> Any:
    """Options of the QA checks shared by ``qa`` and ``batch``."""
    decorators = [
        click.option(
            "--checklist",
            "checklists",
            multiple=True,
            type=click.Path(dir_okay=False),
            help="Checklist of rules (TOML, TSV, CSV or Xbench .xbckl) added to the bundled "
            "customs checklist; may repeat.",
        ),
        click.option(
            "--no-default-checklist",
            is_flag=True,
            help="Do not apply the bundled customs checklist.",
        ),
        click.option(
            "--words",
            multiple=True,
            type=click.Path(dir_okay=False),
            help="Word list for the spelling check (one word a line: names, brands, jargon); "
            "may repeat.",
        ),
        click.option(
            "--severity",
            "severities",
            multiple=True,
            metavar="CHECK=LEVEL",
            help="Report a check's findings at this level (error, warning, info) or not at "
            "all (off), e.g. spelling=info; may repeat.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _qa_options(
    checklists: tuple[str, ...],
    no_default_checklist: bool,
    words: tuple[str, ...],
    severities: tuple[str, ...],
) -> QAOptions:
    from aligner.pipeline import parse_severities

    return QAOptions(
        checklists=tuple(checklists),
        use_bundled_checklist=not no_default_checklist,
        words=tuple(words),
        severities=parse_severities(severities),
    )


accepted_option = click.option(
    "--accepted",
    "accepted_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Findings a reviewer accepted: a review file, or a list with one finding id a line "
    "(as reports show them, e.g. number-3f9a2c1d0b), optionally followed by a note; lines "
    "starting with # and blank lines are ignored. Accepted findings leave the counts and "
    "the exit status and are listed as accepted with their note. May repeat.",
)


def _print_glossary_notices(options: Any) -> None:
    """Terms a --glossary file redefines, said once before the run."""
    from aligner.pipeline import glossary_notices

    for line in glossary_notices(options):
        click.echo(f"aligner: notice: {line}", err=True)


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
            help="Write a file; the format follows the extension: "
            + "; ".join(
                f"{' '.join(f.extensions)} {f.summary}" for f in outputs.OUTPUTS if f.extensions
            )
            + ". May repeat.",
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
        handout_option,
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _check_extensions(paths: tuple[str, ...]) -> None:
    known = ", ".join(sorted(outputs.file_extensions()))
    for path in paths:
        if outputs.format_for(path) is None:
            raise click.BadParameter(
                f"{path}: unknown extension; use one of {known}", param_hint="-o/--output"
            )


def _write_outputs(
    report: Report, paths: tuple[str, ...], settings: OutputSettings, inputs: tuple[str | None, ...]
) -> None:
    from aligner.pipeline import write_outputs

    for path in write_outputs(report, paths, settings, inputs):
        click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("zh", metavar="ZH")
@click.argument("en", metavar="EN")
@align_options
@alignment_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.name for f in outputs.printable("align")]),
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
    handout: str,
    fmt: str | None,
    alignment_file: str | None,
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
      aligner align zh.txt en.txt --alignment fixed.links -o handout.docx
    """
    from aligner.pipeline import AlignOptions, StageTimes, align_files, check_outputs, render

    _check_extensions(outputs)
    check_outputs(outputs, (zh, en, *glossaries, alignment_file))
    options = AlignOptions(
        split_lines=split_lines,
        scorer=scorer,
        glossaries=glossaries,
        use_bundled_glossary=not no_default_glossary,
        link_types=link_types,
    )
    _print_glossary_notices(options)
    timings = StageTimes()
    alignment = align_files(zh, en, options, timings=timings, alignment=alignment_file)
    _report_timings(verbose, timings)
    report = Report(alignment)
    settings = OutputSettings(
        layout=layout,  # type: ignore[arg-type]
        xliff_version=xliff_version,  # type: ignore[arg-type]
        handout=handout,  # type: ignore[arg-type]
    )
    _write_outputs(report, outputs, settings, (zh, en, *glossaries, alignment_file))
    shown = fmt or ("side-by-side" if not outputs else None)
    if shown is not None:
        click.echo(render(report, shown, settings), nl=False)


def _report_timings(verbose: bool, timings: StageTimes) -> None:
    if verbose:
        click.echo(
            f"aligner: read {timings.read:.2f} s, scorer preparation "
            f"{timings.prepare:.2f} s, search {timings.search:.2f} s",
            err=True,
        )


QA_HELP = (
    "Check the English translation against the Chinese original and the glossary.\n\n"
    "Give ZH and EN to align them first, or one bilingual file (.xlf, .xliff, .tmx, for "
    "example after editing in a CAT tool) to check it as it stands, without re-aligning. "
    "Each finding names the Chinese and English sentences, the check, its severity and what "
    "the Chinese or glossary expects.\n\n"
    "\b\nChecks (--check NAME to run only some):\n"
    + "\n".join(f"  {spec.name:<14} {spec.summary}" for spec in CHECKS)
    + "\n\n\b\nExit codes: 0 clean (below --fail-on), 1 findings at or above --fail-on, "
    "2 bad input.\n\n"
    "\b\nExamples:\n"
    "  aligner qa samples/gacc-2025-01-13.zh.txt samples/gacc-2025-01-13.en.txt\n"
    "  aligner qa zh.docx en.docx --fail-on warning -o report.html -o review.xlf\n"
    "  aligner qa edited.xlf --format json\n"
    "  aligner qa zh.txt en.txt --alignment fixed.links -o handout.docx -o report.json"
)


@main.command(help=QA_HELP)
@click.argument("files", metavar="ZH EN | BILINGUAL", nargs=-1, required=True)
@align_options
@alignment_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.name for f in outputs.printable("qa")]),
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
    type=click.Choice([spec.name for spec in CHECKS]),
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
@accepted_option
@checking_options
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
    handout: str,
    fmt: str,
    fail_on: str,
    checks: tuple[str, ...],
    reference: str | None,
    min_severity: str,
    alignment_file: str | None,
    accepted_files: tuple[str, ...],
    checklists: tuple[str, ...],
    no_default_checklist: bool,
    words: tuple[str, ...],
    severities: tuple[str, ...],
) -> None:
    from aligner.pipeline import (
        AlignOptions,
        StageTimes,
        align_files,
        check_outputs,
        load_acceptances,
        load_document,
        load_glossary_entries,
        qa_report,
        read_bilingual,
        render,
    )

    _check_extensions(outputs)
    options = AlignOptions(
        split_lines=split_lines,
        scorer=scorer,
        glossaries=glossaries,
        use_bundled_glossary=not no_default_glossary,
        link_types=link_types,
    )
    if len(files) > 2:
        raise click.UsageError("give ZH and EN files, or one .xlf/.xliff/.tmx file")
    if alignment_file is not None and len(files) != 2:
        raise click.UsageError("--alignment needs the two texts it aligns: give ZH and EN")
    inputs = (*files, *glossaries, reference, alignment_file, *accepted_files, *checklists, *words)
    check_outputs(outputs, inputs)
    qa_options = _qa_options(checklists, no_default_checklist, words, severities)
    accepted = load_acceptances(accepted_files)
    entries = load_glossary_entries(options)
    _print_glossary_notices(options)
    if len(files) == 1:
        alignment = read_bilingual(files[0])
    else:
        timings = StageTimes()
        alignment = align_files(
            files[0], files[1], options, glossary=entries, timings=timings, alignment=alignment_file
        )
        _report_timings(verbose, timings)
    reference_doc = load_document(reference, "en", split_lines=split_lines) if reference else None
    report = qa_report(
        alignment,
        entries,
        reference=reference_doc,
        checks=checks or None,
        accepted=accepted,
        qa=qa_options,
    )
    settings = OutputSettings(
        with_qa=True,
        layout=layout,  # type: ignore[arg-type]
        xliff_version=xliff_version,  # type: ignore[arg-type]
        min_severity=Severity(min_severity),
        handout=handout,  # type: ignore[arg-type]
    )
    _write_outputs(report, outputs, settings, inputs)
    click.echo(render(report, fmt, settings), nl=False)
    if fail_on != "never" and report.counts.at_least(Severity(fail_on)):
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
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option(
    "--no-default-glossary",
    is_flag=True,
    help="Do not compare the files with the bundled customs glossary.",
)
def glossary_check(files: tuple[str, ...], no_default_glossary: bool) -> None:
    """Report malformed rows, duplicates and conflicts in each FILE, with line numbers.

    With several files (and the bundled glossary, unless --no-default-glossary), also list
    each term that a later one defines differently from an earlier one: in a run, the
    glossary given last decides a term, as --glossary files override the bundled glossary.
    Those are notices, not errors.

    Exit 0 when no FILE has errors (warnings and notices are listed but allowed), 2 otherwise.

    \b
    Examples:
      aligner glossary check glossaries/customs.tbx
      aligner glossary check team.csv desk.tbx --no-default-glossary
    """
    from aligner.pipeline import check_glossary, compare_glossaries

    failed = False
    readable = []
    for file in files:
        loaded, problems = check_glossary(file)
        for found in problems:
            click.echo(f"{found.origin}: {found.severity}: {found.message}")
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        terms = len(loaded.entries) if loaded is not None else 0
        click.echo(f"{file}: {terms} terms, {errors} errors, {warnings} warnings")
        failed = failed or bool(errors) or loaded is None
        if loaded is not None:
            readable.append(loaded)
    notices = compare_glossaries(readable, include_bundled=not no_default_glossary)
    for origin, message in notices:
        click.echo(f"{origin}: notice: {message}")
    if notices:
        click.echo(f"{len(notices)} terms defined differently; the glossary given last decides")
    if failed:
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
    from aligner.pipeline import convert_glossary

    written = convert_glossary(source, target, tbx_dialect=tbx_dialect)
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
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Check the pairs on a Dask cluster (tcp://host:8786) instead of local processes; "
    "outputs are still written here. Needs the dask extra.",
)
@click.option(
    "--to",
    "to",
    default="",
    metavar="FORMATS",
    help="Deliverables per pair, comma-separated: "
    + ", ".join(f.name for f in outputs.deliverables())
    + " (qa.json is always written).",
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
@checking_options
@accepted_option
@handout_option
def batch(
    inputs: tuple[str, ...],
    outdir: str,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    jobs: int | None,
    scheduler: str | None,
    to: str,
    fail_on: str,
    resume: bool,
    manifest: str | None,
    split_lines: bool,
    scorer: str,
    checklists: tuple[str, ...],
    no_default_checklist: bool,
    words: tuple[str, ...],
    severities: tuple[str, ...],
    accepted_files: tuple[str, ...],
    handout: str,
) -> None:
    """Check every release pair in folders, .zip or .tar(.gz) archives.

    \b
    Pairs are found by name (cn and chs mark Chinese too), or listed with --pairs:
      name.zh.txt + name.en.txt     name_zh.txt + name_en.txt
      name-zh.txt + name-en.txt     zh/…/name.txt + en/…/name.txt

    Each pair gets OUTDIR/NAME/qa.json and the --to deliverables; OUTDIR/summary.json,
    summary.csv and summary.html cover the whole run, including unpaired and refused
    files, inconsistencies across documents and how each glossary term was rendered.
    Findings given with --accepted are accepted in every document that has the same
    link, and counted apart.

    \b
    Exit codes: 0 clean, 1 a document at or above --fail-on (or failed),
    2 nothing could be checked or bad usage.

    \b
    Examples:
      aligner batch releases/ -o qa-out
      aligner batch 2025-q1.zip 2025-q2.tar.gz -o qa-out --to html,xliff --jobs 4
      aligner batch releases/ -o qa-out --resume --fail-on warning
      aligner batch archive.zip -o qa-out --scheduler tcp://10.0.0.5:8786
    """
    gc.enable()  # a long run: see aligner.__main__
    from aligner.batch import (
        BatchOptions,
        TerminalProgress,
        exit_code,
        parse_deliverables,
        run_batch,
        summary_line,
    )
    from aligner.pipeline import AlignOptions, load_acceptances

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
        scheduler=scheduler,
        resume=resume,
        manifest=manifest,
        qa=_qa_options(checklists, no_default_checklist, words, severities),
        accepted=tuple(load_acceptances(accepted_files).items()),
        handout=handout,  # type: ignore[arg-type]
    )
    _print_glossary_notices(options.align)
    with TerminalProgress() as progress:
        summary = run_batch(options, progress)
    click.echo(summary_line(summary, outdir), err=True)
    sys.exit(exit_code(summary, fail_on))


@main.group()
def checklist() -> None:
    """Check checklist files: a team's own QA rules as regular expressions.

    A rule has a name, a Chinese pattern (zh), an English pattern (en), a condition, a
    severity and a message; {figure} stands for a figure and {term} or {term:同比} for
    glossary terms. Files are TOML ([[rule]] tables), TSV or CSV (a header row with those
    names) or Xbench checklists (.xbckl).

    \b
    Conditions:
      en-must-match      the English must match (when the Chinese matches, if zh is given)
      en-must-not-match  the English must not match (when the Chinese matches, if given)
      zh-must-not-match  the Chinese must not match
      same-count         the English must match as many times as the Chinese

    \b
    Example:
      aligner checklist check house-style.toml
    """


@checklist.command(name="check")
@click.argument("file", metavar="FILE")
@click.option(
    "--no-default-glossary",
    is_flag=True,
    help="Check {term:…} placeholders against no glossary but the --glossary files.",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Glossary whose terms {term:…} placeholders may name; may repeat.",
)
def checklist_check(file: str, no_default_glossary: bool, glossaries: tuple[str, ...]) -> None:
    """Report every bad rule of FILE with its line: a pattern that is no valid regular
    expression, an unknown condition, placeholder or glossary term, a name used twice.

    Exit 0 when every rule is usable, 2 otherwise.

    \b
    Example:
      aligner checklist check house-style.toml
    """
    from aligner.pipeline import AlignOptions, check_checklist, load_glossary_entries

    entries = load_glossary_entries(
        AlignOptions(glossaries=glossaries, use_bundled_glossary=not no_default_glossary)
    )
    rules, problems = check_checklist(file, entries)
    for problem in problems:
        where = f":{problem.line}" if problem.line is not None else ""
        click.echo(f"{file}{where}: error: {problem.message}")
    click.echo(f"{file}: {len(rules)} rules, {len(problems)} errors")
    if problems:
        sys.exit(EXIT_BAD_INPUT)


@main.command()
@click.argument("zh", metavar="ZH")
@click.argument("en", metavar="EN")
@click.option(
    "--alignment",
    "alignment_file",
    type=click.Path(dir_okay=False),
    help="Start from a saved alignment instead of aligning (.links, the .json aligner "
    "writes, or a review file, whose accepted findings are resumed too); a .links file "
    "with ... gaps is completed around its links.",
)
@click.option(
    "--accepted",
    "accepted_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Findings accepted earlier: a review file, or a list of finding ids with optional "
    "notes. May repeat.",
)
@click.option(
    "--save",
    "save_path",
    type=click.Path(dir_okay=False),
    help="Where Save writes the review file [default: NAME.review.json beside EN]. "
    "Never one of the inputs.",
)
@click.option(
    "--no-browser",
    is_flag=True,
    help="Only print the address of the page; do not open a browser.",
)
@split_lines_option
@click.option(
    "--link-types",
    callback=_parse_link_types,
    metavar="ZH:EN,...",
    help="Link shapes the aligner may use (see align --help).",
)
@click.option(
    "--scorer",
    type=click.Choice(SCORER_CHOICES),
    default="auto",
    show_default=True,
    help=SCORER_HELP,
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra glossary (TBX, CSV or TSV); may repeat.",
)
@click.option("--no-default-glossary", is_flag=True, help="Do not apply the bundled glossary.")
def review(
    zh: str,
    en: str,
    alignment_file: str | None,
    accepted_files: tuple[str, ...],
    save_path: str | None,
    no_browser: bool,
    split_lines: bool,
    link_types: tuple[tuple[int, int], ...] | None,
    scorer: str,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
) -> None:
    """Review and correct the alignment of ZH and EN in the browser.

    Opens a page on this computer only (127.0.0.1, with a token made for this run) showing
    the two texts side by side with confidence and findings. Merge, split and move rows,
    give a sentence its own row, accept findings with a note, undo and redo, with the
    mouse or the keys listed on the page; the checks re-run after each change. Save writes
    a review file that --alignment and --accepted take back in align, qa and review.
    Without a browser, open the printed address yourself. Ctrl+C stops the server.

    \b
    Examples:
      aligner review release.zh.docx release.en.docx
      aligner review zh.txt en.txt --alignment release.review.json --save release.review-2.json
      aligner review zh.txt en.txt --no-browser
    """
    gc.enable()  # a long run: see aligner.__main__
    from aligner.pipeline import AlignOptions
    from aligner.review import ReviewOptions, ReviewServer, open_in_browser, prepare_review

    options = ReviewOptions(
        zh=zh,
        en=en,
        align=AlignOptions(
            split_lines=split_lines,
            scorer=scorer,
            glossaries=glossaries,
            use_bundled_glossary=not no_default_glossary,
            link_types=link_types,
        ),
        alignment=alignment_file,
        accepted=accepted_files,
        save=save_path,
    )
    server = ReviewServer(prepare_review(options))
    click.echo(f"Review page: {server.url}")
    click.echo(f"Save writes {server.session.save_path}; press Ctrl+C to stop.", err=True)
    if not no_browser and not open_in_browser(server.url):
        click.echo("No browser could be started: open the address above.", err=True)
    server.serve_forever()
    if server.session.dirty:
        click.echo("aligner: stopped with changes that were not saved", err=True)


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
    gc.enable()  # a long run: see aligner.__main__
    from aligner.pipeline import evaluate_corpus

    aligning = zh_dir is not None or en_dir is not None
    if aligning == (pred_dir is not None) or (aligning and (zh_dir is None or en_dir is None)):
        raise click.UsageError("give either --pred, or both --zh and --en")
    result = evaluate_corpus(
        gold_dir, pred_dir=pred_dir, zh_dir=zh_dir, en_dir=en_dir, scorer=scorer
    )
    click.echo(
        f"{'document':<12} {'strict P':>9} {'R':>7} {'F1':>7}   {'lax P':>7} {'R':>7} {'F1':>7}"
    )
    assert result.total is not None
    for name, strict, lax in [*result.rows, ("ALL", *result.total)]:
        click.echo(
            f"{name:<12} {strict.precision:>9.3f} {strict.recall:>7.3f} {strict.f1:>7.3f}"
            f"   {lax.precision:>7.3f} {lax.recall:>7.3f} {lax.f1:>7.3f}"
        )
    if aligning:
        for line in [*(result.details if verbose else []), result.summary]:
            click.echo(line, err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
