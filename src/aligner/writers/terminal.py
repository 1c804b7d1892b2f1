"""A side-by-side view for the terminal, Chinese left, English right.

Chinese characters take two columns in a terminal, so wrapping counts display width,
not characters; otherwise the English column would drift out of line.
"""

from __future__ import annotations

import shutil
import unicodedata

from aligner.formats.settings import OutputSettings
from aligner.model import Report


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap at spaces where there are any, anywhere in runs of CJK text."""
    lines: list[str] = []
    current = ""
    current_width = 0
    for token in _tokens(text):
        w = display_width(token)
        if current_width + w > width and current:
            lines.append(current.rstrip())
            current, current_width = "", 0
            if token == " ":
                continue
        while w > width:  # a single token longer than the column
            head, rest = _split_at_width(token, width)
            lines.append(head)
            token, w = rest, display_width(rest)
        current += token
        current_width += w
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for c in text:
        if c == " " or unicodedata.east_asian_width(c) in "WF":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(c)
        else:
            word += c
    if word:
        tokens.append(word)
    return tokens


def _split_at_width(token: str, width: int) -> tuple[str, str]:
    used = 0
    for k, c in enumerate(token):
        used += display_width(c)
        if used > width:
            return token[:k], token[k:]
    return token, ""


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def render_side_by_side(report: Report, width: int | None = None) -> str:
    total = width or shutil.get_terminal_size((120, 24)).columns
    total = max(total, 60)
    label_width = 16
    column = (total - label_width - 3) // 2
    alignment = report.alignment
    out: list[str] = []
    for number, link in enumerate(alignment.links, start=1):
        zh_lines = wrap(alignment.source.texts(link.zh), column) if link.zh else ["—"]
        en_lines = wrap(alignment.target.texts(link.en), column) if link.en else ["—"]
        ids = f"{_ids(link.zh)}:{_ids(link.en)}"
        labels = [f"{number:>3} {link.confidence:.2f}", ids]
        # At least as many rows as labels, so a one-line link still shows its ids.
        for k in range(max(len(zh_lines), len(en_lines), len(labels))):
            label = labels[k] if k < len(labels) else ""
            left = zh_lines[k] if k < len(zh_lines) else ""
            right = en_lines[k] if k < len(en_lines) else ""
            out.append(f"{_pad(label, label_width)} {_pad(left, column)} │ {right}".rstrip())
        out.append("")
    return "\n".join(out)


def _ids(ids: tuple[int, ...]) -> str:
    return "[" + ",".join(map(str, ids)) + "]"


def side_by_side_bytes(report: Report, settings: OutputSettings) -> bytes:
    return (render_side_by_side(report, settings.width) + "\n").encode("utf-8")
