"""HTML input: the visible text blocks of a saved web page, in reading order.

Press releases are often saved straight from a ministry web site, so menus, scripts,
hidden elements and the page title must not end up as "sentences" of the release. The
page is read in two steps: every visible block of text is collected here, then
:mod:`aligner.readers.main_content` decides which of those blocks are the release and
which are the page around it.

Old sites nest hundreds of unclosed ``<font>`` tags, and libxml2 silently drops whatever
lies deeper than its nesting limit when it builds a tree itself. So the tree is built by
lxml's TreeBuilder from parser events, which has no such limit, and walked with an
explicit stack instead of recursion.
"""

from __future__ import annotations

import codecs
import html.entities
from collections.abc import Iterator

import regex  # type: ignore[import-untyped, unused-ignore]
from lxml import etree
from lxml import html as lxml_html

from aligner.errors import InputError
from aligner.model import RawDocument
from aligner.readers.main_content import release_blocks
from aligner.readers.page import Block, Container, PageText
from aligner.readers.text import (
    EMPTY_PROBLEM,
    decode_declared,
    decode_text,
    normalize_text,
    reject_binary,
)

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
_NOT_SPACE = regex.compile(r"\S")
# A line break in the source between two Chinese characters is not a space on screen.
_CJK_WRAP = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef])[ \t\r\f]*\n[ \t\n\r\f]*"
    r"(?=[\p{Han}\u3000-\u303f\uff00-\uffef])"
)

# --- encoding ------------------------------------------------------------------------

_DECLARED_CHARSET = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    regex.IGNORECASE,
)
_SNIFF_BYTES = 4096
# Python's codec registry also knows base64, hex, rot13, zlib, punycode and the like,
# none of which a page can be written in; only character sets that web pages use are
# taken from a declaration. UTF-16 is absent on purpose: a page whose bytes reach the
# declaration check is not UTF-16, and browsers ignore that label in a <meta> too.
_WEB_CHARSET = regex.compile(
    r"utf-8|ascii|latin-1|iso8859-\d+|cp\d+|koi8-\w+|mac-[a-z]+|gb\w*|big5\w*|hz"
    r"|euc_\w+|shift_jis\w*|iso2022_\w+|tis-620|johab|ptcp154|kz1048|hp-roman8"
)


