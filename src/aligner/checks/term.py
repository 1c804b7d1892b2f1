"""The "term" check: does the English use the glossary's rendering of each Chinese term?

Only links with text on both sides are checked, and only for terms found in their
Chinese. A missing rendering is a warning (the translator may have paraphrased), a
deprecated or forbidden rendering is an error (a known mistranslation, whichever column of
the glossary declares it), and a rendering that differs only in case (smart customs for
Smart Customs) is information.

Each finding is keyed by the term (and the rendering used, when there is one), and points
at the term in the Chinese and at the rendering in the English.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from aligner.checks.base import CheckContext, link_finding, link_texts
from aligner.glossary.english import EnMatch, find_en
from aligner.glossary.match import Rendering, TermGroup, find_zh_terms, zh_matcher
from aligner.model import Alignment, Finding, Severity, Span, TermStatus

CHECK_NAME = "term"


@dataclass(frozen=True)
class _Verdict:
    severity: Severity
    message: str
    key: str
    en_spans: tuple[Span, ...] = ()


def check_terms(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    """Judge each glossary term once per link, however often the Chinese repeats it."""
    if not context.glossary:
        return
    matcher = zh_matcher(tuple(context.glossary))
    for link in alignment.links:
        if not link.zh or not link.en:
            continue
        zh_text, en_text = link_texts(alignment, link.zh, link.en)
        matches = find_zh_terms(zh_text, matcher)
        zh_spans: dict[str, list[Span]] = {}
        for match in matches:
            zh_spans.setdefault(match.group.zh, []).append((match.start, match.end))
        judged: set[str] = set()
        for match in matches:
            if match.group.zh in judged:
                continue
            judged.add(match.group.zh)
            for verdict in _judge(match.group, en_text):
                yield link_finding(
                    CHECK_NAME,
                    link,
                    zh_text,
                    en_text,
                    verdict.severity,
                    verdict.message,
                    key=verdict.key,
                    zh_spans=zh_spans[match.group.zh],
                    en_spans=verdict.en_spans,
                )


def _judge(group: TermGroup, en_text: str) -> Iterator[_Verdict]:
    accepted = [m for r in group.accepted for m in find_en(en_text, r.text)]

    def outside_accepted(rendering: Rendering) -> Iterator[EnMatch]:
        """Places ``rendering`` is used that are not part of an accepted rendering."""
        for match in find_en(en_text, rendering.text):
            if not any(_inside(match, good) for good in accepted):
                yield match

    rejected: dict[str, tuple[Rendering, list[EnMatch]]] = {}
    for rendering in group.rejected:
        for match in outside_accepted(rendering):
            used = en_text[match.start : match.end]
            rejected.setdefault(used.casefold(), (rendering, []))[1].append(match)
    for rendering, places in sorted(rejected.values(), key=lambda item: item[1][0].start):
        used = en_text[places[0].start : places[0].end]
        yield _Verdict(
            Severity.ERROR,
            _rejected_message(group, rendering, used),
            f"{group.zh} → {used.casefold()}",
            tuple((m.start, m.end) for m in places),
        )
    if rejected or not group.accepted:
        return
    if not accepted:
        yield _Verdict(Severity.WARNING, _missing_message(group), group.zh)
    elif all(match.case_differs for match in accepted):
        used = en_text[accepted[0].start : accepted[0].end]
        yield _Verdict(
            Severity.INFO,
            _case_message(group, used),
            f"{group.zh} → {used}",
            tuple((m.start, m.end) for m in accepted),
        )


def _inside(inner: EnMatch, outer: EnMatch) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _missing_message(group: TermGroup) -> str:
    first, *others = (r.text for r in group.accepted)
    alternatives = f" (or: {', '.join(others)})" if others else ""
    return f'"{group.zh}" expects "{first}"{alternatives} in the English'


def _rejected_message(group: TermGroup, rendering: Rendering, used: str) -> str:
    kind = "forbidden" if rendering.status is TermStatus.FORBIDDEN else "deprecated"
    advice = f'; use "{group.accepted[0].text}"' if group.accepted else ""
    return f'uses "{used}", a {kind} rendering of {group.zh}{advice}'


def _case_message(group: TermGroup, used: str) -> str:
    expected = next(r.text for r in group.accepted if find_en(used, r.text))
    return f'"{used}" differs only in case from "{expected}", the rendering of {group.zh}'
