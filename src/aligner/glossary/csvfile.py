"""CSV and TSV glossaries: one row per entry, a header naming the columns."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from aligner.errors import InputError
from aligner.glossary.files import decode_utf8
from aligner.glossary.model import Glossary, GlossaryEntry
from aligner.glossary.problems import GlossaryProblem, ReadResult, problem
from aligner.glossary.status import parse_status
from aligner.model import TermStatus

COLUMNS = ("zh", "en", "status", "variants", "deprecated", "note")
REQUIRED_COLUMNS = ("zh", "en")
_LIST_SEPARATOR = re.compile(r"[|;]")
_SPACES = re.compile(r"\s+")


def clean_term(text: str) -> str:
    """Collapse runs of whitespace so that a stray double space never defeats matching."""
    return _SPACES.sub(" ", text).strip()


def split_list(field: str) -> tuple[str, ...]:
    return tuple(term for term in (clean_term(p) for p in _LIST_SEPARATOR.split(field)) if term)


def _delimiter(path: str, header: str) -> str:
    """Pick the delimiter the header uses, trusting the extension when the header agrees.

    Spreadsheets often save tab-separated text under a .csv name (and the reverse), so
    the header line has the last word.
    """
    suffix = Path(path).suffix.lower()
    expected = "\t" if suffix == ".tsv" else ","
    if expected in header:
        return expected
    counts = {sep: header.count(sep) for sep in ("\t", ",", ";")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else expected


def read_csv_glossary(path: str, data: bytes) -> ReadResult:
    """Read every well-formed row and report every malformed one with its line number.

    Raises InputError only when the file as a whole is unusable (not UTF-8, no header,
    or a header without the zh and en columns).
    """
    text = decode_utf8(path, data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, first_line))
    problems: list[GlossaryProblem] = []
    header: list[str] | None = None
    entries: list[GlossaryEntry] = []
    previous_end = 0
    try:
        for row in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            if not any(field.strip() for field in row):
                continue
            if header is None:
                header = _read_header(path, line, row, problems)
                continue
            entry = _read_row(path, line, header, row, problems)
            if entry is not None:
                entries.append(entry)
    except csv.Error as exc:
        raise InputError(path, f"line {reader.line_num}: {exc}") from None
    if header is None:
        raise InputError(path, "line 1: no header row; expected columns zh,en")
    return ReadResult(Glossary(Path(path).stem, tuple(entries)), tuple(problems))


def _read_header(
    path: str, line: int, row: list[str], problems: list[GlossaryProblem]
) -> list[str]:
    header = [name.strip().lower() for name in row]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise InputError(
            path,
            f"line {line}: missing required column(s) {', '.join(missing)}; "
            f"the header must name zh and en (found: {', '.join(header)})",
        )
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise InputError(path, f"line {line}: column(s) named twice: {', '.join(repeated)}")
    for name in header:
        if name not in COLUMNS:
            problems.append(
                problem(path, line, f'unknown column "{name}" is ignored', severity="warning")
            )
    return header


def _read_row(
    path: str, line: int, header: list[str], row: list[str], problems: list[GlossaryProblem]
) -> GlossaryEntry | None:
    if len(row) != len(header):
        problems.append(problem(path, line, f"expected {len(header)} fields, found {len(row)}"))
        return None
    fields = dict(zip(header, row, strict=True))
    zh = clean_term(fields["zh"])
    en = clean_term(fields["en"])
    status_text = fields.get("status", "").strip()
    status = parse_status(status_text) if status_text else TermStatus.PREFERRED
    errors = []
    if not zh:
        errors.append("missing zh")
    if not en:
        errors.append("missing en")
    if status is None:
        errors.append(
            f'unknown status "{status_text}" '
            "(expected preferred, admitted, deprecated or forbidden)"
        )
    for message in errors:
        problems.append(problem(path, line, message))
    if errors or status is None:
        return None
    return GlossaryEntry(
        zh=zh,
        en=en,
        status=status,
        variants=split_list(fields.get("variants", "")),
        deprecated=split_list(fields.get("deprecated", "")),
        note=clean_term(fields.get("note", "")),
        origin=f"{path}:{line}",
    )


def csv_text(glossary: Glossary, delimiter: str = ",") -> str:
    """The glossary as CSV (or TSV) text with the full header, one row per entry."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in glossary.entries:
        writer.writerow(
            (
                entry.zh,
                entry.en,
                entry.status.value,
                " | ".join(entry.variants),
                " | ".join(entry.deprecated),
                entry.note,
            )
        )
    return buffer.getvalue()
