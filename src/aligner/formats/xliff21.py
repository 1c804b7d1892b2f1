"""XLIFF 2.1 with the glossary and metadata modules: one ``<unit>`` per link.

Each unit holds exactly one ``<segment>``: a link is what a translator should see as one piece
of work, even when the aligner joined two sentences into it. Around that:

* ``<mda:metadata>`` (metadata module) records the sentence ids, paragraph numbers and the
  confidence, so the file reads back into the same alignment.
* When the source holds more than one sentence, each is wrapped in
  ``<mrk id="zh-3" translate="yes">``; a single sentence stays plain text. The target is
  always plain text, because tools that rewrite a target tend to mangle markers inside it;
  its sentence boundaries are recorded as lengths in the metadata instead.
* ``state="translated"``, or ``"initial"`` for an omission (no ``<target>``). A unit with an
  error or warning also gets ``subState="aligner:needs-review"``: XLIFF 2 has no review state
  of its own, and a prefixed sub-state is its extension point for exactly that. Informational
  findings are notes only and leave the state alone.
* An addition (English with no Chinese) is a unit with ``translate="no"`` whose source and
  target both hold the English, as text that passes through translation unchanged; a
  ``<note category="aligner">`` says it is English only. It is ``final`` (nothing to
  translate) unless a finding asks for review, then ``translated`` with the review sub-state.
* A character XML cannot carry (a control character from a DOCX or text file) is written as
  ``<cp hex="..."/>``, as XLIFF 2 requires, so it reads back unchanged.
* Findings become ``<note category="aligner-qa">`` (priority 1 error, 2 warning, 3 info).
  Glossary hits with a usable rendering go into ``<gls:glossary>``; a hit whose English is
  deprecated or forbidden must not be offered as a translation, so it becomes a
  ``<note category="aligner-glossary">`` instead.
"""

from __future__ import annotations

from lxml import etree

from aligner import SOURCE_LANG, TARGET_LANG
from aligner.errors import InputError
from aligner.formats.rows import LinkRow, link_rows, unattached_accepted, unattached_findings
from aligner.formats.xmlcommon import (
    DISCOURAGED_STATUSES,
    ENGLISH_ONLY_NOTE,
    TARGET_FILE,
    TOOL_ID,
    ZH_IDS,
    ZH_MARK_PREFIX,
    add_notes,
    append_marks,
    file_name,
    put_text,
    root_element,
    serialize,
    source_text,
    sub,
    unit_attributes,
    xliff_recorded_values,
)
from aligner.formats.xmlread import (
    Inline,
    Parsed,
    Qualifier,
    Unit,
    generic_unit,
    is_swapped,
    join_inline,
    read_inline,
    recorded_unit,
    require_version,
    texts,
    xliff_files,
)
from aligner.model import Report

NS = "urn:oasis:names:tc:xliff:document:2.0"
GLS_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
META_CATEGORY = TOOL_ID
REVIEW_SUBSTATE = f"{TOOL_ID}:needs-review"

_INLINE_CONTAINERS = frozenset({f"{{{NS}}}source", f"{{{NS}}}target"})


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _gls(tag: str) -> str:
    return f"{{{GLS_NS}}}{tag}"


def _mda(tag: str) -> str:
    return f"{{{MDA_NS}}}{tag}"


def render_xliff21(report: Report) -> bytes:
    alignment = report.alignment
    if not alignment.links:
        # The schema requires at least one unit per file.
        raise InputError(alignment.source.path, "nothing to write: no sentences were aligned")
    root = root_element(
        _q("xliff"),
        {"version": "2.1", "srcLang": SOURCE_LANG, "trgLang": TARGET_LANG},
        {None: NS, "gls": GLS_NS, "mda": MDA_NS},
    )
    file_element = sub(root, _q("file"), {"id": "f1", "original": file_name(alignment.source.path)})
    _add_metadata(file_element, ((TARGET_FILE, file_name(alignment.target.path)),))
    document_findings = unattached_findings(report)
    document_accepted = unattached_accepted(report)
    if document_findings or document_accepted:
        notes = sub(file_element, _q("notes"))
        add_notes(
            notes,
            _q("note"),
            "category",
            findings=document_findings,
            accepted=document_accepted,
        )
    for view in link_rows(report):
        _add_unit(file_element, view)
    return serialize(root, _INLINE_CONTAINERS)


def _add_metadata(parent: etree._Element, values: tuple[tuple[str, str], ...]) -> None:
    metadata = sub(parent, _mda("metadata"))
    group = sub(metadata, _mda("metaGroup"), {"category": META_CATEGORY})
    for name, value in values:
        sub(group, _mda("meta"), {"type": name}, value)


