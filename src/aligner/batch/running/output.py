"""Writing a checked pair's files into the output folder, in the process that runs the batch.

Workers return bytes (:class:`~aligner.batch.running.worker.PairOutcome`), so only this
process writes under OUTDIR, whether the pairs were checked here, in a local process pool
or on a Dask cluster. Each file is written atomically and the state file last, so a run
stopped halfway leaves the pair to be redone by ``--resume``.
"""

from __future__ import annotations

from pathlib import Path

from aligner.batch.model import PairResult
from aligner.batch.pairing.naming import is_safe_name
from aligner.batch.running.state import write_state
from aligner.batch.running.worker import PairOutcome
from aligner.errors import InputError
from aligner.files import write_bytes_atomic


def pair_folder(outdir: str, name: str) -> Path:
    """The pair's own folder, refusing any name or existing link that would lead elsewhere."""
    root = Path(outdir)
    if not is_safe_name(name):
        raise InputError(name, "not a safe folder name")
    folder = root / name
    if folder.is_symlink():
        raise InputError(str(folder), "is a symbolic link; refusing to write through it")
    folder.mkdir(parents=True, exist_ok=True)
    if folder.resolve().parent != root.resolve():
        raise InputError(str(folder), "resolves outside the output folder")
    return folder


def _failed(result: PairResult, reason: str) -> PairResult:
    return PairResult(result.name, result.zh, result.en, "failed", reason)


def write_outcome(outdir: str, outcome: PairOutcome) -> PairResult:
    """Write the pair's files, then its state; the pair's result, failed if writing failed."""
    result = outcome.result
    if result.status == "failed" or not outcome.files:
        return result
    try:
        folder = pair_folder(outdir, result.name)
        for name, data in outcome.files:
            write_bytes_atomic(str(folder / name), data)
        write_state(folder, outcome.content_hash, tuple(name for name, _ in outcome.files))
    except InputError as error:
        return _failed(result, f"{error.path}: {error.problem}")
    except OSError as error:
        return _failed(result, f"cannot write the results ({error.strerror or error})")
    return result
