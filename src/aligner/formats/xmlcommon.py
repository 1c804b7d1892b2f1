"""What the XLIFF 1.2, XLIFF 2.1 and TMX writers share, and the vocabulary the reader expects.

The three formats carry the same facts — one unit per link, the sentence ids and paragraph
numbers on each side, the link's confidence, its findings and glossary hits — so the pairing of
report data with links, the wording of notes and the spelling of recorded values live here once.
Reading back (:mod:`aligner.formats.xmlread` and each format's reader) imports the same names,
so a change of spelling cannot make our own files unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePath

from lxml import etree

from aligner.formats.rows import LinkRow, row_label, sentence_ids
from aligner.model import AcceptedFinding, Finding, Severity, TermHit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

TOOL_ID = "aligner"

# Names of the recorded values, shared by every format (each adds its own prefix, e.g. "x-").
ZH_IDS = "zh-ids"
EN_IDS = "en-ids"
ZH_PARAGRAPHS = "zh-paragraphs"
EN_PARAGRAPHS = "en-paragraphs"
ZH_LENGTHS = "zh-lengths"
EN_LENGTHS = "en-lengths"
CONFIDENCE = "confidence"
SOURCE_FILE = "source-file"
TARGET_FILE = "target-file"

# How a Chinese sentence id is spelled in XLIFF markers, e.g. "zh-3".
ZH_MARK_PREFIX = "zh-"

QA_ORIGIN = "aligner-qa"
# Origin of the note that lists a finding a reviewer accepted (it no longer asks for review).
ACCEPTED_ORIGIN = "aligner-qa-accepted"
GLOSSARY_ORIGIN = "aligner-glossary"
# Origin of the note that says a unit has text on one side only.
LINK_ORIGIN = TOOL_ID

# What a one-sided unit says about itself, in every format, for the person who opens the file.
ENGLISH_ONLY_NOTE = "English only: no Chinese counterpart; kept as it stands, not for translation."
CHINESE_ONLY_NOTE = "Chinese only: no English translation."

# Glossary notes and remarks about a unit are reminders, ranked with informational findings.
INFO_PRIORITY = "3"

# XLIFF counts priority from 1 (most important) upwards.
_SEVERITY_PRIORITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}

# Glossary statuses whose English must not be offered to a translator as the rendering to use.
DISCOURAGED_STATUSES = frozenset({"deprecated", "forbidden"})

# Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, lone
# surrogates, U+FFFE/U+FFFF). Text from DOCX or plain-text files occasionally holds one.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def one_sided_note(view: LinkRow) -> str | None:
    """What a unit with text on one side only says about itself."""
    if not view.zh_segments:
        return ENGLISH_ONLY_NOTE
    if not view.en_segments:
        return CHINESE_ONLY_NOTE
    return None


def unit_attributes(view: LinkRow) -> dict[str, str]:
    """The unit id, and ``translate="no"`` for an addition (English with no Chinese).

    An addition is kept so that it survives a round trip, but there is nothing for a CAT
    tool to translate in it. It is written the way CAT tools carry text that passes through
    translation unchanged (a product name, a code): ``translate="no"``, with the text as the
    source and the same text as the target, so the unit is locked, its source is never empty
    and the target document still contains the English line where it stood.
    """
    attributes = {"id": view.key}
    if view.english_only:
        attributes["translate"] = "no"
    return attributes


def source_text(view: LinkRow) -> str:
    """What a unit's source holds: the Chinese, or for an addition the English it passes on."""
    return view.en if view.english_only else view.zh


def xliff_recorded_values(view: LinkRow) -> tuple[tuple[str, str], ...]:
    """The values an XLIFF unit records so that the reader can rebuild the alignment.

    The Chinese sentence boundaries are markers in the source, so only the English side
    needs its sentence lengths recorded.
    """
    return (
        (ZH_IDS, format_ids(s.id for s in view.zh_segments)),
        (ZH_PARAGRAPHS, format_ids(s.paragraph for s in view.zh_segments)),
        (EN_IDS, format_ids(s.id for s in view.en_segments)),
        (EN_PARAGRAPHS, format_ids(s.paragraph for s in view.en_segments)),
        (EN_LENGTHS, format_ids(len(s.text) for s in view.en_segments)),
        (CONFIDENCE, format_confidence(view.link.confidence)),
    )


def add_notes(
    parent: etree._Element,
    note_tag: str,
    origin_attribute: str,
    findings: Iterable[Finding] = (),
    hits: Iterable[TermHit] = (),
    remark: str | None = None,
    *,
    row: int | None = None,
    accepted: Iterable[AcceptedFinding] = (),
) -> None:
    """The remark about the unit, one note per finding, one per accepted finding, then one
    per glossary hit.

    Each note says where it comes from. XLIFF 1.2 names a note's origin ``from`` and XLIFF 2
    ``category``; the origins, the priorities and the wording are the same in both so that a
    reviewer sees the same notes. ``row`` is the unit's row number (None in the header).
    """
    if remark is not None:
        attributes = {origin_attribute: LINK_ORIGIN, "priority": INFO_PRIORITY}
        sub(parent, note_tag, attributes, remark)
    for finding in findings:
        priority = str(severity_priority(finding.severity))
        attributes = {origin_attribute: QA_ORIGIN, "priority": priority}
        sub(parent, note_tag, attributes, finding_note(finding, row))
    for item in accepted:
        attributes = {origin_attribute: ACCEPTED_ORIGIN, "priority": INFO_PRIORITY}
        sub(parent, note_tag, attributes, accepted_note(item, row))
    for hit in hits:
        attributes = {origin_attribute: GLOSSARY_ORIGIN, "priority": INFO_PRIORITY}
        sub(parent, note_tag, attributes, term_note(hit))


