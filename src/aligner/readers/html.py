"""HTML input: the visible text blocks of a saved web page, in reading order.

Press releases are often saved straight from a ministry web site, so menus, scripts,
hidden elements and the page title must not end up as "sentences" of the release, while
a header or footer may hold the date and stays.
"""

from __future__ import annotations

import codecs

import regex  # type: ignore[import-untyped, unused-ignore]
from lxml import etree

from aligner.errors import InputError
from aligner.model import RawDocument
from aligner.readers.text import EMPTY_PROBLEM, decode_text, normalize_text, reject_binary

# Elements that start and end a block of text; anything else is inline and flows into
# the surrounding block.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Never visible as running text of the release.
_DROPPED = frozenset(
    {
        "head", "title", "script", "style", "noscript", "template", "nav", "iframe",
        "svg", "math", "object", "embed", "canvas", "audio", "video", "select",
        "datalist", "button", "input", "textarea", "map",
    }
)  # fmt: skip
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_HTML_SPACE = regex.compile(r"[ \t\n\r\f]+")
# A line break in the source between two Chinese characters is not a space on screen.
_CJK_WRAP = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef])[ \t\r\f]*\n[ \t\n\r\f]*"
    r"(?=[\p{Han}\u3000-\u303f\uff00-\uffef])"
)
_META_CHARSET = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE
)
_SNIFF_BYTES = 4096


def _declared_codec(data: bytes) -> str | None:
    """The codec named by a <meta charset> or http-equiv declaration, if Python knows it."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # Browsers read these labels as their supersets, and so do Chinese sites' authors.
    if name in ("gb2312", "gbk", "euc_cn"):
        return "gb18030"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def decode_html(data: bytes, path: str) -> str:
    """Decode a page: a byte-order mark or valid UTF-8 first, then the declared charset,
    then the same guessing as for plain text.

    UTF-8 goes before the declaration because pages copied between systems often keep a
    stale charset; valid multi-byte UTF-8 is practically never an accident.
    """
    if b"\x00" in data or data.startswith(codecs.BOM_UTF8):
        # Byte-order marks, UTF-16 and binary data are told apart as for plain text.
        return decode_text(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _declared_codec(data)
        try:
            text = data.decode(declared) if declared else decode_text(data, path)
        except UnicodeDecodeError:
            text = decode_text(data, path)
    reject_binary(text, path)
    return text


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


class _BlockCollector:
    """Accumulates inline text and cuts it into blocks at block edges and line breaks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._current: list[str] = []

    def add(self, text: str | None, *, preformatted: bool) -> None:
        if not text:
            return
        if preformatted:
            lines = text.split("\n")
            self._current.append(lines[0])
            for line in lines[1:]:
                self.cut()
                self._current.append(line)
        else:
            self._current.append(text)

    def cut(self) -> None:
        raw = "".join(self._current)
        self._current = []
        text = _HTML_SPACE.sub(" ", _CJK_WRAP.sub("", raw)).strip()
        if text:
            self.blocks.append(text)

    def walk(self, element: etree._Element, *, preformatted: bool = False) -> None:
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                name = tag.rsplit("}", 1)[-1].lower()
                if name in _DROPPED or _is_hidden(child):
                    pass
                elif name == "br":
                    self.cut()
                elif name in _BLOCKS:
                    inner_pre = preformatted or name == "pre"
                    self.cut()
                    self.add(child.text, preformatted=inner_pre)
                    self.walk(child, preformatted=inner_pre)
                    self.cut()
                else:
                    self.add(child.text, preformatted=preformatted)
                    self.walk(child, preformatted=preformatted)
            self.add(child.tail, preformatted=preformatted)


def html_blocks(text: str) -> tuple[str, ...]:
    """Visible text blocks of an HTML document given as a string."""
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    root = etree.fromstring(text.encode("utf-8"), parser)
    if root is None:
        return ()
    body = root.find("body")
    collector = _BlockCollector()
    start = body if body is not None else root
    collector.add(start.text, preformatted=False)
    collector.walk(start)
    collector.cut()
    return tuple(normalize_text(block) for block in collector.blocks)


def read_html(data: bytes, path: str) -> RawDocument:
    """Read an HTML page held in memory; every failure becomes an InputError."""
    text = normalize_text(decode_html(data, path))
    if not text.strip():
        raise InputError(path, EMPTY_PROBLEM)
    try:
        blocks = html_blocks(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise InputError(path, f"not a readable HTML file ({error})") from None
    paragraphs = tuple(block for block in blocks if block.strip())
    if not paragraphs:
        raise InputError(path, "the page has no visible text")
    return RawDocument(path=path, paragraphs=paragraphs)
