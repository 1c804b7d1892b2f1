"""What every check receives besides the alignment, and the signature it implements.

Also the few helpers every check uses to say what a finding is about: its ``key`` (the
figure, the term, the rule; never a position, because the finding's id is built from it)
and its spans (where in the link's text the words concerned are).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from aligner.checklists.model import ChecklistRule
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Finding, Link, Severity, Span


@dataclass(frozen=True)
class CheckContext:
    """Inputs a check may need beyond the alignment itself.

    ``glossary`` is every entry in force (bundled plus user files); ``reference`` is an
    optional earlier English version or machine translation for the divergence check.
    """

    glossary: tuple[GlossaryEntry, ...] = ()
    reference: Document | None = None
    checklist: tuple[ChecklistRule, ...] = ()
    """Checklist rules in force (the bundled customs checklist and the user's files)."""
    words: frozenset[str] = frozenset()
    """Words the spelling check accepts besides its dictionary (the user's word lists)."""


Check = Callable[[Alignment, CheckContext], Iterable[Finding]]


def link_texts(
    alignment: Alignment, zh_ids: tuple[int, ...], en_ids: tuple[int, ...]
) -> tuple[str, str]:
    """The Chinese and English text of a link, as a finding quotes it."""
    return alignment.source.texts(zh_ids), alignment.target.texts(en_ids)


def link_finding(
    check: str,
    link: Link,
    zh: str,
    en: str,
    severity: Severity,
    message: str,
    *,
    key: str = "",
    zh_spans: Sequence[Span] = (),
    en_spans: Sequence[Span] = (),
) -> Finding:
    """A finding about a link, quoting its sentences as a reviewer sees them."""
    return Finding(
        check=check,
        severity=severity,
        zh_ids=link.zh,
        en_ids=link.en,
        zh=zh,
        en=en,
        message=message,
        key=key,
        zh_spans=normal_spans(zh_spans),
        en_spans=normal_spans(en_spans),
    )


def whole(text: str) -> tuple[Span, ...]:
    """The span of a whole side, for a finding about the sentence as such (an omission)."""
    stripped = text.strip()
    if not stripped:
        return ()
    start = text.index(stripped)
    return ((start, start + len(stripped)),)


def places_of(text: str, needle: str) -> tuple[Span, ...]:
    """Every non-overlapping place ``needle`` occurs in ``text``."""
    if not needle:
        return ()
    found: list[Span] = []
    start = text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return tuple(found)


def normal_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans sorted, empty ones dropped and overlapping or touching ones merged."""
    merged: list[Span] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def segment_starts(document: Document, ids: Sequence[int]) -> dict[int, int]:
    """Where each sentence of ``ids`` starts in their joined text (:meth:`Document.texts`)."""
    separator = 0 if document.lang == "zh" else 1
    starts: dict[int, int] = {}
    offset = 0
    for position, segment_id in enumerate(ids):
        if position:
            offset += separator
        starts[segment_id] = offset
        offset += len(document.segments[segment_id].text)
    return starts


def distinct_keys(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings whose ids would collide (same check, same link text, same key) told apart.

    Two identical figures missing from one sentence are two findings a reviewer may accept
    one by one; the second gets " #2" after its key, which stays stable as long as the
    text does (and the text is part of the id anyway).
    """
    seen: Counter[str] = Counter()
    result: list[Finding] = []
    for finding in findings:
        identity = finding.id
        seen[identity] += 1
        if seen[identity] > 1:
            subject = finding.key or finding.message
            finding = replace(finding, key=f"{subject} #{seen[identity]}")
        result.append(finding)
    return tuple(result)
