"""The QA error suite: realistic translation errors, each injected alone into the sample pair.

The bundled sample (samples/gacc-2025-01-13) is a correct translation, so every mutation
below turns it into a release with exactly one known mistake. Each entry records what a QA
lead would expect the tool to say about it: the check that must report it, the least
severity that is acceptable, where it must be reported (a sentence containing ``at``) and
what the message must quote, i.e. what the Chinese or the glossary expects.

The suite is shared by tests/test_qa_suite.py (recall) and benchmarks/qa_suite.py (recall
and precision figures), so applying a mutation and telling the injected finding from a
false alarm live here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from aligner.formats.links import parse_links
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Finding, Severity
from aligner.pipeline import AlignOptions, align_files, load_document, qa_report, read_bilingual

Side = Literal["zh", "en"]

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SAMPLE_ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
SAMPLE_EN = SAMPLES / "gacc-2025-01-13.en.txt"
SAMPLE_GOLD = SAMPLES / "gacc-2025-01-13.gold.align"
# Part of the sample as a CAT tool's XLIFF with inline codes and addresses: the file the
# tags mutations edit, since plain text has no codes to lose.
TAGGED = Path(__file__).resolve().parent / "tagged.xlf"

# The suite measures the checks with the always-available lexical scorer, so its figures
# do not change with the optional semantic extra.
LEXICAL = AlignOptions(scorer="lexical")

CHECKS = (
    "term",
    "number",
    "omission",
    "addition",
    "untranslated",
    "inconsistency",
    "punctuation",
    "length",
    "polarity",
    "spelling",
    "checklist",
    "tags",
)


@dataclass(frozen=True)
class Edit:
    """Replace the one occurrence of ``find`` in one side of the sample by ``replace``."""

    side: Side
    find: str
    replace: str


@dataclass(frozen=True)
class Mutation:
    """One injected error and the finding it must produce.

    ``at`` is text of the sentence the finding must touch, on ``at_side``; when it is
    empty the replacement text of the first edit is used. ``message`` is text the
    finding's message must contain: the Chinese, figure or glossary rendering it expects.
    ``also`` names other checks whose finding reports the same error just as well (a
    sentence's whole rendering cut from a shared English sentence is a short link and an
    untranslated Chinese sentence alike); their own messages say what they expect. ``file``
    names a bilingual file to edit (and check as it stands) instead of the sample pair; its
    edits apply to the whole file, their side saying which language they touch.
    """

    id: str
    check: str
    severity: Severity
    description: str
    edits: tuple[Edit, ...]
    message: str
    at: str = ""
    at_side: Side | None = None
    also: tuple[str, ...] = ()
    file: Path | None = None

    @property
    def anchor(self) -> tuple[Side, str]:
        side = self.at_side or self.edits[0].side
        return side, self.at or self.edits[0].replace.strip()

    @property
    def sides(self) -> tuple[Side, ...]:
        return tuple(dict.fromkeys(edit.side for edit in self.edits))


def en(find: str, replace: str) -> Edit:
    return Edit("en", find, replace)


def zh(find: str, replace: str) -> Edit:
    return Edit("zh", find, replace)


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


NUMBER: tuple[Mutation, ...] = (
    Mutation(
        "number-transposed-headline",
        "number",
        ERROR,
        "digits of the headline trade value transposed",
        (en("reached RMB43.85 trillion", "reached RMB43.58 trillion"),),
        message="43.85万亿",
    ),
    Mutation(
        "number-transposed-total",
        "number",
        ERROR,
        "digits of the repeated total mistyped: 43.85 became 48.35",
        (en("amounted to RMB43.85 trillion", "amounted to RMB48.35 trillion"),),
        message="43.85万亿",
    ),
    Mutation(
        "number-billion-million-tons",
        "number",
        ERROR,
        "billion written as million for the cargo tonnage",
        (en("5.603 billion tons", "5.603 million tons"),),
        message="56.03亿",
        also=("checklist",),  # the bundled 亿/万 rule names the same slip
    ),
    Mutation(
        "number-million-billion-vehicles",
        "number",
        ERROR,
        "million written as billion for the vehicles",
        (en("39.917 million freight", "39.917 billion freight"),),
        message="3991.7万",
        also=("checklist",),  # the bundled 亿/万 rule names the same slip
    ),
    Mutation(
        "number-yi-as-billion",
        "number",
        ERROR,
        "亿 (100 million) read as billion: 56.03亿 written as 56.03 billion",
        (en("5.603 billion tons", "56.03 billion tons"),),
        message="56.03亿",
    ),
    Mutation(
        "number-wan-as-million",
        "number",
        ERROR,
        "万 (ten thousand) read as million: 3991.7万 written as 3991.7 million",
        (en("39.917 million freight", "3991.7 million freight"),),
        message="3991.7万",
    ),
    Mutation(
        "number-tenfold-increase",
        "number",
        ERROR,
        "decimal point dropped: RMB2.1 trillion became RMB21 trillion",
        (en("reached RMB2.1 trillion", "reached RMB21 trillion"),),
        message="2.1万亿",
    ),
    Mutation(
        "number-tenfold-total",
        "number",
        ERROR,
        "decimal point moved: RMB43.85 trillion became RMB4.385 trillion",
        (en("reached RMB43.85 trillion", "reached RMB4.385 trillion"),),
        message="43.85万亿",
    ),
    Mutation(
        "number-wrong-year-headline",
        "number",
        ERROR,
        "wrong year in the headline sentence",
        (en("In 2024, the total value", "In 2023, the total value"),),
        message="2024",
    ),
    Mutation(
        "number-wrong-year-supervision",
        "number",
        ERROR,
        "wrong year for the supervision figures",
        (en("In 2024, China Customs supervised", "In 2023, China Customs supervised"),),
        message="2024",
    ),
    Mutation(
        "number-wrong-percentage",
        "number",
        ERROR,
        "growth rate 5% typed as 15%",
        (en("up 5% year-on-year", "up 15% year-on-year"),),
        message="5%",
    ),
    Mutation(
        "number-percent-as-points",
        "number",
        WARNING,
        "growth of 3.8% rendered as 3.8 percentage points",
        (en("(3.8% denominated in USD)", "(3.8 percentage points denominated in USD)"),),
        message="3.8%",
    ),
    Mutation(
        "number-swapped-digits-rate",
        "number",
        ERROR,
        "growth rate 3.8% typed as 8.3%",
        (en("(3.8% denominated in USD)", "(8.3% denominated in USD)"),),
        message="3.8%",
    ),
    Mutation(
        "number-measures-reversed",
        "number",
        ERROR,
        "16 measures typed as 61 measures",
        (en("implemented 16 measures", "implemented 61 measures"),),
        message="16",
    ),
    Mutation(
        "number-measures-transposed",
        "number",
        ERROR,
        "131 measures typed as 113 measures",
        (en("unveiled 131 measures", "unveiled 113 measures"),),
        message="131",
    ),
    Mutation(
        "number-cities",
        "number",
        ERROR,
        "20 cities typed as 12 cities",
        (en("launched in 20 cities", "launched in 12 cities"),),
        message="20",
    ),
    Mutation(
        "number-date-day",
        "number",
        ERROR,
        "date of the press conference: January 13 typed as January 31",
        (en("January 13,2025", "January 31,2025"),),
        message="2025年1月13日",
    ),
    Mutation(
        "number-date-year",
        "number",
        ERROR,
        "date of the press conference with last year's year",
        (en("January 13,2025", "January 13,2024"),),
        message="2025年1月13日",
    ),
    Mutation(
        "number-partners",
        "number",
        ERROR,
        "150+ economies typed as 50+",
        (en("for over 150+ economies", "for over 50+ economies"),),
        message="150",
    ),
)

TERM: tuple[Mutation, ...] = (
    Mutation(
        "term-pilot-ftz-deprecated",
        "term",
        ERROR,
        "pilot free trade zones given the deprecated name free trade experimental zones",
        (en("pilot free trade zones", "free trade experimental zones"),),
        message="pilot free trade zone",
    ),
    Mutation(
        "term-pilot-ftz-test-zone",
        "term",
        ERROR,
        "pilot free trade zones given the deprecated name free trade test zones",
        (en("pilot free trade zones", "free trade test zones"),),
        message="pilot free trade zone",
    ),
    Mutation(
        "term-hainan-port-as-zone",
        "term",
        WARNING,
        "Hainan Free Trade Port called a free trade zone",
        (en("Hainan Free Trade Port", "Hainan Free Trade Zone"),),
        message="Hainan Free Trade Port",
    ),
    Mutation(
        "term-hainan-harbor",
        "term",
        ERROR,
        "Hainan Free Trade Port given the deprecated name Hainan Free Trade Harbor",
        (en("Hainan Free Trade Port", "Hainan Free Trade Harbor"),),
        message="Hainan Free Trade Port",
    ),
    Mutation(
        "term-ecommerce-deprecated",
        "term",
        ERROR,
        "cross-border e-commerce rendered as cross-border electronic business",
        (en("cross-border e-commerce", "cross-border electronic business"),),
        message="cross-border e-commerce",
    ),
    Mutation(
        "term-customs-pass",
        "term",
        ERROR,
        "customs clearance rendered as the deprecated customs pass",
        (en("facilitate customs clearance", "facilitate customs pass"),),
        message="customs clearance",
    ),
    Mutation(
        "term-port-business-climate",
        "term",
        WARNING,
        "business environment at ports rendered as business climate at ports",
        (en("business environment at ports", "business climate at ports"),),
        message="business environment at ports",
    ),
    Mutation(
        "term-gacc-deprecated-name",
        "term",
        ERROR,
        "GACC given the deprecated name General Customs Administration",
        (
            en(
                "General Administration of Customs of China (GACC)",
                "General Customs Administration of China (GACC)",
            ),
        ),
        message="General Administration of Customs of China",
    ),
    Mutation(
        "term-vice-minister",
        "term",
        WARNING,
        "副署长 rendered as Deputy Director-General instead of Vice Minister",
        (en("Vice Minister of", "Deputy Director-General of"),),
        message="Vice Minister",
    ),
    Mutation(
        "term-economic-work-conference",
        "term",
        WARNING,
        "Central Economic Work Conference rendered as Central Economic Working Meeting",
        (en("Central Economic Work Conference", "Central Economic Working Meeting"),),
        message="Central Economic Work Conference",
    ),
    Mutation(
        "term-year-on-year",
        "term",
        WARNING,
        "同比 rendered as month-on-month",
        (en("up 5% year-on-year", "up 5% month-on-month"),),
        message="year-on-year",
    ),
    Mutation(
        "term-self-owned-brands",
        "term",
        WARNING,
        "自主品牌 rendered as self-made brand",
        (en("self-owned brand", "self-made brand"),),
        message="self-owned brands",
    ),
    Mutation(
        "term-new-business-forms",
        "term",
        WARNING,
        "新业态 rendered as new industries",
        (en("new business forms such as", "new industries such as"),),
        message="new business forms",
    ),
    Mutation(
        "term-progress-stability",
        "term",
        WARNING,
        "稳中求进 rendered loosely as seeking stability while making progress",
        (
            en(
                "pursuing progress while ensuring stability",
                "seeking stability while making progress",
            ),
        ),
        message="pursuing progress while ensuring stability",
    ),
    Mutation(
        "term-smart-customs-campaign",
        "term",
        WARNING,
        "智关强国 rendered word for word as Smart Customs Strong Country",
        (en("Smart Customs for Great China", "Smart Customs Strong Country"),),
        message="Smart Customs for Great China",
    ),
    Mutation(
        "term-western-development",
        "term",
        WARNING,
        "西部大开发 rendered as the Go West campaign",
        (
            en(
                "further advancing the large-scale development of the western region",
                "further advancing the Go West campaign",
            ),
        ),
        message="large-scale development of the western region",
    ),
    Mutation(
        "term-northeast-revitalization",
        "term",
        WARNING,
        "东北全面振兴 rendered as Northeast rejuvenation",
        (en("full revitalization of northeast China", "Northeast rejuvenation"),),
        message="full revitalization of northeast China",
    ),
    Mutation(
        "term-new-era",
        "term",
        WARNING,
        "新时代 rendered as new age",
        (en("top priority in the new era", "top priority in the new age"),),
        message="new era",
    ),
    Mutation(
        "term-national-security",
        "term",
        WARNING,
        "国家安全 rendered as state safety",
        (en("protecting national security", "protecting state safety"),),
        message="national security",
    ),
)

OMISSION: tuple[Mutation, ...] = (
    Mutation(
        "omission-thanks",
        "omission",
        ERROR,
        "the thank-you sentence of the greeting left out",
        (en(" Thank you for your long-term care and support for the work of Customs.", ""),),
        message="感谢大家长期以来对海关工作的关心和支持",
        at="感谢大家长期以来",
        at_side="zh",
    ),
    Mutation(
        "omission-headline-paragraph",
        "omission",
        ERROR,
        "the one-sentence headline paragraph left out",
        (
            en(
                "In 2024, the total value of China’s imports and exports reached RMB43.85 "
                "trillion, up 5% year-on-year, which was a new record high.",
                "",
            ),
        ),
        message="规模再创历史新高",
        at="规模再创历史新高",
        at_side="zh",
    ),
    Mutation(
        "omission-trading-partners",
        "omission",
        ERROR,
        "the sentence on 150+ trading partners left out",
        (
            en(
                "China has become a major trading partner for over 150+ economies, and its "
                "circle of friends of foreign trade continues to expand. ",
                "",
            ),
        ),
        message="主要贸易伙伴",
        at="150多个国家和地区",
        at_side="zh",
    ),
    Mutation(
        "omission-increment",
        "omission",
        ERROR,
        "the sentence on the RMB2.1 trillion increase left out",
        (
            en(
                "The growth of trade of China in the previous year reached RMB2.1 trillion, "
                "equivalent to the annual volume of trade of a medium-sized country. ",
                "",
            ),
        ),
        message="2.1万亿元",
        at="2.1万亿元",
        at_side="zh",
    ),
    Mutation(
        "omission-growth-rate",
        "omission",
        ERROR,
        "the sentence on the USD growth rate left out",
        (
            en(
                "By now, the growth rate of foreign trade (3.8% denominated in USD) is "
                "relatively high to the world major economies. ",
                "",
            ),
        ),
        message="以美元计增长3.8%",
        at="以美元计",
        at_side="zh",
    ),
    Mutation(
        "omission-short-results",
        "omission",
        ERROR,
        "the four-character sentence 成绩来之不易 left out",
        (en("The results did not come easily. ", ""),),
        message="成绩来之不易",
        at="成绩来之不易",
        at_side="zh",
    ),
    Mutation(
        "omission-policies",
        "omission",
        ERROR,
        "the long sentence on the incremental policies left out",
        (
            en(
                "The Party Central Committee launched a raft of incremental policies in a "
                "timely manner after fully assessing the situation and took multiple measures "
                "to stabilize foreign trade and promote growth. ",
                "",
            ),
        ),
        message="一揽子增量政策",
        at="审时度势",
        at_side="zh",
    ),
    Mutation(
        "omission-joint-efforts",
        "omission",
        ERROR,
        "the last sentence of a paragraph left out",
        (
            en(
                " This was also attributed to the joint efforts of all localities and "
                "government departments around the country, and hard work of numerous "
                "economic operators.",
                "",
            ),
        ),
        message="广大经营主体辛勤付出",
        at="各地区各部门共同努力",
        at_side="zh",
    ),
    Mutation(
        "omission-witness",
        "omission",
        ERROR,
        "the first sentence of a paragraph left out",
        (
            en(
                "Customs serves not only a witness and recorder of China’s foreign trade "
                "development, but also a participant and promoter. ",
                "",
            ),
        ),
        message="见证者",
        at="见证者",
        at_side="zh",
    ),
    Mutation(
        "omission-tonnage",
        "omission",
        ERROR,
        "the sentence with the supervision figures left out",
        (
            en(
                "In 2024, China Customs supervised 5.603 billion tons of imported and exported "
                "goods, 39.917 million freight vehicles, trains, ships and airplanes. ",
                "",
            ),
        ),
        message="56.03亿吨",
        at="56.03亿吨",
        at_side="zh",
    ),
    Mutation(
        "omission-flows",
        "omission",
        ERROR,
        "the sentence on safeguarding borders left out",
        (
            en(
                "Amid the vast flows of people and goods, we remain steadfast in fulfilling "
                "our fundamental duty of safeguarding borders. ",
                "",
            ),
        ),
        message="大进大出",
        at="大进大出",
        at_side="zh",
    ),
    Mutation(
        "omission-top-priority",
        "omission",
        ERROR,
        "the short opening sentence of the measures paragraph left out",
        (
            en(
                "We always pursue high-quality development as our top priority in the new era. ",
                "",
            ),
        ),
        message="首要任务",
        at="首要任务",
        at_side="zh",
    ),
    Mutation(
        "omission-131-measures",
        "omission",
        ERROR,
        "the sentence on the 131 regional measures left out",
        (
            en(
                " We also unveiled 131 measures to advance coordinated regional development "
                "strategies including full revitalization of northeast China, accelerating "
                "rise of the central regions, and further advancing the large-scale "
                "development of the western region, giving full play to the role of policy "
                "mix.",
                "",
            ),
        ),
        message="131条措施",
        at="131条措施",
        at_side="zh",
    ),
    Mutation(
        "omission-20-cities",
        "omission",
        ERROR,
        "the sentence on the 20 pilot cities left out",
        (
            en(
                " Special cross-border trade facilitation initiatives were launched in 20 "
                "cities, aiming to foster a world-class business environment that is "
                "market-oriented, law-based, and internationalized.",
                "",
            ),
        ),
        message="20个城市",
        at="20个城市",
        at_side="zh",
    ),
    Mutation(
        "omission-free-trade-port",
        "omission",
        ERROR,
        "the last sentence of the measures paragraph left out",
        (
            en(
                " We have deepened innovation in Customs supervision systems, providing robust "
                "support for the innovative development of platforms such as the Hainan Free "
                "Trade Port and pilot free trade zones, leveraging high-standard opening-up to "
                "drive high-quality development.",
                "",
            ),
        ),
        message="海南自由贸易港",
        at="海南自由贸易港",
        at_side="zh",
    ),
    Mutation(
        "omission-looking-ahead",
        "omission",
        ERROR,
        "the opening sentence of the outlook paragraph left out",
        (
            en(
                "Looking ahead, we will act on the guidelines of the Central Economic Work "
                "Conference, pursuing progress while ensuring stability, and promoting "
                "stability through progress with a pragmatic and proactive approach. ",
                "",
            ),
        ),
        message="中央经济工作会议",
        at="中央经济工作会议",
        at_side="zh",
    ),
    Mutation(
        "omission-border-guardians",
        "omission",
        ERROR,
        "the closing pledge of the outlook paragraph left out",
        (
            en(
                " By doing so, we are committed to protecting the borders, promoting "
                "development, and performing the duties as the border guardians whose work "
                "satisfies the Party and the people.",
                "",
            ),
        ),
        message="国门卫士",
        at="国门卫士",
        at_side="zh",
    ),
    Mutation(
        "omission-brief-introduction",
        "omission",
        ERROR,
        "the short sentence closing the speech left out",
        (en("That is my brief introduction. ", ""),),
        message="以上是我的简要介绍",
        at="简要介绍",
        at_side="zh",
    ),
    Mutation(
        "omission-questions",
        "omission",
        ERROR,
        "the very last sentence of the speech left out",
        (en(" Next, my colleagues and I will answer questions from the media.", ""),),
        message="回答各位媒体朋友的提问",
        at="回答各位媒体朋友的提问",
        at_side="zh",
    ),
    Mutation(
        "omission-pasted-over",
        "omission",
        ERROR,
        "the last sentence overwritten by a second copy of the one before it",
        (
            en(
                "Next, my colleagues and I will answer questions from the media.",
                "That is my brief introduction.",
            ),
        ),
        message="下面，我和我的同事回答各位媒体朋友的提问",
        at="回答各位媒体朋友的提问",
        at_side="zh",
    ),
    Mutation(
        "omission-leadership",
        "omission",
        ERROR,
        "the English of two merged Chinese sentences left out",
        (
            en(
                "In 2024, under the strong leadership of the CPC Central Committee with "
                "Comrade Xi Jinping at its core, China made remarkable achievements in foreign "
                "trade testified by the increase of the total value and its growth and the "
                "improved quality. ",
                "",
            ),
        ),
        message="坚强领导",
        at="坚强领导",
        at_side="zh",
    ),
    Mutation(
        "omission-speaker",
        "omission",
        ERROR,
        "the speaker's name and title line left out",
        (
            en(
                "Mr. Wang Lingjun, Vice Minister of the General Administration of Customs of "
                "China (GACC)\n",
                "",
            ),
        ),
        message="王令浚",
        at="王令浚",
        at_side="zh",
    ),
    Mutation(
        "omission-smart-customs",
        "omission",
        ERROR,
        "the sentence translating two Chinese sentences on smart customs left out",
        (
            en(
                " By leveraging modern supervision systems based on smart customs, we stopped "
                "epidemics, and illegal and substandard goods at the border, thus protecting "
                "national security and the interests of the people, and serving high-quality "
                "development.",
                "",
            ),
        ),
        message="智慧海关为支撑",
        at="智慧海关为支撑",
        at_side="zh",
    ),
    Mutation(
        "omission-campaigns",
        "omission",
        ERROR,
        "the sentence on the Smart Customs campaigns left out",
        (
            en(
                " Through the development of “Smart Customs” Project and “Smart Customs for "
                "Great China” Campaign, we will deepen reform, strengthen supervision to "
                "ensure security, implement concrete measures to stabilize trade, and promote "
                "opening-up to higher standards.",
                "",
            ),
        ),
        message="智关强国",
        at="智关强国",
        at_side="zh",
    ),
    Mutation(
        "omission-two-english-sentences",
        "omission",
        ERROR,
        "both English sentences rendering one Chinese sentence left out",
        (
            en(
                " In 2024, the volume steadily increased and the quality of foreign trade "
                "raised. To achieve this, the fundamental guarantee is the centralized, "
                "unified leadership of the Party Central Committee.",
                "",
            ),
        ),
        message="量稳质升",
        at="量稳质升",
        at_side="zh",
    ),
    Mutation(
        "omission-trillion-steps",
        "omission",
        ERROR,
        "the two English sentences on the trillion-yuan steps left out",
        (
            en(
                " The total value of foreign trade amounted to RMB43.85 trillion with twice "
                "trillion-level increase in the past year. China remains the world’s largest "
                "trader in goods.",
                "",
            ),
        ),
        message="43.85万亿元",
        at="两个万亿元台阶",
        at_side="zh",
    ),
)

ADDITION: tuple[Mutation, ...] = (
    Mutation(
        "addition-praise",
        "addition",
        WARNING,
        "translator's comment added after a short sentence",
        (
            en(
                "The results did not come easily.",
                "The results did not come easily. This success was widely praised by "
                "foreign investors.",
            ),
        ),
        message="no Chinese counterpart",
        at="widely praised by foreign investors",
    ),
    Mutation(
        "addition-forecast",
        "addition",
        WARNING,
        "a forecast added to the one-sentence headline paragraph",
        (
            en(
                "which was a new record high.",
                "which was a new record high. Most analysts had expected far weaker growth "
                "at the start of the year.",
            ),
        ),
        message="no Chinese counterpart",
        at="Most analysts had expected",
    ),
    Mutation(
        "addition-pleasure",
        "addition",
        WARNING,
        "a courtesy sentence added to the greeting",
        (
            en(
                "the work of Customs.",
                "the work of Customs. It is my great pleasure to present the annual figures "
                "to you today.",
            ),
        ),
        message="no Chinese counterpart",
        at="It is my great pleasure",
    ),
    Mutation(
        "addition-eu-partner",
        "addition",
        WARNING,
        "background on another trading partner added",
        (
            en(
                "continues to expand.",
                "continues to expand. The European Union remained one of its most important "
                "partners throughout the year.",
            ),
        ),
        message="no Chinese counterpart",
        at="The European Union remained",
    ),
    Mutation(
        "addition-officers",
        "addition",
        WARNING,
        "an explanation of customs work added after the first sentence of a paragraph",
        (
            en(
                "a participant and promoter.",
                "a participant and promoter. Its officers work around the clock at ports "
                "across the whole country.",
            ),
        ),
        message="no Chinese counterpart",
        at="Its officers work around the clock",
    ),
    Mutation(
        "addition-endangered-species",
        "addition",
        WARNING,
        "an enforcement example added in the middle of a paragraph",
        (
            en(
                "duty of safeguarding borders.",
                "duty of safeguarding borders. Seizures of endangered species and other "
                "contraband also rose sharply.",
            ),
        ),
        message="no Chinese counterpart",
        at="Seizures of endangered species",
    ),
    Mutation(
        "addition-guides-reform",
        "addition",
        WARNING,
        "a sentence of emphasis added after the top-priority sentence",
        (
            en(
                "top priority in the new era.",
                "top priority in the new era. This principle guides every reform that we "
                "undertake.",
            ),
        ),
        message="no Chinese counterpart",
        at="This principle guides every reform",
    ),
    Mutation(
        "addition-local-governments",
        "addition",
        WARNING,
        "a claim about local governments added after the 131 measures",
        (
            en(
                "the role of policy mix.",
                "the role of policy mix. Local governments have warmly welcomed these measures.",
            ),
        ),
        message="no Chinese counterpart",
        at="Local governments have warmly welcomed",
    ),
    Mutation(
        "addition-more-cities",
        "addition",
        WARNING,
        "a promise about next year added after the 20 cities",
        (
            en(
                "law-based, and internationalized.",
                "law-based, and internationalized. The initiative will be extended to more "
                "cities next year.",
            ),
        ),
        message="no Chinese counterpart",
        at="The initiative will be extended",
    ),
    Mutation(
        "addition-website",
        "addition",
        WARNING,
        "a pointer to the website added at the end of a paragraph",
        (
            en(
                "to drive high-quality development.",
                "to drive high-quality development. Further details of all these measures "
                "are available on the GACC website.",
            ),
        ),
        message="no Chinese counterpart",
        at="Further details of all these measures",
    ),
    Mutation(
        "addition-training",
        "addition",
        WARNING,
        "a plan for staff training added after the outlook",
        (
            en(
                "promote opening-up to higher standards.",
                "promote opening-up to higher standards. All customs officers will receive "
                "additional training in the coming months.",
            ),
        ),
        message="no Chinese counterpart",
        at="All customs officers will receive",
    ),
    Mutation(
        "addition-raise-hand",
        "addition",
        WARNING,
        "an instruction to the audience added at the very end",
        (
            en(
                "answer questions from the media.",
                "answer questions from the media. Please raise your hand and state the name "
                "of your outlet before asking.",
            ),
        ),
        message="no Chinese counterpart",
        at="Please raise your hand",
    ),
    Mutation(
        "addition-jobs",
        "addition",
        WARNING,
        "a claim about employment added at the end of a paragraph",
        (
            en(
                "hard work of numerous economic operators.",
                "hard work of numerous economic operators. Foreign trade also supported "
                "millions of jobs in every province.",
            ),
        ),
        message="no Chinese counterpart",
        at="Foreign trade also supported",
    ),
    Mutation(
        "addition-new-paragraph",
        "addition",
        WARNING,
        "a whole paragraph of background added between two paragraphs",
        (
            en(
                "\n\nLooking ahead,",
                "\n\nThe global economy remained weak and external demand was uncertain "
                "throughout the year.\n\nLooking ahead,",
            ),
        ),
        message="no Chinese counterpart",
        at="The global economy remained weak",
    ),
    Mutation(
        "addition-full-text-note",
        "addition",
        WARNING,
        "an editor's note added as its own paragraph under the speaker line",
        (
            en(
                "(GACC)\n",
                "(GACC)\n\nThe following is the full text of the speech as delivered.\n",
            ),
        ),
        message="no Chinese counterpart",
        at="The following is the full text",
    ),
    Mutation(
        "addition-exports-paragraph",
        "addition",
        WARNING,
        "a paragraph of extra statistics added after the headline",
        (
            en(
                "which was a new record high.\n",
                "which was a new record high.\n\nExports grew faster than imports for the "
                "third year in a row.\n",
            ),
        ),
        message="no Chinese counterpart",
        at="Exports grew faster than imports",
    ),
    Mutation(
        "addition-monthly-figures",
        "addition",
        WARNING,
        "a promise added as its own paragraph before the closing lines",
        (
            en(
                "\n\nThat is my brief introduction.",
                "\n\nCustoms will publish detailed monthly figures throughout 2025."
                "\n\nThat is my brief introduction.",
            ),
        ),
        message="no Chinese counterpart",
        at="Customs will publish detailed monthly figures",
    ),
    Mutation(
        "addition-pests",
        "addition",
        WARNING,
        "an enforcement claim added after a sentence that renders two Chinese sentences",
        (
            en(
                "and serving high-quality development.",
                "and serving high-quality development. Customs laboratories also identified a "
                "record number of harmful pests.",
            ),
        ),
        message="no Chinese counterpart",
        at="Customs laboratories also identified",
    ),
    Mutation(
        "addition-reform-theme",
        "addition",
        WARNING,
        "a sentence of the translator's own added at the start of a paragraph",
        (
            en(
                "We always pursue high-quality development",
                "Reform was the main theme of our work throughout last year. We always pursue "
                "high-quality development",
            ),
        ),
        message="no Chinese counterpart",
        at="Reform was the main theme",
    ),
    Mutation(
        "addition-december-conference",
        "addition",
        WARNING,
        "background on the conference added after the outlook sentence",
        (
            en(
                "with a pragmatic and proactive approach.",
                "with a pragmatic and proactive approach. The conference was held in Beijing "
                "in the middle of December.",
            ),
        ),
        message="no Chinese counterpart",
        at="The conference was held in Beijing",
    ),
    Mutation(
        "addition-report-back",
        "addition",
        WARNING,
        "a promise to report back added after the closing pledge",
        (
            en(
                "satisfies the Party and the people.",
                "satisfies the Party and the people. We will report on our progress again at "
                "the end of this year.",
            ),
        ),
        message="no Chinese counterpart",
        at="We will report on our progress",
    ),
)

UNTRANSLATED: tuple[Mutation, ...] = (
    Mutation(
        "untranslated-ecommerce",
        "untranslated",
        ERROR,
        "a term left in Chinese: 跨境电商",
        (en("cross-border e-commerce", "跨境电商"),),
        message="跨境电商",
    ),
    Mutation(
        "untranslated-hainan",
        "untranslated",
        ERROR,
        "a place name left in Chinese: 海南自由贸易港",
        (en("the Hainan Free Trade Port", "the 海南自由贸易港"),),
        message="海南自由贸易港",
        at="海南自由贸易港",
    ),
    Mutation(
        "untranslated-copied-results",
        "untranslated",
        ERROR,
        "a short Chinese sentence pasted in place of its translation",
        (en("The results did not come easily.", "成绩来之不易。"),),
        message="成绩来之不易",
        at="成绩来之不易",
    ),
    Mutation(
        "untranslated-copied-introduction",
        "untranslated",
        ERROR,
        "the closing Chinese sentence pasted in place of its translation",
        (en("That is my brief introduction.", "以上是我的简要介绍。"),),
        message="以上是我的简要介绍",
        at="以上是我的简要介绍",
    ),
    Mutation(
        "untranslated-copied-questions",
        "untranslated",
        ERROR,
        "the last Chinese sentence, with its Chinese comma, pasted in place of its translation",
        (
            en(
                "Next, my colleagues and I will answer questions from the media.",
                "下面，我和我的同事回答各位媒体朋友的提问。",
            ),
        ),
        message="我和我的同事",
        at="我和我的同事",
    ),
    Mutation(
        "untranslated-copied-headline",
        "untranslated",
        ERROR,
        "the whole Chinese headline paragraph pasted in place of its translation",
        (
            en(
                "In 2024, the total value of China’s imports and exports reached RMB43.85 "
                "trillion, up 5% year-on-year, which was a new record high.",
                "2024年，我国货物贸易进出口总值43.85万亿元，同比增长5%，规模再创历史新高。",
            ),
        ),
        message="货物贸易进出口总值",
        at="货物贸易进出口总值",
    ),
    Mutation(
        "untranslated-campaign",
        "untranslated",
        ERROR,
        "a campaign name left in Chinese inside quotation marks",
        (en("“Smart Customs for Great China” Campaign", "“智关强国” Campaign"),),
        message="智关强国",
        at="智关强国",
    ),
    Mutation(
        "untranslated-project",
        "untranslated",
        ERROR,
        "a project name left in Chinese inside quotation marks",
        (en("“Smart Customs” Project", "“智慧海关” Project"),),
        message="智慧海关",
        at="智慧海关",
    ),
    Mutation(
        "untranslated-operators",
        "untranslated",
        ERROR,
        "a common noun left in Chinese: 经营主体",
        (en("numerous economic operators", "numerous 经营主体"),),
        message="经营主体",
        at="经营主体",
    ),
    Mutation(
        "untranslated-speaker-name",
        "untranslated",
        ERROR,
        "the speaker's name left in Chinese characters",
        (en("Mr. Wang Lingjun", "Mr. 王令浚"),),
        message="王令浚",
        at="王令浚",
    ),
    Mutation(
        "untranslated-circle-of-friends",
        "untranslated",
        ERROR,
        "a metaphor left in Chinese: 朋友圈",
        (en("its circle of friends of foreign trade", "its 朋友圈 of foreign trade"),),
        message="朋友圈",
        at="朋友圈",
    ),
    Mutation(
        "untranslated-conference",
        "untranslated",
        ERROR,
        "a meeting name left in Chinese: 中央经济工作会议",
        (en("the Central Economic Work Conference", "the 中央经济工作会议"),),
        message="中央经济工作会议",
        at="中央经济工作会议",
    ),
    Mutation(
        "untranslated-usd-clause",
        "untranslated",
        ERROR,
        "a bracketed clause left in Chinese",
        (en("(3.8% denominated in USD)", "(以美元计增长3.8%)"),),
        message="以美元计",
        at="以美元计",
    ),
    Mutation(
        "untranslated-half-clause",
        "untranslated",
        ERROR,
        "the end of a sentence left in Chinese",
        (
            en(
                "thus protecting national security and the interests of the people, and "
                "serving high-quality development.",
                "这既守护了国家安全和人民利益，也服务了高质量发展。",
            ),
        ),
        message="守护了国家安全",
        at="守护了国家安全",
    ),
)

INCONSISTENCY: tuple[Mutation, ...] = (
    Mutation(
        "inconsistency-results-repeated",
        "inconsistency",
        WARNING,
        "成绩来之不易 repeated at the end of a later paragraph and translated differently",
        (
            zh("广大经营主体辛勤付出的结果。", "广大经营主体辛勤付出的结果。成绩来之不易。"),
            en(
                "hard work of numerous economic operators.",
                "hard work of numerous economic operators. These achievements were hard-won.",
            ),
        ),
        message="The results did not come easily.",
        at="成绩来之不易",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-results-earlier",
        "inconsistency",
        WARNING,
        "成绩来之不易 added to an earlier paragraph, translated differently from its twin",
        (
            zh("跨境电商等新业态蓬勃发展。", "跨境电商等新业态蓬勃发展。成绩来之不易。"),
            en(
                "cross-border e-commerce have flourished.",
                "cross-border e-commerce have flourished. The achievements were hard to come by.",
            ),
        ),
        message="成绩来之不易",
        at="成绩来之不易",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-thanks-repeated",
        "inconsistency",
        WARNING,
        "the thank-you sentence repeated at the close and translated differently",
        (
            zh(
                "以上是我的简要介绍。",
                "感谢大家长期以来对海关工作的关心和支持。以上是我的简要介绍。",
            ),
            en(
                "That is my brief introduction.",
                "We are grateful for your continued interest in and support for Customs. "
                "That is my brief introduction.",
            ),
        ),
        message="Thank you for your long-term care and support for the work of Customs.",
        at="感谢大家长期以来",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-priority-repeated",
        "inconsistency",
        WARNING,
        "the top-priority sentence repeated at the end of its paragraph, reworded",
        (
            zh(
                "以高水平对外开放促进高质量发展。",
                "以高水平对外开放促进高质量发展。我们始终把推动高质量发展作为新时代的首要任务。",
            ),
            en(
                "to drive high-quality development.",
                "to drive high-quality development. Promoting high-quality development "
                "remains the primary task for us in the new era.",
            ),
        ),
        message="We always pursue high-quality development",
        at="首要任务",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-witness-repeated",
        "inconsistency",
        WARNING,
        "the witness sentence repeated in the outlook and translated differently",
        (
            zh(
                "我们将以实际行动守国门、促发展，",
                "海关既是我国外贸发展的见证者、记录者，也是参与者、推动者。"
                "我们将以实际行动守国门、促发展，",
            ),
            en(
                "By doing so, we are committed",
                "As Customs, we witness and record China’s foreign trade, and we also take "
                "part in it and drive it forward. By doing so, we are committed",
            ),
        ),
        message="Customs serves not only a witness",
        at="见证者",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-introduction-repeated",
        "inconsistency",
        WARNING,
        "the closing formula used twice, the second time with other words",
        (
            zh("下面，我和我的同事", "以上是我的简要介绍。下面，我和我的同事"),
            en(
                "Next, my colleagues and I",
                "This concludes my short introduction. Next, my colleagues and I",
            ),
        ),
        message="That is my brief introduction.",
        at="简要介绍",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-steadfast-repeated",
        "inconsistency",
        WARNING,
        "the sentence on guarding the borders repeated in the outlook, reworded",
        (
            zh(
                "推动更高水平对外开放。",
                "推动更高水平对外开放。面对大进大出的人流物流，我们始终坚定履行把守国门这一根本职责。",
            ),
            en(
                "promote opening-up to higher standards.",
                "promote opening-up to higher standards. Facing huge flows of passengers and "
                "cargo, we always firmly perform our basic duty of guarding the gateway.",
            ),
        ),
        message="Amid the vast flows of people and goods",
        at="大进大出",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-copied-english-thanks",
        "inconsistency",
        WARNING,
        "a different closing thank-you in the Chinese given the opening's English",
        (
            zh("以上是我的简要介绍。", "再次感谢大家对海关工作的支持。以上是我的简要介绍。"),
            en(
                "That is my brief introduction.",
                "Thank you for your long-term care and support for the work of Customs. "
                "That is my brief introduction.",
            ),
        ),
        message="感谢大家长期以来对海关工作的关心和支持",
        at="再次感谢",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-copied-english-priority",
        "inconsistency",
        WARNING,
        "a new Chinese sentence given the English of another one by copy and paste",
        (
            zh(
                "以高水平对外开放促进高质量发展。",
                "以高水平对外开放促进高质量发展。我们始终把服务外贸稳定发展作为重要职责。",
            ),
            en(
                "to drive high-quality development.",
                "to drive high-quality development. We always pursue high-quality "
                "development as our top priority in the new era.",
            ),
        ),
        message="我们始终把推动高质量发展作为新时代的首要任务",
        at="服务外贸稳定发展",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-copied-english-results",
        "inconsistency",
        WARNING,
        "a reworded Chinese remark given the English of 成绩来之不易 word for word",
        (
            zh("广大经营主体辛勤付出的结果。", "广大经营主体辛勤付出的结果。这些成绩实属不易。"),
            en(
                "hard work of numerous economic operators.",
                "hard work of numerous economic operators. The results did not come easily.",
            ),
        ),
        message="成绩来之不易",
        at="这些成绩实属不易",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-copied-english-flows",
        "inconsistency",
        WARNING,
        "the English of one sentence pasted over its neighbour",
        (
            en(
                "We always pursue high-quality development as our top priority in the new era.",
                "Amid the vast flows of people and goods, we remain steadfast in fulfilling "
                "our fundamental duty of safeguarding borders.",
            ),
        ),
        message="面对大进大出的人流物流",
        at="首要任务",
        at_side="zh",
    ),
    Mutation(
        "inconsistency-questions-repeated",
        "inconsistency",
        WARNING,
        "the closing sentence repeated at the start and translated differently",
        (
            zh("感谢大家长期以来", "下面，我和我的同事回答各位媒体朋友的提问。感谢大家长期以来"),
            en(
                "Good morning! Thank you",
                "Good morning! My colleagues and I will now take your questions. Thank you",
            ),
        ),
        message="Next, my colleagues and I will answer questions from the media.",
        at="回答各位媒体朋友的提问",
        at_side="zh",
    ),
)

PUNCTUATION: tuple[Mutation, ...] = (
    Mutation(
        "punctuation-full-width-comma",
        "punctuation",
        WARNING,
        "Chinese comma after an introductory phrase",
        (en("In 2024, the total value", "In 2024，the total value"),),
        message="“，” → ,",
    ),
    Mutation(
        "punctuation-full-width-stop",
        "punctuation",
        WARNING,
        "Chinese full stop at the end of a sentence",
        (en("did not come easily.", "did not come easily。"),),
        message="“。” → .",
        at="did not come easily。",
    ),
    Mutation(
        "punctuation-full-width-brackets",
        "punctuation",
        WARNING,
        "Chinese brackets around a parenthesis",
        (en("(3.8% denominated in USD)", "（3.8% denominated in USD）"),),
        message="“（” → (",
    ),
    Mutation(
        "punctuation-corner-quotes",
        "punctuation",
        WARNING,
        "Chinese corner quotes around a project name",
        (en("“Smart Customs” Project", "「Smart Customs」 Project"),),
        message="“「” → “",
    ),
    Mutation(
        "punctuation-enumeration-comma",
        "punctuation",
        WARNING,
        "Chinese enumeration comma in a list",
        (en("trains, ships and airplanes", "trains、ships and airplanes"),),
        message="“、” → ,",
    ),
    Mutation(
        "punctuation-full-width-colon",
        "punctuation",
        WARNING,
        "Chinese colon after the salutation",
        (en("Friends from the media,", "Friends from the media："),),
        message="“：” → :",
    ),
    Mutation(
        "punctuation-full-width-semicolon",
        "punctuation",
        WARNING,
        "Chinese semicolon between clauses",
        (en("we will deepen reform, strengthen", "we will deepen reform；strengthen"),),
        message="“；” → ;",
    ),
    Mutation(
        "punctuation-full-width-exclamation",
        "punctuation",
        WARNING,
        "Chinese exclamation mark in the greeting",
        (en("Good morning!", "Good morning！"),),
        message="“！” → !",
    ),
    Mutation(
        "punctuation-book-title-marks",
        "punctuation",
        WARNING,
        "Chinese book-title marks around a meeting name",
        (
            en(
                "the guidelines of the Central Economic Work Conference",
                "the guidelines of 《Central Economic Work Conference》",
            ),
        ),
        message="“《” → italics or quotation marks",
    ),
    Mutation(
        "punctuation-ideographic-space",
        "punctuation",
        WARNING,
        "an ideographic space between two words",
        (en("of the people, and serving", "of the people,\u3000and serving"),),
        message="an ordinary space",
    ),
    Mutation(
        "punctuation-unbalanced-bracket",
        "punctuation",
        WARNING,
        "closing bracket dropped",
        (en("(3.8% denominated in USD)", "(3.8% denominated in USD"),),
        message="Unbalanced brackets",
    ),
    Mutation(
        "punctuation-unopened-bracket",
        "punctuation",
        WARNING,
        "opening bracket dropped",
        (en("foreign trade (3.8% denominated", "foreign trade 3.8% denominated"),),
        message="Unbalanced brackets",
        at="foreign trade 3.8% denominated",
    ),
    Mutation(
        "punctuation-unbalanced-quote",
        "punctuation",
        WARNING,
        "closing quotation mark dropped",
        (
            en(
                "“Smart Customs for Great China” Campaign",
                "“Smart Customs for Great China Campaign",
            ),
        ),
        message="Unbalanced brackets or quotation marks",
    ),
    Mutation(
        "punctuation-doubled-space",
        "punctuation",
        INFO,
        "doubled space between two words",
        (en("we introduced and implemented", "we introduced and  implemented"),),
        message="Doubled space",
    ),
    Mutation(
        "punctuation-doubled-space-in-name",
        "punctuation",
        INFO,
        "doubled space inside a place name",
        (en("the Hainan Free Trade Port", "the Hainan  Free Trade Port"),),
        message="Doubled space",
    ),
    Mutation(
        "punctuation-missing-space-comma",
        "punctuation",
        INFO,
        "missing space after a comma",
        (en("people and goods, we remain", "people and goods,we remain"),),
        message="Missing space after a comma",
    ),
    Mutation(
        "punctuation-missing-space-stop",
        "punctuation",
        INFO,
        "missing space after a full stop",
        (en("come easily. In 2024", "come easily.In 2024"),),
        message="Missing space after a full stop",
        at="easily.In 2024",
    ),
)

LENGTH: tuple[Mutation, ...] = (
    Mutation(
        "length-regional-measures",
        "length",
        WARNING,
        "the list of regional strategies cut from a long sentence",
        (
            en(
                "regional development strategies including full revitalization of northeast "
                "China, accelerating rise of the central regions, and further advancing the "
                "large-scale development of the western region, giving full play to the role "
                "of policy mix.",
                "regional development strategies.",
            ),
        ),
        message="partial omission",
        at="We also unveiled 131 measures",
    ),
    Mutation(
        "length-free-trade-platforms",
        "length",
        WARNING,
        "the second half of a long sentence cut",
        (
            en(
                ", providing robust support for the innovative development of platforms such "
                "as the Hainan Free Trade Port and pilot free trade zones, leveraging "
                "high-standard opening-up to drive high-quality development.",
                ".",
            ),
        ),
        message="partial omission",
        at="We have deepened innovation in Customs supervision systems",
    ),
    Mutation(
        "length-outlook",
        "length",
        WARNING,
        "the policy slogans cut from the outlook sentence",
        (
            en(
                ", pursuing progress while ensuring stability, and promoting stability "
                "through progress with a pragmatic and proactive approach.",
                ".",
            ),
        ),
        message="partial omission",
        at="Looking ahead, we will act on the guidelines",
    ),
    Mutation(
        "length-campaigns",
        "length",
        WARNING,
        "the list of goals cut from the campaigns sentence",
        (
            en(
                ", we will deepen reform, strengthen supervision to ensure security, "
                "implement concrete measures to stabilize trade, and promote opening-up to "
                "higher standards.",
                ", we will deepen reform.",
            ),
        ),
        message="partial omission",
        at="Through the development of",
    ),
    Mutation(
        "length-border-guardians",
        "length",
        WARNING,
        "the second half of the closing pledge cut",
        (
            en(
                ", promoting development, and performing the duties as the border guardians "
                "whose work satisfies the Party and the people.",
                ".",
            ),
        ),
        message="partial omission",
        at="By doing so, we are committed",
    ),
    Mutation(
        "length-smart-supervision",
        "length",
        WARNING,
        "the consequences cut from the smart-customs sentence",
        (
            en(
                ", we stopped epidemics, and illegal and substandard goods at the border, "
                "thus protecting national security and the interests of the people, and "
                "serving high-quality development.",
                ", we stopped epidemics.",
            ),
        ),
        message="partial omission",
        at="By leveraging modern supervision systems",
    ),
    Mutation(
        "length-policies",
        "length",
        WARNING,
        "the second half of the sentence on incremental policies cut",
        (
            en(
                " in a timely manner after fully assessing the situation and took multiple "
                "measures to stabilize foreign trade and promote growth.",
                ".",
            ),
        ),
        message="partial omission",
        at="The Party Central Committee launched",
    ),
    Mutation(
        "length-20-cities",
        "length",
        WARNING,
        "the aim of the facilitation initiative cut",
        (
            en(
                ", aiming to foster a world-class business environment that is "
                "market-oriented, law-based, and internationalized.",
                ".",
            ),
        ),
        message="partial omission",
        at="Special cross-border trade facilitation",
    ),
    Mutation(
        "length-16-measures",
        "length",
        WARNING,
        "the purpose of the 16 measures cut",
        (
            en(
                " to further optimize the business environment at ports and facilitate "
                "customs clearance for enterprises.",
                ".",
            ),
        ),
        message="partial omission",
        at="we introduced and implemented 16 measures",
    ),
    Mutation(
        "length-joint-efforts",
        "length",
        WARNING,
        "the second half of the sentence on joint efforts cut",
        (
            en(
                " of all localities and government departments around the country, and hard "
                "work of numerous economic operators.",
                ".",
            ),
        ),
        message="partial omission",
        at="This was also attributed to the joint efforts",
    ),
    Mutation(
        "length-quality",
        "length",
        WARNING,
        "half of the sentence on the quality of trade cut",
        (
            en(
                " The trade of high-tech products has good growth momentum, exports of "
                "products with self-owned brand have reached a new high, and new business "
                "forms such as cross-border e-commerce have flourished.",
                "",
            ),
        ),
        message="partial omission",
        at="In terms of the quality of trade",
    ),
    Mutation(
        "length-leadership",
        "length",
        WARNING,
        "the rendering of 外贸规模稳中有增… cut from the sentence it shares with the one before",
        (
            en(
                " in foreign trade testified by the increase of the total value and its "
                "growth and the improved quality.",
                ".",
            ),
        ),
        message="partial omission",
        at="外贸规模稳中有增",
        at_side="zh",
        # The cut is the whole rendering of one Chinese sentence, so reporting that
        # sentence as having no English is as right as reporting the link as short.
        also=("omission",),
    ),
    Mutation(
        "length-trading-partners",
        "length",
        WARNING,
        "the circle-of-friends clause cut",
        (
            en(
                ", and its circle of friends of foreign trade continues to expand.",
                ".",
            ),
        ),
        message="partial omission",
        at="China has become a major trading partner",
    ),
    Mutation(
        "length-witness",
        "length",
        WARNING,
        "the second role of Customs cut and the first shortened",
        (
            en(
                "Customs serves not only a witness and recorder of China’s foreign trade "
                "development, but also a participant and promoter.",
                "Customs serves as a witness of China’s trade.",
            ),
        ),
        message="partial omission",
    ),
)

POLARITY: tuple[Mutation, ...] = (
    Mutation(
        "polarity-up-as-down",
        "polarity",
        ERROR,
        "growth of 5% reported as a fall",
        (en("up 5% year-on-year", "down 5% year-on-year"),),
        message="增长5%",
    ),
    Mutation(
        "polarity-up-as-decline-of",
        "polarity",
        ERROR,
        "growth of 5% reported as a decline of 5%",
        (en("up 5% year-on-year", "a decline of 5% year-on-year"),),
        message="增长5%",
    ),
    Mutation(
        "polarity-up-as-lower",
        "polarity",
        ERROR,
        "growth of 5% reported as 5% lower",
        (en("up 5% year-on-year", "5% lower year-on-year"),),
        message="增长5%",
    ),
    Mutation(
        "polarity-usd-growth-as-fall",
        "polarity",
        ERROR,
        "growth of 3.8% in US dollars reported as a fall",
        (en("(3.8% denominated in USD)", "(down 3.8% denominated in USD)"),),
        message="增长3.8%",
    ),
    Mutation(
        "polarity-always-as-never",
        "polarity",
        ERROR,
        "始终 (always) rendered as never",
        (en("We always pursue", "We never pursue"),),
        message="始终",
    ),
    Mutation(
        "polarity-steadfast-never",
        "polarity",
        ERROR,
        "始终坚定履行 (always steadfast) rendered with never",
        (en("we remain steadfast", "we never remain steadfast"),),
        message="始终",
    ),
    Mutation(
        "polarity-expand-as-narrow",
        "polarity",
        WARNING,
        "不断扩大 (keeps expanding) rendered as narrowing",
        (en("continues to expand", "continues to narrow"),),
        message="扩大",
    ),
    Mutation(
        "polarity-expand-as-shrink",
        "polarity",
        WARNING,
        "不断扩大 (keeps expanding) rendered as shrinking",
        (en("continues to expand", "continues to shrink"),),
        message="扩大",
    ),
    Mutation(
        "polarity-new-high-as-low",
        "polarity",
        WARNING,
        "创历史新高 (a record high) rendered as a new low",
        (en("have reached a new high", "have reached a new low"),),
        message="新高",
    ),
    Mutation(
        "polarity-record-high-as-low",
        "polarity",
        WARNING,
        "再创历史新高 rendered as a new record low",
        (en("which was a new record high", "which was a new record low"),),
        message="新高",
    ),
    Mutation(
        "polarity-momentum-declining",
        "polarity",
        WARNING,
        "增势良好 (growing well) rendered as declining momentum",
        (en("has good growth momentum", "has declining momentum"),),
        message="增势",
    ),
    Mutation(
        "polarity-higher-as-lower",
        "polarity",
        WARNING,
        "更高水平 (higher standards) rendered as lower standards",
        (en("opening-up to higher standards", "opening-up to lower standards"),),
        message="更高",
    ),
    Mutation(
        "polarity-relatively-low",
        "polarity",
        WARNING,
        "较高水平 (relatively high) rendered as relatively low",
        (en("is relatively high to the world", "is relatively low to the world"),),
        message="较高",
    ),
    Mutation(
        "polarity-negation-added",
        "polarity",
        WARNING,
        "a negation added: the duty is said not to be fulfilled",
        (en("in fulfilling our fundamental duty", "in not fulfilling our fundamental duty"),),
        message="履行",
    ),
)

SPELLING: tuple[Mutation, ...] = (
    Mutation(
        "spelling-eaisly",
        "spelling",
        WARNING,
        "easily misspelt as eaisly",
        (en("did not come easily", "did not come eaisly"),),
        message="“easily”",
    ),
    Mutation(
        "spelling-the-the",
        "spelling",
        WARNING,
        "The typed twice",
        (en("The Party Central Committee launched", "The the Party Central Committee launched"),),
        message="“The the”",
    ),
    Mutation(
        "spelling-remarkible",
        "spelling",
        WARNING,
        "remarkable misspelt",
        (en("remarkable achievements", "remarkible achievements"),),
        message="“remarkable”",
    ),
    Mutation(
        "spelling-freinds",
        "spelling",
        WARNING,
        "friends with i and e swapped",
        (en("circle of friends", "circle of freinds"),),
        message="“friends”",
    ),
    Mutation(
        "spelling-equivalant",
        "spelling",
        WARNING,
        "equivalent misspelt",
        (en("equivalent to the annual volume", "equivalant to the annual volume"),),
        message="“equivalent”",
    ),
    Mutation(
        "spelling-momentun",
        "spelling",
        WARNING,
        "momentum with the last letter wrong",
        (en("has good growth momentum", "has good growth momentun"),),
        message="“momentum”",
    ),
    Mutation(
        "spelling-guarentee",
        "spelling",
        WARNING,
        "guarantee misspelt",
        (en("fundamental guarantee", "fundamental guarentee"),),
        message="“guarantee”",
    ),
    Mutation(
        "spelling-opertors",
        "spelling",
        WARNING,
        "operators with a letter dropped",
        (en("numerous economic operators", "numerous economic opertors"),),
        message="“operators”",
    ),
    Mutation(
        "spelling-safegaurding",
        "spelling",
        WARNING,
        "safeguarding with u and a swapped",
        (en("safeguarding borders", "safegaurding borders"),),
        message="“safeguarding”",
    ),
    Mutation(
        "spelling-breif",
        "spelling",
        WARNING,
        "brief with i and e swapped",
        (en("That is my brief introduction.", "That is my breif introduction."),),
        message="“brief”",
    ),
    Mutation(
        "spelling-a-a",
        "spelling",
        WARNING,
        "the article typed twice",
        (en("to foster a world-class", "to foster a a world-class"),),
        message="“a a”",
    ),
    Mutation(
        "spelling-deepen-deepen",
        "spelling",
        WARNING,
        "a verb typed twice",
        (en("we will deepen reform", "we will deepen deepen reform"),),
        message="“deepen deepen”",
    ),
    Mutation(
        "spelling-will-will",
        "spelling",
        WARNING,
        "will typed twice",
        (en("Looking ahead, we will act", "Looking ahead, we will will act"),),
        message="“will will”",
    ),
)

CHECKLIST: tuple[Mutation, ...] = (
    Mutation(
        "checklist-yi-as-million",
        "checklist",
        WARNING,
        "56.03亿吨 written in millions (560.3 million tons): the right value, the wrong unit",
        (en("5.603 billion tons", "560.3 million tons"),),
        message="yi-needs-billion",
    ),
    Mutation(
        "checklist-wanyi-as-billion",
        "checklist",
        WARNING,
        "43.85万亿元 written in billions (43,850 billion)",
        (en("reached RMB43.85 trillion", "reached RMB43,850 billion"),),
        message="wanyi-needs-trillion",
    ),
    Mutation(
        "checklist-yi-as-thousands-of-millions",
        "checklist",
        WARNING,
        "56.03亿吨 written as 5,603 million tons",
        (en("5.603 billion tons", "5,603 million tons"),),
        message="yi-needs-billion",
    ),
    Mutation(
        "checklist-headline-without-currency",
        "checklist",
        WARNING,
        "the headline amount without its currency",
        (en("reached RMB43.85 trillion", "reached 43.85 trillion"),),
        message="yuan-needs-currency",
    ),
    Mutation(
        "checklist-increment-without-currency",
        "checklist",
        WARNING,
        "the RMB2.1 trillion increment without its currency",
        (en("reached RMB2.1 trillion", "reached 2.1 trillion"),),
        message="yuan-needs-currency",
    ),
    Mutation(
        "checklist-total-without-currency",
        "checklist",
        WARNING,
        "the repeated total without its currency",
        (en("amounted to RMB43.85 trillion", "amounted to 43.85 trillion"),),
        message="yuan-needs-currency",
    ),
    Mutation(
        "checklist-usd-as-rmb",
        "checklist",
        WARNING,
        "以美元计 (in US dollars) rendered as denominated in RMB",
        (en("(3.8% denominated in USD)", "(3.8% denominated in RMB)"),),
        message="usd-needs-dollar",
    ),
    Mutation(
        "checklist-chinese-customs",
        "checklist",
        WARNING,
        "China Customs written Chinese Customs",
        (en("China Customs supervised", "Chinese Customs supervised"),),
        message="china-customs-not-chinese-customs",
    ),
    Mutation(
        "checklist-republic-of-china",
        "checklist",
        ERROR,
        "the People's Republic of China shortened to the Republic of China",
        (
            en(
                "General Administration of Customs of the People's Republic of China",
                "General Administration of Customs of the Republic of China",
            ),
        ),
        message="no-republic-of-china",
    ),
    Mutation(
        "checklist-billions-tons",
        "checklist",
        WARNING,
        "billion with a plural s after a figure",
        (en("5.603 billion tons", "5.603 billions tons"),),
        message="no-plural-magnitude",
    ),
    Mutation(
        "checklist-millions-vehicles",
        "checklist",
        WARNING,
        "million with a plural s after a figure",
        (en("39.917 million freight", "39.917 millions freight"),),
        message="no-plural-magnitude",
    ),
    Mutation(
        "checklist-rmb-yuan",
        "checklist",
        WARNING,
        "RMB and yuan both written",
        (en("reached RMB2.1 trillion", "reached RMB2.1 trillion yuan"),),
        message="no-currency-twice",
    ),
    Mutation(
        "checklist-percent-dropped",
        "checklist",
        WARNING,
        "the percent sign of the growth rate dropped",
        (en("up 5% year-on-year", "up 5 year-on-year"),),
        message="percent-count",
    ),
)


def tagged(find: str, replace: str, side: Side = "en") -> Edit:
    """An edit of the tagged XLIFF file (its target, unless ``side`` says the source)."""
    return Edit(side, find, replace)


TAGS: tuple[Mutation, ...] = (
    Mutation(
        "tags-line-break-dropped",
        "tags",
        ERROR,
        "the <x/> line break after the speaker's name dropped from the target",
        (tagged('Mr. Wang Lingjun,<x id="2"/> Vice', "Mr. Wang Lingjun, Vice"),),
        message='<x id="2"/>',
        at="Mr. Wang Lingjun",
        file=TAGGED,
    ),
    Mutation(
        "tags-footnote-dropped",
        "tags",
        ERROR,
        "the footnote mark <ph> dropped",
        (tagged('(3.8% denominated in USD)<ph id="6">[1]</ph>', "(3.8% denominated in USD)"),),
        message='<ph id="6"/>',
        at="3.8% denominated",
        file=TAGGED,
    ),
    Mutation(
        "tags-nesting-swapped",
        "tags",
        ERROR,
        "a <g> pair nested the other way round",
        (
            tagged(
                '<g id="4">circle of friends of foreign trade <g id="5">continues',
                '<g id="5">circle of friends of foreign trade <g id="4">continues',
            ),
        ),
        message="nested differently",
        at="circle of friends",
        file=TAGGED,
    ),
    Mutation(
        "tags-bold-closed-before-opened",
        "tags",
        ERROR,
        "the bold pair's end moved before its start",
        (
            tagged(
                'reached <bpt id="3">&lt;b&gt;</bpt>RMB43.85 trillion<ept id="3">&lt;/b&gt;</ept>,',
                'reached <ept id="3">&lt;/b&gt;</ept>RMB43.85 trillion<bpt id="3">&lt;b&gt;</bpt>,',
            ),
        ),
        message="out of order",
        at="RMB43.85 trillion",
        file=TAGGED,
    ),
    Mutation(
        "tags-bold-dropped",
        "tags",
        ERROR,
        "the bold pair around the headline figure dropped",
        (
            tagged(
                'reached <bpt id="3">&lt;b&gt;</bpt>RMB43.85 trillion<ept id="3">&lt;/b&gt;</ept>,',
                "reached RMB43.85 trillion,",
            ),
        ),
        message='<bpt id="3"/>',
        at="RMB43.85 trillion",
        file=TAGGED,
    ),
    Mutation(
        "tags-bold-end-dropped",
        "tags",
        ERROR,
        "the end of the bold pair dropped",
        (tagged('trillion<ept id="3">&lt;/b&gt;</ept>, up', "trillion, up"),),
        message='<ept id="3"/>',
        at="RMB43.85 trillion",
        file=TAGGED,
    ),
    Mutation(
        "tags-heading-format-dropped",
        "tags",
        ERROR,
        "the heading's <g> formatting dropped",
        (
            tagged(
                '<g id="1">Speech at the State Council Information Office Press Conference</g>',
                "Speech at the State Council Information Office Press Conference",
            ),
        ),
        message='<g id="1">',
        at="Speech at the State Council",
        file=TAGGED,
    ),
    Mutation(
        "tags-extra-break",
        "tags",
        ERROR,
        "an <x/> the Chinese does not have added",
        (
            tagged(
                "That is my brief introduction.<x", 'That is<x id="9"/> my brief introduction.<x'
            ),
        ),
        message='<x id="9"/>',
        at="my brief introduction.",
        file=TAGGED,
    ),
    Mutation(
        "tags-code-renumbered",
        "tags",
        ERROR,
        "a code given another id",
        (tagged('a share of<x id="7"/> {1}', 'a share of<x id="17"/> {1}'),),
        message='<x id="7"/>',
        at="enterprises took part",
        file=TAGGED,
    ),
    Mutation(
        "tags-url-dropped",
        "tags",
        ERROR,
        "the web address dropped",
        (
            tagged(
                "see http://www.customs.gov.cn/customs/302249/index.html or write",
                "see the GACC website or write",
            ),
        ),
        message="http://www.customs.gov.cn/customs/302249/index.html",
        at="For details",
        file=TAGGED,
    ),
    Mutation(
        "tags-url-changed",
        "tags",
        ERROR,
        "the web address mistyped",
        (
            tagged(
                "see http://www.customs.gov.cn/customs/", "see http://www.custom.gov.cn/customs/"
            ),
        ),
        message="http://www.customs.gov.cn/customs/302249/index.html",
        at="For details",
        file=TAGGED,
    ),
    Mutation(
        "tags-email-changed",
        "tags",
        ERROR,
        "the e-mail address mistyped",
        (tagged("write to press@customs.gov.cn.", "write to press@customs.gov.com."),),
        message="press@customs.gov.cn",
        at="For details",
        file=TAGGED,
    ),
    Mutation(
        "tags-placeholder-dropped",
        "tags",
        ERROR,
        "the {1} variable dropped",
        (tagged('a share of<x id="7"/> {1}.', 'a share of<x id="7"/> half.'),),
        message="{1}",
        at="enterprises took part",
        file=TAGGED,
    ),
)

MUTATIONS: tuple[Mutation, ...] = (
    *NUMBER,
    *TERM,
    *OMISSION,
    *ADDITION,
    *UNTRANSLATED,
    *INCONSISTENCY,
    *PUNCTUATION,
    *LENGTH,
    *POLARITY,
    *SPELLING,
    *CHECKLIST,
    *TAGS,
)


def apply_edits(text: str, side: Side, edits: Sequence[Edit]) -> str:
    """The text of one side with this side's edits applied; each must match exactly once."""
    for edit in edits:
        if edit.side != side:
            continue
        count = text.count(edit.find)
        if count != 1:
            raise ValueError(f"{edit.find!r} occurs {count} times in the {side} sample")
        text = text.replace(edit.find, edit.replace)
    return text


