"""The review server over HTTP: private to its run, serving the review and nothing else."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aligner.formats.links import parse_links
from aligner.pipeline import AlignOptions
from aligner.review import ReviewOptions, ReviewServer, prepare_review
from aligner.review.server import CONTENT_SECURITY_POLICY

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = SAMPLES / "gacc-2025-01-13.zh.txt"
EN = SAMPLES / "gacc-2025-01-13.en.txt"
ASSETS = Path(__file__).resolve().parents[1] / "src" / "aligner" / "review" / "assets"


def serve(folder: Path) -> Iterator[ReviewServer]:
    options = ReviewOptions(
        str(ZH), str(EN), AlignOptions(scorer="lexical"), save=str(folder / "r.review.json")
    )
    running = ReviewServer(prepare_review(options))
    running.start()
    yield running
    running.shutdown()


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[ReviewServer]:
    """A review of its own, for tests that change it."""
    yield from serve(tmp_path)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewServer]:
    """One review for the tests that only look (and must leave it as it was)."""
    yield from serve(tmp_path_factory.mktemp("review"))


def call(
    server: ReviewServer,
    path: str,
    *,
    token: str | None = "",
    method: str = "GET",
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One request; ``token`` "" sends the right token in the header, None sends none."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}{path}", data=data, method=method
    )
    if token is not None:
        request.add_header("X-Review-Token", token or server.token)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


PATHS = ["/", "/api/state", "/api/documents", "/review.js", "/review.css", "/icon.svg"]


@pytest.mark.parametrize("path", [*PATHS, "/nowhere", "/../pyproject.toml"])
def test_every_request_without_the_token_is_refused(shared: ReviewServer, path: str) -> None:
    assert call(shared, path, token=None)[0] == 403
    assert call(shared, path, token="not-the-token")[0] == 403
    assert call(shared, path + "?token=" + shared.token[:-1] + "x", token=None)[0] == 403


def test_the_token_opens_the_page_in_the_address_or_the_header(shared: ReviewServer) -> None:
    for path in PATHS:
        assert call(shared, path)[0] == 200
        assert call(shared, f"{path}?token={shared.token}", token=None)[0] == 200


def test_actions_without_the_token_change_nothing(server: ReviewServer) -> None:
    before = call(server, "/api/state")[2]
    status, _, _ = call(
        server, "/api/edit", token=None, method="POST", body={"op": "merge", "row": 5}
    )
    assert status == 403
    assert call(server, "/api/save", token=None, method="POST", body={})[0] == 403
    assert call(server, "/api/state")[2] == before
    assert not Path(server.session.save_path).exists()


def test_another_host_name_is_refused(shared: ReviewServer) -> None:
    assert call(shared, "/", headers={"Host": f"evil.example:{shared.port}"})[0] == 403
    assert call(shared, "/", headers={"Host": f"localhost:{shared.port}"})[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/pyproject.toml",
        "/review.html",
        "/assets/review.js",
        "/src/aligner/review/assets/review.js",
        "/%2e%2e/%2e%2e/pyproject.toml",
        "/etc/passwd",
        "/favicon.ico",
        "/api/",
        "/api/states",
        "/review.js/",
        "/REVIEW.JS",
    ],
)
def test_nothing_but_the_review_is_served(shared: ReviewServer, path: str) -> None:
    status, _, body = call(shared, path)
    assert status == 404
    assert body == b"not found\n"


def test_wrong_methods_are_refused(shared: ReviewServer) -> None:
    assert call(shared, "/api/save")[0] == 405
    assert call(shared, "/", method="POST", body={})[0] == 405
    assert call(shared, "/api/state", method="PUT", body={})[0] == 405
    assert call(shared, "/api/state", method="DELETE")[0] == 405


def test_responses_carry_a_strict_content_security_policy(shared: ReviewServer) -> None:
    for path in PATHS:
        _, headers, _ = call(shared, path)
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Frame-Options"] == "DENY"
        assert "Python" not in headers.get("Server", "")
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "http" not in CONTENT_SECURITY_POLICY


def test_the_page_loads_nothing_from_elsewhere(shared: ReviewServer) -> None:
    page = call(shared, "/")[2].decode()
    assert shared.token in page
    references = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert references and all(
        ref.startswith("/") and not ref.startswith("//") for ref in references
    )
    assert "<style" not in page and " style=" not in page
    assert re.search(r"<script>", page) is None  # only the packaged script, no inline code
    for asset in ASSETS.iterdir():
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), asset.name
        assert "@import" not in text and "url(" not in text


def test_the_server_listens_on_the_loopback_only(shared: ReviewServer) -> None:
    assert shared.url.startswith(f"http://127.0.0.1:{shared.port}/?token=")
    assert shared.address == ("127.0.0.1", shared.port)
    assert len(shared.token) >= 40


def test_each_run_has_its_own_token(shared: ReviewServer) -> None:
    other = ReviewServer(shared.session)
    try:
        assert other.token != shared.token
        assert other.port != shared.port
    finally:
        other.close()


def test_edits_answer_with_the_new_state_or_say_why_not(server: ReviewServer) -> None:
    status, _, body = call(server, "/api/edit", method="POST", body={"op": "merge", "row": 5})
    assert status == 200
    state = json.loads(body)
    assert state["changed"] == [5, 1] and state["dirty"] and state["can_undo"]
    status, _, body = call(
        server,
        "/api/edit",
        method="POST",
        body={"op": "move", "side": "en", "sentence": 0, "step": -1},
    )
    assert (status, json.loads(body)) == (409, {"error": "row 1 has no row above it"})
    assert call(server, "/api/edit", method="POST", body={"op": "explode"})[0] == 400
    assert call(server, "/api/edit", method="POST", body={"op": "merge", "row": "5"})[0] == 400
    assert call(server, "/api/edit", method="POST", body=[1, 2])[0] == 400
    status, _, _ = call(
        server,
        "/api/edit",
        method="POST",
        body={"op": "merge"},
        headers={"Content-Type": "text/plain"},
    )
    assert status == 400


def test_save_writes_a_review_file_that_qa_takes_back(server: ReviewServer, tmp_path: Path) -> None:
    call(server, "/api/edit", method="POST", body={"op": "detach", "side": "en", "sentence": 8})
    status, _, body = call(server, "/api/save", method="POST", body={})
    assert status == 200
    saved = Path(json.loads(body)["saved_to"])
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "aligner-review"
    assert [name for name in os.listdir(saved.parent) if name.endswith(".tmp")] == []
    links = parse_links("\n".join(data["links"]))
    assert ((), (8,)) in links

    out = tmp_path / "out.json"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "aligner"), "align", str(ZH), str(EN),
         "--alignment", str(saved), "-o", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [(tuple(x["zh"]), tuple(x["en"])) for x in written["links"]] == links


def test_the_command_prints_the_address_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    save = tmp_path / "speech.review.json"
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "aligner"), "review", str(ZH), str(EN),
         "--no-browser", "--scorer", "lexical", "--save", str(save)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.fullmatch(r"Review page: (http://127\.0\.0\.1:(\d+)/\?token=([\w-]+))\n", line)
        assert match, line
        with urllib.request.urlopen(match.group(1), timeout=30) as response:
            assert response.status == 200
        request = urllib.request.Request(
            f"http://127.0.0.1:{match.group(2)}/api/save",
            data=b"{}",
            method="POST",
            headers={"X-Review-Token": match.group(3), "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.loads(response.read())["saved_to"] == str(save)
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert f"Save writes {save}; press Ctrl+C to stop." in stderr
    assert json.loads(save.read_text(encoding="utf-8"))["format"] == "aligner-review"


def test_the_command_refuses_bad_inputs_before_serving(tmp_path: Path) -> None:
    broken = tmp_path / "broken.links"
    broken.write_text("[0]:[0]\n[0]:[1]\n", encoding="utf-8")
    done = subprocess.run(
        [str(Path(sys.executable).parent / "aligner"), "review", str(ZH), str(EN),
         "--no-browser", "--alignment", str(broken), "--save", str(tmp_path / "r.json")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"aligner: error: {broken}: line 2: Chinese sentence 0 appears twice (also line 1)\n"
    )
