"""The checks ``aligner qa`` runs, by their fixed names, and how their findings are ordered."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from importlib import import_module

from aligner.checks.base import Check, CheckContext, distinct_keys
from aligner.model import Alignment, Finding


@dataclass(frozen=True)
class CheckSpec:
    """One QA check: its fixed name, where it lives, and what it reports in a few words.

    ``run`` is ``"module:function"``, imported on demand so a single check costs only
    itself; ``summary`` is what the ``qa`` help says of it.
    """

    name: str
    run: str
    summary: str

    def load(self) -> Check:
        module, _, function = self.run.partition(":")
        check: Check = getattr(import_module(module), function)
        return check


CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec("term", "aligner.checks.term:check_terms", "glossary terms and their renderings"),
    CheckSpec("number", "aligner.checks.number:check_numbers", "figures, percentages and dates"),
    CheckSpec(
        "omission",
        "aligner.checks.unit_omission:check_omissions",
        "Chinese with no English (whole links and sentences inside one)",
    ),
    CheckSpec("addition", "aligner.checks.addition:check_addition", "English with no Chinese"),
    CheckSpec(
        "untranslated",
        "aligner.checks.untranslated:check_untranslated",
        "Chinese left in the English",
    ),
    CheckSpec(
        "inconsistency",
        "aligner.checks.inconsistency:check_inconsistency",
        "one sentence translated two ways",
    ),
    CheckSpec(
        "punctuation",
        "aligner.checks.punctuation:check_punctuation",
        "Chinese punctuation, brackets, spacing",
    ),
    CheckSpec("length", "aligner.checks.length:check_length", "length ratio outliers"),
    CheckSpec(
        "divergence",
        "aligner.checks.divergence:check_divergence",
        "distance from a --reference translation",
    ),
    CheckSpec(
        "polarity",
        "aligner.checks.polarity:check_polarity",
        "rise against fall, negation, always/never",
    ),
    CheckSpec(
        "checklist",
        "aligner.checks.checklist:check_checklist",
        "rules of the customs and --checklist files",
    ),
    CheckSpec(
        "spelling",
        "aligner.checks.spelling:check_spelling",
        "misspelt and repeated English words",
    ),
    CheckSpec("tags", "aligner.checks.tags:check_tags", "inline tags, placeholders, URLs, e-mail"),
)


def check_names() -> tuple[str, ...]:
    return tuple(spec.name for spec in CHECKS)


def load_check(name: str) -> Check:
    return next(spec for spec in CHECKS if spec.name == name).load()


def run_checks(
    alignment: Alignment,
    context: CheckContext,
    only: Collection[str] | None = None,
) -> tuple[Finding, ...]:
    """Every finding of the selected checks, in document order, most severe first per link."""
    findings: list[Finding] = []
    for spec in CHECKS:
        if only is None or spec.name in only:
            findings.extend(spec.load()(alignment, context))
    link_of_zh = {i: k for k, link in enumerate(alignment.links) for i in link.zh}
    link_of_en = {j: k for k, link in enumerate(alignment.links) for j in link.en}

    def position(finding: Finding) -> tuple[int, int, str]:
        # Document-level findings (no ids) first, then in link order, worst first.
        if finding.zh_ids:
            place = link_of_zh.get(finding.zh_ids[0], -1)
        elif finding.en_ids:
            place = link_of_en.get(finding.en_ids[0], -1)
        else:
            place = -1
        return (place, -finding.severity.rank, finding.check)

    return distinct_keys(sorted(findings, key=position))
