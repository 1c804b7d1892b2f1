"""Read XLIFF 1.2, XLIFF 2.x and TMX files back into an :class:`~aligner.model.Alignment`.

Two kinds of file arrive here. Our own (written by :mod:`aligner.writers.xliff12`,
:mod:`~aligner.writers.xliff21` or :mod:`~aligner.writers.tmx`) record sentence ids, paragraph
numbers, sentence boundaries and confidence per unit, and read back into the alignment that was
written. Anything else — or one of ours whose text a CAT tool has since changed so that the
recorded boundaries no longer fit — is read one unit at a time: one sentence per side per unit,
an empty side giving a 1:0 or 0:1 link, confidence 1.0. The text is always what the file holds
now, since a translator may have edited it.

Sentence ids are renumbered in reading order rather than copied: the model indexes sentences
by id, and another tool's file, or one of ours after editing, could otherwise leave gaps or
repeats. Our files keep every link, one-sided ones included, so for an untouched file of ours
the numbering comes out identical to the recorded ids.

Everything that goes wrong is one :class:`~aligner.errors.InputError` naming the file: XML
that is not well-formed or exceeds the parser's safety limits, a ``<cp>`` that names no
character, and a single file that is not bilingual at all (most often one document of a pair
given alone).

The XML is parsed with entity expansion, DTD loading and network access switched off; a file
that needs an entity to be expanded is refused rather than read with holes in its text.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from lxml import etree

from aligner.errors import InputError
from aligner.files import read_input_file
from aligner.model import Alignment, Document, Link, Segment
from aligner.readers import MAX_INPUT_BYTES
from aligner.writers import xliff12 as xliff12_format
from aligner.writers import xliff21 as xliff21_format
from aligner.writers.xmlcommon import (
    CONFIDENCE,
    EN_IDS,
    EN_LENGTHS,
    EN_PARAGRAPHS,
    SOURCE_FILE,
    TARGET_FILE,
    XML_LANG,
    ZH_IDS,
    ZH_LENGTHS,
    ZH_MARK_PREFIX,
    ZH_PARAGRAPHS,
    join_sentences,
    parse_ids,
)

_XLIFF1_NAMESPACES = frozenset(
    {
        xliff12_format.NS,
        "urn:oasis:names:tc:xliff:document:1.1",
        "",  # XLIFF 1.0 had no namespace
    }
)
_XLIFF2_NAMESPACES = frozenset({xliff21_format.NS, "urn:oasis:names:tc:xliff:document:2.2"})

# Inline elements whose content is native markup of the original file, not translatable text.
_XLIFF1_CODES = frozenset({"bpt", "ept", "ph", "it"})
_XLIFF2_CODES: frozenset[str] = frozenset()
_TMX_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})

_TARGET_FILE_NOTE = xliff12_format.TARGET_FILE_NOTE

# Names that say a file is meant to be bilingual; anything else given alone is checked first.
_BILINGUAL_SUFFIXES = frozenset({".xlf", ".xliff", ".tmx", ".xml"})
_STDIN = "<stdin>"
_ONE_FILE_ONLY = (
    "one file alone must be a bilingual XLIFF (.xlf, .xliff) or TMX (.tmx) file; "
    "to check a translation against its original, give two files: ZH EN"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# lxml repeats the position at the end of libxml2's message.
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")

_HEX_DIGITS = re.compile(r"[0-9A-Fa-f]+")
_LAST_CODE_POINT = 0x10FFFF
_FIRST_SURROGATE, _LAST_SURROGATE = 0xD800, 0xDFFF

# Puts a local tag name into the namespace of the file being read.
_Qualifier = Callable[[str], str]


@dataclass(frozen=True)
class _Recorded:
    """Sentence ids and paragraph numbers one side of a unit says it holds."""

    ids: tuple[int, ...]
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class _Side:
    """Sentences read for one side of a unit; a paragraph of None means "same as before"."""

    texts: tuple[str, ...]
    paragraphs: tuple[int | None, ...]


@dataclass(frozen=True)
class _Unit:
    zh: _Side
    en: _Side
    confidence: float


@dataclass(frozen=True)
class _Parsed:
    units: tuple[_Unit, ...]
    source_name: str | None
    target_name: str | None


def read_bilingual(path: str) -> Alignment:
    """Read an XLIFF 1.x/2.x or TMX file, recognised by its root element, not its name.

    A file that is neither, and whose name does not say it should be (``zh.txt``,
    ``release.docx``), is most likely one of the two documents of a pair given alone, so it is
    refused with a message saying what one file and two files mean rather than with the XML
    parser's complaint about it.
    """
    if path == "-":
        raise InputError(_STDIN, _ONE_FILE_ONLY)
    named_bilingual = PurePath(path).suffix.lower() in _BILINGUAL_SUFFIXES
    data = _read_bytes(path)
    if not named_bilingual and not _looks_like_xml(data):
        raise InputError(path, _ONE_FILE_ONLY)
    try:
        root = _parse(data, path)
        reader = _reader_for(root, path)
    except InputError:
        if named_bilingual:
            raise
        raise InputError(path, _ONE_FILE_ONLY) from None
    try:
        parsed = reader()
    except _BadCharacter as bad:
        label = _unit_label(bad.element)
        raise InputError(path, f"{bad.what} in {label} ({bad.why})") from None
    return _assemble(parsed, path)


def _reader_for(root: etree._Element, path: str) -> Callable[[], _Parsed]:
    name = etree.QName(root)
    namespace = name.namespace or ""
    if name.localname == "xliff":
        if namespace in _XLIFF1_NAMESPACES:
            return lambda: _read_xliff1(root, namespace, path)
        if namespace in _XLIFF2_NAMESPACES:
            return lambda: _read_xliff2(root, namespace, path)
        raise InputError(path, f"unknown XLIFF version (namespace {namespace or 'none'!r})")
    if name.localname == "tmx" and not namespace:
        return lambda: _read_tmx(root, path)
    raise InputError(path, f"not an XLIFF or TMX file (root element <{name.localname}>)")


def _read_bytes(path: str) -> bytes:
    """The file's bytes; a pipe or device is refused at once instead of blocking the read."""
    return read_input_file(path, max_bytes=MAX_INPUT_BYTES, what="bilingual file")


