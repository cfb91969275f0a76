"""Source kind ``feed``: RSS/Atom feeds from a file or URL; entries as articles, or their pages fetched."""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from ..errors import TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time, to_utc, zone
from .fetch import Fetcher, settings_from_options
from .files import max_bytes_of, read_capped
from .language import detect_language, normalise_language
from .outlets import outlet_of
from .registry import Record, SourceOption, source
from .urls import FETCH_OPTIONS, fetch_page, is_url

SUFFIXES = (".rss", ".atom", ".xml", ".rdf", ".rss.gz", ".atom.gz", ".xml.gz")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_FEED_URL = re.compile(r"(/feed/?|/rss/?|\.rss|\.atom|\.xml|/atom/?)(\?|$)|[?&](feed|format)=(rss|atom)", re.I)


def _detect(locator: str) -> bool:
    if is_url(locator):
        return bool(_FEED_URL.search(locator.strip()))
    path = Path(locator)
    if not path.is_file():
        return False
    if path.name.lower().endswith(SUFFIXES):
        return True
    with path.open("rb") as fh:
        head = fh.read(2048)
    return bool(_FEED_ROOT.search(head))


def entry_time(raw: str, assume: Any = None) -> tuple[datetime, int | None]:
    """An entry's date (RFC 822 or ISO 8601) as (UTC, original offset); TimeError when it has no zone."""
    text = raw.strip()
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return parse_time(text, assume=assume, what="feed entry date")
    utc, offset = to_utc(value, assume=assume, what="feed entry date")
    return utc, offset


def _plain(html_text: str) -> str:
    if not html_text or "<" not in html_text:
        return (html_text or "").strip()
    try:
        return " ".join(lxml_html.fromstring(html_text).text_content().split())
    except (ValueError, lxml_html.etree.ParserError):
        return html_text.strip()


def _xml_error(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return ""
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f"line {line}: " if line else ""
    return f"{where}{getattr(exc, 'getMessage', lambda: str(exc))()}"


@source(
    "feed", "RSS / Atom feeds from a file or URL; entries become articles, or their pages are fetched.",
    detect=_detect,
    options=(
        SourceOption("fetch_articles", False, "Fetch each entry's linked page and extract it."),
        SourceOption("timezone", None, "Zone for entry dates that state none (else such dates are dropped)."),
        *FETCH_OPTIONS,
    ),
    priority=5,
)
def iter_feed(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield one Article per entry (date_source 'feed'), or one RawPage per fetched entry page."""
    import feedparser

    fetcher: Fetcher | None = None
    if is_url(locator) or options.get("fetch_articles"):
        fetcher = Fetcher(settings_from_options(options), client=options.get("client"))
    try:
        if is_url(locator):
            got = fetcher.fetch(locator.strip())
            data = got.content
        else:
            data = read_capped(Path(locator), max_bytes_of(options))
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        problem = _xml_error(parsed) if parsed.get("bozo") else ""
        if problem and not entries:
            yield Rejected(locator, problem.split(":", 1)[0] if problem.startswith("line") else "",
                           f"not a readable feed: {problem}")
            return
        if problem:
            yield Rejected(locator, problem.split(":", 1)[0] if problem.startswith("line") else "",
                           f"malformed feed XML ({problem}); {len(entries)} entries recovered and kept")
        feed_lang = normalise_language(parsed.get("feed", {}).get("language"))
        assume = zone(options.get("timezone")) if options.get("timezone") else None
        collection = options.get("collection_source") or locator
        for n, entry in enumerate(entries, start=1):
            yield from _entry_records(entry, n, locator, collection, feed_lang, assume, fetcher, options)
    finally:
        if fetcher is not None:
            fetcher.close()


def _entry_records(entry: Any, n: int, locator: str, collection: str, feed_lang: str, assume: Any,
                   fetcher: Fetcher | None, options: dict[str, Any]) -> Iterator[Record]:
    link = (entry.get("link") or "").strip()
    key = entry.get("id") or link or f"entry-{n}"
    where = f"{locator}#entry={key}"
    if not link:
        yield Rejected(locator, f"entry {n}", "entry has no link")
        return
    raw_date = entry.get("published") or entry.get("updated") or ""
    published = offset = None
    date_note = ""
    if raw_date:
        try:
            published, offset = entry_time(raw_date, assume)
        except TimeError as exc:
            date_note = exc.reason
    title = _plain(entry.get("title") or "")
    if options.get("fetch_articles") and fetcher is not None:
        yield fetch_page(fetcher, link, locator=where, collection=collection, source_kind="feed",
                         hint_published_at=published, hint_offset_min=offset,
                         hint_date_source="feed" if published else "", hint_title=title)
        return
    content = entry.get("content") or []
    body = _plain(content[0].get("value", "") if content else entry.get("summary") or "")
    extras: dict[str, Any] = {"feed_entry_id": key}
    if raw_date:
        extras["published_raw"] = raw_date
    if date_note:
        extras["date_note"] = date_note
    language = normalise_language(entry.get("language")) or feed_lang or detect_language(f"{title}\n{body}")
    yield Article(
        url=link, title=title, text=body, published_at=published, published_offset_min=offset,
        date_source="feed" if published else "unknown", outlet=outlet_of(link), language=language,
        author=(entry.get("author") or "").strip(), source_kind="feed", locator=where,
        collection_source=collection, extras=extras,
    )
