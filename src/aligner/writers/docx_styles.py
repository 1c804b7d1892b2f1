"""Page set-up, styles and low-level WordprocessingML properties for the bilingual handout.

python-docx covers fonts, sizes and table widths, but not the properties that make a Chinese
handout come out right in both Word and LibreOffice: the East Asian font slot, the language
tags that select Simplified (not Japanese or Traditional) glyph forms, repeated header rows,
rows that must not break across pages, and cell shading. Those are written here as raw
elements, in the child order the schema prescribes, because Word rejects out-of-order XML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from aligner.formats.rows import markup_safe

LATIN_FONT = "Times New Roman"
CJK_FONT = "SimSun"
ZH_LANG = "zh-CN"
EN_LANG = "en-US"

PAGE_WIDTH_MM = 297
PAGE_HEIGHT_MM = 210
SIDE_MARGIN_MM = 15
TOP_MARGIN_MM = 15
BOTTOM_MARGIN_MM = 15
TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * SIDE_MARGIN_MM

# Shading (hex RGB) for table cells.
HEADER_FILL = "D9E2F3"
MISSING_FILL = "E7E6E6"

# Preferred and admitted terms are marked as "checked against the glossary"; a deprecated or
# forbidden rendering gets a colour that reads as a warning.
TERM_HIGHLIGHT = {
    "preferred": WD_COLOR_INDEX.YELLOW,
    "admitted": WD_COLOR_INDEX.BRIGHT_GREEN,
    "deprecated": WD_COLOR_INDEX.PINK,
    "forbidden": WD_COLOR_INDEX.PINK,
}

ZH_STYLE = "Chinese Text"
EN_STYLE = "English Text"
ZH_READING_STYLE = "Chinese Reading"
EN_READING_STYLE = "English Reading"
TITLE_ZH_STYLE = "Handout Title"
TITLE_EN_STYLE = "Handout Subtitle"
META_STYLE = "Handout Note"
CELL_STYLE = "Table Text"
HEADING_STYLE = "Handout Heading"

_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)  # fmt: skip
_TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)  # fmt: skip
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
)  # fmt: skip
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip


def set_child(parent: Any, name: str, order: Sequence[str], **attributes: str) -> Any:
    """Get or create ``w:<name>`` under ``parent`` at its schema position and set attributes."""
    tag = qn(f"w:{name}")
    element = parent.find(tag)
    if element is None:
        element = OxmlElement(f"w:{name}")
        later = set(order[order.index(name) + 1 :])
        successor = next(
            (child for child in parent if child.tag.split("}")[-1] in later),
            None,
        )
        if successor is None:
            parent.append(element)
        else:
            successor.addprevious(element)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def set_language_fonts(rpr: Any, lang: str) -> None:
    """Give a run-properties element explicit fonts and language tags for ``lang``.

    Explicit font names replace the template's theme fonts, which Word would otherwise
    prefer. ``w:hint="eastAsia"`` makes characters shared by both scripts (curly quotes,
    dashes, ellipses) use the Chinese font inside Chinese text. The language tags matter to
    LibreOffice, which picks Simplified Chinese glyphs for CJK text only when told the
    East Asian language is zh-CN.
    """
    fonts = set_child(rpr, "rFonts", _RPR_ORDER)
    for theme_attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme_attribute}"), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    if lang == "zh":
        fonts.set(qn("w:hint"), "eastAsia")
        set_child(rpr, "lang", _RPR_ORDER, val=ZH_LANG, eastAsia=ZH_LANG)
    else:
        fonts.attrib.pop(qn("w:hint"), None)
        set_child(rpr, "lang", _RPR_ORDER, val=EN_LANG, eastAsia=ZH_LANG)


def mark_run_language(run: Any, lang: str) -> None:
    set_language_fonts(run._r.get_or_add_rPr(), lang)


def add_text_run(paragraph: Any, text: str, lang: str) -> Any:
    """Append a run in the fonts and language of ``lang``, dropping characters XML forbids."""
    run = paragraph.add_run(markup_safe(text))
    mark_run_language(run, lang)
    return run


def set_run_shading(run: Any, fill: str) -> None:
    set_child(run._r.get_or_add_rPr(), "shd", _RPR_ORDER, val="clear", color="auto", fill=fill)


# The words a QA finding is about: a thick coloured underline on a light shade of the same
# colour, so they read differently from glossary terms, which use Word's highlighter.
FINDING_MARK = {
    "error": ("C62828", "F6C4C4"),
    "warning": ("B26A00", "FBDCA8"),
    "info": ("1565C0", "CFE0F5"),
}


def mark_finding_run(run: Any, severity: str) -> None:
    line, fill = FINDING_MARK[severity]
    rpr = run._r.get_or_add_rPr()
    set_child(rpr, "u", _RPR_ORDER, val="thick", color=line)
    set_child(rpr, "shd", _RPR_ORDER, val="clear", color="auto", fill=fill)


def setup_page(document: Any) -> None:
    """Landscape A4: wide enough for two language columns side by side."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(SIDE_MARGIN_MM)
    section.top_margin = Mm(TOP_MARGIN_MM)
    section.bottom_margin = Mm(BOTTOM_MARGIN_MM)
    section.header_distance = section.footer_distance = Mm(7)