def severity_priority(severity: Severity) -> int:
    return _SEVERITY_PRIORITY[severity]


def finding_note(finding: Finding, row: int | None = None) -> str:
    """The note's text, e.g. ``[number/error · row 18 · zh 14 ↔ en 20,21 · number-3f9a2c1d0b]
    message``: the same row and sentence ids as every other output, and the id
    ``--accepted`` takes."""
    return f"[{_finding_label(finding, row)}] {finding.message}"


def accepted_note(item: AcceptedFinding, row: int | None = None) -> str:
    note = f" Reviewer's note: {item.note}" if item.note else ""
    return f"[accepted · {_finding_label(item.finding, row)}] {item.finding.message}{note}"


def _finding_label(finding: Finding, row: int | None) -> str:
    place = [] if row is None else [row_label(row)]
    if finding.zh_ids or finding.en_ids:
        place.append(sentence_ids(finding.zh_ids, finding.en_ids))
    return " · ".join([f"{finding.check}/{finding.severity.value}", *place, finding.id])


def term_note(hit: TermHit) -> str:
    """The glossary pair as a reviewer reads it; a non-preferred status is said out loud."""
    text = f"{hit.zh_term} → {hit.en_term}"
    if hit.status != "preferred":
        text += f" ({hit.status})"
    return text


def format_ids(values: Iterable[int]) -> str:
    return ",".join(str(value) for value in values)


def parse_ids(text: str | None) -> tuple[int, ...]:
    """Inverse of :func:`format_ids`; raises ValueError on anything else."""
    if text is None or not text.strip():
        return ()
    return tuple(int(part) for part in text.split(","))


def format_confidence(confidence: float) -> str:
    """The shortest decimal that reads back as exactly the same number.

    A rounded value would make a file read back into an alignment that differs from the one
    written (and a report whose mean confidence differs in the last digit).
    """
    return repr(float(confidence))


def file_name(path: str) -> str:
    """The file name alone: a deliverable should not leak the author's directory layout."""
    return PurePath(path).name


def xml_safe(text: str) -> str:
    """Replace characters XML cannot hold with U+FFFD, keeping every other offset unchanged."""
    return _NOT_XML_CHAR.sub("\ufffd", text)


def indent(element: etree._Element, inline_containers: frozenset[str], level: int = 0) -> None:
    """Indent structural elements in place, leaving text-bearing elements exactly as built.

    lxml's own pretty printer would add whitespace inside ``<seg-source>`` or ``<source>``
    when they hold only inline markers, changing the text a CAT tool sees; here elements whose
    qualified tag is in ``inline_containers`` are never entered.
    """
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or element.tag in inline_containers:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        indent(child, inline_containers, level + 1)
    children[-1].tail = "\n" + "  " * level


def serialize(root: etree._Element, inline_containers: frozenset[str]) -> bytes:
    """UTF-8 bytes with an XML declaration, indented, ending with a newline."""
    indent(root, inline_containers)
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return body + b"\n"


def root_element(
    tag: str, attributes: dict[str, str], namespaces: Mapping[str | None, str]
) -> etree._Element:
    """The document element, declaring ``namespaces`` (None is the default namespace)."""
    # lxml accepts None as the default-namespace key; lxml-stubs types nsmap as str-only.
    return etree.Element(tag, attributes, nsmap=namespaces)  # type: ignore[arg-type]


def sub(
    parent: etree._Element,
    tag: str,
    attributes: dict[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    """A child element whose text and attribute values have passed through :func:`xml_safe`."""
    safe = {name: xml_safe(value) for name, value in (attributes or {}).items()}
    child = etree.SubElement(parent, tag, safe)
    if text is not None:
        child.text = xml_safe(text)
    return child


def append_marks(
    container: etree._Element,
    mark_tag: str,
    marks: Iterable[tuple[dict[str, str], str]],
    code_point_tag: str | None = None,
) -> None:
    """Fill ``container`` with one marker element per sentence, nothing between them.

    Chinese sentences join without a separator, so the container's plain text equals the
    joined sentences and a tool that ignores the markers still reads the right text.
    ``code_point_tag`` is as for :func:`put_text`.
    """
    for attributes, text in marks:
        mark = sub(container, mark_tag, attributes)
        put_text(mark, text, code_point_tag)


def put_text(element: etree._Element, text: str, code_point_tag: str | None = None) -> None:
    """Set ``element``'s content to ``text``, spelling characters XML cannot carry.

    Without ``code_point_tag`` they become U+FFFD (XLIFF 1.2 and TMX have no other way). With
    it (XLIFF 2's ``<cp>``) each control character or U+FFFE/U+FFFF becomes an empty element
    ``<cp hex="001B"/>``, as XLIFF 2 requires, so it survives a round trip; a lone surrogate
    or U+0000 is no character any reader should accept, and still becomes U+FFFD.
    """
    if code_point_tag is None:
        element.text = xml_safe(text)
        return
    holder: etree._Element | None = None  # the last <cp>, whose tail takes the next text
    position = 0
    pieces: list[str] = []

    def flush() -> None:
        chunk = "".join(pieces)
        pieces.clear()
        if holder is None:
            element.text = (element.text or "") + chunk
        else:
            holder.tail = (holder.tail or "") + chunk

    for match in _NOT_XML_CHAR.finditer(text):
        pieces.append(text[position : match.start()])
        position = match.end()
        character = match.group()
        if character == "\x00" or "\ud800" <= character <= "\udfff":
            pieces.append("\ufffd")
            continue
        flush()
        holder = etree.SubElement(element, code_point_tag, {"hex": f"{ord(character):04X}"})
    pieces.append(text[position:])
    flush()
