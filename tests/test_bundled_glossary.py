"""The customs glossary shipped with aligner: size, validity, provenance and fitness."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree

from aligner.checks.base import CheckContext
from aligner.checks.term import check_terms
from aligner.glossary.chinese import zh_key
from aligner.glossary.english import find_en
from aligner.glossary.load import bundled_glossary, glossary_entries, load_glossary
from aligner.glossary.match import TermGroup, find_zh_terms, zh_matcher
from aligner.glossary.tbx import tbx_bytes
from aligner.glossary.validate import check_glossary
from aligner.model import Alignment, Document, Link, Segment, Severity
from conftest import REPO, SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"

CSV_SOURCE = REPO / "glossaries" / "customs.csv"
TBX_COPY = REPO / "glossaries" / "customs.tbx"
PACKAGE_COPY = REPO / "src" / "aligner" / "data" / "customs.tbx"


def group_for(zh: str) -> TermGroup:
    matcher = zh_matcher(bundled_glossary().entries)
    [group] = [g for g in matcher.groups if zh_key(g.zh) == zh_key(zh)]
    return group


def test_has_at_least_200_entries() -> None:
    entries = bundled_glossary().entries
    assert len(entries) >= 200
    assert all(entry.zh and entry.en for entry in entries)
    assert len({zh_key(entry.zh) for entry in entries}) == len(entries)


def test_validates_against_tbx_basic(schemas_dir: Path) -> None:
    schema = etree.RelaxNG(
        etree.parse(str(schemas_dir / "tbx/TBXcoreStructV03_TBX-Basic_integrated.rng"))
    )
    assert schema.validate(etree.parse(str(PACKAGE_COPY))), schema.error_log


def test_all_copies_are_generated_from_the_csv() -> None:
    generated = tbx_bytes(load_glossary(str(CSV_SOURCE)))
    assert TBX_COPY.read_bytes() == generated
    assert PACKAGE_COPY.read_bytes() == generated


def test_package_copy_holds_the_csv_entries() -> None:
    from_csv = [dataclasses.replace(e, origin="") for e in load_glossary(str(CSV_SOURCE)).entries]
    bundled = [dataclasses.replace(e, origin="") for e in bundled_glossary().entries]
    assert bundled == from_csv
    assert bundled_glossary().entries[0].origin == "customs.tbx:15"


@pytest.mark.parametrize("path", [CSV_SOURCE, TBX_COPY])
def test_glossary_check_finds_nothing(path: Path) -> None:
    glossary, problems = check_glossary(str(path))
    assert glossary is not None
    assert problems == []


def test_bundled_entries_come_first_and_can_be_left_out(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("zh,en\n关检融合,integration of customs and inspection\n", encoding="utf-8")
    entries = glossary_entries([str(extra)])
    assert entries[: len(bundled_glossary().entries)] == bundled_glossary().entries
    assert entries[-1].zh == "关检融合"
    assert glossary_entries([str(extra)], include_bundled=False) == entries[-1:]


ACCEPTED = [
    ("海关总署", "General Administration of Customs of China"),
    ("海关总署", "GACC"),
    ("海关总署", "General Administration of Customs"),
    ("综合业务司", "Department of Comprehensive Operations"),
    ("缉私局", "Anti-smuggling Bureau"),
    ("直属海关", "customs district"),
    ("通关", "customs clearance"),
    ("报关", "customs declaration"),
    ("查验", "inspection"),
    ("放行", "release"),
    ("保税", "bonded"),
    ("综合保税区", "comprehensive bonded zone"),
    ("海关特殊监管区域", "special customs supervision zones"),
    ("高级认证企业", "AEO Advanced Certified Enterprise"),
    ("经认证的经营者", "Authorized Economic Operator"),
    ("经认证的经营者", "AEO"),
    ("原产地证书", "certificate of origin"),
    ("关税配额", "tariff quota"),
    ("关税", "customs duties"),
    ("加工贸易", "processing trade"),
    ("一般贸易", "general trade"),
    ("跨境电商", "cross-border e-commerce"),
    ("市场采购", "market procurement"),
    ("单一窗口", "Single Window"),
    ("国际贸易“单一窗口”", "International Trade Single Window"),
    ("提前申报", "advance declaration"),
    ("两步申报", "two-step declaration"),
    ("检验检疫", "inspection and quarantine"),
    ("口岸", "ports"),
    ("营商环境", "business environment"),
    ("跨境贸易便利化", "cross-border trade facilitation"),
    ("海关监管", "customs supervision"),
    ("进出口总值", "total value of imports and exports"),
    ("货物贸易", "trade in goods"),
    ("同比", "year-on-year"),
    ("环比", "month-on-month"),
    ("百分点", "percentage points"),
    ("贸易顺差", "trade surplus"),
    ("民营企业", "private enterprises"),
    ("国有企业", "state-owned enterprises"),
    ("外商投资企业", "foreign-invested enterprises"),
    ("机电产品", "mechanical and electrical products"),
    ("高新技术产品", "high-tech products"),
    ("劳动密集型产品", "labor-intensive products"),
    ("大宗商品", "bulk commodities"),
    ("贸易伙伴", "trading partners"),
    ("东盟", "ASEAN"),
    ("欧盟", "the EU"),
    ("“一带一路”", "the Belt and Road"),
    ("共建“一带一路”国家", "countries participating in the Belt and Road Initiative"),
    ("智慧海关", "Smart Customs"),
    ("智关强国", "Smart Customs for Great China"),
    ("海南自由贸易港", "Hainan Free Trade Port"),
    ("自由贸易试验区", "pilot free trade zone"),
    ("粤港澳大湾区", "Guangdong-Hong Kong-Macao Greater Bay Area"),
    ("东北全面振兴", "full revitalization of northeast China"),
    ("西部大开发", "large-scale development of the western region"),
    ("中央经济工作会议", "Central Economic Work Conference"),
    ("党中央", "CPC Central Committee"),
    ("党中央", "Party Central Committee"),
    ("国务院新闻办公室", "State Council Information Office"),
    ("高质量发展", "high-quality development"),
    ("高水平对外开放", "high-standard opening-up"),
    ("稳中求进", "pursuing progress while ensuring stability"),
]

DEPRECATED = [
    ("综合保税区", "comprehensive free trade zone"),
    ("海关总署", "General Customs Administration"),
    ("跨境电商", "cross-border electronic business"),
    ("自由贸易试验区", "free trade experimental zone"),
    ("报关", "customs report"),
    ("通关", "customs pass"),
]


@pytest.mark.parametrize(("zh", "english"), ACCEPTED)
def test_official_renderings_are_accepted(zh: str, english: str) -> None:
    group = group_for(zh)
    assert any(
        find_en(english, r.text) and not find_en(english, r.text)[0].case_differs
        for r in group.accepted
    ), [r.text for r in group.accepted]


@pytest.mark.parametrize(("zh", "english"), DEPRECATED)
def test_known_mistranslations_are_deprecated(zh: str, english: str) -> None:
    assert any(find_en(english, r.text) for r in group_for(zh).rejected)


def test_traditional_spellings_match_bundled_terms() -> None:
    matcher = zh_matcher(bundled_glossary().entries)
    found = [m.group.zh for m in find_zh_terms("海關總署支持綜合保稅區發展", matcher)]
    assert found == ["海关总署", "综合保税区"]


# Chinese written for this test to mirror the English sample release paragraph by
# paragraph (keyed by the English paragraph it corresponds to). The English is a correct
# translation, so the bundled glossary must accept every term it uses.
SAMPLE_ZH = {
    1: "在国务院新闻办公室新闻发布会上的讲话",
    6: "海关总署副署长 王令浚",
    8: "大家上午好！感谢大家长期以来对海关工作的关心和支持。",
    9: "2024年，我国货物贸易进出口总值43.85万亿元人民币，同比增长5%，规模再创历史新高。",
    10: "2024年，在以习近平同志为核心的党中央坚强领导下，我国外贸实现了量的稳步增长和质的"
    "有效提升。外贸规模达到43.85万亿元，一年跨越两个万亿级台阶。我国继续保持货物贸易第一大国"
    "地位。我国已成为150多个国家和地区的主要贸易伙伴，外贸“朋友圈”不断扩大。去年我国外贸增量"
    "达到2.1万亿元，相当于一个中等国家一年的外贸总量。以美元计，我国外贸增速为3.8%，在全球主要"
    "经济体中处于较高水平。从质上看，进出口产品结构持续优化升级，高技术产品贸易增势良好，自主"
    "品牌产品出口创新高，跨境电商等新业态蓬勃发展。",
    11: "成绩来之不易。2024年外贸稳量提质，根本在于党中央集中统一领导。党中央审时度势，及时推出"
    "一揽子增量政策，多措并举稳外贸、促增长。这也得益于各地区各部门的共同努力和广大经营主体的"
    "拼搏奋斗。",
    12: "海关是我国外贸发展的见证者、记录者，也是参与者、推动者。2024年，全国海关监管进出口货物"
    "56.03亿吨，进出境运输工具3991.7万辆（列、艘、架）。面对巨大的人流物流，我们坚守守国门的"
    "基本职责，依托以智慧海关为支撑的现代化海关监管体系，把疫情疫病和非法、不合格货物拦截在国门"
    "之外，守护了国家安全和人民利益，服务了高质量发展。",
    13: "我们始终把高质量发展作为新时代的硬道理。出台实施进一步优化口岸营商环境、促进企业通关便利"
    "16条措施，推出支持东北全面振兴、中部地区加快崛起、推进西部大开发形成新格局等区域协调发展"
    "战略131条措施，发挥政策组合效应。在20个城市开展促进跨境贸易便利化专项行动，打造市场化、"
    "法治化、国际化一流口岸营商环境。深化海关监管制度创新，支持海南自由贸易港、自由贸易试验区"
    "等平台创新发展，以高水平对外开放促进高质量发展。",
    14: "展望新的一年，我们将认真贯彻落实中央经济工作会议精神，坚持稳中求进、以进促稳，推进"
    "“智慧海关”建设和“智关强国”行动，深化改革、强化监管、保障安全、务实稳外贸、扩大高水平"
    "对外开放，守国门、促发展，做让党放心、让人民满意的国门卫士。",
    17: "中华人民共和国海关总署",
}


def sample_alignment() -> Alignment:
    english = SAMPLE_ENGLISH.read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in english.splitlines() if line.strip()]
    en = tuple(Segment(i, text, i) for i, text in enumerate(paragraphs))
    zh: list[Segment] = []
    links = []
    for index in range(len(paragraphs)):
        if index in SAMPLE_ZH:
            links.append(Link((len(zh),), (index,), 1.0))
            zh.append(Segment(len(zh), SAMPLE_ZH[index], len(zh)))
        else:
            links.append(Link((), (index,), 1.0))
    return Alignment(Document("zh", "zh", tuple(zh)), Document("en", "en", en), tuple(links))


def test_clean_sample_release_gets_no_term_warnings() -> None:
    alignment = sample_alignment()
    assert "Smart Customs for Great China" in alignment.target.segments[14].text
    findings = list(check_terms(alignment, CheckContext(bundled_glossary().entries)))
    assert [f for f in findings if f.severity is not Severity.INFO] == []
    # The sample writes the programme name once in lower case ("based on smart customs").
    assert [f.message for f in findings] == [
        '"smart customs" differs only in case from "Smart Customs", the rendering of 智慧海关'
    ]


def test_sample_release_finds_many_terms() -> None:
    alignment = sample_alignment()
    matcher = zh_matcher(bundled_glossary().entries)
    terms = {m.group.zh for s in alignment.source.segments for m in find_zh_terms(s.text, matcher)}
    assert {"海关总署", "智关强国", "自由贸易试验区", "高水平对外开放", "稳中求进"} <= terms
    assert len(terms) >= 40
