"""How much a batch input may hold before it is treated as hostile.

The archive-wide thresholds reuse :class:`aligner.readers.safety.ZipLimits` (the same
notion as for a DOCX package) with values sized for an archive of many releases; the
per-member cap is what one release, even a DOCX full of pictures, never comes near.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aligner.readers.safety import ZipLimits

_MB = 1024 * 1024


@dataclass(frozen=True)
class BatchLimits:
    """Caps on an input archive; exceeding one rejects the member or the whole archive."""

    archive: ZipLimits = field(
        default_factory=lambda: ZipLimits(
            max_members=20_000,
            max_total_uncompressed=1024 * _MB,
            max_ratio=200.0,
            min_ratio_size=64 * 1024,
        )
    )
    max_member_bytes: int = 64 * _MB


DEFAULT_BATCH_LIMITS = BatchLimits()


def megabytes(size: int) -> str:
    return f"{size / _MB:,.0f} MB" if size >= _MB else f"{size:,} bytes"
