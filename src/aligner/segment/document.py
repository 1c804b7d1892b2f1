"""Turning a read document into numbered sentences for one side of the alignment."""

from __future__ import annotations

from collections.abc import Callable

from aligner.model import Document, Lang, RawDocument, Segment
from aligner.segment.chinese import split_chinese
from aligner.segment.english import split_english

_SPLITTERS: dict[str, Callable[[str], list[str]]] = {
    "zh": split_chinese,
    "en": split_english,
}


def segment(raw: RawDocument, lang: Lang, *, split_lines: bool = False) -> Document:
    """Split every paragraph into sentences, numbering them across the whole document.

    Paragraphs are never merged, so headings, dates and signature lines without final
    punctuation stay segments of their own. A line break always ends a sentence; with
    ``split_lines`` the input is already one sentence per line (a pre-segmented file)
    and lines are taken as they are, because re-splitting them would break a
    segmentation someone chose on purpose.
    """
    try:
        split = _SPLITTERS[lang]
    except KeyError:
        raise ValueError(f"no sentence splitter for language {lang!r}") from None
    segments: list[Segment] = []
    for index, paragraph in enumerate(raw.paragraphs):
        for line in paragraph.splitlines():
            sentences = [line] if split_lines else split(line)
            for sentence in sentences:
                text = sentence.strip()
                if text:
                    segments.append(Segment(id=len(segments), text=text, paragraph=index))
    return Document(path=raw.path, lang=lang, segments=tuple(segments))
