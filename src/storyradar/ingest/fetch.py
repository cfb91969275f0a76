"""Polite HTTP fetching: timeouts, retries with back-off, a real User-Agent, robots.txt, per-host rate limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import IngestError
from ..timeutil import now_utc

USER_AGENT = f"storyradar/{__version__} (+https://github.com/storyradar/storyradar)"
ROBOTS_TOKEN = "storyradar"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(slots=True)
class FetchSettings:
    """How politely to fetch: options that travel together."""

    timeout_s: float = 20.0
    retries: int = 3
    backoff_s: float = 1.0  # first wait; doubles on each retry
    max_backoff_s: float = 60.0
    per_host_interval_s: float = 1.0  # at least this long between two requests to one host
    respect_robots: bool = True
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT


@dataclass(slots=True, frozen=True)
class Fetched:
    """One fetched resource."""

    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    fetched_at: datetime


@dataclass
class Fetcher:
    """Fetch URLs politely with one httpx client; pass ``client`` to inject a test transport."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    client: httpx.Client | None = None
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _own_client: bool = False

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(follow_redirects=True, timeout=self.settings.timeout_s,
                                       headers={"User-Agent": self.settings.user_agent})
            self._own_client = True

    def close(self) -> None:
        """Close the client if this fetcher created it."""
        if self._own_client and self.client is not None:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness ------------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else last + self.settings.per_host_interval_s - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def allowed(self, url: str) -> bool:
        """True when the host's robots.txt lets storyradar fetch ``url`` (fetched once per host)."""
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return True if parser is None else parser.can_fetch(ROBOTS_TOKEN, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            resp = self._request(origin + "/robots.txt", retry=False)
        except IngestError:
            return None  # unreachable robots.txt: nothing forbids (RFC 9309 says 'unavailable')
        if resp.status_code >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])  # RFC 9309: server error -> assume all disallowed
            return parser
        if resp.status_code >= 400:
            return None
        parser.parse(resp.text.splitlines())
        return parser

    # -- requests --------------------------------------------------------------------------
    def _request(self, url: str, *, retry: bool = True) -> httpx.Response:
        host = urlsplit(url).netloc.lower()
        attempts = self.settings.retries + 1 if retry else 1
        wait = self.settings.backoff_s
        last_error = ""
        for attempt in range(attempts):
            self._wait_turn(host)
            try:
                resp = self.client.get(url, headers={"User-Agent": self.settings.user_agent},
                                       timeout=self.settings.timeout_s, follow_redirects=True)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                last_error = f"{type(exc).__name__}: {exc}"
                resp = None
            if resp is not None and (resp.status_code not in RETRY_STATUSES or not retry):
                return resp
            if resp is not None:
                last_error = f"HTTP {resp.status_code}"
                delay = _retry_after(resp) or wait
            else:
                delay = wait
            if attempt < attempts - 1:
                self.sleep(min(delay, self.settings.max_backoff_s))
                wait *= 2
        raise IngestError(f"fetch failed after {attempts} attempt(s): {last_error}", path=url)

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` within robots.txt, the rate limit and the retry policy; IngestError on failure."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise IngestError("not an http(s) URL", path=url)
        if not self.allowed(url):
            raise IngestError("disallowed by robots.txt", path=url)
        resp = self._request(url)
        if resp.status_code >= 400:
            raise IngestError(f"HTTP {resp.status_code}", path=url)
        content = resp.content
        if len(content) > self.settings.max_bytes:
            raise IngestError(f"response is {len(content) / 1e6:.1f} MB, over the "
                              f"{self.settings.max_bytes / 1e6:.0f} MB cap", path=url)
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return Fetched(url=str(resp.url), status=resp.status_code, content=content,
                       content_type=ctype, fetched_at=now_utc())


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    return None


def settings_from_options(options: dict) -> FetchSettings:
    """FetchSettings from a source's option values (``rate``, ``retries``, ``timeout``, ``max_mb``...)."""
    settings = FetchSettings()
    if options.get("timeout") is not None:
        settings.timeout_s = float(options["timeout"])
    if options.get("retries") is not None:
        settings.retries = int(options["retries"])
    if options.get("backoff") is not None:
        settings.backoff_s = float(options["backoff"])
    if options.get("rate") is not None:
        settings.per_host_interval_s = float(options["rate"])
    if options.get("robots") is not None:
        settings.respect_robots = bool(options["robots"])
    if options.get("max_mb"):
        settings.max_bytes = int(float(options["max_mb"]) * 1024 * 1024)
    return settings
