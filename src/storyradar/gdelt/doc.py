"""A client for the GDELT DOC 2.0 API: article lists and timelines, with its rate limit and window."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..ingest.fetch import USER_AGENT
from ..timeutil import now_utc
from .data import ARTLIST, DOC_WINDOW_DAYS, MAX_RECORDS, MODES, TIMELINE_MODES, country_code, language_code
from .query import GdeltError, gdelt_time, parse_gdelt_time

log = logging.getLogger("storyradar.gdelt")

DOC_API_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
FILES_URL = "http://data.gdeltproject.org/gdeltv2/"

_last_request: dict[str, float] = {}  # host -> monotonic time of the last request, shared by clients
_rate_lock = threading.Lock()


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass(slots=True)
class GdeltSettings:
    """Where GDELT lives and how politely to ask it (options that travel together).

    The defaults can be set in the environment: ``STORYRADAR_GDELT_DOC_URL``,
    ``STORYRADAR_GDELT_FILES_URL`` and ``STORYRADAR_GDELT_INTERVAL`` (seconds between DOC requests).
    """

    doc_url: str = field(default_factory=lambda: _env("STORYRADAR_GDELT_DOC_URL", DOC_API_URL))
    files_url: str = field(default_factory=lambda: _env("STORYRADAR_GDELT_FILES_URL", FILES_URL))
    # GDELT asks for at most one DOC request every 5 seconds
    min_interval_s: float = field(default_factory=lambda: float(_env("STORYRADAR_GDELT_INTERVAL", "5")))
    retries: int = 4
    backoff_s: float = 10.0  # first wait after a 429 / 5xx / network error; doubles each time
    max_backoff_s: float = 300.0
    timeout_s: float = 60.0


@dataclass(slots=True, frozen=True)
class GdeltArticle:
    """One entry of an artlist answer."""

    url: str
    title: str
    seen_at: datetime  # when GDELT first saw it (UTC), an upper bound on publication
    domain: str
    language: str  # ISO 639-1 ('' when GDELT's name is unknown)
    source_country: str  # ISO alpha-2 ('' when unknown)
    language_name: str = ""
    country_name: str = ""


@dataclass(slots=True, frozen=True)
class TimelinePoint:
    """One bin of a timeline series."""

    series: str
    at: datetime
    value: float
    norm: float | None = None  # timelinevolraw: all articles GDELT monitored in the bin


@dataclass
class GdeltClient:
    """GDELT DOC API and file fetches through one injectable ``httpx.Client``."""

    settings: GdeltSettings = field(default_factory=GdeltSettings)
    client: httpx.Client | None = None
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], datetime] = now_utc
    _own: bool = False

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(timeout=self.settings.timeout_s, follow_redirects=True,
                                       headers={"User-Agent": USER_AGENT})
            self._own = True

    def close(self) -> None:
        """Close the HTTP client if this object made it."""
        if self._own and self.client is not None:
            self.client.close()

    def __enter__(self) -> GdeltClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport ---------------------------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        with _rate_lock:
            last = _last_request.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else last + self.settings.min_interval_s - now
            _last_request[host] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def get(self, url: str, params: dict[str, Any] | None = None, *, rate_limited: bool = True) -> httpx.Response:
        """GET with the rate limit and back-off on 429, 5xx and network errors; GdeltError when it gives up."""
        wait = self.settings.backoff_s
        problem = ""
        for attempt in range(self.settings.retries + 1):
            if rate_limited:
                self._wait_turn(url)
            try:
                resp = self.client.get(url, params=params, headers={"User-Agent": USER_AGENT},
                                       timeout=self.settings.timeout_s)
            except httpx.HTTPError as exc:
                problem, resp = f"{type(exc).__name__}: {exc}", None
            if resp is not None:
                limited = resp.status_code == 429 or (
                    resp.status_code == 200 and resp.content[:200].lower().startswith(b"please limit requests"))
                if not limited and resp.status_code < 500:
                    return resp
                problem = "rate limited (HTTP 429)" if limited else f"HTTP {resp.status_code}"
                retry_after = resp.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    wait = max(wait, float(retry_after))
            if attempt < self.settings.retries:
                delay = min(wait, self.settings.max_backoff_s)
                log.warning("GDELT %s: %s; retrying in %.1f s", url, problem, delay)
                self.sleep(delay)
                wait *= 2
        raise GdeltError(f"GDELT request failed after {self.settings.retries + 1} attempt(s): {problem}",
                         path=url)

    # -- DOC API -----------------------------------------------------------------------------
    def doc(self, query: str, mode: str, *, start: datetime | None = None, end: datetime | None = None,
            timespan: str | None = None, maxrecords: int = MAX_RECORDS, sort: str | None = None,
            extra: dict[str, str] | None = None) -> dict[str, Any]:
        """One DOC API request (format=json); returns the parsed JSON.

        ``start``/``end`` must lie within the API's rolling three-month window; ``timespan``
        (e.g. '1d', '2w') may replace them. ``maxrecords`` is capped at 250 by GDELT.
        """
        if mode not in MODES:
            raise GdeltError(f"unknown DOC API mode {mode!r}", hint=f"one of {', '.join(MODES)}")
        if not 1 <= maxrecords <= MAX_RECORDS:
            raise GdeltError(f"maxrecords must be 1..{MAX_RECORDS}, not {maxrecords}")
        params: dict[str, Any] = {"query": query, "mode": mode, "format": "json"}
        if mode == ARTLIST:
            params["maxrecords"] = maxrecords
        if sort:
            params["sort"] = sort
        params.update(self._window(start, end, timespan))
        params.update(extra or {})
        resp = self.get(self.settings.doc_url, params)
        if resp.status_code >= 400:
            raise GdeltError(f"HTTP {resp.status_code}: {resp.text[:200]}", path=self.settings.doc_url,
                             locator=f"query={query!r}")
        return _json(resp, query)

    def _window(self, start: datetime | None, end: datetime | None, timespan: str | None) -> dict[str, str]:
        if timespan:
            return {"timespan": timespan}
        out = {}
        earliest = self.now() - timedelta(days=DOC_WINDOW_DAYS)
        if start is not None:
            if start < earliest:
                raise GdeltError(
                    f"start {start.isoformat()} is before the DOC API's three-month window "
                    f"(earliest {earliest.date().isoformat()})",
                    hint="use the GKG / Events 15-minute files (storyradar gdelt files) for older dates")
            out["startdatetime"] = gdelt_time(start)
        if end is not None:
            if start is not None and end <= start:
                raise GdeltError("end must be after start")
            out["enddatetime"] = gdelt_time(end)
        return out

    def artlist(self, query: str, *, start: datetime | None = None, end: datetime | None = None,
                timespan: str | None = None, maxrecords: int = MAX_RECORDS,
                sort: str = "DateAsc") -> list[GdeltArticle]:
        """The articles matching ``query`` (at most ``maxrecords``, oldest first by default)."""
        data = self.doc(query, ARTLIST, start=start, end=end, timespan=timespan, maxrecords=maxrecords, sort=sort)
        return [a for a in (_article(x) for x in data.get("articles") or []) if a is not None]

    def artlist_all(self, query: str, *, start: datetime, end: datetime, step: timedelta = timedelta(days=1),
                    maxrecords: int = MAX_RECORDS) -> Iterator[GdeltArticle]:
        """Walk [start, end) in ``step`` slices so more than 250 articles can be listed; de-duplicated by URL.

        A slice that returns the full 250 may have more: it is logged so the user can use a shorter step.
        """
        seen: set[str] = set()
        lo = start
        while lo < end:
            hi = min(lo + step, end)
            batch = self.artlist(query, start=lo, end=hi, maxrecords=maxrecords)
            if len(batch) >= maxrecords:
                log.warning("GDELT slice %s..%s returned the maximum %d articles; some may be missing "
                            "(use a shorter step)", lo.isoformat(), hi.isoformat(), maxrecords)
            for art in batch:
                if art.url not in seen:
                    seen.add(art.url)
                    yield art
            lo = hi

    def timeline(self, query: str, mode: str = "timelinevol", *, start: datetime | None = None,
                 end: datetime | None = None, timespan: str | None = None,
                 smooth: int | None = None) -> list[TimelinePoint]:
        """A timeline (volume, raw counts, per language or per source country) as flat points."""
        if mode not in TIMELINE_MODES:
            raise GdeltError(f"{mode!r} is not a timeline mode", hint=f"one of {', '.join(TIMELINE_MODES)}")
        extra = {"timelinesmooth": str(smooth)} if smooth else None
        data = self.doc(query, mode, start=start, end=end, timespan=timespan, extra=extra)
        return parse_timeline(data)


def _json(resp: httpx.Response, query: str) -> dict[str, Any]:
    text = resp.text.strip()
    if not text:
        return {}  # GDELT answers an empty body when nothing matches
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # GDELT explains bad queries in plain text with status 200 ("The specified phrase is too short.")
        raise GdeltError(f"GDELT did not return JSON: {text[:200]}", locator=f"query={query!r}") from exc
    if not isinstance(data, dict):
        raise GdeltError("GDELT returned JSON that is not an object", locator=f"query={query!r}")
    return data


def _article(item: dict[str, Any]) -> GdeltArticle | None:
    url = (item.get("url") or "").strip()
    seen = item.get("seendate") or ""
    if not url or not seen:
        return None
    try:
        seen_at = parse_gdelt_time(seen)
    except GdeltError:
        log.warning("GDELT article %s has an unreadable seendate %r; skipped", url, seen)
        return None
    lang_name = item.get("language") or ""
    country_name = item.get("sourcecountry") or ""
    return GdeltArticle(url=url, title=(item.get("title") or "").strip(), seen_at=seen_at,
                        domain=item.get("domain") or "", language=language_code(lang_name),
                        source_country=country_code(country_name), language_name=lang_name,
                        country_name=country_name)


def parse_timeline(data: dict[str, Any]) -> list[TimelinePoint]:
    """Flatten a DOC API timeline answer ({'timeline': [{'series', 'data': [{date, value, norm}]}]})."""
    points = []
    for series in data.get("timeline") or []:
        name = series.get("series") or ""
        for item in series.get("data") or []:
            norm = item.get("norm")
            points.append(TimelinePoint(series=name, at=parse_gdelt_time(item["date"]),
                                        value=float(item.get("value") or 0.0),
                                        norm=float(norm) if norm is not None else None))
    return points
