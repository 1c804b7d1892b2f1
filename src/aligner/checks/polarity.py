"""Polarity check: a rise rendered as a fall, a negation dropped or added, always as never.

In trade statistics a growth reported as a decline is the most damaging error a release can
carry, and it leaves figures, dates and terms intact, so no other check sees it. This check
compares the *direction* words of the two sides of a link:

* **bound to a figure** — the direction word right before or after a figure ("增长5%",
  "down 5%", "a 5% decline") is compared with the one at the same figure in the English;
  up against down is an error naming both words;
* **in the sentence** — Chinese that only rises (扩大, 上升…) against English that only
  falls (narrowed, declined…), and the same for more/less and higher/lower comparisons,
  always against never, all against none; these are warnings, or errors for always/never;
* **negation** — a Chinese negator (不, 未, 没有, 无, 非…) before a word whose translation
  appears in the English without any negation, and an English negation (not, never,
  without…) of a word whose Chinese is there with no negation at all.

Free translation rephrases freely, so every comparison is one-sided on purpose: a link is
reported only when one side has the cue and the other has its opposite and nothing that
could reconcile them. Common false friends are masked first: 不断, 不仅, 无论, 非常, 并非…而是
and every word that merely contains a negator (the lexicon's longest match decides what is
a word), "not only … but also", "no less than", "opening-up", "up to". Traditional
characters are folded to simplified, so 增長 and 減少 count like 增长 and 减少.
The false-alarm rate on the MAC-Dev literary gold links is measured by
``benchmarks/polarity_macdev.py`` (see the README).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from aligner.checks.base import CheckContext, link_texts, normal_spans
from aligner.language.numbers import Quantity, extract_quantities
from aligner.language.traditional import to_simplified
from aligner.lexicon.cedict import Lexicon, load_lexicon
from aligner.lexicon.chinese import longest_matches
from aligner.lexicon.compiled import regex_pattern
from aligner.lexicon.english import STOPWORDS, stem
from aligner.model import Alignment, Finding, Link, Severity, Span

NAME = "polarity"

# --- the word lists ---------------------------------------------------------------------

_ZH_UP = (
    "增长", "增加", "上升", "提高", "扩大", "上涨", "增多", "攀升", "回升", "提升",
    "走高", "增势", "扩张", "递增", "新高", "增幅", "涨幅",
)  # fmt: skip
_ZH_DOWN = (
    "下降", "减少", "回落", "降低", "收窄", "下跌", "下滑", "萎缩", "缩小", "缩减",
    "走低", "递减", "负增长", "新低", "降幅", "跌幅", "减幅", "下行",
)  # fmt: skip
# Single characters that are a direction only right before a figure ("同比增5%").
_ZH_UP_BOUND = ("增", "涨", "升")
_ZH_DOWN_BOUND = ("降", "减", "跌")
# Words that hold a direction character without being a direction themselves.
_ZH_NEUTRAL = (
    "增长率", "增速", "增量", "增值", "增减", "涨跌", "升降", "增长点", "增长极", "升级",
    "提升为", "降息", "减税", "减免", "减排", "降本",
)  # fmt: skip

_ZH_MORE = ("更多", "多于", "高于", "超过", "更高", "较高", "更大", "较大", "最高")
_ZH_LESS = ("更少", "少于", "低于", "更低", "较低", "更小", "较小", "最低")
# "Not even": less than a figure, and only then (办不到 is "cannot be done").
_ZH_LESS_BOUND = ("不足", "不到")
_ZH_ALWAYS = ("始终", "总是", "一直", "永远", "历来", "向来", "一贯", "一向")
_ZH_NEVER = (
    "从不", "从未", "从没", "永不", "绝不", "决不", "再也不", "再也没", "未曾", "从来不",
    "从来没",
)  # fmt: skip
_ZH_ALL = ("所有", "全部", "一切", "全都", "全体", "每个", "每一")
_ZH_NONE = ("无一", "没有一个", "都不", "都没", "均未", "均不", "全无", "毫无")

# Words that are a negation in themselves (the lexicon's longest match keeps 不断, 非常,
# 无论 and the like whole, so their negator never stands alone).
_ZH_NEGATORS = frozenset(
    (
        "不", "未", "没", "没有", "无", "非", "别", "莫", "勿", "甭", "不能", "不会",
        "不要", "不是", "未能", "不可", "没能", "不再", "并非", "并不", "并未", "毫不",
        "无法", "不得", "不必", "不用", "未曾", "不曾", "不敢", "不肯", "不愿", "不够",
        "从不", "从未", "从没", "永不", "绝不", "决不", "不该", "别再", "未必", "不一定",
    )
)  # fmt: skip
# Characters that make a Chinese sentence negative in some way (negators, but also
# refusing, lacking, avoiding): if any is there, an English negation is not reported.
_ZH_NEGATIVE_CHARS = frozenset("不未没無无非别莫勿甭否难拒免禁缺忘失防避休勿")
# Modal and degree words between a negator and the word it negates (不能增长, 未再提高).
_ZH_MODALS = frozenset("能会要是再太很得可曾必肯该敢愿")

_EN_UP = (
    r"rise|rises|rose|risen|rising|grow|grows|grew|grown|growing|growth|increase|increases|"
    r"increased|increasing|expand|expands|expanded|expanding|expansion|gain|gains|gained|"
    r"climb|climbs|climbed|climbing|jump|jumps|jumped|surge|surges|surged|soar|soars|soared|"
    r"rebound|rebounds|rebounded|raise|raises|raised|widen|widens|widened|upturn|upswing|"
    r"(?:new|record|all-time|historic|historical) highs?"
)
_EN_DOWN = (
    r"fall|falls|fell|fallen|falling|decline|declines|declined|declining|decrease|decreases|"
    r"decreased|decreasing|narrow|narrows|narrowed|narrowing|drop|drops|dropped|dropping|"
    r"shrink|shrinks|shrank|shrunk|shrinking|contraction|slump|slumps|slumped|plunge|"
    r"plunges|plunged|slide|slides|slid|reduce|reduces|reduced|reduction|dip|dips|dipped|"
    r"downturn|slowdown|weaken|weakens|weakened|weakening|"
    r"(?:new|record|all-time|historic|historical) lows?"
)
_EN_MORE = r"more|higher|greater|larger|bigger|above|exceed|exceeds|exceeded|exceeding|highest|high"
_EN_LESS = r"less|fewer|lower|smaller|below|lowest|low"
_EN_NEGATION = (
    r"not|n't|no|never|without|none|nothing|nobody|neither|nor|cannot|nowhere|"
    r"unable|fail|fails|failed|lack|lacks|lacked|hardly|barely|seldom|rarely"
)
# Phrases whose negation or direction word means something else.
_EN_FALSE_FRIENDS = regex_pattern(
    r"\bnot only\b|\bnot just\b|\bno less than\b|\bno fewer than\b|\bno more than\b|"
    r"\bno doubt\b|\bnothing but\b|\bno matter\b|\bnot until\b|\bnone other than\b|"
    r"\bmore or less\b|\bno sooner\b|\ball but\b|\bnonetheless\b|\bnevertheless\b|"
    r"\bopening[- ]up\b|\bup to\b|\bset up\b|\bstep(?:ped|ping|s)? up\b|\bspeed(?:ed|s)? up\b|"
    r"\bmake up\b|\bfollow[- ]up\b|\bgive rise to\b|\bgave rise to\b|\bfall(?:s|en)? short\b|"
    r"\bfall(?:s|en)? (?:within|under|into)\b|\bbreak ?down\b|\bcrack(?:ed|ing|s)? down\b|"
    r"\blay down\b|\blaid down\b|\bshut down\b|\bgrowth rate\b|\bhigh-(?=\w)|"
    r"\b(?:can|could|would|did|do|does)(?:n't| not) help\b|\b(?:do|does|did)(?:n't| not) mind\b|"
    r"\bnever mind\b|\bno time\b|\bin no time\b|\bno wonder\b",
    regex.IGNORECASE,
)
_ZH_FALSE_FRIENDS = (
    "并非", "不仅", "不但", "不只", "不光", "无论", "不论", "不管", "没的", "不像", "未明",
    "别着", "不由得", "不禁",
)  # fmt: skip
# A-not-A questions (投不投降, 是不是, 有没有) ask; they do not deny.
_ZH_A_NOT_A = regex_pattern(r"(\p{Han})[不没]\1")
# Common English words a dictionary gives as a gloss of many Chinese words: a match on one
# of them says nothing about which word the negation is about.
_COMMON_GLOSSES = frozenset(
    [
        "get",
        "come",
        "go",
        "let",
        "way",
        "make",
        "take",
        "have",
        "see",
        "look",
        "know",
        "say",
        "tell",
        "give",
        "put",
        "want",
        "like",
        "think",
        "leave",
        "wait",
        "stay",
        "keep",
        "find",
        "use",
        "work",
        "call",
        "ask",
        "seem",
        "feel",
        "try",
        "turn",
        "move",
        "live",
        "show",
        "hear",
        "play",
        "run",
        "help",
        "bring",
        "hold",
        "stand",
        "sit",
        "lose",
        "pay",
        "meet",
        "happen",
        "mean",
        "become",
        "begin",
        "end",
        "start",
        "stop",
        "open",
        "close",
        "need",
        "time",
        "thing",
        "people",
        "person",
        "man",
        "woman",
        "little",
        "big",
        "new",
        "old",
        "good",
        "great",
        "long",
        "high",
        "day",
        "year",
        "place",
        "face",
        "hand",
        "head",
        "eye",
        "word",
        "well",
        "right",
        "just",
        "even",
        "still",
        "really",
        "also",
        "only",
        "back",
        "again",
        "away",
    ]
)
# English verbs that make "never" mean "always" (never leaving = always staying).
_EN_NEVER_ALWAYS = regex_pattern(
    r"\s+(?:\w+\s+)?(?:leav|left|stop|ceas|fail|forget|forgot|los|lost|waver|abandon|miss|"
    r"let\s+go|give\s+up|gave\s+up|tir)",
    regex.IGNORECASE,
)


def _words(pattern: str) -> regex.Pattern[str]:
    return regex_pattern(rf"\b(?:{pattern})\b", regex.IGNORECASE)


def _zh_words(words: Iterable[str]) -> regex.Pattern[str]:
    # Longest first; equal lengths alphabetically, so that the pattern is the same text in
    # every run and its compiled form can be reused (two words of one length never both
    # match at one position, so their order changes nothing else).
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return regex_pattern("|".join(regex.escape(word) for word in ordered))


_EN_UP_RE = _words(_EN_UP)
_EN_DOWN_RE = _words(_EN_DOWN)
# Words that are a direction only next to a figure ("up 5%", "5% lower").
_EN_UP_DOWN_BARE = _words("up|down|higher|lower")
_BARE_KIND = {"up": "up", "down": "down", "higher": "up", "lower": "down"}
_EN_MORE_RE = _words(_EN_MORE)
_EN_LESS_RE = _words(_EN_LESS)
_EN_ALWAYS_RE = _words("always|ever|constantly|consistently|invariably|forever|all along")
_EN_NEVER_RE = _words("never")
_EN_ALL_RE = _words("all|every|each|entire|whole|everything|everyone|everybody|both")
_EN_NONE_RE = _words("none|nobody|nothing|no one|neither")
_EN_NEGATION_RE = regex_pattern(rf"\b(?:{_EN_NEGATION})\b|n't\b", regex.IGNORECASE)
_EN_WORD = regex_pattern(r"[A-Za-z][A-Za-z'’-]*")

_ZH_DIRECTION = _zh_words(_ZH_UP + _ZH_DOWN + _ZH_UP_BOUND + _ZH_DOWN_BOUND)
_ZH_NEUTRAL_RE = _zh_words(_ZH_NEUTRAL)
_ZH_MORE_RE = _zh_words(_ZH_MORE)
_ZH_LESS_RE = _zh_words(_ZH_LESS)
_ZH_ALWAYS_RE = _zh_words(_ZH_ALWAYS)
_ZH_NEVER_RE = _zh_words(_ZH_NEVER)
_ZH_ALL_RE = _zh_words(_ZH_ALL)
_ZH_NONE_RE = _zh_words(_ZH_NONE)
_ZH_FALSE_FRIENDS_RE = _zh_words(_ZH_FALSE_FRIENDS)
# What may stand between a Chinese direction word and its figure (增长了5%, 下降至3%).
_ZH_FILLER = regex_pattern(r"[了为达至到约近超逾共\s]*")
_ZH_LESS_BOUND_RE = _zh_words(_ZH_LESS_BOUND)
_FIGURE_KINDS = frozenset({"number", "percent", "points"})
_EN_WINDOW = 3  # words between an English direction word and its figure


@dataclass(frozen=True)
class Cue:
    """A word that carries direction, comparison, negation or quantity: where and which."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def _mask(text: str, pattern: regex.Pattern[str], fill: str = "\x00") -> str:
    return pattern.sub(lambda m: fill * len(m.group()), text)