def declared_codec(data: bytes) -> str | None:
    """The codec named by a <meta charset>, http-equiv or XML declaration, if it is a
    character set that Python can decode; any other label counts as no label at all."""
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = match.group(1) or match.group(2)
    try:
        name = codecs.lookup(label.decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if not _WEB_CHARSET.fullmatch(name):
        return None
    # Browsers read these labels as their supersets, and so do Chinese sites' authors.
    if name in ("gb2312", "gbk", "euc_cn"):
        return "gb18030"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def decode_html(data: bytes, path: str) -> str:
    """Decode a page: a byte-order mark or valid UTF-8 first, then the declared charset
    if the bytes bear it out, then the same guessing as for plain text.

    UTF-8 goes before the declaration because pages copied between systems often keep a
    stale charset; valid multi-byte UTF-8 is practically never an accident.
    """
    if b"\x00" in data or data.startswith(codecs.BOM_UTF8):
        # Byte-order marks, UTF-16 and binary data are told apart as for plain text.
        return decode_text(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = declared_codec(data)
        text = decode_declared(data, declared, path) if declared else decode_text(data, path)
    reject_binary(text, path)
    return text


# --- document type declarations --------------------------------------------------------

# A DOCTYPE with an internal subset ("<!DOCTYPE html [ <!ENTITY ...> ]>") means nothing
# to an HTML parser, which would show its tail as text.
_DOCTYPE_START = regex.compile(r"<!DOCTYPE", regex.IGNORECASE)
# Characters that change the state of the scan through a declaration.
_DOCTYPE_SPECIAL = regex.compile(r"""["'<\[\]>]""")
_ENTITY_DECLARATION = regex.compile(r"<!ENTITY\s+([^\s%][^\s\"'>]*)")
_ENTITY_REFERENCE = regex.compile(r"&([^\s&;<>\"']+);")


def _declaration_end(text: str, start: int) -> tuple[int, str] | None:
    """Where the document type declaration at ``start`` ends, and its internal subset.

    Quoted strings and comments are skipped as units, so a "]>" inside them does not end
    the declaration early. None if it never ends; the scan is linear either way, so a
    hostile page of unterminated declarations cannot make it slow.
    """
    position = start + len("<!DOCTYPE")
    subset_start = position
    subset = ""
    in_subset = False
    while True:
        special = _DOCTYPE_SPECIAL.search(text, position)
        if special is None:
            return None
        position = special.start()
        char = text[position]
        if char in "\"'":
            close = text.find(char, position + 1)
            if close == -1:
                return None
            position = close + 1
        elif char == "<":
            if in_subset and text.startswith("<!--", position):
                close = text.find("-->", position + 4)
                if close == -1:
                    return None
                position = close + 3
            else:
                position += 1
        elif char == "[" and not in_subset:
            in_subset = True
            subset_start = position + 1
            position += 1
        elif char == "]" and in_subset:
            in_subset = False
            subset = text[subset_start:position]
            position += 1
        elif char == ">" and not in_subset:
            return position + 1, subset
        else:
            position += 1


def strip_doctype(text: str) -> str:
    """Remove document type declarations, and references to the entities they declare.

    Such entities are never expanded (expanding them is how XML external entity
    attacks read local files), and a reference like "&xxe;" is not text of the release
    either, so it goes with its declaration. HTML's own named characters stay.
    """
    kept: list[str] = []
    declared: set[str] = set()
    position = 0
    while (start := _DOCTYPE_START.search(text, position)) is not None:
        found = _declaration_end(text, start.start())
        if found is None:
            break  # unterminated: the parser gets the rest as it is
        end, subset = found
        kept.append(text[position : start.start()])
        declared.update(_ENTITY_DECLARATION.findall(subset))
        position = end
    kept.append(text[position:])
    text = "".join(kept)
    declared = {name for name in declared if f"{name};" not in html.entities.html5}
    if not declared:
        return text
    return _ENTITY_REFERENCE.sub(
        lambda reference: "" if reference.group(1) in declared else reference.group(0), text
    )


# --- parsing and walking ---------------------------------------------------------------


def parse_page(text: str) -> etree._Element | None:
    """Parse a page into an lxml.html tree without libxml2's nesting limit."""
    builder = etree.TreeBuilder(parser=lxml_html.html_parser)
    parser = etree.HTMLParser(
        target=builder,
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root: etree._Element | None = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        # The HTML parser recovers from everything but a page without a single element
        # ("<!-- only a comment -->"), where the tree builder has nothing to return.
        return None
    return root


def _local_name(element: etree._Element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1].lower()


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _visible_children(element: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
    """Children with their local names; None stands for one whose content is not shown."""
    for child in element:
        name = _local_name(child)
        if name is None or name in _DROPPED or _is_hidden(child):
            yield child, None
        else:
            yield child, name


class _PageBuilder:
    """Accumulates inline text and cuts it into blocks at block edges and line breaks,
    remembering for each block which block-level element holds it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tags: list[str] = []
        self.parents: list[int] = []
        self.firsts: list[int] = []
        self.ends: list[int] = []
        self._open: list[int] = []
        self._pieces: list[str] = []
        self._link_chars = 0
        self._links_open = 0
        self._pre_open = 0
        self.depth = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self._links_open:
            self._link_chars += len(_NOT_SPACE.findall(text))
        if self._pre_open:
            lines = text.split("\n")
            self._pieces.append(lines[0])
            for line in lines[1:]:
                self.cut()
                self._pieces.append(line)
        else:
            self._pieces.append(text)

    def cut(self) -> None:
        raw = "".join(self._pieces)
        link_chars = self._link_chars
        self._pieces = []
        self._link_chars = 0
        text = normalize_text(_HTML_SPACE.sub(" ", _CJK_WRAP.sub("", raw)).strip()).strip()
        if text:
            home = self._open[-1] if self._open else -1
            self.blocks.append(Block(text=text, container=home, link_chars=link_chars))

    def enter(self, name: str) -> None:
        if name in _BLOCKS:
            self.cut()
            self.parents.append(self._open[-1] if self._open else -1)
            self._open.append(len(self.tags))
            self.depth = max(self.depth, len(self._open))
            self.tags.append(name)
            self.firsts.append(len(self.blocks))
            self.ends.append(len(self.blocks))
        elif name == "br":
            self.cut()
        if name == "a":
            self._links_open += 1
        if name == "pre":
            self._pre_open += 1

    def leave(self, name: str) -> None:
        if name == "a":
            self._links_open -= 1
        if name == "pre":
            self._pre_open -= 1
        if name in _BLOCKS:
            self.cut()
            self.ends[self._open.pop()] = len(self.blocks)


def collect_page(root: etree._Element) -> PageText:
    """Every visible text block of a parsed page, with the page's block structure."""
    builder = _PageBuilder()
    root_name = _local_name(root) or "html"
    builder.enter(root_name)
    builder.add(root.text)
    # The stack keeps each open element alive: lxml frees an element's proxy by
    # walking up to the nearest ancestor that still has one, which is the parent here
    # (with nothing alive above, every step of the walk would cost the whole depth).
    stack: list[tuple[etree._Element, str, Iterator[tuple[etree._Element, str | None]]]] = [
        (root, root_name, _visible_children(root))
    ]
    while stack:
        element, name, children = stack[-1]
        step = next(children, None)
        if step is None:
            stack.pop()
            builder.leave(name)
            if stack:
                builder.add(element.tail)
            continue
        child, child_name = step
        if child_name is None:
            builder.add(child.tail)
            continue
        builder.enter(child_name)
        builder.add(child.text)
        stack.append((child, child_name, _visible_children(child)))
    builder.cut()
    containers = tuple(
        Container(tag=tag, parent=parent, first=first, end=end)
        for tag, parent, first, end in zip(
            builder.tags, builder.parents, builder.firsts, builder.ends, strict=True
        )
    )
    return PageText(
        blocks=tuple(builder.blocks),
        containers=containers,
        depth=builder.depth,
    )


def read_html(data: bytes, path: str, *, main_content: bool = True) -> RawDocument:
    """Read an HTML page held in memory; every failure becomes an InputError.

    With ``main_content`` (the default) the page around the release (navigation,
    related links, cookie notices, footers) is left out when the page has any; see
    :func:`aligner.readers.main_content.release_blocks` for when that applies.
    """
    text = normalize_text(decode_html(data, path))
    if not text.strip():
        raise InputError(path, EMPTY_PROBLEM)
    try:
        root = parse_page(strip_doctype(text))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise InputError(path, f"not a readable HTML file ({error})") from None
    if root is None:
        raise InputError(path, "the page has no visible text")
    page = collect_page(root)
    if not page.blocks:
        raise InputError(path, "the page has no visible text")
    kept = release_blocks(page, root) if main_content else None
    indices = range(len(page.blocks)) if kept is None else kept
    return RawDocument(path=path, paragraphs=tuple(page.blocks[i].text for i in indices))
