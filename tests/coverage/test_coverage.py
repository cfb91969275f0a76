"""Coverage analysis on a store with a planted burst, silence, later wave and collection gap."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planted_corpus import PLAN, T0  # noqa: E402
from planted_corpus import build_planted as _build
from storyradar.coverage import SilenceRule, WaveRule, analyse_coverage, build_timeline, matched_items


def test_first_mention_peak_silence_and_wave(store):
    incident = _build(store)
    cov = analyse_coverage(store, incident)
    assert cov.first_mention is not None
    assert cov.first_lag == timedelta(minutes=30)
    assert cov.peak_count == 30
    assert cov.peak_day.date().isoformat() == "2025-03-14"
    # Below 0.1 × 30 = 3 a day for 7 days starts on day 3 (2 articles).
    assert cov.silence_day.date() == (T0 + timedelta(days=3)).date()
    assert len(cov.waves) == 1
    wave = cov.waves[0]
    assert wave.start.date() == (T0 + timedelta(days=40)).date()
    assert wave.articles == 13
    assert wave.character == "investigation/finding"
    assert wave.titles[0] == "Commission concludes inquiry into market strike"
    data = cov.to_dict()
    assert data["articles"] == sum(PLAN.values())
    assert data["first_mention"]["lag_minutes"] == 30.0


def test_rules_are_tunable(store):
    incident = _build(store)
    strict = analyse_coverage(store, incident, silence=SilenceRule(fraction=0.01, min_days=30))
    # Nothing is below 0.3 a day for 30 days before the wave arrives after day 20 ... until day 42+.
    assert strict.silence_day is None or strict.silence_day > strict.peak_day + timedelta(days=5)
    high_bar = analyse_coverage(store, incident, waves=WaveRule(min_articles=50))
    assert high_bar.waves == []


def test_not_silent_when_collection_ends(store):
    incident = _build(store, {0: 10, 1: 9, 2: 8}, background_until=4)
    cov = analyse_coverage(store, incident)
    assert cov.silence_day is None
    assert "had not gone silent" in cov.silence_note


def test_collection_gap_is_reported(store):
    incident = _build(store, gap_days=range(50, 54))
    cov = analyse_coverage(store, incident)
    gap_days = {g.day.isoformat() for g in cov.gaps if g.source == "feedB"}
    assert {(T0 + timedelta(days=d)).date().isoformat() for d in range(50, 54)} <= gap_days
    assert not [g for g in cov.gaps if g.source == "feedA" and g.day.isoformat() in gap_days]


def test_overrides_change_the_counted_set(store):
    incident = _build(store)
    items = matched_items(store, incident)
    store.set_override(incident.id, items[0].article_id, "exclude", "tester", "off topic")
    assert len(matched_items(store, incident)) == len(items) - 1


def test_hourly_bins_in_incident_offset_and_stories(store):
    incident = _build(store, {0: 6})
    items = matched_items(store, incident)
    tl = build_timeline(items, incident, by="hour")
    assert tl.bins[0].utcoffset() == timedelta(hours=2)
    assert tl.bins[0].hour == 11  # 09:35 UTC is 11:35 local
    assert sum(tl.total) == 6
    stories = build_timeline(items, incident, by="day", count="stories")
    assert sum(stories.total) == 6  # no syndication groups yet: each article its own story
    by_lang: dict[str, int] = {}
    for r in tl.as_rows("language"):
        by_lang[r["language"]] = by_lang.get(r["language"], 0) + r["n"]
    assert by_lang == {"uk": 3, "en": 3}


def test_bad_bin_size_is_a_clear_error(store):
    incident = _build(store, {0: 2})
    with pytest.raises(Exception, match="--by must be one of"):
        build_timeline(matched_items(store, incident), incident, by="week")


def test_wave_continues_on_a_lower_bar_than_it_starts(store):
    # Peak 30 → a wave starts on a day with ≥ 3 articles and continues on days with ≥ 2, gaps ≤ 2 days.
    incident = _build(store, {0: 30, 1: 5, 40: 8, 41: 2, 43: 2, 47: 2})
    cov = analyse_coverage(store, incident)
    assert len(cov.waves) == 1
    wave = cov.waves[0]
    assert (wave.start.date(), wave.end.date()) == ((T0 + timedelta(days=40)).date(), (T0 + timedelta(days=43)).date())
    assert wave.articles == 12


def test_empty_store_gives_an_empty_analysis(store):
    from storyradar.coverage import analyse_coverage as analyse
    from storyradar.model import Incident, Place

    incident = Incident(name="nothing-yet", occurred_at=T0, place=Place("Nowhere"))
    store.save_incident(incident)
    cov = analyse(store, incident)
    assert cov.items == [] and cov.first_mention is None and cov.peak_count == 0
    assert cov.to_dict()["silence"]["note"] == "no dated coverage"


def test_a_date_alone_never_sets_the_first_mention_or_an_hour(store):
    from storyradar.coverage import build_timeline as timeline
    from storyradar.model import Article, Match, MatchReason

    incident = _build(store, {0: 3})
    day_only = Article(url="https://dayonly.example/a", title="Market strike", text="x",
                       published_at=T0.replace(hour=0, minute=0), date_source="html-meta",
                       published_precision="day", outlet="dayonly.example")
    store.upsert_articles([day_only])
    store.replace_matches(incident.id, store.get_matches(incident.id)
                          + [Match(incident.id, day_only.id, 0.9, "about", [MatchReason("place", "p", 1.0)])])
    cov = analyse_coverage(store, incident)
    assert cov.first_mention.url != day_only.url and cov.first_lag == timedelta(minutes=30)
    items = matched_items(store, incident)
    assert sum(timeline(items, incident, by="day").total) == 4
    hourly = timeline(items, incident, by="hour")
    assert sum(hourly.total) == 3 and hourly.undated == 1


def test_a_partly_collected_last_day_is_not_a_collection_gap(store):
    from storyradar.model import Article

    incident = _build(store, {0: 5}, background_until=20)
    # Collection ends early on the next day: one article from source A, nothing yet from B.
    store.upsert_articles([Article(url="https://bg.example/late", title="weather", text="rain",
                                   published_at=T0 + timedelta(days=20, minutes=10), date_source="html-meta",
                                   outlet="bg.example", collection_source="feedA")])
    cov = analyse_coverage(store, incident)
    last_day = (T0 + timedelta(days=20)).date()
    assert cov.daily.bins[-1].date() == last_day
    assert not [g for g in cov.gaps if g.day == last_day]