# A slip in a figure, a term or a punctuation mark changes nothing else, so only its own
# check can report it; other edits add or remove content, which every check may notice.
SURFACE_CHECKS = frozenset({"number", "term", "punctuation"})

Verdict = Literal["hit", "related", "false alarm"]


@dataclass(frozen=True)
class Outcome:
    """What the pipeline reported on one mutated copy of the sample pair.

    ``anchor_ids`` are the sentences (on the anchor's side) the expected finding must
    touch. ``region_zh``/``region_en`` are every sentence the mutation changed, added or
    took the translation from, on each side: a finding there is about the injected error.
    """

    mutation: Mutation
    alignment: Alignment
    findings: tuple[Finding, ...]
    anchor_ids: frozenset[int]
    region_zh: frozenset[int]
    region_en: frozenset[int]

    def touches_anchor(self, finding: Finding) -> bool:
        side, _ = self.mutation.anchor
        ids = finding.zh_ids if side == "zh" else finding.en_ids
        return not self.anchor_ids.isdisjoint(ids)

    def touches_region(self, finding: Finding) -> bool:
        return not (
            self.region_zh.isdisjoint(finding.zh_ids) and self.region_en.isdisjoint(finding.en_ids)
        )

    @property
    def hits(self) -> tuple[Finding, ...]:
        """Findings that report the injected error as the suite expects."""
        wanted = self.mutation
        return tuple(
            finding
            for finding in self.findings
            if finding.check in (wanted.check, *wanted.also)
            and finding.severity.rank >= wanted.severity.rank
            and self.touches_anchor(finding)
        )

    def verdict(
        self, finding: Finding, clean: frozenset[tuple[str, str, str, str]]
    ) -> Verdict | None:
        """How a warning or error counts for precision; None for info and clean findings."""
        if finding.severity.rank < Severity.WARNING.rank or finding_key(finding) in clean:
            return None
        if finding in self.hits:
            return "hit"
        own_check_only = self.mutation.check in SURFACE_CHECKS
        if self.touches_region(finding) and (
            not own_check_only or finding.check in (self.mutation.check, *self.mutation.also)
        ):
            return "related"
        return "false alarm"


