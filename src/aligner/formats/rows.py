"""The report as one row per link: the view every output format and writer shares.

Every deliverable shows the same thing for a link — its Chinese and English sentences, its
confidence, the findings about it and the glossary terms in it — so pairing findings with
links, numbering the rows, naming the sentences and cutting the text at glossary hits and
at the words findings point at happen once here, and the formats differ only in how they
draw a row.

Numbering is the same everywhere: rows count from 1 ("row 18"), sentence ids from 0, as in
``.links`` files ("zh 14 ↔ en 20,21").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from aligner.lexicon.compiled import regex_pattern
from aligner.model import (
    AcceptedFinding,
    Document,
    Finding,
    Link,
    Report,
    Segment,
    Severity,
    Span,
    TermHit,
)

# Characters XML 1.0 forbids (and HTML treats as errors); text extracted from Word or PDF
# files can carry some, a vertical tab being Word's manual line break.
_NOT_MARKUP = regex_pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\p{Cs}]")


@dataclass(frozen=True)
class Piece:
    """A stretch of a link's text, with the glossary hit it belongs to if it is a term and
    the findings that point at it (their spans cover it)."""

    text: str
    hit: TermHit | None = None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class LinkRow:
    """Everything an output shows for one link, the same row in every format.

    ``number`` is 1-based, as readers count, and is the row number the terminal, DOCX, HTML,
    TSV, JSON and the unit ids of XLIFF and TMX (``u3`` is row 3) all use. ``terms`` holds the
    link's glossary hits once per term pair, in reading order, for notes; ``zh_pieces`` and
    ``en_pieces`` cut the text at every hit and at every finding's span, for highlighting.
    ``accepted`` are the findings about the link that a reviewer accepted.
    """

    number: int
    link: Link
    zh_segments: tuple[Segment, ...]
    en_segments: tuple[Segment, ...]
    zh_pieces: tuple[Piece, ...]
    en_pieces: tuple[Piece, ...]
    findings: tuple[Finding, ...]
    terms: tuple[TermHit, ...]
    accepted: tuple[AcceptedFinding, ...] = ()

    @property
    def key(self) -> str:
        """The unit id of this row in XLIFF and TMX files."""
        return f"u{self.number}"

    @property
    def label(self) -> str:
        """How every output names a row: "row 18"."""
        return row_label(self.number)

    @property
    def sentences(self) -> str:
        """The link's sentence ids as ``.links`` files number them: "zh 14 ↔ en 20,21"."""
        return sentence_ids(self.link.zh, self.link.en)

    @property
    def zh(self) -> str:
        return join_sentences("zh", [segment.text for segment in self.zh_segments])

    @property
    def en(self) -> str:
        return join_sentences("en", [segment.text for segment in self.en_segments])

    @property
    def english_only(self) -> bool:
        """An addition: English with no Chinese."""
        return not self.zh_segments

    @property
    def needs_review(self) -> bool:
        """Whether a reviewer must look at the row: an error or warning, not a mere info.

        Informational findings (page chrome, a declared rounding) are shown, but a file whose
        every unit asks for review would hide the few that really do.
        """
        return any(f.severity.rank >= Severity.WARNING.rank for f in self.findings)


def link_rows(report: Report) -> tuple[LinkRow, ...]:
    """One row per link, in document order, each finding attached to exactly one row."""
    alignment = report.alignment
    attached = attach_findings(alignment.links, report.findings)
    accepted = _attach_accepted(alignment.links, report.accepted)
    rows = []
    for index, link in enumerate(alignment.links):
        zh_text, en_text = alignment.source.texts(link.zh), alignment.target.texts(link.en)
        findings = attached[index]
        rows.append(
            LinkRow(
                number=index + 1,
                link=link,
                zh_segments=tuple(alignment.source.segments[i] for i in link.zh),
                en_segments=tuple(alignment.target.segments[i] for i in link.en),
                zh_pieces=split_at_terms(
                    alignment.source, link.zh, report.term_hits, _marks(findings, "zh", zh_text)
                ),
                en_pieces=split_at_terms(
                    alignment.target, link.en, report.term_hits, _marks(findings, "en", en_text)
                ),
                findings=findings,
                terms=_terms_of(link, report.term_hits),
                accepted=accepted[index],
            )
        )
    return tuple(rows)


def row_label(number: int | None) -> str:
    """A row as every output names it ("row 18"), or "document" for a finding about none."""
    return "document" if number is None else f"row {number}"


