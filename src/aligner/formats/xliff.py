"""XLIFF output in the version the user asked for (1.2 by default, or 2.1)."""

from __future__ import annotations

from aligner.formats.settings import OutputSettings
from aligner.model import Report


def xliff_bytes(report: Report, settings: OutputSettings) -> bytes:
    if settings.xliff_version == "2.1":
        from aligner.formats.xliff21 import render_xliff21

        return render_xliff21(report)
    from aligner.formats.xliff12 import render_xliff12

    return render_xliff12(report)
