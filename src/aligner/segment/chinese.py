"""Chinese sentence splitting for official releases from the mainland, Hong Kong and Macao.

Chinese marks sentence ends with full-width punctuation and no following space, so the
rules here are about what must stay attached (closing quotes and brackets), what must
never be cut (document titles in 《》, amounts such as 43.85万亿元) and how far to trust
ASCII punctuation that slipped into Chinese text: only where the neighbouring characters
show it is being used as Chinese punctuation.
"""

from __future__ import annotations

from itertools import pairwise

from aligner.lexicon.compiled import regex_pattern

_CJK_TERMINATORS = "。！？；…｡"
_ASCII_STRONG = "!?;"
_ASCII_DOTS = ".．"
_RUN = regex_pattern(r"[。！？；…｡!?;.．]+")
_CLOSERS = "”’」』）》)]】〉〕］｝}"
_ASCII_QUOTES = "\"'"
# A closing punctuation mark or a continuation mark right after the terminator means the
# sentence goes on ("“好！”，他说").
_CONTINUATION = "，,、：:" + _CJK_TERMINATORS + _ASCII_STRONG + _ASCII_DOTS
_TITLE = regex_pattern(r"《[^《》\n]*》|〈[^〈〉\n]*〉")
_HAN = regex_pattern(r"\p{Han}")
# Characters that show the text around an ASCII mark is Chinese.
_CHINESE_CONTEXT = regex_pattern(r"[\p{Han}”’」』）》】〉〕］｝。，、：；！？…]")
_ASCII_ELLIPSIS_MIN = 3
_ELLIPSES = "…"
_PAUSES = "，,、：:；;“‘「『（(《〈【—"


def split_chinese(paragraph: str) -> list[str]:
    """Split one Chinese paragraph (or line) into stripped, non-empty sentences."""
    titles = [match.span() for match in _TITLE.finditer(paragraph)]
    cuts: list[int] = []
    for match in _RUN.finditer(paragraph):
        start, end = match.span()
        if any(title_start < start < title_end for title_start, title_end in titles):
            continue
        if not _terminates(paragraph, match.group(), start, end):
            continue
        cut = _after_closers(paragraph, end)
        if _continues(paragraph, cut):
            continue
        cuts.append(cut)
    return _cut(paragraph, cuts)


def _cut(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    pieces = (text[start:end].strip() for start, end in pairwise(bounds))
    return [piece for piece in pieces if piece]


def _terminates(text: str, run: str, start: int, end: int) -> bool:
    previous = text[start - 1] if start > 0 else ""
    if all(char in _ELLIPSES for char in run):
        # "，……" trails off in the middle of a sentence.
        return previous not in _PAUSES
    if any(char in _CJK_TERMINATORS for char in run):
        return True
    following = _next_visible(text, end)
    if all(char in _ASCII_DOTS for char in run):
        # Dots also serve in numbers, names ("乔治.布什"), URLs and English text; a dot is
        # a full stop only between Han characters with a space after it, three or more
        # between Han characters are an ellipsis.
        between_han = bool(_HAN.fullmatch(previous) and _HAN.fullmatch(following))
        if len(run) >= _ASCII_ELLIPSIS_MIN:
            return between_han
        return len(run) == 1 and between_han and end < len(text) and text[end].isspace()
    return bool(_CHINESE_CONTEXT.fullmatch(previous) or _HAN.fullmatch(following))


def _after_closers(text: str, position: int) -> int:
    """Move past closing quotes and brackets, even when stray spaces precede them."""
    while True:
        index = _skip_spaces(text, position)
        if index == len(text):
            return position
        char = text[index]
        if char in _CLOSERS or (char in _ASCII_QUOTES and _closes_quote(text, index)):
            position = index + 1
        else:
            return position


def _closes_quote(text: str, position: int) -> bool:
    """An ASCII quote closes when it pairs with an earlier one of the same kind."""
    char = text[position]
    return text.count(char, 0, position) % 2 == 1


def _continues(text: str, position: int) -> bool:
    following = _next_visible(text, position)
    return following == "" or following in _CONTINUATION


def _next_visible(text: str, position: int) -> str:
    index = _skip_spaces(text, position)
    return text[index : index + 1]


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
