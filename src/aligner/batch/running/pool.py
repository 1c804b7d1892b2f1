"""Running pairs in worker processes with a bounded number in flight.

Only a few pairs per worker are handed over at a time, so a 10,000-release archive never
sits in memory at once. When a worker process dies (out of memory, a crash in a native
library) the pool is replaced and the pairs it held are tried once more; a pair that
kills a worker twice is reported as failed and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from aligner.batch.model import PairResult
from aligner.batch.running.worker import PairJob, WorkSettings, process_pair

# Pairs in flight per worker: enough to keep every worker busy, few enough to stay small.
IN_FLIGHT_PER_WORKER = 2
_ATTEMPTS = 2


def failed_job(job: PairJob, reason: str) -> PairResult:
    return PairResult(job.name, job.zh_name, job.en_name, "failed", reason)


class WorkerPool:
    """A process pool fed one pair at a time; results come back as pairs finish."""

    def __init__(self, workers: int, settings: WorkSettings) -> None:
        self._workers = workers
        self._settings = settings
        self._executor = ProcessPoolExecutor(max_workers=workers)
        self._in_flight: dict[Future[PairResult], tuple[PairJob, int]] = {}

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, job: PairJob) -> list[PairResult]:
        """Queue ``job``, first waiting for a free slot; returns the pairs finished meanwhile."""
        finished: list[PairResult] = []
        while len(self._in_flight) >= self._workers * IN_FLIGHT_PER_WORKER:
            finished.extend(self._collect())
        self._start(job, attempt=1)
        return finished

    def drain(self) -> Iterator[PairResult]:
        while self._in_flight:
            yield from self._collect()

    def _start(self, job: PairJob, attempt: int) -> None:
        try:
            future = self._executor.submit(process_pair, job, self._settings)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = ProcessPoolExecutor(max_workers=self._workers)
            future = self._executor.submit(process_pair, job, self._settings)
        self._in_flight[future] = (job, attempt)

    def _collect(self) -> list[PairResult]:
        done, _ = wait(list(self._in_flight), return_when=FIRST_COMPLETED)
        results: list[PairResult] = []
        for future in done:
            job, attempt = self._in_flight.pop(future)
            try:
                results.append(future.result())
            except BrokenProcessPool:
                if attempt < _ATTEMPTS:
                    self._start(job, attempt + 1)
                else:
                    results.append(
                        failed_job(job, "the worker process stopped (out of memory or a crash)")
                    )
            except Exception as error:  # e.g. a result that cannot be sent back
                results.append(failed_job(job, f"internal error ({type(error).__name__}: {error})"))
        return results
