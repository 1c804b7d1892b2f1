"""Tables derived from bundled data and cached between runs: same answers, safe caching.

The lexicon, the bundled glossary and the spelling word list are parsed once and kept in
the user's cache folder. These tests hold the cached forms to the parsed ones and the
cache to its promises: rebuilt when the source changes or the file is damaged, harmless
when the folder cannot be written, off with ALIGNER_NO_CACHE.
"""

from __future__ import annotations

import os
import time
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aligner.lexicon import cache, cedict
from aligner.lexicon.cedict import Glosses, Lexicon, Readings, load_lexicon, parse_cedict
from aligner.lexicon.spelling import Corrector, english_frequencies, english_words
from aligner.lexicon.wordset import WordSet


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(cache.DISABLE_VARIABLE, raising=False)
    return tmp_path / "aligner"


def _counting_build(calls: list[int], value: str) -> Callable[[], str]:
    def build() -> str:
        calls.append(1)
        return value

    return build


def _store_text(path: Path, build: Callable[[], str]) -> str:
    return cache.cached(path, build, lambda text: text.encode(), lambda data: str(data, "utf-8"))


def test_a_table_is_built_once_and_then_read(cache_home: Path) -> None:
    calls: list[int] = []
    path = cache.cache_file("demo", 1, ["source:1"], ".txt")
    assert _store_text(path, _counting_build(calls, "table")) == "table"
    assert _store_text(path, _counting_build(calls, "other")) == "table"
    assert len(calls) == 1
    assert path.parent == cache_home
    assert not [p for p in cache_home.iterdir() if p.name.endswith(".tmp")]


def test_a_changed_source_or_format_gets_another_file(cache_home: Path) -> None:
    first = cache.cache_file("demo", 1, ["source:1"], ".txt")
    assert cache.cache_file("demo", 1, ["source:2"], ".txt") != first
    assert cache.cache_file("demo", 2, ["source:1"], ".txt") != first
    assert cache.cache_file("other", 1, ["source:1"], ".txt") != first


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 24 * 60 * 60
    os.utime(path, (then, then))


