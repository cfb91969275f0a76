"""Shadows: elevation from lengths, times that fit on a date, the claimed-time check and the places band."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import pytest

from storyradar.verify import (
    Uncertain,
    VerifyError,
    azimuth_from_shadow,
    check_claimed_time,
    elevation_from_ratio,
    elevation_from_shadow,
    location_band,
    sun_position,
    times_consistent,
)

LAT, LON = 48.52, 37.70  # a fictional incident's town


def test_elevation_and_its_spread():
    e = elevation_from_shadow(Uncertain(2.0, 0.0), Uncertain(2.0, 0.0))
    assert e.value_deg == pytest.approx(45.0)
    assert e.sd_deg == 0.0
    e = elevation_from_shadow(Uncertain(2.0, 0.05), Uncertain(3.0, 0.1))
    # first-order propagation checked against a numeric derivative
    def el(h, s):
        return math.degrees(math.atan2(h, s))
    dh = (el(2.0 + 1e-6, 3.0) - el(2.0 - 1e-6, 3.0)) / 2e-6
    ds = (el(2.0, 3.0 + 1e-6) - el(2.0, 3.0 - 1e-6)) / 2e-6
    assert e.sd_deg == pytest.approx(math.hypot(dh * 0.05, ds * 0.1), rel=1e-6)
    assert e.low_deg == pytest.approx(e.value_deg - 1.959964 * e.sd_deg, abs=1e-5)
    assert elevation_from_ratio(Uncertain(1.5)).value_deg == pytest.approx(math.degrees(math.atan(1 / 1.5)))
    with pytest.raises(VerifyError, match="must be positive"):
        elevation_from_shadow(Uncertain(0.0), Uncertain(1.0))


def test_times_on_a_date_bracket_the_measured_elevation():
    e = elevation_from_shadow(Uncertain(2.0, 0.05), Uncertain(3.0, 0.1))
    windows = times_consistent(LAT, LON, date(2024, 6, 1), elevation=e)
    assert len(windows) == 2  # morning and afternoon
    for w in windows:
        assert w.end_utc > w.start_utc
        for edge in (w.start_utc, w.end_utc):
            el = sun_position(LAT, LON, edge).apparent_elevation_deg
            assert min(abs(el - e.low_deg), abs(el - e.high_deg)) < 0.01
        mid = w.start_utc + (w.end_utc - w.start_utc) / 2
        assert e.contains(sun_position(LAT, LON, mid).apparent_elevation_deg)
    # symmetric about solar noon (within a couple of minutes: declination drifts)
    noon_a = windows[0].end_utc + (windows[1].start_utc - windows[0].end_utc) / 2
    noon_b = windows[0].start_utc + (windows[1].end_utc - windows[0].start_utc) / 2
    assert abs((noon_a - noon_b).total_seconds()) < 120


def test_azimuth_narrows_to_one_window():
    e = elevation_from_shadow(Uncertain(2.0, 0.05), Uncertain(3.0, 0.1))
    # a shadow pointing west-south-west: the sun is in the east (morning)
    morning = times_consistent(LAT, LON, date(2024, 6, 1), elevation=e,
                               azimuth=azimuth_from_shadow(Uncertain(274.0, 3.0)))
    assert len(morning) == 1
    assert morning[0].start_utc.hour < 9


def test_claimed_time_verdicts_and_margins():
    e = elevation_from_shadow(Uncertain(2.0, 0.05), Uncertain(3.0, 0.1))
    w = times_consistent(LAT, LON, date(2024, 6, 1), elevation=e)[0]
    inside = check_claimed_time(LAT, LON, w.start_utc + (w.end_utc - w.start_utc) / 2, elevation=e)
    assert inside.verdict == "consistent"
    assert inside.margin_deg > 1.0
    assert inside.minutes_to_fit == 0.0
    late = check_claimed_time(LAT, LON, w.end_utc + timedelta(minutes=60), elevation=e)
    assert late.verdict == "not consistent"
    assert late.margin_deg < -5
    assert late.minutes_to_fit == pytest.approx(-60, abs=1.5)
    assert "not consistent" in late.describe()
    night = check_claimed_time(LAT, LON, datetime(2024, 6, 1, 22, 0, tzinfo=UTC), elevation=e)
    assert night.verdict == "not consistent"


def test_location_band_contains_the_planted_place_and_only_fitting_cells():
    when = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
    el = sun_position(LAT, LON, when).apparent_elevation_deg
    ratio = 1 / math.tan(math.radians(el))
    band = location_band(when, elevation_from_ratio(Uncertain(ratio, 0.03)), resolution_deg=1.0)
    cells = {(round(a, 1), round(b, 1)) for a, b in band.cells}
    assert (48.5, 37.5) in cells  # the cell holding the planted place
    for la, lo in band.cells[:: max(1, len(band.cells) // 40)]:
        cell_el = sun_position(float(la), float(lo), when).apparent_elevation_deg
        assert band.elevation.low_deg - 0.01 <= cell_el <= band.elevation.high_deg + 0.01
    feature = band.geojson()
    assert feature["geometry"]["type"] == "MultiPolygon"
    area_cells = sum(round((p[0][1][0] - p[0][0][0]) / 1.0) for p in feature["geometry"]["coordinates"])
    assert area_cells == len(band.cells)
    # a shadow direction keeps only one side of the ring
    az = sun_position(LAT, LON, when).azimuth_deg
    narrow = location_band(when, band.elevation, azimuth=azimuth_from_shadow(Uncertain((az + 180) % 360, 2.0)),
                           resolution_deg=1.0)
    assert 0 < len(narrow.cells) < len(band.cells) / 4
    assert (48.5, 37.5) in {(round(a, 1), round(b, 1)) for a, b in narrow.cells}
