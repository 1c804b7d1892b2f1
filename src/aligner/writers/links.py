"""The ``[zh ids]:[en ids]`` link list, the format of MAC-Dev gold files and of ``eval``."""

from __future__ import annotations

from aligner.align.evaluate import format_links
from aligner.files import write_text_atomic
from aligner.model import Report


def render_links(report: Report) -> str:
    return format_links((link.zh, link.en) for link in report.alignment.links)


def write_links(report: Report, path: str) -> None:
    write_text_atomic(path, render_links(report))
