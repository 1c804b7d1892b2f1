"""Readers: encodings, paragraphs, DOCX, HTML, standard input, language checks, bad input."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.errors import InputError
from aligner.model import RawDocument
from aligner.readers import check_side, check_sides, detect_lang, read_document, sniff_format
from aligner.readers.html import read_html
from aligner.readers.safety import ZipLimits, check_zip
from aligner.readers.text import normalize_text, split_paragraphs
from conftest import SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"


ZH = "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%。"
ZH_TRAD = "2024年，我國貨物貿易進出口總值43.85萬億元，同比增長5%。"
EN = "In 2024, China's total imports and exports of goods reached RMB 43.85 trillion."
ZH_LINES = [
    ZH,
    "其中，出口25.45万亿元，增长7.1%；进口18.39万亿元，增长2.3%。",
    "海关总署新闻发言人吕大良在国务院新闻办公室举行的新闻发布会上介绍了有关情况。",
    EN,
]
ZH_TRAD_LINES = [
    ZH_TRAD,
    "其中，出口25.45萬億元，增長7.1%；進口18.39萬億元，增長2.3%。",
    "海關總署新聞發言人在國務院新聞辦公室舉行的新聞發佈會上介紹了有關情況。",
    EN,
]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    target = tmp_path / name
    target.write_bytes(data)
    return str(target)


def read_bytes(tmp_path: Path, data: bytes, name: str = "input.txt", **kwargs: bool) -> RawDocument:
    return read_document(write(tmp_path, name, data), **kwargs)


def problem_of(action: Callable[[], object]) -> str:
    with pytest.raises(InputError) as caught:
        action()
    return caught.value.problem


# --- encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "lines"),
    [
        ("utf-8", ZH_LINES),
        ("utf-8-sig", ZH_LINES),
        ("utf-16", ZH_LINES),
        ("utf-32", ZH_LINES),
        ("gb18030", ZH_LINES),
        ("gbk", ZH_LINES),
        ("gb2312", ZH_LINES),
        ("big5", ZH_TRAD_LINES),
        ("cp950", ZH_TRAD_LINES),
        ("gb18030", ZH_TRAD_LINES),
        ("utf-8", ZH_TRAD_LINES),
    ],
)
def test_encoding_round_trip(tmp_path: Path, encoding: str, lines: list[str]) -> None:
    data = "\n".join(lines).encode(encoding)
    assert read_bytes(tmp_path, data).paragraphs == tuple(lines)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_explicit_bom_round_trip(tmp_path: Path, codec: str) -> None:
    data = ("\ufeff" + "\r\n".join(ZH_LINES)).encode(codec)
    assert read_bytes(tmp_path, data).paragraphs == tuple(ZH_LINES)


def test_utf16_without_bom_is_recognised_by_its_nul_pattern(tmp_path: Path) -> None:
    text = "Customs data\n海关统计数据\n"
    assert read_bytes(tmp_path, text.encode("utf-16-le")).paragraphs == (
        "Customs data",
        "海关统计数据",
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "sample", ["gacc-2025-01-13.zh.txt", "gacc-2025-01-13.en.txt"], ids=["zh", "en"]
)
def test_utf16_without_bom_is_read_on_both_sides(tmp_path: Path, codec: str, sample: str) -> None:
    """Chinese puts NUL bytes on both sides of UTF-16 ("一" is U+4E00), English on one."""
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    expected = read_document(SAMPLES / sample).paragraphs
    assert read_bytes(tmp_path, text.encode(codec)).paragraphs == expected


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_any_ascii_is_read(tmp_path: Path, codec: str) -> None:
    """Pure Chinese in UTF-16 has no NUL byte at all to give it away."""
    text = "海关总署今天发布了二〇二四年全年进出口数据。我国货物贸易进出口总值创历史新高。"
    assert b"\x00" not in text.encode(codec)
    assert read_bytes(tmp_path, text.encode(codec)).paragraphs == (text,)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("中国海关", "gb18030"),
        ("进出口", "gb18030"),
        ("同比增长", "gbk"),
        ("新闻发布会", "gb2312"),
        ("中國海關", "big5"),
        ("進出口", "big5"),
        ("海關總署", "big5"),
        ("香港特別行政區", "big5"),
        ("出口", "gb18030"),
        ("为女", "gb18030"),  # also valid UTF-8 ("ΪŮ"), which must not win
    ],
)
def test_short_chinese_texts_decode_exactly(tmp_path: Path, text: str, encoding: str) -> None:
    assert read_bytes(tmp_path, text.encode(encoding)).paragraphs == (text,)


def test_windows_1252_english_keeps_curly_quotes_and_accents(tmp_path: Path) -> None:
    text = "China\u2019s \u201cnew record\u201d \u2014 a caf\u00e9 in Z\u00fcrich, na\u00efve."
    assert read_bytes(tmp_path, text.encode("cp1252")).paragraphs == (text,)


def test_english_with_a_chinese_link_in_gb18030(tmp_path: Path) -> None:
    lines = ["Home|中文站", "Speech at the State Council Information Office", EN]
    data = "\n".join(lines).encode("gb18030")
    assert read_bytes(tmp_path, data).paragraphs == tuple(lines)


@pytest.mark.parametrize(
    "bom", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
)
def test_byte_order_marks_are_stripped(tmp_path: Path, bom: bytes) -> None:
    codec = {
        b"\xef\xbb\xbf": "utf-8",
        b"\xff\xfe": "utf-16-le",
        b"\xfe\xff": "utf-16-be",
        b"\xff\xfe\x00\x00": "utf-32-le",
        b"\x00\x00\xfe\xff": "utf-32-be",
    }[bom]
    raw = read_bytes(tmp_path, bom + ZH.encode(codec))
    assert raw.paragraphs == (ZH,)


def test_large_gb18030_file_decodes(tmp_path: Path) -> None:
    lines = [f"第{n}段：{ZH}" for n in range(2000)]
    assert read_bytes(tmp_path, "\n".join(lines).encode("gb18030")).paragraphs == tuple(lines)


# --- bad text input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\n  ",
        "\u3000\u3000\n\n".encode(),
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \r\n",
        "\u200b".encode(),
    ],
)
def test_empty_or_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    assert problem_of(lambda: read_bytes(tmp_path, data)) == "the file is empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11\x12\x13",
    ],
)
def test_binary_file_is_refused(tmp_path: Path, data: bytes) -> None:
    assert problem_of(lambda: read_bytes(tmp_path, data)) == "looks like a binary file, not text"


@pytest.mark.parametrize(
    "data",
    [
        # half GB18030, half UTF-8: no single encoding reads both halves
        (ZH * 5).encode("gb18030") + (ZH * 5).encode("utf-8"),
        # UTF-8 with a stray Windows-1252 byte in the middle of Chinese text
        (ZH * 5).encode("utf-8") + b"\x92" + (ZH * 5).encode("utf-8"),
        # Japanese (EUC-JP): decodes as Chinese only into random characters
        ("これは日本語の文章です。東京都では雨が降っています。" * 5).encode("euc_jp"),
        # Korean (EUC-KR): same
        ("이것은 한국어 문장입니다. 서울에는 비가 옵니다." * 5).encode("euc_kr"),
        b"\x81\x82\x83 \xff\xfe\xfd",
    ],
)
def test_undecodable_bytes_are_reported(tmp_path: Path, data: bytes) -> None:
    problem = problem_of(lambda: read_bytes(tmp_path, data))
    assert problem.startswith("cannot decode as text (tried UTF-8, GB18030, Big5")


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.txt")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.path == path
    assert caught.value.problem == "no such file"
    assert str(caught.value) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert problem_of(lambda: read_document(str(tmp_path))) == "is a folder, not a file"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", ZH.encode())

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("aligner.files.os.open", refuse)
    assert problem_of(lambda: read_document(path)) == "permission denied: cannot read the file"


@pytest.mark.parametrize("name", ["release.doc", "release.PDF", "release.rtf"])
def test_unsupported_formats_say_what_to_do(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"{\\rtf1 whatever}")
    assert "not supported" in problem_of(lambda: read_document(path))


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    assert read_bytes(tmp_path, ZH.encode("gb18030"), name="release.md").paragraphs == (ZH,)


def test_path_like_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(ZH, encoding="utf-8")
    raw = read_document(target)
    assert raw.path == str(target)
    assert raw.paragraphs == (ZH,)


# --- normalisation --------------------------------------------------------------------


def test_normalisation_keeps_visible_text_only() -> None:
    text = "Cafe\u0301\r\nzero\u200bwidth\u200d joiner\u2060\rsoft\u00adhyphen\ufeff\x07"
    assert normalize_text(text) == "Café\nzerowidth joiner\nsofthyphen"


def test_newline_styles_and_indents_in_text_files(tmp_path: Path) -> None:
    data = "\u3000\u3000第一段。\r\n\r\n  第二段。\r第三段。\u2028第四段。".encode()
    assert read_bytes(tmp_path, data).paragraphs == ("第一段。", "第二段。", "第三段。", "第四段。")


def test_compatibility_ideographs_are_unified_by_nfc(tmp_path: Path) -> None:
    assert read_bytes(tmp_path, "\uf900".encode()).paragraphs == ("\u8c48",)


# --- paragraphs of text files ---------------------------------------------------------

WRAPPED = """The General Administration of Customs said on Monday that the total value of
China's imports and exports of goods reached 43.85 trillion yuan in 2024, up
five percent year on year, setting a new record high for the country's foreign
trade.
Exports grew faster than imports over the year, the customs spokesman told a
press conference in Beijing, adding that trade with Belt and Road partner
countries accounted for more than half of the total value of foreign trade."""


def test_hard_wrapped_english_is_rejoined() -> None:
    assert split_paragraphs(WRAPPED) == (
        "The General Administration of Customs said on Monday that the total value of "
        "China's imports and exports of goods reached 43.85 trillion yuan in 2024, up "
        "five percent year on year, setting a new record high for the country's foreign "
        "trade.",
        "Exports grew faster than imports over the year, the customs spokesman told a "
        "press conference in Beijing, adding that trade with Belt and Road partner "
        "countries accounted for more than half of the total value of foreign trade.",
    )


def test_hyphen_at_a_wrap_point_is_not_followed_by_a_space() -> None:
    text = (
        "Foreign trade grew steadily through the year and the value of imports rose year-\n"
        "on-year in every quarter, while exports of electrical products and high-tech\n"
        "goods continued to expand at a faster pace than the overall trade in goods.\n"
    )
    (paragraph,) = split_paragraphs(text)
    assert "rose year-on-year in every quarter" in paragraph


def test_press_release_lines_are_kept_as_paragraphs() -> None:
    raw = read_document(str(SAMPLE_ENGLISH))
    assert raw.paragraphs[:3] == (
        "Home|中文站",
        "Speech at the State Council Information Office Press Conference",
        "2024/05/08",
    )
    assert any(p.startswith("In 2024, the total value of China’s imports") for p in raw.paragraphs)
    assert all("\n" not in p for p in raw.paragraphs)


def test_long_sentence_lines_are_not_joined() -> None:
    lines = [
        "In 2024, the total value of China's imports and exports reached a record high.",
        "Exports rose 7.1 percent and imports rose 2.3 percent compared with a year earlier.",
        "Trade with economies along the Belt and Road accounted for over half of the total.",
    ]
    assert split_paragraphs("\n".join(lines)) == tuple(lines)


def test_chinese_lines_are_never_joined() -> None:
    lines = ["海关总署今天发布了" * 8, "全年进出口数据显示外贸" * 8, "规模稳中有增质量优中有升" * 8]
    assert split_paragraphs("\n".join(lines)) == tuple(lines)


def test_split_lines_keeps_one_sentence_per_line_in_blocks(tmp_path: Path) -> None:
    data = b"First sentence.\nSecond sentence.\n \t \nThird sentence.\n  Fourth.  \n\n\nFifth.\n"
    raw = read_bytes(tmp_path, data, split_lines=True)
    assert raw.paragraphs == (
        "First sentence.\nSecond sentence.",
        "Third sentence.\nFourth.",
        "Fifth.",
    )


def test_split_lines_does_not_rejoin_wrapped_text() -> None:
    assert split_paragraphs(WRAPPED, split_lines=True) == (WRAPPED,)


def test_default_mode_whitespace_only_lines_are_blank(tmp_path: Path) -> None:
    raw = read_bytes(tmp_path, "第一段。\n   \n\u3000\n第二段。\n".encode())
    assert raw.paragraphs == ("第一段。", "第二段。")


# --- DOCX -----------------------------------------------------------------------------


def docx_bytes(build: Callable[[Any], object]) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_release(document: Any) -> None:
    document.sections[0].header.paragraphs[0].text = "页眉不读"
    document.add_paragraph("海关总署新闻发布会")
    document.add_paragraph("")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "A1"
    table.cell(0, 1).text = "B1"
    table.cell(1, 0).text = "A2"
    outer = table.cell(1, 1)
    outer.text = "外层"
    inner = outer.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层1"
    inner.cell(0, 1).text = "内层2"
    merged = document.add_table(rows=2, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "横向合并"
    merged.cell(1, 0).merge(merged.cell(1, 1))
    vertical = document.add_table(rows=3, cols=1)
    vertical.cell(0, 0).merge(vertical.cell(2, 0)).text = "纵向合并"
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    document.add_paragraph("结束。")


def test_docx_paragraphs_and_table_cells_in_reading_order(tmp_path: Path) -> None:
    raw = read_bytes(tmp_path, docx_bytes(build_release), name="release.docx")
    assert raw.paragraphs == (
        "海关总署新闻发布会",
        "A1",
        "B1",
        "A2",
        "外层",
        "内层1",
        "内层2",
        "横向合并",
        "纵向合并",
        "第一行",
        "第二行",
        "结束。",
    )


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_tracked_changes_and_hidden_text(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve">进口</w:t></w:r>'))
        paragraph._p.append(
            parse_xml(
                f'<w:del {W_NS} w:id="1" w:author="x">'
                "<w:r><w:delText>删除</w:delText></w:r></w:del>"
            )
        )
        paragraph._p.append(
            parse_xml(f'<w:ins {W_NS} w:id="2" w:author="x"><w:r><w:t>增长</w:t></w:r></w:ins>')
        )
        paragraph._p.append(
            parse_xml(f"<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>")
        )
        paragraph._p.append(
            parse_xml(f'<w:r {W_NS}><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>可见</w:t></w:r>')
        )
        paragraph._p.append(parse_xml(f"<w:r {W_NS}><w:tab/><w:t>2%</w:t></w:r>"))

    raw = read_bytes(tmp_path, docx_bytes(build), name="changes.docx")
    assert raw.paragraphs == ("进口增长可见 2%",)


def rebuild_docx(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """Copy a DOCX, passing each member through ``change`` (None drops the member)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def simple_docx() -> bytes:
    return docx_bytes(lambda document: document.add_paragraph(ZH))