@dataclass(frozen=True)
class Sample:
    """The clean pair as segmented, with its gold alignment, to tell what a mutation touched."""

    zh: Document
    en: Document
    gold: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]

    @classmethod
    def load(cls) -> Sample:
        gold = parse_links(SAMPLE_GOLD.read_text(encoding="utf-8"), str(SAMPLE_GOLD))
        return cls(
            load_document(str(SAMPLE_ZH), "zh"), load_document(str(SAMPLE_EN), "en"), tuple(gold)
        )

    def region(self, alignment: Alignment) -> tuple[frozenset[int], frozenset[int]]:
        """Sentences of the mutated pair that are new, or whose clean counterpart was changed."""
        zh_lost = _lost(self.zh, alignment.source)
        en_lost = _lost(self.en, alignment.target)
        zh_texts = {
            self.zh.segments[i].text for zh, en in self.gold if en_lost & set(en) for i in zh
        }
        en_texts = {
            self.en.segments[j].text for zh, en in self.gold if zh_lost & set(zh) for j in en
        }
        return (
            _new_or_in(alignment.source, self.zh, zh_texts),
            _new_or_in(alignment.target, self.en, en_texts),
        )


def _lost(clean: Document, mutated: Document) -> set[int]:
    """Clean sentence ids whose text no longer occurs anywhere in the mutated document.

    A sentence that survives inside a longer one (a slip that stops the segmenter from
    splitting there) is not lost: its translation was not touched.
    """
    present = "\n".join(s.text for s in mutated.segments)
    return {s.id for s in clean.segments if s.text not in present}


