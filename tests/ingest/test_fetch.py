"""Fetching against a real loopback server: robots.txt, retries with back-off, rate limit, User-Agent."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx
import pytest
from ingest_samples import Canned as CannedResponse
from ingest_samples import make_page, rss

from storyradar.errors import IngestError
from storyradar.ingest import get_source, run_ingest
from storyradar.ingest.fetch import USER_AGENT, Fetcher, FetchSettings
from storyradar.model import RawPage, Rejected

FAST = FetchSettings(backoff_s=0.01, per_host_interval_s=0.0, timeout_s=5.0)


def paths(server) -> list[str]:
    return [r[1] for r in server.requests]


def test_robots_disallow_is_honoured_and_user_agent_sent(loopback):
    loopback.routes["/robots.txt"] = CannedResponse("User-agent: storyradar\nDisallow: /private/\n",
                                                    headers={"Content-Type": "text/plain"})
    loopback.routes["/private/a"] = CannedResponse(make_page())
    loopback.routes["/public/b"] = CannedResponse(make_page())
    with Fetcher(FAST) as fetcher:
        with pytest.raises(IngestError, match="disallowed by robots.txt"):
            fetcher.fetch(loopback.url("/private/a"))
        got = fetcher.fetch(loopback.url("/public/b"))
    assert got.status == 200 and b"Testograd" in got.content
    assert "/private/a" not in paths(loopback)
    assert paths(loopback).count("/robots.txt") == 1  # cached per host
    assert all(r[2].get("User-Agent") == USER_AGENT for r in loopback.requests)
    assert USER_AGENT.startswith("storyradar/") and "+https://github.com/storyradar/storyradar" in USER_AGENT


def test_503_then_200_is_retried_with_backoff(loopback):
    answers = iter([CannedResponse("busy", status=503), CannedResponse("busy", status=503),
                    CannedResponse(make_page())])
    loopback.routes["/flaky"] = lambda path, headers: next(answers)
    waits: list[float] = []
    fetcher = Fetcher(FetchSettings(backoff_s=0.5, per_host_interval_s=0.0), sleep=waits.append)
    with fetcher:
        got = fetcher.fetch(loopback.url("/flaky"))
    assert got.status == 200
    assert paths(loopback).count("/flaky") == 3
    assert waits == [0.5, 1.0]  # exponential back-off


def test_retries_give_up_with_the_status(loopback):
    loopback.routes["/down"] = CannedResponse("no", status=503)
    fetcher = Fetcher(FetchSettings(backoff_s=0.0, retries=2, per_host_interval_s=0.0))
    with fetcher, pytest.raises(IngestError, match=r"after 3 attempt\(s\): HTTP 503"):
        fetcher.fetch(loopback.url("/down"))
    assert paths(loopback).count("/down") == 3


def test_retry_after_header_is_respected(loopback):
    answers = iter([CannedResponse("slow down", status=429, headers={"Retry-After": "2"}),
                    CannedResponse(make_page())])
    loopback.routes["/limited"] = lambda path, headers: next(answers)
    waits: list[float] = []
    with Fetcher(FetchSettings(per_host_interval_s=0.0), sleep=waits.append) as fetcher:
        fetcher.fetch(loopback.url("/limited"))
    assert waits == [2.0]


def test_per_host_rate_limit_spaces_requests(loopback):
    arrivals: list[float] = []

    def page(path, headers):
        arrivals.append(time.monotonic())
        return CannedResponse(make_page())

    for n in range(3):
        loopback.routes[f"/p{n}"] = page
    loopback.routes["/robots.txt"] = CannedResponse("", status=404)
    with Fetcher(FetchSettings(per_host_interval_s=0.2)) as fetcher:
        for n in range(3):
            fetcher.fetch(loopback.url(f"/p{n}"))
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    assert len(gaps) == 2 and all(gap >= 0.15 for gap in gaps), gaps  # unlimited: ~1 ms


def test_connection_errors_are_retried_then_reported():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ConnectError("refused", request=request)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(IngestError, match="ConnectError"):
        Fetcher(FetchSettings(backoff_s=0.0, retries=1, per_host_interval_s=0.0), client=client).fetch(
            "https://unreachable.example.test/a")
    assert calls.count("/a") == 2


def test_url_list_source_yields_pages_and_rejections(loopback, tmp_path):
    loopback.routes["/a"] = CannedResponse(make_page())
    loopback.routes["/img"] = CannedResponse(b"\x89PNG", headers={"Content-Type": "image/png"})
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# invented list\n{loopback.url('/a')}\n\nnot-a-url\n{loopback.url('/gone')}\n"
                        f"{loopback.url('/img')}\n", encoding="utf-8")
    src = get_source("urls")
    got = list(src.iter_records(str(url_file), src.option_values({"rate": 0, "backoff": 0})))
    page = got[0]
    assert isinstance(page, RawPage) and page.locator == f"{url_file}:2" and page.fetched_at is not None
    assert page.collection_source == str(url_file)
    rejected = [r for r in got if isinstance(r, Rejected)]
    assert [(r.locator, r.reason) for r in rejected] == [
        ("line 4", "not an http(s) URL: 'not-a-url'"), (f"{url_file}:5", "HTTP 404")]
    assert got[-1].reason == "non-HTML response (image/png)"


def test_feed_url_with_fetched_articles_keeps_feed_dates(loopback, store):
    loopback.routes["/feed.xml"] = CannedResponse(rss([
        {"title": "Invented", "link": loopback.url("/story"), "pubDate": "Wed, 06 Sep 2023 17:42:00 +0300"}]),
        headers={"Content-Type": "application/rss+xml"})
    loopback.routes["/story"] = CannedResponse(make_page(published=None, canonical=None))
    with httpx.Client() as client:
        summary = run_ingest(store, [loopback.url("/feed.xml")], options={"fetch_articles": True, "rate": 0},
                             client=client, workers=1, progress=False)
    assert (summary.read, summary.stored, summary.rejected) == (1, 1, [])
    (row,) = store.query("SELECT * FROM articles")
    assert row["date_source"] == "feed" and row["published_offset_min"] == 180
    assert row["published_at"] == datetime(2023, 9, 6, 14, 42)  # stored naive UTC
    assert row["source_kind"] == "feed" and row["collection_source"] == loopback.url("/feed.xml")
    assert row["fetched_at"] is not None
    assert datetime.now(UTC).year >= 2024
