"""A progress line on stderr for slow embedding runs, and silence for fast ones.

A warm cache makes embedding instant, and a bar that flashes for a tenth of a second
is noise, so nothing is drawn until the work has taken a couple of seconds.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[int, int], None]

_DELAY_SECONDS = 2.0
_BAR_WIDTH = 30


class StderrProgress:
    """Draws ``embedding sentences [####....] 120/400`` on a terminal, in place."""

    def __init__(
        self,
        label: str = "embedding sentences",
        stream: TextIO | None = None,
        delay: float = _DELAY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._label = label
        self._stream = stream if stream is not None else sys.stderr
        self._delay = delay
        self._clock = clock
        self._started: float | None = None
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if self._started is None:
            self._started = now
        if not self._drawn and now - self._started < self._delay:
            return
        if not self._drawn and not _is_terminal(self._stream):
            return
        filled = _BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        end = "\n" if done >= total else ""
        self._stream.write(f"\r{self._label} [{bar}] {done}/{total}{end}")
        self._stream.flush()
        self._drawn = done < total


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
