"""Omission check: Chinese with no English, whole links and sentences inside a link.

A link with no English at all is reported by :mod:`aligner.checks.omission`. A sentence can
also be dropped inside a link: a translation unit of a CAT tool holding "出口增长。进口下降。"
whose English is only "Exports grew." reads back as one link with English on both sides, and
neither that check nor pofilter sees the missing half. So both sides of every link with
more than one Chinese sentence are split into sentences (a unit of another tool's file is
one segment per side, whatever it holds), the sentences are aligned with the lexical
scorer, and a Chinese sentence left without English is reported when the link's English
shows no trace of it either: none of its dictionary words' translations, none of its
figures, names or glossary terms. A sentence the aligner merely merged with its neighbour
shares words with the English and is left alone. Such a finding is a warning: on MAC-Dev's
literary gold links, where translators merge and paraphrase freely, it fires on about one
link in 200 (``benchmarks/polarity_macdev.py`` measures it with the polarity check).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from aligner.checks.base import CheckContext, link_texts
from aligner.checks.chrome import is_symbols_only, non_body_kind
from aligner.checks.omission import check_omission
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Finding, Link, Segment, Severity
from aligner.segment.chinese import split_chinese
from aligner.segment.english import split_english

if TYPE_CHECKING:
    from aligner.align.lexical import Featurizer, LexicalScorer

NAME = "omission"

# A sentence this short (in Han characters) carries too little to judge.
_MIN_HAN = 4
# Dictionary words a dropped sentence must offer, none of which the English may contain.
_MIN_WORDS = 2
# How much of a neighbouring sentence the English must translate word for word before an
# untraced sentence beside it counts as dropped.
_MIN_COVERAGE = 0.5


def check_omissions(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    """Whole links with no English, then sentences with no English inside a link."""
    yield from check_omission(alignment, context)
    yield from check_sentence_omissions(alignment, context)


@lru_cache(maxsize=4)
def _tools(glossary: tuple[GlossaryEntry, ...]) -> tuple[LexicalScorer, Featurizer]:
    """The lexical scorer and featurizer, made when a link first holds two Chinese
    sentences: a bilingual file checked as it stands may have none, and then never
    loads the aligner (or numpy)."""
    from aligner.align.lexical import Featurizer, LexicalScorer
    from aligner.lexicon.cedict import load_lexicon

    lexicon = load_lexicon()
    return LexicalScorer(glossary, lexicon), Featurizer(lexicon, glossary)


def _sentences(document: Document, ids: tuple[int, ...]) -> list[tuple[str, int]]:
    """The sentences of a link's side, each with where it starts in the joined text."""
    split = split_chinese if document.lang == "zh" else split_english
    separator = 0 if document.lang == "zh" else 1
    found: list[tuple[str, int]] = []
    offset = 0
    for index, segment_id in enumerate(ids):
        if index:
            offset += separator
        text = document.segments[segment_id].text
        position = 0
        for piece in split(text):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, position)
            found.append((stripped, offset + max(start, 0)))
            position = max(start, 0) + len(stripped)
        offset += len(text)
    return found


def _han(text: str) -> int:
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")


def _coverage(sentence: str, english: str, featurizer: Featurizer) -> float:
    """The share of a sentence's words whose translation is in the English."""
    units = featurizer.chinese(sentence).units
    offered = featurizer.english(english).keys
    return sum(1 for unit in units if unit & offered) / len(units) if units else 0.0


def _dropped(sentence: str, english: str, featurizer: Featurizer) -> bool:
    """Whether the link's English shows no trace of a Chinese sentence."""
    if _han(sentence) < _MIN_HAN or is_symbols_only(sentence) or non_body_kind(sentence):
        return False
    evidence = featurizer.chinese(sentence)
    offered = featurizer.english(english).keys
    if len(evidence.units) < _MIN_WORDS:
        return False
    return not evidence.offered & offered


def check_sentence_omissions(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    for link in alignment.links:
        if not (link.zh and link.en):
            continue
        zh_sentences = _sentences(alignment.source, link.zh)
        if len(zh_sentences) < 2:
            continue
        scorer, featurizer = _tools(tuple(context.glossary))
        en_sentences = _sentences(alignment.target, link.en)
        zh, en = link_texts(alignment, link.zh, link.en)
        for inner_link in _inner_links(zh_sentences, en_sentences, scorer):
            english = " ".join(en_sentences[j][0] for j in inner_link.en) if inner_link.en else en
            traced = [
                index
                for index in inner_link.zh
                if not _dropped(zh_sentences[index][0], english, featurizer)
            ]
            # Inside a merged link, a sentence counts as dropped only beside one that is
            # plainly translated there; a link whose English matches little is a free
            # rendering, where words are no evidence either way.
            if inner_link.en and not any(
                _coverage(zh_sentences[index][0], english, featurizer) >= _MIN_COVERAGE
                for index in traced
            ):
                continue
            for index in inner_link.zh:
                if index in traced:
                    continue
                sentence, start = zh_sentences[index]
                yield _finding(link, zh, en, sentence, start)


def _inner_links(
    zh_sentences: list[tuple[str, int]],
    en_sentences: list[tuple[str, int]],
    scorer: LexicalScorer,
) -> tuple[Link, ...]:
    """The sentences of one merged link aligned among themselves."""
    from aligner.align import align_prepared

    source = Document("", "zh", tuple(Segment(i, t, 0) for i, (t, _) in enumerate(zh_sentences)))
    target = Document("", "en", tuple(Segment(i, t, 0) for i, (t, _) in enumerate(en_sentences)))
    return align_prepared(source, target, scorer.prepare(source, target)).links


def _finding(link: Link, zh: str, en: str, sentence: str, start: int) -> Finding:
    return Finding(
        check=NAME,
        severity=Severity.WARNING,
        zh_ids=link.zh,
        en_ids=link.en,
        zh=zh,
        en=en,
        message=(
            f"Chinese sentence has no English translation: “{sentence}” is left out of this "
            f"link, whose English translates only the rest of the Chinese."
        ),
        key=f"sentence:{sentence}",
        zh_spans=((start, start + len(sentence)),),
    )
