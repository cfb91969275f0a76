"""Corpora built by code for assertion tests (fixtures and builders): every verdict is known in advance."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from storyradar.model import Article, Incident, Match, MatchReason, Place, stable_id
from storyradar.store import db_time

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)  # 11:05 at +02:00, a Friday
# Matched articles per day since the incident: a three-day burst, then two Russian-language articles on day 10.
PLAN = {0: 20, 1: 10, 2: 5}
LATE_DAY = 10
COLLECTED_DAYS = 31  # background collection from day -2 to day 30


def make_incident(name: str = "market", when: datetime = T0, precision: str = "minute") -> Incident:
    return Incident(name=name, occurred_at=when, occurred_offset_min=120, precision=precision,
                    place=Place("Zorianivka", 48.1, 37.2, "XX"))


def build_corpus(store, *, gap_days: range = range(0), weak_late: bool = False,
                 collected_days: int = COLLECTED_DAYS) -> Incident:
    """The market incident: burst, a late pair of articles, background collection (optionally gapped)."""
    inc = make_incident()
    store.save_incident(inc)
    arts, matches = [], []
    for day, n in PLAN.items():
        for k in range(n):
            arts.append(Article(
                url=f"https://o{k % 5}.example/{day}/{k}", title=f"Strike on market, update {k}", text="market strike",
                published_at=T0 + timedelta(days=day, minutes=30 + 7 * k), published_offset_min=120,
                date_source="html-meta", outlet=f"o{k % 5}.example", language="en" if k % 2 else "uk",
                country="XX", collection_source="feedA"))
    for k in range(2):
        arts.append(Article(
            url=f"https://late.example/{k}", title="Market strike revisited", text="market",
            published_at=T0 + timedelta(days=LATE_DAY, hours=2 + k), published_offset_min=180,
            date_source="warc-header" if weak_late else "html-meta", outlet="late.example", language="ru",
            country="YY", collection_source="feedA"))
    for a in arts:
        matches.append(Match(inc.id, a.id, 0.9, "about", [MatchReason("place", "Zorianivka", 1.0)]))
    for day in range(-2, collected_days):
        for src in ("feedA", "feedB"):
            if src == "feedA" and day in gap_days:
                continue
            for k in range(4):
                arts.append(Article(url=f"https://bg.example/{src}/{day}/{k}", title="weather", text="sunny",
                                    published_at=T0 + timedelta(days=day, hours=k + 1), date_source="html-meta",
                                    outlet="bg.example", language="en", collection_source=src))
    store.upsert_articles(arts)
    store.replace_matches(inc.id, matches)
    return inc


def add_claim(store, inc: Incident, *, kind: str, speaker: str, hours: float, content: str = "",
              figures: list | dict | None = None, target: str = "") -> str:
    """One claims row (as the claims layer stores it), on an article of its own."""
    when = inc.occurred_at + timedelta(hours=hours)
    art = Article(url=f"https://claims.example/{kind}/{hours}", title=content[:40], text=content,
                  published_at=when, published_offset_min=120, date_source="html-meta", outlet="claims.example",
                  language="en", collection_source="feedA")
    store.upsert_articles([art])
    cid = stable_id("claim", inc.id, art.id, kind)
    store.execute(
        "INSERT INTO claims (id, article_id, incident_id, kind, speaker_raw, speaker, content, target, figures, "
        "language, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [cid, art.id, inc.id, kind, speaker, speaker, content, target,
         json.dumps(figures) if figures is not None else None, "en", db_time(when)])
    return cid


def add_claims(store, inc: Incident) -> None:
    """Blame at 40 min and 3 h, a denial at 5 h, four killed figures, a finding on day 20."""
    add_claim(store, inc, kind="blame", speaker="Regional Governor Ivan Petrenko", hours=40 / 60,
              content="The governor said the strike came from the east.", target="the east")
    add_claim(store, inc, kind="blame", speaker="Ministry of Defence", hours=3, content="A missile strike.")
    add_claim(store, inc, kind="denial", speaker="Ministry of Defence of the other side", hours=5,
              content="They denied any involvement.")
    add_claim(store, inc, kind="figure", speaker="State Emergency Service", hours=1,
              figures=[{"kind": "killed", "low": 12, "high": None, "qualifier": "at-least", "text": "at least 12"}])
    add_claim(store, inc, kind="figure", speaker="local hospital sources", hours=2,
              figures=[{"kind": "killed", "low": 15, "high": 15, "qualifier": "exact", "text": "15"}])
    add_claim(store, inc, kind="figure", speaker="regional administration", hours=6,
              figures={"killed": 16, "injured": {"value": 40, "qualifier": "more_than"}})
    add_claim(store, inc, kind="figure", speaker="State Emergency Service", hours=30,
              figures=[{"kind": "killed", "low": 17, "high": 17, "qualifier": "exact", "text": "17"}])
    add_claim(store, inc, kind="finding", speaker="the inquiry commission", hours=20 * 24,
              content="The commission concluded its inquiry.")


def add_evidence(store, inc: Incident, *, first_seen_hours: float | None = 2, acquired_hours: float = 24) -> None:
    """One video registered a day after the incident, first seen online two hours after it."""
    first = None if first_seen_hours is None else db_time(inc.occurred_at + timedelta(hours=first_seen_hours))
    store.execute(
        "INSERT INTO evidence (id, incident_id, kind, sha256, original_name, first_seen_at, acquired_at) "
        "VALUES (?, ?, 'video', ?, 'clip.mp4', ?, ?)",
        [stable_id("ev", inc.id), inc.id, "0" * 64, first,
         db_time(inc.occurred_at + timedelta(hours=acquired_hours))])


@pytest.fixture(name="corpus")
def corpus_fixture(store):
    """Store + the market incident with claims and evidence, fully collected."""
    inc = build_corpus(store)
    add_claims(store, inc)
    add_evidence(store, inc)
    return store, inc


@pytest.fixture(name="gapped")
def gapped_fixture(store):
    """The same corpus with source feedA (which carried the incident) silent on days 12–14."""
    inc = build_corpus(store, gap_days=range(12, 15))
    add_claims(store, inc)
    add_evidence(store, inc)
    return store, inc
