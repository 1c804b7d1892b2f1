"""Chinese word splitting by forward maximum matching against the lexicon.

Alignment needs words only to look their glosses up, so the classic greedy longest match
over the dictionary's headwords is enough, and it is fast and deterministic; a
statistical segmenter would add a dependency for no measurable gain here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from aligner.lexicon.compiled import regex_pattern

HAN_RUN = regex_pattern(r"\p{Han}+")


def han_count(text: str) -> int:
    """How many Han characters the text holds, counted a run at a time (far fewer matches
    than characters)."""
    return sum(map(len, HAN_RUN.findall(text)))


# Function words whose glosses are either empty or misleading ("的" → "target", "taxi").
FUNCTION_WORDS = frozenset(
    [
        "的",
        "地",
        "得",
        "了",
        "着",
        "过",
        "是",
        "在",
        "和",
        "与",
        "及",
        "也",
        "都",
        "就",
        "而",
        "又",
        "之",
        "其",
        "于",
        "为",
        "以",
        "把",
        "被",
        "让",
        "给",
        "对",
        "从",
        "向",
        "将",
        "等",
        "这",
        "那",
        "个",
        "啊",
        "吗",
        "呢",
        "吧",
        "呀",
        "哦",
        "嗯",
        "么",
        "们",
        "所",
        "则",
        "即",
        "但",
        "并",
        "或",
        "还",
        "更",
        "很",
        "最",
        "已",
        "已经",
        "一个",
        "这个",
        "那个",
        "我们",
        "他们",
        "她们",
        "你们",
        "它们",
        "自己",
        "什么",
        "这样",
        "那样",
        "没有",
        "不",
        "没",
        "有",
        "要",
        "会",
        "能",
        "可",
        "可以",
        "我",
        "你",
        "他",
        "她",
        "它",
    ]
)


def longest_matches(text: str, known: Callable[[str], bool], max_length: int) -> Iterator[str]:
    """Greedy leftmost-longest split of a run of Han characters into known words.

    A character with no entry is returned alone, so nothing is dropped.
    """
    i = 0
    n = len(text)
    while i < n:
        for size in range(min(max_length, n - i), 0, -1):
            piece = text[i : i + size]
            if size == 1 or known(piece):
                yield piece
                i += size
                break


def split_by_prefixes(text: str, prefix_length: Callable[[str, int], int]) -> Iterator[str]:
    """:func:`longest_matches`, asking ``prefix_length(text, i)`` for the length of the
    longest known word at ``i`` (1 when none is), once per word."""
    i = 0
    n = len(text)
    while i < n:
        size = prefix_length(text, i)
        yield text[i : i + size]
        i += size