@pytest.mark.parametrize(
    ("make", "detail"),
    [
        (lambda: os.urandom(4096), "not a zip package"),
        (lambda: simple_docx()[: len(simple_docx()) // 2], "not a zip package"),
        (
            lambda: rebuild_docx(
                simple_docx(), lambda name, data: None if name == "word/document.xml" else data
            ),
            "word/document.xml is missing",
        ),
        (
            lambda: rebuild_docx(
                simple_docx(),
                lambda name, data: data[: len(data) // 2] if name == "word/document.xml" else data,
            ),
            "damaged XML",
        ),
        (
            lambda: rebuild_docx(
                simple_docx(),
                lambda name, data: (
                    b'<?xml version="1.0"?><x/>' if name == "word/document.xml" else data
                ),
            ),
            "not a Word document body",
        ),
        (
            lambda: rebuild_docx(simple_docx(), lambda name, data: data.replace(b"word", b"wxrd")),
            "",
        ),
    ],
)
def test_corrupt_docx(tmp_path: Path, make: Callable[[], bytes], detail: str) -> None:
    problem = problem_of(lambda: read_bytes(tmp_path, make(), name="broken.docx"))
    assert problem.startswith("not a valid DOCX file: ")
    assert detail in problem


def test_docx_without_text(tmp_path: Path) -> None:
    data = docx_bytes(lambda document: document.add_paragraph("  "))
    assert problem_of(lambda: read_bytes(tmp_path, data, name="blank.docx")) == (
        "the document has no text"
    )


def test_zero_byte_docx_is_empty(tmp_path: Path) -> None:
    assert problem_of(lambda: read_bytes(tmp_path, b"", name="e.docx")) == "the file is empty"


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    bomb = rebuild_docx(simple_docx(), lambda name, data: data)
    out = io.BytesIO(bomb)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\x00" * (8 * 1024 * 1024))
    problem = problem_of(lambda: read_bytes(tmp_path, out.getvalue(), name="bomb.docx"))
    assert "word/media/padding.bin" in problem
    assert "zip bomb" in problem


def test_docx_with_parent_directory_member_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO(simple_docx())
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("../../evil.txt", b"x")
    problem = problem_of(lambda: read_bytes(tmp_path, out.getvalue(), name="evil.docx"))
    assert "unsafe member name '../../evil.txt'" in problem


def with_doctype(doctype: str, reference: str, part: str = "word/document.xml") -> bytes:
    """A real DOCX whose ``part`` gets ``doctype`` and whose text gets ``reference``."""

    def add(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        xml = data.decode("utf-8")
        end_of_declaration = xml.index("?>") + 2
        xml = xml[:end_of_declaration] + doctype + xml[end_of_declaration:]
        return xml.replace(ZH, ZH + reference).encode("utf-8")

    return rebuild_docx(simple_docx(), add)


def test_docx_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    data = with_doctype(
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<!ENTITY xxe SYSTEM" in archive.read("word/document.xml")

    with pytest.raises(InputError) as caught:
        read_bytes(tmp_path, data, name="xxe.docx")

    assert caught.value.path.endswith("xxe.docx")
    assert caught.value.problem == (
        "the part 'word/document.xml' declares an XML document type (<!DOCTYPE>), which "
        "Word never writes; refusing a file that may try to read other files through XML "
        "entities"
    )
    assert "TOP-SECRET" not in str(caught.value)


def test_docx_external_dtd_is_refused(tmp_path: Path) -> None:
    data = with_doctype(
        '<!DOCTYPE w:document SYSTEM "http://attacker.example/evil.dtd">',
        "",
        part="word/_rels/document.xml.rels",
    )
    problem = problem_of(lambda: read_bytes(tmp_path, data, name="dtd.docx"))
    assert problem.startswith("the part 'word/_rels/document.xml.rels' declares an XML document")


def test_docx_internal_entities_are_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "hahahahahahahahahaha">'
    for level in range(1, 8):
        entities += f'<!ENTITY {chr(97 + level)} "{("&" + chr(96 + level) + ";") * 10}">'
    data = with_doctype(f"<!DOCTYPE w:document [{entities}]>", "&h;")
    problem = problem_of(lambda: read_bytes(tmp_path, data, name="laughs.docx"))
    assert "declares an XML document type (<!DOCTYPE>)" in problem
    assert "haha" not in problem


def test_docx_doctype_after_a_comment_in_utf16_is_refused(tmp_path: Path) -> None:
    def add(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        xml = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        end_of_declaration = xml.index("?>") + 2
        doctype = '<!-- <w:p> --><!DOCTYPE w:document [<!ENTITY x "y">]>'
        xml = xml[:end_of_declaration] + doctype + xml[end_of_declaration:]
        return xml.encode("utf-16")

    data = rebuild_docx(simple_docx(), add)
    assert "<!DOCTYPE>" in problem_of(lambda: read_bytes(tmp_path, data, name="u16.docx"))


def test_docx_without_document_type_is_still_read(tmp_path: Path) -> None:
    """The check looks at the prologue only: a "<!DOCTYPE" inside the text is text."""
    document = docx.Document()
    document.add_paragraph("<!DOCTYPE html> is how a web page starts.")
    buffer = io.BytesIO()
    document.save(buffer)
    raw = read_bytes(tmp_path, buffer.getvalue(), name="doctype-in-text.docx")
    assert raw.paragraphs == ("<!DOCTYPE html> is how a web page starts.",)


def ooxml_package(main_part: str, content_type: str) -> bytes:
    """A minimal Office Open XML package whose main part has ``content_type``."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{content_type}"/></Types>'
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/officeDocument" Target="{main_part}"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", relationships)
        archive.writestr(main_part, '<?xml version="1.0"?><root/>')
    return buffer.getvalue()


OFFICE = "application/vnd.openxmlformats-officedocument"


@pytest.mark.parametrize(
    ("main_part", "content_type", "expected"),
    [
        (
            "xl/workbook.xml",
            f"{OFFICE}.spreadsheetml.sheet.main+xml",
            "is a spreadsheet (XLSX), not a Word document",
        ),
        (
            "ppt/presentation.xml",
            f"{OFFICE}.presentationml.presentation.main+xml",
            "is a presentation (PPTX), not a Word document",
        ),
        (
            "x/main.xml",
            "application/vnd.example.drawing+xml",
            "not a valid DOCX file: its main part is application/vnd.example.drawing+xml, "
            "not a Word document body",
        ),
    ],
)
def test_other_office_files_named_docx_say_what_they_are(
    tmp_path: Path, main_part: str, content_type: str, expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(tmp_path, ooxml_package(main_part, content_type), name="release.docx")
    assert caught.value.problem == expected
    assert "BytesIO" not in str(caught.value)
    assert "0x" not in str(caught.value)


def test_opendocument_text_named_docx_says_what_to_do(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    problem = problem_of(lambda: read_bytes(tmp_path, buffer.getvalue(), name="r.docx"))
    assert problem == ("is an OpenDocument text file (ODT), not a Word document; save it as .docx")


def zip_with(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize(
    "name",
    ["/etc/passwd", "\\windows\\system.ini", "C:/boot.ini", "a/../../b", "..\\up.txt", "ok/.."],
)
def test_check_zip_refuses_unsafe_names(name: str) -> None:
    with pytest.raises(InputError) as caught:
        check_zip(zip_with({name: b"x"}), "a.zip")
    assert "unsafe member name" in caught.value.problem
    assert caught.value.path == "a.zip"


def test_check_zip_accepts_an_ordinary_archive() -> None:
    check_zip(zip_with({"word/document.xml": b"<x/>" * 100, "docs/..name.txt": b"fine"}), "a.zip")


def test_check_zip_member_count_limit() -> None:
    archive = zip_with({f"f{n}.txt": b"x" for n in range(6)})
    with pytest.raises(InputError) as caught:
        check_zip(archive, "a.zip", ZipLimits(max_members=5))
    assert "6 members" in caught.value.problem
    check_zip(archive, "a.zip", ZipLimits(max_members=6))


def test_check_zip_total_size_limit() -> None:
    archive = zip_with({"a.bin": os.urandom(3000), "b.bin": os.urandom(3000)}, zipfile.ZIP_STORED)
    with pytest.raises(InputError) as caught:
        check_zip(archive, "a.zip", ZipLimits(max_total_uncompressed=5000))
    assert "zip bomb" in caught.value.problem
    check_zip(archive, "a.zip", ZipLimits(max_total_uncompressed=6000))


def test_check_zip_ratio_limit_spares_small_members() -> None:
    archive = zip_with({"zeros.bin": b"\x00" * 100_000})
    with pytest.raises(InputError) as caught:
        check_zip(archive, "a.zip", ZipLimits(min_ratio_size=1000))
    assert "'zeros.bin' expands" in caught.value.problem
    check_zip(archive, "a.zip", ZipLimits(min_ratio_size=200_000))


# --- HTML -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>页面标题</title>
<style>p {{ color: red }}</style><script>var note = "脚本内容";</script></head>
<body>
<header>2025年1月13日</header>
<nav><a href="/">首页</a> | <a href="/en">English</a></nav>
<div class="main">
<h1>国务院新闻办公室
新闻发布会</h1>
<p>各位媒体朋友，<br>大家上午好！</p>
<p>{zh}</p>
<div>Loose text<p>inner paragraph</p>tail   text</div>
<ul><li>一</li><li>二 <span>三</span></li></ul>
<table><tr><th>地区</th><td>增长</td></tr></table>
<div hidden>隐藏一</div><div aria-hidden="true">隐藏二</div>
<p style="display: none">隐藏三</p>
<noscript>无脚本</noscript><template><p>模板</p></template><iframe>框架</iframe>
<svg><text>图形</text></svg>
<pre>line 1
line 2</pre>
<!-- 注释 -->
</div>
<footer>海关总署 &copy; 2025 &amp; more</footer>
</body></html>
"""

PAGE_BLOCKS = (
    "2025年1月13日",
    "国务院新闻办公室新闻发布会",
    "各位媒体朋友，",
    "大家上午好！",
    ZH,
    "Loose text",
    "inner paragraph",
    "tail text",
    "一",
    "二 三",
    "地区",
    "增长",
    "line 1",
    "line 2",
    "海关总署 © 2025 & more",
)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_html_visible_blocks_in_reading_order(encoding: str) -> None:
    page = PAGE.format(zh=ZH.replace("43.85万亿元", "<b>43.85万亿元</b>"))
    raw = read_html(page.encode(encoding), "release.html", main_content=False)
    assert raw.paragraphs == PAGE_BLOCKS


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_html_page_header_and_footer_are_not_the_release(tmp_path: Path, encoding: str) -> None:
    page = PAGE.format(zh=ZH.replace("43.85万亿元", "<b>43.85万亿元</b>"))
    raw = read_bytes(tmp_path, page.encode(encoding), name="release.html")
    # The page's date stamp in <header> and its copyright <footer> lie outside the main
    # content; everything inside it stays, short lines and list items included.
    assert raw.paragraphs == PAGE_BLOCKS[1:-1]


def test_html_declared_big5_page(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        f"</head><body><p>{ZH_TRAD}</p></body></html>"
    )
    raw = read_bytes(tmp_path, page.encode("big5"), name="release.htm")
    assert raw.paragraphs == (ZH_TRAD,)


def test_html_without_visible_text(tmp_path: Path) -> None:
    page = b"<html><head><title>only a title</title></head><body><script>x()</script></body></html>"
    problem = problem_of(lambda: read_bytes(tmp_path, page, name="blank.html"))
    assert problem == "the page has no visible text"


def test_empty_html_file(tmp_path: Path) -> None:
    assert problem_of(lambda: read_bytes(tmp_path, b"  \n", name="e.html")) == "the file is empty"


def test_binary_html_file(tmp_path: Path) -> None:
    data = b"\x00\x01\x02\x03\x04\x05\x06\x07\x08"
    assert problem_of(lambda: read_bytes(tmp_path, data, name="b.html")) == (
        "looks like a binary file, not text"
    )


# --- standard input -------------------------------------------------------------------


def test_stdin_text() -> None:
    raw = read_document("-", stdin=io.BytesIO("\n".join(ZH_LINES).encode("gb18030")))
    assert raw.path == "<stdin>"
    assert raw.paragraphs == tuple(ZH_LINES)


def test_stdin_text_split_lines() -> None:
    raw = read_document("-", split_lines=True, stdin=io.BytesIO(b"One.\nTwo.\n\nThree.\n"))
    assert raw.paragraphs == ("One.\nTwo.", "Three.")


def test_stdin_docx_is_sniffed() -> None:
    raw = read_document("-", stdin=io.BytesIO(docx_bytes(build_release)))
    assert raw.path == "<stdin>"
    assert raw.paragraphs[:2] == ("海关总署新闻发布会", "A1")


def test_stdin_html_is_sniffed() -> None:
    page = PAGE.format(zh=ZH).encode("utf-8")
    assert read_document("-", stdin=io.BytesIO(page)).paragraphs == PAGE_BLOCKS[1:-1]


def test_stdin_errors_name_stdin() -> None:
    with pytest.raises(InputError) as caught:
        read_document("-", stdin=io.BytesIO(b""))
    assert caught.value.path == "<stdin>"
    assert caught.value.problem == "the file is empty"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04rest", "docx"),
        (b"<!DOCTYPE html><html></html>", "html"),
        (b"\xef\xbb\xbf  <!-- saved --> <HTML lang='zh'>", "html"),
        (b'<?xml version="1.0"?>\n<!doctype html>', "html"),
        ("\ufeff<html>".encode("utf-16-le"), "html"),
        (b"<p>just a fragment</p>", "text"),
        (b"html is a markup language", "text"),
        (ZH.encode(), "text"),
    ],
)
def test_sniff_format(data: bytes, expected: str) -> None:
    assert sniff_format(data) == expected


# --- language of each side ------------------------------------------------------------


def test_seed_english_release_is_english() -> None:
    raw = read_document(str(SAMPLE_ENGLISH))
    assert detect_lang(raw) == "en"
    check_side(raw, "en")


def test_chinese_paragraph_is_chinese() -> None:
    raw = RawDocument(path="zh.txt", paragraphs=(ZH, ZH_LINES[1]))
    assert detect_lang(raw) == "zh"
    check_side(raw, "zh")


def test_chinese_with_many_acronyms_is_still_chinese() -> None:
    text = "RCEP、WTO、APEC、AEO和CIQ等机制下，海关GDP统计口径与ASEAN、EU、USA贸易数据对比。"
    raw = RawDocument(path="zh.txt", paragraphs=(text,))
    assert detect_lang(raw) == "zh"
    check_side(raw, "zh")


def test_english_given_as_chinese_raises() -> None:
    raw = read_document(str(SAMPLE_ENGLISH))
    with pytest.raises(InputError) as caught:
        check_side(raw, "zh")
    assert caught.value.problem == (
        "looks like English, but it was given as the Chinese (source) file; "
        "are the two files swapped?"
    )


def test_chinese_given_as_english_raises() -> None:
    raw = RawDocument(path="zh.txt", paragraphs=tuple(ZH_LINES))
    with pytest.raises(InputError) as caught:
        check_side(raw, "en")
    assert caught.value.path == "zh.txt"
    assert caught.value.problem == (
        "looks like Chinese, but it was given as the English (target) file; "
        "are the two files swapped?"
    )


def test_two_english_files_are_not_called_swapped() -> None:
    english = RawDocument(path="en.txt", paragraphs=(EN,))
    with pytest.raises(InputError) as caught:
        check_sides(english, english)
    assert caught.value.path == "en.txt"
    assert caught.value.problem == (
        "looks like English, and so does the English (target) file en.txt (the same file "
        "was given twice); the first file must be the Chinese original"
    )
    assert "swapped" not in caught.value.problem


def test_two_chinese_files_are_not_called_swapped() -> None:
    source = RawDocument(path="a.zh.txt", paragraphs=tuple(ZH_LINES))
    target = RawDocument(path="b.zh.txt", paragraphs=tuple(ZH_TRAD_LINES))
    with pytest.raises(InputError) as caught:
        check_sides(source, target)
    assert caught.value.path == "b.zh.txt"
    assert caught.value.problem == (
        "looks like Chinese, and so does the Chinese (source) file a.zh.txt; "
        "the second file must be the English translation"
    )


def test_swapped_files_are_still_called_swapped() -> None:
    chinese = RawDocument(path="zh.txt", paragraphs=tuple(ZH_LINES))
    english = RawDocument(path="en.txt", paragraphs=(EN,))
    with pytest.raises(InputError) as caught:
        check_sides(english, chinese)
    assert caught.value.path == "en.txt"
    assert caught.value.problem.endswith("are the two files swapped?")
    check_sides(chinese, english)  # the right way round is accepted


def test_no_letters_at_all() -> None:
    raw = RawDocument(path="n.txt", paragraphs=("2024/05/08", "43.85 %", "——"))
    with pytest.raises(InputError) as caught:
        detect_lang(raw)
    assert caught.value.problem == "no Chinese or English text found"
    with pytest.raises(InputError):
        check_side(raw, "en")


# --- nothing but InputError escapes ---------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=600), extension=st.sampled_from([".txt", ".docx", ".html", ""]))
def test_arbitrary_bytes_never_raise_anything_but_input_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, extension: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{extension}"
    path.write_bytes(data)
    try:
        raw = read_document(str(path))
    except InputError as error:
        assert error.path == str(path)
        assert error.problem
    else:
        assert raw.paragraphs
        assert all(paragraph.strip() == paragraph and paragraph for paragraph in raw.paragraphs)


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(min_value=1, max_value=4000))
def test_truncated_docx_never_raises_anything_but_input_error(cut: int) -> None:
    data = simple_docx()
    try:
        read_document("-", stdin=io.BytesIO(data[: min(cut, len(data) - 1)]))
    except InputError as error:
        assert error.path == "<stdin>"
