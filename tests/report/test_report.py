"""The HTML report: self-contained, escaped, with tables as CSV/JSON."""

from __future__ import annotations

import csv
import json

from planted_corpus import build_planted
from storyradar.model import Article, Match, MatchReason
from storyradar.report import build_report


def test_report_is_self_contained_and_complete(store, tmp_path):
    incident = build_planted(store)
    index = build_report(store, incident, tmp_path / "rep")
    html = index.read_text("utf-8")
    assert "<svg" in html and "Coverage per day" in html
    assert "http://" not in html.split("<main>")[0]  # no external assets in the head
    assert "<script" not in html
    for name in ("coverage_timeline", "coverage_articles", "coverage_waves", "coverage_outlets"):
        assert (tmp_path / "rep" / "tables" / f"{name}.csv").exists()
    with open(tmp_path / "rep" / "tables" / "coverage_waves.csv", encoding="utf-8") as fh:
        waves = list(csv.DictReader(fh))
    assert len(waves) == 1 and waves[0]["character"] == "investigation/finding"
    cov = json.loads((tmp_path / "rep" / "coverage.json").read_text("utf-8"))
    assert cov["silence"]["day"] == "2025-03-17"


def test_untrusted_titles_are_escaped(store, tmp_path):
    incident = build_planted(store, {0: 2})
    evil = Article(url="https://evil.example/x", title='<script>alert("x")</script><img src=x onerror=alert(1)>',
                   text="t", published_at=incident.occurred_at, date_source="html-meta", outlet="<b>evil</b>")
    store.upsert_articles([evil])
    matches = store.get_matches(incident.id) + [Match(incident.id, evil.id, 0.8, "about", [MatchReason("place", "p", 1)])]
    store.replace_matches(incident.id, matches)
    html = build_report(store, incident, tmp_path / "r2").read_text("utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
