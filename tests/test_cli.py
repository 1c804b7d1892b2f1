"""The command line end to end: options, outputs, exit codes and what the user sees on error.

Most cases run in-process through click's test runner; a few run the installed ``aligner``
script in a real process, because only that proves no traceback reaches a terminal and the
exit code is what a shell script would see.
"""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import click
import docx
import pytest
from click.testing import CliRunner, Result
from lxml import etree
from lxml import html as lxml_html

from aligner import __version__
from aligner.cli import main
from aligner.formats.links import parse_links
from aligner.glossary.load import load_glossary

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
GOLD = SAMPLES / "gacc-2025-01-13.gold.align"
CUSTOMS_TBX = REPO / "glossaries" / "customs.tbx"
CUSTOMS_CSV = REPO / "glossaries" / "customs.csv"

ZH_SENTENCE = "各位媒体朋友，大家上午好！"
EN_SENTENCE = "Friends from the media, Good morning!"
ERROR_PREFIX = "aligner: error: "
LINK_LINE = re.compile(r"^\[(\d+(?:,\d+)*)?\]:\[(\d+(?:,\d+)*)?\]$")
# Wide enough that the side-by-side view never wraps the sentences looked for.
WIDE_TERMINAL = {"COLUMNS": "200"}


def _runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout on every click 8.x.

    click 8.0/8.1 mix the two unless told not to; 8.2 dropped the parameter and always
    keeps ``result.stderr`` separate (``result.output`` is then the interleaved view).
    """
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    return CliRunner()


def run(
    *args: object, stdin: str | bytes | None = None, env: dict[str, str] | None = None
) -> Result:
    """Invoke the command line in-process; unexpected exceptions fail the test loudly."""
    return _runner().invoke(
        main,
        [str(a) for a in args],
        input=stdin,
        env=env,
        catch_exceptions=False,
        prog_name="aligner",
    )


def ok(*args: object, stdin: str | bytes | None = None) -> Result:
    result = run(*args, stdin=stdin, env=WIDE_TERMINAL)
    assert result.exit_code == 0, result.stderr
    return result


def aligner_script() -> Path:
    """The console script installed beside the interpreter running the tests."""
    script = Path(sys.executable).parent / "aligner"
    if not script.is_file():
        pytest.fail(f"the aligner console script is not installed at {script}")
    return script


def run_process(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(aligner_script()), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_error_line(stderr: str, path: object) -> str:
    """Exactly one line, in the documented shape, naming the offending file; returns the
    problem part of the line."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    head = f"{ERROR_PREFIX}{path}: "
    assert lines[0].startswith(head), lines[0]
    problem = lines[0][len(head) :]
    assert problem.strip(), "the message must say what is wrong"
    return problem


def link_ids(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse ``--format links`` output, insisting on the exact line format."""
    lines = text.splitlines()
    assert lines, "no links printed"
    for line in lines:
        assert LINK_LINE.match(line), f"not a [ids]:[ids] line: {line!r}"
    return parse_links(text)


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand, so a new one is covered by the help test automatically."""
    yield prefix
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


def listing(folder: Path) -> set[str]:
    """Every entry of a folder, hidden temporary files included."""
    return {p.name for p in folder.iterdir()}


# --- version and help ----------------------------------------------------------------


def test_version_prints_program_and_version() -> None:
    result = ok("--version")
    assert result.stdout.strip() == f"aligner, version {__version__}"


@pytest.mark.parametrize("path", list(command_paths(main)), ids=lambda p: " ".join(p) or "aligner")
def test_every_help_exits_0_and_shows_an_example(path: tuple[str, ...]) -> None:
    result = ok(*path, "--help")
    assert result.stdout.startswith(f"Usage: aligner {' '.join(path)}".rstrip())
    assert "Example" in result.stdout


# --- align: what is printed ----------------------------------------------------------


@pytest.fixture(scope="module")
def sample_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("align", ZH, EN, "--format", "json").stdout)
    return data


