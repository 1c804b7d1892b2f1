"""Which glossary has the last word on a term, and where two glossaries disagree.

A user's glossary exists to overrule the bundled one: when a term appears in several
glossaries, the entries of the last one given replace the earlier ones term by term, so a
rendering the user marks deprecated is an error even where the bundled glossary admits it.
Replacing silently would surprise whoever relied on the earlier entry, so every term whose
renderings now read differently is listed, once, as a notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aligner.glossary.chinese import zh_key
from aligner.glossary.english import words
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.status import ACCEPTED_STATUSES
from aligner.model import TermStatus


@dataclass(frozen=True)
class Override:
    """A term defined in an earlier glossary and replaced by a later one, and how they differ.

    ``origin`` is where the winning entry is ("user.csv:3"), ``replaced`` where the
    replaced one was; ``differences`` says in words what changes for the translation.
    """

    term: str
    origin: str
    replaced: str
    differences: tuple[str, ...]

    @property
    def message(self) -> str:
        return f"{self.term} replaces the entry at {self.replaced}: " + "; ".join(self.differences)


def in_force(glossaries: Sequence[Glossary]) -> tuple[GlossaryEntry, ...]:
    """The entries that apply: for each Chinese term, those of the last glossary that has it.

    Order is kept otherwise (earlier glossaries first), so matching and messages read the
    entries in the order their files were given.
    """
    if len(glossaries) == 1:  # the usual run: the bundled glossary alone
        return glossaries[0].entries
    owner: dict[str, int] = {}
    for index, glossary in enumerate(glossaries):
        for entry in glossary.entries:
            owner[zh_key(entry.zh)] = index
    return tuple(
        entry
        for index, glossary in enumerate(glossaries)
        for entry in glossary.entries
        if owner[zh_key(entry.zh)] == index
    )


def overrides(glossaries: Sequence[Glossary]) -> tuple[Override, ...]:
    """Every term that a later glossary defines differently from an earlier one.

    A later glossary that only repeats or adds renderings changes nothing a translator
    would notice and is not listed.
    """
    terms: dict[str, list[tuple[GlossaryEntry, ...]]] = {}
    for glossary in glossaries:
        own: dict[str, list[GlossaryEntry]] = {}
        for entry in glossary.entries:
            own.setdefault(zh_key(entry.zh), []).append(entry)
        for key, entries in own.items():
            terms.setdefault(key, []).append(tuple(entries))
    found: list[Override] = []
    for definitions in terms.values():
        if len(definitions) < 2:
            continue
        winner = definitions[-1]
        for earlier in definitions[:-1]:
            differences = _differences(winner, earlier)
            if differences:
                found.append(
                    Override(winner[0].zh, winner[0].origin, earlier[0].origin, differences)
                )
    return tuple(found)


def _key(text: str) -> tuple[str, ...]:
    return tuple(word.key for word in words(text))


def _renderings(entries: tuple[GlossaryEntry, ...]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Each English rendering (by its folded words) with its text and its standing."""
    standing: dict[tuple[str, ...], tuple[str, str]] = {}
    for entry in entries:
        accepted = entry.status in ACCEPTED_STATUSES
        own = "preferred" if entry.status is TermStatus.PREFERRED else entry.status.value
        standing.setdefault(_key(entry.en), (entry.en, own))
        for variant in entry.variants if accepted else ():
            standing.setdefault(_key(variant), (variant, "admitted"))
        for rejected in entry.deprecated:
            kind = "forbidden" if entry.status is TermStatus.FORBIDDEN else "deprecated"
            standing.setdefault(_key(rejected), (rejected, kind))
    return standing


def _accepted(standing: str) -> bool:
    return standing in ("preferred", "admitted")


def _differences(
    winner: tuple[GlossaryEntry, ...], earlier: tuple[GlossaryEntry, ...]
) -> tuple[str, ...]:
    mine, theirs = _renderings(winner), _renderings(earlier)
    said: list[str] = []
    for key, (text, standing) in mine.items():
        if key not in theirs:
            continue
        other = theirs[key][1]
        if _accepted(standing) != _accepted(other):
            said.append(f'"{text}" is {standing} here but {other} there')
    for key, (text, standing) in theirs.items():
        if key not in mine and _accepted(standing):
            said.append(f'"{text}" ({standing} there) is no longer accepted')
    return tuple(said)
