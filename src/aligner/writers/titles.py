"""A release's title and date, guessed from its first lines, for the heading of a deliverable.

Press releases copied from a web page start with page furniture — navigation ("Home|中文站"),
the note that the Chinese version prevails, a publication date — before the real title, so
the first line is often not the title. The guesses here skip that furniture. The Chinese side
is searched first because it is the authoritative text; the English title is preferably the
sentence the aligner linked to the Chinese title, so that the two headings say the same thing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath, PureWindowsPath

import regex

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

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_CN_NUMERAL = "[〇零○Ｏ一二三四五六七八九十]"

_DATE_PATTERNS = (
    regex.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    regex.compile(
        rf"(?P<y>{_CN_NUMERAL}{{4}})\s*年\s*(?P<m>{_CN_NUMERAL}{{1,3}})\s*月"
        rf"\s*(?P<d>{_CN_NUMERAL}{{1,3}})\s*日"
    ),
    regex.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    regex.compile(
        rf"\b(?P<m>{_MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})\b",
        regex.IGNORECASE,
    ),
    regex.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})\b",
        regex.IGNORECASE,
    ),
)


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
                found = _parse_date(segment.text)
                if found is None:
                    continue
                if date_line_only and not _is_date_line(segment.text):
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
    if _LABEL_LINE.search(stripped) or _is_date_line(stripped):
        return False
    return not _SENTENCE_END.search(_without_edge_date(stripped))


def _without_edge_date(text: str) -> str:
    """``text`` without a date at its very start or end, with the separator next to it."""
    stripped = text.strip()
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(stripped):
            before, after = stripped[: match.start()], stripped[match.end() :]
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


def _is_date_line(text: str) -> bool:
    """True when removing the date leaves nothing but punctuation and labels."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            rest = text[: match.start()] + text[match.end() :]
            rest = regex.sub(
                r"(发布时间|发布日期|日期|时间|date|published|updated)",
                "",
                rest,
                flags=regex.IGNORECASE,
            )
            return not _HAS_LETTER.search(rest) and not regex.search(r"\d", rest)
    return False


def _parse_date(text: str) -> dt.date | None:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match.group("y"), match.group("m"), match.group("d"))
            if found is not None:
                return found
    return None


def _to_date(year: str, month: str, day: str) -> dt.date | None:
    numbers = []
    for part in (year, month, day):
        if part.isdigit():
            numbers.append(int(part))
        elif part.lower() in _MONTHS:
            numbers.append(_MONTHS[part.lower()])
        else:
            value = _chinese_number(part)
            if value is None:
                return None
            numbers.append(value)
    try:
        return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def _chinese_number(text: str) -> int | None:
    """Read 二〇二五 (digit by digit) or 十三 / 二十一 (with tens), as dates are written."""
    if "十" not in text:
        if not all(ch in _CN_DIGITS for ch in text):
            return None
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens_text, _, ones_text = text.partition("十")
    if any(ch not in _CN_DIGITS for ch in tens_text + ones_text) or len(tens_text) > 1:
        return None
    tens = _CN_DIGITS[tens_text] if tens_text else 1
    ones = _CN_DIGITS[ones_text] if ones_text else 0
    return tens * 10 + ones


def _file_stem(path: str) -> str:
    name = PureWindowsPath(path).name if "\\" in path else PurePath(path).name
    for suffix in (".txt", ".docx", ".html", ".htm", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name
