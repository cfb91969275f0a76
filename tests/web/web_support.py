"""Shared pieces of the web tests (imported by tests/web/conftest.py and the test modules)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x asks for the "httpx2" package; its TestClient still works with httpx.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

__all__ = ["BASE", "CHROMIUM", "CHROMIUM_ARGS", "INCIDENT", "PAYLOADS", "T0", "Canned", "TestClient"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
INCIDENT = "zorianivka-market"
T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)  # 11:05 at +02:00
BASE = "http://127.0.0.1"

#: Hostile strings planted in article titles, text and outlet names: none may ever execute.
PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned=2\">",
    "\"><svg onload=window.__pwned=3>",
    "</script><script>alert('x')</script>",
    "{{ 7*7 }} <b onmouseover=alert(1)>bold</b>",
]


@dataclass
class Canned:
    """A canned answer for the shared ``loopback`` server (same fields as its CannedResponse)."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0
