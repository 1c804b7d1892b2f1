"""Checklists for a QA run: the bundled customs checklist and the user's files, validated.

A rule is only usable once its patterns compile against the glossary in force (a
``{term:…}`` placeholder names a glossary term), so validation compiles every rule and
reports the line of each one that does not.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from aligner.checklists.model import ChecklistProblem, ChecklistRule
from aligner.errors import InputError
from aligner.glossary.model import GlossaryEntry
from aligner.lexicon.cache import cache_file, cached, package_file, source_stamp

if TYPE_CHECKING:
    from aligner.checklists.read import Read

BUNDLED_NAME = "customs-checklist.toml"
_CACHE_VERSION = 1


def bundled_bytes() -> bytes:
    return package_file("aligner", "data", BUNDLED_NAME).read_bytes()


def check_checklist(
    path: str, glossary: Sequence[GlossaryEntry], data: bytes | None = None
) -> Read:
    """Every rule of a file that reads and compiles, and every problem, by line."""
    from aligner.checklists.patterns import PatternError, compile_rule
    from aligner.checklists.read import read_checklist

    rules, problems = read_checklist(path, data)
    usable: list[ChecklistRule] = []
    found = list(problems)
    for rule in rules:
        try:
            compile_rule(rule, glossary)
        except PatternError as error:
            line_text = rule.origin.rpartition(":")[2]
            line = int(line_text) if line_text.isdigit() else None
            found.append(ChecklistProblem(path, line, f"rule {rule.name!r}: {error}"))
            continue
        usable.append(rule)
    found.sort(key=lambda problem: problem.line or 0)
    return tuple(usable), tuple(found)


def load_checklist(
    path: str, glossary: Sequence[GlossaryEntry], data: bytes | None = None
) -> tuple[ChecklistRule, ...]:
    """Strictly: the first problem is an InputError naming the file and the line."""
    rules, problems = check_checklist(path, glossary, data)
    if problems:
        raise InputError(path, str(problems[0]))
    return rules


def _read_bundled(source: Path) -> tuple[ChecklistRule, ...]:
    from aligner.checklists.read import read_checklist

    rules, problems = read_checklist(BUNDLED_NAME, source.read_bytes())
    if problems:
        raise InputError(BUNDLED_NAME, str(problems[0]))
    return rules


def _decode_rules(data: memoryview) -> tuple[ChecklistRule, ...]:
    rules = pickle.loads(data)
    if not isinstance(rules, tuple) or not all(isinstance(r, ChecklistRule) for r in rules):
        raise TypeError("not checklist rules")
    return rules


@lru_cache(maxsize=1)
def _bundled_rules() -> tuple[ChecklistRule, ...]:
    """Read once per version of the file and kept in the user's cache folder, so a run
    with only the bundled checklist loads neither the TOML nor the Xbench reader."""
    source = package_file("aligner", "data", BUNDLED_NAME)
    path = cache_file("checklist", _CACHE_VERSION, [source_stamp(source)], ".pickle")
    return cached(
        path,
        lambda: _read_bundled(source),
        lambda rules: pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL),
        _decode_rules,
    )


def bundled_checklist() -> tuple[ChecklistRule, ...]:
    """The customs checklist shipped inside the package (read once per process)."""
    return _bundled_rules()


def checklist_rules(
    paths: Sequence[str],
    glossary: Sequence[GlossaryEntry],
    *,
    include_bundled: bool = True,
) -> tuple[ChecklistRule, ...]:
    """Every rule in force: the bundled checklist (unless left out), then each file.

    A rule of a later file with the name of an earlier rule replaces it, so a team can
    change the severity or wording of a bundled rule by restating it. The bundled rules use
    no ``{term:…}`` placeholder, so they hold whatever glossary is in force.
    """
    by_name: dict[str, ChecklistRule] = {}
    sources = [bundled_checklist()] if include_bundled else []
    sources.extend(load_checklist(path, glossary) for path in paths)
    for rules in sources:
        for rule in rules:
            by_name.pop(rule.name, None)
            by_name[rule.name] = rule
    return tuple(by_name.values())
