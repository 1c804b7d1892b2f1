"""The exit code of a batch run, from its summary."""

from __future__ import annotations

from typing import Literal

from aligner.batch.model import BatchSummary

FailOn = Literal["error", "warning", "never"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_NOTHING_DONE = 2


def exit_code(summary: BatchSummary, fail_on: FailOn | str) -> int:
    """2 when no pair could be checked; 1 when a document fails the ``fail_on`` bar; else 0.

    A pair that could not be checked at all fails the bar too (unless ``fail_on`` is
    "never"): a release nobody could check is not a release that passed. Archive-wide
    inconsistencies are warnings about documents and count as such.
    """
    documents = summary.documents
    if not any(d.status != "failed" for d in documents):
        return EXIT_NOTHING_DONE
    if fail_on not in ("error", "warning", "never"):
        raise ValueError(f"unknown --fail-on level {fail_on!r}")
    if fail_on == "never":
        return EXIT_OK
    if any(d.status == "failed" for d in documents):
        return EXIT_FINDINGS
    if any(d.errors for d in documents):
        return EXIT_FINDINGS
    if fail_on == "warning" and (any(d.warnings for d in documents) or summary.inconsistencies):
        return EXIT_FINDINGS
    return EXIT_OK


def summary_line(summary: BatchSummary, outdir: str) -> str:
    """The one line printed at the end of a run."""
    totals = summary.totals
    parts = [
        f"{_plural(totals.documents, 'pair')}: {totals.ok} checked, {totals.skipped} unchanged, "
        f"{totals.failed} failed",
        f"{totals.errors} errors, {totals.warnings} warnings, "
        f"{totals.inconsistencies} inconsistencies across documents"
        + (f", {totals.accepted} accepted" if totals.accepted else ""),
        f"{totals.unpaired} unpaired, {totals.rejected} refused files",
    ]
    return "; ".join(parts) + f"\nsummary: {outdir.rstrip('/')}/summary.html"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