@pytest.fixture(scope="module")
def sample_links() -> str:
    return ok("align", ZH, EN, "--format", "links").stdout


def test_align_prints_side_by_side_by_default() -> None:
    result = ok("align", ZH, EN)
    rows = [line for line in result.stdout.splitlines() if ZH_SENTENCE in line]
    assert len(rows) == 1
    assert EN_SENTENCE in rows[0]
    assert "│" in rows[0]
    assert result.stderr == ""


def test_side_by_side_labels_every_link_with_its_ids(sample_links: str) -> None:
    shown = ok("align", ZH, EN).stdout.splitlines()
    labels = [line[:16].strip() for line in shown]
    expected = sample_links.splitlines()
    assert [x for x in labels if x.startswith("[")] == expected


def test_links_format_uses_every_sentence_once_in_order(
    sample_links: str, sample_json: dict[str, Any]
) -> None:
    links = link_ids(sample_links)
    zh_count = len(sample_json["source"]["segments"])
    en_count = len(sample_json["target"]["segments"])
    assert [i for zh, _ in links for i in zh] == list(range(zh_count))
    assert [j for _, en in links for j in en] == list(range(en_count))
    assert all(zh or en for zh, en in links)


def test_json_format_has_the_documented_shape(
    sample_json: dict[str, Any], sample_links: str
) -> None:
    assert set(sample_json) == {"source", "target", "links"}
    for side, lang in (("source", "zh"), ("target", "en")):
        document = sample_json[side]
        assert document["lang"] == lang
        segments = document["segments"]
        assert [s["id"] for s in segments] == list(range(len(segments)))
        for segment in segments:
            assert {"id", "text", "paragraph"} <= set(segment)
            assert isinstance(segment["text"], str) and segment["text"].strip()
            assert isinstance(segment["paragraph"], int)
        paragraphs = [s["paragraph"] for s in segments]
        assert paragraphs == sorted(paragraphs)
    for link in sample_json["links"]:
        assert set(link) == {"zh", "en", "confidence"}
        assert 0.0 <= link["confidence"] <= 1.0
    pairs = [(tuple(x["zh"]), tuple(x["en"])) for x in sample_json["links"]]
    assert pairs == link_ids(sample_links)
    zh_texts = [s["text"] for s in sample_json["source"]["segments"]]
    assert ZH_SENTENCE in zh_texts


def test_tsv_format_has_one_row_per_link(sample_json: dict[str, Any]) -> None:
    text = ok("align", ZH, EN, "--format", "tsv").stdout
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert rows[0][:6] == ["row", "zh_ids", "en_ids", "confidence", "zh", "en"]
    body = rows[1:]
    assert len(body) == len(sample_json["links"])
    assert all(len(row) == len(rows[0]) for row in body)
    greeting = next(row for row in body if row[4] == ZH_SENTENCE)
    assert greeting[5] == EN_SENTENCE


# --- align: output files ----------------------------------------------------------------


def _check_links_file(path: Path, links: str) -> None:
    assert path.read_text(encoding="utf-8") == links


def _check_tsv_file(path: Path, links: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))
    assert len(rows) == 1 + len(link_ids(links))


