"""Checklists: reading rule files, placeholders, each condition on ``qa`` and ``batch``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.checklists.load import bundled_checklist, check_checklist, load_checklist
from aligner.checklists.model import ChecklistRule
from aligner.checklists.patterns import PatternError, compile_rule
from aligner.checklists.read import read_checklist
from aligner.checks.base import CheckContext
from aligner.checks.checklist import check_checklist as run_checklist
from aligner.cli import main
from aligner.errors import InputError
from aligner.glossary.model import GlossaryEntry
from aligner.model import Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from builders import build

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "samples" / "gacc-2025-01-13.zh.txt"
EN = REPO / "samples" / "gacc-2025-01-13.en.txt"

# One rule per condition, each breaking on the sample a known number of times.
RULES = """
# A rule per condition kind.
[[rule]]
name = "yoy-wording"
zh = "同比"
en = "compared with last year"
condition = "en-must-match"
severity = "error"
message = "同比 is written out"

[[rule]]
name = "no-gacc-in-brackets"
en = '''\\(GACC\\)'''
condition = "en-must-not-match"
severity = "warning"

[[rule]]
name = "no-speech"
zh = "讲话"
condition = "zh-must-not-match"
severity = "info"
message = "the title names no speech"

[[rule]]
name = "percent-as-words"
zh = '''{figure}%'''
en = "{figure} per cent"
condition = "same-count"
severity = "warning"

[[rule]]
name = "english-has-figures"
en = '''\\d'''
condition = "en-must-match"
severity = "info"
"""
EXPECTED = {
    "yoy-wording": ("error", 1),
    "no-gacc-in-brackets": ("warning", 1),
    "no-speech": ("info", 1),
    "percent-as-words": ("warning", 2),
}


def _counts(messages: list[tuple[str, str]]) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for severity, message in messages:
        for name in [*EXPECTED, "english-has-figures"]:
            if f"Checklist rule “{name}”" in message:
                previous = found.get(name, (severity, 0))
                assert previous[0] == severity
                found[name] = (severity, previous[1] + 1)
    return found


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_condition_on_qa(tmp_path: Path) -> None:
    rules = _write(tmp_path, "rules.toml", RULES)
    result = CliRunner().invoke(
        main,
        [
            "qa", str(ZH), str(EN), "--scorer", "lexical", "--checklist", str(rules),
            "--no-default-checklist", "--check", "checklist", "--format", "json",
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    counts = _counts([(f["severity"], f["message"]) for f in findings])
    assert {k: counts[k] for k in EXPECTED} == EXPECTED
    severity, lines = counts["english-has-figures"]
    assert severity == "info" and lines >= 3


def test_every_condition_on_batch(tmp_path: Path) -> None:
    rules = _write(tmp_path, "rules.toml", RULES)
    releases = tmp_path / "releases"
    releases.mkdir()
    shutil.copy(ZH, releases / "gacc.zh.txt")
    shutil.copy(EN, releases / "gacc.en.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "batch", str(releases), "-o", str(out), "--scorer", "lexical", "--jobs", "1",
            "--checklist", str(rules), "--no-default-checklist",
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    findings = json.loads((out / "gacc" / "qa.json").read_text(encoding="utf-8"))["findings"]
    counts = _counts([(f["severity"], f["message"]) for f in findings if f["check"] == "checklist"])
    assert {k: counts[k] for k in EXPECTED} == EXPECTED


def test_a_bad_pattern_is_refused_with_its_line(tmp_path: Path) -> None:
    broken = '\n[[rule]]\nname = "broken"\nen = "year-(on"\ncondition = "en-must-match"\n'
    path = _write(tmp_path, "bad.toml", RULES + broken)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = max(number for number, text in enumerate(lines, start=1) if text == "[[rule]]")
    result = CliRunner().invoke(main, ["checklist", "check", str(path)])
    assert result.exit_code == 2
    assert f"bad.toml:{line}: error: rule 'broken': bad English pattern" in result.output
    assert "5 rules, 1 errors" in result.output
    qa = CliRunner().invoke(main, ["qa", str(ZH), str(EN), "--checklist", str(path)])
    assert qa.exit_code == 2
    assert f"line {line}: rule 'broken'" in qa.stderr


def test_a_good_checklist_passes_the_check(tmp_path: Path) -> None:
    path = _write(tmp_path, "rules.toml", RULES)
    result = CliRunner().invoke(main, ["checklist", "check", str(path)])
    assert result.exit_code == 0
    assert result.output.strip().endswith("5 rules, 0 errors")


def test_tsv_and_csv_read_like_toml(tmp_path: Path) -> None:
    tsv = _write(
        tmp_path,
        "rules.tsv",
        "name\tzh\ten\tcondition\tseverity\tmessage\tcase\n"
        "# a comment row\n"
        'yoy\t同比\t"year-on-year"|yoy\ten-must-match\terror\tsay it\tno\n'
        "customs\t\t\\bChinese Customs\\b\ten-must-not-match\twarning\t\tyes\n",
    )
    csv = _write(
        tmp_path,
        "rules.csv",
        "name,zh,en,condition,severity,message\n"
        'yoy,同比,"year-on-year|yoy",en-must-match,error,"say it, please"\n',
    )
    tsv_rules, problems = read_checklist(str(tsv))
    assert problems == ()
    assert [(r.name, r.en, r.case_sensitive, r.origin) for r in tsv_rules] == [
        ("yoy", '"year-on-year"|yoy', False, f"{tsv}:3"),
        ("customs", "\\bChinese Customs\\b", True, f"{tsv}:4"),
    ]
    (csv_rule,) = read_checklist(str(csv))[0]
    assert csv_rule.message == "say it, please" and csv_rule.severity is Severity.ERROR


def _toml(condition: str, en: str, extra: str = "") -> str:
    return f'[[rule]]\nname = "a"\ncondition = "{condition}"\nen = "{en}"\n{extra}'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_toml("must", "x"), "line 1: rule 'a': unknown condition"),
        (_toml("same-count", "x"), "needs a Chinese pattern"),
        (_toml("en-must-match", "{fig}"), "unknown placeholder {fig}"),
        (_toml("en-must-match", "{term:不存在}"), "is not a glossary term"),
        (_toml("en-must-match", "x", 'severe = "error"\n'), "unknown key 'severe'"),
        (_toml("en-must-match", "x*"), "matches the empty text"),
        (
            _toml("en-must-match", "x") + "\n" + _toml("en-must-match", "y"),
            "line 6: rule 'a': the name is used twice",
        ),
    ],
)
def test_problems_are_named_with_their_line(tmp_path: Path, text: str, problem: str) -> None:
    path = _write(tmp_path, "rules.toml", text)
    _, problems = check_checklist(str(path), ())
    assert problem in str(problems[0])
    with pytest.raises(InputError):
        load_checklist(str(path), ())


def _rule(zh: str, en: str, condition: str = "en-must-match") -> ChecklistRule:
    return ChecklistRule("r", zh, en, condition, Severity.WARNING, "m")  # type: ignore[arg-type]


def test_a_figure_followed_by_yi_needs_billion_or_100_million() -> None:
    rule = _rule("{figure}亿", "billion|100 million")
    context = CheckContext(checklist=(rule,))
    bad = build(("货物56.03亿吨。", "Goods of 560.3 million tons."))
    good = build(("货物56.03亿吨。", "Goods of 5.603 billion tons."))
    trillion = build(("总值43.85万亿元。", "RMB43.85 trillion."))
    (finding,) = run_checklist(bad, context)
    assert [finding.zh[s:e] for s, e in finding.zh_spans] == ["56.03亿"]
    assert list(run_checklist(good, context)) == []
    assert list(run_checklist(trillion, context)) == []  # 万 stands between the figure and 亿


def test_term_placeholders_follow_the_glossary() -> None:
    glossary = (GlossaryEntry("同比", "year-on-year", variants=("y-o-y",), deprecated=("yoy",)),)
    rule = _rule("{term:同比}", "{term:同比}")
    compiled = compile_rule(rule, glossary)
    assert compiled.en_matches("up 5% y-o-y") == [(6, 11)]
    assert compiled.en_matches("up 5% yoy") == []
    assert compiled.zh_matches("同比增长") == [(0, 2)]
    with pytest.raises(PatternError):
        compile_rule(_rule("{term:环比}", "x"), glossary)
    any_term = compile_rule(_rule("{term}", "{term}"), glossary)
    assert any_term.zh_matches("环比同比") == [(2, 4)]


def test_traditional_chinese_matches_a_simplified_pattern() -> None:
    compiled = compile_rule(_rule("{figure}万亿", "trillion"), ())
    assert compiled.zh_matches("總值43.85萬億元") == [(2, 9)]


def test_xbench_checklists_are_imported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "house.xbckl",
        """<?xml version="1.0" ?>
