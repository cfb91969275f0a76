"""Canned HTTP responses and the loopback server record used by the `loopback` fixture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class CannedResponse:
    """What the loopback server answers for one path."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0


@dataclass
class LoopbackServer:
    """A real HTTP server on 127.0.0.1 with canned responses and a log of requests."""

    routes: dict[str, CannedResponse | Callable[[str, dict], CannedResponse]]
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    base_url: str = ""

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return self.base_url + (path if path.startswith("/") else "/" + path)