def setup_styles(document: Any) -> None:
    """Document defaults and the paragraph styles the handout uses.

    The defaults carry the CJK font and zh-CN East Asian language too, so text typed into
    the handout later by a reviewer comes out right as well.
    """
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    set_language_fonts(rpr_default.find(qn("w:rPr")), "en")

    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15

    def paragraph_style(name: str, lang: str, size: float, base: str = "Normal") -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.font.size = Pt(size)
        set_language_fonts(style.element.get_or_add_rPr(), lang)
        return style

    paragraph_style(ZH_STYLE, "zh", 12)
    paragraph_style(EN_STYLE, "en", 11)
    # Read-aloud text is larger and kept away from the right edge: a landscape line of
    # 260 mm is too long for the eye to find the start of the next line.
    reading_indent = Mm(12)
    for name, lang, size in ((ZH_READING_STYLE, "zh", 14), (EN_READING_STYLE, "en", 12.5)):
        reading = paragraph_style(name, lang, size)
        reading.paragraph_format.left_indent = reading_indent
        reading.paragraph_format.right_indent = Mm(45)
        reading.paragraph_format.line_spacing = 1.25
    zh_reading = styles[ZH_READING_STYLE].paragraph_format
    zh_reading.first_line_indent = -reading_indent
    zh_reading.tab_stops.add_tab_stop(reading_indent)
    zh_reading.space_before = Pt(10)
    zh_reading.space_after = Pt(3)
    zh_reading.keep_with_next = True
    styles[EN_READING_STYLE].paragraph_format.space_after = Pt(6)

    cell = paragraph_style(CELL_STYLE, "en", 9.5)
    cell.paragraph_format.keep_together = True

    title = paragraph_style(TITLE_ZH_STYLE, "zh", 20)
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(4)
    subtitle = paragraph_style(TITLE_EN_STYLE, "en", 15)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(8)
    meta = paragraph_style(META_STYLE, "en", 9)
    meta.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    meta.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    meta.paragraph_format.space_after = Pt(2)
    heading = paragraph_style(HEADING_STYLE, "en", 13)
    heading.font.bold = True
    heading.paragraph_format.space_before = Pt(14)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True


def fix_table_layout(table: Any, widths_mm: Sequence[float]) -> None:
    """Fixed column widths, so long English rows cannot squeeze the number column."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    total = round(sum(widths_mm) * 56.6929)
    set_child(tbl_pr, "tblW", _TBLPR_ORDER, w=str(total), type="dxa")
    set_child(tbl_pr, "tblLayout", _TBLPR_ORDER, type="fixed")
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def keep_row_together(row: Any) -> None:
    set_child(row._tr.get_or_add_trPr(), "cantSplit", _TRPR_ORDER)


def repeat_as_header(row: Any) -> None:
    set_child(row._tr.get_or_add_trPr(), "tblHeader", _TRPR_ORDER)


def shade_cell(cell: Any, fill: str) -> None:
    set_child(cell._tc.get_or_add_tcPr(), "shd", _TCPR_ORDER, val="clear", color="auto", fill=fill)


def add_page_number_field(paragraph: Any) -> None:
    """A PAGE field; Word and LibreOffice fill in the number when they lay out the page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
