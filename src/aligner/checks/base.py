"""What every check receives besides the alignment, and the signature it implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Finding, Link, Severity


@dataclass(frozen=True)
class CheckContext:
    """Inputs a check may need beyond the alignment itself.

    ``glossary`` is every entry in force (bundled plus user files); ``reference`` is an
    optional earlier English version or machine translation for the divergence check.
    """

    glossary: tuple[GlossaryEntry, ...] = ()
    reference: Document | None = None


Check = Callable[[Alignment, CheckContext], Iterable[Finding]]


def link_texts(
    alignment: Alignment, zh_ids: tuple[int, ...], en_ids: tuple[int, ...]
) -> tuple[str, str]:
    """The Chinese and English text of a link, as a finding quotes it."""
    return alignment.source.texts(zh_ids), alignment.target.texts(en_ids)


def link_finding(
    check: str, link: Link, zh: str, en: str, severity: Severity, message: str
) -> Finding:
    """A finding about a whole link, quoting its sentences as a reviewer sees them."""
    return Finding(
        check=check,
        severity=severity,
        zh_ids=link.zh,
        en_ids=link.en,
        zh=zh,
        en=en,
        message=message,
    )
