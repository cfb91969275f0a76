"""Solar position against NOAA's published solar-calculator equations and NREL's SPA example."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest

from storyradar.verify import VerifyError, subsolar_point, sun_grid, sun_position


def noaa_reference(lat: float, lon: float, when: datetime) -> tuple[float, float, float]:
    """NOAA Solar Calculator spreadsheet (NOAA_Solar_Calculations_day.xls) equations, written out here.

    Returns (azimuth, geometric elevation, refraction-corrected elevation) in degrees.
    """
    when = when.astimezone(UTC)
    jd = (when - datetime(2000, 1, 1, 12, tzinfo=UTC)).total_seconds() / 86400 + 2451545.0
    t = (jd - 2451545.0) / 36525
    l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360
    m = 357.52911 + t * (35999.05029 - 0.0001537 * t)
    e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
    mr = math.radians(m)
    c = (math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t)) + math.sin(2 * mr) * (0.019993 - 0.000101 * t)
         + math.sin(3 * mr) * 0.000289)
    true_long = l0 + c
    omega = 125.04 - 1934.136 * t
    app_long = true_long - 0.00569 - 0.00478 * math.sin(math.radians(omega))
    eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
    eps = eps0 + 0.00256 * math.cos(math.radians(omega))
    decl = math.degrees(math.asin(math.sin(math.radians(eps)) * math.sin(math.radians(app_long))))
    y = math.tan(math.radians(eps / 2)) ** 2
    l0r = math.radians(l0)
    eqtime = 4 * math.degrees(y * math.sin(2 * l0r) - 2 * e * math.sin(mr) + 4 * e * y * math.sin(mr) * math.cos(2 * l0r)
                              - 0.5 * y * y * math.sin(4 * l0r) - 1.25 * e * e * math.sin(2 * mr))
    minutes = when.hour * 60 + when.minute + when.second / 60
    tst = (minutes + eqtime + 4 * lon) % 1440
    ha = tst / 4 - 180 if tst / 4 >= 0 else tst / 4 + 180
    la, de, har = math.radians(lat), math.radians(decl), math.radians(ha)
    zen = math.degrees(math.acos(math.sin(la) * math.sin(de) + math.cos(la) * math.cos(de) * math.cos(har)))
    el = 90 - zen
    if el > 85:
        refr = 0.0
    elif el > 5:
        te = math.tan(math.radians(el))
        refr = (58.1 / te - 0.07 / te**3 + 0.000086 / te**5) / 3600
    elif el > -0.575:
        refr = (1735 + el * (-518.2 + el * (103.4 + el * (-12.79 + el * 0.711)))) / 3600
    else:
        refr = -20.772 / math.tan(math.radians(el)) / 3600
    acos_arg = ((math.sin(la) * math.cos(math.radians(zen))) - math.sin(de)) / (math.cos(la) * math.sin(math.radians(zen)))
    az0 = math.degrees(math.acos(max(-1, min(1, acos_arg))))
    az = (az0 + 180) % 360 if ha > 0 else (540 - az0) % 360
    return az, el, el + refr


CASES = [
    # (place, lat, lon, time)
    ("Boulder CO", 40.0150, -105.2705, datetime(2024, 6, 20, 18, 0, tzinfo=UTC)),
    ("Kyiv, winter morning", 50.4501, 30.5234, datetime(2023, 12, 21, 7, 30, tzinfo=UTC)),
    ("Sydney, afternoon", -33.8688, 151.2093, datetime(2022, 3, 15, 4, 45, tzinfo=UTC)),
    ("Quito, equinox", -0.1807, -78.4678, datetime(2021, 9, 23, 17, 0, tzinfo=UTC)),
    ("Tromsø, midnight sun", 69.6492, 18.9553, datetime(2020, 6, 21, 23, 0, tzinfo=UTC)),
    ("Gaza, offset given", 31.5017, 34.4668, datetime(2024, 10, 9, 15, 10, tzinfo=timezone(timedelta(hours=3)))),
    ("Cape Town low sun", -33.9249, 18.4241, datetime(2019, 7, 1, 16, 40, tzinfo=UTC)),
]


@pytest.mark.parametrize(("place", "lat", "lon", "when"), CASES, ids=[c[0] for c in CASES])
def test_sun_matches_noaa_equations_to_a_tenth_of_a_degree(place, lat, lon, when):
    az, el, app = noaa_reference(lat, lon, when)
    pos = sun_position(lat, lon, when)
    assert abs((pos.azimuth_deg - az + 180) % 360 - 180) < 0.1, place
    assert pos.elevation_deg == pytest.approx(el, abs=0.1)
    assert pos.apparent_elevation_deg == pytest.approx(app, abs=0.1)


def test_nrel_spa_published_example():
    # Reda & Andreas (2004), NREL SPA report, Table A5.1: 2003-10-17 12:30:30 at -7 h, 39.742476 N,
    # 105.1786 W: topocentric zenith 50.11162°, azimuth 194.34024° (refraction at 820 mbar, 11 °C).
    when = datetime(2003, 10, 17, 12, 30, 30, tzinfo=timezone(timedelta(hours=-7)))
    pos = sun_position(39.742476, -105.1786, when)
    assert pos.azimuth_deg == pytest.approx(194.34024, abs=0.1)
    assert pos.apparent_elevation_deg == pytest.approx(90 - 50.11162, abs=0.1)


def test_grid_agrees_with_point_positions():
    when = datetime(2024, 3, 1, 9, 15, tzinfo=UTC)
    rng = np.random.default_rng(3)
    lats, lons = rng.uniform(-80, 80, 50), rng.uniform(-180, 180, 50)
    el, az = sun_grid(when, lats, lons)
    for la, lo, e, a in zip(lats, lons, el, az, strict=True):
        pos = sun_position(float(la), float(lo), when)
        assert e == pytest.approx(pos.apparent_elevation_deg, abs=0.01)
        if pos.elevation_deg < 89:
            assert abs((a - pos.azimuth_deg + 180) % 360 - 180) < 0.01


def test_subsolar_point_has_sun_overhead():
    when = datetime(2024, 6, 21, 12, 0, tzinfo=UTC)
    lat, lon = subsolar_point(when)
    assert lat == pytest.approx(23.44, abs=0.05)
    assert sun_position(lat, lon, when).elevation_deg == pytest.approx(90, abs=0.05)


def test_naive_time_and_bad_latitude_are_refused():
    with pytest.raises(VerifyError, match="no time zone"):
        sun_position(10, 10, datetime(2024, 1, 1, 12))
    with pytest.raises(VerifyError, match="latitude 95"):
        sun_position(95, 10, datetime(2024, 1, 1, 12, tzinfo=UTC))
