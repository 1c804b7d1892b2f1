"""Running pairs on a Dask distributed cluster (``batch --scheduler ADDRESS``).

The submitting process reads the inputs and writes every output, exactly as with the local
pool; workers only receive a pair's bytes and return its result with the bytes of its files
(:func:`~aligner.batch.running.worker.check_pair`), so they need no shared disk, only
aligner installed. The settings (with the glossary, checklist and word lists read here) are
sent to every worker once. A few pairs per worker thread are in flight at a time, as with
the local pool.

When a worker dies, the scheduler gives its pairs to another worker; a pair whose task kills
workers repeatedly (Dask's ``allowed-failures``, 3 by default) comes back as failed, and the
batch goes on.

Dask is an optional dependency (``pip install 'aligner[dask]'``): it is imported only here,
and only when a scheduler is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from types import TracebackType
from typing import Any

from aligner.batch.running.pool import IN_FLIGHT_PER_WORKER, WORKER_STOPPED
from aligner.batch.running.worker import (
    PairJob,
    PairOutcome,
    WorkSettings,
    check_pair,
    failed_result,
)
from aligner.errors import SettingError

SETTING = "--scheduler"
MISSING = "needs Dask, which is not installed: pip install 'aligner[dask]'"
_CONNECT_TIMEOUT = "20s"


def require_dask() -> None:
    """Refuse ``--scheduler`` before any work when Dask is not installed."""
    _distributed()


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise SettingError(SETTING, MISSING) from None
    return distributed


class DaskPool:
    """Pairs submitted to the scheduler at ``address``; results as pairs finish."""

    def __init__(self, address: str, settings: WorkSettings) -> None:
        distributed = _distributed()
        self._killed = distributed.KilledWorker
        try:
            self._client = distributed.Client(
                address, timeout=_CONNECT_TIMEOUT, set_as_default=False
            )
        except (OSError, TimeoutError, ValueError) as error:
            raise SettingError(
                SETTING, f"cannot reach the Dask scheduler at {address} ({error})"
            ) from None
        threads = sum(self._client.nthreads().values())
        self._room = max(1, threads) * IN_FLIGHT_PER_WORKER
        self._settings = self._client.scatter(settings, broadcast=True, hash=False)
        self._numbers = count(1)
        self._in_flight: dict[Any, PairJob] = {}
        self._finished = distributed.as_completed(loop=self._client.loop)

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for future in self._in_flight:
            future.cancel()
        self._client.close()

    def submit(self, job: PairJob) -> list[PairOutcome]:
        finished: list[PairOutcome] = []
        while len(self._in_flight) >= self._room:
            finished.extend(self._collect())
        # A key of our own: the same pair submitted twice (two runs on one cluster) must
        # not be taken for one task.
        key = f"aligner-pair-{next(self._numbers)}-{id(self)}-{job.name}"
        future = self._client.submit(check_pair, job, self._settings, key=key, pure=False)
        self._in_flight[future] = job
        self._finished.add(future)
        return finished

    def drain(self) -> Iterator[PairOutcome]:
        while self._in_flight:
            yield from self._collect()

    def _collect(self) -> list[PairOutcome]:
        done = [next(self._finished), *self._finished.next_batch(block=False)]
        results: list[PairOutcome] = []
        for future in done:
            job = self._in_flight.pop(future)
            try:
                outcome = future.result()
            except self._killed:
                outcome = PairOutcome(failed_result(job, WORKER_STOPPED))
            except Exception as error:  # lost scheduler, a result that cannot be sent back
                reason = f"internal error ({type(error).__name__}: {error})"
                outcome = PairOutcome(failed_result(job, reason))
            future.release()
            results.append(outcome)
        return results
