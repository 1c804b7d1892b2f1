"""Read XLIFF 1.2, XLIFF 2.x and TMX files back into an :class:`~aligner.model.Alignment`.

Two kinds of file arrive here. Our own (written by :mod:`aligner.writers.xliff12`,
:mod:`~aligner.writers.xliff21` or :mod:`~aligner.writers.tmx`) record sentence ids, paragraph
numbers, sentence boundaries and confidence per unit, and read back into the alignment that was
written. Anything else — or one of ours whose text a CAT tool has since changed so that the
recorded boundaries no longer fit — is read one unit at a time: one sentence per side per unit,
an empty side giving a 1:0 or 0:1 link, confidence 1.0. The text is always what the file holds
now, since a translator may have edited it.

Sentence ids are renumbered in reading order rather than copied: the model indexes sentences
by id, and a TMX (which leaves out one-sided links) or an edited file would otherwise leave gaps.
For an untouched file of ours the numbering comes out identical to the recorded ids.

The XML is parsed with entity expansion, DTD loading and network access switched off; a file
that needs an entity to be expanded is refused rather than read with holes in its text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from aligner.errors import InputError
from aligner.model import Alignment, Document, Link, Segment
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
    """Read an XLIFF 1.x/2.x or TMX file, recognised by its root element, not its name."""
    root = _parse(path)
    name = etree.QName(root)
    namespace = name.namespace or ""
    if name.localname == "xliff":
        if namespace in _XLIFF1_NAMESPACES:
            parsed = _read_xliff1(root, namespace, path)
        elif namespace in _XLIFF2_NAMESPACES:
            parsed = _read_xliff2(root, namespace, path)
        else:
            raise InputError(path, f"unknown XLIFF version (namespace {namespace or 'none'!r})")
    elif name.localname == "tmx" and not namespace:
        parsed = _read_tmx(root, path)
    else:
        raise InputError(path, f"not an XLIFF or TMX file (root element <{name.localname}>)")
    return _assemble(parsed, path)


def _parse(path: str) -> etree._Element:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
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
        raise InputError(path, f"not well-formed XML: {error}") from None
    for entity in root.iter(etree.Entity):
        raise InputError(
            path, f"uses the entity reference {entity.text}, which is not expanded for safety"
        )
    return root


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
                parts.append(_code_point(child.get("hex", "")))
            elif local not in codes:
                _collect_text(child, codes, parts)
        if child.tail:
            parts.append(child.tail)


def _code_point(hex_value: str) -> str:
    """XLIFF 2 spells characters XML cannot carry as ``<cp hex="..."/>``."""
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return "\ufffd"


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
    """

    def value(name: str) -> str | None:
        return values.get(f"{prefix}{name}")

    return _Unit(
        zh=_side(
            zh_text,
            zh_pieces,
            _recorded(value(ZH_IDS), value(ZH_PARAGRAPHS)),
            "zh",
            ordinal,
        ),
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
