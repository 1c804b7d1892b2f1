"""A progress bar for interactive runs that stays silent in logs, pipes and tests."""

from __future__ import annotations

import contextlib
import sys
from types import TracebackType
from typing import TextIO

import click

from aligner.batch.model import PairResult


class TerminalProgress:
    """Draws a bar on ``stream`` (stderr by default) only when it is a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._stack = contextlib.ExitStack()
        self._bar: click._termui_impl.ProgressBar[int] | None = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stack.close()

    def start(self, total: int) -> None:
        if total and self._stream.isatty():
            bar = click.progressbar(
                length=total, label="Checking pairs", file=self._stream, show_pos=True
            )
            self._bar = self._stack.enter_context(bar)

    def advance(self, result: PairResult) -> None:
        if self._bar is not None:
            self._bar.update(1)
