"""A release saved as a whole web page: the release is read, the page around it is not.

The pages are generated here from the bundled sample, the way ministry sites present a
release: a cookie banner, a logo and top links, a menu, a breadcrumb, the headline, a
"2025-01-14 10:00 Source: GACC Print Share" line, the release, "Related news", and a
footer with the site's ICP licence number. Whatever is generated around the release must
cost the QA nothing: the same links for the release text as from the plain .txt, and no
error or warning from the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.cli import main
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Report, Severity
from aligner.pipeline import AlignOptions, align_files, load_glossary_entries, qa_report
from aligner.readers import read_document
from aligner.readers.html import read_html
from conftest import SAMPLES

ZH_TXT = SAMPLES / "gacc-2025-01-13.zh.txt"
EN_TXT = SAMPLES / "gacc-2025-01-13.en.txt"
OPTIONS = AlignOptions(scorer="lexical")

LICENCE = "京ICP备17015317号"
PAGE_DATE_LINE = "2025-01-14 10:00 Source: GACC Print Share"
COOKIE_SENTENCES = (
    "This website uses cookies to improve your browsing experience.",
    "By continuing to use this site, you agree to our use of cookies.",
)


def sample_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def modern_body(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)


def old_site_body(lines: list[str]) -> str:
    """Paragraphs as text separated by <br><br>, inside unclosed <font> tags."""
    return '<font size="3" face="Arial">' + "<br><br>\n".join(
        f'<font color="#333333">{html.escape(line)}' for line in lines
    )


def english_page(lines: list[str], body: Callable[[list[str]], str] = modern_body) -> str:
    cookie = " ".join(COOKIE_SENTENCES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Speech at the State Council Information Office Press Conference - GACC</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/css/main.css"><script>var _hmt = _hmt || [];</script>
</head><body>
<div class="cookie-banner" id="cookieNotice"><p>{cookie}</p>
<a href="#" class="accept">Accept</a> <a href="/privacy">Learn more</a></div>
<div class="top"><div class="logo"><a href="/"><img src="/logo.png" alt="GACC"></a></div>
<div class="toplinks"><a href="/">Home</a> | <a href="http://www.customs.gov.cn">中文</a> |
<a href="/sitemap">Sitemap</a> | <a href="/contact">Contact Us</a></div>
<form class="search"><input type="text" name="q"><button>Search</button></form></div>
<div class="menu"><ul><li><a href="/">Home</a></li><li><a href="/about">About GACC</a></li>
<li><a href="/news">News</a></li><li><a href="/policies">Policies and Regulations</a></li>
<li><a href="/statistics">Statistics</a></li><li><a href="/services">Online Services</a></li>
</ul></div>
<div class="wrap">
<div class="breadcrumb">Current location: <a href="/">Home</a> &gt; <a href="/news">News</a>
&gt; <a href="/news/customs">Customs News</a></div>
<div class="article">
<h1>Speech at the State Council Information Office Press Conference</h1>
<div class="info"><span>2025-01-14 10:00</span> <span>Source: GACC</span>
<span class="tools"><a href="javascript:print()">Print</a> <a href="#share">Share</a></span></div>
<div class="content" id="content">
{body(lines)}
</div></div>
<div class="related"><h3>Related news</h3><ul>
<li><a href="/n/1">China's foreign trade hits a record high in 2024</a> <span>2025-01-13</span></li>
<li><a href="/n/2">GACC holds working conference on customs reform</a> <span>2025-01-10</span></li>
<li><a href="/n/3">Customs clearance for enterprises further facilitated</a></li>
</ul></div></div>
<div class="footer">
<p><a href="/about">About Us</a> | <a href="/sitemap">Sitemap</a> |
<a href="/contact">Contact Us</a></p>
<p>Copyright © General Administration of Customs of the People's Republic of China.
All Rights Reserved.</p>
<p>Address: No.6 Jianguomennei Avenue, Dongcheng District, Beijing, China</p>
<p><a href="https://beian.miit.gov.cn/">{LICENCE}</a></p>
</div>
<script src="/js/share.js"></script>
</body></html>
"""


