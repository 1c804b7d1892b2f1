"""Checklist check: the rules of the bundled customs checklist and of the user's files.

Each rule is a pair of patterns with a condition (see :mod:`aligner.checklists`); a link
that breaks a rule gets one finding naming the rule, at the rule's severity, with the
words the patterns matched marked on each side. Conditions that compare the two sides
("the English must match when the Chinese matches", "as many times") need a link with
both; a rule about one side alone applies to every line of that side, one-sided links
included.
"""

from __future__ import annotations

from collections.abc import Iterator

from aligner.checklists.model import ChecklistRule
from aligner.checklists.patterns import CompiledRule, PatternError, compile_rule
from aligner.checks.base import CheckContext, link_texts, normal_spans
from aligner.model import Alignment, Finding, Link

NAME = "checklist"

_QUOTE_LIMIT = 3


def _compiled(context: CheckContext) -> list[CompiledRule]:
    rules: list[CompiledRule] = []
    for rule in context.checklist:
        try:
            rules.append(compile_rule(rule, context.glossary))
        except PatternError:
            continue  # refused when the file was loaded; a rule can only get here by API
    return rules


def _quote(text: str, spans: list[tuple[int, int]]) -> str:
    shown = list(dict.fromkeys(text[start:end] for start, end in spans))
    quoted = ", ".join(f"“{piece}”" for piece in shown[:_QUOTE_LIMIT])
    return quoted + (f" and {len(shown) - _QUOTE_LIMIT} more" if len(shown) > _QUOTE_LIMIT else "")


def _default_message(rule: ChecklistRule) -> str:
    return {
        "en-must-match": f"the English should match {rule.en!r}",
        "en-must-not-match": f"the English should not match {rule.en!r}",
        "zh-must-not-match": f"the Chinese should not match {rule.zh!r}",
        "same-count": f"{rule.en!r} should occur in the English as often as {rule.zh!r} in the"
        " Chinese",
    }[rule.condition]


def _violation(
    compiled: CompiledRule, zh: str, en: str, link: Link
) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]] | None:
    """What breaks the rule in this link (a detail and the spans), or None."""
    rule = compiled.rule
    zh_spans = compiled.zh_matches(zh) if link.zh else []
    en_spans = compiled.en_matches(en) if link.en else []
    if rule.condition == "zh-must-not-match":
        if zh_spans:
            return f"the Chinese has {_quote(zh, zh_spans)}", zh_spans, []
        return None
    if rule.condition == "same-count":
        if not (link.zh and link.en) or len(zh_spans) == len(en_spans):
            return None
        detail = (
            f"the Chinese has {len(zh_spans)} ({_quote(zh, zh_spans) or 'none'}), "
            f"the English {len(en_spans)} ({_quote(en, en_spans) or 'none'})"
        )
        return detail, zh_spans, en_spans
    if rule.zh.strip():
        if not zh_spans or not link.en:
            return None
        trigger = f"the Chinese has {_quote(zh, zh_spans)}"
    else:
        if not link.en:
            return None
        trigger = ""
    if rule.condition == "en-must-match" and not en_spans:
        detail = f"{trigger}, but the English has no match" if trigger else "no match"
        return detail + f" for {rule.en!r}", zh_spans, []
    if rule.condition == "en-must-not-match" and en_spans:
        found = f"the English has {_quote(en, en_spans)}"
        return (f"{trigger}, and {found}" if trigger else found), zh_spans, en_spans
    return None


def check_checklist(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    rules = _compiled(context)
    if not rules:
        return
    for link in alignment.links:
        zh, en = link_texts(alignment, link.zh, link.en)
        for compiled in rules:
            found = _violation(compiled, zh, en, link)
            if found is None:
                continue
            detail, zh_spans, en_spans = found
            rule = compiled.rule
            message = rule.message or _default_message(rule)
            yield Finding(
                check=NAME,
                severity=rule.severity,
                zh_ids=link.zh,
                en_ids=link.en,
                zh=zh,
                en=en,
                message=f"Checklist rule “{rule.name}”: {message} ({detail}).",
                key=rule.name,
                zh_spans=normal_spans(zh_spans),
                en_spans=normal_spans(en_spans),
            )
