"""English sentence splitting tuned for government press releases.

Press releases are dense with abbreviations ("No. 6", "Co., Ltd."), amounts ("RMB43.85
trillion"), initials and web addresses, so a naive split on full stops would cut most
paragraphs in the wrong places and spoil the alignment. The splitter only ever breaks at a
terminator that is followed by whitespace, and then asks whether the word before and the
word after make a sentence boundary plausible; when in doubt it keeps text together,
because the aligner can pair one long sentence with two short ones but cannot repair a
sentence cut in half.
"""

from __future__ import annotations

from itertools import pairwise

from aligner.lexicon.compiled import regex_pattern

# A run of terminators, then any closing quotes or brackets that belong to the sentence,
# and only where whitespace follows: "5.603", "www.customs.gov.cn" and "a.b@c.cn" never
# offer a break because there is no space after their dots. A spaced ". . ." is one
# ellipsis, not three full stops.
_CANDIDATE = regex_pattern(r"""(?P<term>[.!?…]+(?:[ ][.…]+)*)(?P<close>["'”’)\]}»›]*)(?=\s)""")
# A Chinese full stop, exclamation or question mark in English text (a pasted Chinese
# sentence, or a slip of the input method) ends a sentence wherever it stands: Chinese
# puts no space after it, and an unsplit pair would pull the alignment out of step.
_FULL_WIDTH = regex_pattern(r"""[。！？]+["'”’」』）)\]]*""")
_OPENERS = "\"'“‘([{«‹"
_WORD_AFTER = regex_pattern(r"\s+(\S+)")
_LEADING_LETTERS = regex_pattern(r"\p{L}*")

# Always followed by a name or a phrase, never the last word of a sentence.
_NEVER_FINAL = frozenset(
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "hon", "rev",
        "vs", "e.g", "i.e", "cf", "viz", "approx", "fig", "figs",
        "pp", "para", "sec", "ch",
    }
)  # fmt: skip

# Usually mid-sentence, but may end one ("... at 9 a.m. The minister ..."): break only
# when the next word is one that typically opens an English sentence.
_MAYBE_FINAL = frozenset(
    {
        "no", "nos", "vol", "vols", "st", "mt", "gen", "rep", "sen", "gov", "col", "capt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "co", "ltd", "inc", "corp", "dept", "bros", "plc", "llc", "jr", "sr",
        "est", "ed", "eds", "p", "art", "ref", "tel", "ext",
    }
)  # fmt: skip

# Abbreviations that end a list: a capitalised word after them starts a new sentence.
_LIST_FINAL = frozenset({"etc", "al"})

# Abbreviations that introduce a number, so "No. 6." and "No.6." keep the number's full
# stop inside the address or reference.
_NUMBER_PREFIXES = frozenset({"no", "nos", "vol", "vols", "art", "fig", "figs", "p", "pp"})
_GLUED_NUMBER = regex_pattern(
    r"(?i)(?:" + "|".join(sorted(_NUMBER_PREFIXES)) + r")\.\d[\d.\-/]*",
)
_NUMBER = regex_pattern(r"\d+(?:[.,\-/]\d+)*")
_INITIALISM = regex_pattern(r"(?:\p{L}\.)+\p{L}")
_INITIAL = regex_pattern(r"\p{Lu}")
_LIST_MARKER = regex_pattern(r"\d{1,3}(?:\.\d{1,3})*|[IVXLC]+|[ivxlc]+|\p{L}")

_SENTENCE_OPENERS = frozenset(
    {
        "the", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "i",
        "you", "our", "their", "his", "her", "there", "in", "on", "at", "as", "but", "and",
        "also", "however", "meanwhile", "moreover", "furthermore", "besides", "for", "from",
        "with", "by", "to", "after", "before", "during", "since", "when", "while", "if",
        "although", "though", "according", "a", "an", "some", "many", "most", "all", "such",
        "what", "how", "why", "where", "who", "last", "next", "then", "thus", "therefore", "so",
        "now", "today", "yesterday", "tomorrow", "each", "every", "both",
    }
)  # fmt: skip


def split_english(paragraph: str) -> list[str]:
    """Split one English paragraph (or line) into stripped, non-empty sentences."""
    cuts = {
        match.end()
        for match in _CANDIDATE.finditer(paragraph)
        if _is_boundary(paragraph, match.start(), match.group("term"), match.end())
    }
    cuts.update(match.end() for match in _FULL_WIDTH.finditer(paragraph))
    return _cut(paragraph, sorted(cuts))


def _cut(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    pieces = (text[start:end].strip() for start, end in pairwise(bounds))
    return [piece for piece in pieces if piece]


def _is_boundary(text: str, start: int, terminator: str, end: int) -> bool:
    after_match = _WORD_AFTER.match(text, end)
    if after_match is None:
        return False
    next_word = after_match.group(1)
    first = next_word.lstrip(_OPENERS)[:1]
    opens_with_quote = next_word[:1] in _OPENERS and next_word[:1] not in "([{"
    if first.islower():
        return False
    if "!" in terminator or "?" in terminator:
        return True
    if terminator != ".":
        # An ellipsis trails off inside a sentence unless a capital or a quote follows.
        return first.isupper() or opens_with_quote
    word = _last_word(text[:start]).lstrip(_OPENERS)
    return _period_ends_sentence(text, start, word, next_word.lstrip(_OPENERS))


def _period_ends_sentence(text: str, start: int, word: str, next_word: str) -> bool:
    """Decide a single full stop followed by a word that is not lower case."""
    key = word.lower()
    if key in _NEVER_FINAL:
        return False
    if key in _LIST_FINAL:
        return not next_word[:1].isdigit()
    if key in _MAYBE_FINAL or _INITIALISM.fullmatch(word):
        return _opens_sentence(next_word)
    if _GLUED_NUMBER.fullmatch(word):
        return False
    if _INITIAL.fullmatch(word) and word != "I":
        return False
    preceding = text[: start - len(word)]
    if preceding.strip().lstrip(_OPENERS) == "" and _LIST_MARKER.fullmatch(word):
        # "1. Overview", "IV. Outlook" or "a. Scope" at the start of a paragraph.
        return False
    if _NUMBER.fullmatch(word):
        previous = _last_word(preceding.rstrip()).lower()
        return not (previous.endswith(".") and previous[:-1] in _NUMBER_PREFIXES)
    return True


def _last_word(prefix: str) -> str:
    if not prefix or prefix[-1].isspace():
        return ""
    return prefix.rsplit(None, 1)[-1]


def _opens_sentence(next_word: str) -> bool:
    letters = _LEADING_LETTERS.match(next_word)
    return letters is not None and letters.group().lower() in _SENTENCE_OPENERS
