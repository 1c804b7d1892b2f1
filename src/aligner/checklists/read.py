"""Reading checklist files: TOML, TSV or CSV written for aligner, and Xbench ``.xbckl``.

Every file reads into rules plus problems, each problem with the line it is on, so that
``checklist check`` can list them all and ``qa`` can refuse a file by its first one.

TOML is the richest form (comments, any character in a pattern without escaping)::

    [[rule]]
    name = "yi-needs-billion"
    zh = "{figure}亿"
    en = "billion|100 million|hundred million"
    condition = "en-must-match"
    severity = "error"
    message = "亿 is 100 million: a figure in 亿 comes out in billion or 100 million"

TSV and CSV have the same names as header columns (``name, zh, en, condition, severity,
message``, optionally ``case``); a row whose name starts with ``#`` is a comment. TSV
cells are taken literally (no quoting), so a pattern may hold quotation marks.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from aligner.checklists.model import CONDITIONS, ChecklistProblem, ChecklistRule, Condition
from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# A checklist is a few kilobytes; a million times that is a mistake.
MAX_CHECKLIST_BYTES = 64 * 1024 * 1024

COLUMNS = ("name", "zh", "en", "condition", "severity", "message")
_OPTIONAL = ("case",)
_TRUE = frozenset({"yes", "true", "1", "sensitive", "case-sensitive"})
_FALSE = frozenset({"", "no", "false", "0", "insensitive", "case-insensitive"})

Read = tuple[tuple[ChecklistRule, ...], tuple[ChecklistProblem, ...]]


def read_checklist_bytes(path: str) -> bytes:
    return read_input_file(path, max_bytes=MAX_CHECKLIST_BYTES, what="checklist file")


def read_checklist(path: str, data: bytes | None = None) -> Read:
    """Rules and problems of one file; the format follows the extension, else the content."""
    if data is None:
        data = read_checklist_bytes(path)
    suffix = Path(path).suffix.lower()
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".xbckl" or (suffix not in (".toml", ".tsv", ".csv") and stripped[:1] == b"<"):
        return _read_xbench(path, data)
    text = _decode(path, data)
    if suffix == ".toml" or (suffix not in (".tsv", ".csv") and _looks_like_toml(text)):
        return _read_toml(path, text)
    return _read_table(path, text, "," if suffix == ".csv" else "\t")


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not valid UTF-8 (byte {error.start})") from None


def _looks_like_toml(text: str) -> bool:
    return any(line.strip().startswith("[[") for line in text.splitlines())


# --- one rule from its fields ------------------------------------------------------------


def make_rule(
    path: str, line: int | None, fields: Mapping[str, Any]
) -> ChecklistRule | ChecklistProblem:
    """A rule from its named fields, or the first thing wrong with them."""

    def problem(message: str) -> ChecklistProblem:
        name = fields.get("name")
        prefix = f"rule {name!r}: " if isinstance(name, str) and name.strip() else ""
        return ChecklistProblem(path, line, prefix + message)

    for key, value in fields.items():
        if key == "case-sensitive":
            if not isinstance(value, bool):
                return problem("case-sensitive must be true or false")
        elif not isinstance(value, str):
            return problem(f"{key} must be text")
    name = str(fields.get("name", "")).strip()
    if not name:
        return problem("the rule has no name")
    condition = str(fields.get("condition", "")).strip().lower()
    if condition not in CONDITIONS:
        known = ", ".join(CONDITIONS)
        return problem(f"unknown condition {condition!r}; use one of {known}")
    severity_text = str(fields.get("severity", "warning")).strip().lower() or "warning"
    try:
        severity = Severity(severity_text)
    except ValueError:
        return problem(f"unknown severity {severity_text!r}; use error, warning or info")
    zh = str(fields.get("zh", ""))
    en = str(fields.get("en", ""))
    needs = {
        "en-must-match": ("en",),
        "en-must-not-match": ("en",),
        "zh-must-not-match": ("zh",),
        "same-count": ("zh", "en"),
    }[condition]
    for side in needs:
        if not (zh if side == "zh" else en).strip():
            language = "Chinese" if side == "zh" else "English"
            return problem(f"condition {condition} needs a {language} pattern ({side})")
    if condition == "zh-must-not-match" and en.strip():
        return problem("condition zh-must-not-match takes no English pattern")
    return ChecklistRule(
        name=name,
        zh=zh,
        en=en,
        condition=condition,  # type: ignore[arg-type]
        severity=severity,
        message=str(fields.get("message", "")).strip(),
        case_sensitive=bool(fields.get("case-sensitive", False)),
        origin=f"{path}:{line}" if line is not None else path,
    )


def _collect(results: list[ChecklistRule | ChecklistProblem]) -> Read:
    rules = [r for r in results if isinstance(r, ChecklistRule)]
    problems = [p for p in results if isinstance(p, ChecklistProblem)]
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.name in seen:
            line = int(rule.origin.rpartition(":")[2]) if ":" in rule.origin else None
            problems.append(
                ChecklistProblem(
                    rule.origin.rpartition(":")[0] or rule.origin,
                    line,
                    f"rule {rule.name!r}: the name is used twice (first at {seen[rule.name]})",
                )
            )
        seen.setdefault(rule.name, rule.origin)
    return tuple(rules), tuple(problems)


# --- TOML --------------------------------------------------------------------------------

_RULE_KEYS = frozenset({*COLUMNS, "case-sensitive"})


def _read_toml(path: str, text: str) -> Read:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return (), (ChecklistProblem(path, None, f"not valid TOML: {error}"),)
    problems: list[ChecklistProblem] = []
    for key in document:
        if key != "rule":
            problems.append(
                ChecklistProblem(path, None, f"unknown key {key!r}; rules are [[rule]] tables")
            )
    tables = document.get("rule", [])
    if not isinstance(tables, list):
        return (), (*problems, ChecklistProblem(path, None, "rule must be [[rule]] tables"))
    lines = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().replace(" ", "").startswith("[[rule]]")
    ]
    results: list[ChecklistRule | ChecklistProblem] = list(problems)
    for index, table in enumerate(tables):
        line = lines[index] if index < len(lines) else None
        if not isinstance(table, dict):
            results.append(ChecklistProblem(path, line, "a rule must be a table"))
            continue
        unknown = sorted(set(table) - _RULE_KEYS)
        if unknown:
            results.append(
                ChecklistProblem(
                    path,
                    line,
                    f"unknown key {unknown[0]!r}; a rule has {', '.join(COLUMNS)}"
                    " and case-sensitive",
                )
            )
            continue
        results.append(make_rule(path, line, table))
    return _collect(results)


# --- TSV and CSV -------------------------------------------------------------------------


def _read_table(path: str, text: str, delimiter: str) -> Read:
    source = io.StringIO(text, newline="")
    if delimiter == "\t":
        reader = csv.reader(source, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(source, delimiter=delimiter)
    header: list[str] | None = None
    results: list[ChecklistRule | ChecklistProblem] = []
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in row]
                missing = [c for c in ("name", "condition") if c not in header]
                unknown = [c for c in header if c not in (*COLUMNS, *_OPTIONAL)]
                if missing or unknown:
                    wanted = ", ".join(COLUMNS)
                    what = (
                        f"no {missing[0]} column" if missing else f"unknown column {unknown[0]!r}"
                    )
                    return (), (ChecklistProblem(path, start, f"{what}; the header is {wanted}"),)
                continue
            if len(row) > len(header):
                results.append(
                    ChecklistProblem(path, start, f"{len(row)} cells for {len(header)} columns")
                )
                continue
            fields: dict[str, Any] = dict(zip(header, row, strict=False))
            case = str(fields.pop("case", "")).strip().lower()
            if case not in _TRUE | _FALSE:
                results.append(
                    ChecklistProblem(path, start, f"case must be yes or no, not {case!r}")
                )
                continue
            fields["case-sensitive"] = case in _TRUE
            results.append(make_rule(path, start, fields))
    except csv.Error as error:
        results.append(ChecklistProblem(path, line, f"not a valid table row: {error}"))
    if header is None:
        return (), (ChecklistProblem(path, None, "no header row and no rules"),)
    return _collect(results)


# --- Xbench ------------------------------------------------------------------------------


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _read_xbench(path: str, data: bytes) -> Read:
    """An Xbench checklist, as its published file format describes it.

    Each ``<check>`` holds a source term, a target term or both; Xbench lists the segments
    where every term given is found, and a PowerSearch term starting with ``-`` means "not
    found". So a source term with a negated target term is "the English must match when the
    Chinese matches", a target term alone is "the English must not match", and so on.
    Simple terms are literal text, ``regexp`` terms regular expressions; MS Word wildcards,
    other PowerSearch operators and inherited checklists are reported rather than guessed.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        return (), (ChecklistProblem(path, line, f"not well-formed XML: {error.msg}"),)
    if etree.QName(root).localname != "xbench-checklist":
        return (), (ChecklistProblem(path, _line(root), "not an Xbench checklist"),)
    results: list[ChecklistRule | ChecklistProblem] = []
    for element in root.iter("inherit"):
        results.append(
            ChecklistProblem(
                path,
                _line(element),
                f"inherits the checklist {element.get('name') or element.text!r}; give that "
                "file with another --checklist",
            )
        )
    for check in root.iter("check"):
        results.append(_xbench_rule(path, check))
    return _collect(results)


