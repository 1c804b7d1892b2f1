"""The archive-wide table of glossary terms and the English renderings actually used.

Per release, a term check says whether the approved rendering was used; across an
archive, a terminologist wants to see at a glance which terms drift: one Chinese term,
several English renderings, each with how often and where.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from aligner.batch.model import (
    PairResult,
    RenderingUse,
    SharedRendering,
    TermRow,
    TermShare,
    Unrendered,
)

# (Chinese term, English rendering or None for "none of the known renderings")
_Usage = tuple[str, str | None]


def term_table(results: Sequence[PairResult]) -> list[TermRow]:
    """One row per glossary term seen in any Chinese text, terms that drift first.

    ``en_renderings`` lists the glossary renderings (approved, variant or deprecated)
    found in the linked English, most used first; ``unrendered`` counts occurrences where
    none of them was found.
    """
    expected: dict[str, str] = {}
    counts: Counter[_Usage] = Counter()
    statuses: dict[_Usage, str] = {}
    documents: dict[_Usage, list[str]] = defaultdict(list)
    renderings: dict[str, list[str]] = defaultdict(list)
    for result in results:
        for tally in result.terms:
            usage = (tally.zh, tally.en)
            expected.setdefault(tally.zh, tally.expected)
            if usage not in statuses:
                statuses[usage] = tally.status
                if tally.en is not None:
                    renderings[tally.zh].append(tally.en)
            counts[usage] += tally.count
            seen_in = documents[usage]
            if not seen_in or seen_in[-1] != result.name:
                seen_in.append(result.name)
    rows = []
    for zh, wanted in expected.items():
        ranked = sorted(renderings[zh], key=lambda en: (-counts[(zh, en)], en))
        rows.append(
            TermRow(
                zh=zh,
                expected=wanted,
                en_renderings=tuple(
                    RenderingUse(
                        en, statuses[(zh, en)], counts[(zh, en)], tuple(documents[(zh, en)])
                    )
                    for en in ranked
                ),
                unrendered=Unrendered(counts[(zh, None)], tuple(documents.get((zh, None), []))),
            )
        )
    rows.sort(key=lambda row: (-len(row.en_renderings), -row.total, row.zh))
    return rows


def shared_renderings(table: Sequence[TermRow]) -> list[SharedRendering]:
    """The reverse view: one English rendering used for several different Chinese terms.

    Sometimes legitimate (a general word admitted for two terms), sometimes a sign that
    two concepts have been merged in translation; either way a terminologist wants to see
    it. Renderings are compared case-insensitively.
    """
    uses: dict[str, list[TermShare]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for row in table:
        for rendering in row.en_renderings:
            key = rendering.en.casefold()
            spelling.setdefault(key, rendering.en)
            uses[key].append(TermShare(row.zh, rendering.count))
    shared = [
        SharedRendering(spelling[key], tuple(terms))
        for key, terms in uses.items()
        if len(terms) > 1
    ]
    return sorted(shared, key=lambda item: item.en.casefold())
