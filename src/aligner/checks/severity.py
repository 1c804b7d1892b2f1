"""Per-check severity overrides: a team's own view of what matters, from its configuration.

A team that treats every spelling slip as blocking, or length outliers as mere hints, says
so once (``[severity]`` in ``aligner.toml`` or ``--severity CHECK=LEVEL``) rather than
filtering reports by hand. ``off`` drops a check's findings altogether.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from aligner.model import Finding, Severity

LEVELS = ("error", "warning", "info", "off")


def override_severities(
    findings: Sequence[Finding], overrides: Iterable[tuple[str, str]]
) -> tuple[Finding, ...]:
    """The findings with each overridden check's severity replaced (or its findings dropped)."""
    table = dict(overrides)
    if not table:
        return tuple(findings)
    result: list[Finding] = []
    for finding in findings:
        level = table.get(finding.check)
        if level is None:
            result.append(finding)
        elif level != "off":
            result.append(replace(finding, severity=Severity(level)))
    return tuple(result)