def test_storing_a_table_removes_its_files_unused_for_a_month(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    stale = cache_home / "demo-0000000000000001.txt"
    recent = cache_home / "demo-0000000000000002.txt"
    other_table = cache_home / "demo-other-0000000000000003.txt"
    other_kind = cache_home / "demo-0000000000000004.json"
    for path in (stale, recent, other_table, other_kind):
        path.write_text("old")
        _age(path, 40)
    _age(recent, 10)
    path = cache.cache_file("demo", 1, ["source:1"], ".txt")
    assert _store_text(path, lambda: "table") == "table"
    assert sorted(p.name for p in cache_home.iterdir()) == sorted(
        [path.name, recent.name, other_table.name, other_kind.name]
    )


def test_reading_a_table_marks_it_as_in_use(cache_home: Path) -> None:
    path = cache.cache_file("demo", 1, ["source:1"], ".txt")
    _store_text(path, lambda: "table")
    _age(path, 40)
    assert _store_text(path, lambda: "rebuilt") == "table"
    assert path.stat().st_mtime > time.time() - 60
    _age(path, 0.5)  # marked at most once a day
    marked = path.stat().st_mtime
    _store_text(path, lambda: "rebuilt")
    assert path.stat().st_mtime == marked


def test_source_stamp_follows_size_and_time(tmp_path: Path) -> None:
    source = tmp_path / "data.txt"
    source.write_text("one")
    before = cache.source_stamp(source)
    source.write_text("one more")
    assert cache.source_stamp(source) != before


def test_a_damaged_file_is_rebuilt(cache_home: Path) -> None:
    path = cache.cache_file("demo", 1, ["x"], ".txt")
    cache_home.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not text")
    calls: list[int] = []
    assert _store_text(path, _counting_build(calls, "fresh")) == "fresh"
    assert path.read_bytes() == b"fresh"


def test_an_unwritable_folder_only_turns_caching_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    path = blocker / "aligner" / "demo.txt"
    calls: list[int] = []
    assert _store_text(path, _counting_build(calls, "v")) == "v"
    assert _store_text(path, _counting_build(calls, "v")) == "v"
    assert len(calls) == 2


def test_the_cache_can_be_switched_off(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.DISABLE_VARIABLE, "1")
    path = cache.cache_file("demo", 1, ["x"], ".txt")
    calls: list[int] = []
    _store_text(path, _counting_build(calls, "v"))
    _store_text(path, _counting_build(calls, "v"))
    assert len(calls) == 2
    assert not path.exists()


# --- the lexicon --------------------------------------------------------------------------

_HEADWORDS = st.text(alphabet="海关进出口税率统计数据贸易额abc", min_size=1, max_size=4)


@given(st.dictionaries(_HEADWORDS, st.text(alphabet="abc xyz'-", max_size=12), max_size=40))
def test_glosses_answer_like_the_dictionary_they_store(table: dict[str, str]) -> None:
    # Through the cache file's layout, as a run reads it: mapped, not copied.
    stored = Lexicon(Glosses.from_dict(table), Readings.of({}), 4, frozenset({"guan"}))
    lexicon = cedict._decode(memoryview(cedict._encode(stored)))
    glosses = lexicon.translations
    assert isinstance(glosses, Glosses) and lexicon.syllables == {"guan"}
    assert dict(glosses) == table
    assert len(glosses) == len(table)
    for word in [*table, "税", "关税", "", "zz"]:
        assert (word in glosses) == (word in table)
        assert glosses.get(word) == table.get(word)
    assert 5 not in glosses
    for first, second in zip(table, [*table][1:], strict=False):
        assert f"{first}\n{second}" not in glosses  # never two headwords read as one


@given(
    st.tuples(st.integers(), st.text(max_size=20)),
    st.lists(st.binary(max_size=40), max_size=5),
)
def test_packed_arrays_come_back_as_stored(header: tuple[int, str], arrays: list[bytes]) -> None:
    data = cache.pack(header, *arrays)
    found_header, found = cache.unpack(memoryview(data))
    assert found_header == header
    assert [bytes(view) for view in found] == arrays
    with pytest.raises((ValueError, EOFError)):
        cache.unpack(memoryview(data + b"\0"))


def test_a_cut_short_lexicon_file_is_not_read() -> None:
    table = {"海关": "custom", "进出口": "import export"}
    data = cedict._encode(Lexicon(Glosses.from_dict(table), Readings.of({}), 3, frozenset()))
    assert dict(cedict._decode(memoryview(data)).translations) == table
    for cut in (data[:-1], data[: len(data) // 2], data[:4]):
        with pytest.raises((ValueError, EOFError)):
            cedict._decode(memoryview(cut))


@given(
    st.dictionaries(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x2A6DF, categories=["Lo"]),
        st.text(alphabet="abcdeu ", min_size=1, max_size=12),
        max_size=40,
    )
)
def test_readings_answer_like_the_table_they_store(table: dict[str, str]) -> None:
    readings = Readings.of(table)
    chars, joined, ends = readings.encode()
    cut: array[int] = array("I")
    cut.frombytes(ends)
    stored = Readings(chars, joined, cut)
    assert dict(stored) == table
    assert len(stored) == len(table)
    for char in [*table, "税", "", "关税", "z"]:
        assert stored.get(char) == table.get(char)
    assert 5 not in stored  # type: ignore[comparison-overlap]


def test_the_cached_lexicon_is_the_parsed_one(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        "海關 海关 [hai3 guan1] /customs/",
        "進出口 进出口 [jin4 chu1 kou3] /imports and exports/",
        "陳 陈 [Chen2] /surname Chen/to exhibit/",
    ]
    parsed = parse_cedict(lines)

    monkeypatch.setattr(cedict, "_parse", lambda source: parse_cedict(lines))
    cedict.load_lexicon.cache_clear()
    try:
        built = load_lexicon()
        cedict.load_lexicon.cache_clear()
        read_back = load_lexicon()
    finally:
        cedict.load_lexicon.cache_clear()
    assert len([p for p in cache_home.iterdir() if p.name.startswith("cedict-")]) == 1
    for lexicon in (built, read_back):
        assert isinstance(lexicon, Lexicon)
        assert dict(lexicon.translations) == dict(parsed.translations)
        assert lexicon.pinyin == parsed.pinyin
        assert lexicon.max_word_length == parsed.max_word_length
        assert lexicon.syllables == parsed.syllables == {"chen"}
        assert lexicon.stems("进出口") == ("import", "export")


# --- the spelling word list ---------------------------------------------------------------


@given(st.sets(st.text(alphabet="abcé'", min_size=1, max_size=6), max_size=60))
def test_a_word_set_holds_exactly_its_words(words: set[str]) -> None:
    found = WordSet(*WordSet.of(words).encode())
    assert sorted(found) == sorted(words)
    for word in [*words, "zz", "a", "", "ab'"]:
        assert (word in found) == (word in words)


def test_the_cached_word_list_is_pyspellcheckers(cache_home: Path) -> None:
    from spellchecker import SpellChecker

    english_words.cache_clear()
    english_frequencies.cache_clear()
    try:
        words, frequencies = english_words(), english_frequencies()
        assert any(p.name.startswith("english-words-") for p in cache_home.iterdir())
        english_words.cache_clear()
        again = english_words()
    finally:
        english_words.cache_clear()
        english_frequencies.cache_clear()
    checker = SpellChecker(language="en", distance=2)
    assert frequencies == dict(checker.word_frequency.dictionary)
    assert again.letters == words.letters == "".join(sorted(checker.word_frequency.letters))
    assert again.longest == checker.word_frequency.longest_word_length
    for word in ["customs", "goverment", "realise", "xqzt", "tonnes", "eaisly"]:
        assert (word in again.words) == (word in checker)
        assert again.near(word) == bool(checker.known(checker.edit_distance_1(word)))


@pytest.mark.parametrize(
    "word", ["goverment", "eaisly", "recieve", "custms", "tradde", "gihon", "xqzvvk", "1e5"]
)
def test_suggestions_are_those_pyspellchecker_would_make(word: str) -> None:
    from spellchecker import SpellChecker

    checker = SpellChecker(language="en", distance=2)
    corrector = Corrector(english_words(), english_frequencies())
    expected = checker.candidates(word)
    suggestion = corrector.correction(word)
    if not expected:
        assert suggestion is None
        return
    # Where candidates are equally frequent pyspellchecker's pick follows string hashing;
    # ours is the first in alphabetical order among the most frequent.
    best = max(checker[c] for c in expected)
    assert suggestion == min(c for c in expected if checker[c] == best)


def test_cache_files_are_not_left_half_written(cache_home: Path) -> None:
    path = cache.cache_file("demo", 1, ["x"], ".txt")
    cache.store(path, b"complete")
    leftovers = [name for name in os.listdir(cache_home) if name != path.name]
    assert leftovers == []
    assert path.read_bytes() == b"complete"