def _xbench_rule(path: str, check: etree._Element) -> ChecklistRule | ChecklistProblem:
    line = _line(check)
    name = (check.get("name") or "").strip() or f"xbench-line-{line}"
    terms: dict[str, tuple[str, bool]] = {}
    for term in check.iterfind("term"):
        side = term.get("type", "")
        if side not in ("source", "target"):
            continue
        converted = _xbench_term(term)
        if isinstance(converted, str):
            return ChecklistProblem(path, _line(term), f"rule {name!r}: {converted}")
        terms[side] = converted
    description = "".join(check.findtext("description") or "").strip()
    fields: dict[str, Any] = {"name": name, "message": description or name, "severity": "warning"}
    source, target = terms.get("source"), terms.get("target")
    if source is not None and source[1]:
        return ChecklistProblem(path, line, f"rule {name!r}: a negated source term is not read")
    if source is None and target is None:
        return ChecklistProblem(path, line, f"rule {name!r}: no source or target term")
    if source is not None:
        fields["zh"] = source[0]
    if target is not None:
        fields["en"] = target[0]
    condition: Condition
    if target is None:
        condition = "zh-must-not-match"
    else:
        condition = "en-must-match" if target[1] else "en-must-not-match"
    fields["condition"] = condition
    fields["case-sensitive"] = True  # each term carries its own case flag inline
    return make_rule(path, line, fields)