def _looks_like_xml(data: bytes) -> bool:
    """Whether the bytes start like an XML document: ``<`` after a byte order mark and spaces."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            head = data[len(bom) : len(bom) + 400].decode(encoding, errors="ignore")
            return head.lstrip().startswith("<")
    return data[:400].lstrip().startswith(b"<")


def _parse(data: bytes, path: str) -> etree._Element:
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
        raise InputError(path, _syntax_problem(error)) from None
    for entity in root.iter(etree.Entity):
        raise InputError(
            path, f"uses the entity reference {entity.text}, which is not expanded for safety"
        )
    return root


def _syntax_problem(error: etree.XMLSyntaxError) -> str:
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


def _inline_text(element: etree._Element, codes: frozenset[str]) -> str:
    """The text of a source/target/seg, reading through markers and skipping native codes."""
    parts: list[str] = []
    _collect_text(element, codes, parts)
    return "".join(parts)


def _collect_text(element: etree._Element, codes: frozenset[str], parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            local = etree.QName(child).localname
            if local == "cp":
                parts.append(_code_point(child))
            elif local not in codes:
                _collect_text(child, codes, parts)
        if child.tail:
            parts.append(child.tail)


class _BadCharacter(Exception):
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
        raise _BadCharacter("invalid <cp> code point", f"{shown}, not hexadecimal", element)
    digits = raw.lstrip("0") or "0"
    if len(digits) > 6 or int(digits, 16) > _LAST_CODE_POINT:
        shown = digits if len(digits) <= 8 else digits[:8] + "…"
        raise _BadCharacter(
            f"invalid character U+{shown.upper()}", "beyond U+10FFFF, the last code point", element
        )
    value = int(digits, 16)
    if _FIRST_SURROGATE <= value <= _LAST_SURROGATE:
        raise _BadCharacter(
            f"invalid character U+{value:04X}", "a lone UTF-16 surrogate, not a character", element
        )
    if value == 0:
        raise _BadCharacter("invalid character U+0000", "a null character", element)
    return chr(value)


def _unit_label(element: etree._Element) -> str:
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


def _primary_subtag(lang: str | None) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


def _is_swapped(path: str, source_lang: str | None, target_lang: str | None) -> bool:
    """Whether the file runs English → Chinese; any other pair than zh/en is refused."""
    source, target = _primary_subtag(source_lang), _primary_subtag(target_lang)
    if source in ("zh", "") and target in ("en", ""):
        return False
    if source == "en" and target in ("zh", ""):
        return True
    raise InputError(
        path,
        f"expected a Chinese–English file, found {source_lang or '?'} → {target_lang or '?'}",
    )


def _require_version(root: etree._Element, path: str, format_name: str, major: str) -> None:
    """Refuse a version other than the major one read here; minor versions only add to it."""
    version = root.get("version", "")
    if not version.startswith(major):
        raise InputError(path, f"unknown {format_name} version {version!r}")


def _xliff_files(root: etree._Element, q: _Qualifier, path: str) -> list[etree._Element]:
    files = root.findall(q("file"))
    if not files:
        raise InputError(path, "XLIFF file without a <file> element")
    return files


def _recorded(ids_text: str | None, paragraphs_text: str | None) -> _Recorded | None:
    try:
        ids = parse_ids(ids_text)
        paragraphs = parse_ids(paragraphs_text)
    except ValueError:
        return None
    return _Recorded(ids, paragraphs)


def _confidence(text: str | None) -> float:
    try:
        value = float(text) if text is not None else 1.0
    except ValueError:
        return 1.0
    return value if math.isfinite(value) else 1.0


def _side(
    full: str,
    pieces: tuple[str, ...],
    recorded: _Recorded | None,
    lang: str,
    fallback_paragraph: int,
) -> _Side:
    """The sentences of one side: the recorded ones if they still fit the text, else one.

    Recorded boundaries fit when there are as many pieces as recorded ids, none is empty, and
    joined they give exactly the side's text. Otherwise the whole text is one sentence; in our
    own files it keeps the paragraph of the first recorded sentence (or, with none recorded,
    that of the sentence before it), in other tools' files each unit counts as a paragraph.
    """
    if (
        recorded is not None
        and recorded.ids
        and len(pieces) == len(recorded.ids)
        and all(piece.strip() for piece in pieces)
        and join_sentences(lang, pieces) == full
    ):
        if len(recorded.paragraphs) == len(pieces):
            return _Side(pieces, recorded.paragraphs)
        return _Side(pieces, (None,) * len(pieces))
    text = full.strip()
    if not text:
        return _Side((), ())
    paragraph: int | None = fallback_paragraph
    if recorded is not None:
        paragraph = recorded.paragraphs[0] if recorded.paragraphs else None
    return _Side((text,), (paragraph,))


def _generic_unit(source_text: str, target_text: str, swapped: bool, ordinal: int) -> _Unit:
    zh_text, en_text = (target_text, source_text) if swapped else (source_text, target_text)
    return _Unit(
        zh=_side(zh_text, (), None, "zh", ordinal),
        en=_side(en_text, (), None, "en", ordinal),
        confidence=1.0,
    )


def _recorded_unit(
    zh_text: str,
    zh_pieces: tuple[str, ...],
    en_text: str,
    values: Mapping[str, str],
    prefix: str,
    ordinal: int,
) -> _Unit:
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
        en_text = en_text if en_text.strip() else zh_text
        zh_text, zh_pieces = "", ()
    return _Unit(
        zh=_side(zh_text, zh_pieces, zh_recorded, "zh", ordinal),
        en=_side(
            en_text,
            _split_by_lengths(en_text, value(EN_LENGTHS), "en"),
            _recorded(value(EN_IDS), value(EN_PARAGRAPHS)),
            "en",
            ordinal,
        ),
        confidence=_confidence(value(CONFIDENCE)),
    )


def _assemble(parsed: _Parsed, path: str) -> Alignment:
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


def _extend(segments: list[Segment], side: _Side) -> tuple[int, ...]:
    ids = []
    for text, paragraph in zip(side.texts, side.paragraphs, strict=True):
        if paragraph is None:
            paragraph = segments[-1].paragraph if segments else 0
        segment = Segment(id=len(segments), text=text, paragraph=paragraph)
        segments.append(segment)
        ids.append(segment.id)
    return tuple(ids)


def _texts(elements: Iterable[etree._Element], codes: frozenset[str]) -> tuple[str, ...]:
    return tuple(_inline_text(element, codes) for element in elements)


# --- XLIFF 1.x ---------------------------------------------------------------------------


def _read_xliff1(root: etree._Element, namespace: str, path: str) -> _Parsed:
    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}" if namespace else tag

    _require_version(root, path, "XLIFF", "1.")
    files = _xliff_files(root, q, path)
    units: list[_Unit] = []
    source_name: str | None = None
    target_name: str | None = None
    for file_element in files:
        swapped = _is_swapped(
            path, file_element.get("source-language"), file_element.get("target-language")
        )
        source_name = source_name or file_element.get("original")
        for note in file_element.iterfind(f"{q('header')}/{q('note')}"):
            if note.get("from") == _TARGET_FILE_NOTE and note.text:
                target_name = target_name or note.text
        for unit in file_element.iter(q("trans-unit")):
            units.append(_xliff1_unit(unit, q, path, swapped, len(units)))
    return _Parsed(tuple(units), source_name, target_name)


def _xliff1_unit(
    unit: etree._Element, q: _Qualifier, path: str, swapped: bool, ordinal: int
) -> _Unit:
    source = unit.find(q("source"))
    if source is None:
        raise InputError(path, f"trans-unit {unit.get('id', '?')!r} has no <source>")
    target = unit.find(q("target"))
    source_text = _inline_text(source, _XLIFF1_CODES)
    target_text = _inline_text(target, _XLIFF1_CODES) if target is not None else ""

    contexts = {
        context.get("context-type", ""): context.text or ""
        for context in unit.iterfind(f"{q('context-group')}/{q('context')}")
    }
    if swapped or f"x-{ZH_IDS}" not in contexts:
        return _generic_unit(source_text, target_text, swapped, ordinal)

    seg_source = unit.find(q("seg-source"))
    zh_marks = [] if seg_source is None else seg_source.findall(q("mrk"))
    zh_pieces = _texts((m for m in zh_marks if m.get("mtype") == "seg"), _XLIFF1_CODES)
    return _recorded_unit(
        source_text, zh_pieces or (source_text,), target_text, contexts, "x-", ordinal
    )


# --- XLIFF 2.x ---------------------------------------------------------------------------


def _read_xliff2(root: etree._Element, namespace: str, path: str) -> _Parsed:
    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}"

    _require_version(root, path, "XLIFF", "2.")
    swapped = _is_swapped(path, root.get("srcLang"), root.get("trgLang"))
    files = _xliff_files(root, q, path)
    units: list[_Unit] = []
    source_name: str | None = None
    target_name: str | None = None
    for file_element in files:
        source_name = source_name or file_element.get("original")
        target_name = target_name or _metadata(file_element).get(TARGET_FILE)
        for unit in file_element.iter(q("unit")):
            units.append(_xliff2_unit(unit, q, path, swapped, len(units)))
    return _Parsed(tuple(units), source_name, target_name)


def _metadata(element: etree._Element) -> dict[str, str]:
    """Our values from the element's own ``<mda:metadata>`` (not from units below it)."""
    mda = xliff21_format.MDA_NS
    found: dict[str, str] = {}
    for group in element.iterfind(f"{{{mda}}}metadata/{{{mda}}}metaGroup"):
        if group.get("category") != xliff21_format.META_CATEGORY:
            continue
        for meta in group.iterfind(f"{{{mda}}}meta"):
            found.setdefault(meta.get("type", ""), meta.text or "")
    return found


