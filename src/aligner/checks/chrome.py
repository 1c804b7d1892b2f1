"""Recognisers for lines that are not body text: page chrome, date stamps and boilerplate.

Releases are usually copied from web pages, so both sides carry navigation links,
publication dates, "the Chinese version shall prevail" notes and contact footers that
exist on one side only. They are not translation mistakes, and reporting them as such
would bury the real ones, so several checks ask these functions before raising a finding.
Each recogniser looks at one line on its own and works on either language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from aligner.language.dates import DATE_CORE, DATE_LABEL, TIME, is_date_line
from aligner.language.traditional import to_simplified
from aligner.lexicon.compiled import re_pattern

# Words that make up navigation bars, language switches and page tools.
_CHROME_WORDS = frozenset(
    {
        "home",
        "homepage",
        "home page",
        "print",
        "print this page",
        "print page",
        "close",
        "close window",
        "close this window",
        "share",
        "share to",
        "share this",
        "back to top",
        "top",
        "back",
        "return",
        "return to top",
        "more",
        "next",
        "previous",
        "english",
        "english version",
        "chinese",
        "chinese version",
        "sitemap",
        "site map",
        "contact us",
        "search",
        "login",
        "log in",
        "sign in",
        "rss",
        "wechat",
        "weibo",
        "facebook",
        "twitter",
        "email this page",
        "font size",
        "large",
        "medium",
        "small",
        "a+",
        "a-",
        "a",
        "related",
        "related news",
        "related articles",
        "related links",
        "related stories",
        "recommended",
        "more news",
        "latest news",
        "read more",
        "learn more",
        "accept",
        "accept all",
        "decline",
        "reject",
        "reject all",
        "ok",
        "got it",
        "cookie settings",
        "privacy policy",
        "terms of use",
        "about us",
        "previous article",
        "next article",
        "相关新闻",
        "相关链接",
        "相关文章",
        "相关阅读",
        "推荐阅读",
        "更多",
        "上一篇",
        "下一篇",
        "接受",
        "同意",
        "拒绝",
        "了解更多",
        "隐私政策",
        "扫一扫在手机打开当前页",
        "扫一扫在手机上查看当前页面",
        "在手机上查看",
        "收藏本页",
        "scan the qr code",
        "中文",
        "中文站",
        "中文版",
        "简体",
        "简体中文",
        "繁体",
        "繁體",
        "英文",
        "英文版",
        "english站",
        "首页",
        "网站首页",
        "打印",
        "打印本页",
        "打印页面",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "分享",
        "分享到",
        "返回",
        "返回顶部",
        "返回首页",
        "网站地图",
        "联系我们",
        "搜索",
        "登录",
        "字体",
        "大",
        "中",
        "小",
        "微信",
        "微博",
        "收藏",
        "无障碍",
    }
)

_LIST_SEPARATORS = re_pattern(r"[|/·•\[\]【】]|\s{2,}")
_BREADCRUMB_SEPARATORS = re_pattern(r"\s*(?:>>|>|»|›|→|/|\|)\s*")
_BREADCRUMB_ROOTS = frozenset({"home", "homepage", "首页", "网站首页"})
_LOCATION_PREFIX = re_pattern(
    r"^(?:当前位置|您的位置|你的位置|您现在的位置|位置|you are here|location|current location"
    r"|your location|current position|your position)\s*:\s*",
    re.I,
)

# "Label: value" lines that describe the page rather than say anything.
_META_LABEL = re_pattern(
    r"^(?:来源|信息来源|文章来源|责任编辑|编辑|作者|浏览次数|点击数|点击量|访问量|阅读量|阅读次数"
    r"|字体|字号|source|editor|views|hits|font size|font)\s*:",
    re.I,
)
_META_VALUE_LIMIT = 60

# The line under a headline on a news page.
_INFO_LINE_LIMIT = 200
_DATE_OR_TIME = re_pattern(rf"(?:{DATE_LABEL})?(?:{DATE_CORE}|{TIME})", re.I)
_INFO_SEPARATORS = re_pattern(r"[\s|/·•\[\]【】()]+")
_INFO_LABEL = re_pattern(
    r"^(?:来源|信息来源|文章来源|责任编辑|编辑|作者|浏览次数|点击数|点击量|访问量|阅读量|阅读次数"
    r"|字体|字号|source|editor|author|views|hits|font size|font|size|date|time)\s*:(?P<value>.*)$",
    re.I,
)
# Words a source or editor name may take ("Source: General Administration of Customs").
_INFO_VALUE_WORDS = 6
_LONGEST_CHROME_PHRASE = 4

# Cookie banners: "cookies" together with what a site says about them. "Cookies" alone
# could be a commodity in a trade release.
_COOKIE_NOTICE = re_pattern(
    r"(?=.*cookie)(?=.*(?:\bwebsite|\bsite\b|\bbrows|\bexperience|\bconsent"
    r"|\baccept|\bprivacy|\bpreferences|\bsettings|\bwe use\b|\buses\b|\bcontinu|\bagree"
    r"|网站|浏览|同意|隐私|使用))",
    re.I | re.S,
)
_COOKIE_NOTICE_LIMIT = 400

_PREVAIL_PHRASES = (
    "chinese version shall prevail",
    "chinese text shall prevail",
    "chinese version prevails",
    "chinese original shall prevail",
    "unofficial translation",
    "以中文为准",
    "以中文版为准",
    "以中文版本为准",
    "以中文文本为准",
)
_PREVAIL_LENGTH_LIMIT = 160
_NOTICE_HEADINGS = frozenset(
    {
        "statement",
        "disclaimer",
        "legal notice",
        "copyright notice",
        "copyright",
        "privacy policy",
        "声明",
        "免责声明",
        "版权声明",
        "法律声明",
    }
)
_FOOTER_MARKERS = re_pattern(
    r"all rights reserved|^copyright\s*(?:©|\(c\)|\d{4}|:)|^©|版权所有|icp备|icp证|公网安备", re.I
)
_CONTACT_LABEL = re_pattern(
    r"^(?:address|add|postcode|post code|postal code|zip code|zip|tel|telephone|phone|fax"
    r"|e-mail|email|website|web|地址|通讯地址|邮编|邮政编码|电话|联系电话|传真|电子邮箱|电子邮件"
    r"|邮箱|网址)\s*\.?\s*:",
    re.I,
)
_POSTCODE_FIELD = re_pattern(
    r"(?:postcode|post code|postal code|zip code|邮编|邮政编码)\s*:\s*\d{5,6}", re.I
)


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    """Fold full-width forms and ideographic spaces so one pattern serves both languages,
    and traditional characters to simplified so one pattern serves every Chinese page."""
    return to_simplified(unicodedata.normalize("NFKC", text).strip())


def _is_chrome_word(part: str) -> bool:
    return part.strip(" :.-*").casefold() in _CHROME_WORDS


def _is_chrome_list(text: str) -> bool:
    parts = [part.strip() for part in _LIST_SEPARATORS.split(text)]
    words = [part for part in parts if part]
    return bool(words) and all(_is_chrome_word(part) for part in words)


def _is_breadcrumb(text: str) -> bool:
    located = _LOCATION_PREFIX.sub("", text)
    parts = [part.strip() for part in _BREADCRUMB_SEPARATORS.split(located)]
    if len(parts) < 2 or not all(parts):
        return False
    rooted = parts[0].casefold() in _BREADCRUMB_ROOTS or located != text
    short = all(len(part.split()) <= 8 and len(part) <= 40 for part in parts)
    unpunctuated = not re.search(r"[.!?。！？]$", parts[-1])
    return rooted and short and unpunctuated


def _is_meta_line(text: str) -> bool:
    return bool(_META_LABEL.match(text)) and len(text) <= _META_VALUE_LIMIT


def _is_cookie_notice(text: str) -> bool:
    # Both lookaheads hold at some position only if they hold at the start (what they look
    # for then lies ahead too), so one match from the start is the search, in linear time.
    return len(text) <= _COOKIE_NOTICE_LIMIT and bool(_COOKIE_NOTICE.match(text))


def _chrome_phrase_length(tokens: list[str], start: int) -> int:
    """How many tokens from ``start`` form one chrome word or phrase ("back to top")."""
    for length in range(min(_LONGEST_CHROME_PHRASE, len(tokens) - start), 0, -1):
        if _is_chrome_word(" ".join(tokens[start : start + length])):
            return length
    return 0


def _is_page_info_line(text: str) -> bool:
    """The line under a headline: date and time, "Source: X", views, font size and page
    tools in any order ("2025-01-14 10:00 Source: GACC Print Share").

    Every token must be accounted for: a date or time, a chrome word, a page-metadata
    label, or one of the few words after a label that name the source or editor.
    """
    if len(text) > _INFO_LINE_LIMIT:
        return False
    rest, dates = _DATE_OR_TIME.subn(" ", text)
    tokens = [token for token in _INFO_SEPARATORS.split(rest) if token]
    if not tokens:
        return False  # a date alone is a date line
    recognised = dates
    value_left = 0
    index = 0
    while index < len(tokens):
        phrase = _chrome_phrase_length(tokens, index)
        if phrase:
            recognised += 1
            value_left = 0
            index += phrase
            continue
        label = _INFO_LABEL.match(tokens[index])
        if label:
            recognised += 1
            value_left = _INFO_VALUE_WORDS - (1 if label.group("value") else 0)
        elif value_left > 0:
            value_left -= 1
        else:
            return False
        index += 1
    return recognised >= 2


# Several checks ask about the same lines (is this chrome? boilerplate?), so the answers
# are remembered by text: a line is classified once per run, not once per check.
_REMEMBERED = 65536


@lru_cache(maxsize=_REMEMBERED)
def is_page_chrome(text: str) -> bool:
    """Navigation, language switches, page tools, "Source:/Editor:" page metadata, the
    date-and-tools line under a headline, and cookie notices."""
    line = _normalise(text)
    if not line:
        return False
    unbracketed = line.strip("[]【】() ")
    return (
        _is_chrome_list(line)
        or _is_breadcrumb(line)
        or _is_meta_line(unbracketed)
        or _is_page_info_line(line)
        or _is_cookie_notice(line)
    )


@lru_cache(maxsize=_REMEMBERED)
def is_boilerplate(text: str) -> bool:
    """Translation notes, notice headings, copyright footers and contact/address lines."""
    line = _normalise(text)
    if not line:
        return False
    folded = line.casefold()
    if len(line) <= _PREVAIL_LENGTH_LIMIT and any(p in folded for p in _PREVAIL_PHRASES):
        return True
    if folded.strip(" :.()[]【】") in _NOTICE_HEADINGS:
        return True
    if _FOOTER_MARKERS.search(line):
        return True
    return bool(_CONTACT_LABEL.match(line) or _POSTCODE_FIELD.search(line))


_CHINESE_NUMERALS = frozenset("〇零一二三四五六七八九十百")


def is_symbols_only(text: str) -> bool:
    """Numbers and punctuation only ("2.", "（一）", a stray bracket): nothing to translate."""
    return not any(char.isalpha() and char not in _CHINESE_NUMERALS for char in text)


@lru_cache(maxsize=_REMEMBERED)
def non_body_kind(text: str) -> str | None:
    """Which kind of non-body line this is, in words a finding can quote, or None."""
    if is_page_chrome(text):
        return "page chrome"
    if is_date_line(text):
        return "a date line"
    if is_boilerplate(text):
        return "boilerplate"
    return None
