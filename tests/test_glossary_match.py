"""Finding glossary terms: Chinese by folded longest match, English by folded words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aligner.glossary.chinese import fold_zh, zh_key
from aligner.glossary.english import find_en, fold_word
from aligner.glossary.match import find_zh_terms, term_hits, zh_matcher
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Link, Segment, TermStatus

ENTRIES = (
    GlossaryEntry("海关", "customs"),
    GlossaryEntry("海关总署", "General Administration of Customs of China", variants=("GACC",)),
    GlossaryEntry("海关特殊监管区域", "special customs supervision zone"),
    GlossaryEntry(
        "综合保税区", "comprehensive bonded zone", deprecated=("comprehensive free trade zone",)
    ),
    GlossaryEntry("自由贸易试验区", "pilot free trade zone"),
    GlossaryEntry("共建“一带一路”国家", "countries participating in the Belt and Road Initiative"),
    GlossaryEntry("一带一路", "Belt and Road"),
    GlossaryEntry("中国—东盟自由贸易区", "China-ASEAN Free Trade Area"),
)


def zh_terms(text: str) -> list[tuple[str, str]]:
    """(matched text, glossary term) pairs."""
    matcher = zh_matcher(ENTRIES)
    return [(text[m.start : m.end], m.group.zh) for m in find_zh_terms(text, matcher)]


def en_spans(text: str, phrase: str) -> list[str]:
    return [text[m.start : m.end] for m in find_en(text, phrase)]


# --- Chinese --------------------------------------------------------------------------


def test_traditional_text_matches_simplified_terms() -> None:
    text = "海關總署表示，綜合保稅區和自由貿易試驗區"
    assert zh_terms(text) == [
        ("海關總署", "海关总署"),
        ("綜合保稅區", "综合保税区"),
        ("自由貿易試驗區", "自由贸易试验区"),
    ]


def test_longest_match_wins_and_subterms_are_not_reported() -> None:
    text = "海关特殊监管区域由海关总署管理，海关负责监管"
    assert [term for _, term in zh_terms(text)] == ["海关特殊监管区域", "海关总署", "海关"]


def test_quotes_and_dashes_do_not_block_matches() -> None:
    for text in (
        "与共建“一带一路”国家",
        "与共建「一帶一路」國家",
        '与共建"一带一路"国家',
        "与共建一带一路国家",
    ):
        [(matched, term)] = zh_terms(text)
        assert term == "共建“一带一路”国家"
        assert matched == text[1:]
    assert zh_terms("中国-东盟自由贸易区")[0][1] == "中国—东盟自由贸易区"


def test_offsets_point_into_the_original_text() -> None:
    text = "據悉，海關總署今日"
    [match] = find_zh_terms(text, zh_matcher(ENTRIES))
    assert (match.start, match.end) == (3, 7)
    assert match.entry.zh == "海关总署"


def test_full_width_latin_is_narrowed() -> None:
    entries = (GlossaryEntry("AEO互认", "AEO mutual recognition"),)
    [match] = find_zh_terms("推进ＡＥＯ互认合作", zh_matcher(entries))
    assert (match.start, match.end) == (2, 7)


def test_matcher_is_built_once_per_glossary() -> None:
    assert zh_matcher(ENTRIES) is zh_matcher(tuple(ENTRIES))


def test_entries_sharing_a_term_form_one_group() -> None:
    entries = (
        GlossaryEntry("综保区", "free zone", TermStatus.DEPRECATED),
        GlossaryEntry("綜保區", "comprehensive bonded zone", variants=("CBZ",)),
    )
    [match] = find_zh_terms("综保区", zh_matcher(entries))
    assert [r.text for r in match.group.accepted] == ["comprehensive bonded zone", "CBZ"]
    # A row whose own status is deprecated rejects its rendering, like a "deprecated" column.
    assert [(r.text, r.status) for r in match.group.rejected] == [
        ("free zone", TermStatus.DEPRECATED)
    ]
    assert match.entry.en == "comprehensive bonded zone"


@given(st.text(alphabet="海关總署綜合保稅区區“”「」 -—特殊监管區域abc", max_size=40))
def test_every_match_covers_original_text_that_folds_to_its_term(text: str) -> None:
    for match in find_zh_terms(text, zh_matcher(ENTRIES)):
        assert 0 <= match.start < match.end <= len(text)
        assert zh_key(text[match.start : match.end]) == zh_key(match.group.zh)


def test_fold_keeps_one_origin_per_character() -> None:
    folded = fold_zh("“海關”")
    assert folded.text == "海关"
    assert folded.origins == (1, 2, 4)
    assert folded.span(0, 2) == (1, 3)


# --- English --------------------------------------------------------------------------


def test_inflection_of_any_word_matches() -> None:
    assert en_spans("new pilot free trade zones opened", "pilot free trade zone") == [
        "pilot free trade zones"
    ]
    assert en_spans("a pilot free trade zone", "pilot free trade zones") == [
        "pilot free trade zone"
    ]
    for plural, singular in [
        ("ports", "port"),
        ("zones", "zone"),
        ("enterprises", "enterprise"),
        ("policies", "policy"),
        ("taxes", "tax"),
        ("processes", "process"),
        ("businesses", "business"),
    ]:
        assert fold_word(plural) == fold_word(singular), plural


def test_hyphen_and_space_are_interchangeable() -> None:
    assert en_spans("cross border e-commerce", "cross-border e-commerce") == [
        "cross border e-commerce"
    ]
    assert en_spans("high-standard opening up", "high-standard opening-up") == [
        "high-standard opening up"
    ]
    assert en_spans("opening-up", "opening up") == ["opening-up"]


def test_apostrophes_and_british_spellings() -> None:
    assert en_spans("China’s imports", "China's import") == ["China’s imports"]
    assert en_spans("Authorised Economic Operators", "Authorized Economic Operator") == [
        "Authorised Economic Operators"
    ]
    assert en_spans("labour-intensive products", "labor-intensive products") == [
        "labour-intensive products"
    ]


def test_case_only_difference_is_flagged() -> None:
    [lowered] = find_en("based on smart customs", "Smart Customs")
    assert lowered.case_differs
    [capitalised] = find_en("Customs said", "customs")
    assert not capitalised.case_differs
    [shouted] = find_en("SMART CUSTOMS", "Smart Customs")
    assert not shouted.case_differs


def test_words_are_whole_words() -> None:
    assert en_spans("exports and portals", "port") == []
    assert en_spans("RMB43.85 trillion", "RMB") == ["RMB"]


def test_quotes_may_sit_between_words_but_not_other_punctuation() -> None:
    text = "the “Smart Customs” Project and smart, customs"
    assert en_spans(text, "Smart Customs Project") == ["Smart Customs” Project"]
    assert en_spans(text, "Smart Customs") == ["Smart Customs"]
    assert en_spans("centralized, unified leadership", "centralized, unified leadership") == [
        "centralized, unified leadership"
    ]
    assert en_spans("centralized unified leadership", "centralized, unified leadership") == []


def test_leading_article_is_optional_and_matches_do_not_overlap() -> None:
    assert en_spans("EU member states", "the EU") == ["EU"]
    assert en_spans("trade trade trade", "trade trade") == ["trade trade"]


# --- hits for deliverables ------------------------------------------------------------


def test_term_hits_cover_both_sides_of_a_link() -> None:
    zh = Document(
        "zh.txt", "zh", (Segment(0, "海关总署支持综合保税区。", 0), Segment(1, "谢谢。", 1))
    )
    en = Document(
        "en.txt",
        "en",
        (
            Segment(0, "GACC supports comprehensive free trade zones.", 0),
            Segment(1, "Thank you.", 1),
        ),
    )
    alignment = Alignment(zh, en, (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)))
    hits = term_hits(alignment, ENTRIES)
    found = [(h.lang, h.segment_id, h.start, h.end, h.zh_term, h.status) for h in hits]
    assert found == [
        ("zh", 0, 0, 4, "海关总署", "preferred"),
        ("zh", 0, 6, 11, "综合保税区", "preferred"),
        ("en", 0, 0, 4, "海关总署", "admitted"),
        ("en", 0, 14, 44, "综合保税区", "deprecated"),
    ]
    assert hits[0].en_term == "General Administration of Customs of China"