def _xliff2_unit(
    unit: etree._Element, q: _Qualifier, path: str, swapped: bool, ordinal: int
) -> _Unit:
    unit_id = unit.get("id", "?")
    parts = [child for child in unit if child.tag in (q("segment"), q("ignorable"))]
    if not parts:
        raise InputError(path, f"unit {unit_id!r} has no <segment>")
    sources: list[etree._Element] = []
    source_texts: list[str] = []
    target_texts: list[str] = []
    for part in parts:
        source = part.find(q("source"))
        if source is None:
            raise InputError(path, f"unit {unit_id!r} has a segment without <source>")
        sources.append(source)
        source_texts.append(_inline_text(source, _XLIFF2_CODES))
        target = part.find(q("target"))
        if target is not None:
            target_texts.append(_inline_text(target, _XLIFF2_CODES))
        elif part.tag == q("ignorable"):
            # An ignorable without target carries its source (whitespace) over unchanged.
            target_texts.append(source_texts[-1])
    source_text, target_text = "".join(source_texts), "".join(target_texts)

    recorded = _metadata(unit)
    if swapped or ZH_IDS not in recorded:
        return _generic_unit(source_text, target_text, swapped, ordinal)

    zh_pieces = _marked_pieces(sources[0], q) if len(parts) == 1 else ()
    return _recorded_unit(
        source_text, zh_pieces or (source_text,), target_text, recorded, "", ordinal
    )