def _check_csv_file(path: Path, links: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["row", "zh_ids", "en_ids"]
    assert len(rows) == 1 + len(link_ids(links))
    assert any(row[4] == ZH_SENTENCE for row in rows[1:])


def _check_json_file(path: Path, links: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = [(tuple(x["zh"]), tuple(x["en"])) for x in data["links"]]
    assert pairs == link_ids(links)


def _check_docx_file(path: Path, links: str) -> None:
    document = docx.Document(str(path))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert ZH_SENTENCE in cells
    assert EN_SENTENCE in cells


def _check_xml_root(expected: str) -> Callable[[Path, str], None]:
    def check(path: Path, links: str) -> None:
        root = etree.parse(str(path)).getroot()
        assert etree.QName(root).localname == expected
        text = "".join(str(piece) for piece in root.itertext())
        assert ZH_SENTENCE in text and "Friends from the media" in text

    return check


def _check_html_file(path: Path, links: str) -> None:
    page = lxml_html.parse(str(path)).getroot()
    assert page.tag == "html"
    text = page.text_content()
    assert ZH_SENTENCE in text and "Friends from the media" in text


OUTPUT_CHECKS: dict[str, Callable[[Path, str], None]] = {
    ".links": _check_links_file,
    ".tsv": _check_tsv_file,
    ".csv": _check_csv_file,
    ".json": _check_json_file,
    ".docx": _check_docx_file,
    ".xlf": _check_xml_root("xliff"),
    ".tmx": _check_xml_root("tmx"),
    ".html": _check_html_file,
}


@pytest.mark.parametrize("extension", sorted(OUTPUT_CHECKS))
def test_output_file_per_extension(extension: str, tmp_path: Path, sample_links: str) -> None:
    target = tmp_path / f"release{extension}"
    result = ok("align", ZH, EN, "-o", target)
    assert result.stdout == "", "nothing goes to stdout when -o is given without --format"
    assert f"wrote {target}" in result.stderr
    OUTPUT_CHECKS[extension](target, sample_links)
    assert listing(tmp_path) == {target.name}, "a temporary file was left behind"


def test_several_outputs_at_once_and_format_still_printed(
    tmp_path: Path, sample_links: str
) -> None:
    outputs = [tmp_path / "out" / "a.json", tmp_path / "out" / "a.links"]
    result = ok("align", ZH, EN, "-o", outputs[0], "-o", outputs[1], "--format", "links")
    assert result.stdout == sample_links
    assert listing(tmp_path / "out") == {"a.json", "a.links"}


def test_unknown_output_extension_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    good = tmp_path / "release.json"
    bad = tmp_path / "release.pdf"
    result = run("align", ZH, EN, "-o", good, "-o", bad)
    assert result.exit_code == 2
    assert "release.pdf" in result.stderr and "unknown extension" in result.stderr
    assert "Traceback" not in result.stderr
    assert listing(tmp_path) == set()


def test_existing_output_is_replaced_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "release.json"
    target.write_text("previous deliverable", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failed = run("align", empty, EN, "-o", target)
    assert failed.exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous deliverable"
    assert listing(tmp_path) == {"release.json", "empty.txt"}
    ok("align", ZH, EN, "-o", target)
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["lang"] == "zh"
    assert listing(tmp_path) == {"release.json", "empty.txt"}


def test_output_below_a_file_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "report"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run("align", ZH, EN, "-o", blocker / "release.json")
    assert result.exit_code == 2
    problem = assert_one_error_line(result.stderr, blocker / "release.json")
    assert "file" in problem
    assert "exists" not in problem, "mkdir's 'File exists' would mislead"


# --- align: input variants -----------------------------------------------------------------


def test_split_lines_keeps_one_segment_per_line(shared_dir: Path, tmp_path: Path) -> None:
    # Chapter 002 has lines the segmenter would split further, so the flag visibly matters.
    corpus = shared_dir / "corpora" / "mac-dev"
    zh = shutil.copy(corpus / "zh" / "002.zh", tmp_path / "002.zh")
    en = shutil.copy(corpus / "en" / "002.en", tmp_path / "002.en")
    zh_lines = [x for x in Path(zh).read_text(encoding="utf-8").splitlines() if x.strip()]
    en_lines = [x for x in Path(en).read_text(encoding="utf-8").splitlines() if x.strip()]
    data = json.loads(ok("align", "--split-lines", zh, en, "--format", "json").stdout)
    assert [s["text"] for s in data["source"]["segments"]] == [x.strip() for x in zh_lines]
    assert [s["text"] for s in data["target"]["segments"]] == [x.strip() for x in en_lines]
    resegmented = json.loads(ok("segment", zh, "--format", "json").stdout)
    assert len(resegmented["segments"]) != len(zh_lines)


def test_chinese_from_stdin(sample_links: str) -> None:
    text = ZH.read_text(encoding="utf-8")
    assert ok("align", "-", EN, "--format", "links", stdin=text).stdout == sample_links
    data = json.loads(ok("align", "-", EN, "--format", "json", stdin=text).stdout)
    assert data["source"]["path"] == "<stdin>"


def test_stdin_for_both_sides_is_refused_clearly() -> None:
    result = run("align", "-", "-", stdin=ZH.read_text(encoding="utf-8"))
    assert result.exit_code == 2
    problem = assert_one_error_line(result.stderr, "<stdin>")
    assert "only one side" in problem


# --- bad input: one clean line, exit 2 ------------------------------------------------------


def _corrupt_docx(folder: Path) -> Path:
    whole = folder / "whole.docx"
    document = docx.Document()
    document.add_paragraph("海关总署今天发布了进出口数据。")
    document.save(str(whole))
    data = whole.read_bytes()
    broken = folder / "broken.docx"
    broken.write_bytes(data[: len(data) // 2])
    return broken


def _glossary_missing_en(folder: Path) -> Path:
    path = folder / "terms.csv"
    path.write_text("zh,en\n海关,customs\n进出口,\n", encoding="utf-8")
    return path


def _corrupt_xliff(folder: Path) -> Path:
    path = folder / "edited.xlf"
    path.write_text(
        '<?xml version="1.0"?><xliff version="1.2"><file><body><trans-unit id="1">',
        encoding="utf-8",
    )
    return path


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _folder(folder: Path) -> Path:
    path = folder / "release.txt"
    path.mkdir()
    return path


# Each case: how to make the bad file, then the command line given that file.
BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], Callable[[Path], list[object]]]] = {
    "empty": (_file("empty.txt", b""), lambda p: ["align", p, EN]),
    "whitespace only": (_file("blank.txt", b" \n\t\n  \r\n"), lambda p: ["align", ZH, p]),
    "binary": (_file("data.txt", bytes(range(256)) * 8), lambda p: ["align", p, EN]),
    "undecodable": (
        _file("mixed.txt", b"\x81\x30\xff\xfe\xfd\x80\x80\xc3\x28 abc \xa0\xa1"),
        lambda p: ["align", p, EN],
    ),
    "corrupt docx": (_corrupt_docx, lambda p: ["align", p, EN]),
    "missing": (lambda folder: folder / "nowhere.txt", lambda p: ["align", ZH, p]),
    "folder": (_folder, lambda p: ["align", p, EN]),
    "english given as chinese": (lambda _: EN, lambda p: ["align", p, EN]),
    "chinese given as english": (lambda _: ZH, lambda p: ["align", ZH, p]),
    "both swapped": (lambda _: EN, lambda p: ["align", p, ZH]),
    "glossary row without en": (
        _glossary_missing_en,
        lambda p: ["align", ZH, EN, "--glossary", p],
    ),
    "corrupt xliff to qa": (_corrupt_xliff, lambda p: ["qa", p]),
    "segment with wrong --lang": (lambda _: ZH, lambda p: ["segment", "--lang", "en", p]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_one_error_line_and_exit_2(case: str, tmp_path: Path) -> None:
    make, command = BAD_INPUTS[case]
    bad = make(tmp_path)
    result = run(*command(bad))
    assert result.exit_code == 2, result.stdout
    assert_one_error_line(result.stderr, bad)
    assert result.stdout == ""


def test_specific_messages_say_what_is_wrong(tmp_path: Path) -> None:
    def problem(case: str) -> str:
        make, command = BAD_INPUTS[case]
        bad = make(tmp_path)
        return assert_one_error_line(run(*command(bad)).stderr, bad)

    assert "empty" in problem("empty")
    assert "binary" in problem("binary")
    assert "swapped" in problem("both swapped")
    assert "line 3" in problem("glossary row without en")
    assert "folder" in problem("folder")


@pytest.mark.parametrize(
    "case", ["empty", "binary", "missing", "both swapped", "corrupt xliff to qa"]
)
def test_real_process_shows_no_traceback(case: str, tmp_path: Path) -> None:
    make, command = BAD_INPUTS[case]
    bad = make(tmp_path)
    completed = run_process(*command(bad))
    assert completed.returncode == 2
    assert_one_error_line(completed.stderr, bad)
    assert completed.stdout == ""


def test_real_process_succeeds_with_exit_0(sample_links: str) -> None:
    completed = run_process("align", ZH, EN, "--format", "links")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == sample_links


# --- segment ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lang"), [(ZH, "zh"), (EN, "en")])
def test_segment_detects_language_and_prints_json(path: Path, lang: str) -> None:
    data = json.loads(ok("segment", path, "--format", "json").stdout)
    assert data["lang"] == lang
    assert [s["id"] for s in data["segments"]] == list(range(len(data["segments"])))
    explicit = json.loads(ok("segment", path, "--lang", lang, "--format", "json").stdout)
    assert explicit["segments"] == data["segments"]


def test_segment_lines_match_json_with_blank_line_between_paragraphs() -> None:
    lines = ok("segment", ZH).stdout.splitlines()
    segments = json.loads(ok("segment", ZH, "--format", "json").stdout)["segments"]
    assert [x for x in lines if x] == [s["text"] for s in segments]
    assert ZH_SENTENCE in lines
    paragraph_starts = sum(1 for a, b in pairwise(segments) if a["paragraph"] != b["paragraph"])
    assert lines.count("") == paragraph_starts


def test_segment_reads_stdin() -> None:
    data = json.loads(
        ok("segment", "-", "--format", "json", stdin=EN.read_text(encoding="utf-8")).stdout
    )
    assert data["lang"] == "en"
    assert EN_SENTENCE in " ".join(s["text"] for s in data["segments"])


# --- qa --------------------------------------------------------------------------------------

FINDING_FIELDS = {
    "id",
    "check",
    "severity",
    "key",
    "row",
    "zh",
    "en",
    "zh_ids",
    "en_ids",
    "zh_spans",
    "en_spans",
    "message",
}


@pytest.fixture(scope="module")
def million_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample English with one figure off by a factor of a thousand."""
    text = EN.read_text(encoding="utf-8")
    assert text.count("5.603 billion") == 1
    path = tmp_path_factory.mktemp("million") / "release.en.txt"
    path.write_text(text.replace("5.603 billion", "5.603 million"), encoding="utf-8")
    return path


def finding_keys(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (f["check"], f["severity"], tuple(f["zh_ids"]), tuple(f["en_ids"])) for f in findings
    )


def test_qa_clean_sample_exits_0() -> None:
    result = ok("qa", ZH, EN)
    assert result.stdout.rstrip().endswith("infos")
    assert " 0 errors" in result.stdout


def test_qa_json_has_findings_and_summary() -> None:
    data = json.loads(ok("qa", ZH, EN, "--format", "json").stdout)
    findings = data["findings"]
    assert findings, "the sample's page furniture always yields informational findings"
    for finding in findings:
        assert set(finding) == FINDING_FIELDS
        assert finding["severity"] in {"error", "warning", "info"}
        assert finding["zh_ids"] or finding["en_ids"]
        assert finding["message"]
        assert finding["id"].startswith(finding["check"] + "-") and finding["key"]
        assert data["links"][finding["row"] - 1]["en"] == finding["en_ids"]
    summary = data["summary"]
    assert summary["errors"] == 0
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        assert summary[key] == sum(1 for f in findings if f["severity"] == severity)
    assert summary["links"] == len(data["links"])


def test_qa_number_error_exits_1(million_en: Path) -> None:
    result = run("qa", ZH, million_en, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    numbers = [f for f in data["findings"] if f["check"] == "number" and f["severity"] == "error"]
    assert len(numbers) == 1
    assert "5.603 million" in numbers[0]["en"]
    assert "56.03亿" in numbers[0]["zh"]
    assert data["summary"]["errors"] == 1


def test_qa_fail_on_never_exits_0(million_en: Path) -> None:
    result = ok("qa", ZH, million_en, "--fail-on", "never")
    assert "ERROR number" in result.stdout


@pytest.fixture(scope="module")
def million_findings(million_en: Path) -> list[dict[str, Any]]:
    result = run("qa", ZH, million_en, "--format", "json", "--fail-on", "never")
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def test_qa_of_xliff_matches_qa_of_texts(
    million_en: Path, million_findings: list[dict[str, Any]], tmp_path: Path
) -> None:
    xliff = tmp_path / "release.xlf"
    ok("align", ZH, million_en, "-o", xliff)
    result = run("qa", xliff, "--format", "json")
    assert result.exit_code == 1, "the number error survives the round trip"
    assert finding_keys(json.loads(result.stdout)["findings"]) == finding_keys(million_findings)


def test_qa_of_tmx_matches_qa_of_texts(
    million_en: Path, million_findings: list[dict[str, Any]], tmp_path: Path
) -> None:
    # TMX keeps one-sided links too, so the sentence ids are the same as in the texts.
    tmx = tmp_path / "release.tmx"
    ok("align", ZH, million_en, "-o", tmx)
    result = run("qa", tmx, "--format", "json")
    assert result.exit_code == 1
    assert finding_keys(json.loads(result.stdout)["findings"]) == finding_keys(million_findings)


# --- glossary --------------------------------------------------------------------------------


def test_glossary_check_of_bundled_tbx() -> None:
    result = ok("glossary", "check", CUSTOMS_TBX)
    terms = len(load_glossary(str(CUSTOMS_TBX)).entries)
    assert terms > 100
    assert result.stdout.splitlines()[-1] == f"{CUSTOMS_TBX}: {terms} terms, 0 errors, 0 warnings"


def test_glossary_check_reports_lines_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("zh,en\n海关,customs\n海关,customs\n进出口,\n口岸,port\n", encoding="utf-8")
    result = run("glossary", "check", path)
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}:3: warning: duplicate") for line in lines), lines
    assert any(line.startswith(f"{path}:4: error: missing en") for line in lines), lines
    assert f"{path}: 3 terms, 1 errors, 1 warnings" in lines


def test_glossary_convert_round_trip(tmp_path: Path) -> None:
    tbx = tmp_path / "customs.tbx"
    back = tmp_path / "customs.csv"
    original = load_glossary(str(CUSTOMS_CSV)).entries
    first = ok("glossary", "convert", CUSTOMS_CSV, tbx)
    assert first.stdout.strip() == f"wrote {tbx}: {len(original)} terms"
    ok("glossary", "convert", tbx, back)

    def plain(path: Path) -> list[Any]:
        entries = load_glossary(str(path)).entries
        return [dataclasses.replace(entry, origin="") for entry in entries]

    assert plain(back) == plain(CUSTOMS_CSV)
    assert plain(tbx) == plain(CUSTOMS_CSV)
    assert listing(tmp_path) == {"customs.tbx", "customs.csv"}


# --- eval ------------------------------------------------------------------------------------


def eval_rows(output: str) -> dict[str, list[float]]:
    rows: dict[str, list[float]] = {}
    for line in output.splitlines()[1:]:
        name, *figures = line.split()
        rows[name] = [float(x) for x in figures]
    return rows


@pytest.fixture()
def eval_folders(shared_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold"
    pred = tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    source = shared_dir / "corpora" / "mac-dev" / "gold" / "004.align"
    shutil.copy(source, gold / "004.align")
    shutil.copy(source, pred / "004.align")
    return gold, pred


def test_eval_of_gold_against_itself_is_perfect(eval_folders: tuple[Path, Path]) -> None:
    gold, pred = eval_folders
    rows = eval_rows(ok("eval", "--gold", gold, "--pred", pred).stdout)
    assert set(rows) == {"004", "ALL"}
    assert rows["ALL"] == [1.0] * 6


def test_eval_split_link_lowers_strict_not_lax(eval_folders: tuple[Path, Path]) -> None:
    gold, pred = eval_folders
    links = parse_links((pred / "004.align").read_text(encoding="utf-8"))
    index = next(k for k, (zh, en) in enumerate(links) if len(zh) == 2 and len(en) == 2)
    zh, en = links[index]
    links[index : index + 1] = [((zh[0],), (en[0],)), ((zh[1],), (en[1],))]
    (pred / "004.align").write_text(
        "".join(f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]\n" for z, e in links),
        encoding="utf-8",
    )
    strict_p, strict_r, strict_f1, lax_p, lax_r, lax_f1 = eval_rows(
        ok("eval", "--gold", gold, "--pred", pred).stdout
    )["ALL"]
    assert strict_f1 < 1.0 and strict_p < 1.0 and strict_r < 1.0
    assert (lax_p, lax_r, lax_f1) == (1.0, 1.0, 1.0)


def test_eval_missing_prediction_exits_2(eval_folders: tuple[Path, Path]) -> None:
    gold, pred = eval_folders
    (pred / "004.align").unlink()
    result = run("eval", "--gold", gold, "--pred", pred)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, pred / "004.align")


@pytest.mark.parametrize("side", ["gold", "pred"])
def test_eval_blames_the_malformed_file(side: str, eval_folders: tuple[Path, Path]) -> None:
    folders = dict(zip(("gold", "pred"), eval_folders, strict=True))
    broken = folders[side] / "004.align"
    broken.write_text("[0]:[0]\nnot a link\n", encoding="utf-8")
    result = run("eval", "--gold", folders["gold"], "--pred", folders["pred"])
    assert result.exit_code == 2
    problem = assert_one_error_line(result.stderr, broken)
    assert problem.startswith("line 2: ")


def test_verbose_reports_the_time_of_each_stage_on_stderr() -> None:
    quiet = ok("align", ZH, EN, "--scorer", "lexical", "--format", "links")
    verbose = ok("align", ZH, EN, "--scorer", "lexical", "--format", "links", "-v")
    assert verbose.stdout == quiet.stdout
    assert "read" in verbose.stderr and "search" in verbose.stderr
    assert "search" not in quiet.stderr


def test_link_types_restrict_the_shapes_the_aligner_may_use() -> None:
    links = ok(
        "align", ZH, EN, "--scorer", "lexical", "--format", "links", "--link-types", "0:1,1:0,1:1"
    ).stdout.split()
    shapes = {
        tuple(len(ids.strip("[]").split(",")) if ids != "[]" else 0 for ids in link.split(":"))
        for link in links
    }
    assert shapes <= {(0, 1), (1, 0), (1, 1)}
    assert (1, 1) in shapes


@pytest.mark.parametrize("value", ["1:1,2", "0:0,1:1", "1:2", "1:1,1:9"])
def test_bad_link_types_are_a_usage_error(value: str) -> None:
    result = run("align", ZH, EN, "--link-types", value)
    assert result.exit_code == 2
    assert "--link-types" in result.stderr


def test_two_english_files_are_named_as_such_not_as_swapped() -> None:
    result = _runner().invoke(main, ["qa", str(EN), str(EN)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{ERROR_PREFIX}{EN}: looks like English, and so does the English (target) file "
        f"{EN} (the same file was given twice); the first file must be the Chinese original"
    )


def test_a_real_swap_is_still_called_a_swap() -> None:
    result = _runner().invoke(main, ["qa", str(EN), str(ZH)])
    assert result.exit_code == 2
    assert "swapped" in result.stderr
