"""A claim dated by a day alone never decides how fast a claim came (review finding)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from storyradar.assertions import check_assertions, parse_inline
from storyradar.claims import run_claims
from storyradar.model import Article, Incident, Match, MatchReason, Place

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


def test_day_only_blame_is_not_the_first_blame(store):
    incident = Incident(name="dayonly", occurred_at=T0, occurred_offset_min=120, place=Place("Merland"))
    store.save_incident(incident)
    text = "“This was a deliberate strike by the Valdor army,” said Governor Ana Brel."
    early = Article(url="https://a.example/day", title="Strike", text=text, language="en",
                    published_at=T0.replace(hour=0, minute=0), date_source="declared",
                    published_precision="day", outlet="a.example")
    late = Article(url="https://b.example/late", title="Strike", text=text, language="en",
                   published_at=T0 + timedelta(hours=7), date_source="html-meta", outlet="b.example")
    store.upsert_articles([early, late])
    store.replace_matches(incident.id, [Match(incident.id, a.id, 1.0, "about", [MatchReason("place", "p", 1.0)])
                                        for a in (early, late)])
    run_claims(store, incident)
    lags = {r["article_id"]: json.loads(r["extras"]).get("lag_s")
            for r in store.query("SELECT article_id, extras FROM claims WHERE kind = 'blame'")}
    assert lags[early.id] is None and lags[late.id] == 7 * 3600
    [result] = check_assertions(store, incident, [parse_inline("first_claim_within claim=blame within=1h")],
                                save=False)
    assert result.verdict.verdict == "contradicted"


def test_replace_with_a_bad_assertion_keeps_the_stored_results(tmp_path):
    from storyradar.assertions import stored_results
    from storyradar.cli import main
    from storyradar.store import Store

    db = tmp_path / "r.duckdb"
    with Store(db) as s:
        s.save_incident(Incident(name="keep", occurred_at=T0, occurred_offset_min=120, place=Place("Merland")))
    assert main(["check", "keep", "--db", str(db), "--assert", "no_finding_by by=2025-04-01"]) == 0
    assert main(["check", "keep", "--db", str(db), "--replace", "--assert", "bogus x=1"]) == 2
    with Store(db) as s:
        assert len(stored_results(s, s.get_incident("keep"))) == 1
