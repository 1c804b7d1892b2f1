"""Saved alignments as input (``--alignment``): used exactly, checked strictly, completed
around their links when partial."""

from __future__ import annotations

import inspect
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align.anchored import Gap, complete_alignment
from aligner.align.coverage import LinkTypesTooNarrow
from aligner.align.lexical import LexicalScorer
from aligner.align.search import SearchConfig
from aligner.cli import main
from aligner.errors import InputError
from aligner.formats.alignment import parse_alignment, read_alignment_file
from aligner.formats.links import LinkIds, format_links, parse_links
from aligner.formats.review import Acceptance, ReviewFile, ReviewSide, render_review
from aligner.model import Document, Link
from aligner.pipeline import AlignOptions, align_documents, align_given, load_pair

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
GOLD = parse_links((SAMPLES / "gacc-2025-01-13.gold.align").read_text(encoding="utf-8"))
LEXICAL = AlignOptions(scorer="lexical")


@pytest.fixture(scope="module")
def pair() -> tuple[Document, Document]:
    return load_pair(str(ZH), str(EN))


def run(*args: object) -> Result:
    """In-process, stderr kept apart from stdout on every click 8.x."""
    separate = "mix_stderr" in inspect.signature(CliRunner).parameters
    runner = CliRunner(mix_stderr=False) if separate else CliRunner()  # type: ignore[call-arg]
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def one_error_line(result: Result, path: Path) -> str:
    """The problem of the single ``aligner: error: PATH: problem`` line, exit code 2."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    head = f"aligner: error: {path}: "
    assert lines[0].startswith(head), lines[0]
    return lines[0][len(head) :]


def write_links(path: Path, links: Sequence[LinkIds | str]) -> Path:
    lines = [item if isinstance(item, str) else format_links([item]).rstrip("\n") for item in links]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reviewer_alignment() -> list[LinkIds]:
    """The gold alignment with two decisions no aligner would make: rows 6 and 7 merged,
    and the 1:2 link of Chinese 3 split into a 1:1 and an addition."""
    links = list(GOLD)
    index = links.index(((1,), (5,)))
    links[index : index + 2] = [((1, 2), (5, 6))]
    index = links.index(((3,), (7, 8)))
    links[index : index + 1] = [((3,), (7,)), ((), (8,))]
    return links


# --- the done-when: qa --alignment writes exactly the given links ---------------------------


def test_qa_with_a_links_file_writes_exactly_those_links(tmp_path: Path) -> None:
    fixed = write_links(tmp_path / "fixed.links", reviewer_alignment())
    handout, report = tmp_path / "h.docx", tmp_path / "r.json"

    result = run(
        "qa", ZH, EN, "--alignment", fixed, "--scorer", "lexical", "--fail-on", "never",
        "--handout", "review", "-o", handout, "-o", report,
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    links = [(tuple(link["zh"]), tuple(link["en"])) for link in data["links"]]
    assert links == reviewer_alignment()
    assert {link["confidence"] for link in data["links"]} == {1.0}
    source, target = load_pair(str(ZH), str(EN))
    table = docx.Document(io.BytesIO(handout.read_bytes())).tables[0]
    rows = [tuple(cell.text for cell in row.cells) for row in table.rows[1:]]
    assert rows == [
        (str(number), source.texts(zh), target.texts(en))
        for number, (zh, en) in enumerate(reviewer_alignment(), start=1)
    ]


def test_align_accepts_the_json_it_wrote_and_a_review_file(tmp_path: Path) -> None:
    fixed = write_links(tmp_path / "fixed.links", reviewer_alignment())
    saved = tmp_path / "saved.json"
    assert run("align", ZH, EN, "--alignment", fixed, "-o", saved).exit_code == 0
    again = run("align", ZH, EN, "--alignment", saved, "--format", "links")
    assert again.exit_code == 0, again.stderr
    assert parse_links(again.stdout) == reviewer_alignment()

    source, target = load_pair(str(ZH), str(EN))
    review = tmp_path / "r.review.json"
    review.write_bytes(
        render_review(
            ReviewFile(
                ReviewSide("zh.txt", source.sha256),
                ReviewSide("en.txt", target.sha256),
                tuple(reviewer_alignment()),
                (Acceptance("number-0123456789", "checked"),),
            )
        )
    )
    from_review = run("align", ZH, EN, "--alignment", review, "--format", "links")
    assert from_review.exit_code == 0, from_review.stderr
    assert parse_links(from_review.stdout) == reviewer_alignment()


def test_a_complete_file_needs_no_scorer(pair: tuple[Document, Document], tmp_path: Path) -> None:
    source, target = pair
    fixed = write_links(tmp_path / "fixed.links", GOLD)
    given = read_alignment_file(str(fixed), source, target)
    assert given.complete

    def no_scorer() -> None:
        raise AssertionError("a complete alignment must not prepare a scorer")

    options = AlignOptions(scorer="no-such-scorer")
    alignment = align_given(source, target, given, options, ())
    assert [(link.zh, link.en) for link in alignment.links] == GOLD
    assert all(link.confidence == 1.0 for link in alignment.links)
    assert complete_alignment(source, target, given.pieces, no_scorer).links == alignment.links


# --- refused files --------------------------------------------------------------------------


def gold_lines() -> list[LinkIds | str]:
    return list(GOLD)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda lines: lines.pop(8),
            "Chinese sentence 4 is in no link (before line 9); link it, or put a line ... "
            "there for the aligner to fill in",
        ),
        (
            lambda lines: lines.pop(),
            "English sentence 40 is in no link (after line 36); link it, or put a line ... "
            "there for the aligner to fill in",
        ),
        (
            lambda lines: lines.insert(7, ((2,), ())),
            "line 8: Chinese sentence 2 appears twice (also line 7)",
        ),
        (
            lambda lines: lines.__setitem__(8, ((4,), (9, 41))),
            "line 9: English sentence 41 does not exist (the English text has 41 sentences, "
            "numbered 0-40)",
        ),
        (
            lambda lines: lines.__setitem__(slice(8, 10), [((5,), (10,)), ((4,), (9,))]),
            "line 10: Chinese sentence 4 comes after sentence 5 (line 9); links must follow "
            "the order of the text",
        ),
        (
            lambda lines: lines.__setitem__(slice(8, 10), [((4,), (9,)), ((5, 7), (10,))]),
            "line 10: Chinese sentences 5 and 7 are linked without 6 between them; a link "
            "joins neighbouring sentences",
        ),
        (
            lambda lines: lines.insert(3, "[]:[]"),
            "line 4: []:[] links no sentence",
        ),
        (
            lambda lines: lines.insert(3, "[3] -> [4]"),
            "line 4: expected [ids]:[ids], got '[3] -> [4]' (or ... for a gap)",
        ),
    ],
    ids=["missing", "missing-at-end", "repeated", "out-of-range", "out-of-order",
         "not-neighbours", "empty-link", "malformed"],
)  # fmt: skip
def test_broken_links_files_are_refused_with_one_line(
    tmp_path: Path, edit: object, problem: str
) -> None:
    lines = gold_lines()
    edit(lines)  # type: ignore[operator]
    fixed = write_links(tmp_path / "fixed.links", lines)
    for command in ("align", "qa"):
        result = run(command, ZH, EN, "--alignment", fixed, "--scorer", "lexical")
        assert one_error_line(result, fixed) == problem


def test_a_json_alignment_made_for_another_text_is_refused(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    assert run("align", ZH, EN, "--scorer", "lexical", "-o", saved).exit_code == 0
    edited = tmp_path / "edited.en.txt"
    edited.write_text(
        EN.read_text(encoding="utf-8").replace("which was a new record high.", "a record."),
        encoding="utf-8",
    )
    result = run("qa", ZH, edited, "--alignment", saved, "--scorer", "lexical")
    assert one_error_line(result, saved) == (
        f"made for other texts: its English sentences are not those of {edited} "
        "(another version of the text, or segmented with other --split-lines)"
    )


def test_a_review_file_made_for_another_text_is_refused(
    pair: tuple[Document, Document], tmp_path: Path
) -> None:
    source, target = pair
    review = tmp_path / "r.review.json"
    review.write_bytes(
        render_review(
            ReviewFile(
                ReviewSide("zh.txt", "0" * 64),
                ReviewSide("en.txt", "1" * 64),
                tuple(GOLD),
            )
        )
    )
    result = run("qa", ZH, EN, "--alignment", review)
    assert one_error_line(result, review) == (
        f"made for other texts: its Chinese and English sentences are not those of {ZH} and "
        f"{EN} (another version of the text, or segmented with other --split-lines)"
    )
    with pytest.raises(InputError, match="made for other texts"):
        read_alignment_file(str(review), target, source)


def test_json_links_are_checked_like_lines(pair: tuple[Document, Document], tmp_path: Path) -> None:
    source, target = pair
    saved = tmp_path / "saved.json"
    assert run("align", ZH, EN, "--alignment", write_links(tmp_path / "g.links", GOLD),
               "-o", saved).exit_code == 0  # fmt: skip
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["links"][5]["en"] = [6]
    saved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment_file(str(saved), source, target)
    assert caught.value.problem == "link 7: English sentence 6 appears twice (also link 6)"
    data["links"][5] = {"zh": "1", "en": [5]}
    saved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r'^.*link 6: not shaped as \{"zh": \[ids\]'):
        read_alignment_file(str(saved), source, target)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "holds no links"),
        (b"# only a comment\n\n", "holds no links"),
        (b"\xff\xfe[0]:[0]", "not UTF-8 text (bad byte at offset 0)"),
        (b"<xliff/>", "looks like XML, not an alignment"),
        (b'{"links": []}', "a JSON file, but neither an alignment written by aligner"),
        (b"{not json", "not valid JSON"),
    ],
)
def test_files_that_are_no_alignment_are_refused(
    pair: tuple[Document, Document], content: bytes, problem: str
) -> None:
    source, target = pair
    with pytest.raises(InputError) as caught:
        parse_alignment(content, "x.links", source, target)
    assert caught.value.path == "x.links"
    assert caught.value.problem.startswith(problem)


def test_broken_file_gives_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    lines = gold_lines()
    lines.insert(7, ((2,), ()))
    fixed = write_links(tmp_path / "fixed.links", lines)
    script = Path(sys.executable).parent / "aligner"
    done = subprocess.run(
        [str(script), "qa", str(ZH), str(EN), "--alignment", str(fixed)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"aligner: error: {fixed}: line 8: Chinese sentence 2 appears twice (also line 7)\n"
    )


def test_an_alignment_file_is_never_overwritten(tmp_path: Path) -> None:
    fixed = write_links(tmp_path / "fixed.links", GOLD)
    before = fixed.read_bytes()
    result = run("align", ZH, EN, "--alignment", fixed, "-o", tmp_path / "fixed.links")
    assert "this output is one of the inputs" in one_error_line(result, tmp_path / "fixed.links")
    assert fixed.read_bytes() == before


def test_alignment_needs_the_two_texts(tmp_path: Path) -> None:
    fixed = write_links(tmp_path / "fixed.links", GOLD)
    result = run("qa", tmp_path / "x.xlf", "--alignment", fixed)
    assert result.exit_code == 2
    assert "--alignment needs the two texts it aligns" in result.stderr


# --- partial alignments ---------------------------------------------------------------------


def test_a_partial_file_keeps_its_links_and_aligns_the_rest(
    pair: tuple[Document, Document], tmp_path: Path
) -> None:
    source, target = pair
    automatic = align_documents(source, target, LEXICAL, ())
    kept = [((1, 2), (5, 6)), ((14,), (20,)), ((), (21,))]
    fixed = write_links(tmp_path / "fixed.links", ["...", kept[0], "...", *kept[1:], "..."])

    result = run("align", ZH, EN, "--alignment", fixed, "--scorer", "lexical", "-o",
                 tmp_path / "out.json")  # fmt: skip

    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    links = [(tuple(x["zh"]), tuple(x["en"])) for x in data["links"]]
    for link in kept:
        assert link in links
        assert data["links"][links.index(link)]["confidence"] == 1.0
    assert [i for zh, _ in links for i in zh] == list(range(len(source.segments)))
    assert [j for _, en in links for j in en] == list(range(len(target.segments)))
    # Far from the fixed links, the aligner decides as it would have alone.
    auto = [(link.zh, link.en) for link in automatic.links]
    far = [link for link in auto if link[0] and link[0][0] >= 17]
    assert far and all(link in links for link in far)


def test_fixing_one_link_realigns_its_neighbourhood(pair: tuple[Document, Document]) -> None:
    """The gold 1:2 link [8]:[12,13] given as [8]:[12]: English 13 is linked after it, and
    the rest of the text is linked as the aligner links it alone (here: as the gold)."""
    source, target = pair
    text = "...\n[8]:[12]\n...\n"
    given = parse_alignment(text.encode(), "fix.links", source, target)
    scorer = LexicalScorer(())
    result = complete_alignment(
        source, target, given.pieces, lambda: scorer.prepare(source, target)
    )
    links = [(link.zh, link.en) for link in result.links]
    fixed = links.index(((8,), (12,)))
    gold = GOLD.index(((8,), (12, 13)))
    assert links[:fixed] == GOLD[:gold]
    assert links[-20:] == GOLD[-20:]
    assert any(13 in en for _, en in links[fixed + 1 : fixed + 3])


def test_gap_markers_place_gaps_between_the_links(pair: tuple[Document, Document]) -> None:
    source, target = pair
    n, m = len(source.segments), len(target.segments)
    text = "# reviewer's fixes\n...\n...\n[4]:[9]\n[5]:[10]\n…\n[]:[38]\n...\n"
    given = parse_alignment(text.encode(), "p.links", source, target)
    assert not given.complete
    assert given.pieces == (
        Gap(0, 4, 0, 9),
        Link((4,), (9,), 1.0),
        Link((5,), (10,), 1.0),
        Gap(6, 6, 11, 38),  # no Chinese is named before the next marker: it goes there
        Link((), (38,), 1.0),
        Gap(6, n, 39, m),
    )
    # A marker where nothing is missing is an empty gap, and harmless.
    full = "\n".join([format_links(GOLD[:5]).rstrip(), "...", format_links(GOLD[5:]).rstrip()])
    assert parse_alignment(full.encode(), "p.links", source, target).complete


def test_a_one_sided_link_after_a_gap_leaves_the_other_side_to_the_next_gap(
    pair: tuple[Document, Document],
) -> None:
    source, target = pair
    text = "...\n[]:[5]\n...\n[3]:[7,8]\n...\n"
    pieces = parse_alignment(text.encode(), "p.links", source, target).pieces
    assert pieces[:4] == (
        Gap(0, 0, 0, 5),
        Link((), (5,), 1.0),
        Gap(0, 3, 6, 7),
        Link((3,), (7, 8), 1.0),
    )


def test_partial_json_is_not_a_thing(pair: tuple[Document, Document], tmp_path: Path) -> None:
    source, target = pair
    data = {
        "source": {"sha256": source.sha256},
        "target": {"sha256": target.sha256},
        "links": [{"zh": list(zh), "en": list(en)} for zh, en in GOLD[:10]],
    }
    with pytest.raises(InputError) as caught:
        parse_alignment(json.dumps(data).encode(), "p.json", source, target)
    assert caught.value.problem == (
        "Chinese sentences 6-31 are in no link (after link 10); every sentence must be in a link"
    )


def test_a_gap_that_the_link_types_cannot_cover_is_named(
    pair: tuple[Document, Document],
) -> None:
    source, target = pair
    given = parse_alignment(b"[]:[0]\n...\n[4]:[9]\n[5]:[10]\n...\n", "p.links", source, target)
    scorer = LexicalScorer(())
    with pytest.raises(LinkTypesTooNarrow) as caught:
        complete_alignment(
            source,
            target,
            given.pieces,
            lambda: scorer.prepare(source, target),
            SearchConfig(link_types=((1, 1),)),
        )
    assert caught.value.problem.startswith(
        "link types 1:1 cannot link Chinese sentences 0-3 to English sentences 1-8, which lie "
        "between two given links"
    )


@settings(max_examples=25, deadline=None)
@given(st.lists(st.booleans(), min_size=len(GOLD), max_size=len(GOLD)))
def test_any_partial_gold_is_completed_keeping_every_given_link(keep: list[bool]) -> None:
    source, target = load_pair(str(ZH), str(EN))
    lines: list[str] = []
    for link, kept in zip(GOLD, keep, strict=True):
        if kept:
            lines.append(format_links([link]).rstrip())
        elif not lines or lines[-1] != "...":
            lines.append("...")
    if not any(keep):
        lines = ["..."]
    text = "\n".join(lines) + "\n"
    if all(line == "..." for line in lines):
        with pytest.raises(InputError, match="holds no links"):
            parse_alignment(text.encode(), "p.links", source, target)
        return
    given_alignment = parse_alignment(text.encode(), "p.links", source, target)
    scorer = LexicalScorer(())
    result = complete_alignment(
        source, target, given_alignment.pieces, lambda: scorer.prepare(source, target)
    )
    links = [(link.zh, link.en) for link in result.links]
    for link, kept in zip(GOLD, keep, strict=True):
        if kept:
            assert link in links
    assert [i for zh, _ in links for i in zh] == list(range(len(source.segments)))
    assert [j for _, en in links for j in en] == list(range(len(target.segments)))
    assert all(zh or en for zh, en in links)
