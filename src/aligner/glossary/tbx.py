"""TBX glossaries: ISO 30042:2019 TBX-Basic (read and write) and TBX 2008 <martif> (read and write).

A concept becomes one entry per Chinese term. Its English terms are sorted by their
administrativeStatus: the first preferred (or unmarked) term is the entry's ``en``, the
other preferred and admitted ones are ``variants``, deprecated and superseded ones are
``deprecated``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from aligner.errors import InputError
from aligner.glossary.csvfile import clean_term
from aligner.glossary.langs import is_chinese, is_english
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.problems import GlossaryProblem, ReadResult, problem
from aligner.glossary.status import TBX_STATUS_VALUES, parse_status
from aligner.glossary.xmlsafe import local_name, parse_xml
from aligner.model import TermStatus

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TbxDialect = Literal["2019", "2008"]

_CONCEPT_TAGS = frozenset({"conceptEntry", "termEntry"})
_LANGUAGE_TAGS = frozenset({"langSec", "langSet"})
_TERM_SECTION_TAGS = frozenset({"termSec", "tig", "ntig"})
_NOTE_DESCRIPS = frozenset({"definition", "context"})


@dataclass(frozen=True)
class _Term:
    text: str
    status: TermStatus | None
    line: int


def read_tbx_glossary(path: str, data: bytes) -> ReadResult:
    """Read a TBX v3 (``<tbx>``) or TBX 2008 (``<martif>``) file.

    Raises InputError when the XML is not well formed or the root is not TBX; concepts
    that cannot become entries are reported as problems and left out.
    """
    root = parse_xml(path, data)
    if local_name(root) not in {"tbx", "martif"}:
        raise InputError(path, f"not a TBX file: the root element is <{local_name(root)}>")
    problems: list[GlossaryProblem] = []
    entries: list[GlossaryEntry] = []
    for concept in _children_named(root, _CONCEPT_TAGS, deep=True):
        entries.extend(_concept_entries(path, concept, problems))
    return ReadResult(Glossary(Path(path).stem, tuple(entries)), tuple(problems))


def _children_named(
    element: etree._Element, names: frozenset[str], *, deep: bool = False
) -> Iterator[etree._Element]:
    candidates = element.iter() if deep else iter(element)
    return (child for child in candidates if local_name(child) in names)


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0


def _text(element: etree._Element) -> str:
    return clean_term("".join(t for t in element.itertext() if isinstance(t, str)))


def _concept_entries(
    path: str, concept: etree._Element, problems: list[GlossaryProblem]
) -> list[GlossaryEntry]:
    line = _line(concept)
    zh_terms: list[_Term] = []
    en_terms: list[_Term] = []
    notes: list[str] = _notes(concept)
    for lang_section in _children_named(concept, _LANGUAGE_TAGS):
        code = lang_section.get(XML_LANG, "")
        terms = list(_terms(path, lang_section, problems))
        if is_chinese(code):
            zh_terms.extend(terms)
        elif is_english(code):
            en_terms.extend(terms)
            notes.extend(_notes(lang_section))
    if not zh_terms or not en_terms:
        missing = "Chinese" if not zh_terms else "English"
        problems.append(
            problem(path, line, f"concept has no {missing} term and is skipped", severity="warning")
        )
        return []
    en, status, variants, deprecated = _sort_english(en_terms)
    note = "; ".join(dict.fromkeys(notes))
    return [
        GlossaryEntry(
            zh=zh.text,
            en=en,
            status=status,
            variants=variants,
            deprecated=deprecated,
            note=note,
            origin=f"{path}:{line}",
        )
        for zh in zh_terms
    ]


def _notes(element: etree._Element) -> list[str]:
    notes = []
    for child in element:
        name = local_name(child)
        if name == "note" or (name == "descrip" and child.get("type") in _NOTE_DESCRIPS):
            text = _text(child)
            if text:
                notes.append(text)
    return notes


def _terms(
    path: str, lang_section: etree._Element, problems: list[GlossaryProblem]
) -> Iterator[_Term]:
    for section in _children_named(lang_section, _TERM_SECTION_TAGS):
        term = next(_children_named(section, frozenset({"term"}), deep=True), None)
        text = _text(term) if term is not None else ""
        if not text:
            problems.append(problem(path, _line(section), "empty term is skipped", "warning"))
            continue
        yield _Term(text, _status(path, section, problems), _line(section))


def _status(
    path: str, section: etree._Element, problems: list[GlossaryProblem]
) -> TermStatus | None:
    for note in section.iter():
        if local_name(note) == "termNote" and note.get("type") in {
            "administrativeStatus",
            "normativeAuthorization",
        }:
            value = _text(note)
            status = parse_status(value)
            if status is None:
                problems.append(
                    problem(
                        path,
                        _line(note),
                        f'unknown administrativeStatus "{value}" is read as preferred',
                        severity="warning",
                    )
                )
            return status
    return None


def _sort_english(
    terms: list[_Term],
) -> tuple[str, TermStatus, tuple[str, ...], tuple[str, ...]]:
    preferred = [t.text for t in terms if t.status in (None, TermStatus.PREFERRED)]
    admitted = [t.text for t in terms if t.status is TermStatus.ADMITTED]
    rejected = [t for t in terms if t.status in (TermStatus.DEPRECATED, TermStatus.FORBIDDEN)]
    if preferred or admitted:
        accepted = preferred + admitted
        status = TermStatus.PREFERRED if preferred else TermStatus.ADMITTED
        return accepted[0], status, tuple(accepted[1:]), tuple(t.text for t in rejected)
    first = rejected[0]
    return (
        first.text,
        first.status or TermStatus.DEPRECATED,
        (),
        tuple(t.text for t in rejected[1:]),
    )


def tbx_bytes(glossary: Glossary, dialect: TbxDialect = "2019") -> bytes:
    """Serialise deterministically (no dates, ids by position) so regenerating is a no-op.

    Raises ValueError for an empty glossary: both TBX schemas require at least one entry.
    """
    if not glossary.entries:
        raise ValueError("a TBX file needs at least one entry")
    root = _tbx_2019(glossary) if dialect == "2019" else _martif(glossary)
    body = etree.tostring(root, encoding="UTF-8", pretty_print=True, xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def _header(parent: etree._Element, tag: str, ns: str, glossary: Glossary) -> None:
    header = etree.SubElement(parent, f"{ns}{tag}")
    file_desc = etree.SubElement(header, f"{ns}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{ns}titleStmt")
    etree.SubElement(title_stmt, f"{ns}title").text = glossary.name
    source_desc = etree.SubElement(file_desc, f"{ns}sourceDesc")
    etree.SubElement(source_desc, f"{ns}p").text = f"zh-CN to en glossary: {glossary.name}"


def _english_terms(entry: GlossaryEntry) -> list[tuple[str, str]]:
    terms = [(entry.en, TBX_STATUS_VALUES[entry.status])]
    if entry.status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
        admitted = TBX_STATUS_VALUES[TermStatus.ADMITTED]
        terms += [(variant, admitted) for variant in entry.variants]
    deprecated = TBX_STATUS_VALUES[TermStatus.DEPRECATED]
    terms += [(term, deprecated) for term in entry.deprecated]
    return terms


def _tbx_2019(glossary: Glossary) -> etree._Element:
    ns = f"{{{TBX_NAMESPACE}}}"
    # The default namespace is keyed by None, which lxml-stubs does not allow for.
    root = etree.Element(f"{ns}tbx", nsmap={None: TBX_NAMESPACE})  # type: ignore[dict-item]
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, "en")
    _header(root, "tbxHeader", ns, glossary)
    body = etree.SubElement(etree.SubElement(root, f"{ns}text"), f"{ns}body")
    for number, entry in enumerate(glossary.entries, start=1):
        concept = etree.SubElement(body, f"{ns}conceptEntry", id=f"c{number}")
        if entry.note:
            etree.SubElement(concept, f"{ns}note").text = entry.note
        zh_section = etree.SubElement(concept, f"{ns}langSec", {XML_LANG: "zh-CN"})
        etree.SubElement(etree.SubElement(zh_section, f"{ns}termSec"), f"{ns}term").text = entry.zh
        en_section = etree.SubElement(concept, f"{ns}langSec", {XML_LANG: "en"})
        for text, status in _english_terms(entry):
            term_section = etree.SubElement(en_section, f"{ns}termSec")
            etree.SubElement(term_section, f"{ns}term").text = text
            note = etree.SubElement(term_section, f"{ns}termNote", type="administrativeStatus")
            note.text = status
    return root


def _martif(glossary: Glossary) -> etree._Element:
    root = etree.Element("martif", type="TBX")
    root.set(XML_LANG, "en")
    _header(root, "martifHeader", "", glossary)
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, entry in enumerate(glossary.entries, start=1):
        concept = etree.SubElement(body, "termEntry", id=f"c{number}")
        if entry.note:
            etree.SubElement(concept, "note").text = entry.note
        zh_set = etree.SubElement(concept, "langSet", {XML_LANG: "zh-CN"})
        etree.SubElement(etree.SubElement(zh_set, "tig"), "term").text = entry.zh
        en_set = etree.SubElement(concept, "langSet", {XML_LANG: "en"})
        for text, status in _english_terms(entry):
            tig = etree.SubElement(en_set, "tig")
            etree.SubElement(tig, "term").text = text
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    return root