def _marked_pieces(container: etree._Element, q: _Qualifier) -> tuple[str, ...]:
    """The Chinese sentences a source of ours marks, or () if it marks none."""
    marks = (m for m in container.findall(q("mrk")) if m.get("id", "").startswith(ZH_MARK_PREFIX))
    return _texts(marks, _XLIFF2_CODES)


# --- TMX ---------------------------------------------------------------------------------


def _read_tmx(root: etree._Element, path: str) -> _Parsed:
    _require_version(root, path, "TMX", "1.")
    body = root.find("body")
    if body is None:
        raise InputError(path, "TMX file without a <body> element")
    header_props = _props(root.find("header"))
    units: list[_Unit] = []
    for tu in body.iter("tu"):
        unit = _tmx_unit(tu, path, len(units))
        if unit is not None:
            units.append(unit)
    return _Parsed(
        tuple(units), header_props.get(f"x-{SOURCE_FILE}"), header_props.get(f"x-{TARGET_FILE}")
    )


def _props(element: etree._Element | None) -> dict[str, str]:
    if element is None:
        return {}
    found: dict[str, str] = {}
    for prop in element.iterfind("prop"):
        found.setdefault(prop.get("type", ""), prop.text or "")
    return found


def _tmx_unit(tu: etree._Element, path: str, ordinal: int) -> _Unit | None:
    """The Chinese and English variants of a ``<tu>``; None when it has neither."""
    texts: dict[str, str] = {}
    for tuv in tu.iterfind("tuv"):
        seg = tuv.find("seg")
        if seg is None:
            raise InputError(path, f"translation unit {tu.get('tuid', '?')!r} has no <seg>")
        lang = _primary_subtag(tuv.get(XML_LANG) or tuv.get("lang"))
        if lang in ("zh", "en"):
            texts.setdefault(lang, _inline_text(seg, _TMX_CODES))
    if not texts:
        return None
    zh_text, en_text = texts.get("zh", ""), texts.get("en", "")
    props = _props(tu)
    if f"x-{ZH_IDS}" not in props:
        return _generic_unit(zh_text, en_text, False, ordinal)
    zh_pieces = _split_by_lengths(zh_text, props.get(f"x-{ZH_LENGTHS}"), "zh")
    return _recorded_unit(zh_text, zh_pieces, en_text, props, "x-", ordinal)


def _split_by_lengths(text: str, lengths_text: str | None, lang: str) -> tuple[str, ...]:
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
