"""Which blocks of a web page are the release, and which are the page around it.

A saved news page carries navigation, a breadcrumb, a "Print | Share" line, cookie
notices, "Related news" and a licence footer around the release. trafilatura, the
reference in web-text extraction benchmarks, tells the main text from that boilerplate.
Its own output is not used as the text, though: an extractor may drop a short line of
the release (a dateline, a signature) that it judges to be boilerplate, and the QA
cannot report an omission for text that never arrived. Instead the extract only points
at the release, and the release is then taken whole from the page:

1. the blocks the extract reproduces are located among the page's own blocks;
2. the smallest block-level element holding all of them is the release, and every block
   inside it is kept, whatever the extractor thought of it;
3. the headline above it (the nearest <h1>, unless the release has its own) is kept,
   because extractors file it as metadata, and so is any paragraph of running text
   directly bordering the release;
4. everything else on the page is left out.

The page is read as it is, with nothing left out, whenever that reasoning does not hold:
a bare fragment rather than a whole page (no <nav>, <header>, <footer> or <aside>, and no
link lists around the text: nothing to take away, and whatever an extractor would drop
may be the release's own), no extract, an extract that does not line up with the page's
blocks (then it cannot be trusted to point anywhere), a release element that is the
whole page, a release that holds less than half of the page's running text (the
extractor may have missed part of it), or a page nested too deeply to hand to the
extractor. Chrome that stays in is then classified by the checks, as info.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import regex  # type: ignore[import-untyped, unused-ignore]
from lxml import etree

from aligner.readers.page import Block, PageText
from aligner.readers.text import normalize_text

# Formatting elements carry no block structure. They are unwrapped in the copy handed to
# the extractor, because hundreds of unclosed <font> tags nest the text so deeply that
# the extractor loses what lies below its parser's depth limit.
_FORMATTING = (
    "font", "span", "b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup",
    "tt", "strike", "mark", "abbr", "acronym", "cite", "q", "ins", "bdi", "bdo", "time",
    "data", "label", "kbd", "var", "samp", "dfn", "nobr", "code",
)  # fmt: skip
# Beyond this many nested block elements the extractor slows down sharply; such a page
# is read whole.
_MAX_BLOCK_DEPTH = 400
# A press release page has a few hundred blocks; a page with far more is not one, and is
# read whole rather than lined up with an extract block by block.
_MAX_BLOCKS = 2000
# A matched block that stands alone (not in a run of matches) must be this long, so a
# "Home" or "Share" in the extract cannot pin the release to the navigation.
_LONE_ANCHOR_CHARS = 20
# Share of the extract's characters that must be found among the page's blocks.
_MIN_EXTRACT_MATCHED = 0.5
# Share of the page's running text the release must hold.
_MIN_RELEASE_PROSE = 0.5
# Running text: ends like a sentence and is long enough to say something.
_SENTENCE_END = regex.compile(r"[.!?;。！？；…][\"'”’)）\]]*$")
_WORD = regex.compile(r"[\p{Latin}\d]+")
_HAN = regex.compile(r"\p{Han}")
_PROSE_MIN_WORDS = 8
_PROSE_MIN_HAN = 15
_MAX_PROSE_LINK_SHARE = 0.5
_WHITESPACE = regex.compile(r"\s+")
# What shows that a page is a whole web page, with chrome around the release.
_LANDMARKS = ("nav", "header", "footer", "aside")
_MIN_LINK_BLOCKS_AROUND = 3


def _comparable(text: str) -> str:
    return _WHITESPACE.sub("", normalize_text(text))


def is_prose(block: Block) -> bool:
    """A paragraph of running text, as opposed to a menu entry, heading or link list."""
    text = block.text
    if not _SENTENCE_END.search(text) or block.link_share > _MAX_PROSE_LINK_SHARE:
        return False
    return len(_WORD.findall(text)) >= _PROSE_MIN_WORDS or len(_HAN.findall(text)) >= (
        _PROSE_MIN_HAN
    )


def _extract_lines(root: etree._Element) -> list[str] | None:
    """The main text that trafilatura finds, one entry per paragraph, list item or cell.

    The tree is changed on the way (formatting unwrapped), so it must not be needed
    afterwards.
    """
    import trafilatura

    etree.strip_tags(root, *_FORMATTING)
    try:
        document = trafilatura.bare_extraction(
            root,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:
        # The extract only refines the reading: whatever goes wrong inside the
        # extractor, the page is read whole instead.
        return None
    body = getattr(document, "body", None)
    if body is None:
        return None
    lines: list[str] = []
    for text in body.itertext():
        for line in text.split("\n"):
            comparable = _comparable(line)
            if comparable:
                lines.append(comparable)
    return lines or None


def _anchors(page: PageText, lines: list[str]) -> list[int] | None:
    """Indices of the page blocks that the extract reproduces, in order.

    The two sequences are lined up as wholes, so a line that also appears elsewhere on
    the page (the headline above the article and again inside it) is matched where the
    rest of the extract is, not wherever it happens to occur first.
    """
    blocks = [_comparable(block.text) for block in page.blocks]
    # A line found on more than one block in a hundred is too common to place anything
    # (autojunk), which also keeps a page of one repeated line from taking quadratic time.
    matcher = SequenceMatcher(None, blocks, lines)
    anchors: list[int] = []
    matched_chars = 0
    for start, _, size in matcher.get_matching_blocks():
        run = range(start, start + size)
        matched_chars += sum(len(blocks[i]) for i in run)
        if size >= 2:
            anchors.extend(run)
        elif size == 1 and len(blocks[start]) >= _LONE_ANCHOR_CHARS:
            anchors.append(start)
    if matched_chars < _MIN_EXTRACT_MATCHED * sum(len(line) for line in lines):
        return None
    return sorted(anchors) or None


def _ancestry(page: PageText, container: int) -> list[int]:
    chain = []
    while container != -1:
        chain.append(container)
        container = page.containers[container].parent
    return chain


def _common_container(page: PageText, anchors: list[int]) -> int:
    """The innermost block-level element that holds every anchor block."""
    chain = _ancestry(page, page.blocks[anchors[0]].container)
    position = {container: level for level, container in enumerate(chain)}
    outermost = 0
    for index in anchors[1:]:
        container = page.blocks[index].container
        while container != -1 and container not in position:
            container = page.containers[container].parent
        if container == -1:
            return -1
        outermost = max(outermost, position[container])
    return chain[outermost] if chain else -1


def _headline(page: PageText, first: int) -> int | None:
    """The nearest <h1> above the release, which extractors treat as metadata."""
    for index in range(first - 1, -1, -1):
        container = page.blocks[index].container
        if container != -1 and page.containers[container].tag == "h1":
            return index
    return None


def _has_page_chrome(page: PageText, root: etree._Element, first: int, end: int) -> bool:
    """Whether the page is a whole web page rather than a bare fragment: it has the
    landmarks of one (<nav>, <header>, <footer>, <aside>), or link lists around the
    release (menus, "related news", footer links). Without either there is nothing to
    take away, and whatever an extractor would drop may well be the release's own."""
    if next(root.iter(*_LANDMARKS), None) is not None:
        return True
    outside = (block for i, block in enumerate(page.blocks) if not first <= i < end)
    links = sum(1 for block in outside if block.link_share > _MAX_PROSE_LINK_SHARE)
    return links >= _MIN_LINK_BLOCKS_AROUND


