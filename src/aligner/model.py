"""The document model shared by every stage of the pipeline.

Data flows one way: readers produce :class:`RawDocument`, segmenters turn it into a
:class:`Document`, the aligner links two documents into an :class:`Alignment`, checks add
:class:`Finding` objects, and writers consume a :class:`Report`. All of these are frozen
dataclasses so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

Lang = Literal["zh", "en"]
"""The two sides of every alignment: Chinese, the source, and English, the target."""


@dataclass(frozen=True)
class RawDocument:
    """Text as read from a file, before sentence segmentation.

    ``paragraphs`` keeps the file's own paragraph structure (a DOCX paragraph or table
    cell, an HTML block, a line of a text file); segmenters never merge across it.
    """

    path: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class InlineCode:
    """One inline code of a bilingual file (a tag or placeholder), kept out of the text.

    XLIFF and TMX carry the original document's formatting and variables as elements
    inside the text (``<g>``, ``<x/>``, ``<ph>``, ``<bpt>``/``<ept>``, ``<pc>``,
    ``<sc>``/``<ec>``); a translation must keep them, so the readers keep them as data that
    the ``tags`` check compares between the two sides. ``role`` is ``open``, ``close`` or
    ``standalone`` (a ``<g>`` or ``<pc>`` element gives an ``open`` and a ``close``);
    ``pair`` is ``family#id``, what ties a close to its open (the same for both ends, and
    the same on both sides of a unit when the file is sound); ``position`` is the
    character offset in the segment's text where the code stands; ``element`` is the
    element's name as written and ``content`` the native code it carries, if any (``<b>``).
    """

    element: str
    role: Literal["open", "close", "standalone"]
    pair: str
    position: int
    content: str = ""

    @property
    def label(self) -> str:
        """How a message shows the code: ``<g id="1">``, ``</g id="1">``, ``<x id="2"/>``.

        ``pair`` is ``family#id``; the two ends of a wrapping element (``<g>``, ``<pc>``)
        are shown as its start and end tag, every other code as the empty element it is.
        """
        ident = self.pair.partition("#")[2] or "?"
        if self.role == "open" and self.element in WRAPPING_CODES:
            return f'<{self.element} id="{ident}">'
        if self.role == "close" and self.element in WRAPPING_CODES:
            return f'</{self.element} id="{ident}">'
        return f'<{self.element} id="{ident}"/>'


WRAPPING_CODES = frozenset({"g", "pc"})
"""Inline elements that wrap text: read as an ``open`` code before it and a ``close`` after."""


@dataclass(frozen=True)
class Segment:
    """One sentence (or heading, date or signature line) of a document.

    ``codes`` are the inline codes a bilingual file held in this sentence, with positions
    into ``text``; plain-text, DOCX and HTML inputs have none.
    """

    id: int
    text: str
    paragraph: int
    codes: tuple[InlineCode, ...] = ()


@dataclass(frozen=True)
class Document:
    """A segmented document on one side of the alignment."""

    path: str
    lang: Lang
    segments: tuple[Segment, ...]

    def texts(self, ids: tuple[int, ...]) -> str:
        """Join the text of several sentences the way a reader would see them."""
        sep = "" if self.lang == "zh" else " "
        return sep.join(self.segments[i].text for i in ids)

    @property
    def sha256(self) -> str:
        """A fingerprint of the sentences, for files that must match the text they were made for.

        Saved alignments and review files carry it: sentence ids only mean something for the
        same sentences, so a file made for another version of a text is refused. It covers the
        segmented text, not the file's bytes, so re-saving the same text in another encoding or
        format keeps it.
        """
        joined = "\n".join(segment.text for segment in self.segments)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()


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


Span = tuple[int, int]
"""Character offsets ``(start, end)`` into one side of a finding's text (``zh`` or ``en``)."""


@dataclass(frozen=True)
class Finding:
    """One QA observation about one link, the shared output type of every check.

    ``zh`` and ``en`` carry the text of the link so that a finding can be read (and
    written to XLIFF or HTML) without the alignment at hand. ``key`` names what the
    finding is about within the link (the figure, the term, the rule), and ``zh_spans``
    and ``en_spans`` point at the words concerned, as offsets into ``zh`` and ``en``.
    """

    check: str
    severity: Severity
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh: str
    en: str
    message: str
    key: str = ""
    zh_spans: tuple[Span, ...] = ()
    en_spans: tuple[Span, ...] = ()

    @property
    def id(self) -> str:
        """A stable identifier: the check, the link's text and the key, never positions.

        Sentence numbers change whenever a line is added above; the text of the link does
        not, so a reviewer's decision about a finding survives re-runs, re-alignment and
        other documents holding the same sentences, and lapses as soon as the text (or
        what the finding is about) changes. Whitespace and full-width forms are folded so
        that re-wrapping a paragraph keeps the id. Findings without a key fall back to
        their message, which must therefore not quote positions.
        """
        subject = self.key or self.message
        material = "\x1f".join((self.check, _fold(self.zh), _fold(self.en), _fold(subject)))
        digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:10]
        return f"{self.check}-{digest}"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class AcceptedFinding:
    """A finding a reviewer judged acceptable: out of the counts and the exit status, but
    still listed, with the reviewer's note, so the decision stays visible."""

    finding: Finding
    note: str = ""


class TermStatus(str, Enum):
    """Usage status of an English rendering, following TBX-Basic's administrativeStatus."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in one sentence, for highlighting in deliverables.

    ``start``/``end`` are character offsets into the segment's text.
    """

    lang: Lang
    segment_id: int
    start: int
    end: int
    zh_term: str
    en_term: str
    status: TermStatus = TermStatus.PREFERRED


@dataclass(frozen=True)
class SeverityCounts:
    """How many findings there are of each severity."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def of(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings}.get(
            severity, self.infos
        )

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos

    def at_least(self, severity: Severity) -> int:
        """Findings at or above ``severity`` (what ``--fail-on`` compares with)."""
        return sum(self.of(s) for s in Severity if s.rank >= severity.rank)


@dataclass(frozen=True)
class CheckCounts(SeverityCounts):
    """The counts of one check."""

    check: str = ""


@dataclass(frozen=True)
class FindingCounts(SeverityCounts):
    """Counts overall and per check: what a QA lead scans first.

    Computed in one place so the terminal, JSON, HTML, DOCX and batch summaries can never
    disagree about a number.
    """

    by_check: tuple[CheckCounts, ...] = ()
    """One entry per check that has a finding, by check name."""

    @classmethod
    def of_findings(cls, findings: Iterable[Finding]) -> FindingCounts:
        per_check: dict[str, Counter[Severity]] = {}
        for finding in findings:
            per_check.setdefault(finding.check, Counter())[finding.severity] += 1
        checks = tuple(
            CheckCounts(c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO], name)
            for name, c in sorted(per_check.items())
        )
        return cls(
            errors=sum(c.errors for c in checks),
            warnings=sum(c.warnings for c in checks),
            infos=sum(c.infos for c in checks),
            by_check=checks,
        )


@dataclass(frozen=True)
class Report:
    """Everything a writer needs: the alignment, its findings and the glossary hits."""

    alignment: Alignment
    findings: tuple[Finding, ...] = ()
    term_hits: tuple[TermHit, ...] = field(default=())
    accepted: tuple[AcceptedFinding, ...] = ()
    """Findings a reviewer accepted; ``findings`` holds only the others."""

    @property
    def counts(self) -> FindingCounts:
        return FindingCounts.of_findings(self.findings)
