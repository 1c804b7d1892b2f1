"""Opening the user's files safely, and keeping outputs away from them.

Every command reads its inputs through :func:`read_input_file`, so a named pipe, socket or
device given by mistake is refused at once instead of blocking forever, and a file too large
to be a release is refused before it is read. Every command also checks its output paths with
:func:`refuse_outputs_onto_inputs` before writing, because an output that resolves to an input
(the same name, a symbolic or hard link, or another spelling on a case-insensitive disk)
would replace the user's original with a report.
"""

from __future__ import annotations

import errno
import os
import stat
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
