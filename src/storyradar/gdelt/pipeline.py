"""From a GDELT query to the store: list (and fetch) an incident's articles, keep GDELT's timeline, match."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from ..model import Article, Incident, IngestSummary
from ..store import Store
from ..timeutil import now_utc
from .data import DOC_WINDOW_DAYS
from .doc import GdeltClient, GdeltSettings
from .files import EventRecord, GdeltFilter, GkgRecord, ScanReport, master_files, scan, slot_urls
from .query import GdeltError, incident_query
from .timelines import save_timeline

SEEN_NOTE = "GDELT file time: when GDELT processed the page, an upper bound on publication"


@dataclass(slots=True)
class GdeltFetchSummary:
    """What one GDELT fetch for an incident did."""

    incident: str
    query: str
    start: datetime
    end: datetime
    ingest: IngestSummary
    timeline_points: dict[str, int] = field(default_factory=dict)
    matched: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {"incident": self.incident, "query": self.query, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "read": self.ingest.read, "stored": self.ingest.stored,
                "duplicates": self.ingest.duplicates, "rejected": [str(r) for r in self.ingest.rejected],
                "timeline_points": self.timeline_points, "matched": self.matched}


def doc_window(incident: Incident, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The incident's analysis window clipped to the DOC API's three months; GdeltError when nothing is left."""
    now = now or now_utc()
    earliest = now - timedelta(days=DOC_WINDOW_DAYS) + timedelta(hours=1)
    start = max(incident.occurred_at - timedelta(days=incident.window_before_days), earliest)
    end = min(incident.occurred_at + timedelta(days=incident.window_after_days), now)
    if end <= start:
        raise GdeltError(f"incident {incident.name!r} lies outside the DOC API's three-month window",
                         hint="use the 15-minute files instead: storyradar gdelt files NAME --since ... --until ...")
    return start, end


def fetch_incident(
    store: Store,
    incident: Incident,
    *,
    query: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    fetch_articles: bool = False,
    timeline_modes: Iterable[str] = ("timelinevolraw",),
    settings: GdeltSettings | None = None,
    client: httpx.Client | None = None,
    match: bool = True,
    step: str = "1d",
    options: dict[str, Any] | None = None,
) -> GdeltFetchSummary:
    """List the incident's articles from the DOC API into the store (pages fetched when asked),
    store GDELT's timeline(s) for the report, and re-match the incident; nothing is saved to files."""
    from ..ingest import run_ingest
    from ..match import run_match

    settings = settings or GdeltSettings()
    query = query or incident_query(incident)
    if start is None or end is None:
        w_start, w_end = doc_window(incident)
        start, end = start or w_start, end or w_end
    opts = {"start": start, "end": end, "step": step, "fetch_articles": fetch_articles,
            "gdelt_url": settings.doc_url, "gdelt_interval": settings.min_interval_s,
            "gdelt_backoff": settings.backoff_s, **(options or {})}
    summary = run_ingest(store, [f"gdelt:{query}"], kind="gdelt", workers=1, options=opts, client=client,
                         progress=False)
    result = GdeltFetchSummary(incident=incident.name, query=query, start=start, end=end, ingest=summary)
    with GdeltClient(settings, client=client) as gc:
        for mode in timeline_modes:
            points = gc.timeline(query, mode, start=start, end=end)
            result.timeline_points[mode] = save_timeline(store, incident, query, mode, points)
    if match:
        result.matched = run_match(store, incident).stored
    return result


def record_articles(records: Iterable[GkgRecord | EventRecord]) -> Iterator[Article]:
    """Articles from GKG / Events rows alone (URL, GKG page title, file time), one per URL."""
    from ..ingest.gdelt import SEEN_DATE_SOURCE
    from ..ingest.outlets import outlet_of

    seen: set[str] = set()
    for rec in records:
        if not rec.url.startswith(("http://", "https://")) or rec.url in seen:
            continue
        seen.add(rec.url)
        if isinstance(rec, GkgRecord):
            when, title, rid = rec.at, rec.title, rec.record_id
            extras = {"gdelt_gkg_id": rid, "gdelt_themes": rec.themes[:30],
                      "gdelt_locations": [loc.name for loc in rec.locations][:20], "gdelt_tone": rec.tone}
        else:
            when, title = rec.added_at, ""
            extras = {"gdelt_event_id": rec.event_id, "gdelt_event_code": rec.event_code,
                      "gdelt_location": rec.location.name if rec.location else ""}
        extras["date_note"] = SEEN_NOTE
        yield Article(url=rec.url, title=title, published_at=when, date_source=SEEN_DATE_SOURCE,
                      outlet=outlet_of(rec.url), source_kind="gdelt", locator=f"gdelt-files#url={rec.url}",
                      collection_source=f"gdelt-{'gkg' if isinstance(rec, GkgRecord) else 'events'}",
                      extras=extras)


@dataclass(slots=True)
class FilesSummary:
    """What a scan of 15-minute files did."""

    report: ScanReport
    urls: list[str]
    stored: int = 0
    ingest: IngestSummary | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {"files": self.report.files, "rows": self.report.rows, "kept": self.report.kept,
                "urls": len(self.urls), "stored": self.stored, "problems": self.report.problems,
                "fetched": None if self.ingest is None else {"read": self.ingest.read, "stored": self.ingest.stored,
                                                             "rejected": len(self.ingest.rejected)}}


def files_to_store(
    store: Store,
    filt: GdeltFilter,
    *,
    since: datetime,
    until: datetime,
    kind: str = "gkg",
    use_master_list: bool = False,
    fetch_articles: bool = False,
    settings: GdeltSettings | None = None,
    client: httpx.Client | None = None,
    options: dict[str, Any] | None = None,
) -> FilesSummary:
    """Scan the 15-minute files of ``kind`` in [since, until), keep the rows the filter accepts and
    store their articles (GKG titles only), or fetch and extract their pages with ``fetch_articles``."""
    from ..ingest import run_ingest

    settings = settings or GdeltSettings()
    report = ScanReport()
    with GdeltClient(settings, client=client) as gc:
        entries = (master_files(gc, since=since, until=until, kinds=(kind,)) if use_master_list
                   else slot_urls(gc, since=since, until=until, kind=kind))
        records = list(scan(gc, entries, filt, report))
    result = FilesSummary(report=report, urls=list(dict.fromkeys(r.url for r in records)))
    if fetch_articles and result.urls:
        result.ingest = run_ingest(store, result.urls, kind="urls", workers=1, options=options, client=client,
                                   progress=False)
        result.stored = result.ingest.stored
    else:
        result.stored, _dups = store.upsert_articles(record_articles(records))
    return result
