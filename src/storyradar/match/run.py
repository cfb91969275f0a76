"""Match an incident over the store: prefilter candidates in SQL, score them, store the results."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import timedelta

from ..model import Incident, Match
from ..store import Store, article_from_row, db_time
from .matcher import Matcher, build_matcher
from .score import MatchSettings, score_article

STORED_RELATIONS = ("about", "passing", "near-miss")
#: Extra days before the window searched for near misses (the same town hit earlier).
NEAR_MISS_LOOKBACK_DAYS = 30


@dataclass(slots=True)
class MatchSummary:
    """What one match run did."""

    incident: str
    candidates: int = 0
    about: int = 0
    passing: int = 0
    near_miss: int = 0
    stored: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """JSON-ready view."""
        return {"incident": self.incident, "candidates": self.candidates, "about": self.about,
                "passing": self.passing, "near_miss": self.near_miss, "stored": self.stored,
                "seconds": round(self.seconds, 3)}


def _pattern(stems: list[str]) -> str:
    return "|".join(re.escape(s) for s in stems)


def candidate_rows(store: Store, matcher: Matcher, settings: MatchSettings) -> list[dict]:
    """Articles worth scoring: a place stem in the window (and undated ones), plus same-kind articles
    near the incident date (for 'same kind elsewhere' near misses). One SQL scan each, in DuckDB."""
    inc = matcher.incident
    since = inc.occurred_at - timedelta(days=inc.window_before_days + NEAR_MISS_LOOKBACK_DAYS)
    until = inc.occurred_at + timedelta(days=inc.window_after_days)
    rows = store.query(
        "SELECT * FROM articles WHERE (published_at IS NULL OR (published_at >= ? AND published_at <= ?))"
        " AND regexp_matches(lower(coalesce(title, '') || ' ' || coalesce(text, '')), ?)",
        [db_time(since), db_time(until), _pattern(matcher.prefilter_stems)],
    )
    if matcher.target_stems:
        seen = {r["id"] for r in rows}
        near = timedelta(days=settings.elsewhere_days)
        more = store.query(
            "SELECT * FROM articles WHERE published_at >= ? AND published_at < ?"
            " AND regexp_matches(strip_accents(lower(coalesce(title, '') || ' ' || coalesce(text, ''))), ?)",
            [db_time(inc.occurred_at - near), db_time(inc.occurred_at + near), _pattern(matcher.target_stems)],
        )
        rows += [r for r in more if r["id"] not in seen]
    return rows


def match_incident(store: Store, incident: Incident, *, settings: MatchSettings | None = None,
                   matcher: Matcher | None = None) -> list[Match]:
    """Score every candidate article; return the about, passing and near-miss matches (unstored)."""
    s = settings or MatchSettings()
    m = matcher or build_matcher(incident)
    out = []
    for row in candidate_rows(store, m, s):
        match = score_article(article_from_row(row), m, s)
        if match.relation in STORED_RELATIONS:
            out.append(match)
    return out


def run_match(store: Store, incident: Incident, *, settings: MatchSettings | None = None,
              progress: bool = False) -> MatchSummary:
    """Match an incident over the store and replace its stored matches; return a summary.

    Human include/exclude overrides live apart (``match_overrides``) and are applied when matches
    are read back, so re-running never loses a person's decision.
    """
    start = time.perf_counter()
    s = settings or MatchSettings()
    m = build_matcher(incident)
    rows = candidate_rows(store, m, s)
    summary = MatchSummary(incident=incident.name, candidates=len(rows))
    results: list[Match] = []
    iterator = rows
    if progress:
        from rich.progress import track

        iterator = track(rows, description=f"matching {incident.name}", transient=True)
    for row in iterator:
        match = score_article(article_from_row(row), m, s)
        summary.counts[match.relation] = summary.counts.get(match.relation, 0) + 1
        if match.relation in STORED_RELATIONS:
            results.append(match)
    summary.about = summary.counts.get("about", 0)
    summary.passing = summary.counts.get("passing", 0)
    summary.near_miss = summary.counts.get("near-miss", 0)
    summary.stored = store.replace_matches(incident.id, results)
    summary.seconds = time.perf_counter() - start
    return summary


def explain(store: Store, incident: Incident, url_or_id: str, *,
            settings: MatchSettings | None = None) -> Match:
    """Score one article (by URL or id) against the incident, whatever the prefilter says."""
    article = store.get_article(store.find_article_id(url_or_id))
    return score_article(article, build_matcher(incident), settings)
