"""Spelling of term statuses in CSV columns and in TBX administrativeStatus notes."""

from __future__ import annotations

from aligner.model import TermStatus

# TBX-Basic knows no "forbidden" status; the strongest it has is deprecatedTerm.
TBX_STATUS_VALUES: dict[TermStatus, str] = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
}

_STATUS_WORDS: dict[str, TermStatus] = {
    "preferred": TermStatus.PREFERRED,
    "standardized": TermStatus.PREFERRED,
    "legal": TermStatus.PREFERRED,
    "regulated": TermStatus.PREFERRED,
    "admitted": TermStatus.ADMITTED,
    "deprecated": TermStatus.DEPRECATED,
    "superseded": TermStatus.DEPRECATED,
    "obsolete": TermStatus.DEPRECATED,
    "forbidden": TermStatus.FORBIDDEN,
}

ACCEPTED_STATUSES = frozenset({TermStatus.PREFERRED, TermStatus.ADMITTED})


def parse_status(value: str) -> TermStatus | None:
    """Read a status written either as a plain word or in TBX form.

    ``preferred``, ``Preferred``, ``preferredTerm`` and ``preferredTerm-admn-sts`` all
    mean the same, so files written by other terminology tools load unchanged.
    Returns None for a value that names no known status.
    """
    word = value.strip().lower()
    word = word.removesuffix("-admn-sts").removesuffix("term").strip()
    return _STATUS_WORDS.get(word)
