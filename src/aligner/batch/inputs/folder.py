"""Folder inputs: every file below the folder, without following links.

A folder holds whatever its owner put there, so it gets the same scrutiny as an archive
where that makes sense: links are not followed (they could lead anywhere on the
machine), special files are not opened, and oversized files are not read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence

from aligner.batch.inputs.limits import BatchLimits, megabytes
from aligner.batch.inputs.listing import Content, Listing, TooLarge, read_capped
from aligner.batch.inputs.members import is_os_litter
from aligner.batch.model import Member, Rejection


def _label(root: str, name: str) -> str:
    return os.path.join(root, *name.split("/"))


def _special_kind(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "a named pipe (fifo)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def _same_folder(path: str, excluded: Sequence[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == os.path.realpath(other) for other in excluded)


def list_folder(root: str, limits: BatchLimits, exclude: Sequence[str] = ()) -> Listing:
    """Walk ``root`` in sorted order; ``exclude`` names folders to leave out (the output)."""
    members: list[Member] = []
    rejected: list[Rejection] = []
    pending = [""]
    while pending:
        prefix = pending.pop()
        folder = _label(root, prefix) if prefix else root
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            rejected.append(Rejection(folder, f"cannot read the folder ({error.strerror})"))
            continue
        subfolders: list[str] = []
        for entry in entries:
            name = f"{prefix}/{entry.name}" if prefix else entry.name
            shown = _label(root, name)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                rejected.append(Rejection(shown, f"cannot read the file ({error.strerror})"))
                continue
            if stat.S_ISLNK(info.st_mode):
                rejected.append(Rejection(shown, "symbolic link; links are not followed"))
            elif stat.S_ISDIR(info.st_mode):
                if not _same_folder(entry.path, exclude):
                    subfolders.append(name)
            elif is_os_litter(name):
                continue
            elif (kind := _special_kind(info.st_mode)) is not None:
                rejected.append(Rejection(shown, f"{kind}; only regular files are read"))
            elif info.st_size > limits.max_member_bytes:
                rejected.append(
                    Rejection(
                        shown,
                        f"the file is {megabytes(info.st_size)} (at most "
                        f"{megabytes(limits.max_member_bytes)} per file)",
                    )
                )
            else:
                members.append(Member(root, name, info.st_size, shown, len(members)))
        pending.extend(reversed(subfolders))
    return Listing(tuple(sorted(members, key=lambda m: m.name)), tuple(rejected))


def _read_one(member: Member, cap: int) -> Content:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(member.shown, flags)
    except OSError as error:
        return Content(member, None, f"cannot read the file ({error.strerror})")
    with os.fdopen(descriptor, "rb") as handle:
        kind = _special_kind(os.fstat(handle.fileno()).st_mode)
        if kind is not None:
            return Content(member, None, f"{kind}; only regular files are read")
        try:
            return Content(member, read_capped(handle, cap))
        except TooLarge as error:
            return Content(member, None, str(error))
        except OSError as error:
            return Content(member, None, f"cannot read the file ({error.strerror})")


def read_folder(members: Sequence[Member], limits: BatchLimits) -> Iterator[Content]:
    """Contents in the order asked for; a file is re-checked when opened, not trusted."""
    for member in members:
        yield _read_one(member, limits.max_member_bytes)
