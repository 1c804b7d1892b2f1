"""XLIFF 1.2 (strict schema) for CAT tools: one ``<trans-unit>`` per link.

Choices the schema forced or left open:

* Chinese sentences are kept in ``<seg-source>`` as ``<mrk mtype="seg" mid="zh-3">``. The
  strict schema only lets a target ``<mrk>`` carry a ``mid`` that also occurs in the
  seg-source, so a 2:1 or 1:2 link cannot label its English sentences that way. The target
  therefore stays plain text — which is also what translators edit most safely: tools that
  rewrite a target tend to mangle markers inside it — and the English sentence boundaries are
  recorded as lengths instead.
* Sentence ids, paragraph numbers, English sentence lengths and the link's confidence go into
  a ``<context-group name="aligner-u1">`` (``x-zh-ids``, ``x-zh-paragraphs``, ``x-en-ids``,
  ``x-en-paragraphs``, ``x-en-lengths``, ``x-confidence``). A confidence attribute in a
  namespace of our own is not an option: the strict schema validates foreign attributes
  strictly, so it would need a schema of its own.
* An omission (Chinese with no English) is a normal unit with an empty
  ``<target state="needs-translation"/>``: exactly what a CAT tool offers for translation.
* An addition (English with no Chinese) is a unit with ``translate="no"`` whose source and
  target both hold the English, the way CAT tools carry text that passes through translation
  unchanged: the unit is locked, no source is empty, and the English line stays in place in
  the target document. Its source has no ``xml:lang``, because the specification wants a
  source's language to match the file's; a ``<note from="aligner">`` says the unit is English
  only, and the recorded Chinese ids (none) tell the reader the same. Such a unit is
  ``final`` unless a finding asks for review.
* Units with an error or warning get ``state="needs-review-translation"``; informational
  findings do not change the state. Every finding is a ``<note from="aligner-qa">`` (priority
  1 error, 2 warning, 3 info); glossary matches become ``<note from="aligner-glossary">``
  lines. Findings about no particular link go into the header as notes, as does the English
  file's name.
"""

from __future__ import annotations

from lxml import etree

from aligner import SOURCE_LANG, TARGET_LANG, __version__
from aligner.errors import InputError
from aligner.formats.rows import LinkRow, link_rows, unattached_accepted, unattached_findings
from aligner.formats.xmlcommon import (
    ENGLISH_ONLY_NOTE,
    TARGET_FILE,
    TOOL_ID,
    XML_LANG,
    ZH_IDS,
    ZH_MARK_PREFIX,
    add_notes,
    append_marks,
    file_name,
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
    read_inline,
    recorded_unit,
    require_version,
    texts,
    xliff_files,
)
from aligner.model import Report

NS = "urn:oasis:names:tc:xliff:document:1.2"
CONTEXT_GROUP_PREFIX = f"{TOOL_ID}-"
TARGET_FILE_NOTE = f"{TOOL_ID}-{TARGET_FILE}"

_INLINE_CONTAINERS = frozenset({f"{{{NS}}}source", f"{{{NS}}}seg-source", f"{{{NS}}}target"})


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def render_xliff12(report: Report) -> bytes:
    alignment = report.alignment
    root = root_element(_q("xliff"), {"version": "1.2"}, {None: NS})
    file_element = sub(
        root,
        _q("file"),
        {
            "original": file_name(alignment.source.path),
            "source-language": SOURCE_LANG,
            "target-language": TARGET_LANG,
            "datatype": "plaintext",
            "tool-id": TOOL_ID,
        },
    )
    header = sub(file_element, _q("header"))
    sub(
        header,
        _q("tool"),
        {"tool-id": TOOL_ID, "tool-name": TOOL_ID, "tool-version": __version__},
    )
    sub(header, _q("note"), {"from": TARGET_FILE_NOTE}, file_name(alignment.target.path))
    add_notes(
        header,
        _q("note"),
        "from",
        findings=unattached_findings(report),
        accepted=unattached_accepted(report),
    )
    body = sub(file_element, _q("body"))
    for view in link_rows(report):
        _add_trans_unit(body, view)
    return serialize(root, _INLINE_CONTAINERS)


