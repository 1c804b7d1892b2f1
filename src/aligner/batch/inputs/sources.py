"""One interface over the three kinds of input: list the members, then read some of them."""

from __future__ import annotations

import os
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from typing import Literal

from aligner.batch.inputs.folder import list_folder, read_folder
from aligner.batch.inputs.limits import BatchLimits
from aligner.batch.inputs.listing import Content, Listing
from aligner.batch.inputs.tarball import TAR_SUFFIXES, list_tar, read_tar
from aligner.batch.inputs.zipped import list_zip, read_zip
from aligner.batch.model import Member
from aligner.errors import InputError

InputKind = Literal["folder", "zip", "tar"]


def input_kind(path: str) -> InputKind:
    """Recognise an input by what it is, then by extension, then by content."""
    if os.path.isdir(path):
        return "folder"
    if not os.path.exists(path):
        raise InputError(path, "no such file or folder")
    if not os.path.isfile(path):
        raise InputError(path, "not a regular file or folder")
    lower = path.lower()
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    try:
        if zipfile.is_zipfile(path):
            return "zip"
        if tarfile.is_tarfile(path):
            return "tar"
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    raise InputError(path, "not a folder, .zip archive or .tar(.gz, .bz2, .xz) archive")


def list_input(
    path: str, kind: InputKind, limits: BatchLimits, exclude: Sequence[str] = ()
) -> Listing:
    if kind == "folder":
        return list_folder(path, limits, exclude)
    if kind == "zip":
        return list_zip(path, limits)
    return list_tar(path, limits)


def read_input(
    path: str, kind: InputKind, members: Sequence[Member], limits: BatchLimits
) -> Iterator[Content]:
    """Contents of ``members``, in whatever order the input reads most cheaply."""
    if kind == "folder":
        return read_folder(members, limits)
    if kind == "zip":
        return read_zip(path, members, limits)
    return read_tar(path, members, limits)
