"""The review page in a real browser: Playwright driving the system's Chromium.

Browsers are never downloaded: the tests use Chromium where the system installed it
(``/usr/bin/chromium``, or ``$ALIGNER_CHROMIUM``). Without it, or without the ``playwright``
package, they are skipped with the reason; ``.ci/run`` installs Chromium and sets
``ALIGNER_REQUIRE_BROWSER=1`` so that there a missing browser fails instead.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aligner.formats.links import parse_links
from aligner.model import Alignment, Finding
from aligner.pipeline import AlignOptions, load_glossary_entries, qa_report
from aligner.review import ReviewOptions, ReviewServer, Session, prepare_review

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
CHROMIUM = Path(os.environ.get("ALIGNER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "needs the playwright package (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return (
            f"needs Chromium at {CHROMIUM} (apt-get install chromium, or set ALIGNER_CHROMIUM); "
            "browsers are not downloaded"
        )
    return None


MISSING = _missing()
if MISSING is not None and os.environ.get("ALIGNER_REQUIRE_BROWSER") == "1":
    pytest.fail(MISSING, pytrace=False)
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")
if MISSING is None:
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def start(folder: Path, alignment: str | None = None) -> ReviewServer:
    options = ReviewOptions(
        str(ZH),
        str(EN),
        AlignOptions(scorer="lexical"),
        alignment=alignment,
        save=str(folder / "speech.review.json"),
    )
    server = ReviewServer(prepare_review(options))
    server.start()
    return server


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[ReviewServer]:
    running = start(tmp_path)
    yield running
    running.shutdown()


REFUSED_EDIT = "Failed to load resource: the server responded with a status of 409 (Conflict)"


class Problems:
    """Script errors and console errors (a CSP violation is one) seen by a page.

    An edit the server refuses is answered 409, which Chromium logs too; the page shows
    the reason, so that one is expected.
    """

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        page.on("pageerror", lambda error: self.seen.append(str(error)))
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if message.type == "error" and message.text != REFUSED_EDIT:
            self.seen.append(message.text)


@pytest.fixture()
def page(browser: Browser, server: ReviewServer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    problems = Problems(opened)
    opened.goto(server.url)
    expect(opened.locator("#rows tbody tr").first).to_be_visible()
    yield opened
    context.close()
    assert problems.seen == []


def rows(page: Page) -> list[tuple[list[int], list[int]]]:
    """The rows as drawn: the sentence ids shown on each side."""
    drawn: list[tuple[list[int], list[int]]] = page.eval_on_selector_all(
        "#rows tbody tr",
        """trs => trs.map(tr => ['zh', 'en'].map(side =>
            [...tr.querySelectorAll('.sentence[data-side="' + side + '"]')]
              .map(s => Number(s.dataset.id))))""",
    )
    return [(zh, en) for zh, en in drawn]


def server_rows(server: ReviewServer) -> list[tuple[list[int], list[int]]]:
    return [(list(link.zh), list(link.en)) for link in server.session.report().alignment.links]


def row_with(page: Page, side: str, sentence: int) -> int:
    return next(k for k, row in enumerate(rows(page)) if sentence in row[0 if side == "zh" else 1])


def sentence(page: Page, side: str, number: int) -> Any:
    return page.locator(f'#rows .sentence[data-side="{side}"][data-id="{number}"]')


def wait_for_row(page: Page, side: str, number: int, zh: list[int], en: list[int]) -> None:
    """Wait until the row holding a sentence shows exactly these sentence ids."""
    page.wait_for_function(
        """([side, id, zh, en]) => {
            const tr = [...document.querySelectorAll('#rows tbody tr')].find(tr =>
                tr.querySelector(`.sentence[data-side="${side}"][data-id="${id}"]`));
            if (!tr) return false;
            const ids = s => [...tr.querySelectorAll(`.sentence[data-side="${s}"]`)]
                .map(x => Number(x.dataset.id));
            return JSON.stringify([ids('zh'), ids('en')]) === JSON.stringify([zh, en]);
        }""",
        arg=[side, number, zh, en],
    )


def settled(page: Page) -> None:
    expect(page.locator("#counts .checking")).to_have_count(0)


# --- what the page shows ----------------------------------------------------------------------


def test_the_page_shows_every_row_with_number_confidence_and_findings(
    page: Page, server: ReviewServer
) -> None:
    assert rows(page) == server_rows(server)
    numbers = page.locator("#rows tbody td.num .n").all_inner_texts()
    assert numbers == [str(k) for k in range(1, len(numbers) + 1)]
    confidences = page.locator("#rows tbody td.conf .value").all_inner_texts()
    links = server.session.report().alignment.links
    assert confidences == [f"{link.confidence:.2f}" for link in links]
    low = sum(1 for link in links if link.confidence < 0.5)
    assert low and page.locator("#rows tbody td.conf.low .flag").count() == low
    findings = len(server.session.report().findings)
    assert page.locator("#rows ul.findings li").count() == findings
    assert page.locator("#counts").inner_text().startswith("0 errors")
    assert page.locator("td.zh").first.get_attribute("lang") == "zh-CN"
    assert "Ctrl+Z" in page.locator("#keys").inner_text()


def test_next_doubtful_jumps_to_a_low_confidence_row(page: Page) -> None:
    page.keyboard.press("n")
    selected = page.locator("#rows tbody tr.selected")
    expect(selected).to_have_class("doubtful selected")
    first = selected.get_attribute("data-row")
    page.keyboard.press("n")
    assert page.locator("#rows tbody tr.selected").get_attribute("data-row") != first


# --- editing ----------------------------------------------------------------------------------


def test_merge_split_and_move_with_mouse_and_keyboard(page: Page, server: ReviewServer) -> None:
    before = rows(page)
    row = row_with(page, "zh", 1)
    sentence(page, "zh", 1).click()
    page.keyboard.press("m")  # merge with the row below
    wait_for_row(page, "zh", 1, [1, 2], [5, 6])
    assert row_with(page, "zh", 1) == row
    assert len(rows(page)) == len(before) - 1
    assert rows(page) == server_rows(server)

    sentence(page, "zh", 2).click()
    page.get_by_role("button", name="Split before").click()
    wait_for_row(page, "zh", 1, [1], [5])
    assert rows(page) == before

    sentence(page, "en", 8).click()  # the last English sentence of Chinese 3's row
    page.keyboard.press("Alt+ArrowDown")
    wait_for_row(page, "zh", 4, [4], [8, 9])
    expect(sentence(page, "en", 8)).to_have_class("sentence selected")
    assert rows(page)[row_with(page, "zh", 3)] == ([3], [7])
    page.get_by_role("button", name="Move up").click()
    wait_for_row(page, "zh", 3, [3], [7, 8])
    assert rows(page) == server_rows(server) == before


def test_taking_a_sentence_out_shows_the_omission(page: Page, server: ReviewServer) -> None:
    sentence(page, "zh", 3).click()
    page.keyboard.press("o")
    row = row_with(page, "zh", 3)
    line = page.locator("#rows tbody tr").nth(row)
    expect(line.locator("li.error")).to_contain_text("omission")
    expect(line.locator("td.en .empty")).to_have_text("— omission: no English —")
    settled(page)
    assert page.locator("#counts .error").inner_text() == "1 error"


def test_a_refused_edit_says_why(page: Page) -> None:
    sentence(page, "en", 0).click()
    page.keyboard.press("Alt+ArrowUp")
    expect(page.locator("#status")).to_have_text("row 1 has no row above it")
    expect(page.locator("#status")).to_have_class("error")


def test_undo_and_redo(page: Page, server: ReviewServer) -> None:
    before = rows(page)
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_disabled()
    page.locator("#rows tbody tr").nth(5).locator("td.num").click()
    page.keyboard.press("m")
    expect(page.locator("#rows tbody tr")).to_have_count(len(before) - 1)
    merged = rows(page)
    page.keyboard.press("Control+z")
    expect(page.locator("#rows tbody tr")).to_have_count(len(before))
    assert rows(page) == before == server_rows(server)
    page.keyboard.press("Control+y")
    expect(page.locator("#rows tbody tr")).to_have_count(len(before) - 1)
    assert rows(page) == merged
    undo.click()
    expect(page.locator("#rows tbody tr")).to_have_count(len(before))


def test_accept_a_finding_with_a_note(page: Page, server: ReviewServer) -> None:
    item = page.locator("#rows ul.findings li").first
    finding_id = item.get_attribute("data-finding")
    item.get_by_role("button", name="Accept…").click()
    field = page.locator(".accept-form input")
    expect(field).to_be_focused()
    field.fill("Menu of the web page; not in the handout")
    field.press("Enter")
    accepted = page.locator(f'li[data-finding="{finding_id}"]')
    expect(accepted).to_have_class("accepted")
    expect(accepted.locator(".note")).to_have_text("Note: Menu of the web page; not in the handout")
    expect(page.locator("#counts .accepted")).to_have_text("1 accepted")
    assert finding_id not in {f.id for f in server.session.report().findings}
    page.keyboard.press("Control+z")
    expect(page.locator(f'li[data-finding="{finding_id}"]')).not_to_have_class("accepted")


def test_accept_from_the_keyboard_and_cancel(page: Page) -> None:
    page.locator("#rows tbody tr").first.locator("td.num").click()
    page.keyboard.press("a")
    field = page.locator(".accept-form input")
    expect(field).to_be_focused()
    field.press("Escape")
    expect(page.locator(".accept-form")).to_have_count(0)
    expect(page.locator("#counts .accepted")).to_have_text("0 accepted")


def test_a_note_being_typed_survives_the_page_being_redrawn(
    browser: Browser, tmp_path: Path
) -> None:
    """The page redraws while the whole document is re-checked; a slow check makes sure
    that happens while the reviewer types."""
    quick = prepare_review(
        ReviewOptions(str(ZH), str(EN), AlignOptions(scorer="lexical"), save=str(tmp_path / "r"))
    )
    glossary = load_glossary_entries(AlignOptions())
    links = quick.report().alignment.links

    def slow(part: Alignment) -> tuple[Finding, ...]:
        if len(part.links) >= len(links) - 1:
            time.sleep(2.0)
        return qa_report(part, glossary).findings

    server = ReviewServer(Session(quick.source, quick.target, links, {}, slow, str(tmp_path / "r")))
    server.start()
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        expect(page.locator("#rows tbody tr").first).to_be_visible()
        page.locator("#rows tbody tr").nth(5).locator("td.num").click()
        page.keyboard.press("c")  # a change: the whole document is checked again, slowly
        expect(page.locator("#counts .checking")).to_have_count(1)
        item = page.locator("#rows ul.findings li").first
        finding_id = item.get_attribute("data-finding")
        item.get_by_role("button", name="Accept…").click()
        page.locator(".accept-form input").press_sequentially("typed across redraws", delay=60)
        page.keyboard.press("Enter")
        note = page.locator(f'li[data-finding="{finding_id}"] .note')
        expect(note).to_have_text("Note: typed across redraws")
        context.close()
    finally:
        server.shutdown()


# --- saving and resuming ----------------------------------------------------------------------


def test_save_then_reload_with_the_saved_file(
    browser: Browser, page: Page, server: ReviewServer, tmp_path: Path
) -> None:
    sentence(page, "en", 8).click()
    page.keyboard.press("o")  # English 8 on a row of its own: an addition
    expect(page.locator("#savestate")).to_have_class("dirty")
    item = page.locator("#rows tbody tr").nth(row_with(page, "en", 8)).locator("li").first
    finding_id = item.get_attribute("data-finding")
    item.get_by_role("button", name="Accept…").click()
    page.locator(".accept-form input").fill("an aside of the speaker")
    page.keyboard.press("Enter")
    expect(page.locator("#counts .accepted")).to_have_text("1 accepted")
    page.keyboard.press("Control+s")
    saved = Path(server.session.save_path)
    expect(page.locator("#status")).to_have_text(f"Saved to {saved}")
    expect(page.locator("#savestate")).to_have_class("saved")
    data = json.loads(saved.read_text(encoding="utf-8"))
    expected = rows(page)
    assert [(list(zh), list(en)) for zh, en in parse_links("\n".join(data["links"]))] == expected
    assert data["accepted"] == [{"id": finding_id, "note": "an aside of the speaker"}]

    (tmp_path / "again").mkdir()
    again = start(tmp_path / "again", str(saved))
    try:
        context = browser.new_context()
        reopened = context.new_page()
        reopened.goto(again.url)
        expect(reopened.locator("#rows tbody tr").first).to_be_visible()
        assert rows(reopened) == expected
        note = reopened.locator(f'li[data-finding="{finding_id}"] .note')
        expect(note).to_have_text("Note: an aside of the speaker")
        context.close()
    finally:
        again.shutdown()


# --- what the browser may reach ---------------------------------------------------------------


def test_without_the_token_the_browser_gets_403(browser: Browser, server: ReviewServer) -> None:
    context = browser.new_context()
    visitor = context.new_page()
    base = f"http://127.0.0.1:{server.port}"
    for path in ("/", "/review.js", "/api/state", "/?token=guess"):
        response = visitor.goto(base + path)
        assert response is not None and response.status == 403, path
    context.close()


def test_nothing_else_is_served_to_the_browser(browser: Browser, server: ReviewServer) -> None:
    context = browser.new_context()
    visitor = context.new_page()
    base = f"http://127.0.0.1:{server.port}"
    for path in ("/pyproject.toml", "/review.html", "/assets/", "/src/", "/.git/config"):
        response = visitor.goto(f"{base}{path}?token={server.token}")
        assert response is not None and response.status == 404, path
    context.close()
