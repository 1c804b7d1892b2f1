"""Which writing system a text is in, and how plausible a decoding of it looks.

Two questions share this module because both are answered by looking at characters:
whether a document is the Chinese or the English side, and whether bytes decoded with a
given legacy encoding produced real Chinese (or Western) text rather than mojibake.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from aligner.errors import InputError
from aligner.lexicon.chinese import han_count
from aligner.lexicon.compiled import regex_pattern
from aligner.model import Lang, RawDocument

# Counted run by run: a run's length is its letters, and a page holds far fewer runs.
_LATIN_RUN = regex_pattern(r"\p{Latin}+")

# A Chinese release routinely carries Latin acronyms, figures and English names, and an
# English release may show a "中文站" link or a Chinese name; these shares of Han among
# all letters keep both cases on the right side.
ZH_MIN_HAN_SHARE = 0.2
EN_MAX_HAN_SHARE = 0.05


@dataclass(frozen=True)
class LetterCounts:
    """How many Han characters and Latin letters a document holds."""

    han: int
    latin: int

    @property
    def han_share(self) -> float | None:
        """Han characters as a share of all letters; None when there are no letters."""
        total = self.han + self.latin
        return self.han / total if total else None


def count_letters(texts: Iterable[str]) -> LetterCounts:
    han = 0
    latin = 0
    for text in texts:
        han += han_count(text)
        latin += sum(map(len, _LATIN_RUN.findall(text)))
    return LetterCounts(han=han, latin=latin)


def _han_share_or_fail(raw: RawDocument) -> float:
    share = count_letters(raw.paragraphs).han_share
    if share is None:
        raise InputError(raw.path, "no Chinese or English text found")
    return share


def detect_lang(raw: RawDocument) -> Lang:
    """Say whether a document is the Chinese or the English side.

    Counting over the whole document (not the first lines) keeps a bilingual navigation
    bar or a Chinese name in an English release from deciding the answer.
    """
    return "zh" if _han_share_or_fail(raw) >= ZH_MIN_HAN_SHARE else "en"


def check_side(raw: RawDocument, expected: Lang) -> None:
    """Stop early when the two input files were given the wrong way round.

    Only a clear mismatch is reported: a document between the two thresholds (a Chinese
    text full of English terms, say) is accepted on the side it was given for.
    """
    _check_share(raw, expected, _han_share_or_fail(raw))


def _check_share(raw: RawDocument, expected: Lang, share: float) -> None:
    """:func:`check_side` for a document whose Han share is known."""
    if expected == "zh" and share < EN_MAX_HAN_SHARE:
        raise InputError(
            raw.path,
            "looks like English, but it was given as the Chinese (source) file; "
            "are the two files swapped?",
        )
    if expected == "en" and share >= ZH_MIN_HAN_SHARE:
        raise InputError(
            raw.path,
            "looks like Chinese, but it was given as the English (target) file; "
            "are the two files swapped?",
        )


def check_sides(source: RawDocument, target: RawDocument) -> None:
    """Check both files of a pair together, so that the message fits the mistake.

    Given one at a time, an English file on the Chinese side can only be reported as
    "swapped?"; seen together, two English files (or two Chinese ones, or one file given
    twice) are a missing original or a missing translation, and are reported as that.
    """
    source_share = _han_share_or_fail(source)
    target_share = _han_share_or_fail(target)
    source_is_english = source_share < EN_MAX_HAN_SHARE
    target_is_chinese = target_share >= ZH_MIN_HAN_SHARE
    same_file = " (the same file was given twice)" if source.path == target.path else ""
    if source_is_english and not target_is_chinese:
        raise InputError(
            source.path,
            "looks like English, and so does the English (target) file "
            f"{target.path}{same_file}; the first file must be the Chinese original",
        )
    if target_is_chinese and not source_is_english:
        raise InputError(
            target.path,
            "looks like Chinese, and so does the Chinese (source) file "
            f"{source.path}{same_file}; the second file must be the English translation",
        )
    # The shares are already counted: a book's letters take a while to count again.
    _check_share(source, "zh", source_share)
    _check_share(target, "en", target_share)


# --- plausibility of a decoding -------------------------------------------------------

# Characters that dominate news and government prose, in both simplified and traditional
# forms. A wrong legacy decoding produces valid but random characters, so hitting this
# set is the tie-breaker when a short text decodes cleanly in more than one encoding.
_FREQUENT_SIMPLIFIED = (
    "的了是在有和不这我们他她它个也就都而与及或但并对于从向把被将已要会能可以为所之其该此等"
    "一二三四五六七八九十百千万亿年月日时期间季度今去上下前后中内外第"
    "国家经济贸易进出口总额值增长同比下降元美货物商品企业市场价格产品服务投资金融资"
    "海关署局部门政府管理监督检查税收通主任委员会议新闻发布记者表示介绍情况工作展建设改革开放"
    "创新合作支持推动加强提高促进实现保障安全质量标准规定法律政策措施"
    "华人民共省市区县东西南北世界全球地亚洲欧非"
    "说来大到出生子过着看里自没用道行还样心好小天么那些事想得现当动面起成方多最重高明问意很"
    "情力体全无点正两知见手再给名同又更作次位各种条数化表水电气真公社产文学教育科技术信息网络据"
    "做让叫写读听走买卖送带拿找住请帮完开回放收问答告诉认觉希望需应必须决定选择继续保持施落推扩稳优化升级"
    "非常特别一直较十分少短快慢旧坏低强弱候题办法况结果原因目标任务平规模构领域项城农村港船航空运输流集装箱跨境电"
)
_FREQUENT_TRADITIONAL = (
    "的了是在有和不這我們他她它個也就都而與及或但並對於從向把被將已要會能可以為所之其該此等"
    "一二三四五六七八九十百千萬億年月日時期間季度今去上下前後中內外第"
    "國家經濟貿易進出口總額值增長同比下降元美貨物商品企業市場價格產品服務投資金融資"
    "海關署局部門政府管理監督檢查稅收通主任委員會議新聞發佈記者表示介紹情況工作展建設改革開放"
    "創新合作支持推動加強提高促進實現保障安全質量標準規定法律政策措施"
    "華人民共省市區縣東西南北世界全球地亞洲歐非"
    "說來大到出生子過著看裡自沒用道行還樣心好小天麼那些事想得現當動面起成方多最重高明問意很"
    "情力體全無點正兩知見手再給名同又更作次位各種條數化表水電氣真公社產文學教育科技術信息網絡據"
    "做讓叫寫讀聽走買賣送帶拿找住請幫完開回放收問答告訴認覺希望需應必須決定選擇繼續保持施落推擴穩優化升級"
    "非常特別一直較十分少短快慢舊壞低強弱候題辦法況結果原因目標任務平規模構領域項城農村港船航空運輸流集裝箱跨境電"
)
FREQUENT_HAN = frozenset(_FREQUENT_SIMPLIFIED + _FREQUENT_TRADITIONAL)

# Symbols that real Chinese or English documents use; a wrong decoding rarely hits them
# in bulk, while it does produce box drawing, kana, private-use and control characters.
_GOOD_SYMBOLS = frozenset("°±×÷·§©®¥£€¢«»\u00a0℃№™■□▲△●○◆◇★☆※√")
_DOUBTFUL_SYMBOLS = frozenset("¹²³¼½¾µ¶¿¡ªº¬¯´¸¨¦¤")

# Enough text to judge an encoding; scoring every character of a long file adds time,
# not certainty.
_SCORED_CHARS = 40_000


def _is_han(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3FFFF
        or 0xF900 <= code <= 0xFAFF
    )


@lru_cache(maxsize=65536)
def han_commonness(char: str) -> float:
    """1.0 for an everyday character, 0.5 for a rarer one, 0.0 for an obscure one.

    The two national standards already sort characters by frequency tiers: GB 2312 puts
    its 3,755 common characters in rows 16-55 and the rest in rows 56-87, and Big5 puts
    its 5,401 frequent characters before 0xC940. Asking the codecs avoids shipping a
    frequency table.
    """
    best = 0.0
    try:
        gb = char.encode("gb2312")
    except UnicodeEncodeError:
        gb = b""
    if len(gb) == 2:
        if 0xB0 <= gb[0] <= 0xD7:
            return 1.0
        if 0xD8 <= gb[0] <= 0xF7:
            best = 0.5
    try:
        big5 = char.encode("big5")
    except UnicodeEncodeError:
        big5 = b""
    if len(big5) == 2:
        code = big5[0] << 8 | big5[1]
        if 0xA440 <= code <= 0xC67E:
            return 1.0
        if 0xC940 <= code <= 0xF9D5:
            best = 0.5
    return best


def _is_non_ascii_letter(char: str) -> bool:
    return ord(char) > 0x7F and char.isalpha() and not _is_han(ord(char))


def _char_weight(text: str, index: int) -> float:
    char = text[index]
    code = ord(char)
    if _is_han(code):
        return han_commonness(char)
    if (
        0x3000 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF60
        or 0xFFE0 <= code <= 0xFFEE
        or 0xFE10 <= code <= 0xFE1F
        or 0xFE30 <= code <= 0xFE6F
        or 0x2010 <= code <= 0x205E
        or 0x2160 <= code <= 0x217F
        or 0x2460 <= code <= 0x2473
        or char in _GOOD_SYMBOLS
    ):
        return 1.0
    if char in _DOUBTFUL_SYMBOLS:
        return 0.3
    category = unicodedata.category(char)
    if category in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd":
        return 0.0
    if 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or 0x2500 <= code <= 0x257F:
        return 0.0
    if 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF:
        # An accented letter inside an ASCII word ("café", "Zhōngguó") is normal; a run
        # of them ("ÖÐ¹ú") is what Chinese bytes look like through a Western code page.
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if _is_non_ascii_letter(before) or _is_non_ascii_letter(after):
            return 0.0
        return 1.0
    if 0x0370 <= code <= 0x04FF:
        return 0.3
    return 0.5


@dataclass(frozen=True)
class Plausibility:
    """How much a decoded text looks like real writing.

    ``quality`` is the mean weight of its non-ASCII characters (1.0 = all of them are
    everyday characters and punctuation); ``frequent`` is the share of them that are among
    the most frequent Chinese characters. ASCII is ignored: every candidate encoding
    decodes it the same way.
    """

    quality: float
    frequent: float
    non_ascii: int
    han: int

    @property
    def score(self) -> float:
        return self.quality + 0.25 * self.frequent


def plausibility(text: str) -> Plausibility:
    sample = text[:_SCORED_CHARS]
    total = 0.0
    frequent = 0
    count = 0
    han = 0
    for index, char in enumerate(sample):
        if ord(char) < 0x80:
            continue
        count += 1
        total += _char_weight(sample, index)
        if char in FREQUENT_HAN:
            frequent += 1
        if _is_han(ord(char)):
            han += 1
    if count == 0:
        return Plausibility(quality=1.0, frequent=0.0, non_ascii=0, han=0)
    return Plausibility(quality=total / count, frequent=frequent / count, non_ascii=count, han=han)
