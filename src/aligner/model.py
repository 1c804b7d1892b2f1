"""The document model shared by every stage of the pipeline.

Data flows one way: readers produce :class:`RawDocument`, segmenters turn it into a
:class:`Document`, the aligner links two documents into an :class:`Alignment`, checks add
:class:`Finding` objects, and writers consume a :class:`Report`. All of these are frozen
dataclasses so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class RawDocument:
    """Text as read from a file, before sentence segmentation.

    ``paragraphs`` keeps the file's own paragraph structure (a DOCX paragraph or table
    cell, an HTML block, a line of a text file); segmenters never merge across it.
    """

    path: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Segment:
    """One sentence (or heading, date or signature line) of a document."""

    id: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Document:
    """A segmented document on one side of the alignment (``lang`` is "zh" or "en")."""

    path: str
    lang: str
    segments: tuple[Segment, ...]

    def texts(self, ids: tuple[int, ...]) -> str:
        """Join the text of several sentences the way a reader would see them."""
        sep = "" if self.lang == "zh" else " "
        return sep.join(self.segments[i].text for i in ids)


@dataclass(frozen=True)
class Link:
    """A bead of the alignment: Chinese sentence ids, English sentence ids, confidence.

    Either side may be empty (an omission or an addition), never both.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float


@dataclass(frozen=True)
class Alignment:
    """Two documents and the links between them, in document order.

    Every sentence of both sides is in exactly one link, and links are monotonic.
    """

    source: Document
    target: Document
    links: tuple[Link, ...]


class Severity(str, Enum):
    """How much a finding matters; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Finding:
    """One QA observation about one link, the shared output type of every check.

    ``zh`` and ``en`` carry the text of the link so that a finding can be read (and
    written to XLIFF or HTML) without the alignment at hand.
    """

    check: str
    severity: Severity
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh: str
    en: str
    message: str


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in one sentence, for highlighting in deliverables.

    ``start``/``end`` are character offsets into the segment's text.
    """

    lang: str
    segment_id: int
    start: int
    end: int
    zh_term: str
    en_term: str
    status: str = "preferred"


@dataclass(frozen=True)
class Report:
    """Everything a writer needs: the alignment, its findings and the glossary hits."""

    alignment: Alignment
    findings: tuple[Finding, ...] = ()
    term_hits: tuple[TermHit, ...] = field(default=())