def _new_or_in(mutated: Document, clean: Document, texts: set[str]) -> frozenset[int]:
    known = {s.text for s in clean.segments}
    return frozenset(s.id for s in mutated.segments if s.text not in known or s.text in texts)


def run_mutation(
    mutation: Mutation,
    workdir: Path,
    glossary: Sequence[GlossaryEntry],
    sample: Sample,
    options: AlignOptions = LEXICAL,
) -> Outcome:
    """Write the mutated pair to ``workdir``, align it and run every QA check on it."""
    if mutation.file is not None:
        return _run_on_file(mutation, mutation.file, workdir, glossary)
    edits = mutation.edits
    zh_path, en_path = workdir / "release.zh.txt", workdir / "release.en.txt"
    zh_path.write_text(apply_edits(SAMPLE_ZH.read_text("utf-8"), "zh", edits), "utf-8")
    en_path.write_text(apply_edits(SAMPLE_EN.read_text("utf-8"), "en", edits), "utf-8")
    alignment = align_files(str(zh_path), str(en_path), options, glossary=glossary)
    report = qa_report(alignment, glossary)
    side, text = mutation.anchor
    document = alignment.source if side == "zh" else alignment.target
    anchor_ids = frozenset(s.id for s in document.segments if text in s.text)
    region_zh, region_en = sample.region(alignment)
    if side == "zh":
        region_zh |= anchor_ids
    else:
        region_en |= anchor_ids
    return Outcome(mutation, alignment, report.findings, anchor_ids, region_zh, region_en)