def sentence_ids(zh_ids: Sequence[int], en_ids: Sequence[int]) -> str:
    """Sentence ids as every output shows them: "zh 14 ↔ en 20,21", "—" for no sentence."""
    return f"zh {_ids(zh_ids)} ↔ en {_ids(en_ids)}"


def _ids(ids: Sequence[int]) -> str:
    return ",".join(map(str, ids)) if ids else "—"


def quoted_words(finding: Finding, limit: int = 3, clip: int = 40) -> tuple[str, ...]:
    """The words a finding points at, English first (what a reviewer fixes), then Chinese.

    A span that covers its whole side says nothing the row does not already show, so it
    is left out; long spans are clipped.
    """
    quoted: list[str] = []
    for text, spans in ((finding.en, finding.en_spans), (finding.zh, finding.zh_spans)):
        for start, end in spans:
            words = text[start:end]
            if not words.strip() or words.strip() == text.strip():
                continue
            quoted.append(words if len(words) <= clip else words[:clip] + "…")
    return tuple(dict.fromkeys(quoted))[:limit]


@dataclass(frozen=True)
class RowIndex:
    """Which row a finding belongs to, by the rule of :func:`attach_findings`."""

    exact: dict[tuple[tuple[int, ...], tuple[int, ...]], int]
    zh_owner: dict[int, int]
    en_owner: dict[int, int]

    @classmethod
    def of(cls, links: Sequence[Link]) -> RowIndex:
        exact = {(link.zh, link.en): index for index, link in enumerate(links)}
        zh_owner: dict[int, int] = {}
        en_owner: dict[int, int] = {}
        for index, link in enumerate(links):
            for zh_id in link.zh:
                zh_owner.setdefault(zh_id, index)
            for en_id in link.en:
                en_owner.setdefault(en_id, index)
        return cls(exact, zh_owner, en_owner)

    def index(self, finding: Finding) -> int | None:
        return link_index_of(finding, self.exact, self.zh_owner, self.en_owner)

    def row(self, finding: Finding) -> int | None:
        """The 1-based row number, or None for a finding about the whole document."""
        index = self.index(finding)
        return None if index is None else index + 1


def join_sentences(lang: str, texts: Iterable[str]) -> str:
    """The sentences of one side of a link as a reader sees them: Chinese runs on, English
    sentences are separated by a space."""
    return ("" if lang == "zh" else " ").join(texts)


def attach_findings(
    links: Sequence[Link], findings: Iterable[Finding]
) -> tuple[tuple[Finding, ...], ...]:
    """Group findings by the link they are about.

    A finding goes to the link with exactly its ids; failing that, to the first link that
    shares a sentence with it (a check may quote a span the aligner cut differently). A
    finding that touches no link at all is left out here, so writers list it separately
    (see :func:`unattached_findings`) rather than pinning it to an arbitrary row.
    """
    rows = RowIndex.of(links)
    groups: list[list[Finding]] = [[] for _ in links]
    for finding in findings:
        owner = rows.index(finding)
        if owner is not None:
            groups[owner].append(finding)
    return tuple(tuple(group) for group in groups)


def _attach_accepted(
    links: Sequence[Link], accepted: Iterable[AcceptedFinding]
) -> tuple[tuple[AcceptedFinding, ...], ...]:
    rows = RowIndex.of(links)
    groups: list[list[AcceptedFinding]] = [[] for _ in links]
    for item in accepted:
        owner = rows.index(item.finding)
        if owner is not None:
            groups[owner].append(item)
    return tuple(tuple(group) for group in groups)


def unattached_accepted(report: Report) -> tuple[AcceptedFinding, ...]:
    """Accepted findings about the document as a whole."""
    rows = RowIndex.of(report.alignment.links)
    return tuple(item for item in report.accepted if rows.index(item.finding) is None)


def _marks(
    findings: Iterable[Finding], side: str, text: str
) -> tuple[tuple[int, int, Finding], ...]:
    """The spans of ``findings`` on one side, where they index exactly this row's text.

    A finding attached to a row whose sentences the aligner cut differently quotes other
    text; its offsets would point at the wrong words, so it marks nothing.
    """
    marks: list[tuple[int, int, Finding]] = []
    for finding in findings:
        own_text = finding.zh if side == "zh" else finding.en
        spans: tuple[Span, ...] = finding.zh_spans if side == "zh" else finding.en_spans
        if own_text != text:
            continue
        for start, end in spans:
            start, end = max(start, 0), min(end, len(text))
            if start < end:
                marks.append((start, end, finding))
    return tuple(marks)


