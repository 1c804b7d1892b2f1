"""Sentence segmentation: tricky English and Chinese cases, the seed release, invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aligner.model import RawDocument, Segment
from aligner.segment import segment, split_chinese, split_english
from conftest import SAMPLES

SAMPLE_ENGLISH = SAMPLES / "gacc-2025-01-13.en.txt"


ENGLISH_CASES = [
    # abbreviations followed by a name or a number
    ("Mr. Wang Lingjun spoke. He left.", ["Mr. Wang Lingjun spoke.", "He left."]),
    ("Mrs. Li and Ms. Zhao met Dr. Chen and Prof. Sun.", None),
    ("Vice Premier Mr. He Lifeng attended.", None),
    ("See No. 6 and Nos. 7 to 9 in Vol. 2.", None),
    ("Beijing ABC Trading Co., Ltd. signed the contract.", None),
    ("Beijing ABC Co. Ltd. signed.", None),
    ("It grew in Jan. 2024 and Sept. 2025.", None),
    ("It was signed at 9 a.m. Beijing time on Dec. 5.", None),
    ("Compare exports vs. imports, e.g. Machinery, i.e. Goods.", None),
    ("The U.S. Customs and the U.K. Border Force met the U.N. Team.", None),
    ("The P.R. China delegation arrived.", None),
    ("The share is approx. 40% (see fig. 3).", None),
    ("Gov. Smith, Gen. Li, Sen. Brown and Rep. Jones came.", None),
    ("Samples from St. Petersburg arrived.", None),
    # abbreviations that can end a sentence
    (
        "We import fruit, grain, etc. The volume grew.",
        ["We import fruit, grain, etc.", "The volume grew."],
    ),
    ("Fruit, grain, etc. are imported.", None),
    ("Goods from the U.S. The rest from Japan.", ["Goods from the U.S.", "The rest from Japan."]),
    (
        "The meeting began at 9 a.m. The minister spoke.",
        ["The meeting began at 9 a.m.", "The minister spoke."],
    ),
    ("We love modern art. It grew.", ["We love modern art.", "It grew."]),
    ("See Art. 5 of the law.", None),
    ("It was founded by ABC Ltd. The firm grew.", ["It was founded by ABC Ltd.", "The firm grew."]),
    (
        "Was it approved? No. The rules forbid it.",
        ["Was it approved?", "No.", "The rules forbid it."],
    ),
    # addresses and numbers
    ("Address: No.6. Jianguomennei Avenue, Beijing.", None),
    ("Address: No. 6. Jianguomennei Avenue, Beijing.", None),
    (
        "Trade reached RMB43.85 trillion, 5.603 billion tons, up 3.8%. It rose.",
        [
            "Trade reached RMB43.85 trillion, 5.603 billion tons, up 3.8%.",
            "It rose.",
        ],
    ),
    ("It cost US$1.2 billion and 1,000.5 tons in version 2.4.1 of the plan.", None),
    ("Trade grew in 2024. 2025 will be harder.", ["Trade grew in 2024.", "2025 will be harder."]),
    ("1. Overview of foreign trade.", None),
    ("IV. Outlook for next year.", None),
    # addresses on the web
    ("Visit www.customs.gov.cn or write to a.b@c.cn for details.", None),
    (
        "Details are at www.customs.gov.cn. Call us.",
        ["Details are at www.customs.gov.cn.", "Call us."],
    ),
    # initials
    ("J. R. R. Tolkien wrote it.", None),
    ("Xi J. Ping visited.", None),
    ("So am I. We all agreed.", ["So am I.", "We all agreed."]),
    # ellipses
    ("Trade grew... and kept growing.", None),
    ("Trade grew… and kept growing.", None),
    ("Oh . . . nothing, he said.", None),
    ("It is just that . . . I forgot.", ["It is just that . . .", "I forgot."]),
    ("Trade grew... Then it fell.", ["Trade grew...", "Then it fell."]),
    ("Trade grew… “It fell,” he said.", ["Trade grew…", "“It fell,” he said."]),
    # closing quotes and brackets stay with their sentence
    ('He said "Go." She went.', ['He said "Go."', "She went."]),
    ("He said “Go.” She went.", ["He said “Go.”", "She went."]),
    ("She said ‘Stop.’ He stopped.", ["She said ‘Stop.’", "He stopped."]),
    ("Trade grew. (See below.) Then it fell.", ["Trade grew.", "(See below.)", "Then it fell."]),
    ("Trade grew [as expected.] Then it fell.", ["Trade grew [as expected.]", "Then it fell."]),
    ('"Go." he said.', None),
    # other terminators
    ("Good morning! Thank you.", ["Good morning!", "Thank you."]),
    ("Is it true? Yes.", ["Is it true?", "Yes."]),
    ("Really?! Yes!!! Fine.", ["Really?!", "Yes!!!", "Fine."]),
    ("Note: trade grew; imports fell.", None),
    ("Trade grew. and then fell.", None),
    # Chinese terminators: a slip of the input method, or a pasted Chinese sentence
    ("It did not come easily。 In 2024 it grew.", ["It did not come easily。", "In 2024 it grew."]),
    ("成绩来之不易。In 2024 it grew.", ["成绩来之不易。", "In 2024 it grew."]),
    ("Really？Yes！", ["Really？", "Yes！"]),
    ("He said “好。”Then he left.", ["He said “好。”", "Then he left."]),
    # headings and lines without final punctuation
    ("January 13,2025", None),
    ("STATEMENT", None),
    ("", []),
    ("   ", []),
]

CHINESE_CASES = [
    ("今年外贸稳中有进。进出口增长5%。", ["今年外贸稳中有进。", "进出口增长5%。"]),
    ("真的吗？是的！好；走", ["真的吗？", "是的！", "好；", "走"]),
    ("真的吗！？是的。。好……接着说", ["真的吗！？", "是的。。", "好……", "接着说"]),
    ("他说…我们走", ["他说…", "我们走"]),
    ("大丈夫一言既出，……驷马难追。", None),
    ("他说：“好。 ”然后走了。", ["他说：“好。 ”", "然后走了。"]),
    # ASCII punctuation in Chinese context
    ("真的吗?是的!好;走", ["真的吗?", "是的!", "好;", "走"]),
    ("网址是https://www.customs.gov.cn/?id=1;page=2", None),
    ("他来了. 我们走了", ["他来了.", "我们走了"]),
    ("乔治.布什来了", None),
    ("他来了...我们走了", ["他来了...", "我们走了"]),
    # numbers
    ("进出口总值43.85万亿元，增长3.8%，创历史新高。", None),
    ("增长3.8%.今年", None),
    # closing quotes and brackets
    ("他说：“我们要稳外贸。”随后离开。", ["他说：“我们要稳外贸。”", "随后离开。"]),
    ("他说：“好！”，然后走了。", None),
    ("（详见附件。）下一句。", ["（详见附件。）", "下一句。"]),
    ('他说："好。"然后走了。', ['他说："好。"', "然后走了。"]),
    ("他说：‘好。’然后走了。", ["他说：‘好。’", "然后走了。"]),
    ("请见【附件一。】下一句", ["请见【附件一。】", "下一句"]),
    ("他说“我们要努力。我们一定成功。”", ["他说“我们要努力。", "我们一定成功。”"]),
    # titles are never cut
    (
        "海关总署发布《关于优化营商环境。促进外贸的公告》。今天生效。",
        [
            "海关总署发布《关于优化营商环境。促进外贸的公告》。",
            "今天生效。",
        ],
    ),
    ("见〈关于通关！便利的通知〉。", None),
    ("发布了《公告。然后", ["发布了《公告。", "然后"]),
    # traditional quotes used in Hong Kong and Macao
    ("「你好。」『再見！』下一句", ["「你好。」", "『再見！』", "下一句"]),
    # colons and commas never split
    ("海关总署表示：今年外贸增长，进口下降，出口上升", None),
    ("2024/05/08", None),
    ("", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), ENGLISH_CASES)
def test_split_english_cases(paragraph: str, expected: list[str] | None) -> None:
    assert split_english(paragraph) == (expected if expected is not None else [paragraph])


@pytest.mark.parametrize(("paragraph", "expected"), CHINESE_CASES)
def test_split_chinese_cases(paragraph: str, expected: list[str] | None) -> None:
    assert split_chinese(paragraph) == (expected if expected is not None else [paragraph])


def _seed_paragraphs() -> list[str]:
    with open(SAMPLE_ENGLISH, encoding="utf-8") as handle:
        return [line for line in handle.read().splitlines() if line.strip()]


def _paragraph_starting(paragraphs: list[str], prefix: str) -> str:
    matches = [paragraph for paragraph in paragraphs if paragraph.startswith(prefix)]
    assert len(matches) == 1, prefix
    return matches[0]


@pytest.mark.parametrize(
    ("prefix", "count"),
    [
        ("STATEMENT", 1),
        ("2024/05/08", 1),
        ("(The Chinese version shall prevail.)", 1),
        ("January 13,2025", 1),
        ("Mr. Wang Lingjun", 1),
        ("Good morning!", 2),
        ("In 2024, under the strong leadership", 8),
        ("The results did not come easily.", 5),
        ("Customs serves not only", 4),
        ("We always pursue", 5),
        ("Looking ahead", 3),
        ("That is my brief introduction.", 2),
        ("Address:", 1),
    ],
)
def test_seed_release_sentence_counts(prefix: str, count: int) -> None:
    paragraph = _paragraph_starting(_seed_paragraphs(), prefix)
    assert len(split_english(paragraph)) == count


def test_seed_release_keeps_known_sentences_whole() -> None:
    raw = RawDocument(path="seed.txt", paragraphs=tuple(_seed_paragraphs()))
    texts = [item.text for item in segment(raw, "en").segments]
    record = (
        "In 2024, the total value of China’s imports and exports reached RMB43.85 trillion, "
        "up 5% year-on-year, which was a new record high."
    )
    assert record in texts
    address = [text for text in texts if "Jianguomennei" in text]
    assert len(address) == 1
    assert address[0].startswith("Address: No.6. Jianguomennei Avenue, Dongcheng District")
    assert address[0].endswith("Postcode: 100730")
    smart_customs = [text for text in texts if text.startswith("Through the development of")]
    assert len(smart_customs) == 1
    assert smart_customs[0].endswith("promote opening-up to higher standards.")


def test_segment_numbers_sentences_and_keeps_paragraph_indexes() -> None:
    raw = RawDocument(
        path="release.txt",
        paragraphs=("STATEMENT", "  ", "Trade grew. Imports fell.", "January 13,2025"),
    )
    document = segment(raw, "en")
    assert document.path == "release.txt"
    assert document.lang == "en"
    assert document.segments == (
        Segment(id=0, text="STATEMENT", paragraph=0),
        Segment(id=1, text="Trade grew.", paragraph=2),
        Segment(id=2, text="Imports fell.", paragraph=2),
        Segment(id=3, text="January 13,2025", paragraph=3),
    )


def test_segment_chinese_document() -> None:
    raw = RawDocument(path="zh.txt", paragraphs=("海关总署公告", "外贸增长。进口下降！"))
    document = segment(raw, "zh")
    assert document.lang == "zh"
    assert [(item.id, item.text, item.paragraph) for item in document.segments] == [
        (0, "海关总署公告", 0),
        (1, "外贸增长。", 1),
        (2, "进口下降！", 1),
    ]


def test_line_breaks_end_sentences_without_split_lines() -> None:
    raw = RawDocument(path="a.txt", paragraphs=("Trade grew\nby 5%. Imports fell.\n\n",))
    texts = [item.text for item in segment(raw, "en").segments]
    assert texts == ["Trade grew", "by 5%.", "Imports fell."]


def test_split_lines_takes_each_line_as_one_segment() -> None:
    raw = RawDocument(
        path="a.txt",
        paragraphs=("Trade grew. Imports fell.\n  \n  Mr. Wang spoke.  ", "外贸增长。进口下降。"),
    )
    document = segment(raw, "en", split_lines=True)
    assert [(item.id, item.text, item.paragraph) for item in document.segments] == [
        (0, "Trade grew. Imports fell.", 0),
        (1, "Mr. Wang spoke.", 0),
        (2, "外贸增长。进口下降。", 1),
    ]


def test_segment_never_merges_paragraphs() -> None:
    paragraphs = ("Speech at the Press Conference", "2024/05/08", "Friends from the media,")
    document = segment(RawDocument(path="a.txt", paragraphs=paragraphs), "en")
    assert tuple(item.text for item in document.segments) == paragraphs


def test_segment_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="fr"):
        segment(RawDocument(path="a.txt", paragraphs=("Bonjour.",)), "fr")  # type: ignore[arg-type]


ENGLISH_ALPHABET = ".!?…”’\"')]([“‘ \n\t0123456789abcdeABCDEmnoMNOxyzXYZ%$,;:@/-"
CHINESE_ALPHABET = ".!?;。！？；…”’」』）》《〈〉「『（“‘\"' \n0123456789abcAB汉字中国海关，、：%"
KNOWN_WORDS = ["Mr.", "No.6.", "etc.", "U.S.", "a.m.", "J.", "I.", "1.", "2024.", "The", "He"]


def _without_whitespace(text: str) -> str:
    return "".join(text.split())


def _assert_lossless(paragraph: str, pieces: list[str]) -> None:
    assert _without_whitespace("".join(pieces)) == _without_whitespace(paragraph)
    assert all(piece.strip() == piece and piece for piece in pieces)


english_paragraphs = st.lists(
    st.one_of(st.text(alphabet=ENGLISH_ALPHABET, max_size=12), st.sampled_from(KNOWN_WORDS)),
    max_size=12,
).map(" ".join)


@given(english_paragraphs)
def test_split_english_loses_and_duplicates_nothing(paragraph: str) -> None:
    _assert_lossless(paragraph, split_english(paragraph))


@given(st.text(alphabet=CHINESE_ALPHABET, max_size=80))
def test_split_chinese_loses_and_duplicates_nothing(paragraph: str) -> None:
    _assert_lossless(paragraph, split_chinese(paragraph))


@given(st.text(alphabet=ENGLISH_ALPHABET + CHINESE_ALPHABET, max_size=60))
def test_both_splitters_are_lossless_on_mixed_text(paragraph: str) -> None:
    _assert_lossless(paragraph, split_english(paragraph))
    _assert_lossless(paragraph, split_chinese(paragraph))


@given(st.lists(st.text(alphabet=ENGLISH_ALPHABET, max_size=30), max_size=5))
def test_segment_ids_run_from_zero_and_paragraphs_ascend(paragraphs: list[str]) -> None:
    document = segment(RawDocument(path="p.txt", paragraphs=tuple(paragraphs)), "en")
    assert [item.id for item in document.segments] == list(range(len(document.segments)))
    indexes = [item.paragraph for item in document.segments]
    assert indexes == sorted(indexes)
    assert all(0 <= index < len(paragraphs) for index in indexes)
    for item in document.segments:
        assert item.text and item.text == item.text.strip()
    joined = "".join(item.text for item in document.segments)
    assert _without_whitespace(joined) == _without_whitespace("".join(paragraphs))


@given(st.lists(st.text(alphabet=CHINESE_ALPHABET, max_size=30), max_size=5))
def test_split_lines_yields_exactly_the_non_blank_lines(paragraphs: list[str]) -> None:
    document = segment(
        RawDocument(path="p.txt", paragraphs=tuple(paragraphs)), "zh", split_lines=True
    )
    expected = [
        (index, line.strip())
        for index, paragraph in enumerate(paragraphs)
        for line in paragraph.splitlines()
        if line.strip()
    ]
    assert [(item.paragraph, item.text) for item in document.segments] == expected
