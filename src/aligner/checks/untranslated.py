"""Untranslated check: Chinese left standing in the English release.

Two symptoms: Han characters inside an English sentence (a term the translator skipped,
or a paste from the wrong window), and an English "translation" that is the Chinese
copied over unchanged. Latin-only text that legitimately reads the same in both versions
(an acronym such as GACC, a URL, a figure) is not reported, and the Chinese word of a
language switch link ("Home|中文站") is page chrome, reported as info only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from aligner.checks.base import CheckContext, link_finding, link_texts, places_of, whole
from aligner.checks.chrome import is_boilerplate, is_page_chrome
from aligner.lexicon.compiled import re_pattern
from aligner.model import Alignment, Finding, Link, Severity

NAME = "untranslated"

HAN_RUN = re_pattern(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_NOT_LETTER_OR_DIGIT = re_pattern(r"[\W_]+")


def han_runs(text: str) -> list[str]:
    """Each distinct run of Han characters, in order of first appearance."""
    return list(dict.fromkeys(HAN_RUN.findall(text)))


def _comparable(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text).casefold())


def _has_non_latin_letters(text: str) -> bool:
    return any(
        char.isalpha() and not unicodedata.name(char, "").startswith("LATIN") for char in text
    )


def _around_release(text: str) -> bool:
    """Page chrome or a footer line. A date line is not excused: "2025年1月13日" left in
    the English is the release's own date, untranslated."""
    return is_page_chrome(text) or is_boilerplate(text)


def _quote_all(runs: list[str]) -> str:
    return ", ".join(f"“{run}”" for run in runs)


def _finding(
    link: Link,
    zh: str,
    en: str,
    severity: Severity,
    message: str,
    key: str,
    runs: list[str] | None = None,
) -> Finding:
    """Keyed by the Chinese left in the English; spans point at it on both sides."""
    if runs is None:
        zh_spans, en_spans = whole(zh), whole(en)
    else:
        zh_spans = tuple(span for run in runs for span in places_of(zh, run))
        en_spans = tuple(span for run in runs for span in places_of(en, run))
    return link_finding(
        NAME, link, zh, en, severity, message, key=key, zh_spans=zh_spans, en_spans=en_spans
    )


def check_untranslated(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    for link in alignment.links:
        if not link.en:
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        copied = bool(link.zh) and _comparable(zh) == _comparable(en)
        furniture = all(_around_release(alignment.target.segments[i].text) for i in link.en)
        if copied and _has_non_latin_letters(en) and not furniture:
            yield _finding(
                link,
                zh,
                en,
                Severity.ERROR,
                f"English is the Chinese copied unchanged: “{en}” is not translated; "
                f"replace it with an English rendering of “{zh}”.",
                "copied",
            )
            continue
        body_runs: list[str] = []
        chrome_runs: list[str] = []
        for segment_id in link.en:
            text = alignment.target.segments[segment_id].text
            (chrome_runs if _around_release(text) else body_runs).extend(han_runs(text))
        body_runs = list(dict.fromkeys(body_runs))
        chrome_runs = [run for run in dict.fromkeys(chrome_runs) if run not in body_runs]
        if body_runs:
            source = f" (the Chinese reads “{zh}”)" if zh else ""
            yield _finding(
                link,
                zh,
                en,
                Severity.ERROR,
                f"English contains untranslated Chinese {_quote_all(body_runs)}: "
                f"translate it into English{source}.",
                " ".join(body_runs),
                body_runs,
            )
        elif chrome_runs:
            yield _finding(
                link,
                zh,
                en,
                Severity.INFO,
                f"Chinese {_quote_all(chrome_runs)} in a line of the page around the "
                "release (page chrome, such as a language switch link, or a footer such as "
                "a site licence number): fine on the web page, drop it from the deliverable.",
                " ".join(chrome_runs),
                chrome_runs,
            )
