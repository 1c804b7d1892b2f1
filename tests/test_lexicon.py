"""The zh→en lexicon behind lexical alignment: English stems, CC-CEDICT, Chinese word splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aligner.lexicon.cedict import Lexicon, load_lexicon, parse_cedict
from aligner.lexicon.chinese import longest_matches
from aligner.lexicon.english import content_stems, stem

STEMS = {
    "ports": "port",
    "zones": "zone",
    "policies": "policy",
    "grew": "grow",
    "grown": "grow",
    "growing": "grow",
    "improved": "improve",
    "achieved": "achieve",
    "reduced": "reduce",
    "imports": "import",
    "exports": "export",
    "customs": "custom",
    "countries": "country",
    "cities": "city",
    "studies": "study",
    "carried": "carry",
    "boxes": "box",
    "taxes": "tax",
    "businesses": "business",
    "business": "business",
    "analysis": "analysis",
    "stopped": "stop",
    "planned": "plan",
    "shipping": "ship",
    "opened": "open",
    "reached": "reach",
    "rapidly": "rapid",
    "vehicles": "vehicle",
    "women": "woman",
    "people": "person",
    "China’s": "china",
    "Customs’": "custom",
    "Ports": "port",
    "gas": "gas",
}


@pytest.mark.parametrize(("word", "expected"), sorted(STEMS.items()))
def test_stemmer_table(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize("word", ["port", "zone", "policy", "grow", "custom", "trade"])
def test_stem_of_a_stem_is_itself(word: str) -> None:
    assert stem(stem(word)) == stem(word) == word


def test_content_stems_drop_stopwords_and_figures() -> None:
    text = "In 2024, the ports of China grew by 5% and improved their customs clearance."
    assert content_stems(text) == [
        "port",
        "china",
        "grow",
        "improve",
        "custom",
        "clearance",
    ]


# --- CC-CEDICT -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_cedict_glosses_for_customs_words(lexicon: Lexicon) -> None:
    assert "custom" in lexicon.stems("海关")
    assert {"import", "export"} <= set(lexicon.stems("进出口"))
    assert "export" in lexicon.stems("出口")
    assert lexicon.stems("𠀀𠀀") == ()


def test_cedict_readings_of_single_characters(lexicon: Lexicon) -> None:
    assert "chen" in lexicon.readings("陈")
    assert "hai" in lexicon.readings("海")
    assert lexicon.readings("海关") == ()


def test_cedict_loads_once_per_process(lexicon: Lexicon) -> None:
    assert load_lexicon() is lexicon
    assert len(lexicon.translations) > 100_000
    assert 4 <= lexicon.max_word_length <= 8


CEDICT_LINES = [
    "# CC-CEDICT",
    "#! version=1",
    "海關 海关 [hai3 guan1] /customs (i.e. border crossing inspection)/CL:個|个[ge4]/",
    "陳 陈 [Chen2] /surname Chen/to lay out/to exhibit/",
    "進出口 进出口 [jin4 chu1 kou3] /imports and exports/",
    "个 个 [ge4] /variant of 個|个[ge4]/",
    "this line is not an entry",
]


def test_parse_cedict_indexes_both_scripts_and_skips_noise() -> None:
    parsed = parse_cedict(CEDICT_LINES)
    # Parenthesised explanations and measure-word notes are not translations.
    assert parsed.stems("海关") == parsed.stems("海關") == ("custom",)
    assert parsed.stems("进出口") == ("import", "export")
    # "surname" is dropped so a name meets its spelling; "lay" stems like the past of "lie".
    assert parsed.stems("陈") == ("chen", "lie", "exhibit")
    assert parsed.stems("个") == (), "a bare variant pointer says nothing about meaning"
    assert parsed.readings("陈") == ("chen",)
    assert parsed.readings("个") == ("ge",)
    assert parsed.max_word_length == 3


def test_headwords_are_also_keyed_as_the_aligner_folds_text() -> None:
    parsed = parse_cedict(
        [
            "乾隆 乾隆 [Qian2 long2] /Qianlong Emperor/",
            "隨著 随着 [sui2 zhe5] /along with/in the wake of/",
        ]
    )
    # The fold turns 乾 into 干 even in simplified text, and keeps Taiwan's 著.
    assert parsed.stems("干隆") == parsed.stems("乾隆") == ("qianlong", "emperor")
    assert parsed.stems("随著") == parsed.stems("随着") == parsed.stems("隨著") == ("wake",)


# --- longest-match splitting ---------------------------------------------------------------


def test_longest_match_prefers_long_words(lexicon: Lexicon) -> None:
    def known(word: str) -> bool:
        return word in lexicon.translations

    words = list(longest_matches("海关总署进出口数据显示", known, lexicon.max_word_length))
    assert words == ["海关总署", "进出口", "数据", "显示"]


HAN_POOL = "海关总署进出口贸易数据显示增长口岸企业政策我国同比陈清扬𠀀龘"


@given(st.text(alphabet=HAN_POOL, max_size=60))
def test_longest_match_keeps_every_character(text: str) -> None:
    lexicon = load_lexicon()

    def known(word: str) -> bool:
        return word in lexicon.translations

    pieces = list(longest_matches(text, known, lexicon.max_word_length))
    assert "".join(pieces) == text
    assert all(pieces)
    assert all(len(piece) == 1 or known(piece) for piece in pieces)


@given(st.text(alphabet="甲乙丙丁", max_size=30), st.integers(min_value=1, max_value=5))
def test_longest_match_with_nothing_known_splits_into_characters(text: str, limit: int) -> None:
    assert list(longest_matches(text, lambda _: False, limit)) == list(text)