def _add_unit(file_element: etree._Element, view: LinkRow) -> None:
    unit = sub(file_element, _q("unit"), unit_attributes(view))
    _add_metadata(unit, xliff_recorded_values(view))

    usable = [hit for hit in view.terms if hit.status not in DISCOURAGED_STATUSES]
    discouraged = [hit for hit in view.terms if hit.status in DISCOURAGED_STATUSES]
    if usable:
        glossary = sub(unit, _gls("glossary"))
        for hit in usable:
            entry = sub(glossary, _gls("glossEntry"))
            sub(entry, _gls("term"), text=hit.zh_term)
            sub(entry, _gls("translation"), text=hit.en_term)

    remark = ENGLISH_ONLY_NOTE if view.english_only else None
    if view.findings or view.accepted or discouraged or remark:
        notes = sub(unit, _q("notes"))
        add_notes(
            notes,
            _q("note"),
            "category",
            findings=view.findings,
            hits=discouraged,
            remark=remark,
            row=view.number,
            accepted=view.accepted,
        )

    segment = sub(unit, _q("segment"), _segment_attributes(view))
    source = sub(segment, _q("source"))
    if len(view.zh_segments) <= 1:
        put_text(source, source_text(view), _q("cp"))
    else:
        marks = [
            ({"id": f"{ZH_MARK_PREFIX}{s.id}", "translate": "yes"}, s.text)
            for s in view.zh_segments
        ]
        append_marks(source, _q("mrk"), marks, _q("cp"))
    if view.en_segments:
        put_text(sub(segment, _q("target")), view.en, _q("cp"))


def _segment_attributes(view: LinkRow) -> dict[str, str]:
    if not view.en_segments:
        state = "initial"
    elif view.english_only and not view.needs_review:
        state = "final"
    else:
        state = "translated"
    attributes = {"id": "s1", "state": state}
    if view.needs_review:
        attributes["subState"] = REVIEW_SUBSTATE
    return attributes


# --- reading -----------------------------------------------------------------------------

# Namespaces of the XLIFF 2.x versions read back.
NAMESPACES_READ = frozenset({NS, "urn:oasis:names:tc:xliff:document:2.2"})
# XLIFF 2 keeps native codes out of the text already (<ph/>, <pc>, <sc/>, <ec/> are empty or
# wrap translatable text), so nothing is skipped.
_CODES: frozenset[str] = frozenset()


def read_units(root: etree._Element, namespace: str, path: str) -> Parsed:
    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}"

    require_version(root, path, "XLIFF", "2.")
    swapped = is_swapped(path, root.get("srcLang"), root.get("trgLang"))
    files = xliff_files(root, q, path)
    units: list[Unit] = []
    source_name: str | None = None
    target_name: str | None = None
    for file_element in files:
        source_name = source_name or file_element.get("original")
        target_name = target_name or _metadata(file_element).get(TARGET_FILE)
        for unit in file_element.iter(q("unit")):
            units.append(_unit(unit, q, path, swapped, len(units)))
    return Parsed(tuple(units), source_name, target_name)


def _metadata(element: etree._Element) -> dict[str, str]:
    """Our values from the element's own ``<mda:metadata>`` (not from units below it)."""
    mda = MDA_NS
    found: dict[str, str] = {}
    for group in element.iterfind(f"{{{mda}}}metadata/{{{mda}}}metaGroup"):
        if group.get("category") != META_CATEGORY:
            continue
        for meta in group.iterfind(f"{{{mda}}}meta"):
            found.setdefault(meta.get("type", ""), meta.text or "")
    return found


def _unit(unit: etree._Element, q: Qualifier, path: str, swapped: bool, ordinal: int) -> Unit:
    unit_id = unit.get("id", "?")
    parts = [child for child in unit if child.tag in (q("segment"), q("ignorable"))]
    if not parts:
        raise InputError(path, f"unit {unit_id!r} has no <segment>")
    sources: list[etree._Element] = []
    source_parts: list[Inline] = []
    target_parts: list[Inline] = []
    for part in parts:
        source = part.find(q("source"))
        if source is None:
            raise InputError(path, f"unit {unit_id!r} has a segment without <source>")
        sources.append(source)
        source_parts.append(read_inline(source, _CODES))
        target = part.find(q("target"))
        if target is not None:
            target_parts.append(read_inline(target, _CODES))
        elif part.tag == q("ignorable"):
            # An ignorable without target carries its source (whitespace) over unchanged.
            target_parts.append(source_parts[-1])
    source_inline, target_inline = join_inline(source_parts), join_inline(target_parts)

    recorded = _metadata(unit)
    if swapped or ZH_IDS not in recorded:
        return generic_unit(source_inline, target_inline, swapped, ordinal)

    zh_pieces = _marked_pieces(sources[0], q) if len(parts) == 1 else ()
    return recorded_unit(
        source_inline, zh_pieces or (source_inline.text,), target_inline, recorded, "", ordinal
    )


def _marked_pieces(container: etree._Element, q: Qualifier) -> tuple[str, ...]:
    """The Chinese sentences a source of ours marks, or () if it marks none."""
    marks = (m for m in container.findall(q("mrk")) if m.get("id", "").startswith(ZH_MARK_PREFIX))
    return texts(marks, _CODES)
