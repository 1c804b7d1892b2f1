"""Finding glossary terms in text: Chinese by longest match, English by folded words.

Matchers are built once per set of entries and cached, so checking a release against a
glossary of a few hundred entries costs a few milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from aligner.glossary.chinese import fold_zh, zh_key
from aligner.glossary.english import EnMatch, find_en
from aligner.glossary.model import GlossaryEntry
from aligner.glossary.status import ACCEPTED_STATUSES
from aligner.model import Alignment, TermHit, TermStatus

__all__ = [
    "EnMatch",
    "Rendering",
    "TermGroup",
    "TermMatchZh",
    "ZhMatcher",
    "find_en",
    "find_zh_terms",
    "term_hits",
    "zh_matcher",
]


@dataclass(frozen=True)
class Rendering:
    """One English rendering of a term and the status it has in the glossary."""

    text: str
    status: TermStatus
    origin: str = ""


@dataclass(frozen=True)
class TermGroup:
    """All entries that share one Chinese term (after folding), read together.

    ``accepted`` starts with the preferred renderings, then the admitted ones and the
    variants; ``rejected`` lists every rendering that must not be used, whichever column
    says so: the ``deprecated`` list of any entry, and the ``en`` of an entry whose own
    status is deprecated or forbidden. A rendering both accepted and rejected for one
    term counts as accepted (``glossary check`` reports such a row as an error).
    """

    zh: str
    entries: tuple[GlossaryEntry, ...]
    accepted: tuple[Rendering, ...]
    rejected: tuple[Rendering, ...]

    @property
    def origin(self) -> str:
        return self.entries[0].origin


@dataclass(frozen=True)
class TermMatchZh:
    """A glossary term found in Chinese text; offsets index the original (unfolded) text."""

    entry: GlossaryEntry
    start: int
    end: int
    group: TermGroup


@dataclass(frozen=True, eq=False)
class ZhMatcher:
    """Folded terms indexed by their first character, longest first."""

    by_first_char: Mapping[str, tuple[tuple[str, TermGroup], ...]]
    groups: tuple[TermGroup, ...]


def _unique(renderings: Iterable[Rendering]) -> tuple[Rendering, ...]:
    seen: dict[str, Rendering] = {}
    for rendering in renderings:
        seen.setdefault(rendering.text.lower(), rendering)
    return tuple(seen.values())


def _status_order(entry: GlossaryEntry) -> int:
    order = (TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED, TermStatus.FORBIDDEN)
    return order.index(entry.status)


def _rejection_status(entry: GlossaryEntry) -> TermStatus:
    """A forbidden entry's listed renderings are forbidden too; all others are deprecated."""
    forbidden = entry.status is TermStatus.FORBIDDEN
    return TermStatus.FORBIDDEN if forbidden else TermStatus.DEPRECATED


def _group(entries: list[GlossaryEntry]) -> TermGroup:
    entries = sorted(entries, key=_status_order)
    accepted_entries = [e for e in entries if e.status in ACCEPTED_STATUSES]
    accepted = _unique(
        [Rendering(e.en, e.status, e.origin) for e in accepted_entries]
        + [
            Rendering(v, TermStatus.ADMITTED, e.origin)
            for e in accepted_entries
            for v in e.variants
        ]
    )
    accepted_texts = {r.text.lower() for r in accepted}
    own_status = [
        Rendering(e.en, e.status, e.origin) for e in entries if e.status not in ACCEPTED_STATUSES
    ]
    listed = [Rendering(d, _rejection_status(e), e.origin) for e in entries for d in e.deprecated]
    rejected = _unique(r for r in own_status + listed if r.text.lower() not in accepted_texts)
    return TermGroup(entries[0].zh, tuple(entries), accepted, rejected)


