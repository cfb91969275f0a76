"""Shared fixtures: a store in a temp folder, and a loopback HTTP server that replays canned responses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyradar.store import Store


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    """A fresh on-disk store, closed after the test."""
    s = Store(tmp_path / "test.duckdb")
    yield s
    s.close()


from http_canned import CannedResponse, LoopbackServer  # noqa: E402


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """Serve ``server.routes`` (path -> CannedResponse or callable) on loopback, port chosen by the OS."""
    import time

    state = LoopbackServer(routes={})

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            state.requests.append((self.command, self.path, dict(self.headers), body))
            route = state.routes.get(self.path)
            if route is None:
                route = state.routes.get(self.path.split("?", 1)[0])
            if callable(route):
                route = route(self.path, dict(self.headers))
            if route is None:
                route = CannedResponse(b"not found", status=404, headers={"Content-Type": "text/plain"})
            if route.delay_s:
                time.sleep(route.delay_s)
            payload = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
            self.send_response(route.status)
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_HEAD = _answer

        def log_message(self, *args) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
