"""A user's glossary overrules the bundled one term by term, and says where they disagree."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from aligner.checks.base import CheckContext
from aligner.checks.term import check_terms
from aligner.cli import main
from aligner.glossary.load import glossary_entries, glossary_overrides
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.precedence import in_force, overrides
from aligner.model import Severity, TermStatus
from builders import build
from conftest import SAMPLES

# The bundled glossary admits "pilot FTZ" for 自由贸易试验区; this desk does not.
DESK_CSV = (
    "zh,en,status,variants,deprecated\n"
    "自由贸易试验区,pilot free trade zone,preferred,free trade pilot zone,pilot FTZ\n"
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_later_glossary_replaces_the_term_and_its_deprecated_rendering_is_an_error(
    tmp_path: Path,
) -> None:
    desk = write(tmp_path, "desk.csv", DESK_CSV)
    alignment = build(("支持自由贸易试验区建设。", "We support the pilot FTZ project."))
    bundled_only = list(check_terms(alignment, CheckContext(glossary_entries([]))))
    assert [f for f in bundled_only if f.severity is Severity.ERROR] == []
    [finding] = check_terms(alignment, CheckContext(glossary_entries([desk])))
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith('uses "pilot FTZ", a deprecated rendering of 自由贸易试验区')
    entries = [e for e in glossary_entries([desk]) if e.zh == "自由贸易试验区"]
    assert [e.origin for e in entries] == [f"{desk}:2"]


def test_the_last_file_given_wins(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", "zh,en\n口岸,port\n")
    second = write(tmp_path, "b.csv", "zh,en\n口岸,port of entry\n")
    entries = glossary_entries([first, second], include_bundled=False)
    assert [(e.zh, e.en) for e in entries] == [("口岸", "port of entry")]
    entries = glossary_entries([second, first], include_bundled=False)
    assert [(e.zh, e.en) for e in entries] == [("口岸", "port")]


def test_terms_only_one_glossary_has_are_all_kept() -> None:
    a = Glossary("a", (GlossaryEntry("口岸", "port"), GlossaryEntry("海关", "customs")))
    b = Glossary("b", (GlossaryEntry("海關", "Customs", origin="b.csv:2"),))
    assert in_force([a, b]) == (a.entries[0], b.entries[0])  # 海關 folds to 海关


def test_overrides_name_what_changes_and_ignore_mere_repeats(tmp_path: Path) -> None:
    desk = write(tmp_path, "desk.csv", DESK_CSV)
    [override] = glossary_overrides([desk])
    assert override.term == "自由贸易试验区"
    assert override.origin == f"{desk}:2"
    assert override.replaced.startswith("customs.tbx:")
    assert '"pilot FTZ" is deprecated here but admitted there' in override.differences
    assert '"FTZ" (admitted there) is no longer accepted' in override.differences
    same = Glossary("again", (GlossaryEntry("口岸", "port", variants=("ports",)),))
    more = Glossary("more", (GlossaryEntry("口岸", "port", variants=("ports", "port area")),))
    assert overrides([same, more]) == ()


def test_statuses_compare_whichever_column_declares_them() -> None:
    a = Glossary("a", (GlossaryEntry("洋垃圾", "foreign garbage", origin="a.csv:2"),))
    b = Glossary(
        "b",
        (
            GlossaryEntry("洋垃圾", "foreign waste", origin="b.csv:2"),
            GlossaryEntry("洋垃圾", "foreign garbage", TermStatus.FORBIDDEN, origin="b.csv:3"),
        ),
    )
    [override] = overrides([a, b])
    assert '"foreign garbage" is forbidden here but preferred there' in override.differences


def test_qa_says_the_conflict_once_on_stderr_and_reports_the_error(tmp_path: Path) -> None:
    desk = write(tmp_path, "desk.csv", DESK_CSV)
    zh = write(tmp_path, "r.zh.txt", "我们支持自由贸易试验区建设。\n")
    en = write(tmp_path, "r.en.txt", "We support the pilot FTZ project.\n")
    result = CliRunner().invoke(main, ["qa", zh, en, "--glossary", desk, "--scorer", "lexical"])
    assert result.exit_code == 1, result.output
    notices = [line for line in result.stderr.splitlines() if "notice" in line]
    assert len(notices) == 1
    assert notices[0].startswith(f"aligner: notice: {desk}:2: 自由贸易试验区 replaces")
    assert "a deprecated rendering of" in " ".join(result.stdout.split())
    assert "1 errors" in result.stdout


def test_glossary_check_lists_conflicts_between_files(tmp_path: Path) -> None:
    first = write(tmp_path, "team.csv", "zh,en,status\n口岸,port,preferred\n")
    second = write(
        tmp_path, "desk.csv", "zh,en,status\n口岸,port,deprecated\n口岸,port of entry,\n"
    )
    runner = CliRunner()
    result = runner.invoke(main, ["glossary", "check", first, second, "--no-default-glossary"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"{second}:2: notice: 口岸 replaces the entry at {first}:2: " in "\n".join(lines)
    assert any('"port" is deprecated here but preferred there' in line for line in lines)
    assert lines[-1] == "1 terms defined differently; the glossary given last decides"


def test_glossary_check_compares_with_the_bundled_glossary_unless_told_not_to(
    tmp_path: Path,
) -> None:
    desk = write(tmp_path, "desk.csv", DESK_CSV)
    runner = CliRunner()
    with_bundled = runner.invoke(main, ["glossary", "check", desk])
    assert with_bundled.exit_code == 0
    assert f"{desk}:2: notice: 自由贸易试验区 replaces the entry at customs.tbx:" in (
        with_bundled.stdout
    )
    alone = runner.invoke(main, ["glossary", "check", desk, "--no-default-glossary"])
    assert "notice" not in alone.stdout


def test_the_bundled_source_agrees_with_the_bundled_glossary() -> None:
    result = CliRunner().invoke(
        main, ["glossary", "check", str(SAMPLES.parent / "glossaries" / "customs.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "notice" not in result.stdout
