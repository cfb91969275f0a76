"""Incident TOML specs, matching over a store, explain, and syndication groups."""

from __future__ import annotations

import pytest

from storyradar.errors import IncidentSpecError
from storyradar.match import (
    explain,
    incident_to_toml,
    load_incident_toml,
    run_match,
    shared_copies,
    syndication_groups,
)
from storyradar.match.dedup import distinct_stories, group_incident
from storyradar.model import Article


def test_toml_round_trip(tmp_path, incident):
    path = tmp_path / "spec.toml"
    path.write_text(incident_to_toml(incident), encoding="utf-8")
    back = load_incident_toml(path)
    assert back == incident


def test_naive_time_refused_unless_timezone_declared(tmp_path):
    path = tmp_path / "s.toml"
    base = 'name = "x"\nterms = ["market"]\n[place]\nname = "Zorianivka"\nlatitude = 48.5\nlongitude = 37.7\n'
    path.write_text('when = "2023-09-06T14:00"\n' + base, encoding="utf-8")
    with pytest.raises(IncidentSpecError) as err:
        load_incident_toml(path)
    assert "s.toml" in str(err.value) and "'when'" in str(err.value) and "timezone" in str(err.value)
    path.write_text('when = "2023-09-06T14:00"\ntimezone = "Europe/Kyiv"\n' + base, encoding="utf-8")
    inc = load_incident_toml(path)
    assert inc.occurred_at.hour == 11 and inc.occurred_offset_min == 180


def test_bad_field_is_named(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('name = "x"\nwhen = "2023-09-06T14:00Z"\nfigures = {killed = "many"}\n'
                    '[place]\nname = "Z"\nlatitude = 1\nlongitude = 2\n', encoding="utf-8")
    with pytest.raises(IncidentSpecError, match="'figures'"):
        load_incident_toml(path)


def test_run_match_stores_and_explains(store, incident, labelled):
    store.upsert_articles(a for _lab, a in labelled)
    store.save_incident(incident)
    summary = run_match(store, incident)
    gold = {a.id for lab, a in labelled if lab in ("about", "passing")}
    got = {m.article_id for m in store.get_matches(incident.id, relations=("about", "passing"))}
    assert got == gold
    assert summary.about + summary.passing == len(gold)
    near = {m.article_id for m in store.get_matches(incident.id, relations=("near-miss",))}
    assert near == {a.id for lab, a in labelled if lab == "near-miss"}
    unrelated = next(a for lab, a in labelled if lab == "unrelated")
    m = explain(store, incident, unrelated.url)
    assert m.relation == "unrelated" and m.reasons


def test_override_survives_rerun(store, incident, labelled):
    store.upsert_articles(a for _lab, a in labelled)
    run_match(store, incident)
    target = next(a for lab, a in labelled if lab == "about")
    store.set_override(incident.id, target.id, "exclude", "tester", "checked by hand")
    run_match(store, incident)
    assert target.id not in {m.article_id for m in store.get_matches(incident.id, relations=("about",))}


def _copy(i: int, outlet: str, text: str) -> Article:
    return Article(url=f"https://{outlet}/a{i}", title="Missile hits Zorianivka market", text=text, outlet=outlet)


def test_syndication_groups_wire_copies():
    wire = ("A missile struck the central market of Zorianivka on Wednesday afternoon, local officials said, "
            "and rescue teams worked through the night to clear the rubble from the stalls.")
    arts = [_copy(1, "a.example", wire), _copy(2, "b.example", wire + " Updated at 18:00."),
            _copy(3, "c.example", "Editorial: " + wire),
            _copy(4, "d.example", "An entirely different story about a parliament vote on the national budget "
                  "and what it means for roads, schools and the energy grid this winter.")]
    groups = syndication_groups(arts)
    assert groups[arts[0].id] == groups[arts[1].id] == groups[arts[2].id]
    assert groups[arts[3].id] != groups[arts[0].id]
    assert distinct_stories(groups) == 2


def test_shared_copies_lists_outlets(store, incident, labelled):
    first = next(a for lab, a in labelled if lab == "about")
    copies = [Article(url=f"https://copy{i}.example/x", title=first.title, text=first.text, outlet=f"copy{i}.example",
                      published_at=first.published_at, language="en") for i in range(3)]
    store.upsert_articles([a for _lab, a in labelled] + copies)
    run_match(store, incident)
    group_incident(store, incident.id)
    shared = shared_copies(store, incident.id)
    assert shared and shared[0]["articles"] == 4
    assert set(shared[0]["outlets"]) >= {"copy0.example", "copy1.example", first.outlet}
