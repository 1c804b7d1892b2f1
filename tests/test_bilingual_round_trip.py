"""The sample release through each bilingual file and back: nothing lost, same findings.

A translator receives the XLIFF or TMX, and ``aligner qa FILE`` checks it again later, so a
file that reads back into a different alignment would report different findings about the
same text. Here the bundled sample (which has page chrome, added English lines and many-to-one
links) is written in every bilingual format, validated against the published schemas, read
back and checked again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.cli import main
from aligner.formats.bilingual import read_bilingual
from aligner.glossary.model import GlossaryEntry
from aligner.model import Report, Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from builders import write_tmx, write_xliff12, write_xliff21
from test_writers_xliff import load_xliff12_strict, load_xliff21_with_modules

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"

X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"

Writer = Callable[[Report, str], None]
FORMATS = {
    "release.xlf": write_xliff12,
    "release-2.1.xlf": write_xliff21,
    "release.tmx": write_tmx,
}


@pytest.fixture(scope="module")
def glossary() -> tuple[GlossaryEntry, ...]:
    return load_glossary_entries(AlignOptions())


@pytest.fixture(scope="module")
def sample(glossary: tuple[GlossaryEntry, ...]) -> Report:
    alignment = align_files(str(ZH), str(EN), AlignOptions(scorer="lexical"), glossary=glossary)
    return qa_report(alignment, glossary)


@pytest.fixture(scope="module")
def written(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bilingual")
    paths = {}
    for name, write in FORMATS.items():
        write(sample, str(folder / name))
        paths[name] = folder / name
    return paths


def test_sample_has_one_sided_links_and_only_infos(sample: Report) -> None:
    """What the other tests rely on: additions to keep, and no error or warning."""
    links = sample.alignment.links
    assert sum(1 for link in links if not link.zh) >= 5
    assert sample.findings
    assert all(f.severity is Severity.INFO for f in sample.findings)


@pytest.mark.parametrize("name", FORMATS)
def test_sample_reads_back_into_the_same_alignment(
    sample: Report, written: dict[str, Path], name: str
) -> None:
    alignment = read_bilingual(str(written[name]))
    original = sample.alignment
    assert alignment.source.segments == original.source.segments
    assert alignment.target.segments == original.target.segments
    assert alignment.links == original.links


@pytest.mark.parametrize("name", FORMATS)
def test_sample_checked_again_gives_the_same_findings(
    sample: Report,
    written: dict[str, Path],
    glossary: tuple[GlossaryEntry, ...],
    name: str,
) -> None:
    again = qa_report(read_bilingual(str(written[name])), glossary)
    assert again.findings == sample.findings
    assert again.term_hits == sample.term_hits


def test_sample_files_are_valid(written: dict[str, Path], schemas_dir: Path) -> None:
    checks = {
        "release.xlf": load_xliff12_strict(schemas_dir),
        "release-2.1.xlf": load_xliff21_with_modules(schemas_dir),
        "release.tmx": etree.DTD(str(schemas_dir / "tmx-1.4b/tmx14.dtd")),
    }
    for name, validator in checks.items():
        document = etree.parse(str(written[name]))
        assert validator.validate(document), (name, str(validator.error_log))


def test_sample_units_ask_for_review_only_for_errors_and_warnings(
    sample: Report, written: dict[str, Path]
) -> None:
    root12 = etree.parse(str(written["release.xlf"]))
    states = [t.get("state") for t in root12.iter(f"{X12}target")]
    assert len(states) == len(sample.alignment.links) == 37
    assert "needs-review-translation" not in states
    root21 = etree.parse(str(written["release-2.1.xlf"]))
    assert [s.get("subState") for s in root21.iter(f"{X2}segment")] == [None] * 37
    # The infos are all still there, as notes.
    notes = [n.text for n in root12.iter(f"{X12}note") if n.get("from") == "aligner-qa"]
    assert len(notes) == len(sample.findings)


def test_sample_has_no_empty_source_and_locks_english_only_units(
    sample: Report, written: dict[str, Path]
) -> None:
    english_only = sum(1 for link in sample.alignment.links if not link.zh)
    for name, unit_tag in (("release.xlf", f"{X12}trans-unit"), ("release-2.1.xlf", f"{X2}unit")):
        units = list(etree.parse(str(written[name])).iter(unit_tag))
        sources = [
            "".join(source.itertext())
            for unit in units
            for source in unit.iter(f"{X12}source", f"{X2}source")
        ]
        assert len(sources) == 37 and all(text.strip() for text in sources), name
        assert sum(1 for unit in units if unit.get("translate") == "no") == english_only, name
    tmx = etree.parse(str(written["release.tmx"]))
    assert all(seg.text and seg.text.strip() for seg in tmx.iter("seg"))
    assert len(tmx.findall("body/tu")) == 37


# --- through the command line ------------------------------------------------------------


def invoke(*args: object) -> Any:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("name", "options"),
    [("x.tmx", ()), ("x.xlf", ()), ("x.xlf", ("--xliff-version", "2.1"))],
    ids=["tmx", "xliff12", "xliff21"],
)
def test_qa_of_the_written_file_reports_what_qa_of_the_texts_did(
    tmp_path: Path, name: str, options: tuple[str, ...]
) -> None:
    path = tmp_path / name
    direct = invoke("qa", ZH, EN, "--scorer", "lexical", "--format", "json", "-o", path, *options)
    again = invoke("qa", path, "--format", "json")
    assert again["findings"] == direct["findings"]
    assert again["summary"] == direct["summary"]
    assert again["links"] == direct["links"]
    assert again["target"]["segments"] == direct["target"]["segments"]


def run_aligner(*args: object) -> subprocess.CompletedProcess[str]:
    """The installed console script, so that what reaches standard error is what users see."""
    script = Path(sys.executable).parent / "aligner"
    if not script.is_file():
        pytest.fail(f"the aligner console script is not installed at {script}")
    return subprocess.run(
        [str(script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_qa_of_one_text_file_says_to_give_two(tmp_path: Path) -> None:
    result = run_aligner("qa", ZH)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"aligner: error: {ZH}: one file alone must be a bilingual XLIFF (.xlf, .xliff) or "
        "TMX (.tmx) file; to check a translation against its original, give two files: ZH EN\n"
    )


def test_qa_of_an_xliff_with_a_surrogate_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.xlf"
    path.write_text(
        '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" '
        'trgLang="en"><file id="f1"><unit id="u3"><segment><source>海关<cp hex="D800"/>。</source>'
        "<target>Customs.</target></segment></unit></file></xliff>",
        encoding="utf-8",
    )
    result = run_aligner("qa", path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"aligner: error: {path}: invalid character U+D800 in unit 'u3'")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_qa_of_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """Run as a real process with a deadline: a read that blocked would hang the test."""
    fifo = tmp_path / "edited.xlf"
    os.mkfifo(fifo)
    result = run_aligner("qa", fifo)
    assert result.returncode == 2
    assert result.stderr == (
        f"aligner: error: {fifo}: is a named pipe (fifo), not a bilingual file; "
        "only regular files are read\n"
    )
