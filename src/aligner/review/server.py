"""The review page's server: local, private to one run, and serving nothing but the review.

The server is the standard library's threading HTTP server, bound to 127.0.0.1 on a port
the system picks. A page on this machine that is not the review (another site open in the
browser, a process of another user) could still reach that port, so every request must
carry a random token made for this run, in the address (``?token=``) or in the
``X-Review-Token`` header the page's script sends: without it the answer is 403, before
anything else is looked at. A ``Host`` other than this address is refused too, so a name
that an attacker's DNS points at 127.0.0.1 gets nowhere. Only the routes below exist: the
page, its three assets (shipped in the package) and the review's API; anything else is 404,
and no file is ever read from disk on a request. Responses forbid framing and caching,
and the Content-Security-Policy lets the page load only its own script and style sheet.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aligner.errors import InputError
from aligner.review.edits import EditRefused
from aligner.review.session import BadRequest, Session

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Review-Token"
MAX_BODY = 64 * 1024
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_ASSETS = {
    "/review.js": ("review.js", "text/javascript; charset=utf-8"),
    "/review.css": ("review.css", "text/css; charset=utf-8"),
    "/icon.svg": ("icon.svg", "image/svg+xml"),
}


def _asset(name: str) -> bytes:
    return resources.files("aligner.review").joinpath("assets", name).read_bytes()


class ReviewServer:
    """The server of one review; ``url`` (with the token) is what the reviewer opens."""

    def __init__(self, session: Session, port: int = 0) -> None:
        self.session = session
        self.token = secrets.token_urlsafe(32)
        self._assets = {path: (_asset(name), kind) for path, (name, kind) in _ASSETS.items()}
        page = _asset("review.html").decode("utf-8").replace("{{token}}", self.token)
        self._page = page.encode("utf-8")
        self._httpd = ThreadingHTTPServer((HOST, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.review = self  # type: ignore[attr-defined]
        self.port = int(self._httpd.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/?token={self.token}"

    def serve_forever(self) -> None:
        """Serve until Ctrl+C (which ends it quietly) or :meth:`shutdown`."""
        self.session.start()
        try:
            self._httpd.serve_forever(poll_interval=0.05)
        except KeyboardInterrupt:
            pass
        finally:
            self.session.close()
            self._httpd.server_close()

    def start(self) -> None:
        """Serve from a thread of its own (for a script, or a test driving a browser)."""
        self._thread = threading.Thread(target=self.serve_forever, name="review", daemon=True)
        self._thread.start()

    def shutdown(self) -> None:
        """Stop a server started with :meth:`start`."""
        self._httpd.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def close(self) -> None:
        """Release the port of a server that was never started."""
        self._httpd.server_close()

    @property
    def address(self) -> tuple[str, int]:
        """The address the socket is bound to."""
        host, port = self._httpd.server_address[:2]
        return str(host), int(port)

    # --- what the handler asks -------------------------------------------------------------

    def allowed_host(self, host: str | None) -> bool:
        return host in {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    def valid_token(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def page(self) -> bytes:
        return self._page

    def asset(self, path: str) -> tuple[bytes, str] | None:
        return self._assets.get(path)


Action = Callable[[Session, dict[str, Any]], dict[str, Any] | None]


def _edit(session: Session, body: dict[str, Any]) -> None:
    session.edit(body)


def _accept(session: Session, body: dict[str, Any]) -> None:
    finding_id, note = body.get("id"), body.get("note", "")
    if not isinstance(finding_id, str) or not isinstance(note, str):
        raise BadRequest("accept needs a finding id and a note")
    session.accept(finding_id, note[:2000])


def _reopen(session: Session, body: dict[str, Any]) -> None:
    finding_id = body.get("id")
    if not isinstance(finding_id, str):
        raise BadRequest("reopen needs a finding id")
    session.reopen(finding_id)


def _save(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    return {"saved_to": session.save()}


_ACTIONS: dict[str, Action] = {
    "/api/edit": _edit,
    "/api/accept": _accept,
    "/api/reopen": _reopen,
    "/api/undo": lambda session, body: session.undo(),
    "/api/redo": lambda session, body: session.redo(),
    "/api/save": _save,
}
_READS = {"/", "/api/state", "/api/documents", *_ASSETS}


class _Handler(BaseHTTPRequestHandler):
    server_version = "aligner-review"
    sys_version = ""

    @property
    def review(self) -> ReviewServer:
        server: ReviewServer = self.server.review  # type: ignore[attr-defined]
        return server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal belongs to the reviewer, not to a request log."""

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_OPTIONS(self) -> None:
        self._handle("OPTIONS")

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        token = self.headers.get(TOKEN_HEADER) or parse_qs(parts.query).get("token", [None])[0]
        if not self.review.allowed_host(self.headers.get("Host")) or not self.review.valid_token(
            token
        ):
            self._send_text(HTTPStatus.FORBIDDEN, "forbidden: this address needs its token")
            return
        path = parts.path
        if method == "GET" and path in _READS:
            self._get(path)
        elif method == "POST" and path in _ACTIONS:
            self._post(path)
        elif path in _READS or path in _ACTIONS:
            self._send_text(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")
        else:
            self._send_text(HTTPStatus.NOT_FOUND, "not found")

    def _get(self, path: str) -> None:
        if path == "/":
            self._send(HTTPStatus.OK, self.review.page(), "text/html; charset=utf-8")
        elif path == "/api/state":
            self._send_json(HTTPStatus.OK, self.review.session.state())
        elif path == "/api/documents":
            self._send_json(HTTPStatus.OK, self.review.session.documents())
        else:
            found = self.review.asset(path)
            assert found is not None
            self._send(HTTPStatus.OK, *found)

    def _post(self, path: str) -> None:
        try:
            body = self._body()
            extra = _ACTIONS[path](self.review.session, body) or {}
        except BadRequest as error:
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": str(error)})
            return
        except EditRefused as error:
            self._send_json(HTTPStatus.CONFLICT, {"error": str(error)})
            return
        except InputError as error:  # the review file could not be written
            self._send_json(HTTPStatus.CONFLICT, {"error": f"{error.path}: {error.problem}"})
            return
        self._send_json(HTTPStatus.OK, {**self.review.session.state(), **extra})

    def _body(self) -> dict[str, Any]:
        kind = self.headers.get("Content-Type", "")
        if kind.split(";")[0].strip().lower() != "application/json":
            raise BadRequest("send JSON")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise BadRequest("the request has no length") from None
        if not 0 <= length <= MAX_BODY:
            raise BadRequest("the request is too large")
        try:
            data = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            raise BadRequest("the request is not valid JSON") from None
        if not isinstance(data, dict):
            raise BadRequest("the request must be a JSON object")
        return data

    # --- responses --------------------------------------------------------------------------

    def _send_json(self, status: HTTPStatus, data: Any) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _send_text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, (text + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
