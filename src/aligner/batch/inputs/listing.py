"""What every kind of input (folder, zip, tar) yields: its members, refusals, and contents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from aligner.batch.inputs.limits import megabytes
from aligner.batch.model import Member, Rejection

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Listing:
    """The usable members of one input, and the members (or input) refused with a reason."""

    members: tuple[Member, ...]
    rejected: tuple[Rejection, ...]


@dataclass(frozen=True)
class Content:
    """A member's bytes, or why they could not be read (``data`` is None then)."""

    member: Member
    data: bytes | None
    problem: str = ""


class TooLarge(Exception):
    """Raised while streaming a member that turns out bigger than its header said."""


def read_capped(stream: IO[bytes], cap: int) -> bytes:
    """Read a whole stream, giving up as soon as it passes ``cap`` bytes.

    A lying header (a zip member claiming to be small) must not be able to make us
    inflate gigabytes, so the cap is enforced on what actually comes out.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            raise TooLarge(f"expands to more than {megabytes(cap)}; refusing a possible bomb")
