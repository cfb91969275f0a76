"""Source kind ``urls``: web pages fetched politely, from a list file (one URL a line) or given directly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import RawPage, Rejected
from .fetch import Fetcher, settings_from_options
from .registry import Record, Skipped, SourceOption, source

HTML_TYPES = ("text/html", "application/xhtml+xml", "")

#: Options shared by every source that fetches.
FETCH_OPTIONS = (
    SourceOption("rate", 1.0, "Seconds between two requests to the same host."),
    SourceOption("retries", 3, "Retries on 429, 5xx and connection errors (exponential back-off)."),
    SourceOption("backoff", 1.0, "First back-off wait in seconds (doubles each retry)."),
    SourceOption("timeout", 20.0, "Request timeout in seconds."),
    SourceOption("robots", True, "Respect robots.txt."),
    SourceOption("max_mb", 20, "Refuse responses larger than this many megabytes."),
)


def is_url(locator: str) -> bool:
    """True for an http(s) URL."""
    return locator.strip().lower().startswith(("http://", "https://"))


def _detect(locator: str) -> bool:
    if is_url(locator):
        return True
    path = Path(locator)
    if not (path.is_file() and path.suffix.lower() in (".txt", ".urls", ".lst")):
        return False
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", "replace")
    lines = [ln.strip() for ln in head.splitlines() if ln.strip() and not ln.startswith("#")]
    return bool(lines) and is_url(lines[0])


def url_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, URL) for each non-blank, non-comment line of a URL list file."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            line = raw.decode("utf-8", "replace").strip()
            if line and not line.startswith("#"):
                yield n, line


def fetch_page(fetcher: Fetcher, url: str, *, locator: str, collection: str,
               **hints: Any) -> RawPage | Rejected | Skipped:
    """Fetch one URL into a RawPage (a Rejected naming the URL when it fails)."""
    try:
        got = fetcher.fetch(url)
    except IngestError as exc:
        return Rejected(url, locator, exc.reason)
    if got.content_type not in HTML_TYPES:
        return Skipped(url, locator, f"non-HTML response ({got.content_type})")
    return RawPage(url=got.url, html=got.content, source_kind=hints.pop("source_kind", "url"),
                   locator=locator, collection_source=collection, fetched_at=got.fetched_at, **hints)


@source(
    "urls", "Web pages fetched from URLs given directly or listed one per line in a text file.",
    detect=_detect, options=FETCH_OPTIONS, priority=-5,
)
def iter_urls(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield a RawPage per URL (fetched with robots.txt, rate limit and retries), or a Rejected."""
    fetcher = Fetcher(settings_from_options(options), client=options.get("client"))
    try:
        if is_url(locator):
            yield fetch_page(fetcher, locator.strip(), locator=locator.strip(),
                             collection=options.get("collection_source") or "urls")
            return
        path = Path(locator)
        if not path.is_file():
            raise IngestError("no such file", path=locator)
        collection = options.get("collection_source") or locator
        for n, url in url_lines(path):
            if not is_url(url):
                yield Rejected(locator, f"line {n}", f"not an http(s) URL: {url[:80]!r}")
                continue
            yield fetch_page(fetcher, url, locator=f"{locator}:{n}", collection=collection)
    finally:
        fetcher.close()
