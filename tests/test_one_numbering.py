"""One numbering across every output: the same finding, the same row, the same sentence ids.

Rows count from 1 ("row 18"), sentence ids from 0 as in ``.links`` files ("zh 5 ↔ en 10").
A reviewer reading the terminal, the handout, the HTML report, an XLIFF note, the TSV or the
JSON must land on the same place; and the words a finding is about are marked in each.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.cli import main
from conftest import SAMPLES

ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
WRONG = EN.replace("RMB43.85 trillion, up 5%", "RMB4.385 trillion, up 5%")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("numbering")
    zh, en = folder / "r.zh.txt", folder / "r.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(WRONG, encoding="utf-8")
    names = ("r.json", "r.html", "r.docx", "r.xlf", "r.tsv")
    args = ["qa", str(zh), str(en), "--scorer", "lexical", "--handout", "review"]
    for name in names:
        args += ["-o", str(folder / name)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    data = json.loads((folder / "r.json").read_text("utf-8"))
    [finding] = [f for f in data["findings"] if f["check"] == "number"]
    return {"terminal": result.stdout, "folder": folder, "finding": finding}


def ids_text(finding: dict[str, Any]) -> str:
    def side(ids: list[int]) -> str:
        return ",".join(map(str, ids)) or "—"

    return f"zh {side(finding['zh_ids'])} ↔ en {side(finding['en_ids'])}"


def test_json_gives_row_sentence_ids_id_and_spans(outputs: dict[str, Any]) -> None:
    finding = outputs["finding"]
    data = json.loads((outputs["folder"] / "r.json").read_text("utf-8"))
    link = data["links"][finding["row"] - 1]
    assert (link["zh"], link["en"]) == (finding["zh_ids"], finding["en_ids"])
    assert re.fullmatch(r"number-[0-9a-f]{10}", finding["id"])
    assert finding["key"] == "43,850,000,000,000"
    [[start, end]] = finding["en_spans"]
    assert finding["en"][start:end] == "4.385 trillion"
    [[start, end]] = finding["zh_spans"]
    assert finding["zh"][start:end] == "43.85万亿"


def test_terminal_heads_the_group_with_the_row_and_ids_and_quotes_the_words(
    outputs: dict[str, Any],
) -> None:
    finding = outputs["finding"]
    text = outputs["terminal"]
    assert f"── row {finding['row']} · {ids_text(finding)} " in text
    block = text.split(f"── row {finding['row']} · ")[1].split("\n── ")[0]
    assert "«4.385 trillion»" in block
    assert f"id {finding['id']}" in block


def test_tsv_row_and_ids_match(outputs: dict[str, Any]) -> None:
    finding = outputs["finding"]
    rows = list(
        csv.reader(io.StringIO((outputs["folder"] / "r.tsv").read_text("utf-8")), "excel-tab")
    )
    [line] = [row for row in rows[1:] if finding["id"] in row[6]]
    assert line[0] == str(finding["row"])
    assert line[1] == ",".join(map(str, finding["zh_ids"]))
    assert line[2] == ",".join(map(str, finding["en_ids"]))


def test_xliff_unit_and_note_match(outputs: dict[str, Any]) -> None:
    finding = outputs["finding"]
    root = etree.parse(str(outputs["folder"] / "r.xlf")).getroot()
    ns = "{urn:oasis:names:tc:xliff:document:1.2}"
    [note] = [n for n in root.iter(f"{ns}note") if finding["id"] in (n.text or "")]
    unit = note.getparent()
    assert unit is not None and unit.get("id") == f"u{finding['row']}"
    assert note.text is not None
    assert note.text.startswith(f"[number/error · row {finding['row']} · {ids_text(finding)} · ")


def test_html_row_ids_and_marked_words_match(outputs: dict[str, Any]) -> None:
    finding = outputs["finding"]
    html = (outputs["folder"] / "r.html").read_text("utf-8")
    row = finding["row"]
    body = html.split(f'<tr id="link-{row}"')[1].split("</tbody>")[0]
    zh_ids, _, en_ids = ids_text(finding).partition(" ↔ ")
    assert f"{zh_ids}<br>{en_ids}" in body
    flagged = rf'<span class="flagged sev-error" data-findings="[^"]*{finding["id"]}[^"]*"'
    marked = re.findall(flagged + r"[^>]*>(.*?)</span>", body)
    assert "4.385 trillion" in marked
    assert any("43.85万亿" in text for text in marked)
    index = html.split('id="all-findings"')[1].split("</table>")[0]
    line = next(tr for tr in index.split("<tr") if finding["id"] in tr)
    assert f'href="#link-{row}">{row}</a>' in line and ids_text(finding) in line


def test_docx_findings_table_and_comment_match(outputs: dict[str, Any]) -> None:
    finding = outputs["finding"]
    handout = docx.Document(str(outputs["folder"] / "r.docx"))
    table = handout.tables[-1]
    [line] = [
        [cell.text for cell in row.cells]
        for row in table.rows[1:]
        if row.cells[4].text == finding["id"]
    ]
    assert line[:4] == [str(finding["row"]), ids_text(finding), "number", "error"]
    assert line[5].startswith("«4.385 trillion»")
    side_by_side = handout.tables[0].rows[finding["row"]]
    assert side_by_side.cells[0].text == str(finding["row"])
    [comment] = [c for c in handout.comments if finding["id"] in c.text]
    assert comment.text.startswith(
        f"[number · error · row {finding['row']} · {ids_text(finding)} · {finding['id']}]"
    )
