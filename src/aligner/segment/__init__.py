"""Sentence segmentation: from paragraphs to the numbered sentences the aligner pairs."""

from aligner.segment.chinese import split_chinese
from aligner.segment.document import segment
from aligner.segment.english import split_english

__all__ = ["segment", "split_chinese", "split_english"]
