"""Checklist rules as plain data, and the problems a checklist file can have."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aligner.model import Severity

Condition = Literal["en-must-match", "en-must-not-match", "zh-must-not-match", "same-count"]

CONDITIONS: dict[str, str] = {
    "en-must-match": "the English must match (when the Chinese matches, if a Chinese "
    "pattern is given)",
    "en-must-not-match": "the English must not match (when the Chinese matches, if a "
    "Chinese pattern is given)",
    "zh-must-not-match": "the Chinese must not match",
    "same-count": "the English must match as many times as the Chinese",
}
"""Every condition a rule may state, with what it means (the help and the README quote it)."""


@dataclass(frozen=True)
class ChecklistRule:
    """One rule of a checklist.

    ``zh`` and ``en`` are patterns in the syntax of the ``regex`` module, with the
    placeholders of :mod:`aligner.checklists.patterns`; either may be empty when the
    condition does not need it. ``origin`` is "file:line", for messages.
    """

    name: str
    zh: str
    en: str
    condition: Condition
    severity: Severity
    message: str
    case_sensitive: bool = False
    origin: str = ""


@dataclass(frozen=True)
class ChecklistProblem:
    """One thing wrong with a checklist file; ``line`` is None when it is about the file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return where + self.message
