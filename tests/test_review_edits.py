"""The review's edits, history and re-checks, without a server or a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.formats.alignment import read_alignment_file
from aligner.formats.links import LinkIds, parse_links
from aligner.formats.rows import attach_findings
from aligner.model import Alignment, Finding, Link, Severity
from aligner.pipeline import AlignOptions, load_glossary_entries, load_pair, qa_report
from aligner.review import ReviewOptions, default_save_path, edits, prepare_review
from aligner.review.recheck import recheck_around
from aligner.review.session import Session

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
GOLD = parse_links((SAMPLES / "gacc-2025-01-13.gold.align").read_text(encoding="utf-8"))
SOURCE, TARGET = load_pair(str(ZH), str(EN))
GLOSSARY = load_glossary_entries(AlignOptions())


def gold_links(confidence: float = 0.9) -> tuple[Link, ...]:
    return tuple(Link(zh, en, confidence) for zh, en in GOLD)


def ids(links: tuple[Link, ...]) -> list[LinkIds]:
    return [(link.zh, link.en) for link in links]


def assert_sound(links: tuple[Link, ...]) -> None:
    """Every sentence once, in order, each link non-empty and a run of neighbours."""
    assert [i for link in links for i in link.zh] == list(range(len(SOURCE.segments)))
    assert [j for link in links for j in link.en] == list(range(len(TARGET.segments)))
    for link in links:
        assert link.zh or link.en
        for side in (link.zh, link.en):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True


# --- the edits --------------------------------------------------------------------------------


def test_merge_joins_a_row_with_the_next() -> None:
    row = GOLD.index(((1,), (5,)))
    done = edits.merge(gold_links(), row)
    assert ids(done.links)[row] == ((1, 2), (5, 6))
    assert len(done.links) == len(GOLD) - 1
    assert (done.first, done.count) == (row, 1)
    assert done.links[row].confidence == 1.0
    with pytest.raises(edits.EditRefused, match="the last row has no row below"):
        edits.merge(gold_links(), len(GOLD) - 1)


def test_split_cuts_the_other_side_where_the_lengths_match() -> None:
    links = ids(edits.merge(gold_links(), GOLD.index(((1,), (5,)))).links)
    merged = Alignment(SOURCE, TARGET, tuple(Link(zh, en, 1.0) for zh, en in links))
    row = links.index(((1, 2), (5, 6)))
    done = edits.split(merged, row, "zh", 2)
    assert ids(done.links) == GOLD
    assert (done.first, done.count) == (row, 2)
    same = edits.split(merged, row, "en", 6)
    assert ids(same.links) == GOLD
    with pytest.raises(edits.EditRefused, match="starts with that sentence"):
        edits.split(merged, row, "zh", 1)
    with pytest.raises(edits.EditRefused, match="is not in row"):
        edits.split(merged, row, "zh", 9)


def test_move_takes_an_edge_sentence_to_the_neighbouring_row() -> None:
    row = GOLD.index(((3,), (7, 8)))
    down = edits.move(gold_links(), "en", 8, 1)
    assert ids(down.links)[row : row + 2] == [((3,), (7,)), ((4,), (8, 9))]
    back = edits.move(down.links, "en", 8, -1)
    assert ids(back.links) == GOLD
    whole = edits.move(gold_links(), "zh", 4, -1)  # row [4]:[9] keeps its English alone
    assert ids(whole.links)[row : row + 2] == [((3, 4), (7, 8)), ((), (9,))]
    with pytest.raises(edits.EditRefused, match="only the first English sentence"):
        edits.move(gold_links(), "en", 8, -1)
    with pytest.raises(edits.EditRefused, match="only the last English sentence"):
        edits.move(gold_links(), "en", 7, 1)
    with pytest.raises(edits.EditRefused, match="row 1 has no row above"):
        edits.move(gold_links(), "en", 0, -1)


def test_a_row_emptied_by_a_move_disappears() -> None:
    row = GOLD.index(((4,), (9,)))
    first = edits.move(gold_links(), "zh", 4, -1)
    second = edits.move(first.links, "en", 9, -1)
    assert ids(second.links)[row - 1] == ((3, 4), (7, 8, 9))
    assert len(second.links) == len(GOLD) - 1


def test_detach_makes_an_omission_or_an_addition_row() -> None:
    row = GOLD.index(((3,), (7, 8)))
    added = edits.detach(gold_links(), "en", 8)
    assert ids(added.links)[row : row + 2] == [((3,), (7,)), ((), (8,))]
    omitted = edits.detach(gold_links(), "zh", 3)
    assert ids(omitted.links)[row : row + 2] == [((3,), ()), ((), (7, 8))]
    first = edits.detach(gold_links(), "en", 7)
    assert ids(first.links)[row : row + 2] == [((), (7,)), ((3,), (8,))]
    with pytest.raises(edits.EditRefused, match="already holds only that sentence"):
        edits.detach(gold_links(), "en", 0)
    three = edits.merge(edits.merge(gold_links(), row).links, row).links
    assert ids(three)[row] == ((3, 4, 5), (7, 8, 9, 10))
    with pytest.raises(edits.EditRefused, match="split the row first"):
        edits.detach(three, "en", 8)


def test_confirm_raises_the_confidence_only() -> None:
    done = edits.confirm(gold_links(0.2), 3)
    assert ids(done.links) == GOLD
    assert [link.confidence for link in done.links][2:5] == [0.2, 1.0, 0.2]


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["merge", "split", "move-up", "move-down", "detach", "confirm"]),
        st.sampled_from(["zh", "en"]),
        st.integers(min_value=0, max_value=45),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(OPERATIONS)
def test_no_sequence_of_edits_loses_or_reorders_a_sentence(
    operations: list[tuple[str, edits.Side, int]],
) -> None:
    links = gold_links()
    for op, side, number in operations:
        alignment = Alignment(SOURCE, TARGET, links)
        count = len(SOURCE.segments) if side == "zh" else len(TARGET.segments)
        try:
            if op == "merge":
                done = edits.merge(links, number)
            elif op == "confirm":
                done = edits.confirm(links, number)
            elif op == "split":
                row = edits.row_of(links, side, number % count)
                done = edits.split(alignment, row, side, number % count)
            elif op == "detach":
                done = edits.detach(links, side, number % count)
            else:
                done = edits.move(links, side, number % count, -1 if op == "move-up" else 1)
        except edits.EditRefused:
            continue
        assert_sound(done.links)
        assert 0 <= done.first <= len(done.links)
        links = done.links


# --- re-checking around a change --------------------------------------------------------------


def test_the_quick_recheck_runs_on_the_window_and_keeps_other_rows() -> None:
    links = gold_links()
    seen: list[tuple[Link, ...]] = []

    def checker(part: Alignment) -> tuple[Finding, ...]:
        seen.append(part.links)
        return tuple(
            Finding("fake", Severity.WARNING, link.zh, link.en, "", "", "new")
            for link in part.links
        )

    before = tuple(
        Finding("fake", Severity.INFO, link.zh, link.en, "", "", "old") for link in links
    )
    done = edits.merge(links, 10)
    after = recheck_around(Alignment(SOURCE, TARGET, done.links), before, 10, 1, checker)

    assert seen == [done.links[7:14]]
    groups = attach_findings(done.links, after)
    messages = [[f.message for f in group] for group in groups]
    assert messages[9:12] == [["new"], ["new"], ["new"]]
    assert all(group == ["old"] for k, group in enumerate(messages) if not 9 <= k < 12)


@pytest.fixture()
def session(tmp_path: Path) -> Session:
    return prepare_review(
        ReviewOptions(
            str(ZH), str(EN), AlignOptions(scorer="lexical"), save=str(tmp_path / "r.json")
        )
    )


def full_ids(links: tuple[Link, ...]) -> set[str]:
    return {f.id for f in qa_report(Alignment(SOURCE, TARGET, links), GLOSSARY).findings}


def test_after_settling_the_findings_are_those_of_a_full_run(session: Session) -> None:
    row = next(k for k, link in enumerate(session.report().alignment.links) if link.zh == (3,))
    session.edit({"op": "detach", "side": "zh", "sentence": 3})
    state = session.state()
    assert state["checking"]
    omission = state["rows"][row]["findings"]
    assert [(f["check"], f["severity"]) for f in omission] == [("omission", "error")]
    session.settle()
    links = session.report().alignment.links
    assert {f.id for f in session.report().findings} == full_ids(links)
    assert not session.state()["checking"]
    assert session.state()["counts"]["errors"] >= 1


def test_history_undo_redo_and_acceptance(session: Session) -> None:
    start = ids(session.report().alignment.links)
    session.edit({"op": "merge", "row": 5})
    merged = ids(session.report().alignment.links)
    assert merged != start
    session.undo()
    assert ids(session.report().alignment.links) == start
    session.redo()
    assert ids(session.report().alignment.links) == merged
    with pytest.raises(edits.EditRefused, match="nothing to redo"):
        session.redo()

    finding = session.report().findings[0]
    session.accept(finding.id, "  fine as it is ")
    state = session.state()
    shown = [f for row in state["rows"] for f in row["findings"] if f["id"] == finding.id]
    assert shown[0]["accepted"] and shown[0]["note"] == "fine as it is"
    assert finding.id not in {f.id for f in session.report().findings}
    assert state["counts"]["accepted"] == 1
    session.undo()
    assert finding.id in {f.id for f in session.report().findings}
    with pytest.raises(edits.EditRefused, match="no longer reported"):
        session.accept("number-0000000000", "")


def test_saving_writes_the_review_file_and_resuming_restores_it(
    session: Session, tmp_path: Path
) -> None:
    session.edit({"op": "detach", "side": "en", "sentence": 8})
    finding = session.report().findings[-1]
    session.accept(finding.id, "kept on purpose")
    assert session.dirty
    path = session.save()
    assert not session.dirty and session.state()["saved"]
    given = read_alignment_file(path, SOURCE, TARGET)
    saved = session.report().alignment.links
    assert given.links == tuple(Link(link.zh, link.en, 1.0) for link in saved)
    assert [(a.id, a.note) for a in given.accepted] == [(finding.id, "kept on purpose")]

    resumed = prepare_review(
        ReviewOptions(
            str(ZH), str(EN), AlignOptions(scorer="lexical"), alignment=path,
            save=str(tmp_path / "r2.json"),
        )
    )  # fmt: skip
    assert ids(resumed.report().alignment.links) == ids(session.report().alignment.links)
    assert finding.id not in {f.id for f in resumed.report().findings}
    assert resumed.state()["counts"]["accepted"] == 1


def test_a_review_is_never_saved_over_an_input(tmp_path: Path) -> None:
    from aligner.errors import InputError

    with pytest.raises(InputError, match="this output is one of the inputs"):
        prepare_review(ReviewOptions(str(ZH), str(EN), save=str(EN)))
    fixed = tmp_path / "fixed.review.json"
    fixed.write_text("[0]:[0]\n", encoding="utf-8")
    with pytest.raises(InputError, match="this output is one of the inputs"):
        prepare_review(ReviewOptions(str(ZH), str(EN), alignment=str(fixed), save=str(fixed)))


@pytest.mark.parametrize(
    ("english", "saved"),
    [
        ("news/release.en.docx", "news/release.review.json"),
        ("news/release_EN.txt", "news/release.review.json"),
        ("speech.html", "speech.review.json"),
        ("en.txt", "en.review.json"),
    ],
)
def test_the_default_review_file_sits_beside_the_english(english: str, saved: str) -> None:
    assert default_save_path(english) == saved


def test_an_edit_survives_the_background_check_settling_meanwhile(tmp_path: Path) -> None:
    """The document-wide check may finish while an edit is being re-checked: that is no
    conflicting change, and the edit must go through (the page once got "another change
    came first" here)."""
    settle_next = [False]

    def checker(part: Alignment) -> tuple[Finding, ...]:
        if settle_next[0] and len(part.links) < len(GOLD) - 1:
            settle_next[0] = False
            session.settle()  # as the background thread would, between two steps of edit()
        return qa_report(part, GLOSSARY).findings

    session = Session(SOURCE, TARGET, gold_links(), {}, checker, str(tmp_path / "r.json"))
    session.edit({"op": "merge", "row": 5})
    assert session.state()["checking"]
    settle_next[0] = True
    session.edit({"op": "split", "row": 5, "side": "zh", "sentence": 2})
    assert not settle_next[0]
    assert ids(session.report().alignment.links) == GOLD


def test_the_page_is_told_which_rows_each_step_changed(session: Session) -> None:
    session.edit({"op": "merge", "row": 5})
    assert session.state()["changed"] == [5, 1]
    session.undo()
    assert session.state()["changed"] == [5, 2]
    session.redo()
    assert session.state()["changed"] == [5, 1]
    finding = session.report().findings[0]
    session.accept(finding.id, "")
    assert session.state()["changed"] is None
