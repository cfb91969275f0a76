"""The web app's shared state (store, settings, jobs) and its Jinja2 rendering with autoescape."""

from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from ..store import Store
from ..timeutil import with_offset
from .security import csrf_token_for

#: Default limit on one request body (uploads included), in bytes.
DEFAULT_MAX_UPLOAD = 200 * 1024 * 1024


@dataclass(slots=True)
class WebSettings:
    """How the web app was started: store path, token, limits and where it keeps its files."""

    db_path: str
    token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    vault: str | None = None
    work_dir: Path = Path(".")
    allowed_hosts: frozenset[str] = frozenset()
    actor: str = ""
    allow_private_urls: bool = False


class WebState:
    """What every request handler reaches through ``request.app.state.web``.

    DuckDB refuses concurrent calls on one connection, and request handlers run on a thread pool
    next to the background job thread, so each thread gets its own connection to the same database
    (DuckDB shares one database instance per file within a process). A store handed in by the
    caller, or an in-memory one, is shared instead and used under its own lock.
    """

    def __init__(self, settings: WebSettings, jobs: Any, shared: Store | None = None) -> None:
        self.settings = settings
        self.jobs = jobs
        self.verify_results: dict[str, dict[str, Any]] = {}  # incident id -> last verify outcome
        self._shared = shared if shared is not None else (
            Store(settings.db_path) if settings.db_path == ":memory:" else None)
        self._owns_shared = shared is None
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        if self._shared is None:
            self.store.article_count()  # open (and migrate) once now, so a bad path fails at start

    @property
    def store(self) -> Store:
        """This thread's store connection."""
        if self._shared is not None:
            return self._shared
        current = getattr(self._local, "store", None)
        if current is None:
            current = Store(self.settings.db_path)
            self._local.store = current
            with self._lock:
                self._opened.append(current)
        return current

    def fetch_client(self, **kwargs: Any):
        """An httpx client for fetches made on a user's behalf: unless ``allow_private_urls`` is
        set, every request it sends (each redirect hop included) to an internal address is refused."""
        from ..netguard import guarded_client

        return guarded_client(allow_private=self.settings.allow_private_urls, **kwargs)

    def check_url(self, url: str) -> str:
        """``url`` if it is an http(s) URL this server may fetch (see :func:`netguard.check_public_url`)."""
        from ..netguard import check_public_url
        from .jobs import check_web_url

        return check_public_url(check_web_url(url), allow_private=self.settings.allow_private_urls)

    @property
    def secret(self) -> bytes:
        """The key that signs CSRF tokens and the login cookie (fresh for every server start)."""
        return self.settings.secret

    def close(self) -> None:
        """Close every connection this app opened."""
        with self._lock:
            for s in self._opened:
                s.close()
            self._opened.clear()
        if self._shared is not None and self._owns_shared:
            self._shared.close()


def work_dir_for(db_path: str) -> Path:
    """The folder where the web app keeps uploads and generated reports: ``<store file>.web``."""
    if db_path == ":memory:":
        import tempfile

        return Path(tempfile.mkdtemp(prefix="storyradar-web-"))
    return Path(os.path.abspath(db_path + ".web"))


def state(request: Request) -> WebState:
    """The app state of the request (a FastAPI dependency)."""
    return request.app.state.web


class ThreadStore:
    """Stands in for the store and forwards each use to the calling thread's own connection.

    FastAPI may solve a dependency on one worker thread and run the endpoint on another; this
    proxy makes the endpoint's calls land on the endpoint thread's connection either way.
    """

    __slots__ = ("_web",)

    def __init__(self, web: WebState) -> None:
        self._web = web

    def __getattr__(self, name: str) -> Any:
        return getattr(self._web.store, name)


def store(request: Request) -> Store:
    """The store behind the app (a FastAPI dependency; see :class:`ThreadStore`)."""
    return ThreadStore(request.app.state.web)  # type: ignore[return-value]


def _fmt_time(value: datetime | None, offset: int | None = None) -> str:
    if value is None:
        return "—"
    text = with_offset(value, offset)
    return text[:16].replace("T", " ") + (text[19:] if len(text) > 19 else "")


def _env() -> Environment:
    env = Environment(loader=PackageLoader("storyradar.web", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True))
    env.filters["when"] = _fmt_time
    env.filters["filesize"] = _filesize
    env.filters["safe_url"] = safe_url
    env.filters["brief"] = brief
    return env


def brief(details: Any, width: int = 70) -> str:
    """A custody entry's details in one short line: scalars shown (cut), nested values elided."""
    if not isinstance(details, dict):
        return str(details)[:width]
    parts = []
    for key, value in details.items():
        if isinstance(value, (dict, list)):
            parts.append(f"{key}: {{…}}" if isinstance(value, dict) else f"{key}: [{len(value)}]")
        elif value not in (None, ""):
            text = str(value)
            parts.append(f"{key}: {text[:width] + '…' if len(text) > width else text}")
    return "; ".join(parts)


def safe_url(value: str | None) -> str:
    """A link target from untrusted data: http(s) URLs only (no javascript:, data: ...), else '#'."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def _filesize(n: int | None) -> str:
    if n is None:
        return "—"
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


TEMPLATES = _env()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a template (autoescaped) with the CSRF token and navigation context."""
    context.setdefault("flash", request.query_params.get("flash", ""))
    html = TEMPLATES.get_template(template).render(
        request=request, csrf_token=csrf_token_for(request),
        token_mode=request.app.state.web.settings.token is not None, **context)
    return HTMLResponse(html, status_code=status_code)