def _state(view: LinkRow) -> str:
    if not view.en_segments:
        return "needs-translation"
    if view.needs_review:
        return "needs-review-translation"
    return "final" if view.english_only else "translated"


def _add_trans_unit(body: etree._Element, view: LinkRow) -> None:
    unit = sub(body, _q("trans-unit"), unit_attributes(view))
    source_attributes = {} if view.english_only else {XML_LANG: SOURCE_LANG}
    sub(unit, _q("source"), source_attributes, source_text(view))
    if view.zh_segments:
        seg_source = sub(unit, _q("seg-source"), {XML_LANG: SOURCE_LANG})
        marks = [
            ({"mtype": "seg", "mid": f"{ZH_MARK_PREFIX}{s.id}"}, s.text) for s in view.zh_segments
        ]
        append_marks(seg_source, _q("mrk"), marks)
    target_text = view.en if view.en_segments else None
    sub(unit, _q("target"), {XML_LANG: TARGET_LANG, "state": _state(view)}, target_text)

    # Group names must be unique across the file, hence the unit id in it.
    group_name = f"{CONTEXT_GROUP_PREFIX}{view.key}"
    group = sub(unit, _q("context-group"), {"name": group_name, "purpose": "information"})
    for name, value in xliff_recorded_values(view):
        sub(group, _q("context"), {"context-type": f"x-{name}"}, value)

    add_notes(
        unit,
        _q("note"),
        "from",
        findings=view.findings,
        hits=view.terms,
        remark=ENGLISH_ONLY_NOTE if view.english_only else None,
        row=view.number,
        accepted=view.accepted,
    )


# --- reading -----------------------------------------------------------------------------

# Namespaces of the XLIFF 1.x versions read back (1.0 had none).
NAMESPACES_READ = frozenset({NS, "urn:oasis:names:tc:xliff:document:1.1", ""})
# Inline elements whose content is native markup of the original file, not translatable text.
_CODES = frozenset({"bpt", "ept", "ph", "it"})


def read_units(root: etree._Element, namespace: str, path: str) -> Parsed:
    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}" if namespace else tag

    require_version(root, path, "XLIFF", "1.")
    files = xliff_files(root, q, path)
    units: list[Unit] = []
    source_name: str | None = None
    target_name: str | None = None
    for file_element in files:
        swapped = is_swapped(
            path, file_element.get("source-language"), file_element.get("target-language")
        )
        source_name = source_name or file_element.get("original")
        for note in file_element.iterfind(f"{q('header')}/{q('note')}"):
            if note.get("from") == TARGET_FILE_NOTE and note.text:
                target_name = target_name or note.text
        for unit in file_element.iter(q("trans-unit")):
            units.append(_unit(unit, q, path, swapped, len(units)))
    return Parsed(tuple(units), source_name, target_name)


def _unit(unit: etree._Element, q: Qualifier, path: str, swapped: bool, ordinal: int) -> Unit:
    source = unit.find(q("source"))
    if source is None:
        raise InputError(path, f"trans-unit {unit.get('id', '?')!r} has no <source>")
    target = unit.find(q("target"))
    source_inline = read_inline(source, _CODES)
    target_inline = read_inline(target, _CODES) if target is not None else Inline("")

    contexts = {
        context.get("context-type", ""): context.text or ""
        for context in unit.iterfind(f"{q('context-group')}/{q('context')}")
    }
    if swapped or f"x-{ZH_IDS}" not in contexts:
        return generic_unit(source_inline, target_inline, swapped, ordinal)

    seg_source = unit.find(q("seg-source"))
    zh_marks = [] if seg_source is None else seg_source.findall(q("mrk"))
    zh_pieces = texts((m for m in zh_marks if m.get("mtype") == "seg"), _CODES)
    return recorded_unit(
        source_inline, zh_pieces or (source_inline.text,), target_inline, contexts, "x-", ordinal
    )
