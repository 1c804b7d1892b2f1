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
from aligner.errors import InputError
from aligner.formats.rows import LinkRow, link_rows
from aligner.formats.settings import OutputSettings
from aligner.formats.xmlcommon import (
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
    file_name,
    format_confidence,
    format_ids,
    one_sided_note,
    serialize,
    sub,
)
from aligner.formats.xmlread import (
    Inline,
    Parsed,
    Unit,
    generic_unit,
    primary_subtag,
    read_inline,
    recorded_unit,
    require_version,
    split_by_lengths,
)
from aligner.model import Report

_INLINE_CONTAINERS = frozenset({"seg"})


def tmx_bytes(report: Report, settings: OutputSettings) -> bytes:
    return render_tmx(report)


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
    for view in link_rows(report):
        _add_tu(body, view)
    return serialize(root, _INLINE_CONTAINERS)


def _add_tu(body: etree._Element, view: LinkRow) -> None:
    tu = sub(body, "tu", {"tuid": view.key})
    if one_sided_note(view) is not None:
        sub(tu, "note", text=one_sided_note(view))
    properties = (
        (ZH_IDS, format_ids(s.id for s in view.zh_segments)),
        (EN_IDS, format_ids(s.id for s in view.en_segments)),
        (ZH_PARAGRAPHS, format_ids(s.paragraph for s in view.zh_segments)),
        (EN_PARAGRAPHS, format_ids(s.paragraph for s in view.en_segments)),
        (ZH_LENGTHS, format_ids(len(s.text) for s in view.zh_segments)),
        (EN_LENGTHS, format_ids(len(s.text) for s in view.en_segments)),
        (CONFIDENCE, format_confidence(view.link.confidence)),
    )
    for name, value in properties:
        sub(tu, "prop", {"type": f"x-{name}"}, value)
    for lang, segments, text in (
        (SOURCE_LANG, view.zh_segments, view.zh),
        (TARGET_LANG, view.en_segments, view.en),
    ):
        if segments:
            tuv = sub(tu, "tuv", {XML_LANG: lang})
            sub(tuv, "seg", text=text)


# --- reading -----------------------------------------------------------------------------

# Inline elements whose content is native markup of the original file, not translatable text.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


def read_units(root: etree._Element, path: str) -> Parsed:
    require_version(root, path, "TMX", "1.")
    body = root.find("body")
    if body is None:
        raise InputError(path, "TMX file without a <body> element")
    header_props = _props(root.find("header"))
    units: list[Unit] = []
    for tu in body.iter("tu"):
        unit = _unit(tu, path, len(units))
        if unit is not None:
            units.append(unit)
    return Parsed(
        tuple(units), header_props.get(f"x-{SOURCE_FILE}"), header_props.get(f"x-{TARGET_FILE}")
    )


def _props(element: etree._Element | None) -> dict[str, str]:
    if element is None:
        return {}
    found: dict[str, str] = {}
    for prop in element.iterfind("prop"):
        found.setdefault(prop.get("type", ""), prop.text or "")
    return found


def _unit(tu: etree._Element, path: str, ordinal: int) -> Unit | None:
    """The Chinese and English variants of a ``<tu>``; None when it has neither."""
    texts: dict[str, Inline] = {}
    for tuv in tu.iterfind("tuv"):
        seg = tuv.find("seg")
        if seg is None:
            raise InputError(path, f"translation unit {tu.get('tuid', '?')!r} has no <seg>")
        lang = primary_subtag(tuv.get(XML_LANG) or tuv.get("lang"))
        if lang in ("zh", "en"):
            texts.setdefault(lang, read_inline(seg, _CODES))
    if not texts:
        return None
    zh, en = texts.get("zh", Inline("")), texts.get("en", Inline(""))
    props = _props(tu)
    if f"x-{ZH_IDS}" not in props:
        return generic_unit(zh, en, False, ordinal)
    zh_pieces = split_by_lengths(zh.text, props.get(f"x-{ZH_LENGTHS}"), "zh")
    return recorded_unit(zh, zh_pieces, en, props, "x-", ordinal)
