"""Source kind ``gdelt``: a GDELT DOC 2.0 query (``gdelt:QUERY``) as an article list, pages optionally fetched."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..gdelt.doc import GdeltArticle, GdeltClient, GdeltSettings
from ..gdelt.query import GdeltError
from ..model import Article, RawPage, Rejected
from ..timeutil import parse_duration, parse_time
from .fetch import Fetcher, settings_from_options
from .language import detect_language
from .outlets import outlet_of
from .registry import PageWithFields, Record, SourceOption, source
from .urls import FETCH_OPTIONS, fetch_page

PREFIX = "gdelt:"
log = logging.getLogger("storyradar.gdelt")

#: GDELT's seendate is when its crawler saw the page: like a WARC date, an upper bound on publication.
SEEN_DATE_SOURCE = "warc-header"


def _detect(locator: str) -> bool:
    return locator.strip().lower().startswith(PREFIX)


def query_of(locator: str) -> str:
    """The query text of a ``gdelt:QUERY`` locator."""
    text = locator.strip()
    return text[len(PREFIX):].strip() if text.lower().startswith(PREFIX) else text


def gdelt_settings(options: dict[str, Any]) -> GdeltSettings:
    """GdeltSettings from source options (``gdelt_url``, ``gdelt_files_url``, ``gdelt_interval``, ``retries``)."""
    s = GdeltSettings()
    if options.get("gdelt_url"):
        s.doc_url = str(options["gdelt_url"])
    if options.get("gdelt_files_url"):
        s.files_url = str(options["gdelt_files_url"])
    if options.get("gdelt_interval") is not None:
        s.min_interval_s = float(options["gdelt_interval"])
    if options.get("gdelt_backoff") is not None:
        s.backoff_s = float(options["gdelt_backoff"])
    return s


def _time(value: Any, what: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    return parse_time(str(value), what=what)[0]


def gdelt_article(art: GdeltArticle, *, locator: str, collection: str) -> Article:
    """An Article from an artlist entry alone (title, URL, seen date, language, source country)."""
    return Article(
        url=art.url, title=art.title, published_at=art.seen_at, date_source=SEEN_DATE_SOURCE,
        outlet=outlet_of(art.url) or art.domain, language=art.language or detect_language(art.title),
        country=art.source_country, source_kind="gdelt", locator=locator, collection_source=collection,
        extras={"gdelt_seendate": art.seen_at.isoformat(), "gdelt_language": art.language_name,
                "gdelt_sourcecountry": art.country_name,
                "date_note": "GDELT seendate: when GDELT first saw the page, an upper bound on publication"},
    )


@source(
    "gdelt", "GDELT DOC 2.0 API query (gdelt:QUERY): the articles it lists; their pages optionally fetched.",
    detect=_detect,
    options=(
        SourceOption("fetch_articles", False, "Fetch each listed article's page and extract its text."),
        SourceOption("start", None, "Start of the window (ISO 8601 with offset); within the last 3 months."),
        SourceOption("end", None, "End of the window (ISO 8601 with offset)."),
        SourceOption("timespan", None, "GDELT timespan instead of start/end, e.g. 1d, 2w (default: GDELT's 3 months)."),
        SourceOption("step", "1d", "With start/end: list the window in slices this long (250 articles per slice)."),
        SourceOption("maxrecords", 250, "Articles per DOC API request (at most 250)."),
        SourceOption("gdelt_url", None, "DOC API URL (default $STORYRADAR_GDELT_DOC_URL or GDELT's own)."),
        SourceOption("gdelt_interval", None, "Seconds between two DOC API requests (default 5, as GDELT asks)."),
        *FETCH_OPTIONS,
    ),
    priority=20,
)
def iter_gdelt(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield an Article per listed entry, or (fetch_articles) a page to extract with GDELT's fields kept."""
    query = query_of(locator)
    collection = options.get("collection_source") or f"{PREFIX}{query}"
    gc = GdeltClient(gdelt_settings(options), client=options.get("client"))
    fetcher = Fetcher(settings_from_options(options), client=options.get("client")) \
        if options.get("fetch_articles") else None
    try:
        try:
            start, end = _time(options.get("start"), "start"), _time(options.get("end"), "end")
            if start is not None and end is not None:
                listed = list(gc.artlist_all(query, start=start, end=end, step=parse_duration(str(options["step"])),
                                             maxrecords=int(options["maxrecords"])))
            else:
                listed = gc.artlist(query, start=start, end=end, timespan=options.get("timespan"),
                                    maxrecords=int(options["maxrecords"]), sort="DateDesc")
        except GdeltError as exc:
            yield Rejected(collection, exc.locator, exc.reason + (f" ({exc.hint})" if exc.hint else ""))
            return
        for art in listed:
            where = f"{collection}#url={art.url}"
            meta = gdelt_article(art, locator=where, collection=collection)
            if fetcher is None:
                yield meta
                continue
            got = fetch_page(fetcher, art.url, locator=where, collection=collection, source_kind="gdelt",
                             crawl_date=art.seen_at, hint_title=art.title)
            if isinstance(got, RawPage):
                yield PageWithFields(got, {"country": art.source_country, "extras": dict(meta.extras)})
            else:  # the page could not be fetched: keep what GDELT knows, saying so
                log.warning("GDELT article %s not fetched: %s", art.url, got.reason)
                meta.extras["fetch_error"] = got.reason
                yield meta
    finally:
        gc.close()
        if fetcher is not None:
            fetcher.close()
