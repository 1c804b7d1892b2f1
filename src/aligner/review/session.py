"""One review: the two texts, the alignment as the reviewer is leaving it, and the history.

Every change (an edit of the links, accepting or reopening a finding, confirming a row) is
a new snapshot, so undo and redo are a step along the list. The page's requests come from
several server threads, and the document-wide re-check runs in a thread of its own, so
every read and write of the state holds one lock; the checks themselves run outside it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aligner.files import write_bytes_atomic
from aligner.formats.links import LinkIds
from aligner.formats.review import Acceptance, ReviewFile, ReviewSide, render_review
from aligner.formats.rows import attach_findings, unattached_findings
from aligner.model import Alignment, Document, Finding, Link, Report, Severity
from aligner.review import edits
from aligner.review.recheck import Checker, in_row_order, recheck_around
from aligner.writers.html import LOW_CONFIDENCE


class BadRequest(Exception):
    """A request the page would never send (a missing field, an unknown operation)."""


@dataclass(frozen=True)
class Snapshot:
    """The review at one point of its history.

    ``settled`` says whether ``findings`` come from a run over the whole document, or
    only from the quick run around the last change (see :mod:`aligner.review.recheck`).
    ``changed`` is the rows the step rewrote, (first, count), for the page to show.
    """

    links: tuple[Link, ...]
    accepted: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]
    settled: bool
    changed: tuple[int, int] | None = None

    @property
    def key(self) -> tuple[tuple[LinkIds, ...], tuple[tuple[str, str], ...]]:
        """What a save writes: the links and the acceptances (confidence is not saved)."""
        return tuple((link.zh, link.en) for link in self.links), self.accepted


class Session:
    """The state of one review, safe to use from several threads."""

    def __init__(
        self,
        source: Document,
        target: Document,
        links: Sequence[Link],
        accepted: Mapping[str, str],
        checker: Checker,
        save_path: str,
    ) -> None:
        self.source = source
        self.target = target
        self.save_path = save_path
        self._checker = checker
        links = tuple(links)
        findings = in_row_order(links, checker(Alignment(source, target, links)))
        first = Snapshot(links, tuple(accepted.items()), findings, settled=True)
        self._history = [first]
        self._position = 0
        self._saved_key = first.key
        self._saved = False
        self._version = 0
        self._shown: tuple[int, int] | None = None
        self._lock = threading.Condition(threading.RLock())
        self._unsettled = False
        self._closed = False
        self._thread: threading.Thread | None = None

    # --- the document-wide re-check, in the background --------------------------------------

    def start(self) -> None:
        """Start the thread that settles the findings after each change."""
        self._thread = threading.Thread(target=self._settle_loop, name="review-check", daemon=True)
        self._thread.start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _settle_loop(self) -> None:
        while True:
            with self._lock:
                while not self._unsettled and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                self._unsettled = False
                links = self._current.links
            findings = self._full_check(links)
            with self._lock:
                self._settle(links, findings)

    def settle(self) -> None:
        """Settle the current findings now (before a save, and for tests)."""
        with self._lock:
            current = self._current
        if not current.settled:
            findings = self._full_check(current.links)
            with self._lock:
                self._settle(current.links, findings)

    def _full_check(self, links: tuple[Link, ...]) -> tuple[Finding, ...]:
        return in_row_order(links, self._checker(Alignment(self.source, self.target, links)))

    def _settle(self, links: tuple[Link, ...], findings: tuple[Finding, ...]) -> None:
        """Give every snapshot with these links the findings of the full run."""
        for index, snapshot in enumerate(self._history):
            if not snapshot.settled and snapshot.links == links:
                self._history[index] = replace(snapshot, findings=findings, settled=True)
        self._version += 1

    # --- changes ----------------------------------------------------------------------------

    @property
    def _current(self) -> Snapshot:
        return self._history[self._position]

    def _push(self, snapshot: Snapshot) -> None:
        del self._history[self._position + 1 :]
        self._history.append(snapshot)
        self._position += 1
        self._version += 1
        self._shown = snapshot.changed
        if not snapshot.settled:
            self._unsettled = True
            self._lock.notify_all()

    def edit(self, request: Mapping[str, Any]) -> None:
        """Apply one edit the page asked for; EditRefused says why one cannot be done.

        The checks run outside the lock. If the background check settles the findings
        meanwhile, the quick re-check is done again from the settled ones; any other
        change in between refuses the edit rather than lose that change.
        """
        for _ in range(3):
            with self._lock:
                current, position = self._current, self._position
                alignment = Alignment(self.source, self.target, current.links)
                edited = _apply(alignment, request)
                changed = Alignment(self.source, self.target, edited.links)
            findings = recheck_around(
                changed, current.findings, edited.first, edited.count, self._checker
            )
            with self._lock:
                now = self._current
                if self._position != position or now.key != current.key:
                    raise edits.EditRefused("another change came first; try again")
                if now is not current:
                    continue  # only settled meanwhile
                self._push(
                    Snapshot(
                        edited.links,
                        current.accepted,
                        findings,
                        settled=False,
                        changed=(edited.first, edited.count),
                    )
                )
                return
        raise edits.EditRefused("the review is busy re-checking; try again")

    def accept(self, finding_id: str, note: str) -> None:
        with self._lock:
            current = self._current
            if finding_id not in {f.id for f in current.findings}:
                raise edits.EditRefused("that finding is no longer reported")
            accepted = dict(current.accepted)
            accepted[finding_id] = note.strip()
            self._push(replace(current, accepted=tuple(accepted.items()), changed=None))

    def reopen(self, finding_id: str) -> None:
        with self._lock:
            current = self._current
            accepted = dict(current.accepted)
            if accepted.pop(finding_id, None) is None:
                raise edits.EditRefused("that finding is not accepted")
            self._push(replace(current, accepted=tuple(accepted.items()), changed=None))

    def undo(self) -> None:
        with self._lock:
            if self._position == 0:
                raise edits.EditRefused("nothing to undo")
            self._step(-1)

    def redo(self) -> None:
        with self._lock:
            if self._position + 1 >= len(self._history):
                raise edits.EditRefused("nothing to redo")
            self._step(1)

    def _step(self, step: int) -> None:
        before = self._current.links
        self._position += step
        self._version += 1
        self._shown = _difference(before, self._current.links)
        if not self._current.settled:
            self._unsettled = True
            self._lock.notify_all()

    # --- saving -----------------------------------------------------------------------------

    def review_file(self) -> ReviewFile:
        """The review file of the current state, findings settled first.

        Acceptances are kept only for findings still reported: one whose link text has
        changed has lapsed, and saving it would accept a finding nobody has seen.
        """
        self.settle()
        with self._lock:
            current = self._current
        reported = {finding.id for finding in current.findings}
        return ReviewFile(
            zh=ReviewSide(self.source.path, self.source.sha256),
            en=ReviewSide(self.target.path, self.target.sha256),
            links=tuple((link.zh, link.en) for link in current.links),
            accepted=tuple(
                Acceptance(finding_id, note)
                for finding_id, note in current.accepted
                if finding_id in reported
            ),
        )

    def save(self) -> str:
        """Write the review file atomically; returns its path."""
        with self._lock:
            key = self._current.key
        write_bytes_atomic(self.save_path, render_review(self.review_file()))
        with self._lock:
            self._saved_key = key
            self._saved = True
            self._version += 1
        return self.save_path

    @property
    def dirty(self) -> bool:
        with self._lock:
            return self._current.key != self._saved_key

    # --- what the page shows ----------------------------------------------------------------

    def report(self) -> Report:
        """The current alignment and findings, accepted ones apart, as the outputs see them."""
        with self._lock:
            current = self._current
        accepted = dict(current.accepted)
        return Report(
            Alignment(self.source, self.target, current.links),
            tuple(f for f in current.findings if f.id not in accepted),
        )

    def documents(self) -> dict[str, Any]:
        """The texts, sent once: the page draws rows from sentence ids."""
        return {
            side: {
                "path": doc.path,
                "name": Path(doc.path).name,
                "sentences": [segment.text for segment in doc.segments],
                "paragraphs": [segment.paragraph for segment in doc.segments],
            }
            for side, doc in (("zh", self.source), ("en", self.target))
        }

    def state(self) -> dict[str, Any]:
        """Rows, findings and flags: what the page needs after every change.

        ``version`` grows with every change, so the page can drop an answer that was
        overtaken by a later one (a background refresh answered after an edit).
        """
        with self._lock:
            current = self._current
            can_undo = self._position > 0
            can_redo = self._position + 1 < len(self._history)
            saved = self._saved
            dirty = current.key != self._saved_key
            version = self._version
            changed = self._shown
        accepted = dict(current.accepted)
        groups = attach_findings(current.links, current.findings)
        rows = []
        for link, found in zip(current.links, groups, strict=True):
            shown = [_finding(f, accepted) for f in found]
            open_severe = any(
                not item["accepted"] and item["rank"] >= Severity.WARNING.rank for item in shown
            )
            rows.append(
                {
                    "zh": list(link.zh),
                    "en": list(link.en),
                    "confidence": round(link.confidence, 4),
                    "findings": shown,
                    "doubtful": link.confidence < LOW_CONFIDENCE or open_severe,
                }
            )
        report = Report(Alignment(self.source, self.target, current.links), current.findings)
        open_findings = [f for f in current.findings if f.id not in accepted]
        counts = Report(report.alignment, tuple(open_findings)).counts
        return {
            "version": version,
            "rows": rows,
            "document_findings": [_finding(f, accepted) for f in unattached_findings(report)],
            "counts": {
                "errors": counts.errors,
                "warnings": counts.warnings,
                "infos": counts.infos,
                "accepted": len(current.findings) - len(open_findings),
            },
            "low_confidence": LOW_CONFIDENCE,
            "checking": not current.settled,
            "changed": list(changed) if changed else None,
            "can_undo": can_undo,
            "can_redo": can_redo,
            "dirty": dirty,
            "saved": saved and not dirty,
            "save_path": self.save_path,
        }


def _difference(before: Sequence[Link], after: Sequence[Link]) -> tuple[int, int] | None:
    """The rows of ``after`` that differ from ``before``, (first, count); None if none do."""
    pairs = [(link.zh, link.en) for link in before], [(link.zh, link.en) for link in after]
    if pairs[0] == pairs[1]:
        return None
    first = 0
    while first < min(len(before), len(after)) and pairs[0][first] == pairs[1][first]:
        first += 1
    last_before, last_after = len(before), len(after)
    while (
        last_before > first
        and last_after > first
        and pairs[0][last_before - 1] == pairs[1][last_after - 1]
    ):
        last_before -= 1
        last_after -= 1
    return first, last_after - first


def _finding(finding: Finding, accepted: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": finding.id,
        "check": finding.check,
        "severity": finding.severity.value,
        "rank": finding.severity.rank,
        "message": finding.message,
        "accepted": finding.id in accepted,
        "note": accepted.get(finding.id, ""),
    }


def _apply(alignment: Alignment, request: Mapping[str, Any]) -> edits.Edited:
    op = request.get("op")
    links = alignment.links
    if op == "merge":
        return edits.merge(links, _int(request, "row"))
    if op == "split":
        return edits.split(
            alignment, _int(request, "row"), _side(request), _int(request, "sentence")
        )
    if op == "move":
        step = _int(request, "step")
        if step not in (-1, 1):
            raise BadRequest("step must be -1 or 1")
        return edits.move(links, _side(request), _int(request, "sentence"), step)
    if op == "detach":
        return edits.detach(links, _side(request), _int(request, "sentence"))
    if op == "confirm":
        return edits.confirm(links, _int(request, "row"))
    raise BadRequest(f"unknown operation {op!r}")


def _int(request: Mapping[str, Any], name: str) -> int:
    value = request.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(f"{name} must be a whole number")
    return value


def _side(request: Mapping[str, Any]) -> edits.Side:
    side = request.get("side")
    if side == "zh":
        return "zh"
    if side == "en":
        return "en"
    raise BadRequest('side must be "zh" or "en"')
