"""A release's title and date, guessed from its first lines, for the heading of a deliverable.

Press releases copied from a web page start with page furniture — navigation ("Home|中文站"),
the note that the Chinese version prevails, a publication date — before the real title, so
the first line is often not the title. The guesses here skip that furniture. The Chinese side
is searched first because it is the authoritative text; the English title is preferably the
sentence the aligner linked to the Chinese title, so that the two headings say the same thing.
"""

from __future__ import annotations

from pathlib import PurePath, PureWindowsPath

import regex

from aligner.language.dates import find_dates, is_date_line
from aligner.model import Alignment, Document, Segment

# Titles and dates sit near the top; an announcement may also carry its date under the
# signature at the foot.
_HEAD_SEGMENTS = 12
_FOOT_SEGMENTS = 6
_MAX_TITLE_CHARS = {"zh": 80, "en": 200}

_NAVIGATION = regex.compile(
    r"[|›»]|^\s*(home|首页|当前位置|您的位置|english|中文站|中文版|english version)\b",
    regex.IGNORECASE,
)
_PREVAIL = regex.compile(r"prevail|以中文(版本?)?为准|以中文文本为准", regex.IGNORECASE)
_LABEL_LINE = regex.compile(
    r"^\s*[(（【\[]?\s*(来源|作者|发布时间|发布日期|日期|时间|字号|打印|关闭|分享|source|"
    r"date|author|print|close|share|font size)\s*[:：】\])]",
    regex.IGNORECASE,
)
_SENTENCE_END = regex.compile(r"[。！？；，、：.!?;,:]\s*[”’\"')）]?\s*$")
_HAS_LETTER = regex.compile(r"[\p{L}]")
# What may sit between a title and a date run into it.
_SEPARATORS = " \t\u3000-–—|·,，/"
_EDGE = _SEPARATORS + "()（）"


def document_title(alignment: Alignment) -> tuple[str, str]:
    """The Chinese and the English title; a file name stands in when no line looks like one.

    A date run into the title line (a web page's "Title 2024/05/08") is left out: the
    date is shown on its own.
    """
    zh_title = _find_title(alignment.source)
    en_title = None
    if zh_title is not None:
        for link in alignment.links:
            if zh_title.id in link.zh and link.en:
                linked = alignment.target.texts(link.en)
                if _looks_like_title(linked, "en"):
                    en_title = _without_edge_date(linked)
                break
    if en_title is None:
        found = _find_title(alignment.target)
        en_title = _without_edge_date(found.text) if found is not None else None
    return (
        _without_edge_date(zh_title.text)
        if zh_title is not None
        else _file_stem(alignment.source.path),
        en_title if en_title is not None else _file_stem(alignment.target.path),
    )


def document_date(alignment: Alignment) -> str | None:
    """The release date as ISO ``YYYY-MM-DD``, or None when no line carries a full date.

    A line that is nothing but a date wins over a date inside a sentence, and the Chinese
    side wins over the English (a copied English web page often shows the page's own date).
    """
    documents = (alignment.source, alignment.target)
    for date_line_only in (True, False):
        for document in documents:
            for segment in _likely_places(document):
                found = next((d.date for d in find_dates(segment.text)), None)
                if found is None:
                    continue
                if date_line_only and not is_date_line(segment.text):
                    continue
                return found.isoformat()
    return None


def _likely_places(document: Document) -> list[Segment]:
    segments = list(document.segments)
    head = segments[:_HEAD_SEGMENTS]
    foot = segments[max(_HEAD_SEGMENTS, len(segments) - _FOOT_SEGMENTS) :]
    return head + foot


def _find_title(document: Document) -> Segment | None:
    for segment in document.segments[:_HEAD_SEGMENTS]:
        if _looks_like_title(segment.text, document.lang):
            return segment
    return None


def _looks_like_title(text: str, lang: str) -> bool:
    stripped = text.strip()
    if not stripped or not _HAS_LETTER.search(stripped):
        return False
    if len(stripped) > _MAX_TITLE_CHARS.get(lang, 200):
        return False
    if _NAVIGATION.search(stripped) or _PREVAIL.search(stripped):
        return False
    if _LABEL_LINE.search(stripped) or is_date_line(stripped):
        return False
    return not _SENTENCE_END.search(_without_edge_date(stripped))


def _without_edge_date(text: str) -> str:
    """``text`` without a date at its very start or end, with the separator next to it."""
    stripped = text.strip()
    for found in find_dates(stripped):
        before, after = stripped[: found.start], stripped[found.end :]
        if not after.strip(_EDGE):
            rest = before.rstrip(_SEPARATORS).removesuffix("(").removesuffix("（")
            rest = rest.rstrip(_SEPARATORS)
        elif not before.strip(_EDGE):
            rest = after.lstrip(_SEPARATORS).removeprefix(")").removeprefix("）")
            rest = rest.lstrip(_SEPARATORS)
        else:
            continue
        if _HAS_LETTER.search(rest):
            return rest
    return stripped


def _file_stem(path: str) -> str:
    name = PureWindowsPath(path).name if "\\" in path else PurePath(path).name
    for suffix in (".txt", ".docx", ".html", ".htm", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name
