"""TMX 1.4b translation memory: one ``<tu>`` per link, in document order.

``tuid`` keeps the link's position (``u3`` is the third link, as in the XLIFF files) so a unit
can be traced back to the report. Each unit records, as ``x-`` properties, the sentence ids,
their paragraph numbers, the length of every sentence (TMX has no sentence markers inside
``<seg>``, so lengths are how a 2:1 unit is split again on reading) and the link's confidence.

A one-sided link (an omission or an addition) is a ``<tu>`` with a variant for the language
that has text and none for the other, plus a ``<note>`` saying which side is missing. The DTD
allows a single ``<tuv>``. A TM tool importing Chinese–English pairs finds no pair in such a
unit, rather than an empty translation to learn, and no variant is ever empty; yet a round
trip through the file keeps every sentence and every sentence id.
"""

from __future__ import annotations

from lxml import etree

from aligner import SOURCE_LANG, TARGET_LANG, __version__
from aligner.files import write_bytes_atomic
from aligner.model import Report
from aligner.writers.xmlcommon import (
    CONFIDENCE,
    EN_IDS,
    EN_LENGTHS,
    EN_PARAGRAPHS,
    SOURCE_FILE,
    TARGET_FILE,
    TOOL_ID,
    XML_LANG,
    ZH_IDS,
    ZH_LENGTHS,
    ZH_PARAGRAPHS,
    UnitView,
    file_name,
    format_confidence,
    format_ids,
    serialize,
    sub,
    unit_views,
)

_INLINE_CONTAINERS = frozenset({"seg"})


def render_tmx(report: Report) -> bytes:
    alignment = report.alignment
    root = etree.Element("tmx", {"version": "1.4"})
    header = sub(
        root,
        "header",
        {
            "creationtool": TOOL_ID,
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": SOURCE_LANG,
            "o-tmf": TOOL_ID,
        },
    )
    sub(header, "prop", {"type": f"x-{SOURCE_FILE}"}, file_name(alignment.source.path))
    sub(header, "prop", {"type": f"x-{TARGET_FILE}"}, file_name(alignment.target.path))
    body = sub(root, "body")
    for view in unit_views(report):
        _add_tu(body, view)
    return serialize(root, _INLINE_CONTAINERS)


def write_tmx(report: Report, path: str) -> None:
    write_bytes_atomic(path, render_tmx(report))


def _add_tu(body: etree._Element, view: UnitView) -> None:
    tu = sub(body, "tu", {"tuid": view.key})
    if view.one_sided_note is not None:
        sub(tu, "note", text=view.one_sided_note)
    properties = (
        (ZH_IDS, format_ids(s.id for s in view.zh)),
        (EN_IDS, format_ids(s.id for s in view.en)),
        (ZH_PARAGRAPHS, format_ids(s.paragraph for s in view.zh)),
        (EN_PARAGRAPHS, format_ids(s.paragraph for s in view.en)),
        (ZH_LENGTHS, format_ids(len(s.text) for s in view.zh)),
        (EN_LENGTHS, format_ids(len(s.text) for s in view.en)),
        (CONFIDENCE, format_confidence(view.link.confidence)),
    )
    for name, value in properties:
        sub(tu, "prop", {"type": f"x-{name}"}, value)
    for lang, segments, text in (
        (SOURCE_LANG, view.zh, view.zh_text),
        (TARGET_LANG, view.en, view.en_text),
    ):
        if segments:
            tuv = sub(tu, "tuv", {XML_LANG: lang})
            sub(tuv, "seg", text=text)
