"""Tar inputs (plain or compressed), streamed twice and never extracted.

A compressed tar cannot be read at random, so the first pass only looks at headers
(deciding what is usable) and the second streams again, reading just the members the
pairs need, in archive order. The tar equivalent of the zip guards applies: unsafe
names, links, devices and fifos are refused member by member; too many members, too much
declared data, or data that expands far beyond the archive's size on disk (a "tar bomb")
refuse the whole archive before that data is inflated.
"""

from __future__ import annotations

import lzma
import os
import tarfile
import zlib
from collections.abc import Iterator, Sequence

from aligner.batch.inputs.limits import BatchLimits, megabytes
from aligner.batch.inputs.listing import Content, Listing, TooLarge, read_capped
from aligner.batch.inputs.members import is_os_litter, name_problem, normalized_name
from aligner.batch.inputs.zipped import member_label, too_much_data
from aligner.batch.model import Member, Rejection

_TAR_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


def _type_problem(info: tarfile.TarInfo) -> str | None:
    if info.issym():
        return "symbolic link; links are not followed"
    if info.islnk():
        return "hard link; links are not followed"
    if info.ischr() or info.isblk():
        return "a device file; only regular files are read"
    if info.isfifo():
        return "a named pipe (fifo); only regular files are read"
    if info.issparse():
        return "a sparse file; only regular files are read"
    if not info.isreg():
        return f"not a regular file (tar entry type {info.type!r})"
    return None


def _size_problem(info: tarfile.TarInfo, limits: BatchLimits) -> str | None:
    if info.size > limits.max_member_bytes:
        return (
            f"expands to {megabytes(info.size)} (at most {megabytes(limits.max_member_bytes)} "
            "per file); refusing a possible tar bomb"
        )
    return None


def _archive_problem(count: int, declared: int, on_disk: int, limits: BatchLimits) -> str | None:
    caps = limits.archive
    if count > caps.max_members:
        return f"the archive has more than {caps.max_members:,} members"
    too_much = too_much_data(declared, limits)
    if too_much is not None:
        return too_much
    if declared >= caps.min_ratio_size and declared / max(on_disk, 1) > caps.max_ratio:
        return (
            f"the archive would expand more than {caps.max_ratio:,.0f} times its size; "
            "refusing a possible tar bomb"
        )
    return None


def list_tar(path: str, limits: BatchLimits) -> Listing:
    """The usable members of a tar archive, judged from headers as they stream past."""
    members: list[Member] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    declared = 0
    try:
        on_disk = os.path.getsize(path)
        with tarfile.open(path, mode="r|*") as archive:
            for ordinal, info in enumerate(archive):
                declared += max(info.size, 0)
                problem = _archive_problem(ordinal + 1, declared, on_disk, limits)
                if problem is not None:
                    return Listing((), (*rejected, Rejection(path, problem)))
                member = _judge(path, ordinal, info, seen, limits, rejected)
                if member is not None:
                    members.append(member)
    except _TAR_ERRORS as error:
        reason = f"not a readable tar archive ({error or type(error).__name__})"
        return Listing((), (*rejected, Rejection(path, reason)))
    return Listing(tuple(members), tuple(rejected))


def _judge(
    path: str,
    ordinal: int,
    info: tarfile.TarInfo,
    seen: set[str],
    limits: BatchLimits,
    rejected: list[Rejection],
) -> Member | None:
    shown = member_label(path, info.name)
    unsafe = name_problem(info.name)
    if unsafe is not None:
        rejected.append(Rejection(shown, unsafe))
        return None
    name = normalized_name(info.name)
    if info.isdir() or not name or is_os_litter(name):
        return None
    problem = _type_problem(info) or _size_problem(info, limits)
    if problem is None and name in seen:
        problem = "duplicate member name; only the first copy is read"
    seen.add(name)
    if problem is not None:
        rejected.append(Rejection(shown, problem))
        return None
    return Member(path, name, info.size, member_label(path, name), ordinal)


def read_tar(path: str, members: Sequence[Member], limits: BatchLimits) -> Iterator[Content]:
    """Contents of ``members`` in archive order (not the order given), each under the cap."""
    wanted = {member.ordinal: member for member in members}
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for ordinal, info in enumerate(archive):
                if not wanted:
                    break
                member = wanted.pop(ordinal, None)
                if member is not None:
                    yield _read_member(archive, info, member, limits.max_member_bytes)
    except _TAR_ERRORS as error:
        problem = f"the archive cannot be read any more ({error or type(error).__name__})"
        for member in wanted.values():
            yield Content(member, None, problem)
        return
    for member in wanted.values():
        yield Content(member, None, "the member is no longer in the archive")


def _read_member(
    archive: tarfile.TarFile, info: tarfile.TarInfo, member: Member, cap: int
) -> Content:
    if normalized_name(info.name) != member.name or not info.isreg():
        return Content(member, None, "the archive changed while it was being read")
    stream = archive.extractfile(info)
    if stream is None:
        return Content(member, None, "the member has no data")
    try:
        with stream:
            return Content(member, read_capped(stream, cap))
    except TooLarge as error:
        return Content(member, None, str(error))
    except _TAR_ERRORS as error:
        return Content(member, None, f"damaged archive member ({error})")
