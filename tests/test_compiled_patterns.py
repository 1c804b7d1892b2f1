"""Regular expressions rebuilt from programs stored by an earlier run behave as compiled ones.

The cache is a shortcut only: a pattern read back must be the pattern ``re.compile`` or
``regex.compile`` would give, and a damaged, foreign or switched-off cache must cost
nothing but the compile.
"""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest
import regex

from aligner.lexicon import cache, compiled

RE_CASES = [
    (r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)\s*(?:per\s*cent|%)", re.IGNORECASE),
    (r"(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})", 0),
    (r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+", 0),
    (r"^\s*(?:第[一二三四五六七八九十]+条)", re.MULTILINE),
    (r"(?x) a \s+ b  # verbose, with an inline flag", 0),
]
REGEX_CASES = [
    (r"\b(?:rise|rose|risen|grow|grew)\b", regex.IGNORECASE),
    (r"(?<![\p{L}\p{N}])(\p{L}+)(\s+)(\1)(?![\p{L}\p{N}])", regex.IGNORECASE),
    (r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月", 0),
    (r"增长|下降|提高", regex.V0),
]
TEXTS = [
    "Exports rose 5.2 per cent to 43.85 trillion yuan in 2024-12-31, the the rise grew.",
    "2024年12月进出口增长5%，第三条 规定 Grew GREW a  b",
    "It's 12% and O’Brien's 3 %",
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a process that has read no stored programs yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(cache.DISABLE_VARIABLE, raising=False)
    monkeypatch.setattr(compiled, "_engines", {})
    return tmp_path / "aligner"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.save()
    monkeypatch.setattr(compiled, "_engines", {})


def _same_regex(found: regex.Pattern[str], pattern: str, flags: int) -> None:
    expected = regex.compile(pattern, flags)
    assert found.pattern == expected.pattern
    assert found.flags == expected.flags
    assert found.groupindex == expected.groupindex
    for text in TEXTS:
        assert [m.span() for m in found.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]
        assert found.findall(text) == expected.findall(text)


@pytest.mark.parametrize(("pattern", "flags"), RE_CASES)
def test_a_stored_re_pattern_is_the_compiled_one(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    first = compiled.re_pattern(pattern, flags)
    _new_process(monkeypatch)
    assert [p.name.startswith("patterns-re-") for p in fresh.iterdir()] == [True]
    again = compiled.re_pattern(pattern, flags)
    assert not compiled._engines["re"].added  # read back, not compiled
    # re.Pattern equality compares the pattern, the flags and the engine's program.
    assert first == again == re.compile(pattern, flags)
    assert again.groupindex == re.compile(pattern, flags).groupindex
    for text in TEXTS:
        assert again.findall(text) == re.compile(pattern, flags).findall(text)


@pytest.mark.parametrize(("pattern", "flags"), REGEX_CASES)
def test_a_stored_regex_pattern_is_the_compiled_one(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    _same_regex(compiled.regex_pattern(pattern, flags), pattern, flags)
    _new_process(monkeypatch)
    again = compiled.regex_pattern(pattern, flags)
    assert not compiled._engines["regex"].added
    _same_regex(again, pattern, flags)


def test_the_packages_patterns_are_stored_and_read_back(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pattern a module compiled through the cache is the one the engine makes."""
    from aligner.language import en_quantities, zh_quantities

    module_patterns = [
        value
        for module in (en_quantities, zh_quantities)
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    assert module_patterns
    for pattern in module_patterns:
        compiled.re_pattern(pattern.pattern, pattern.flags & ~re.UNICODE)
    _new_process(monkeypatch)
    for pattern in module_patterns:
        assert compiled.re_pattern(pattern.pattern, pattern.flags & ~re.UNICODE) == pattern


def test_a_damaged_file_is_compiled_afresh_and_rewritten(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = RE_CASES[0]
    compiled.re_pattern(pattern, flags)
    _new_process(monkeypatch)
    (stored,) = fresh.iterdir()
    stored.write_bytes(stored.read_bytes()[:100])
    assert compiled.re_pattern(pattern, flags) == re.compile(pattern, flags)
    _new_process(monkeypatch)
    version, table = marshal.loads(stored.read_bytes())
    assert version == compiled.FORMAT_VERSION
    assert set(table) == {(pattern, flags)}


def test_a_damaged_entry_is_dropped_and_compiled(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in RE_CASES[:2]:
        compiled.re_pattern(pattern, flags)
    compiled.regex_pattern(*REGEX_CASES[0])
    _new_process(monkeypatch)
    for stored in fresh.iterdir():
        version, table = marshal.loads(stored.read_bytes())
        # A program the engine refuses, and bytes that are no program at all.
        broken = {key: marshal.dumps((0, [999999], 0, {}, ())) for key in table}
        if stored.name.startswith("patterns-regex-"):
            broken = {key: b"\x80\x05junk" for key in table}
        stored.write_bytes(marshal.dumps((version, broken)))
    for pattern, flags in RE_CASES[:2]:
        assert compiled.re_pattern(pattern, flags) == re.compile(pattern, flags)
    _same_regex(compiled.regex_pattern(*REGEX_CASES[0]), *REGEX_CASES[0])
    _new_process(monkeypatch)
    assert compiled.re_pattern(*RE_CASES[0]) == re.compile(*RE_CASES[0])
    assert not compiled._engines["re"].added


def test_another_engine_version_reads_another_file(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled.regex_pattern(*REGEX_CASES[0])
    _new_process(monkeypatch)
    monkeypatch.setattr(regex, "__version__", "0.0.0-other")
    compiled.regex_pattern(*REGEX_CASES[0])
    assert compiled._engines["regex"].added  # nothing stored for this version
    _new_process(monkeypatch)
    assert len([p for p in fresh.iterdir() if p.name.startswith("patterns-regex-")]) == 2


def test_another_format_version_is_not_read(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.re_pattern(*RE_CASES[0])
    _new_process(monkeypatch)
    (stored,) = fresh.iterdir()
    _, table = marshal.loads(stored.read_bytes())
    stored.write_bytes(marshal.dumps((compiled.FORMAT_VERSION + 1, table)))
    compiled.re_pattern(*RE_CASES[0])
    assert compiled._engines["re"].added


def test_a_file_past_its_size_keeps_only_the_last_runs_patterns(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 3)
    for index in range(3):
        compiled.re_pattern(f"word{index}")
    _new_process(monkeypatch)
    compiled.re_pattern("word0")
    compiled.re_pattern("other")
    _new_process(monkeypatch)
    (stored,) = fresh.iterdir()
    _, table = marshal.loads(stored.read_bytes())
    assert set(table) == {("word0", 0), ("other", 0)}


def test_switched_off_it_only_compiles(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.DISABLE_VARIABLE, "1")
    assert compiled.re_pattern(*RE_CASES[0]) == re.compile(*RE_CASES[0])
    _same_regex(compiled.regex_pattern(*REGEX_CASES[0]), *REGEX_CASES[0])
    _new_process(monkeypatch)
    assert not fresh.exists()


def test_a_bad_pattern_raises_as_the_engine_does(fresh: Path) -> None:
    with pytest.raises(re.error):
        compiled.re_pattern("(unclosed")
    with pytest.raises(regex.error):
        compiled.regex_pattern("(unclosed")


_PATTERNS_OF_A_RUN = """
import importlib, json, sys
from aligner.lexicon import compiled
from aligner.checks.registry import CHECKS
for spec in CHECKS:
    spec.load()
importlib.import_module("aligner.segment")
importlib.import_module("aligner.readers")
print(json.dumps(sorted(
    [engine, *key] for engine, programs in compiled._engines.items() for key in programs.used
)))
"""


def test_the_packages_patterns_are_the_same_text_in_every_process(tmp_path: Path) -> None:
    """Patterns built from sets must not follow string hashing, or no run would find the
    programs the last one stored."""
    import json
    import os
    import subprocess
    import sys

    found = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path)}
        environment.pop(cache.DISABLE_VARIABLE, None)
        done = subprocess.run(
            [sys.executable, "-c", _PATTERNS_OF_A_RUN],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        found.append(json.loads(done.stdout))
    assert len(found[0]) > 100
    assert found[0] == found[1]
