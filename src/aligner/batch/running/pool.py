"""Running pairs in worker processes with a bounded number in flight.

Only a few pairs per worker are handed over at a time, so a 10,000-release archive never
sits in memory at once. When a worker process dies (out of memory, a crash in a native
library) the pool is replaced and the pairs it held are tried once more; a pair that
kills a worker twice is reported as failed and the batch goes on.

Every runner here and in :mod:`aligner.batch.running.dask_pool` takes jobs and gives back
:class:`~aligner.batch.running.worker.PairOutcome` objects (a result and the bytes of the
pair's files); the batch writes them into the output folder itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Protocol

from aligner.batch.running.worker import (
    PairJob,
    PairOutcome,
    WorkSettings,
    check_pair,
    failed_result,
)

# Pairs in flight per worker: enough to keep every worker busy, few enough to stay small.
IN_FLIGHT_PER_WORKER = 2
_ATTEMPTS = 2
WORKER_STOPPED = "the worker process stopped (out of memory or a crash)"


class PairRunner(Protocol):
    """Checks pairs somewhere; results come back as pairs finish, in any order."""

    def __enter__(self) -> PairRunner: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...

    def submit(self, job: PairJob) -> list[PairOutcome]:
        """Queue ``job`` (waiting for room first); returns the pairs finished meanwhile."""
        ...

    def drain(self) -> Iterator[PairOutcome]:
        """Every pair still in flight, as each finishes."""
        ...


class InProcess:
    """One worker: pairs are checked right here, one after the other."""

    def __init__(self, settings: WorkSettings) -> None:
        self._settings = settings

    def __enter__(self) -> InProcess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None

    def submit(self, job: PairJob) -> list[PairOutcome]:
        return [check_pair(job, self._settings)]

    def drain(self) -> Iterator[PairOutcome]:
        return iter(())


class WorkerPool:
    """A process pool fed one pair at a time; results come back as pairs finish."""

    def __init__(self, workers: int, settings: WorkSettings) -> None:
        self._workers = workers
        self._settings = settings
        self._executor = ProcessPoolExecutor(max_workers=workers)
        self._in_flight: dict[Future[PairOutcome], tuple[PairJob, int]] = {}

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, job: PairJob) -> list[PairOutcome]:
        finished: list[PairOutcome] = []
        while len(self._in_flight) >= self._workers * IN_FLIGHT_PER_WORKER:
            finished.extend(self._collect())
        self._start(job, attempt=1)
        return finished

    def drain(self) -> Iterator[PairOutcome]:
        while self._in_flight:
            yield from self._collect()

    def _start(self, job: PairJob, attempt: int) -> None:
        try:
            future = self._executor.submit(check_pair, job, self._settings)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = ProcessPoolExecutor(max_workers=self._workers)
            future = self._executor.submit(check_pair, job, self._settings)
        self._in_flight[future] = (job, attempt)

    def _collect(self) -> list[PairOutcome]:
        done, _ = wait(list(self._in_flight), return_when=FIRST_COMPLETED)
        results: list[PairOutcome] = []
        for future in done:
            job, attempt = self._in_flight.pop(future)
            try:
                results.append(future.result())
            except BrokenProcessPool:
                if attempt < _ATTEMPTS:
                    self._start(job, attempt + 1)
                else:
                    results.append(PairOutcome(failed_result(job, WORKER_STOPPED)))
            except Exception as error:  # e.g. a result that cannot be sent back
                reason = f"internal error ({type(error).__name__}: {error})"
                results.append(PairOutcome(failed_result(job, reason)))
        return results
