"""What a finished pair hands back for the archive-wide checks, and nothing more.

A worker's report can be large (every sentence, every finding); the archive-wide checks
need only the links whose sentences could be compared across documents and a tally of
how glossary terms were rendered. Keeping just that keeps a 1,000-release run small.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from aligner.batch.model import FindingKey, LinkText, TermTally
from aligner.checks.inconsistency import MIN_KEY_CHARS, NAME, en_key, zh_key
from aligner.model import Alignment, Finding, Report, TermHit

UNRENDERED_STATUS = "missing"


def comparable_links(alignment: Alignment) -> tuple[LinkText, ...]:
    """Links with both sides and enough text for the inconsistency check to consider them.

    The check applies stricter rules itself; this only drops what it would never use.
    """
    kept: list[LinkText] = []
    source, target = alignment.source, alignment.target
    for link in alignment.links:
        if not link.zh or not link.en:
            continue
        if len(zh_key(source.texts(link.zh))) < MIN_KEY_CHARS:
            continue
        if len(en_key(target.texts(link.en)).replace(" ", "")) < MIN_KEY_CHARS:
            continue
        kept.append(
            LinkText(
                link.zh,
                link.en,
                tuple(source.segments[i].text for i in link.zh),
                tuple(target.segments[i].text for i in link.en),
            )
        )
    return tuple(kept)


def own_inconsistencies(findings: tuple[Finding, ...]) -> tuple[FindingKey, ...]:
    return tuple((f.zh_ids, f.en_ids, f.message) for f in findings if f.check == NAME)


def _by_segment(hits: tuple[TermHit, ...], lang: str) -> Mapping[int, list[TermHit]]:
    grouped: dict[int, list[TermHit]] = defaultdict(list)
    for hit in hits:
        if hit.lang == lang:
            grouped[hit.segment_id].append(hit)
    return grouped


def term_tallies(report: Report) -> tuple[TermTally, ...]:
    """How each glossary term found in the Chinese was rendered in the same link's English.

    A term whose known renderings are all absent from the link counts as unrendered: it
    may be translated some other way, or left out.
    """
    zh_hits = _by_segment(report.term_hits, "zh")
    en_hits = _by_segment(report.term_hits, "en")
    tally: Counter[tuple[str, str, str | None, str]] = Counter()
    expected: dict[str, str] = {}
    for link in report.alignment.links:
        terms: Counter[str] = Counter()
        for segment_id in link.zh:
            for hit in zh_hits.get(segment_id, ()):
                terms[hit.zh_term] += 1
                expected.setdefault(hit.zh_term, hit.en_term)
        renderings: Counter[tuple[str, str, str]] = Counter(
            (hit.zh_term, hit.en_term, hit.status)
            for segment_id in link.en
            for hit in en_hits.get(segment_id, ())
        )
        for term, occurrences in terms.items():
            seen = [(key, count) for key, count in renderings.items() if key[0] == term]
            for (_, en, status), count in seen:
                tally[(term, expected[term], en, status)] += count
            if not seen:
                tally[(term, expected[term], None, UNRENDERED_STATUS)] += occurrences
    return tuple(
        TermTally(zh, wanted, en, status, count)
        for (zh, wanted, en, status), count in sorted(tally.items(), key=_tally_order)
    )


def _tally_order(item: tuple[tuple[str, str, str | None, str], int]) -> tuple[str, str]:
    (zh, _, en, _), _ = item
    return zh, en or ""
