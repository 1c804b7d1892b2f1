"""hunalign as the peer of ``benchmarks/bible.py``: inputs, dictionary, run and result.

hunalign (Varga et al. 2005) reads one sentence per line with tokens separated by spaces
and a dictionary of ``english words @ chinese words`` lines, and writes a *ladder*: the
rungs ``(i, j)`` where the first ``i`` Chinese sentences end against the first ``j``
English ones. To give it the same knowledge aligner has, its inputs are made here from
aligner's own tools, outside the timed run:

- Chinese is split into words by the same longest match over the CC-CEDICT headwords
  that the lexical scorer uses (Han runs split, anything else kept as written);
- English words become the keys the lexical scorer compares: the stem, cut to its first
  five letters ("created" and "create" meet as "creat"); every word is kept, so
  sentence lengths stay comparable;
- the dictionary pairs each Chinese word of the text with the keys of its glosses, as
  aligner's lexicon holds them. Restricting it to the text's words is what aligner's
  lexicon does too (it decodes only the words a document uses); hunalign given all
  700,000 pairs takes about 1.3 times as long and twice the memory, for the same result.

The flags are ``-utf`` only by default: hunalign's fastest setting. ``-realign`` (a second
pass with a dictionary learnt from the first) gains it about 0.03 F1 for 2.4 times the
time; ``--realign`` in ``bible.py`` measures that setting instead. The prepared files
are kept in a cache folder keyed by the inputs, so the runs time hunalign alone.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from aligner.language.traditional import to_simplified
from aligner.lexicon.cedict import load_lexicon
from aligner.lexicon.chinese import HAN_RUN, longest_matches
from aligner.lexicon.english import WORD, stem

NAME = "hunalign"
# Count characters, not bytes, in the length model (the default in recent versions).
FLAGS = ("-utf",)
REALIGN = "-realign"
# The lexical scorer compares English words by their first letters (lexical._prefix).
KEY_LETTERS = 5
BUILD_HINT = (
    "hunalign was not found. Build it from https://github.com/danielvarga/hunalign:\n"
    "    git clone https://github.com/danielvarga/hunalign && cd hunalign/src/hunalign && make\n"
    "then pass --hunalign path/to/hunalign/src/hunalign/hunalign (or put it on PATH)."
)

Link = tuple[tuple[int, ...], tuple[int, ...]]


def find(explicit: Path | None, repo: Path) -> Path:
    """The hunalign binary: the one given, else on PATH, else a build next to the repo."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(explicit)
    else:
        on_path = shutil.which(NAME)
        if on_path:
            candidates.append(Path(on_path))
        candidates.append(repo.parent / "peers" / NAME / "src" / NAME / NAME)
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.resolve()  # hunalign runs in a temporary folder
    raise SystemExit(BUILD_HINT)


def prepare(zh: Path, en: Path, folder: Path) -> tuple[Path, Path, Path]:
    """Tokenised Chinese, stemmed English and the dictionary, made once per input."""
    digest = hashlib.sha1()
    for path in (zh, en):
        stat = path.stat()
        digest.update(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    digest.update(Path(__file__).read_bytes())
    target = folder.resolve() / f"{NAME}-{digest.hexdigest()[:12]}"
    zh_out, en_out, dictionary = target / "zh.tok", target / "en.tok", target / "zh-en.dic"
    if dictionary.exists():
        return zh_out, en_out, dictionary
    target.mkdir(parents=True, exist_ok=True)
    lexicon = load_lexicon()
    translations = lexicon.translations

    def known(word: str) -> bool:
        return word in translations

    def chinese(line: str) -> str:
        text = to_simplified(line)
        tokens: list[str] = []
        last = 0
        for run in HAN_RUN.finditer(text):
            tokens.extend(text[last : run.start()].split())
            tokens.extend(longest_matches(run.group(0), known, lexicon.max_word_length))
            last = run.end()
        tokens.extend(text[last:].split())
        return " ".join(tokens)

    def english(line: str) -> str:
        return " ".join(stem(m.group(0).lower())[:KEY_LETTERS] for m in WORD.finditer(line))

    zh_lines = [chinese(x) for x in _lines(zh)]
    _write_lines(zh_out, zh_lines)
    _write_lines(en_out, [english(x) for x in _lines(en)])
    entries: dict[str, None] = {}
    for head in sorted(set(" ".join(zh_lines).split())):
        for gloss in lexicon.stems(head):
            entries.setdefault(f"{gloss[:KEY_LETTERS]} @ {head}")
    partial = dictionary.with_suffix(".part")
    _write_lines(partial, entries)
    partial.replace(dictionary)
    return zh_out, en_out, dictionary


def command(binary: Path, zh: Path, en: Path, dictionary: Path, realign: bool = False) -> list[str]:
    """hunalign's command line: dictionary, source (Chinese), target (English)."""
    flags = [*FLAGS, REALIGN] if realign else list(FLAGS)
    return [str(binary), *flags, str(dictionary), str(zh), str(en)]


def links(ladder: str) -> list[Link]:
    """The links between consecutive rungs of a ladder (its third column is a score)."""
    rungs = [tuple(int(x) for x in line.split("\t")[:2]) for line in ladder.splitlines() if line]
    found: list[Link] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(rungs):
        found.append((tuple(range(i0, i1)), tuple(range(j0, j1))))
    return found


def _lines(path: Path) -> Sequence[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write_lines(path: Path, lines: Sequence[str]) -> None:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
