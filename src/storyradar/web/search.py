"""Filter and search an incident's matched articles (DuckDB ILIKE on title, text and outlet)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..model import Incident
from ..store import Store
from ..timeutil import ensure_utc, with_offset

RELATIONS = ("about", "passing", "near-miss", "excluded", "unrelated")
MAX_TERMS = 8


@dataclass(slots=True, frozen=True)
class ArticleFilter:
    """What the user asked for: words (all must occur), language, outlet, relation, date source."""

    q: str = ""
    language: str = ""
    outlet: str = ""
    relation: str = ""  # "" = counted coverage (about + passing); or one of RELATIONS; "all"
    date_source: str = ""
    limit: int = 200
    offset: int = 0


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_SQL = """
SELECT a.id, a.url, a.title, a.outlet, a.language, a.country, a.published_at, a.published_offset_min,
       a.date_source, a.source_kind, m.score, m.relation AS machine_relation, m.reasons,
       o.decision, o.by_whom, o.why, o.decided_at,
       CASE WHEN o.decision = 'include' THEN 'about'
            WHEN o.decision = 'exclude' AND m.relation IN ('about', 'passing') THEN 'excluded'
            ELSE m.relation END AS relation,
       substr(coalesce(a.text, ''), 1, 400) AS snippet
FROM matches m
JOIN articles a ON a.id = m.article_id
LEFT JOIN match_overrides o ON o.incident_id = m.incident_id AND o.article_id = m.article_id
WHERE m.incident_id = ?
"""


def search_articles(store: Store, incident: Incident, flt: ArticleFilter) -> dict[str, Any]:
    """The incident's articles that pass the filter, newest last, with match reasons and decisions.

    Returns ``{"total": n, "items": [...], "facets": {...}}``; every word of ``q`` must occur (case-
    insensitive) in the title, text or outlet. Overrides by hand are applied to ``relation``.
    """
    where, params = [], [incident.id]
    for term in flt.q.split()[:MAX_TERMS]:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\' OR a.outlet ILIKE ? ESCAPE '\\')")
        params += [_like(term)] * 3
    for column, value in (("a.language", flt.language), ("a.outlet", flt.outlet),
                          ("a.date_source", flt.date_source)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    outer = "SELECT * FROM (" + _SQL + (" AND " + " AND ".join(where) if where else "") + ") t"
    if flt.relation == "all":
        pass
    elif flt.relation:
        outer += " WHERE relation = ?"
        params.append(flt.relation)
    else:
        outer += " WHERE relation IN ('about', 'passing')"
    total = store.query(f"SELECT count(*) AS n FROM ({outer}) c", params)[0]["n"]
    rows = store.query(outer + " ORDER BY published_at NULLS LAST, id LIMIT ? OFFSET ?",
                       [*params, max(1, min(flt.limit, 1000)), max(0, flt.offset)])
    items = []
    for r in rows:
        published = ensure_utc(r["published_at"])
        items.append({
            "id": r["id"], "url": r["url"], "title": r["title"] or "", "outlet": r["outlet"] or "",
            "language": r["language"] or "", "country": r["country"] or "",
            "published_at": with_offset(published, r["published_offset_min"]) or None,
            "date_source": r["date_source"] or "unknown", "source_kind": r["source_kind"] or "",
            "score": round(float(r["score"] or 0.0), 3), "relation": r["relation"],
            "machine_relation": r["machine_relation"],
            "reasons": json.loads(r["reasons"] or "[]"),
            "decision": None if r["decision"] is None else {
                "decision": r["decision"], "by": r["by_whom"], "why": r["why"],
                "at": with_offset(ensure_utc(r["decided_at"]), 0) or None},
            "snippet": r["snippet"],
        })
    return {"total": int(total), "items": items, "facets": facets(store, incident)}


def facets(store: Store, incident: Incident) -> dict[str, list[str]]:
    """Values to filter by: languages, outlets and date sources among the incident's matches."""
    out = {}
    for key in ("language", "outlet", "date_source"):
        rows = store.query(
            f"SELECT DISTINCT a.{key} AS v FROM matches m JOIN articles a ON a.id = m.article_id "
            f"WHERE m.incident_id = ? AND a.{key} IS NOT NULL AND a.{key} <> '' ORDER BY v", [incident.id])
        out[key] = [r["v"] for r in rows]
    return out