def _has_headline(page: PageText, indices: list[int]) -> bool:
    return any(
        page.blocks[i].container != -1 and page.containers[page.blocks[i].container].tag == "h1"
        for i in indices
    )


def _prose_letters(page: PageText, indices: range | list[int]) -> int:
    return sum(len(page.blocks[i].text) for i in indices if is_prose(page.blocks[i]))


def release_blocks(page: PageText, root: etree._Element) -> tuple[int, ...] | None:
    """Indices of the blocks that make up the release, or None to keep the whole page.

    ``root`` is the parsed page that ``page`` was collected from; it is changed in the
    process.
    """
    if not page.blocks or page.depth > _MAX_BLOCK_DEPTH or len(page.blocks) > _MAX_BLOCKS:
        return None
    if not _has_page_chrome(page, root, 0, 0):
        return None  # not even around an empty release: a bare fragment
    lines = _extract_lines(root)
    anchors = _anchors(page, lines) if lines else None
    if not anchors:
        return None
    container = _common_container(page, anchors)
    if container == -1:
        return None
    first, end = page.containers[container].first, page.containers[container].end
    # Running text right against the release belongs with it (a lead paragraph kept in
    # an element of its own, say).
    while first > 0 and is_prose(page.blocks[first - 1]):
        first -= 1
    while end < len(page.blocks) and is_prose(page.blocks[end]):
        end += 1
    if first == 0 and end == len(page.blocks):
        return None
    if not _has_page_chrome(page, root, first, end):
        return None
    kept = list(range(first, end))
    headline = None if _has_headline(page, kept) else _headline(page, first)
    if headline is not None:
        kept.insert(0, headline)
    total_prose = _prose_letters(page, range(len(page.blocks)))
    if total_prose and _prose_letters(page, kept) < _MIN_RELEASE_PROSE * total_prose:
        return None
    return tuple(kept)
