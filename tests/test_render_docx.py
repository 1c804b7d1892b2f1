"""The handout opens and lays out in a real word processor (LibreOffice), Chinese included."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from aligner.writers.docx import Layout
from builders import write_docx
from test_writers_table import sample_report

SOFFICE = shutil.which("soffice")


@pytest.mark.parametrize("layout", ["table", "interleaved"])
def test_libreoffice_converts_the_handout_to_pdf(tmp_path: Path, layout: Layout) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the handout cannot be rendered")
    source = tmp_path / f"handout-{layout}.docx"
    write_docx(sample_report(), str(source), layout=layout)
    # A private profile keeps the conversion independent of any LibreOffice already running.
    profile = (tmp_path / "profile").as_uri()
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = source.with_suffix(".pdf")
    assert completed.returncode == 0, completed.stderr
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8")
    compact = "".join(text.split())
    assert "海关总署发布2024年全年进出口数据" in compact
    assert "以中文版本为准" in compact
    assert "GACCReleasesImportandExportDatafor2024" in compact
