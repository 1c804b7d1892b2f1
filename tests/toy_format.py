"""A made-up output format, to prove that a new format is one module plus one registry row."""

from __future__ import annotations

from aligner.formats.settings import OutputSettings
from aligner.model import Report


def toy_bytes(report: Report, settings: OutputSettings) -> bytes:
    """One line per link: how many sentences each side holds."""
    lines = [f"{len(link.zh)}>{len(link.en)}" for link in report.alignment.links]
    return ("\n".join(lines) + "\n").encode("ascii")
