"""Main-content extractors on the generated news pages: release text kept, chrome left in.

The pages are those of tests/test_web_page.py: the bundled sample release (English, or
the Chinese reconstruction) inside a realistic ministry news page (cookie banner, menu,
breadcrumb, headline, "2025-01-14 10:00 Source: GACC Print Share", "Related news" and a
footer with the site's ICP licence). For each page and extractor:

- release lines kept: the share of the sample's lines whose text appears in the output
  (a dropped dateline or signature here is text the QA can never report as omitted);
- chrome lines left: how many of the page's chrome lines appear in the output;
- time: median of several runs on the page, after one warm-up run.

"aligner" is the tool's own HTML reader (trafilatura to find the release, then the whole
release element taken from the page). trafilatura, jusText and readability-lxml are run
on their own, with their defaults for recall where they have one. jusText and
readability-lxml are not dependencies of the tool; they are measured when installed.

    .venv/bin/python benchmarks/web_extractors.py [--runs 5]
"""

from __future__ import annotations

import argparse
import importlib
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def aligner_text(page: str, lang: str) -> str:
    from aligner.readers.html import read_html

    return "\n".join(read_html(page.encode("utf-8"), "page.html").paragraphs)


def trafilatura_text(page: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(page, favor_recall=True, include_comments=False) or ""


def justext_text(page: str, lang: str) -> str:
    import justext

    if lang == "en":
        paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    else:  # no Chinese stop list: jusText's language-independent mode
        paragraphs = justext.justext(
            page.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0
        )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def readability_text(page: str, lang: str) -> str:
    from lxml import html
    from readability import Document

    summary = Document(page).summary()
    return "\n".join(html.fromstring(summary).itertext())


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "aligner": aligner_text,
    "trafilatura": trafilatura_text,
    "jusText": justext_text,
    "readability-lxml": readability_text,
}


def pages() -> list[tuple[str, str, str, list[str], list[str]]]:
    """(name, language, page, release lines, chrome lines) for each generated page."""
    sys.path.insert(0, str(REPO / "tests"))
    web = importlib.import_module("test_web_page")
    english = web.sample_lines(web.EN_TXT)
    chinese = web.sample_lines(web.ZH_TXT)
    en_chrome = [
        *web.COOKIE_SENTENCES,
        web.LICENCE,
        web.PAGE_DATE_LINE,
        "Related news",
        "Current location: Home > News > Customs News",
        "Policies and Regulations",
        "China's foreign trade hits a record high in 2024",
        "All Rights Reserved.",
    ]
    zh_chrome = [
        "本网站使用Cookie以改善您的浏览体验。",
        web.LICENCE,
        "发布时间：2025-01-14 10:00 来源：海关总署",
        "相关新闻",
        "当前位置：首页 > 新闻发布 > 海关新闻",
        "政策法规",
        "2024年我国外贸进出口创历史新高",
        "版权所有：中华人民共和国海关总署",
    ]
    title = english[1]
    # The title only in the page's <h1>, as most sites have it, and a lead paragraph in
    # an element of its own before the text.
    body = [line for line in english if line != title and line != "Home|中文站"]
    lead = "GACC reported record foreign trade figures for 2024 at a press conference today."
    headline_page = web.english_page(body).replace(
        '<div class="content" id="content">',
        f'<div class="summary">{lead}</div><div class="content" id="content">',
    )
    return [
        ("English, modern page", "en", web.english_page(english), english, en_chrome),
        ("English, title in <h1> only, lead", "en", headline_page, [title, lead, *body], en_chrome),
        (
            "English, old site (<font>, <br>)",
            "en",
            web.english_page(english, web.old_site_body),
            english,
            en_chrome,
        ),
        ("Chinese, modern page", "zh", web.chinese_page(chinese), chinese, zh_chrome),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    header = f"{'page':<34}{'extractor':<18}{'release lines kept':>20}{'chrome left':>13}{'ms':>8}"
    print(header)
    for name, lang, page, release, chrome in pages():
        for label, extract in EXTRACTORS.items():
            try:
                output = extract(page, lang)
            except ImportError:
                print(f"{name:<34}{label:<18}{'(not installed)':>20}")
                continue
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                extract(page, lang)
                times.append((time.perf_counter() - started) * 1000)
            found = squeeze(output)
            kept = sum(1 for line in release if squeeze(line) in found)
            left = sum(1 for line in chrome if squeeze(line) in found)
            print(
                f"{name:<34}{label:<18}{f'{kept}/{len(release)}':>20}"
                f"{f'{left}/{len(chrome)}':>13}{statistics.median(times):>8.1f}"
            )


if __name__ == "__main__":
    main()
