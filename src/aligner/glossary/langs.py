"""Which xml:lang codes count as the two sides of a zh→en glossary."""

from __future__ import annotations


def _primary_subtag(code: str) -> str:
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


def is_chinese(code: str) -> bool:
    """True for zh and any regional or script variant (zh-CN, zh-Hant, zh-HK …).

    Hong Kong and Taiwan glossaries are written in traditional characters, but matching
    folds them to simplified, so every Chinese variant feeds the same side.
    """
    return _primary_subtag(code) in {"zh", "cmn"}


def is_english(code: str) -> bool:
    """True for en and any regional variant (en-US, en-GB …)."""
    return _primary_subtag(code) == "en"
