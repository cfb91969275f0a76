"""Sound: speed from temperature, distance from delay, direction and position from arrival times."""

from __future__ import annotations

import math

import pytest

from storyradar.verify import (
    Recorder,
    Uncertain,
    VerifyError,
    direction_of_arrival,
    distance_from_delay,
    geo,
    locate_source,
    speed_of_sound,
)

CENTRE = (48.50, 37.60)
LAYOUT = [(0.0, 0.0), (900.0, 150.0), (200.0, -700.0), (-600.0, 400.0)]  # east, north metres


def test_speed_of_sound():
    assert speed_of_sound(0.0) == pytest.approx(331.3)
    assert speed_of_sound(20.0) == pytest.approx(331.3 * math.sqrt(1 + 20 / 273.15))
    assert speed_of_sound(20.0) == pytest.approx(343.2, abs=0.05)
    with pytest.raises(VerifyError, match="absolute zero"):
        speed_of_sound(-300)


def test_distance_from_delay_with_propagated_spread():
    est = distance_from_delay(Uncertain(4.2, 0.2), Uncertain(20.0, 3.0))
    c = speed_of_sound(20.0)
    dc = (speed_of_sound(20.0 + 1e-4) - speed_of_sound(20.0 - 1e-4)) / 2e-4
    assert est.distance_m == pytest.approx(4.2 * c)
    assert est.sd_m == pytest.approx(math.hypot(c * 0.2, 4.2 * dc * 3.0), rel=1e-6)
    assert est.low_m == pytest.approx(est.distance_m - 1.959964 * est.sd_m, rel=1e-5)
    with pytest.raises(VerifyError, match="positive"):
        distance_from_delay(Uncertain(0.0), Uncertain(20.0))


def _plane_wave(azimuth_deg: float, c: float, n: int) -> list[Recorder]:
    u = (math.sin(math.radians(azimuth_deg)), math.cos(math.radians(azimuth_deg)))
    recs = []
    for i, (e, nn) in enumerate(LAYOUT[:n]):
        lat, lon = geo.from_local(*CENTRE, e, nn)
        x, y = geo.to_local(*CENTRE, lat, lon)
        recs.append(Recorder(lat, lon, 100.0 - (x * u[0] + y * u[1]) / c, f"r{i}"))
    return recs


@pytest.mark.parametrize("azimuth", [12.0, 137.5, 237.0, 301.0])
def test_direction_of_arrival_recovers_a_planted_direction(azimuth):
    c = speed_of_sound(15.0)
    got = direction_of_arrival(_plane_wave(azimuth, c, 4), Uncertain(15.0, 2.0), timing_sd_s=0.002)
    assert abs((got.azimuth_deg - azimuth + 180) % 360 - 180) < 0.05
    assert got.apparent_speed_mps == pytest.approx(c, rel=1e-3)
    assert 0 < got.sd_deg < 1.0


def test_two_recorders_give_a_mirror_pair():
    c = speed_of_sound(10.0)
    got = direction_of_arrival(_plane_wave(70.0, c, 2), Uncertain(10.0, 0.0), timing_sd_s=0.0005)
    candidates = [got.azimuth_deg, *got.alternatives_deg]
    assert min(abs((a - 70.0 + 180) % 360 - 180) for a in candidates) < 0.1


def test_locate_source_from_four_recorders():
    source = (48.53, 37.66)
    c = speed_of_sound(15.0)
    recs = []
    for i, (e, n) in enumerate(LAYOUT):
        lat, lon = geo.from_local(*CENTRE, e, n)
        recs.append(Recorder(lat, lon, 3.0 + geo.inverse(lat, lon, *source)[0] / c, f"r{i}"))
    fix = locate_source(recs, Uncertain(15.0, 0.5), timing_sd_s=0.001, samples=60)
    assert geo.inverse(fix.lat, fix.lon, *source)[0] < 1.0
    assert fix.residual_rms_s < 1e-5
    assert fix.semi_major_m > fix.semi_minor_m > 0
    with pytest.raises(VerifyError, match="three recorders"):
        locate_source(recs[:2], Uncertain(15.0))
