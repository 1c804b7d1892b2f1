"""Atomic file output: a reader never sees a half-written deliverable.

Each output is written to a hidden temporary file beside it, named after the output and the
writing process (``.NAME.PID.RANDOM.tmp``), then renamed into place. A run killed while
writing leaves that temporary file behind; the next write into the same folder removes the
leftovers of processes that no longer exist, so interrupted runs do not accumulate litter.
Failures to write are reported as :class:`InputError` naming the output path, the same
one-line message for every command.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from aligner.errors import InputError

_TEMPORARY = re.compile(r"\A\..+\.(\d+)\.[^.]+\.tmp\Z")


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    The rename is atomic on POSIX and Windows, so an existing file is replaced only once
    the new content is complete; on any failure the temporary file is removed and the old
    file is left untouched.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target.parent)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise output_error(str(path), error) from None
    try:
        # mkstemp creates 0600; a deliverable should get the permissions any new file gets.
        os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        if isinstance(error, OSError):
            raise output_error(str(path), error) from None
        raise


def output_error(path: str, error: OSError) -> InputError:
    """The one-line message for an output that cannot be written."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        # mkdir reports a file sitting where a folder should be as "File exists".
        return InputError(path, "cannot write output: part of this path is a file")
    if isinstance(error, IsADirectoryError):
        return InputError(path, "cannot write output: a folder has this name")
    return InputError(path, f"cannot write output: {error.strerror or error}")


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files in ``folder`` left by writers that have since died.

    A temporary file of a process that is still running is left alone: it may be another
    run writing into the same folder at this moment. Returns how many files were removed.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or a name that only looks like ours
    return True


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Text variant of :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode(encoding))
