"""The "term" check: does the English use the glossary's rendering of each Chinese term?

Only links with text on both sides are checked, and only for terms found in their
Chinese. A missing rendering is a warning (the translator may have paraphrased), a
deprecated rendering is an error (a known mistranslation), and a rendering that differs
only in case (smart customs for Smart Customs) is information.
"""

from __future__ import annotations

from collections.abc import Iterator

from aligner.checks.base import CheckContext, link_texts
from aligner.glossary.english import EnMatch, find_en
from aligner.glossary.match import Rendering, TermGroup, find_zh_terms, zh_matcher
from aligner.model import Alignment, Finding, Severity, TermStatus

CHECK_NAME = "term"


def check_terms(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    """Judge each glossary term once per link, however often the Chinese repeats it."""
    if not context.glossary:
        return
    matcher = zh_matcher(tuple(context.glossary))
    for link in alignment.links:
        if not link.zh or not link.en:
            continue
        zh_text, en_text = link_texts(alignment, link.zh, link.en)
        seen: set[str] = set()
        for match in find_zh_terms(zh_text, matcher):
            if match.group.zh in seen:
                continue
            seen.add(match.group.zh)
            for severity, message in _judge(match.group, en_text):
                yield Finding(CHECK_NAME, severity, link.zh, link.en, zh_text, en_text, message)


def _judge(group: TermGroup, en_text: str) -> Iterator[tuple[Severity, str]]:
    accepted = [m for r in group.accepted for m in find_en(en_text, r.text)]

    def outside_accepted(rendering: Rendering) -> Iterator[str]:
        """Text spans of ``rendering`` that are not part of an accepted rendering."""
        for match in find_en(en_text, rendering.text):
            if not any(_inside(match, good) for good in accepted):
                yield en_text[match.start : match.end]

    rejected = [(r, used) for r in group.rejected for used in outside_accepted(r)]
    for rendering, used in rejected:
        yield Severity.ERROR, _rejected_message(group, rendering, used)
    for rendering in group.discouraged:
        for used in outside_accepted(rendering):
            yield Severity.INFO, _discouraged_message(group, rendering, used)
    if rejected or not group.accepted:
        return
    if not accepted:
        yield Severity.WARNING, _missing_message(group)
    elif all(match.case_differs for match in accepted):
        yield Severity.INFO, _case_message(group, en_text, accepted[0])


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


def _discouraged_message(group: TermGroup, rendering: Rendering, used: str) -> str:
    where = f" ({rendering.origin})" if rendering.origin else ""
    return f'uses "{used}", which the glossary marks {rendering.status.value} for {group.zh}{where}'


def _case_message(group: TermGroup, en_text: str, match: EnMatch) -> str:
    used = en_text[match.start : match.end]
    expected = next(r.text for r in group.accepted if find_en(used, r.text))
    return f'"{used}" differs only in case from "{expected}", the rendering of {group.zh}'
