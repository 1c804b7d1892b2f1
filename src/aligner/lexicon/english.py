"""English word normalisation for lexical matching: tokens, stopwords and a light stemmer.

Matching a Chinese word's dictionary glosses against an English sentence only needs
word forms to meet half way ("grows", "growing", "grew" → "grow"), not a linguistically
exact stem, so a few suffix rules beat a full Porter stemmer on speed and predictability.
"""

from __future__ import annotations

from functools import lru_cache

from aligner.lexicon.compiled import regex_pattern

WORD = regex_pattern(r"[\p{L}][\p{L}\p{Mn}'’\-]*|\d+(?:[.,]\d+)*")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "above",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "near",
        "off",
        "out",
        "outside",
        "since",
        "through",
        "throughout",
        "till",
        "toward",
        "towards",
        "until",
        "up",
        "via",
        "within",
        "without",
        "be",
        "am",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "ought",
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "whatever",
        "whoever",
        "there",
        "here",
        "where",
        "when",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "either",
        "neither",
        "every",
        "some",
        "such",
        "no",
        "not",
        "only",
        "own",
        "same",
        "than",
        "too",
        "very",
        "just",
        "also",
        "then",
        "now",
        "even",
        "still",
        "again",
        "ever",
        "s",
        "t",
        "don't",
        "can't",
        "won't",
        "sb",
        "sth",
        "one's",
        "someone",
        "something",
        "somebody",
        "oneself",
        "etc",
        "eg",
        "ie",
        "i.e",
        "e.g",
        "esp",
        "used",
    ]
)

_IRREGULAR = {
    "went": "go",
    "gone": "go",
    "ran": "run",
    "saw": "see",
    "seen": "see",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "came": "come",
    "made": "make",
    "said": "say",
    "told": "tell",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "found": "find",
    "felt": "feel",
    "left": "leave",
    "kept": "keep",
    "held": "hold",
    "brought": "bring",
    "bought": "buy",
    "got": "get",
    "gotten": "get",
    "sat": "sit",
    "stood": "stand",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "began": "begin",
    "begun": "begin",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "lay": "lie",
    "laid": "lay",
    "slept": "sleep",
    "met": "meet",
    "led": "lead",
    "sent": "send",
    "built": "build",
    "spent": "spend",
    "lost": "lose",
    "paid": "pay",
    "heard": "hear",
    "understood": "understand",
    "fought": "fight",
    "caught": "catch",
    "taught": "teach",
    "sought": "seek",
    "threw": "throw",
    "thrown": "throw",
    "flew": "fly",
    "drew": "draw",
    "drawn": "draw",
    "wore": "wear",
    "worn": "wear",
    "broke": "break",
    "broken": "break",
    "chose": "choose",
    "chosen": "choose",
    "rose": "rise",
    "risen": "rise",
    "shot": "shoot",
    "hid": "hide",
    "hidden": "hide",
    "struck": "strike",
    "woke": "wake",
    "forgot": "forget",
    "died": "die",
    "lying": "lie",
    "dying": "die",
    "people": "person",
}

_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a lowercased English word to a matching key.

    Inflectional suffixes only (plural, past, progressive, comparative, adverbial -ly);
    derivational morphology is left alone because "customs" and "custom" or "import"
    and "important" should not collapse further than they already do.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("s"):
        return w[:-1]
    for suffix in ("ingly", "edly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            return _undouble(w)
    if w.endswith("ing") and len(w) >= 6:
        return _restore_e(_undouble(w[:-3]))
    if w.endswith("ed") and len(w) >= 5:
        return _restore_e(_undouble(w[:-2]))
    if w.endswith("ly") and len(w) >= 6:
        return w[:-2]
    return w


def _undouble(w: str) -> str:
    """ "stopp" → "stop", but keep "fall" and "pass"."""
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "lsz" and w[-1] not in _VOWELS:
        return w[:-1]
    return w


def _restore_e(w: str) -> str:
    """ "improv" → "improve": a consonant-vowel-consonant tail usually lost an "e"."""
    if len(w) >= 3 and w[-1] in "vcgz" and w[-2] in _VOWELS:
        return w + "e"
    return w


def words(text: str) -> list[str]:
    """Word tokens of a text, in order, as written (the pattern has no groups, so
    ``findall`` gives whole matches without a match object each)."""
    found: list[str] = WORD.findall(text)
    return found


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stopwords and bare digits left out)."""
    out: list[str] = []
    for token in words(text):
        lowered = token.lower().replace("’", "'")
        if lowered in STOPWORDS or token[0].isdigit():
            continue
        for part in lowered.split("-"):
            if part and part not in STOPWORDS and not part[0].isdigit():
                out.append(stem(part))
    return out
