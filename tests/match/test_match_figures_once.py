"""A casualty figure repeated in an article counts once in the score (review finding)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storyradar.match import build_matcher, score_article
from storyradar.model import Article, Incident, Place

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


def test_repeated_figure_counts_once():
    incident = Incident(name="fig", occurred_at=T0, occurred_offset_min=120,
                        place=Place("Zorianivka", 48.7, 35.4, "XN"), terms=["market", "missile"],
                        variants=["Зорянівка"], figures={"killed": 16})
    once = "A missile hit the market in Zorianivka. 16 people were killed."
    thrice = once + " Officials repeated that 16 people were killed. Again: 16 people were killed."
    matcher = build_matcher(incident)
    scores = []
    for text in (once, thrice):
        art = Article(url=f"https://x.example/{len(text)}", title="Missile strike on Zorianivka market", text=text,
                      language="en", published_at=T0 + timedelta(hours=2), date_source="html-meta")
        m = score_article(art, matcher)
        scores.append((m.score, [r.detail for r in m.reasons if r.kind == "figure"]))
    assert scores[0][0] == scores[1][0]
    assert scores[1][1] == ["killed: 16 (as the incident)"]