def _cues(text: str, pattern: regex.Pattern[str], kind: str) -> list[Cue]:
    return [Cue(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


# --- Chinese ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return load_lexicon()


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def _zh_tokens(text: str) -> list[_Word]:
    """Words of the Chinese by longest match; anything else is skipped."""
    lexicon = _lexicon()
    tokens: list[_Word] = []
    for run in regex.finditer(r"\p{Han}+", text):
        position = run.start()
        for word in longest_matches(
            run.group(), lambda w: w in lexicon.translations, lexicon.max_word_length
        ):
            tokens.append(_Word(word, position, position + len(word)))
            position += len(word)
    return tokens


def _zh_direction(word: str) -> str | None:
    if word in _ZH_UP or word in _ZH_UP_BOUND:
        return "up"
    if word in _ZH_DOWN or word in _ZH_DOWN_BOUND:
        return "down"
    return None


@dataclass(frozen=True)
class _Chinese:
    original: str
    text: str  # folded to simplified, offsets as in the original
    masked: str
    tokens: tuple[_Word, ...]

    @classmethod
    def of(cls, original: str) -> _Chinese:
        text = to_simplified(original)
        masked = _mask(_mask(_mask(text, _ZH_NEUTRAL_RE), _ZH_FALSE_FRIENDS_RE), _ZH_A_NOT_A)
        return cls(original, text, masked, tuple(_zh_tokens(text)))

    def cues(
        self, pattern: regex.Pattern[str], kind: str, hidden: regex.Pattern[str] | None = None
    ) -> list[Cue]:
        """Matches in the folded text, quoted as the original writes them."""
        searched = self.masked if hidden is None else _mask(self.masked, hidden)
        return [
            Cue(kind, m.start(), m.end(), self.original[m.start() : m.end()])
            for m in pattern.finditer(searched)
        ]

    def negators(self) -> list[_Word]:
        return [t for t in self.tokens if t.text in _ZH_NEGATORS and self.masked[t.start] != "\x00"]

    def negated(self, start: int) -> bool:
        """Whether a negator stands right before ``start`` (with modal words between)."""
        for token in reversed([t for t in self.tokens if t.end <= start]):
            if token.text in _ZH_NEGATORS:
                return True
            if not (len(token.text) == 1 and token.text in _ZH_MODALS):
                return False
        return False

    def directions(self) -> list[Cue]:
        """Direction words; single characters only where a figure follows at once."""
        found: list[Cue] = []
        for match in _ZH_DIRECTION.finditer(self.masked):
            word = match.group()
            kind = _zh_direction(word)
            if kind is None:
                continue
            if len(word) == 1 and not self.before_figure(match.end()):
                continue
            found.append(
                Cue(kind, match.start(), match.end(), self.original[match.start() : match.end()])
            )
        return found

    def before_figure(self, end: int) -> bool:
        rest = self.text[end:]
        filler = _ZH_FILLER.match(rest)
        after = rest[filler.end() if filler else 0 :]
        return bool(regex.match(r"[\d零〇一二两三四五六七八九十百千]", after))


# --- English ------------------------------------------------------------------------------


def _en_masked(text: str) -> str:
    return _mask(text, _EN_FALSE_FRIENDS)


def _en_negation_spans(masked: str) -> list[Cue]:
    return _cues(masked, _EN_NEGATION_RE, "not")


def _en_negated(masked: str, start: int, negations: Sequence[Cue]) -> bool:
    """Whether a negation stands within three words before ``start``."""
    for cue in negations:
        if cue.end <= start and len(_EN_WORD.findall(masked[cue.end : start])) <= 2:
            return True
    return False


def _norm(word_stem: str) -> str:
    return word_stem[:-1] + "y" if word_stem.endswith("i") else word_stem


def _same_stem(english: str, gloss: str) -> bool:
    a, b = _norm(english), _norm(gloss)
    if a == b:
        return True
    shortest = min(len(a), len(b))
    return shortest >= 5 and a[:shortest] == b[:shortest] and abs(len(a) - len(b)) <= 2


@dataclass(frozen=True)
class _EnWord:
    stem: str
    start: int
    end: int
    text: str


def _en_content_words(text: str) -> list[_EnWord]:
    words: list[_EnWord] = []
    for match in _EN_WORD.finditer(text):
        lowered = match.group().lower().replace("’", "'")
        if lowered in STOPWORDS or len(lowered) < 3:
            continue
        words.append(_EnWord(stem(lowered), match.start(), match.end(), match.group()))
    return words


# --- the comparisons ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Clash:
    """One disagreement: how bad, what it is about, the words on each side."""

    severity: Severity
    key: str
    message: str
    zh: tuple[Span, ...]
    en: tuple[Span, ...]


_OPPOSITE = {"up": "down", "down": "up"}
_GLOSS = {"up": "a rise", "down": "a fall"}


def _en_direction_cues(masked: str) -> list[Cue]:
    return [
        *_cues(masked, _EN_UP_RE, "up"),
        *_cues(masked, _EN_DOWN_RE, "down"),
    ]


def _en_bound_direction(
    masked: str, quantity: Quantity, cues: Sequence[Cue], bare: Sequence[Cue]
) -> Cue | None:
    """The English direction word nearest a figure, within a few words and one clause."""
    best: tuple[int, Cue] | None = None
    for cue in [*cues, *bare]:
        if cue.end <= quantity.start:
            between = masked[cue.end : quantity.start]
        elif cue.start >= quantity.end:
            between = masked[quantity.end : cue.start]
        else:
            continue
        if regex.search(r"[;,.:()]", between):
            continue
        distance = len(_EN_WORD.findall(between))
        if distance <= _EN_WINDOW and (best is None or distance < best[0]):
            best = (distance, cue)
    return best[1] if best else None


def _zh_bound_direction(chinese: _Chinese, quantity: Quantity, cues: Sequence[Cue]) -> Cue | None:
    for cue in cues:
        if cue.end <= quantity.start:
            between = chinese.text[cue.end : quantity.start]
            if _ZH_FILLER.fullmatch(between):
                return cue
    return None


def _bound_clashes(
    chinese: _Chinese, en: str, masked: str
) -> tuple[list[_Clash], set[Cue], set[Cue]]:
    """Direction words tied to the same figure on both sides that point opposite ways."""
    zh_cues = chinese.directions()
    en_cues = _en_direction_cues(masked)
    bare = _cues(masked, _EN_UP_DOWN_BARE, "bare")
    bare = [Cue(_BARE_KIND[c.text.lower()], c.start, c.end, c.text) for c in bare]
    en_quantities = [q for q in extract_quantities(en, "en") if q.kind in _FIGURE_KINDS]
    clashes: list[_Clash] = []
    used_zh: set[Cue] = set()
    used_en: set[Cue] = set()
    for quantity in extract_quantities(chinese.original, "zh"):
        if quantity.kind not in _FIGURE_KINDS:
            continue
        zh_cue = _zh_bound_direction(chinese, quantity, zh_cues)
        if zh_cue is None:
            continue
        for en_quantity in en_quantities:
            if en_quantity.value != quantity.value or en_quantity.family != quantity.family:
                continue
            en_cue = _en_bound_direction(masked, en_quantity, en_cues, bare)
            if en_cue is None:
                continue
            used_zh.add(zh_cue)
            used_en.add(en_cue)
            zh_kind = "neg" if chinese.negated(zh_cue.start) else zh_cue.kind
            if en_cue.kind == _OPPOSITE.get(zh_kind):
                clashes.append(
                    _Clash(
                        Severity.ERROR,
                        f"{zh_cue.text}{quantity.text}",
                        f"Direction reversed at {quantity.text}: the Chinese says "
                        f"“{zh_cue.text}{quantity.text}” ({_GLOSS[zh_kind]}), the English "
                        f"says “{en_cue.text}” ({_GLOSS[en_cue.kind]}) "
                        f"at {en_quantity.text}.",
                        (zh_cue.span, (quantity.start, quantity.end)),
                        (en_cue.span,),
                    )
                )
            break
    return clashes, used_zh, used_en


def _one_way(cues: Sequence[Cue]) -> str | None:
    kinds = {cue.kind for cue in cues}
    return kinds.pop() if len(kinds) == 1 else None


def _quote(cues: Sequence[Cue]) -> str:
    return ", ".join(f"“{text}”" for text in dict.fromkeys(cue.text for cue in cues))


def _sentence_direction(
    chinese: _Chinese, masked: str, used_zh: set[Cue], used_en: set[Cue]
) -> list[_Clash]:
    """Chinese that only rises against English that only falls, or the reverse."""
    zh_cues = [c for c in chinese.directions() if c not in used_zh and len(c.text) > 1]
    en_negations = _en_negation_spans(masked)
    en_cues = [c for c in _en_direction_cues(masked) if c not in used_en]
    if not zh_cues or not en_cues:
        return []
    if any(chinese.negated(c.start) for c in zh_cues) or any(
        _en_negated(masked, c.start, en_negations) for c in en_cues
    ):
        return []
    zh_way = _one_way(zh_cues)
    if zh_way is None:
        return []
    # The Chinese only rises (or only falls): any English word going the other way, beside
    # fewer words going the Chinese way than the Chinese has, contradicts one of them.
    against = [c for c in en_cues if c.kind == _OPPOSITE[zh_way]]
    along = [c for c in en_cues if c.kind == zh_way]
    if not against or len(along) >= len({c.text for c in zh_cues}):
        return []
    en_way = _OPPOSITE[zh_way]
    return [
        _Clash(
            Severity.WARNING,
            f"direction:{zh_cues[0].text}",
            f"Direction reversed: the Chinese says {_quote(zh_cues)} ({_GLOSS[zh_way]}), "
            f"the English says {_quote(against)} ({_GLOSS[en_way]}).",
            tuple(c.span for c in zh_cues),
            tuple(c.span for c in against),
        )
    ]


def _comparison(chinese: _Chinese, masked: str) -> list[_Clash]:
    """More/higher against less/lower, when each side uses only one of them."""
    zh_more = chinese.cues(_ZH_MORE_RE, "more")
    zh_less = chinese.cues(_ZH_LESS_RE, "less") + [
        c for c in chinese.cues(_ZH_LESS_BOUND_RE, "less") if chinese.before_figure(c.end)
    ]
    en_more, en_less = _cues(masked, _EN_MORE_RE, "more"), _cues(masked, _EN_LESS_RE, "less")
    clashes: list[_Clash] = []
    for zh_cues, zh_other, en_cues, en_other, said, other in (
        (zh_more, zh_less, en_less, en_more, "more or higher", "less or lower"),
        (zh_less, zh_more, en_more, en_less, "less or lower", "more or higher"),
    ):
        if not zh_cues or zh_other or not en_cues or en_other:
            continue
        if any(chinese.negated(c.start) for c in zh_cues):
            continue
        clashes.append(
            _Clash(
                Severity.WARNING,
                f"comparison:{zh_cues[0].text}",
                f"Comparison reversed: the Chinese says {_quote(zh_cues)} ({said}), the "
                f"English says {_quote(en_cues)} ({other}).",
                tuple(c.span for c in zh_cues),
                tuple(c.span for c in en_cues),
            )
        )
    return clashes


def _always_never(chinese: _Chinese, masked: str) -> list[_Clash]:
    never_zh = chinese.cues(_ZH_NEVER_RE, "never")
    always_zh = [
        c
        for c in chinese.cues(_ZH_ALWAYS_RE, "always", _ZH_NEVER_RE)
        if not regex.match(r"[^，。；]{0,3}[不没未]", chinese.text[c.end :])
    ]
    never_en = [
        c for c in _cues(masked, _EN_NEVER_RE, "never") if not _EN_NEVER_ALWAYS.match(masked, c.end)
    ]
    always_en = _cues(masked, _EN_ALWAYS_RE, "always")
    negations_en = [c for c in _en_negation_spans(masked) if c.text.lower() != "never"]
    clashes: list[_Clash] = []
    if always_zh and never_en and not never_zh and not always_en and not chinese.negators():
        clashes.append(
            _Clash(
                Severity.ERROR,
                f"never:{always_zh[0].text}",
                f"Meaning reversed: the Chinese says {_quote(always_zh)} (always), the English "
                f"says {_quote(never_en)}.",
                tuple(c.span for c in always_zh),
                tuple(c.span for c in never_en),
            )
        )
    if never_zh and always_en and not never_en and not negations_en:
        clashes.append(
            _Clash(
                Severity.ERROR,
                f"always:{never_zh[0].text}",
                f"Meaning reversed: the Chinese says {_quote(never_zh)} (never), the English "
                f"says {_quote(always_en)}.",
                tuple(c.span for c in never_zh),
                tuple(c.span for c in always_en),
            )
        )
    return clashes


def _all_none(chinese: _Chinese, masked: str) -> list[_Clash]:
    all_zh = chinese.cues(_ZH_ALL_RE, "all")
    none_zh = [c for c in chinese.cues(_ZH_NONE_RE, "none") if _denies(chinese, c)]
    all_en, none_en = _cues(masked, _EN_ALL_RE, "all"), _cues(masked, _EN_NONE_RE, "none")
    clashes: list[_Clash] = []
    if all_zh and none_en and not none_zh and not all_en and not chinese.negators():
        clashes.append(
            _Clash(
                Severity.WARNING,
                f"none:{all_zh[0].text}",
                f"Meaning reversed: the Chinese says {_quote(all_zh)} (all), the English says "
                f"{_quote(none_en)}.",
                tuple(c.span for c in all_zh),
                tuple(c.span for c in none_en),
            )
        )
    if none_zh and all_en and not none_en and not _en_negation_spans(masked):
        clashes.append(
            _Clash(
                Severity.WARNING,
                f"all:{none_zh[0].text}",
                f"Meaning reversed: the Chinese says {_quote(none_zh)} (none), the English says "
                f"{_quote(all_en)}.",
                tuple(c.span for c in none_zh),
                tuple(c.span for c in all_en),
            )
        )
    return clashes


def _denies(chinese: _Chinese, cue: Cue) -> bool:
    """Whether a "none" word really denies: its 不 or 没 is a word of its own (都不同 is not)."""
    if cue.text[-1] not in "不没未":
        return True
    return any(t.start == cue.end - 1 and t.text in _ZH_NEGATORS for t in chinese.tokens)


def _telling(english: _EnWord | str) -> bool:
    """Whether an English word says enough to tie a negation to it (not "get" or "way")."""
    word_stem = english if isinstance(english, str) else english.stem
    return len(word_stem) >= 4 and _norm(word_stem) not in _COMMON_GLOSSES


def _negation(chinese: _Chinese, en: str, masked: str) -> list[_Clash]:
    """A negation on one side whose negated word is on the other side without one."""
    clashes: list[_Clash] = []
    lexicon = _lexicon()
    en_negations = _en_negation_spans(masked)
    en_words = _en_content_words(masked)
    # Chinese negates a word, the English has its translation and no negation anywhere.
    if not en_negations:
        for negator in chinese.negators():
            target = _negated_word(chinese, negator)
            if target is None:
                continue
            glosses = lexicon.stems(target.text)
            match = next(
                (
                    w
                    for w in en_words
                    if _telling(w) and any(_same_stem(w.stem, g) for g in glosses)
                ),
                None,
            )
            if match is None:
                continue
            clashes.append(
                _Clash(
                    Severity.WARNING,
                    f"negation:{negator.text}{target.text}",
                    f"Negation lost: the Chinese says “{negator.text}{target.text}” (not), the "
                    f"English says “{match.text}” with no negation.",
                    ((negator.start, target.end),),
                    ((match.start, match.end),),
                )
            )
            break
    # English negates a word whose Chinese is there, and the Chinese has no negation at all.
    if en_negations and not any(char in _ZH_NEGATIVE_CHARS for char in chinese.text):
        glossed = [(t, lexicon.stems(t.text)) for t in chinese.tokens]
        for negation in en_negations:
            if negation.text.lower() not in ("not", "n't", "never", "cannot"):
                continue
            after = [w for w in en_words if w.start >= negation.end and _telling(w)]
            for word in after[:2]:
                if len(_EN_WORD.findall(masked[negation.end : word.start])) > 2:
                    break
                zh_word = next(
                    (
                        t
                        for t, glosses in glossed
                        if len(t.text) > 1 and any(_same_stem(word.stem, g) for g in glosses)
                    ),
                    None,
                )
                if zh_word is None:
                    continue
                clashes.append(
                    _Clash(
                        Severity.WARNING,
                        f"negation:{negation.text.lower()} {word.stem}",
                        f"Negation added: the English says “{en[negation.start : word.end]}”, "
                        f"the Chinese says “{zh_word.text}” with no negation.",
                        ((zh_word.start, zh_word.end),),
                        ((negation.start, word.end),),
                    )
                )
                return clashes
    return clashes


def _negated_word(chinese: _Chinese, negator: _Word) -> _Word | None:
    """The word a negator negates: the next word after any modal words (不能增长 → 增长)."""
    following = [t for t in chinese.tokens if t.start >= negator.end]
    for token in following[:3]:
        if len(token.text) == 1 and token.text in _ZH_MODALS:
            continue
        if token.start - negator.end > 2 or len(token.text) < 2:
            return None
        return token
    return None


def link_clashes(zh: str, en: str) -> list[_Clash]:
    """Every polarity disagreement between one link's Chinese and English."""
    chinese = _Chinese.of(zh)
    masked = _en_masked(en)
    clashes, used_zh, used_en = _bound_clashes(chinese, en, masked)
    clashes += _sentence_direction(chinese, masked, used_zh, used_en)
    clashes += _comparison(chinese, masked)
    reversed_always = _always_never(chinese, masked)
    clashes += reversed_always
    clashes += _all_none(chinese, masked)
    clashes += [
        clash
        for clash in _negation(chinese, en, masked)
        # "never" against 始终 is already reported as always/never.
        if not (reversed_always and clash.key.startswith("negation:never"))
    ]
    return clashes


def check_polarity(alignment: Alignment, context: CheckContext) -> Iterator[Finding]:
    for link in alignment.links:
        if not (link.zh and link.en):
            continue
        zh, en = link_texts(alignment, link.zh, link.en)
        yield from _findings(link, zh, en)


def _findings(link: Link, zh: str, en: str) -> Iterator[Finding]:
    for clash in link_clashes(zh, en):
        yield Finding(
            check=NAME,
            severity=clash.severity,
            zh_ids=link.zh,
            en_ids=link.en,
            zh=zh,
            en=en,
            message=clash.message,
            key=clash.key,
            zh_spans=normal_spans(clash.zh),
            en_spans=normal_spans(clash.en),
        )
