"""The choices a user makes about an output, passed unchanged to every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aligner.model import Severity


@dataclass(frozen=True)
class OutputSettings:
    """How to write a report; each format reads the settings that concern it.

    ``with_qa`` adds findings and counts to the JSON; ``width`` is the terminal's width for
    the views printed there (None: ask the terminal); ``min_severity`` hides lesser findings
    in the printed QA view only, since files always keep every finding. ``handout`` is what
    the DOCX is for: ``clean`` to hand out (the two texts under their title, nothing else),
    ``review`` for reviewers (highlights, marked findings, comments, the findings table).
    A report carries its findings, so the library draws them unless told otherwise; the
    command line, where a press officer produces the file to hand out, defaults to clean.
    """

    with_qa: bool = False
    layout: Literal["table", "interleaved"] = "table"
    xliff_version: Literal["1.2", "2.1"] = "1.2"
    width: int | None = None
    min_severity: Severity = Severity.INFO
    handout: Literal["clean", "review"] = "review"
