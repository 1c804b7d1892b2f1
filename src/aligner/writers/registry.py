"""Which writer handles which output file, chosen by the file's extension.

Writers are imported only when used, so ``aligner align`` printing to the terminal
never pays for loading python-docx or lxml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from aligner.model import Report


@dataclass(frozen=True)
class WriteOptions:
    with_qa: bool = False
    layout: Literal["table", "interleaved"] = "table"
    xliff_version: Literal["1.2", "2.1"] = "1.2"


FORMATS: dict[str, str] = {
    ".links": "links",
    ".align": "links",
    ".tsv": "tsv",
    ".csv": "csv",
    ".json": "json",
    ".docx": "docx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str) -> str | None:
    """The output format a path asks for, or None when the extension is unknown."""
    return FORMATS.get(os.path.splitext(path)[1].lower())


def write_report(report: Report, path: str, options: WriteOptions = WriteOptions()) -> None:
    """Write ``report`` to ``path`` in the format its extension names (atomically)."""
    kind = format_for(path)
    if kind == "links":
        from aligner.writers.links import write_links

        write_links(report, path)
    elif kind == "tsv":
        from aligner.writers.table import write_tsv

        write_tsv(report, path)
    elif kind == "csv":
        from aligner.writers.table import write_csv

        write_csv(report, path)
    elif kind == "json":
        from aligner.writers.jsonfile import write_json

        write_json(report, path, with_qa=options.with_qa)
    elif kind == "docx":
        from aligner.writers.docx import write_docx

        write_docx(report, path, layout=options.layout)
    elif kind == "xliff":
        if options.xliff_version == "2.1":
            from aligner.writers.xliff21 import write_xliff21

            write_xliff21(report, path)
        else:
            from aligner.writers.xliff12 import write_xliff12

            write_xliff12(report, path)
    elif kind == "tmx":
        from aligner.writers.tmx import write_tmx

        write_tmx(report, path)
    elif kind == "html":
        from aligner.writers.html import write_html

        write_html(report, path)
    else:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown output extension; use one of {known}")