@lru_cache(maxsize=16)
def zh_matcher(entries: tuple[GlossaryEntry, ...]) -> ZhMatcher:
    """Build (once per distinct tuple of entries) the index used by :func:`find_zh_terms`."""
    by_key: dict[str, list[GlossaryEntry]] = defaultdict(list)
    for entry in entries:
        key = zh_key(entry.zh)
        if key:
            by_key[key].append(entry)
    groups = {key: _group(members) for key, members in by_key.items()}
    by_first: dict[str, list[tuple[str, TermGroup]]] = defaultdict(list)
    for key, group in groups.items():
        by_first[key[0]].append((key, group))
    index = {
        char: tuple(sorted(candidates, key=lambda item: -len(item[0])))
        for char, candidates in by_first.items()
    }
    return ZhMatcher(index, tuple(groups.values()))


def find_zh_terms(text: str, matcher: ZhMatcher) -> list[TermMatchZh]:
    """Leftmost-longest, non-overlapping matches.

    A term inside a longer matched term is not reported (海关 within 海关特殊监管区域).
    """
    folded = fold_zh(text)
    folded_text = folded.text
    matches: list[TermMatchZh] = []
    position = 0
    while position < len(folded_text):
        for key, group in matcher.by_first_char.get(folded_text[position], ()):
            if folded_text.startswith(key, position):
                start, end = folded.span(position, position + len(key))
                matches.append(TermMatchZh(group.entries[0], start, end, group))
                position += len(key)
                break
        else:
            position += 1
    return matches


def _english_hits(text: str, group: TermGroup) -> Iterable[tuple[EnMatch, Rendering]]:
    for rendering in group.accepted + group.rejected:
        for match in find_en(text, rendering.text):
            yield match, rendering


def _without_overlaps(hits: list[TermHit]) -> list[TermHit]:
    """Keep the longest of overlapping hits in one segment, then the earliest.

    A hit is compared only with those kept in its own segment, so the cost follows the
    number of hits per sentence, not the number in the document.
    """
    kept: list[TermHit] = []
    in_segment: list[TermHit] = []
    for hit in sorted(hits, key=lambda h: (h.segment_id, -(h.end - h.start), h.start)):
        if in_segment and in_segment[0].segment_id != hit.segment_id:
            in_segment = []
        if not any(k.start < hit.end and hit.start < k.end for k in in_segment):
            kept.append(hit)
            in_segment.append(hit)
    return sorted(kept, key=lambda h: (h.segment_id, h.start))


def term_hits(alignment: Alignment, entries: Sequence[GlossaryEntry]) -> tuple[TermHit, ...]:
    """Glossary terms in both documents, for highlighting in deliverables.

    Chinese hits come from every source sentence; English hits are the renderings of the
    terms found in the Chinese side of the same link, so a word is highlighted only where
    the original called for it.
    """
    matcher = zh_matcher(tuple(entries))
    zh_hits: list[TermHit] = []
    en_hits: list[TermHit] = []
    for link in alignment.links:
        groups: dict[str, TermGroup] = {}
        for segment_id in link.zh:
            segment = alignment.source.segments[segment_id]
            for match in find_zh_terms(segment.text, matcher):
                groups.setdefault(match.group.zh, match.group)
                zh_hits.append(
                    TermHit(
                        "zh",
                        segment_id,
                        match.start,
                        match.end,
                        match.group.zh,
                        _first_accepted(match.group),
                        match.entry.status,
                    )
                )
        for segment_id in link.en:
            segment = alignment.target.segments[segment_id]
            for group in groups.values():
                for found, rendering in _english_hits(segment.text, group):
                    en_hits.append(
                        TermHit(
                            "en",
                            segment_id,
                            found.start,
                            found.end,
                            group.zh,
                            rendering.text,
                            rendering.status,
                        )
                    )
    return tuple(zh_hits) + tuple(_without_overlaps(en_hits))


def _first_accepted(group: TermGroup) -> str:
    if group.accepted:
        return group.accepted[0].text
    return group.entries[0].en
