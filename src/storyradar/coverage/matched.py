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
    text: str = ""

    @property
    def story_key(self) -> str:
        """The syndication group when known, else the article itself: one key per distinct story."""
        return self.dup_group or self.article_id


_MATCHED_SQL = """
WITH chosen AS (
    SELECT m.article_id, m.score,
           CASE WHEN o.decision = 'include' AND m.relation NOT IN ('about', 'passing') THEN 'about'
                ELSE m.relation END AS relation
    FROM matches m
    LEFT JOIN match_overrides o ON o.incident_id = m.incident_id AND o.article_id = m.article_id
    WHERE m.incident_id = ?
      AND ((m.relation IN ('about', 'passing') AND coalesce(o.decision, '') <> 'exclude')
           OR o.decision = 'include')
)
SELECT a.id, a.url, a.title, a.outlet, a.language, a.country, a.published_at,
       a.published_offset_min, a.date_source, c.relation, c.score, a.dup_group, a.source_kind,
       a.collection_source {text_col}
FROM chosen c JOIN articles a ON a.id = c.article_id
ORDER BY a.published_at NULLS LAST, a.id
"""


def matched_items(store: Store, incident: Incident, *, with_text: bool = False,
                  relations: tuple[str, ...] = ("about", "passing")) -> list[CoverageItem]:
    """The incident's matched articles (by hand decisions respected), oldest first."""
    sql = _MATCHED_SQL.format(text_col=", a.text" if with_text else "")
    with store._lock:
        rows = store.con.execute(sql, [incident.id]).fetchall()
    items = []
    for r in rows:
        if r[9] not in relations:
            continue
        items.append(CoverageItem(
            article_id=r[0], url=r[1], title=r[2] or "", outlet=r[3] or "", language=r[4] or "",
            country=r[5] or "", published_at=ensure_utc(r[6]), published_offset_min=r[7],
            date_source=r[8] or "unknown", relation=r[9], score=float(r[10] or 0.0),
            dup_group=r[11] or "", source_kind=r[12] or "", collection_source=r[13] or "",
            text=(r[14] or "") if with_text else "",
        ))
    return items
