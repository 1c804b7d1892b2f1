"""Batch QA over folders and archives of releases: pair the files, check every pair, summarise.

The entry point is :func:`run_batch`; the command line only parses options into a
:class:`BatchOptions` and turns the returned :class:`BatchSummary` into an exit code.
"""

from aligner.batch.model import BatchOptions, BatchSummary, PairResult, parse_deliverables
from aligner.batch.reporting.outcome import exit_code, summary_line
from aligner.batch.running.progress import TerminalProgress
from aligner.batch.running.runner import run_batch

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "PairResult",
    "TerminalProgress",
    "exit_code",
    "parse_deliverables",
    "run_batch",
    "summary_line",
]
