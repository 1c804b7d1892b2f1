"""Opening the user's files safely, keeping outputs away from them, and writing atomically.

Every command reads its inputs through :func:`read_input_file`, so a named pipe, socket or
device given by mistake is refused at once instead of blocking forever, and a file too large
to be a release is refused before it is read. Every command also checks its output paths with
:func:`refuse_outputs_onto_inputs` before writing, because an output that resolves to an input
(the same name, a symbolic or hard link, or another spelling on a case-insensitive disk)
would replace the user's original with a report.

Outputs are written to a hidden temporary file beside the target, named after the output and
the writing process (``.NAME.PID.RANDOM.tmp``), then renamed into place, so a reader never
sees a half-written deliverable. A run killed while writing leaves that temporary file
behind; the next write into the same folder removes the leftovers of processes that no
longer exist. Failures to write are reported as :class:`InputError` naming the output path,
the same one-line message for every command.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from aligner.errors import InputError


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (fifo)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input_file(path: str, *, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or an InputError saying why not.

    The file is opened without blocking and checked with ``fstat`` on the open descriptor,
    so a pipe never stalls the command and a file swapped for another between a check and
    the read cannot slip through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, f"is a folder, not a {what}") from None
    except PermissionError:
        raise InputError(path, "permission denied: cannot read the file") from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a fifo with no writer on some systems
            raise InputError(path, f"is not a regular file; give a {what}") from None
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    kind = special_kind(os.fstat(descriptor).st_mode)
    if kind is not None:
        os.close(descriptor)
        if kind == "a folder":
            raise InputError(path, f"is a folder, not a {what}")
        raise InputError(path, f"is {kind}, not a {what}; only regular files are read")
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)
        except IsADirectoryError:
            raise InputError(path, f"is a folder, not a {what}") from None
        except OSError as error:
            raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"the {what} is larger than {_size(max_bytes)}")
    return data


def _size(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{count} bytes"


def _same_file(a: Path, b: Path) -> bool:
    """True when two existing paths are one file (symbolic or hard link, or case alias)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def resolves_to(output: str, inputs: Iterable[str]) -> str | None:
    """The input ``output`` would overwrite, if any.

    Besides the resolved name, compares device and inode, so a hard link or a different
    spelling on a case-insensitive file system is caught as well as a symbolic link.
    Standard input (``-``) is not a file and is never matched.
    """
    target = Path(output)
    real_target = Path(os.path.realpath(target))
    for name in inputs:
        if not name or name == "-":
            continue
        source = Path(name)
        real_source = Path(os.path.realpath(source))
        if os.path.normcase(real_target) == os.path.normcase(real_source):
            return name
        if real_target.exists() and _same_file(real_target, real_source):
            return name
    return None


def refuse_outputs_onto_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> None:
    """Raise InputError for the first output path that would replace one of the inputs."""
    sources = [name for name in inputs if name]
    for output in outputs:
        clash = resolves_to(output, sources)
        if clash is not None:
            shown = "" if clash == output else f" ({clash})"
            raise InputError(
                output,
                f"this output is one of the inputs{shown}; inputs are never overwritten, "
                "so choose another output name",
            )


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_outdir_around_inputs(outdir: str, inputs: Iterable[str]) -> None:
    """Raise InputError when an output folder holds an input or lies inside an input folder.

    A batch writes many files under its output folder; if that folder were an input folder,
    or inside one, a deliverable could replace a release (``zh/zh.docx``), and later runs
    would read their own outputs as inputs.
    """
    real_outdir = Path(os.path.realpath(outdir))
    for name in inputs:
        if not name or name == "-":
            continue
        real_input = Path(os.path.realpath(name))
        if Path(name).is_dir() and _inside(real_outdir, real_input):
            relation = "is" if real_outdir == real_input else "is inside"
            raise InputError(
                outdir,
                f"the output folder {relation} the input folder {name}; write the results "
                "to a folder outside the inputs",
            )
        if _inside(real_input, real_outdir):
            raise InputError(
                outdir,
                f"the output folder holds the input {name}; write the results to a folder "
                "that holds no inputs",
            )


# --- atomic output ----------------------------------------------------------------------

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