def _run_on_file(
    mutation: Mutation, source: Path, workdir: Path, glossary: Sequence[GlossaryEntry]
) -> Outcome:
    """A bilingual file edited and checked as it stands (no re-alignment)."""
    text = source.read_text(encoding="utf-8")
    for edit in mutation.edits:
        if text.count(edit.find) != 1:
            raise ValueError(f"{edit.find!r} occurs {text.count(edit.find)} times in {source.name}")
        text = text.replace(edit.find, edit.replace)
    path = workdir / source.name
    path.write_text(text, encoding="utf-8")
    alignment = read_bilingual(str(path))
    report = qa_report(alignment, glossary)
    side, anchor = mutation.anchor
    document = alignment.source if side == "zh" else alignment.target
    anchor_ids = frozenset(s.id for s in document.segments if anchor in s.text)
    # Units keep their order and number, so the changed unit is the anchor's link.
    zh_ids: set[int] = set()
    en_ids: set[int] = set()
    for link in alignment.links:
        if not anchor_ids.isdisjoint(link.zh if side == "zh" else link.en):
            zh_ids |= set(link.zh)
            en_ids |= set(link.en)
    return Outcome(
        mutation, alignment, report.findings, anchor_ids, frozenset(zh_ids), frozenset(en_ids)
    )


def clean_file_findings(source: Path, glossary: Sequence[GlossaryEntry]) -> tuple[Finding, ...]:
    """What the checks report on an unmutated bilingual file of the suite."""
    return qa_report(read_bilingual(str(source)), glossary).findings


def clean_findings(
    glossary: Sequence[GlossaryEntry], options: AlignOptions = LEXICAL
) -> tuple[Finding, ...]:
    """What the checks report on the unmutated sample pair."""
    alignment = align_files(str(SAMPLE_ZH), str(SAMPLE_EN), options, glossary=glossary)
    return qa_report(alignment, glossary).findings


def finding_key(finding: Finding) -> tuple[str, str, str, str]:
    """What identifies a finding across copies whose sentence ids shift."""
    return finding.check, finding.severity.value, finding.zh, finding.en