<xbench-checklist version="1.0">
  <checklist name="house">
    <check name="yoy" categories="Terms">
      <term type="source" casecheck="no" wholeword="no" powersearch="yes"
            searchmode="simple">同比</term>
      <term type="target" casecheck="no" wholeword="yes" powersearch="yes"
            searchmode="simple">-year-on-year</term>
      <description xml:space="preserve">同比 is year-on-year</description>
    </check>
    <check name="no Chinese Customs">
      <term type="target" casecheck="yes" wholeword="yes"
            searchmode="regexp">Chinese\\s+Customs</term>
    </check>
    <check name="wildcards">
      <term type="target" searchmode="msword">Cust*</term>
    </check>
  </checklist>
</xbench-checklist>
""",
    )
    rules, problems = read_checklist(str(path))
    assert [(r.name, r.condition) for r in rules] == [
        ("yoy", "en-must-match"),
        ("no Chinese Customs", "en-must-not-match"),
    ]
    lines = path.read_text(encoding="utf-8").splitlines()
    wildcard = next(n for n, line in enumerate(lines, start=1) if 'searchmode="msword"' in line)
    assert [(p.line, "msword" in p.message) for p in problems] == [(wildcard, True)]
    context = CheckContext(checklist=rules)
    alignment = build(
        ("同比增长5%。", "Up 5% on last year."),
        ("中国海关。", "Chinese Customs."),
        ("中国海关。", "chinese customs."),
    )
    found = list(run_checklist(alignment, context))
    assert [(f.key, f.zh_ids) for f in found] == [("yoy", (0,)), ("no Chinese Customs", (1,))]


def test_the_bundled_checklist_is_clean_on_the_sample() -> None:
    assert len(bundled_checklist()) >= 12
    glossary = load_glossary_entries(AlignOptions())
    alignment = align_files(str(ZH), str(EN), AlignOptions(scorer="lexical"), glossary=glossary)
    report = qa_report(alignment, glossary, checks=["checklist"])
    assert [f for f in report.findings if f.severity.rank > Severity.INFO.rank] == []
