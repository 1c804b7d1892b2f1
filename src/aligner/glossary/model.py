"""Glossary entries as plain data, independent of the file format they came from."""

from __future__ import annotations

from dataclasses import dataclass

from aligner.model import TermStatus


@dataclass(frozen=True)
class GlossaryEntry:
    """One concept: a Chinese term and its approved English.

    ``variants`` are other acceptable English renderings; ``deprecated`` are renderings
    that must not be used (a known mistranslation). ``origin`` is "file:line" so that
    ``glossary check`` and QA messages can point at the row the entry came from.
    """

    zh: str
    en: str
    status: TermStatus = TermStatus.PREFERRED
    variants: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""


@dataclass(frozen=True)
class Glossary:
    """An ordered collection of entries, usually one per file."""

    name: str
    entries: tuple[GlossaryEntry, ...]
