"""The records that flow through storyradar's pipeline, and nothing else."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

#: How an article's publication time was known; a timeline is only as good as its dates.
DATE_SOURCES = (
    "html-meta",  # <meta>, JSON-LD or <time> markup, read by htmldate
    "feed",  # the feed entry's published/updated field
    "url",  # a date pattern in the URL path
    "warc-header",  # WARC-Date (when it was crawled, an upper bound on publication)
    "text",  # a date found in the visible text
    "declared",  # given by the user's export (JSONL published_at, social export)
    "fetched",  # no date found: the fetch/ingest time stands in, flagged as such
    "unknown",
)


def stable_id(*parts: str) -> str:
    """A short, stable hex id derived from the given strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:20]


@dataclass(slots=True)
class Article:
    """One piece of coverage (news article, post, revision) as it enters the store.

    ``published_at`` is always timezone-aware UTC; ``published_offset_min`` keeps the offset the
    source stated (None when the source gave UTC or no offset), and ``date_source`` says how the
    time was known (one of :data:`DATE_SOURCES`).
    """

    url: str
    title: str = ""
    text: str = ""
    published_at: datetime | None = None
    published_offset_min: int | None = None
    date_source: str = "unknown"
    outlet: str = ""
    language: str = ""
    country: str = ""
    author: str = ""
    canonical_url: str = ""
    source_kind: str = ""  # html | warc | feed | url | jsonl | telegram | wikipedia | video | social
    locator: str = ""  # re-readable place: "file.warc.gz@offset=4812", "feed.xml#entry=...", "x.jsonl:17"
    collection_source: str = ""  # what was collected (feed URL, folder, WARC file) for collection-gap stats
    fetched_at: datetime | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    published_precision: str = ""  # "day" when only the date is known; "minute"/"second"; "" unknown

    @property
    def precision(self) -> str:
        """How exactly the publication time is known ("day", "minute", "second" or "")."""
        return self.published_precision or str(self.extras.get("date_precision") or "")

    @property
    def id(self) -> str:
        """Stable id: from the canonical URL when known, else from URL, else from the content."""
        key = self.canonical_url or self.url
        if key:
            return stable_id("url", normalise_url(key))
        return stable_id("content", self.title, self.text)

    @property
    def content_hash(self) -> str:
        """Hash of title + text, used to spot exact copies under different URLs."""
        return stable_id("content", self.title.strip(), " ".join(self.text.split()))


def normalise_url(url: str) -> str:
    """Normalise a URL for identity: lower-case scheme and host, no fragment, no trailing slash."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


@dataclass(slots=True, frozen=True)
class RawPage:
    """Fetched or read HTML waiting for extraction, with what the source already knew about it."""

    url: str
    html: bytes
    source_kind: str
    locator: str
    collection_source: str = ""
    hint_published_at: datetime | None = None
    hint_offset_min: int | None = None
    hint_date_source: str = ""
    hint_title: str = ""
    fetched_at: datetime | None = None
    crawl_date: datetime | None = None  # e.g. WARC-Date: fallback upper bound for publication


@dataclass(slots=True, frozen=True)
class Rejected:
    """A record that could not be ingested, with where it was and why."""

    path: str
    locator: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.path} @ {self.locator}" if self.locator else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Place:
    """A resolved place: a GeoNames entry, or a user-declared point."""

    name: str
    latitude: float | None = None
    longitude: float | None = None
    country: str = ""
    admin1: str = ""
    geonameid: int | None = None
    population: int | None = None


@dataclass(slots=True)
class Incident:
    """A declared incident: what happened, when and where, and how to find its coverage.

    ``occurred_at`` is UTC; ``occurred_offset_min`` the offset it was declared with;
    ``precision`` how exactly the time is known ("minute", "hour", "day").
    """

    name: str
    occurred_at: datetime
    place: Place
    occurred_offset_min: int | None = None
    precision: str = "minute"
    title: str = ""
    terms: list[str] = field(default_factory=list)  # kind/target terms, e.g. "market", "missile"
    variants: list[str] = field(default_factory=list)  # user-added name variants
    exclude_terms: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)  # known figures, e.g. {"killed": 16}
    window_before_days: int = 2
    window_after_days: int = 120
    vocabulary: dict[str, list[str]] = field(default_factory=dict)  # user extensions per language
    notes: str = ""

    @property
    def id(self) -> str:
        """Stable id from the incident's name."""
        return stable_id("incident", self.name)


@dataclass(slots=True)
class MatchReason:
    """One piece of the explanation of a match score."""

    kind: str  # place | term | date | figure | exclude | near-miss | country ...
    detail: str
    weight: float


@dataclass(slots=True)
class Match:
    """An article judged against an incident: score, decision and the reasons for it."""

    incident_id: str
    article_id: str
    score: float
    relation: str  # about | passing | near-miss | unrelated
    reasons: list[MatchReason] = field(default_factory=list)

    @property
    def is_match(self) -> bool:
        """True when the article is counted as coverage of the incident."""
        return self.relation in ("about", "passing")


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did: read, stored, duplicates and rejections with reasons."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count (e.g. non-HTML WARC records)

    @property
    def exit_code(self) -> int:
        """0 when everything went in, 1 when some records were rejected, 126 when nearly all were."""
        if not self.rejected:
            return 0
        total = self.read or len(self.rejected)
        return 126 if len(self.rejected) >= 0.9 * total else 1
