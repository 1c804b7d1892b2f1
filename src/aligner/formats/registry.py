"""Every output the tool can produce, and every bilingual file it can read back, in one table.

The command line's ``-o`` help, ``align --format`` and ``qa --format`` choices, the ``--to``
list of ``batch`` and the choice of writer for a file all come from :data:`OUTPUTS`, so a new
format is one module with a function ``(report, settings) -> bytes`` plus one row here.
Modules are named, not imported: a run pays only for the formats it writes, so printing to
the terminal never loads python-docx or lxml.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Literal

from aligner.files import write_bytes_atomic
from aligner.formats.settings import OutputSettings
from aligner.model import Report

Command = Literal["align", "qa"]
Render = Callable[[Report, OutputSettings], bytes]


@dataclass(frozen=True)
class OutputFormat:
    """One kind of output.

    ``render`` is ``"module:function"``; the function turns a report into the file's bytes.
    ``extensions`` are the file names ``-o`` recognises (none: a terminal view only);
    ``deliverable`` offers it to ``batch --to``; ``printable`` lists the commands whose
    ``--format`` can print it on standard output.
    """

    name: str
    extensions: tuple[str, ...]
    render: str
    summary: str
    deliverable: bool = False
    printable: tuple[Command, ...] = ()

    def load(self) -> Render:
        module, _, function = self.render.partition(":")
        found: Render = getattr(import_module(module), function)
        return found


OUTPUTS: tuple[OutputFormat, ...] = (
    OutputFormat(
        "side-by-side",
        (),
        "aligner.writers.terminal:side_by_side_bytes",
        "Chinese and English in two columns",
        printable=("align",),
    ),
    OutputFormat(
        "text",
        (),
        "aligner.writers.qa_text:qa_text_bytes",
        "QA findings grouped by row",
        printable=("qa",),
    ),
    OutputFormat(
        "links",
        (".links", ".align"),
        "aligner.formats.links:links_bytes",
        "one link a line, [zh ids]:[en ids]",
        printable=("align",),
    ),
    OutputFormat(
        "tsv",
        (".tsv",),
        "aligner.formats.table:tsv_bytes",
        "one row per link, tab-separated",
        printable=("align",),
    ),
    OutputFormat(
        "csv", (".csv",), "aligner.formats.table:csv_bytes", "one row per link, for spreadsheets"
    ),
    OutputFormat(
        "docx",
        (".docx",),
        "aligner.writers.docx:docx_bytes",
        "bilingual handout",
        deliverable=True,
    ),
    OutputFormat(
        "xliff",
        (".xlf", ".xliff"),
        "aligner.formats.xliff:xliff_bytes",
        "XLIFF 1.2 or 2.1 for CAT tools",
        deliverable=True,
    ),
    OutputFormat(
        "tmx", (".tmx",), "aligner.formats.tmx:tmx_bytes", "translation memory", deliverable=True
    ),
    OutputFormat(
        "html",
        (".html", ".htm"),
        "aligner.writers.html:html_bytes",
        "QA report page",
        deliverable=True,
        printable=("qa",),
    ),
    OutputFormat(
        "json",
        (".json",),
        "aligner.formats.jsonfile:json_bytes",
        "documents, links and findings",
        deliverable=True,
        printable=("align", "qa"),
    ),
)


def format_for(path: str) -> OutputFormat | None:
    """The output a file name asks for, or None when its extension is unknown."""
    extension = os.path.splitext(path)[1].lower()
    return next((f for f in OUTPUTS if extension in f.extensions), None)


def file_extensions() -> tuple[str, ...]:
    return tuple(e for f in OUTPUTS for e in f.extensions)


def deliverables() -> tuple[OutputFormat, ...]:
    """What ``batch --to`` offers, in the order a batch writes them."""
    return tuple(f for f in OUTPUTS if f.deliverable)


def printable(command: Command) -> tuple[OutputFormat, ...]:
    return tuple(f for f in OUTPUTS if command in f.printable)


def by_name(name: str) -> OutputFormat:
    return next(f for f in OUTPUTS if f.name == name)


DEFAULT_SETTINGS = OutputSettings()


def render(report: Report, name: str, settings: OutputSettings = DEFAULT_SETTINGS) -> bytes:
    return by_name(name).load()(report, settings)


def write_report(report: Report, path: str, settings: OutputSettings = DEFAULT_SETTINGS) -> None:
    """Write ``report`` to ``path`` in the format its extension names, atomically."""
    found = format_for(path)
    if found is None:
        known = ", ".join(file_extensions())
        raise ValueError(f"{path}: unknown output extension; use one of {known}")
    write_bytes_atomic(path, found.load()(report, settings))
