"""What reading XLIFF 1.2, XLIFF 2.x and TMX files back has in common.

Two kinds of file arrive. Our own (written by :mod:`aligner.formats.xliff12`,
:mod:`~aligner.formats.xliff21` or :mod:`~aligner.formats.tmx`) record sentence ids, paragraph
numbers, sentence boundaries and confidence per unit, and read back into the alignment that was
written. Anything else — or one of ours whose text a CAT tool has since changed so that the
recorded boundaries no longer fit — is read one unit at a time: one sentence per side per unit,
an empty side giving a 1:0 or 0:1 link, confidence 1.0. The text is always what the file holds
now, since a translator may have edited it.

Sentence ids are renumbered in reading order rather than copied: the model indexes sentences
by id, and another tool's file, or one of ours after editing, could otherwise leave gaps or
repeats. Our files keep every link, one-sided ones included, so for an untouched file of ours
the numbering comes out identical to the recorded ids.

The XML is parsed with entity expansion, DTD loading and network access switched off; a file
that needs an entity to be expanded is refused rather than read with holes in its text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from lxml import etree

from aligner.errors import InputError
from aligner.formats.rows import join_sentences
from aligner.formats.xmlcommon import (
    CONFIDENCE,
    EN_IDS,
    EN_LENGTHS,
    EN_PARAGRAPHS,
    ZH_IDS,
    ZH_PARAGRAPHS,
    parse_ids,
)
from aligner.model import Alignment, Document, InlineCode, Link, Segment

# lxml repeats the position at the end of libxml2's message.
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")

_HEX_DIGITS = re.compile(r"[0-9A-Fa-f]+")
_LAST_CODE_POINT = 0x10FFFF
_FIRST_SURROGATE, _LAST_SURROGATE = 0xD800, 0xDFFF

# Puts a local tag name into the namespace of the file being read.
Qualifier = Callable[[str], str]


@dataclass(frozen=True)
class Recorded:
    """Sentence ids and paragraph numbers one side of a unit says it holds."""

    ids: tuple[int, ...]
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class Side:
    """Sentences read for one side of a unit; a paragraph of None means "same as before".

    ``codes`` holds each sentence's inline codes, positioned in that sentence (empty when the
    side has none).
    """

    texts: tuple[str, ...]
    paragraphs: tuple[int | None, ...]
    codes: tuple[tuple[InlineCode, ...], ...] = ()


@dataclass(frozen=True)
class Unit:
    zh: Side
    en: Side
    confidence: float


@dataclass(frozen=True)
class Parsed:
    units: tuple[Unit, ...]
    source_name: str | None
    target_name: str | None


def parse_xml(data: bytes, path: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(path, syntax_problem(error)) from None
    for entity in root.iter(etree.Entity):
        raise InputError(
            path, f"uses the entity reference {entity.text}, which is not expanded for safety"
        )
    return root


def syntax_problem(error: etree.XMLSyntaxError) -> str:
    """The parser's complaint as one line, with where it happened.

    libxml2's messages may end in a newline followed by the position, and lxml adds the
    name of an in-memory string; the user needs neither twice. A resource limit (one value
    over 10 MB, nesting deeper than 256 elements) is a deliberate refusal, not a syntax
    error, and is said so in plain words.
    """
    message = " ".join(str(error.msg or error).split())
    message = _POSITION_SUFFIX.sub("", message)
    line, column = error.position
    where = f"line {line}, column {column}"
    code = getattr(error, "code", None)  # set by lxml, missing from its type stubs
    if code == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "XML_PARSE_HUGE" in message:
        if "depth" in message.lower():
            return f"elements nested too deeply to read safely (at {where})"
        return (
            f"an attribute or text at {where} is longer than the 10 MB the XML reader "
            "accepts in one value; refused rather than read without that safety limit"
        )
    return f"not well-formed XML at {where}: {message}"


# --- shared pieces -----------------------------------------------------------------------


@dataclass(frozen=True)
class Inline:
    """The text of a source, target or seg, with the inline codes it held as data.

    Each code's ``position`` is an offset into ``text``: where the tag stood.
    """

    text: str
    codes: tuple[InlineCode, ...] = ()


# How each inline element of XLIFF 1.2, XLIFF 2 and TMX becomes a code: its family (the
# name both ends of a pair share) and its role. Wrapping elements (<g>, <pc>) give an open
# code before their text and a close code after it.
_CODE_ROLES: dict[str, tuple[str, str]] = {
    "g": ("g", "wrap"),
    "pc": ("pc", "wrap"),
    "bx": ("bx", "open"),
    "ex": ("bx", "close"),
    "bpt": ("bpt", "open"),
    "ept": ("bpt", "close"),
    "sc": ("sc", "open"),
    "ec": ("sc", "close"),
    "x": ("x", "standalone"),
    "ph": ("ph", "standalone"),
    "it": ("it", "standalone"),
    "ut": ("ut", "standalone"),
}


def inline_text(element: etree._Element, codes: frozenset[str]) -> str:
    """The text of a source/target/seg, reading through markers and skipping native codes."""
    return read_inline(element, codes).text


def read_inline(element: etree._Element, skipped: frozenset[str]) -> Inline:
    """Text and inline codes of a source/target/seg.

    Markers (``<mrk>``, ``<hi>``) are read through; the content of the elements named in
    ``skipped`` is native markup of the original file (``<bpt>&lt;b&gt;</bpt>``), not text.
    """
    parts: list[str] = []
    codes: list[InlineCode] = []
    _collect(element, skipped, parts, codes)
    return Inline("".join(parts), tuple(codes))


def join_inline(pieces: Iterable[Inline]) -> Inline:
    """Several inline texts as one (the segments of an XLIFF 2 unit), codes moved along."""
    text = ""
    codes: list[InlineCode] = []
    for piece in pieces:
        codes.extend(replace(code, position=code.position + len(text)) for code in piece.codes)
        text += piece.text
    return Inline(text, tuple(codes))


def _pair_id(element: etree._Element, local: str) -> str:
    """What ties the two ends of a paired code, and a code to its twin on the other side."""
    names = {
        "ec": ("startRef", "id"),
        "ex": ("rid", "id"),
        "bpt": ("rid", "i", "id"),
        "ept": ("rid", "i", "id"),
    }.get(local, ("id", "x", "i"))
    for name in names:
        value = element.get(name)
        if value is not None:
            return value
    return "?"


def _collect(
    element: etree._Element, skipped: frozenset[str], parts: list[str], codes: list[InlineCode]
) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            local = etree.QName(child).localname
            if local == "cp":
                parts.append(_code_point(child))
            else:
                _child(child, local, skipped, parts, codes)
        if child.tail:
            parts.append(child.tail)


def _child(
    child: etree._Element,
    local: str,
    skipped: frozenset[str],
    parts: list[str],
    codes: list[InlineCode],
) -> None:
    known = _CODE_ROLES.get(local)
    if known is None:
        if local not in skipped:
            _collect(child, skipped, parts, codes)
        return
    family, role = known
    pair = f"{family}#{_pair_id(child, local)}"
    content = "".join(str(part) for part in child.itertext()) if local in skipped else ""
    here = sum(len(part) for part in parts)
    if role == "wrap":
        codes.append(InlineCode(local, "open", pair, here))
        _collect(child, skipped, parts, codes)
        codes.append(InlineCode(local, "close", pair, sum(len(part) for part in parts)))
        return
    if local not in skipped and len(child):
        _collect(child, skipped, parts, codes)
    codes.append(InlineCode(local, role, pair, here, content))  # type: ignore[arg-type]


class BadCharacter(Exception):
    """A ``<cp>`` that names no character a text can hold; the caller names the file."""

    def __init__(self, what: str, why: str, element: etree._Element) -> None:
        super().__init__(what)
        self.what = what
        self.why = why
        self.element = element


def _code_point(element: etree._Element) -> str:
    """The character XLIFF 2 spells as ``<cp hex="..."/>`` because XML cannot carry it.

    That is the point of ``<cp>``: control characters and U+FFFE/U+FFFF are read as they are
    (every writer of ours replaces them where its format cannot hold them). What is refused
    is what no text can hold: a lone surrogate (half of a UTF-16 pair, which could not even
    be written out again as UTF-8), a value beyond U+10FFFF, U+0000 (refused in plain-text
    input too) and a value that is not hexadecimal at all.
    """
    raw = element.get("hex")
    if raw is None or not _HEX_DIGITS.fullmatch(raw):
        shown = "missing" if raw is None else repr(raw if len(raw) <= 20 else raw[:20] + "…")
        raise BadCharacter("invalid <cp> code point", f"{shown}, not hexadecimal", element)
    digits = raw.lstrip("0") or "0"
    if len(digits) > 6 or int(digits, 16) > _LAST_CODE_POINT:
        shown = digits if len(digits) <= 8 else digits[:8] + "…"
        raise BadCharacter(
            f"invalid character U+{shown.upper()}", "beyond U+10FFFF, the last code point", element
        )
    value = int(digits, 16)
    if _FIRST_SURROGATE <= value <= _LAST_SURROGATE:
        raise BadCharacter(
            f"invalid character U+{value:04X}", "a lone UTF-16 surrogate, not a character", element
        )
    if value == 0:
        raise BadCharacter("invalid character U+0000", "a null character", element)
    return chr(value)


def unit_label(element: etree._Element) -> str:
    """How a message names the translation unit holding ``element``."""
    for ancestor in element.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        local = etree.QName(ancestor).localname
        if local == "unit":
            return f"unit {ancestor.get('id', '?')!r}"
        if local == "trans-unit":
            return f"trans-unit {ancestor.get('id', '?')!r}"
        if local == "tu":
            return f"translation unit {ancestor.get('tuid', '?')!r}"
    return "the file"


def primary_subtag(lang: str | None) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


def is_swapped(path: str, source_lang: str | None, target_lang: str | None) -> bool:
    """Whether the file runs English → Chinese; any other pair than zh/en is refused."""
    source, target = primary_subtag(source_lang), primary_subtag(target_lang)
    if source in ("zh", "") and target in ("en", ""):
        return False
    if source == "en" and target in ("zh", ""):
        return True
    raise InputError(
        path,
        f"expected a Chinese–English file, found {source_lang or '?'} → {target_lang or '?'}",
    )


def require_version(root: etree._Element, path: str, format_name: str, major: str) -> None:
    """Refuse a version other than the major one read here; minor versions only add to it."""
    version = root.get("version", "")
    if not version.startswith(major):
        raise InputError(path, f"unknown {format_name} version {version!r}")


def xliff_files(root: etree._Element, q: Qualifier, path: str) -> list[etree._Element]:
    files = root.findall(q("file"))
    if not files:
        raise InputError(path, "XLIFF file without a <file> element")
    return files


def _recorded(ids_text: str | None, paragraphs_text: str | None) -> Recorded | None:
    try:
        ids = parse_ids(ids_text)
        paragraphs = parse_ids(paragraphs_text)
    except ValueError:
        return None
    return Recorded(ids, paragraphs)


def _confidence(text: str | None) -> float:
    try:
        value = float(text) if text is not None else 1.0
    except ValueError:
        return 1.0
    return value if math.isfinite(value) else 1.0


def _side(
    inline: Inline,
    pieces: tuple[str, ...],
    recorded: Recorded | None,
    lang: str,
    fallback_paragraph: int,
) -> Side:
    """The sentences of one side: the recorded ones if they still fit the text, else one.

    Recorded boundaries fit when there are as many pieces as recorded ids, none is empty, and
    joined they give exactly the side's text. Otherwise the whole text is one sentence; in our
    own files it keeps the paragraph of the first recorded sentence (or, with none recorded,
    that of the sentence before it), in other tools' files each unit counts as a paragraph.
    Inline codes go to the sentence they stand in.
    """
    full = inline.text
    if (
        recorded is not None
        and recorded.ids
        and len(pieces) == len(recorded.ids)
        and all(piece.strip() for piece in pieces)
        and join_sentences(lang, pieces) == full
    ):
        separator = len(join_sentences(lang, ("", "")))
        starts = []
        position = 0
        for piece in pieces:
            starts.append(position)
            position += len(piece) + separator
        codes = _distribute(inline.codes, starts, pieces)
        if len(recorded.paragraphs) == len(pieces):
            return Side(pieces, recorded.paragraphs, codes)
        return Side(pieces, (None,) * len(pieces), codes)
    text = full.strip()
    if not text:
        return Side((), ())
    paragraph: int | None = fallback_paragraph
    if recorded is not None:
        paragraph = recorded.paragraphs[0] if recorded.paragraphs else None
    return Side((text,), (paragraph,), _distribute(inline.codes, [full.index(text)], (text,)))


def _distribute(
    codes: tuple[InlineCode, ...], starts: list[int], pieces: tuple[str, ...]
) -> tuple[tuple[InlineCode, ...], ...]:
    """Each sentence's codes, positioned in it; a code between two sentences goes with the
    sentence it closes (a close code) or opens (any other)."""
    if not codes:
        return ()
    shares: list[list[InlineCode]] = [[] for _ in pieces]
    for code in codes:
        index = _owner(code, starts, pieces)
        position = min(max(code.position - starts[index], 0), len(pieces[index]))
        shares[index].append(replace(code, position=position))
    return tuple(tuple(share) for share in shares)


def _owner(code: InlineCode, starts: list[int], pieces: tuple[str, ...]) -> int:
    for number, start in enumerate(starts):
        end = start + len(pieces[number])
        if number == len(pieces) - 1 or code.position < end:
            return number
        if code.position == end or code.position < starts[number + 1]:
            return number if code.role == "close" else number + 1
    return 0


def generic_unit(source: Inline, target: Inline, swapped: bool, ordinal: int) -> Unit:
    zh, en = (target, source) if swapped else (source, target)
    return Unit(
        zh=_side(zh, (), None, "zh", ordinal),
        en=_side(en, (), None, "en", ordinal),
        confidence=1.0,
    )


def recorded_unit(
    zh_inline: Inline,
    zh_pieces: tuple[str, ...],
    en_inline: Inline,
    values: Mapping[str, str],
    prefix: str,
    ordinal: int,
) -> Unit:
    """A unit of one of our files, from the values it recorded.

    All three formats record the same values under the same names, each with its own prefix
    (``x-`` in XLIFF 1.2 contexts and TMX properties, none in XLIFF 2 metadata); they differ
    only in how the Chinese sentences are marked, so the caller cuts ``zh_pieces``.

    A unit that records no Chinese sentence is an addition. In XLIFF its source repeats the
    English (text passing through untranslated, so that no source is empty); that copy is
    not Chinese and is not read as such. The English is the target, since a translator may
    have edited it, or the source again if a tool dropped the target of the locked unit.
    """

    def value(name: str) -> str | None:
        return values.get(f"{prefix}{name}")

    zh_recorded = _recorded(value(ZH_IDS), value(ZH_PARAGRAPHS))
    if zh_recorded is not None and not zh_recorded.ids:
        en_inline = en_inline if en_inline.text.strip() else zh_inline
        zh_inline, zh_pieces = Inline(""), ()
    return Unit(
        zh=_side(zh_inline, zh_pieces, zh_recorded, "zh", ordinal),
        en=_side(
            en_inline,
            split_by_lengths(en_inline.text, value(EN_LENGTHS), "en"),
            _recorded(value(EN_IDS), value(EN_PARAGRAPHS)),
            "en",
            ordinal,
        ),
        confidence=_confidence(value(CONFIDENCE)),
    )


def assemble(parsed: Parsed, path: str) -> Alignment:
    zh_segments: list[Segment] = []
    en_segments: list[Segment] = []
    links: list[Link] = []
    for unit in parsed.units:
        zh_ids = _extend(zh_segments, unit.zh)
        en_ids = _extend(en_segments, unit.en)
        if zh_ids or en_ids:
            links.append(Link(zh_ids, en_ids, unit.confidence))
    if not links:
        raise InputError(path, "no translation unit with text in it")
    return Alignment(
        source=Document(parsed.source_name or path, "zh", tuple(zh_segments)),
        target=Document(parsed.target_name or path, "en", tuple(en_segments)),
        links=tuple(links),
    )


def _extend(segments: list[Segment], side: Side) -> tuple[int, ...]:
    ids = []
    codes = side.codes or ((),) * len(side.texts)
    for text, paragraph, held in zip(side.texts, side.paragraphs, codes, strict=True):
        if paragraph is None:
            paragraph = segments[-1].paragraph if segments else 0
        segment = Segment(id=len(segments), text=text, paragraph=paragraph, codes=held)
        segments.append(segment)
        ids.append(segment.id)
    return tuple(ids)


def texts(elements: Iterable[etree._Element], codes: frozenset[str]) -> tuple[str, ...]:
    return tuple(inline_text(element, codes) for element in elements)


def split_by_lengths(text: str, lengths_text: str | None, lang: str) -> tuple[str, ...]:
    """Cut ``text`` into sentences of the recorded lengths; () if they no longer fit."""
    try:
        lengths = parse_ids(lengths_text)
    except ValueError:
        return ()
    separator = join_sentences(lang, ("", ""))
    pieces = []
    position = 0
    for index, length in enumerate(lengths):
        if index:
            if text[position : position + len(separator)] != separator:
                return ()
            position += len(separator)
        if length <= 0:
            return ()
        pieces.append(text[position : position + length])
        position += length
    if position != len(text):
        return ()
    return tuple(pieces)
