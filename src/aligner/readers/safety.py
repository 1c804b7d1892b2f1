"""Guards for zip containers (DOCX files, batch archives) before anything unpacks them.

A zip file states its member sizes up front, so a zip bomb or a path-traversal name can
be refused from the directory alone, without decompressing a single byte.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from aligner.errors import InputError

_MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """What an ordinary office document or archive of documents stays well within.

    ``min_ratio_size`` exempts small members from the ratio test: a few kilobytes of
    repetitive XML compress very well and are harmless.
    """

    max_members: int = 10_000
    max_total_uncompressed: int = 200 * _MB
    max_ratio: float = 200.0
    min_ratio_size: int = 64 * 1024


DEFAULT_ZIP_LIMITS = ZipLimits()


def _unsafe_name(name: str) -> bool:
    if not name or "\x00" in name:
        return True
    if name.startswith(("/", "\\")) or PureWindowsPath(name).drive:
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." in parts


def _megabytes(size: int) -> str:
    return f"{size / _MB:,.0f} MB"


def check_zip(zf: zipfile.ZipFile, path: str, limits: ZipLimits = ZipLimits()) -> None:
    """Refuse an archive that could exhaust memory or disk, or write outside its folder.

    Raises InputError naming the first problem found; returns quietly otherwise.
    """
    members = zf.infolist()
    if len(members) > limits.max_members:
        raise InputError(
            path,
            f"the archive has {len(members):,} members (at most {limits.max_members:,} "
            "are accepted)",
        )
    total = 0
    for member in members:
        if _unsafe_name(member.filename):
            raise InputError(
                path,
                f"the archive contains an unsafe member name {member.filename!r} "
                "(absolute path or '..'); refusing to open it",
            )
        total += member.file_size
        if total > limits.max_total_uncompressed:
            raise InputError(
                path,
                "the archive would expand to more than "
                f"{_megabytes(limits.max_total_uncompressed)}; refusing a possible zip bomb",
            )
        if member.file_size >= limits.min_ratio_size:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_ratio:
                raise InputError(
                    path,
                    f"the archive member {member.filename!r} expands {ratio:,.0f} times "
                    f"(at most {limits.max_ratio:,.0f} is accepted); refusing a possible "
                    "zip bomb",
                )
