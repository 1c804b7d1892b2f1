"""Batch QA over folders and archives of releases: pair the files, check every pair, summarise.

The entry point is :func:`run_batch`; the command line only parses options into a
:class:`BatchOptions` and turns the returned :class:`BatchSummary` into an exit code.
"""

from aligner.batch.model import BatchOptions, BatchSummary, PairResult
from aligner.batch.outcome import exit_code
from aligner.batch.runner import run_batch

__all__ = ["BatchOptions", "BatchSummary", "PairResult", "exit_code", "run_batch"]
