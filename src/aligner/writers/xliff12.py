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
from aligner.files import write_bytes_atomic
from aligner.model import Report
from aligner.writers.table import unattached_findings
from aligner.writers.xmlcommon import (
    ENGLISH_ONLY_NOTE,
    TARGET_FILE,
    TOOL_ID,
    XML_LANG,
    ZH_MARK_PREFIX,
    UnitView,
    add_notes,
    append_marks,
    file_name,
    root_element,
    serialize,
    source_text,
    sub,
    unit_attributes,
    unit_views,
    xliff_recorded_values,
)

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
    add_notes(header, _q("note"), "from", findings=unattached_findings(report))
    body = sub(file_element, _q("body"))
    for view in unit_views(report):
        _add_trans_unit(body, view)
    return serialize(root, _INLINE_CONTAINERS)


def write_xliff12(report: Report, path: str) -> None:
    write_bytes_atomic(path, render_xliff12(report))


def _state(view: UnitView) -> str:
    if not view.en:
        return "needs-translation"
    if view.needs_review:
        return "needs-review-translation"
    return "final" if view.english_only else "translated"


def _add_trans_unit(body: etree._Element, view: UnitView) -> None:
    unit = sub(body, _q("trans-unit"), unit_attributes(view))
    source_attributes = {} if view.english_only else {XML_LANG: SOURCE_LANG}
    sub(unit, _q("source"), source_attributes, source_text(view))
    if view.zh:
        seg_source = sub(unit, _q("seg-source"), {XML_LANG: SOURCE_LANG})
        marks = [({"mtype": "seg", "mid": f"{ZH_MARK_PREFIX}{s.id}"}, s.text) for s in view.zh]
        append_marks(seg_source, _q("mrk"), marks)
    target_text = view.en_text if view.en else None
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
    )
