"""Splitting Chinese into words by asking for the longest known word at each place.

The lexical scorer asks the lexicon once per word ("how long is the longest headword
here?") instead of once per length tried; these tests hold that to the classic
longest-match split, with and without glossary terms, and with a lexicon that is a plain
table rather than the cached index.
"""

from __future__ import annotations

from functools import partial

from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align.lexical import Featurizer
from aligner.glossary.model import GlossaryEntry
from aligner.lexicon.cedict import Glosses, Lexicon, load_lexicon
from aligner.lexicon.chinese import longest_matches, split_by_prefixes

HAN_POOL = "海关总署进出口贸易数据显示增长口岸企业政策我国同比货物第一大陈清扬𠀀龘"


def _classic(text: str, lexicon: Lexicon, glossary: frozenset[str], limit: int) -> list[str]:
    def known(word: str) -> bool:
        return word in glossary or word in lexicon.translations

    return list(longest_matches(text, known, limit))


def _featurizer_words(featurizer: Featurizer, text: str) -> list[str]:
    return list(split_by_prefixes(text, featurizer._prefix_length))


# No deadline: the first example builds the lexicon index when no earlier run has cached it.
@settings(deadline=None)
@given(st.text(alphabet=HAN_POOL, max_size=40))
def test_the_lexicon_index_splits_like_longest_match(text: str) -> None:
    lexicon = load_lexicon()
    assert isinstance(lexicon.translations, Glosses)
    ask = partial(lexicon.translations.prefix_length, limit=lexicon.max_word_length)
    assert list(split_by_prefixes(text, ask)) == _classic(
        text, lexicon, frozenset(), lexicon.max_word_length
    )


def test_a_line_break_ends_every_word() -> None:
    lexicon = load_lexicon()
    assert isinstance(lexicon.translations, Glosses)
    ask = partial(lexicon.translations.prefix_length, limit=lexicon.max_word_length)
    assert list(split_by_prefixes("海关\n海关总署", ask)) == ["海关", "\n", "海关总署"]
    assert "海关\n海关总署" not in lexicon.translations


def test_a_known_word_is_one_piece() -> None:
    lexicon = load_lexicon()
    featurizer = Featurizer(lexicon)
    assert _featurizer_words(featurizer, "海关总署进出口数据显示") == [
        "海关总署",
        "进出口",
        "数据",
        "显示",
    ]


# No deadline: the first example builds the lexicon index when no earlier run has cached it.
@settings(deadline=None)
@given(st.text(alphabet=HAN_POOL, max_size=40))
def test_glossary_terms_longer_than_any_headword_win(text: str) -> None:
    lexicon = load_lexicon()
    terms = ["货物贸易第一大国", "口岸企业政策我国同比增长", "陈清"]
    featurizer = Featurizer(lexicon, [GlossaryEntry(term, "x") for term in terms])
    limit = max(lexicon.max_word_length, *(len(t) for t in terms))
    assert _featurizer_words(featurizer, text) == _classic(text, lexicon, frozenset(terms), limit)


def test_glossary_term_beyond_the_lexicon_limit_is_one_piece() -> None:
    featurizer = Featurizer(load_lexicon(), [GlossaryEntry("口岸企业政策我国同比增长", "x")])
    assert _featurizer_words(featurizer, "海关口岸企业政策我国同比增长") == [
        "海关",
        "口岸企业政策我国同比增长",
    ]


@given(st.text(alphabet="甲乙丙丁戊", max_size=30))
def test_a_plain_table_lexicon_splits_the_same_way(text: str) -> None:
    table = {"甲乙": "a", "甲乙丙": "b", "丁戊": "c", "乙": "d"}
    lexicon = Lexicon(translations=table, pinyin={}, max_word_length=3, syllables=frozenset())
    featurizer = Featurizer(lexicon)
    assert _featurizer_words(featurizer, text) == _classic(text, lexicon, frozenset(), 3)
    assert "".join(_featurizer_words(featurizer, text)) == text
