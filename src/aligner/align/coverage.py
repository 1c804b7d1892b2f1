"""Whether a set of link shapes can link every sentence of two documents at all.

With a restricted ``--link-types`` (say 1:1 only) two documents of different lengths cannot
be covered: some sentences would be left without a link, which the alignment never allows.
Finding that out before the search turns a failure deep inside the dynamic programme into
a message the user can act on.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligner.errors import SettingError


class LinkTypesTooNarrow(SettingError):
    """The allowed link shapes cannot cover the two documents; the message says why."""

    def __init__(self, problem: str) -> None:
        super().__init__("--link-types", problem)


def minimum_zh_usage(shapes: Sequence[tuple[int, int]], excess: int) -> int | None:
    """Fewest Chinese sentences that shapes other than 1:1 must use to absorb ``excess``.

    ``excess`` is English sentences minus Chinese sentences. Every 1:1 link uses one of
    each, so the shapes that change the balance must make up the whole difference; the
    rest of both documents is then filled with 1:1 links. Returns None when no
    combination of the shapes makes up exactly that difference.
    """
    if excess == 0:
        return 0
    sign = 1 if excess > 0 else -1
    steps = [(sign * (b - a), a if sign > 0 else b) for a, b in shapes if sign * (b - a) > 0]
    target = abs(excess)
    unreachable = target + 1 + 4 * target
    fewest = [0] + [unreachable] * target
    for total in range(1, target + 1):
        for gain, cost in steps:
            if gain <= total and fewest[total - gain] + cost < fewest[total]:
                fewest[total] = fewest[total - gain] + cost
    return None if fewest[target] >= unreachable else fewest[target]


def check_coverage(
    shapes: Sequence[tuple[int, int]], zh_texts: Sequence[str], en_texts: Sequence[str]
) -> None:
    """Raise :class:`LinkTypesTooNarrow` when ``shapes`` cannot link every sentence.

    Whatever the alignment, the longer document then has sentences with no partner; the
    message counts them and names the first of the document's last ones as an example.
    """
    n, m = len(zh_texts), len(en_texts)
    if n == 0 or m == 0 or ((0, 1) in shapes and (1, 0) in shapes):
        return
    needed = minimum_zh_usage(shapes, m - n)
    if needed is not None and needed <= min(n, m):
        return
    if m > n:
        side, texts, left_over, fix = "English", en_texts, m - n, "0:1 (an addition) or 1:2"
    else:
        side, texts, left_over, fix = "Chinese", zh_texts, n - m, "1:0 (an omission) or 2:1"
    first = len(texts) - left_over
    after = f" and the {left_over - 1} after it" if left_over > 1 else ""
    allowed = ",".join(f"{a}:{b}" for a, b in shapes)
    raise LinkTypesTooNarrow(
        f"link types {allowed} cannot link {n} Chinese to {m} English sentences: {side} "
        f"sentence {first + 1} of {len(texts)} ({_quote(texts[first])}){after} would have "
        f"no link; allow {fix}"
    )


def _quote(text: str, limit: int = 40) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"“{short}”"
