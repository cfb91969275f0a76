"""Run claim extraction for an incident's matched articles and keep the claims in the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..model import Article, Incident, Rejected
from ..store.db import Store, db_time
from ..timeutil import ensure_utc, now_utc
from .kinds import KINDS, extract_claims
from .lexicon import read_user_lexicon
from .records import Claim

_RUN_KEY = "claims_run:"


@dataclass(slots=True)
class ClaimsSummary:
    """What one claims run did: articles read, claims stored per kind, articles that failed."""

    incident_id: str
    articles: int = 0
    claims: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"incident_id": self.incident_id, "articles": self.articles, "claims": self.claims,
                "by_kind": self.by_kind, "rejected": [str(r) for r in self.rejected]}


def claims_for_article(article: Article, incident: Incident, *, lexicon_path: str | None = None) -> list[Claim]:
    """Claims in one article, stamped with the article, the incident, publication time and lag."""
    claims = extract_claims(article.text or "", article.language or "", lexicon_path=lexicon_path)
    published = ensure_utc(article.published_at)
    occurred = ensure_utc(incident.occurred_at)
    for c in claims:
        c.article_id = article.id
        c.incident_id = incident.id
        c.outlet = article.outlet
        c.url = article.url
        c.published_at = published
        # A date alone (stored as midnight) gives no lag: it could put a claim before the incident.
        known = published is not None and occurred is not None and article.precision != "day"
        c.lag = (published - occurred) if known else None
        c.date_source = article.date_source or "unknown"
    return claims


def _row(c: Claim, offset_min: int | None) -> tuple:
    st = c.statement
    extras = {
        "target_norm": c.target_norm, "speaker_kind": st.speaker.kind, "speaker_name": st.speaker.name,
        "cue_class": st.cue_class, "source_span": st.source_span, "cue_span": st.cue_span,
        "content_parts": st.content_parts, "outlet": c.outlet, "url": c.url,
        "lag_s": c.lag.total_seconds() if c.lag is not None else None,
        "published_offset_min": offset_min, "date_source": c.date_source or "unknown",
    }
    return (
        c.id, c.article_id, c.incident_id, c.kind, st.speaker.raw, st.speaker.label if st.speaker.kind != "outlet"
        else "", st.speaker.role, st.speaker.affiliation, st.cue, st.content, st.style, st.content_span[0],
        st.content_span[1], c.target, bool(c.hedges), json.dumps(c.hedges, ensure_ascii=False),
        json.dumps([f.as_dict() for f in c.figures], ensure_ascii=False), st.language,
        db_time(c.published_at), json.dumps(extras, ensure_ascii=False),
    )


def run_claims(store: Store, incident: Incident, *, lexicon_path: str | None = None) -> ClaimsSummary:
    """Extract claims from the incident's matched articles and replace its stored claims (one transaction).

    Re-running gives the same rows: claim ids derive from incident, article, span and kind.
    """
    if lexicon_path:
        read_user_lexicon(lexicon_path)  # a bad file fails the run before anything is replaced
    summary = ClaimsSummary(incident_id=incident.id, by_kind={k: 0 for k in KINDS})
    rows: dict[str, tuple] = {}
    for _match, article in store.matched_articles(incident.id):
        summary.articles += 1
        try:
            claims = claims_for_article(article, incident, lexicon_path=lexicon_path)
        except Exception as exc:  # a bad article is named and counted; the run goes on
            summary.rejected.append(Rejected(article.url or article.id, article.locator,
                                             f"claim extraction failed: {exc!r}"))
            continue
        for c in claims:
            rows[c.id] = _row(c, article.published_offset_min)
            summary.by_kind[c.kind] = summary.by_kind.get(c.kind, 0) + 1
    with store.transaction() as con:
        con.execute("DELETE FROM claims WHERE incident_id = ?", [incident.id])
        if rows:
            con.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 20)})", list(rows.values()))
        con.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [_RUN_KEY + incident.id, now_utc().isoformat()],
        )
    summary.claims = len(rows)
    return summary


def claims_ran(store: Store, incident: Incident) -> bool:
    """True when claims were extracted for this incident at least once."""
    return bool(store.query("SELECT 1 FROM meta WHERE key = ?", [_RUN_KEY + incident.id]))


def load_claims(store: Store, incident: Incident, *, kind: str | None = None) -> list[dict[str, Any]]:
    """Stored claims of an incident as dicts (published_at aware UTC, lag a timedelta), oldest first."""
    sql = "SELECT * FROM claims WHERE incident_id = ?"
    params: list[Any] = [incident.id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    out = []
    for r in store.query(sql + " ORDER BY published_at NULLS LAST, article_id, span_start", params):
        extras = json.loads(r["extras"] or "{}")
        r["extras"] = extras
        r["hedges"] = json.loads(r["hedges"] or "[]")
        r["figures"] = json.loads(r["figures"] or "[]")
        r["published_at"] = ensure_utc(r["published_at"])
        lag = extras.get("lag_s")
        r["lag"] = timedelta(seconds=lag) if lag is not None else None
        r["outlet"] = extras.get("outlet", "")
        r["target_norm"] = extras.get("target_norm", "")
        r["date_source"] = extras.get("date_source", "unknown")
        out.append(r)
    return out


def ensure_claims(store: Store, incident: Incident, *, refresh: bool = False,
                  lexicon_path: str | None = None) -> ClaimsSummary | None:
    """Run extraction when it never ran for this incident (or when ``refresh``); else do nothing."""
    if refresh or lexicon_path or not claims_ran(store, incident):
        return run_claims(store, incident, lexicon_path=lexicon_path)
    return None
