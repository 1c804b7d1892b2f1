"""Duplicates and conflicts between glossary entries, found across the whole list.

Shared by ``glossary check``, which lists them all, and by loading for QA, which refuses a
file whose entries contradict each other (a rendering both accepted and deprecated for
one term) instead of checking a translation against rules that cannot all hold.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from aligner.glossary.chinese import zh_key
from aligner.glossary.english import words
from aligner.glossary.model import GlossaryEntry
from aligner.glossary.problems import GlossaryProblem, problem
from aligner.glossary.status import ACCEPTED_STATUSES
from aligner.model import TermStatus

Severity = Literal["error", "warning"]


def _en_key(text: str) -> tuple[str, ...]:
    return tuple(w.key for w in words(text))


def _line_of(entry: GlossaryEntry) -> int | None:
    _, _, line = entry.origin.rpartition(":")
    return int(line) if line.isdigit() else None


def _path_of(entry: GlossaryEntry) -> str:
    path, _, line = entry.origin.rpartition(":")
    return path if line.isdigit() else entry.origin


def _where(entry: GlossaryEntry) -> str:
    line = _line_of(entry)
    return f"line {line}" if line is not None else entry.origin


def _accepted(entry: GlossaryEntry) -> tuple[str, ...]:
    return (entry.en, *entry.variants) if entry.status in ACCEPTED_STATUSES else ()


def _rejected(entry: GlossaryEntry) -> tuple[str, ...]:
    own = () if entry.status in ACCEPTED_STATUSES else (entry.en,)
    return own + entry.deprecated


def entry_problems(entries: tuple[GlossaryEntry, ...]) -> list[GlossaryProblem]:
    """Duplicates and conflicts between entries, each reported on the later entry."""
    problems: list[GlossaryProblem] = []
    position = {id(entry): index for index, entry in enumerate(entries)}
    first_pair: dict[tuple[str, tuple[str, ...]], GlossaryEntry] = {}
    first_preferred: dict[str, GlossaryEntry] = {}
    rejected_at: dict[tuple[str, ...], list[GlossaryEntry]] = defaultdict(list)

    def report(entry: GlossaryEntry, message: str, severity: Severity = "warning") -> None:
        problems.append(problem(_path_of(entry), _line_of(entry), message, severity))

    for entry in entries:
        zh = zh_key(entry.zh)
        pair = (zh, _en_key(entry.en))
        if pair in first_pair:
            report(entry, f"duplicate of {_where(first_pair[pair])} ({entry.zh} → {entry.en})")
        else:
            first_pair[pair] = entry
        if entry.status is TermStatus.PREFERRED:
            other = first_preferred.setdefault(zh, entry)
            if other is not entry and _en_key(other.en) != _en_key(entry.en):
                report(
                    entry,
                    f'{entry.zh} already has the preferred rendering "{other.en}" at '
                    f'{_where(other)}; "{entry.en}" conflicts with it (make one a variant)',
                )
        deprecated_here = {_en_key(text) for text in entry.deprecated}
        for text in _accepted(entry):
            if _en_key(text) in deprecated_here:
                report(entry, f'"{text}" is both accepted and deprecated here', "error")
        for text in _rejected(entry):
            rejected_at[_en_key(text)].append(entry)

    for good in entries:
        for text in _accepted(good):
            for bad in rejected_at.get(_en_key(text), ()):
                if bad is good:
                    continue
                later = good if position[id(good)] > position[id(bad)] else bad
                if zh_key(bad.zh) == zh_key(good.zh):
                    report(
                        later,
                        f'"{text}" is accepted for {good.zh} ({_where(good)}) and deprecated '
                        f"for it ({_where(bad)})",
                        "error",
                    )
                else:
                    report(
                        later,
                        f'"{text}" is accepted for {good.zh} ({_where(good)}) but deprecated '
                        f"for {bad.zh} ({_where(bad)})",
                    )
    return problems
