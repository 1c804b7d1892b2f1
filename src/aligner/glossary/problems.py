"""Problems found while reading or checking a glossary, and how strict loading reports them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aligner.errors import InputError
from aligner.glossary.model import Glossary


@dataclass(frozen=True)
class GlossaryProblem:
    """One thing wrong with a glossary file, located by ``origin`` ("file:line").

    Errors make strict loading fail; warnings describe entries that load but are
    probably not what the glossary's author meant (duplicates, conflicts).
    """

    origin: str
    severity: Literal["error", "warning"]
    message: str
    line: int | None = None


@dataclass(frozen=True)
class ReadResult:
    """A leniently read glossary: every well-formed entry plus every row-level problem."""

    glossary: Glossary
    problems: tuple[GlossaryProblem, ...] = ()


def origin_of(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"


def problem(
    path: str, line: int | None, message: str, severity: Literal["error", "warning"] = "error"
) -> GlossaryProblem:
    return GlossaryProblem(origin_of(path, line), severity, message, line)


def raise_first_error(path: str, problems: tuple[GlossaryProblem, ...]) -> None:
    """Strict loading: turn the first error into the one exception the CLI reports."""
    for found in problems:
        if found.severity == "error":
            where = f"line {found.line}: " if found.line is not None else ""
            raise InputError(path, where + found.message)