def _xbench_term(term: etree._Element) -> tuple[str, bool] | str:
    """(pattern, negated) for one Xbench term, or why it cannot be read faithfully."""
    text = term.text or ""
    if term.get("notrim") != "yes":
        text = text.strip()
    mode = term.get("searchmode", "simple")
    negated = False
    if term.get("powersearch") == "yes":
        if text.startswith("-"):
            negated, text = True, text[1:]
        if mode == "simple":
            if len(text) >= 2 and text[0] == text[-1] == '"':
                text = text[1:-1]
            elif any(mark in text for mark in (" ", '"', "|", "(", ")")):
                return "uses PowerSearch operators that are not read; write it as a regexp term"
    if mode == "simple":
        pattern = _escape(text)
    elif mode == "regexp":
        pattern = text
    else:
        return f"search mode {mode!r} is not read; write it as a regexp term"
    if not pattern:
        return "an empty term"
    if term.get("wholeword") == "yes":
        pattern = rf"\b(?:{pattern})\b"
    flag = "(?-i:" if term.get("casecheck") == "yes" else "(?i:"
    return f"{flag}{pattern})", negated


def _escape(text: str) -> str:
    import regex

    escaped: str = regex.escape(text)
    # Braces would read as placeholders; escape them explicitly.
    return escaped.replace("{", r"\{").replace("}", r"\}")