def chinese_page(lines: list[str]) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(lines[0])}_海关总署</title>
</head><body>
<div class="cookie-tip">本网站使用Cookie以改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。
<a href="#">接受</a></div>
<div class="top"><a href="/">首页</a> | <a href="http://english.customs.gov.cn">English</a></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/jg">机构概况</a></li>
<li><a href="/xw">新闻发布</a></li><li><a href="/zc">政策法规</a></li>
<li><a href="/tj">统计数据</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻发布</a>
&gt; <a href="/xw/hg">海关新闻</a></div>
<div class="article"><h1>{html.escape(lines[0])}</h1>
<div class="info">发布时间：2025-01-14 10:00 来源：海关总署
【<a href="#">打印</a>】【<a href="#">关闭</a>】</div>
<div class="content">
{modern_body(lines)}
</div></div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/1">2024年我国外贸进出口创历史新高</a> 2025-01-13</li>
<li><a href="/2">海关总署召开全国海关工作会议</a> 2025-01-10</li></ul></div>
<div class="footer"><p>版权所有：中华人民共和国海关总署</p>
<p>地址：北京市东城区建国门内大街6号 邮编：100730</p><p>{LICENCE}</p></div>
</body></html>
"""


@pytest.fixture(scope="module")
def glossary() -> tuple[GlossaryEntry, ...]:
    return load_glossary_entries(OPTIONS)


def report_for(zh: Path, en: Path, glossary: tuple[GlossaryEntry, ...]) -> Report:
    return qa_report(align_files(str(zh), str(en), OPTIONS, glossary=glossary), glossary)


def body_links(alignment: Alignment) -> list[tuple[str, str]]:
    """Each link with Chinese in it, as texts: the ids shift with the page, the texts not."""
    return [
        (alignment.source.texts(link.zh), alignment.target.texts(link.en))
        for link in alignment.links
        if link.zh
    ]


def serious(report: Report) -> list[str]:
    return [
        f"{f.severity.value} {f.check}: {f.en or f.zh}"
        for f in report.findings
        if f.severity is not Severity.INFO
    ]


@pytest.fixture(scope="module")
def text_report(glossary: tuple[GlossaryEntry, ...]) -> Report:
    return report_for(ZH_TXT, EN_TXT, glossary)


# --- the release is read, the page is not ------------------------------------------------


@pytest.mark.parametrize("body", [modern_body, old_site_body], ids=["modern", "old-site"])
def test_english_page_reads_as_the_release(
    tmp_path: Path, body: Callable[[list[str]], str]
) -> None:
    lines = sample_lines(EN_TXT)
    page = tmp_path / "release.en.html"
    page.write_text(english_page(lines, body), encoding="utf-8")

    paragraphs = read_document(page).paragraphs

    assert list(paragraphs) == [lines[1], *lines]  # the headline above the text, then the text
    for chrome in (LICENCE, PAGE_DATE_LINE, *COOKIE_SENTENCES, "Related news", "About GACC"):
        assert all(chrome not in paragraph for paragraph in paragraphs)


@pytest.mark.parametrize("body", [modern_body, old_site_body], ids=["modern", "old-site"])
def test_english_page_gives_the_same_links_and_no_page_findings(
    tmp_path: Path,
    glossary: tuple[GlossaryEntry, ...],
    text_report: Report,
    body: Callable[[list[str]], str],
) -> None:
    page = tmp_path / "release.en.html"
    page.write_text(english_page(sample_lines(EN_TXT), body), encoding="utf-8")

    report = report_for(ZH_TXT, page, glossary)

    assert body_links(report.alignment) == body_links(text_report.alignment)
    assert serious(report) == serious(text_report) == []


def test_chinese_page_gives_the_same_links_and_no_page_findings(
    tmp_path: Path, glossary: tuple[GlossaryEntry, ...], text_report: Report
) -> None:
    lines = sample_lines(ZH_TXT)
    page = tmp_path / "release.zh.html"
    page.write_text(chinese_page(lines), encoding="utf-8")

    assert read_document(page).paragraphs == (lines[0], *lines)
    report = report_for(page, EN_TXT, glossary)

    # The headline above the article repeats the title, which the Chinese file then has
    # twice; the second copy is a repeat, reported as info.
    assert body_links(report.alignment)[1:] == body_links(text_report.alignment)
    assert serious(report) == []


def test_command_line_on_the_web_page(tmp_path: Path) -> None:
    page = tmp_path / "release.en.html"
    page.write_text(english_page(sample_lines(EN_TXT)), encoding="utf-8")

    result = CliRunner().invoke(
        main,
        ["qa", str(ZH_TXT), str(page), "--scorer", "lexical", "--fail-on", "warning"],
    )

    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


# --- chrome left in the text is info at most ------------------------------------------------


def test_page_read_whole_reports_its_chrome_as_info_only(
    tmp_path: Path, glossary: tuple[GlossaryEntry, ...], text_report: Report
) -> None:
    """Where extraction does not apply, the checks still know the page around a release."""
    data = english_page(sample_lines(EN_TXT)).encode("utf-8")
    whole = read_html(data, "page.html", main_content=False)
    assert LICENCE in whole.paragraphs and PAGE_DATE_LINE in whole.paragraphs
    text = tmp_path / "page-as-text.en.txt"
    text.write_text("\n".join(whole.paragraphs), encoding="utf-8")

    report = report_for(ZH_TXT, text, glossary)

    assert serious(report) == []
    assert body_links(report.alignment) == body_links(text_report.alignment)
    licence = [f for f in report.findings if f.en == LICENCE]
    assert {f.check for f in licence} == {"addition", "untranslated"}
    assert {f.severity for f in licence} == {Severity.INFO}


# --- when extraction applies, and nothing of the release is lost ----------------------------


def test_bare_fragment_is_read_as_it_is() -> None:
    fragment = (
        "<h2>Customs data</h2><p>2025-01-14</p>"
        "<p>Imports rose by 2.3% in 2024.</p><p>Share</p><p>Exports rose by 7.1%.</p>"
    )
    raw = read_html(fragment.encode("utf-8"), "fragment.html")
    assert raw.paragraphs == (
        "Customs data",
        "2025-01-14",
        "Imports rose by 2.3% in 2024.",
        "Share",
        "Exports rose by 7.1%.",
    )


def test_short_lines_inside_the_release_are_kept_even_if_the_extractor_drops_them() -> None:
    lines = sample_lines(EN_TXT)
    inside = ["Print", "Share", "2025-01-14", *lines, "Beijing", "Editor: Li"]
    raw = read_html(english_page(inside).encode("utf-8"), "page.html")
    assert list(raw.paragraphs) == [lines[1], *inside]


def test_running_text_next_to_the_release_is_kept() -> None:
    """A lead paragraph in an element of its own, beside the one the extractor chose."""
    lines = sample_lines(EN_TXT)
    lead = "GACC reported record foreign trade figures for 2024 at a press conference today."
    page = english_page(lines).replace(
        '<div class="content" id="content">',
        f'<div class="summary">{lead}</div>\n<div class="content" id="content">',
    )
    raw = read_html(page.encode("utf-8"), "page.html")
    assert list(raw.paragraphs) == [lines[1], lead, *lines]


def test_a_release_with_its_own_headline_does_not_take_the_site_name_too() -> None:
    lines = sample_lines(EN_TXT)
    page = (
        english_page(lines)
        .replace('<div class="logo">', '<div class="logo"><h1>GACC</h1>')
        .replace("<h1>Speech", "<h2>Speech")
        .replace("Conference</h1>", "Conference</h2>")
        .replace('<div class="content" id="content">', '<div class="content"><h1>Speech</h1>')
    )
    raw = read_html(page.encode("utf-8"), "page.html")
    assert list(raw.paragraphs) == ["Speech", *lines]


def test_a_page_that_is_mostly_something_else_is_read_whole() -> None:
    """If the release the extractor points at holds little of the page's running text,
    the extractor may have missed part of it, and nothing is left out."""
    lines = sample_lines(EN_TXT)
    release = lines[:10]
    others = [line for line in lines[10:] if len(line) > 200]
    comments = "".join(f"<div><p>{html.escape(line)}</p></div>" for line in others)
    page = english_page(release).replace(
        '<div class="related">',
        f'<div class="comments"><h3>Comments</h3>{comments}</div><div class="related">',
    )
    raw = read_html(page.encode("utf-8"), "page.html")
    assert (
        raw.paragraphs
        == read_html(page.encode("utf-8"), "page.html", main_content=False).paragraphs
    )
    assert LICENCE in raw.paragraphs
    assert all(line in raw.paragraphs for line in (*release, *others))


def test_a_page_nested_too_deeply_for_the_extractor_is_read_whole() -> None:
    lines = sample_lines(EN_TXT)
    deep = "<div>" * 500 + modern_body(lines) + "</div>" * 500
    page = english_page(["placeholder"]).replace("<p>placeholder</p>", deep)
    raw = read_html(page.encode("utf-8"), "page.html")
    assert LICENCE in raw.paragraphs
    assert all(line in raw.paragraphs for line in lines)


_WORDS = ["customs", "trade", "rose", "by", "5.6%", "in", "2024", "the", "print", "share"]
_LINE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40),
    st.sampled_from(["", ".", "!", ":"]),
)


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(_LINE, min_size=1, max_size=15),
    body=st.sampled_from([modern_body, old_site_body]),
)
def test_no_line_of_the_release_is_ever_left_out(
    lines: list[str], body: Callable[[list[str]], str]
) -> None:
    """Whatever the release looks like, and whatever the extractor makes of it."""
    raw = read_html(english_page(lines, body).encode("utf-8"), "page.html")
    for line in lines:
        assert line in raw.paragraphs
