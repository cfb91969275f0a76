"""Load an incident's matched coverage from the store as small rows (overrides applied)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..model import Incident
from ..store import Store
from ..timeutil import ensure_utc

#: Date sources that only bound the publication time (crawl/fetch time), shown as less certain.
WEAK_DATE_SOURCES = frozenset({"warc-header", "fetched", "unknown"})


@dataclass(slots=True, frozen=True)
class CoverageItem:
    """One matched article, reduced to what coverage statistics need."""

    article_id: str
    url: str
    title: str
    outlet: str
    language: str
    country: str
    published_at: datetime | None
    published_offset_min: int | None
    date_source: str
    relation: str  # about | passing
    score: float
    dup_group: str
    source_kind: str
    collection_source: str
    text: str = ""  # the lead (first 1,500 characters), or the full text when asked for
    published_precision: str = ""  # "day" when only the date is known

    @property
    def exact_time(self) -> bool:
        """True when the publication time is known to the minute from the source itself (not a
        crawl or fetch time, not a date alone): only such items set lags and first mentions."""
        return (self.published_at is not None and self.date_source not in WEAK_DATE_SOURCES
                and self.published_precision != "day")

    @property
    def story_key(self) -> str:
        """The syndication group when known, else the article itself: one key per distinct story."""
        return self.dup_group or self.article_id


_MATCHED_SQL = """
SELECT m.article_id, m.url, m.title, m.outlet, m.language, m.country, m.published_at,
       m.published_offset_min, m.date_source,
       CASE WHEN o.decision = 'include' AND m.relation NOT IN ('about', 'passing') THEN 'about'
            ELSE m.relation END AS relation,
       m.score, m.dup_group, m.source_kind, m.collection_source, m.lead, m.published_precision
FROM matches m
LEFT JOIN match_overrides o ON o.incident_id = m.incident_id AND o.article_id = m.article_id
WHERE m.incident_id = ?
  AND ((m.relation IN ('about', 'passing') AND coalesce(o.decision, '') <> 'exclude') OR o.decision = 'include')
ORDER BY m.published_at NULLS LAST, m.article_id
"""


def matched_items(store: Store, incident: Incident, *, with_text: bool = False,
                  relations: tuple[str, ...] = ("about", "passing")) -> list[CoverageItem]:
    """The incident's matched articles (by-hand decisions respected), oldest first.

    Reads the incident's own match rows only. ``text`` holds the article's lead (first
    1,500 characters) unless ``with_text`` asks for the full text, which reads the articles.
    """
    with store._lock:
        rows = store.con.execute(_MATCHED_SQL, [incident.id]).fetchall()
    full: dict[str, str] = {}
    if with_text and rows:
        full = {r["id"]: r["text"] or "" for r in store.query(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [[r[0] for r in rows]])}
    items = []
    for r in rows:
        if r[9] not in relations:
            continue
        items.append(CoverageItem(
            article_id=r[0], url=r[1] or "", title=r[2] or "", outlet=r[3] or "", language=r[4] or "",
            country=r[5] or "", published_at=ensure_utc(r[6]), published_offset_min=r[7],
            date_source=r[8] or "unknown", relation=r[9], score=float(r[10] or 0.0),
            dup_group=r[11] or "", source_kind=r[12] or "", collection_source=r[13] or "",
            text=full.get(r[0], r[14] or "") if with_text else (r[14] or ""),
            published_precision=r[15] or "",
        ))
    return items
