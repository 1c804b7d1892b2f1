"""Zip inputs, read member by member and never extracted.

The central directory is checked before any member is inflated: too many members or too
much declared data refuses the whole archive, while a single bad member (unsafe name,
link, device, encrypted, oversized or suspiciously compressible) is refused on its own
and the rest of the archive is still used. Sizes in the directory can lie, so reading
also stops as soon as a member inflates past the per-member cap.
"""

from __future__ import annotations

import lzma
import stat
import zipfile
import zlib
from collections.abc import Iterator, Sequence

from aligner.batch.inputs.limits import BatchLimits, megabytes
from aligner.batch.inputs.listing import Content, Listing, TooLarge, read_capped
from aligner.batch.inputs.members import is_os_litter, name_problem, normalized_name
from aligner.batch.model import Member, Rejection

_READABLE_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
_ENCRYPTED_FLAG = 0x1
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
)


def member_label(archive_path: str, name: str) -> str:
    """How a member is named in reports: ``archive.zip:folder/file.txt``."""
    return f"{archive_path}:{name}"


def _type_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link; links are not followed"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file; only regular files are read"
    if stat.S_ISFIFO(mode):
        return "a named pipe (fifo); only regular files are read"
    if stat.S_ISSOCK(mode):
        return "a socket; only regular files are read"
    if info.flag_bits & _ENCRYPTED_FLAG:
        return "encrypted member; cannot be read without a password"
    if info.compress_type not in _READABLE_METHODS:
        return f"unsupported compression method {info.compress_type}"
    return None


def _size_problem(info: zipfile.ZipInfo, limits: BatchLimits) -> str | None:
    if info.file_size > limits.max_member_bytes:
        return (
            f"expands to {megabytes(info.file_size)} (at most "
            f"{megabytes(limits.max_member_bytes)} per file); refusing a possible zip bomb"
        )
    if info.file_size >= limits.archive.min_ratio_size:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.archive.max_ratio:
            return (
                f"expands {ratio:,.0f} times (at most {limits.archive.max_ratio:,.0f} is "
                "accepted); refusing a possible zip bomb"
            )
    return None


def _too_many(count: int, limits: BatchLimits) -> str | None:
    if count > limits.archive.max_members:
        return (
            f"the archive has {count:,} members (at most {limits.archive.max_members:,} "
            "are accepted)"
        )
    return None


def too_much_data(declared: int, limits: BatchLimits) -> str | None:
    """The archive-wide cap on what the accepted members may add up to."""
    cap = limits.archive.max_total_uncompressed
    if declared > cap:
        return (
            f"the archive would expand to {megabytes(declared)} (at most {megabytes(cap)}); "
            "refusing a possible zip bomb"
        )
    return None


def list_zip(path: str, limits: BatchLimits) -> Listing:
    """The usable members of a zip archive, judged from its central directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return Listing((), (Rejection(path, f"not a readable zip archive ({error})"),))
    problem = _too_many(len(infos), limits)
    if problem is not None:
        return Listing((), (Rejection(path, problem),))
    members: list[Member] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    for ordinal, info in enumerate(infos):
        raw = info.filename
        shown = member_label(path, raw)
        unsafe = name_problem(raw)
        if unsafe is not None:
            rejected.append(Rejection(shown, unsafe))
            continue
        name = normalized_name(raw)
        if info.is_dir() or not name or is_os_litter(name):
            continue
        problem = _type_problem(info) or _size_problem(info, limits)
        if problem is None and name in seen:
            problem = "duplicate member name; only the first copy is read"
        seen.add(name)
        if problem is not None:
            rejected.append(Rejection(shown, problem))
            continue
        members.append(Member(path, name, info.file_size, member_label(path, name), ordinal))
    problem = too_much_data(sum(member.size for member in members), limits)
    if problem is not None:
        return Listing((), (*rejected, Rejection(path, problem)))
    return Listing(tuple(members), tuple(rejected))


def read_zip(path: str, members: Sequence[Member], limits: BatchLimits) -> Iterator[Content]:
    """Contents in the order asked for, each inflated under the per-member cap."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        for member in members:
            yield Content(member, None, f"the archive cannot be read any more ({error})")
        return
    with archive:
        infos = archive.infolist()
        for member in members:
            yield _read_member(archive, infos, member, limits.max_member_bytes)


def _read_member(
    archive: zipfile.ZipFile, infos: Sequence[zipfile.ZipInfo], member: Member, cap: int
) -> Content:
    if member.ordinal >= len(infos):
        return Content(member, None, "the member is no longer in the archive")
    info = infos[member.ordinal]
    if normalized_name(info.filename) != member.name or _type_problem(info) is not None:
        return Content(member, None, "the archive changed while it was being read")
    try:
        with archive.open(info) as stream:
            return Content(member, read_capped(stream, cap))
    except TooLarge as error:
        return Content(member, None, str(error))
    except _READ_ERRORS as error:
        return Content(member, None, f"damaged archive member ({error})")
