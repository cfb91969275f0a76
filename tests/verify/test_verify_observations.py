"""Observations: checks saved with an incident and shown in its report section."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storyradar.errors import NotFoundError
from storyradar.model import Incident, Place
from storyradar.verify import (
    BearingObs,
    intersect_bearings,
    list_observations,
    save_observation,
    section,
    sun_position,
)


def _incident(store):
    inc = Incident(name="fictional-market-strike", occurred_at=datetime(2024, 6, 1, 9, 5, tzinfo=UTC),
                   place=Place("Fictionville", 48.52, 37.70))
    store.save_incident(inc)
    return inc


def test_save_list_and_section(store):
    inc = _incident(store)
    when = datetime(2024, 6, 1, 9, 5, tzinfo=UTC)
    pos = sun_position(48.52, 37.70, when)
    sun_id = save_observation(store, inc.name, "sun", "NOAA solar position (astral)",
                              {"lat": 48.52, "lon": 37.70, "time": when}, pos, "analyst A", "from video 1")
    fix = intersect_bearings([BearingObs(48.40, 37.55, 40.0, 1.0), BearingObs(48.60, 37.95, 250.0, 1.0)],
                             samples=200)
    save_observation(store, inc.id, "bearing", "intersection", {"obs": 2}, fix, "analyst B")
    rows = list_observations(store, inc.name)
    assert [r["kind"] for r in rows] == ["sun", "bearing"]
    assert rows[0]["id"] == sun_id
    assert rows[0]["inputs"]["time"] == "2024-06-01T09:05:00+00:00"
    assert rows[0]["result"]["azimuth_deg"] == pytest.approx(pos.azimuth_deg, abs=1e-8)
    assert rows[0]["result"]["summary"] == pos.describe()
    assert rows[0]["measured_by"] == "analyst A"
    assert rows[0]["created_at"].tzinfo is not None
    assert list_observations(store, inc.id, kind="bearing")[0]["result"]["lat"] == pytest.approx(fix.lat)
    sec = section(store, inc)
    assert sec is not None and sec.key == "verify"
    table = sec.tables["observations"]
    assert [r["kind"] for r in table] == ["sun", "bearing"]
    assert table[0]["result"] == pos.describe()
    assert table[1]["result"].startswith("intersection ")
    assert "2 physical check(s)" in sec.summary[0]


def test_section_is_none_without_observations_and_unknown_incident_fails(store):
    inc = _incident(store)
    assert section(store, inc) is None
    with pytest.raises(NotFoundError, match="no incident named 'nope'"):
        save_observation(store, "nope", "sun", "m", {}, {})
