"""HTML reading: charset labels, document type declarations, and text at any depth.

Every page here is generated in the test. The deep and malformed ones check that every
character of the text a browser would show reaches a sentence: nothing dropped below a
parser's nesting limit, nothing refused as "no visible text".
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.errors import InputError
from aligner.model import RawDocument
from aligner.readers import check_side, read_bytes, read_document
from aligner.readers.html import declared_codec, read_html, strip_doctype
from aligner.segment import segment

ZH = "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。"
EN = "In 2024, China's total imports and exports of goods reached RMB 43.85 trillion."


def sentences(raw: RawDocument, lang: str) -> list[str]:
    return [s.text for s in segment(raw, lang).segments]  # type: ignore[arg-type]


def letters(text: str) -> str:
    """The visible characters of a text, without the whitespace a reader may fold."""
    return re.sub(r"\s+", "", text)


# --- charset labels that are not character sets -------------------------------------------

NON_TEXT_CODECS = ["base64", "hex", "rot13", "rot-13", "uu", "zlib", "bz2", "quopri",
                   "punycode", "idna", "unicode_escape", "utf-7", "undefined"]  # fmt: skip


def labelled_page(label: str, body: bytes) -> bytes:
    return (
        f'<html><head><meta charset="{label}"><title>t</title></head><body><p>'.encode("ascii")
        + body
        + b"</p></body></html>"
    )


@pytest.mark.parametrize("label", NON_TEXT_CODECS)
def test_non_text_codec_label_is_ignored(label: str) -> None:
    english = "China\u2019s caf\u00e9 trade rose. Exports grew by 7.1%."
    page = labelled_page(label, english.encode("cp1252"))  # not valid UTF-8
    assert read_html(page, "label.html").paragraphs == (english,)


@pytest.mark.parametrize("label", ["base64", "hex", "zlib"])
def test_non_text_codec_label_on_a_chinese_page(label: str) -> None:
    raw = read_html(labelled_page(label, ZH.encode("gb18030")), "zh.html")
    assert raw.paragraphs == (ZH,)
    check_side(raw, "zh")


@pytest.mark.parametrize("label", ["base64", "rot13"])
def test_non_text_codec_label_on_standard_input_and_archive_members(label: str) -> None:
    page = b"<!DOCTYPE html>" + labelled_page(label, ZH.encode("gb18030"))
    assert read_document("-", stdin=io.BytesIO(page)).paragraphs == (ZH,)
    assert read_bytes(page, "member.html").paragraphs == (ZH,)


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        (b'<meta charset="gb2312">', "gb18030"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gb18030"),
        (b'<meta charset="iso-8859-1">', "cp1252"),
        (b'<meta charset="big5">', "big5"),
        (b'<?xml version="1.0" encoding="windows-1252"?>', "cp1252"),
        (b'<meta charset="base64">', None),
        (b'<meta charset="utf-16">', None),
        (b'<meta charset="no-such-codec">', None),
    ],
)
def test_declared_codec(declaration: bytes, expected: str | None) -> None:
    assert declared_codec(declaration + b"<p>x</p>") == expected


# --- a declared label is checked against the bytes -------------------------------------------


def test_chinese_bytes_with_a_wrong_western_label_are_read_as_chinese(tmp_path: Path) -> None:
    lines = [ZH, "海关总署新闻发言人在国务院新闻办公室举行的新闻发布会上介绍了有关情况。"]
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    path = tmp_path / "release.html"
    path.write_bytes(page.encode("gbk"))

    raw = read_document(path)

    assert raw.paragraphs == tuple(lines)
    check_side(raw, "zh")  # not "looks like English ... swapped?"


def test_a_right_western_label_is_kept() -> None:
    english = "China\u2019s \u201cnew record\u201d \u2014 a caf\u00e9 in Z\u00fcrich."
    page = labelled_page("iso-8859-1", english.encode("cp1252"))
    assert read_html(page, "en.html").paragraphs == (english,)


def test_a_right_big5_label_is_kept() -> None:
    traditional = "2024年，我國貨物貿易進出口總值43.85萬億元，同比增長5%。"
    page = labelled_page("big5", traditional.encode("big5"))
    assert read_html(page, "hk.html").paragraphs == (traditional,)


# --- document type declarations ----------------------------------------------------------------


def test_internal_subset_and_its_entities_are_not_text() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"> '
        '<!ENTITY note "a ]> inside quotes">]>\n'
        "<html><body><p>&xxe;</p><p>Customs data &amp; figures &xxe;&note;.</p>"
        "<p>&copy; GACC</p></body></html>"
    )
    raw = read_html(page.encode("utf-8"), "xxe.html")
    assert raw.paragraphs == ("Customs data & figures .", "© GACC")
    assert not any("]>" in p or "&xxe" in p or "passwd" in p for p in raw.paragraphs)


def test_ordinary_doctypes_are_removed_and_unknown_references_left_alone() -> None:
    assert strip_doctype("<!DOCTYPE html><p>a &foo; b</p>") == "<p>a &foo; b</p>"
    legacy = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
    )
    assert strip_doctype(legacy + "<p>x</p>") == "<p>x</p>"


# --- no text lost at any depth -----------------------------------------------------------------

PARAGRAPHS = [
    "Customs supervised 5.603 billion tons of imported and exported goods.",
    "We introduced 16 measures to optimize the business environment at ports.",
    "Special trade facilitation initiatives were launched in 20 cities.",
]


def nested_divs(depth: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def unclosed_fonts(count: int) -> str:
    """Old sites: a <font> opened for every paragraph and never closed."""
    return "<html><body>" + "".join(
        f'<font face="SimSun" size="3">{PARAGRAPHS[i % 3]} Item {i}.<br>' for i in range(count)
    )


def nested_tables(depth: int) -> str:
    cells = "".join(f"<table><tr><td>{PARAGRAPHS[i % 3]}" for i in range(depth))
    return f"<html><body>{cells}</body></html>"


def misnested_inline(count: int) -> str:
    return "<html><body><p>" + "".join(
        f"<b><i>{PARAGRAPHS[i % 3]}</b></i><span>" for i in range(count)
    )


def visible_text(page: str) -> str:
    """What a browser shows for these generated pages: the text between the tags."""
    return letters(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize(
    "page",
    [
        nested_divs(300),
        nested_divs(3000),
        unclosed_fonts(300),
        unclosed_fonts(3000),
        nested_tables(300),
        misnested_inline(500),
    ],
    ids=["div-300", "div-3000", "font-300", "font-3000", "table-300", "misnested-500"],
)
def test_every_character_of_a_deep_page_reaches_a_sentence(page: str) -> None:
    raw = read_html(page.encode("utf-8"), "deep.html")
    assert letters("".join(sentences(raw, "en"))) == visible_text(page)


def test_deep_chinese_page_is_not_refused_as_empty() -> None:
    page = "<html><body>" + "<div>" * 400 + f"<p>{ZH}</p>" + "</div>" * 400 + "</body></html>"
    raw = read_html(page.encode("utf-8"), "deep.zh.html")
    assert raw.paragraphs == (ZH,)


def test_nesting_deeper_than_any_parser_limit_keeps_its_text() -> None:
    depth = 20_000
    page = "<html><body>" + "".join(f"<span>w{i} " for i in range(depth)) + "</body></html>"
    raw = read_html(page.encode("utf-8"), "very-deep.html")
    assert raw.paragraphs == (" ".join(f"w{i}" for i in range(depth)),)


# No links or page landmarks: a bare fragment, which is read whole.
_TAGS = ["div", "p", "span", "font", "b", "i", "section", "blockquote", "li", "ul", "em"]
_WORDS = st.sampled_from(["Customs", "trade", "rose", "5.6%", "in", "2024.", "海关", "增长。"])


@st.composite
def tag_soup(draw: st.DrawFn) -> tuple[str, str]:
    """A page of random, often unclosed or misnested tags, and the text it shows."""
    parts: list[str] = ["<html><body>"]
    shown: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=120))):
        kind = draw(st.sampled_from(["open", "close", "text", "text"]))
        tag = draw(st.sampled_from(_TAGS))
        if kind == "open":
            parts.append(f"<{tag}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        else:
            words = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=6)))
            parts.append(f" {words} ")
            shown.append(words)
    return "".join(parts), letters("".join(shown))


@settings(max_examples=80, deadline=None)
@given(soup=tag_soup(), wrappers=st.integers(min_value=0, max_value=400))
def test_every_character_of_tag_soup_reaches_a_sentence(
    soup: tuple[str, str], wrappers: int
) -> None:
    page, shown = soup
    page = page.replace("<body>", "<body>" + "<font>" * wrappers, 1)
    if not shown:
        return
    try:
        raw = read_html(page.encode("utf-8"), "soup.html")
    except InputError as error:
        pytest.fail(f"refused a page with text: {error}")
    lang = "zh" if "海关" in shown else "en"
    assert letters("".join(sentences(raw, lang))) == shown


@pytest.mark.parametrize(
    "hostile",
    [
        "<!DOCTYPE x [" + "<!-- " * 2000,
        "<!DOCTYPE " + '"' * 2001,
        "<!doctype " * 2000,
        "<!DOCTYPE x [" + "[" * 2000,
    ],
    ids=["open-comments", "open-quote", "repeated", "open-brackets"],
)
def test_unterminated_document_type_declarations_leave_the_text_to_the_parser(
    hostile: str,
) -> None:
    page = f"<html><body><p>{EN}</p>{hostile}</body></html>"
    assert strip_doctype(page).startswith(f"<html><body><p>{EN}</p>")
    assert read_html(page.encode("utf-8"), "hostile.html").paragraphs[0] == EN


@pytest.mark.parametrize(
    "page",
    [b"<!-- only a comment -->", b"</p>", b"<?xml version='1.0'?>", b"<!DOCTYPE html>"],
)
def test_page_without_any_element_has_no_visible_text(page: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_html(page, "blank.html")
    assert caught.value.problem == "the page has no visible text"
