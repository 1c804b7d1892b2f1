"""Findings a reviewer has accepted: taken out of the counts, kept in sight with their note.

A finding's id depends on its check, the text of its link and what it is about, never on
where the link is, so an acceptance given once holds for every later run and for every
document of a batch that has the same link, and lapses by itself when the text changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from aligner.model import AcceptedFinding, Finding, Report


def split_accepted(
    findings: Iterable[Finding], accepted: Mapping[str, str]
) -> tuple[tuple[Finding, ...], tuple[AcceptedFinding, ...]]:
    """The findings still open, and those accepted paired with the reviewer's note."""
    still_open: list[Finding] = []
    taken: list[AcceptedFinding] = []
    for finding in findings:
        note = accepted.get(finding.id)
        if note is None:
            still_open.append(finding)
        else:
            taken.append(AcceptedFinding(finding, note))
    return tuple(still_open), tuple(taken)


def apply_acceptances(report: Report, accepted: Mapping[str, str]) -> Report:
    """``report`` with every accepted finding moved from ``findings`` to ``accepted``.

    Counts, ``--fail-on`` and the review states of XLIFF units read ``findings`` only, so an
    accepted finding no longer fails a run or asks for review.
    """
    if not accepted:
        return report
    still_open, taken = split_accepted(report.findings, accepted)
    return replace(report, findings=still_open, accepted=report.accepted + taken)
