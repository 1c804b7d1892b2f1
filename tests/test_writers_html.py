"""The HTML QA report, parsed back with lxml; and the title/date guesses both writers share."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from aligner.model import Alignment, Link, Report
from aligner.writers.html import LOW_CONFIDENCE, render_html
from aligner.writers.titles import document_date, document_title
from builders import aligned, empty_alignment, write_html
from test_writers_table import EN_SENTENCES, GACC_EN, ZH_SENTENCES, sample_report


def parse(text: str) -> Any:
    return lxml.html.document_fromstring(text)


@pytest.fixture(scope="module")
def page() -> Any:
    return parse(render_html(sample_report()))


def test_page_declares_language_and_encoding(page: Any) -> None:
    assert page.get("lang") == "en"
    assert page.xpath("//meta/@charset") == ["utf-8"]
    assert page.xpath("//h1")[0].get("lang") == "zh-CN"
    assert page.xpath("//h1")[0].text_content() == ZH_SENTENCES[0]


def test_one_row_per_link_with_anchors(page: Any) -> None:
    links = sample_report().alignment.links
    rows = page.xpath("//table[@class='align']//tr[contains(@class, 'link')]")
    assert [row.get("id") for row in rows] == [f"link-{n}" for n in range(1, len(links) + 1)]
    for row, link in zip(rows, links, strict=True):
        assert row.xpath("string(td[@class='conf'])").startswith(f"{link.confidence:.2f}")


def test_chinese_cells_are_tagged_zh_cn(page: Any) -> None:
    cells = page.xpath("//table[@class='align']//td[contains(@class, 'zh')]")
    assert len(cells) == len(sample_report().alignment.links)
    assert {cell.get("lang") for cell in cells} == {"zh-CN"}
    assert {cell.get("lang") for cell in page.xpath("//td[contains(@class, 'en')]")} == {"en"}


def test_document_text_is_escaped() -> None:
    zh = list(ZH_SENTENCES)
    en = list(EN_SENTENCES)
    zh[4] = "<script>alert('zh')</script>" + ZH_SENTENCES[4]
    en[4] = '<b>bold</b> "quote" & <script>alert("en")</script> ' + EN_SENTENCES[4]
    report = sample_report(tuple(zh), tuple(en))
    text = render_html(report)
    assert "<script>alert" not in text
    assert "<b>bold</b>" not in text
    page = parse(text)
    scripts = page.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text_content()
    assert page.xpath("//b") == []
    row = page.xpath("//tr[@id='link-5']")[0]
    assert row.xpath("string(td[contains(@class, 'zh')])") == zh[4]
    assert row.xpath("string(td[contains(@class, 'en')])") == en[4]


def test_characters_html_forbids_are_replaced() -> None:
    en = list(EN_SENTENCES)
    en[1] = "Line one\x0bline two\x00"
    page = parse(render_html(sample_report(en_sentences=tuple(en))))
    assert page.xpath("string(//tr[@id='link-2']/td[contains(@class, 'en')])") == (
        "Line one line two "
    )


def test_an_empty_alignment_still_gives_a_page() -> None:
    page = parse(render_html(Report(empty_alignment())))
    assert page.xpath("//tr[contains(@class, 'link')]") == []
    assert page.xpath("string(//table[@class='counts']/tbody)") == "No findings."


def test_summary_counts_match_the_findings(page: Any) -> None:
    findings = sample_report().findings
    expected = Counter((f.check, f.severity.value) for f in findings)
    table = page.xpath("//table[@class='counts']")[0]
    severities = [th.text_content() for th in table.xpath("thead/tr/th")][1:-1]
    assert severities == ["error", "warning", "info"]
    seen: Counter[tuple[str, str]] = Counter()
    for row in table.xpath("tbody/tr"):
        check = row.xpath("string(th)")
        numbers = [int(td.text_content()) for td in row.xpath("td")]
        assert numbers[-1] == sum(numbers[:-1])
        for severity, number in zip(severities, numbers, strict=False):
            seen[(check, severity)] = number
    assert +seen == expected
    assert table.xpath("string(tfoot/tr/th[last()])") == str(len(findings))


def test_summary_states_sizes_and_mean_confidence(page: Any) -> None:
    facts = {
        row.xpath("string(th)"): row.xpath("string(td)")
        for row in page.xpath("//table[@class='facts']//tr")
    }
    links = sample_report().alignment.links
    mean = sum(link.confidence for link in links) / len(links)
    assert facts["Mean confidence"] == f"{mean:.2f}"
    assert facts["Sentences"] == f"{len(ZH_SENTENCES)} Chinese · {len(EN_SENTENCES)} English"
    assert facts["Aligned rows"].startswith(f"{len(links)} (")
    assert facts["Source (zh-CN)"].endswith("gacc-2025-01-13.zh.txt")
    assert facts["Date"] == "2025-01-13"


def test_rows_with_findings_are_marked_and_list_them(page: Any) -> None:
    entry = page.xpath("//tr[@id='link-4']/..")[0]
    assert "sev-error" in entry.get("class").split()
    messages = [li.text_content() for li in entry.xpath(".//tr[@class='findings']//li")]
    assert len(messages) == 2
    assert "5% in Chinese is missing a match" in messages[0]
    assert "long" in messages[1]
    clean = page.xpath("//tr[@id='link-3']/..")[0]
    assert "has-findings" not in clean.get("class").split()
    assert clean.xpath(".//tr[@class='findings']") == []


def test_summary_links_point_at_existing_rows(page: Any) -> None:
    targets = {href[1:] for href in page.xpath("//section[@id='summary']//a/@href")}
    assert targets >= {"link-4", "link-5", "link-6"}
    ids = set(page.xpath("//@id"))
    assert targets <= ids


def test_low_confidence_links_are_flagged(page: Any) -> None:
    low = page.xpath("//tr[contains(@class, 'low-confidence')]")
    expected = [
        f"link-{n}"
        for n, link in enumerate(sample_report().alignment.links, 1)
        if link.confidence < LOW_CONFIDENCE
    ]
    assert [row.get("id") for row in low] == expected == ["link-6"]
    assert low[0].xpath(".//span[@class='flag']")


def test_glossary_terms_are_marked_with_their_pair(page: Any) -> None:
    marks = page.xpath("//table[@class='align']//mark[contains(@class, 'term')]")
    titles = {mark.get("title") for mark in marks}
    assert f"海关总署 → {GACC_EN}" in titles
    deprecated = page.xpath("//table[@class='align']//mark[contains(@class, 'deprecated')]")
    assert [mark.text_content() for mark in deprecated] == ["year on year"]
    assert len(marks) == len(sample_report().term_hits)


def test_page_needs_nothing_from_the_network(page: Any) -> None:
    for attribute in ("src", "href", "action"):
        for value in page.xpath(f"//@{attribute}"):
            assert not value.lower().startswith(("http://", "https://", "//"))
    assert page.xpath("//link") == []
    assert page.xpath("//script[@src]") == []
    assert "@import" not in page.xpath("string(//style)")


def test_write_html_writes_utf8(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    write_html(sample_report(), path)
    assert parse(path.read_bytes().decode("utf-8")).xpath("//title")[0].text_content()


# -- title and date ---------------------------------------------------------------------------


def alignment_of(zh: tuple[str, ...], en: tuple[str, ...], links: tuple[Link, ...]) -> Alignment:
    return aligned(zh, en, links, stem="a/release")


def test_title_skips_page_furniture_and_follows_the_link_for_english() -> None:
    zh = (
        "首页 > 新闻发布",
        "在国务院新闻办公室新闻发布会上的讲话",
        "2025年1月13日",
        "各位媒体朋友，大家上午好！",
    )
    en = (
        "Home|中文站",
        "Speech at the SCIO Press Conference (page heading)",
        "2024/05/08",
        "(The Chinese version shall prevail.)",
        "Speech at the State Council Information Office Press Conference",
        "January 13,2025",
        "Friends from the media,",
    )
    links = (
        Link((0,), (0,), 0.5),
        Link((), (1,), 0.5),
        Link((), (2,), 0.5),
        Link((), (3,), 0.5),
        Link((1,), (4,), 0.9),
        Link((2,), (5,), 0.9),
        Link((3,), (6,), 0.9),
    )
    assert document_title(alignment_of(zh, en, links)) == (
        "在国务院新闻办公室新闻发布会上的讲话",
        "Speech at the State Council Information Office Press Conference",
    )
    assert document_date(alignment_of(zh, en, links)) == "2025-01-13"


def test_a_date_run_into_the_title_line_is_left_out() -> None:
    zh = ("（2025年1月13日）海关总署新闻发布会", "各位媒体朋友，大家上午好！")
    en = ("Speech at the Press Conference (full text) - 2024/05/08", "Friends from the media,")
    links = (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9))
    assert document_title(alignment_of(zh, en, links)) == (
        "海关总署新闻发布会",
        "Speech at the Press Conference (full text)",
    )


def test_title_falls_back_to_the_file_name() -> None:
    zh = ("各位媒体朋友，大家上午好！",)
    en = ("Friends from the media,",)
    assert document_title(alignment_of(zh, en, (Link((0,), (0,), 0.9),))) == (
        "release.zh",
        "release.en",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025年1月13日", "2025-01-13"),
        ("发布时间：2025-01-13", "2025-01-13"),
        ("二〇二五年一月十三日", "2025-01-13"),
        ("二〇二四年十二月三十一日", "2024-12-31"),
        ("January 13,2025", "2025-01-13"),
        ("13 January 2025", "2025-01-13"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("2024/05/08", "2024-05-08"),
        ("2025年2月30日", None),
        ("In 2024, trade grew.", None),
    ],
)
def test_date_formats(line: str, expected: str | None) -> None:
    alignment = alignment_of(("标题",), (line,), (Link((0,), (0,), 0.9),))
    assert document_date(alignment) == expected


def test_chinese_date_line_wins_over_english_page_date_and_over_dates_in_sentences() -> None:
    zh = ("标题", "会议于2024年3月1日召开，", "海关总署", "2025年1月13日")
    en = ("2024/05/08", "Title")
    alignment = alignment_of(zh, en, (Link((0, 1, 2, 3), (0, 1), 0.9),))
    assert document_date(alignment) == "2025-01-13"
