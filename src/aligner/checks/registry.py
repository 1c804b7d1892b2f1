"""The checks ``aligner qa`` runs, by their fixed names, and how their findings are ordered."""

from __future__ import annotations

from collections.abc import Collection
from importlib import import_module

from aligner.checks.base import Check, CheckContext
from aligner.model import Alignment, Finding

# name → (module, function); imported on demand so a single check costs only itself.
CHECKS: dict[str, tuple[str, str]] = {
    "term": ("aligner.checks.term", "check_terms"),
    "number": ("aligner.checks.number", "check_numbers"),
    "omission": ("aligner.checks.omission", "check_omission"),
    "addition": ("aligner.checks.addition", "check_addition"),
    "untranslated": ("aligner.checks.untranslated", "check_untranslated"),
    "inconsistency": ("aligner.checks.inconsistency", "check_inconsistency"),
    "punctuation": ("aligner.checks.punctuation", "check_punctuation"),
    "length": ("aligner.checks.length", "check_length"),
    "divergence": ("aligner.checks.divergence", "check_divergence"),
}


def load_check(name: str) -> Check:
    module, function = CHECKS[name]
    check: Check = getattr(import_module(module), function)
    return check


def run_checks(
    alignment: Alignment,
    context: CheckContext,
    only: Collection[str] | None = None,
) -> tuple[Finding, ...]:
    """Every finding of the selected checks, in document order, most severe first per link."""
    names = [n for n in CHECKS if only is None or n in only]
    findings: list[Finding] = []
    for name in names:
        findings.extend(load_check(name)(alignment, context))
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

    return tuple(sorted(findings, key=position))