def unattached_findings(report: Report) -> tuple[Finding, ...]:
    """Findings about the document as a whole, or about sentences no link contains."""
    attached = {
        id(f) for group in attach_findings(report.alignment.links, report.findings) for f in group
    }
    return tuple(f for f in report.findings if id(f) not in attached)


def link_index_of(
    finding: Finding,
    exact: dict[tuple[tuple[int, ...], tuple[int, ...]], int],
    zh_owner: dict[int, int],
    en_owner: dict[int, int],
) -> int | None:
    """The index of the link a finding belongs to, by the rule of :func:`attach_findings`."""
    found = exact.get((finding.zh_ids, finding.en_ids))
    if found is not None:
        return found
    candidates = [zh_owner[i] for i in finding.zh_ids if i in zh_owner]
    candidates += [en_owner[i] for i in finding.en_ids if i in en_owner]
    return min(candidates) if candidates else None


def split_at_terms(
    document: Document,
    ids: tuple[int, ...],
    hits: Iterable[TermHit],
    marks: Iterable[tuple[int, int, Finding]] = (),
) -> tuple[Piece, ...]:
    """Cut the joined text of ``ids`` into pieces at glossary hits and finding spans.

    Hit offsets are relative to one sentence, while writers show the sentences of a link
    joined, so each hit is shifted by where its sentence starts in the joined text. Hits that
    overlap an earlier (or, at the same start, longer) hit are dropped: a character can only
    be drawn with one highlight. ``marks`` are findings' spans in the joined text; they may
    overlap each other and the hits, and each piece lists every finding covering it.
    """
    lang = document.lang
    separator = "" if lang == "zh" else " "
    starts: dict[int, int] = {}
    offset = 0
    for position, segment_id in enumerate(ids):
        if position:
            offset += len(separator)
        starts[segment_id] = offset
        offset += len(document.segments[segment_id].text)
    text = document.texts(ids)

    spans: list[tuple[int, int, TermHit]] = []
    for hit in hits:
        if hit.lang != lang or hit.segment_id not in starts:
            continue
        length = len(document.segments[hit.segment_id].text)
        start, end = max(hit.start, 0), min(hit.end, length)
        if start < end:
            base = starts[hit.segment_id]
            spans.append((base + start, base + end, hit))
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, TermHit]] = []
    cursor = 0
    for start, end, hit in spans:
        if start >= cursor:
            kept.append((start, end, hit))
            cursor = end

    found = [(max(a, 0), min(b, len(text)), f) for a, b, f in marks]
    cuts = {0, len(text)}
    cuts.update(point for start, end, _ in kept for point in (start, end))
    cuts.update(point for start, end, _ in found for point in (start, end))
    points = sorted(cuts)
    pieces: list[Piece] = []
    for start, end in pairwise(points):
        if start >= end:
            continue
        term = next((h for a, b, h in kept if a <= start and end <= b), None)
        covering = tuple(f for a, b, f in found if a <= start and end <= b)
        previous = pieces[-1] if pieces else None
        if (
            previous is not None
            and previous.hit is term
            and [id(f) for f in previous.findings] == [id(f) for f in covering]
        ):
            pieces[-1] = Piece(previous.text + text[start:end], term, covering)
        else:
            pieces.append(Piece(text[start:end], term, covering))
    return tuple(pieces)


def markup_safe(text: str) -> str:
    """``text`` with characters that DOCX and HTML cannot carry replaced by spaces."""
    return _NOT_MARKUP.sub(" ", text)


def _terms_of(link: Link, hits: Iterable[TermHit]) -> tuple[TermHit, ...]:
    """Glossary hits in the link's sentences, one per term pair, in reading order.

    The same term is usually found on both sides (Chinese term, English rendering); a unit
    needs it listed once.
    """
    order = {("zh", i): position for position, i in enumerate(link.zh)}
    order.update({("en", i): len(link.zh) + position for position, i in enumerate(link.en)})
    inside = [hit for hit in hits if (hit.lang, hit.segment_id) in order]
    inside.sort(key=lambda hit: (order[(hit.lang, hit.segment_id)], hit.start))
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for hit in inside:
        key = (hit.zh_term, hit.en_term, hit.status)
        if key not in seen:
            seen.add(key)
            unique.append(hit)
    return tuple(unique)
