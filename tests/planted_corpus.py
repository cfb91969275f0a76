"""A store with a planted coverage shape (burst, silence, later wave, optional collection gap)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storyradar.model import Article, Incident, Match, MatchReason, Place

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)  # 11:05 at +02:00

# Articles per day after the incident: burst of 3 days, silence, a 2-day wave on days 40–41.
PLAN = {0: 30, 1: 18, 2: 9, 3: 2, 5: 1, 20: 1, 40: 8, 41: 5}


def planted_incident() -> Incident:
    return Incident(name="market", occurred_at=T0, occurred_offset_min=120,
                    place=Place("Zorianivka", 48.1, 37.2, "XX"))


def build_planted(store, plan=PLAN, *, background_until: int = 60, gap_days: range = range(0)) -> Incident:
    incident = planted_incident()
    store.save_incident(incident)
    articles, matches = [], []
    for day, n in plan.items():
        for k in range(n):
            when = T0 + timedelta(days=day, minutes=30 + 7 * k)
            title = ("Commission concludes inquiry into market strike" if day >= 40
                     else f"Strike on market, update {k}")
            art = Article(url=f"https://o{k % 5}.example/{day}/{k}", title=title, text=title * 3,
                          published_at=when, published_offset_min=120, date_source="html-meta",
                          outlet=f"o{k % 5}.example", language="en" if k % 2 else "uk",
                          collection_source="feedA")
            articles.append(art)
            matches.append(Match(incident.id, art.id, 0.9, "about", [MatchReason("place", "x", 1.0)]))
    # Unrelated background coverage from two sources every day, with a gap in source B.
    for day in range(-2, background_until):
        for src in ("feedA", "feedB"):
            if src == "feedB" and day in gap_days:
                continue
            for k in range(4):
                articles.append(Article(
                    url=f"https://bg.example/{src}/{day}/{k}", title="weather", text="sunny",
                    published_at=T0 + timedelta(days=day, hours=k + 1), date_source="html-meta",
                    outlet="bg.example", language="en", collection_source=src))
    store.upsert_articles(articles)
    store.replace_matches(incident.id, matches)
    return incident


