"""Finding the Chinese and English file of each release from the file names alone.

Four conventions are recognised, and may be mixed in one input:

* ``name.zh.txt`` / ``name.en.txt`` (a language marker before the extension),
* ``name_zh.txt`` / ``name_en.txt`` and ``name-zh.txt`` / ``name-en.txt``,
* ``zh/…/name.txt`` / ``en/…/name.txt`` (a language folder anywhere in the path).

``cn`` and ``chs`` (and a few spelled-out forms) mark Chinese as well as ``zh``. The
extensions may differ (a .docx original with an .html translation). Whatever cannot be
paired unambiguously is reported with the reason, never dropped silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.batch.model import Member, Unpaired
from aligner.model import Lang

DOCUMENT_EXTENSIONS = frozenset({".txt", ".docx", ".html", ".htm", ".xhtml", ".shtml"})
_MARKERS: dict[str, Lang] = {
    **dict.fromkeys(
        ("zh", "cn", "chs", "zh-cn", "zh_cn", "zh-hans", "zh_hans", "chinese", "中文"), "zh"
    ),
    **dict.fromkeys(("en", "eng", "en-us", "en_us", "en-gb", "en_gb", "english", "英文"), "en"),
}
# Longest first, so that "-zh-cn" wins over "-cn".
_SUFFIXES = sorted(_MARKERS, key=len, reverse=True)
_SEPARATORS = (".", "_", "-", " ")

NO_MARKER = (
    "no language marker in the name (name.zh.txt/name.en.txt, name_zh/name_en, "
    "name-zh/name-en, or zh/ and en/ folders)"
)


@dataclass(frozen=True)
class FoundPair:
    """Two members the names say belong together; ``stem`` is the common name."""

    stem: str
    zh: Member
    en: Member


@dataclass(frozen=True)
class _Side:
    lang: Lang
    key: tuple[str, str, str]
    stem: str


def split_extension(filename: str) -> tuple[str, str]:
    base, dot, extension = filename.rpartition(".")
    if not dot or not base:
        return filename, ""
    return base, "." + extension.lower()


def is_document(name: str) -> bool:
    return split_extension(name.rsplit("/", 1)[-1])[1] in DOCUMENT_EXTENSIONS


def _suffix_marker(base: str) -> tuple[Lang, str] | None:
    lowered = base.casefold()
    for marker in _SUFFIXES:
        for separator in _SEPARATORS:
            ending = separator + marker
            if lowered.endswith(ending) and len(base) > len(ending):
                return _MARKERS[marker], base[: -len(ending)]
    return None


def _classify(member: Member) -> _Side | str:
    *folders, filename = member.name.split("/")
    base, extension = split_extension(filename)
    if extension not in DOCUMENT_EXTENSIONS:
        shown = extension or "no extension"
        return f"not a document ({shown}); only .txt, .docx and .html files are paired"
    folder_langs = [_MARKERS.get(folder.casefold()) for folder in folders]
    folder_key = "/".join(
        "*" if lang is not None else folder.casefold()
        for folder, lang in zip(folders, folder_langs, strict=True)
    )
    by_suffix = _suffix_marker(base)
    if by_suffix is not None:
        lang, stem = by_suffix
    else:
        marked = [lang for lang in folder_langs if lang is not None]
        if not marked:
            return NO_MARKER
        lang, stem = marked[-1], base
    return _Side(lang, (member.input, folder_key, stem.casefold()), stem)


def _names(members: Sequence[Member]) -> str:
    return ", ".join(member.name for member in members)


def find_pairs(members: Sequence[Member]) -> tuple[list[FoundPair], list[Unpaired]]:
    """Pair members by name; every member ends up in exactly one pair or in ``unpaired``."""
    unpaired: list[Unpaired] = []
    groups: dict[tuple[str, str, str], dict[Lang, list[tuple[Member, str]]]] = defaultdict(
        lambda: {"zh": [], "en": []}
    )
    for member in members:
        side = _classify(member)
        if isinstance(side, str):
            unpaired.append(Unpaired(member.shown, side))
        else:
            groups[side.key][side.lang].append((member, side.stem))
    pairs: list[FoundPair] = []
    for sides in groups.values():
        zh, en = sides["zh"], sides["en"]
        if len(zh) == 1 and len(en) == 1:
            pairs.append(FoundPair(zh[0][1], zh[0][0], en[0][0]))
            continue
        unpaired.extend(_why_not(zh, en))
    pairs.sort(key=lambda pair: (pair.zh.input, pair.zh.name))
    unpaired.sort(key=lambda item: item.member)
    return pairs, unpaired


def _why_not(zh: list[tuple[Member, str]], en: list[tuple[Member, str]]) -> list[Unpaired]:
    zh_members = [member for member, _ in zh]
    en_members = [member for member, _ in en]
    if not en:
        reason = "no English counterpart found"
    elif not zh:
        reason = "no Chinese counterpart found"
    else:
        reason = (
            f"ambiguous: Chinese {_names(zh_members)} and English {_names(en_members)} "
            "share one name; pair them with --pairs"
        )
    return [Unpaired(member.shown, reason) for member in zh_members + en_members]
