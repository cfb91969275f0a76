"""Sound: distance from a flash-to-bang delay, and direction or position from arrival times at recorders."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import least_squares

from . import geo
from .bearing import CHI2_95_2D
from .uncertain import Z95, Uncertain, VerifyError, check_latlon


def speed_of_sound(temp_c: float) -> float:
    """Speed of sound in dry air (m/s) at ``temp_c`` °C: 331.3·sqrt(1 + T/273.15)."""
    if temp_c <= -273.15:
        raise VerifyError(f"air temperature {temp_c} °C is below absolute zero")
    return 331.3 * math.sqrt(1.0 + temp_c / 273.15)


def _speed_sd(temp: Uncertain) -> float:
    return 331.3 / (2 * 273.15 * math.sqrt(1.0 + temp.value / 273.15)) * temp.sd


@dataclass(frozen=True, slots=True)
class DistanceEstimate:
    """Distance (m) from a flash-to-sound delay, one sd, the 95 % interval and the speed used (m/s)."""

    distance_m: float
    sd_m: float
    low_m: float
    high_m: float
    speed_mps: float
    speed_sd_mps: float

    def describe(self) -> str:
        """One line with units."""
        return (f"distance {self.distance_m:.0f} m ± {self.sd_m:.0f} m (95 %: {self.low_m:.0f}–{self.high_m:.0f} m); "
                f"speed of sound {self.speed_mps:.1f} ± {self.speed_sd_mps:.1f} m/s")


def distance_from_delay(delay_s: Uncertain, temp_c: Uncertain) -> DistanceEstimate:
    """Distance = speed of sound × delay, both spreads propagated (first order; light's travel time neglected)."""
    if delay_s.value <= 0:
        raise VerifyError(f"delay {delay_s} s must be positive")
    c = speed_of_sound(temp_c.value)
    c_sd = _speed_sd(temp_c)
    d = c * delay_s.value
    sd = math.hypot(c * delay_s.sd, delay_s.value * c_sd)
    return DistanceEstimate(d, sd, max(0.0, d - Z95 * sd), d + Z95 * sd, c, c_sd)


@dataclass(frozen=True, slots=True)
class Recorder:
    """A recorder at a known place and the time (s, on a shared clock) the sound reached it."""

    lat: float
    lon: float
    t_s: float
    label: str = ""


@dataclass(slots=True)
class ArrivalDirection:
    """Direction the sound came from (deg true), with sd, from a plane-wave fit of arrival times."""

    azimuth_deg: float
    sd_deg: float
    apparent_speed_mps: float | None  # fitted speed across the array (≈ speed of sound for a far source)
    residual_rms_s: float
    alternatives_deg: list[float] = field(default_factory=list)  # two recorders: the mirror direction

    def describe(self) -> str:
        """One line with units."""
        text = f"sound arrived from {self.azimuth_deg:.1f}° ± {self.sd_deg:.2f}° true"
        if self.alternatives_deg:
            text += " or " + ", ".join(f"{a:.1f}°" for a in self.alternatives_deg) + " (two recorders cannot tell)"
        if self.apparent_speed_mps is not None:
            text += f"; apparent speed across the array {self.apparent_speed_mps:.0f} m/s"
        return text + f"; timing residual rms {self.residual_rms_s * 1000:.1f} ms"


def _local(recorders: Sequence[Recorder]) -> tuple[float, float, np.ndarray, np.ndarray]:
    for r in recorders:
        check_latlon(r.lat, r.lon, what=f"recorder {r.label}".strip())
    lat0 = sum(r.lat for r in recorders) / len(recorders)
    lon0 = sum(r.lon for r in recorders) / len(recorders)
    xy = np.array([geo.to_local(lat0, lon0, r.lat, r.lon) for r in recorders])
    t = np.array([r.t_s for r in recorders], dtype=float)
    return lat0, lon0, xy, t - t.mean()


def direction_of_arrival(recorders: Sequence[Recorder], temp_c: Uncertain, *, timing_sd_s: float = 0.002,
                         samples: int = 2000, seed: int = 0) -> ArrivalDirection:
    """Direction of a far source from arrival-time differences (plane wave).

    Three or more recorders: least-squares slowness vector, t_i = t0 + s·r_i, azimuth of −s. Two
    recorders: the angle to the baseline, cos θ = c·Δt / d, which leaves a mirror ambiguity. The
    sd is a Monte Carlo over timing errors (``timing_sd_s``) and the temperature's sd.
    """
    if len(recorders) < 2:
        raise VerifyError("direction of arrival needs at least two recorders")
    _, _, xy, t = _local(recorders)
    rng = np.random.default_rng(seed)
    t_draw = t + timing_sd_s * rng.standard_normal((samples, len(t)))
    c_draw = np.array([speed_of_sound(v) for v in temp_c.value + temp_c.sd * rng.standard_normal(samples)])
    if len(recorders) == 2:
        base = xy[1] - xy[0]
        d = float(np.hypot(*base))
        if d == 0:
            raise VerifyError("the two recorders are at the same place")
        c = speed_of_sound(temp_c.value)
        dt = t[1] - t[0]
        if abs(c * dt) > d * 1.05:
            raise VerifyError(f"delay {dt:.4f} s exceeds the travel time across the {d:.0f} m baseline")
        base_az = math.degrees(math.atan2(base[0], base[1]))
        theta = math.degrees(math.acos(max(-1.0, min(1.0, -c * dt / d))))
        ths = np.degrees(np.arccos(np.clip(-c_draw * (t_draw[:, 1] - t_draw[:, 0]) / d, -1, 1)))
        return ArrivalDirection((base_az + theta) % 360, float(np.std(ths)), None, 0.0, [(base_az - theta) % 360])
    a = np.column_stack([np.ones(len(t)), xy])
    coef, *_ = np.linalg.lstsq(a, t, rcond=None)
    s = coef[1:]
    if not np.any(s):
        raise VerifyError("all recorders heard the sound at once: the source is overhead or equidistant")
    az = math.degrees(math.atan2(-s[0], -s[1])) % 360
    resid = t - a @ coef
    coefs = np.linalg.lstsq(a, t_draw.T, rcond=None)[0]
    az_draw = np.degrees(np.arctan2(-coefs[1], -coefs[2]))
    spread = float(np.degrees(np.std(np.radians((az_draw - az + 180) % 360 - 180))))
    return ArrivalDirection(az, spread, float(1 / np.hypot(*s)), float(np.sqrt(np.mean(resid**2))))


@dataclass(slots=True)
class SourceFix:
    """A sound source located from arrival times at three or more recorders, with a 95 % ellipse."""

    lat: float
    lon: float
    semi_major_m: float
    semi_minor_m: float
    major_azimuth_deg: float
    residual_rms_s: float
    ellipse: list[list[float]] = field(default_factory=list)

    def describe(self) -> str:
        """One line with units."""
        return (f"source {self.lat:.5f}, {self.lon:.5f}; 95 % ellipse {self.semi_major_m:.0f} m × "
                f"{self.semi_minor_m:.0f} m (semi-axes, major axis at {self.major_azimuth_deg:.0f}°); "
                f"timing residual rms {self.residual_rms_s * 1000:.1f} ms")


def _solve_source(xy: np.ndarray, t: np.ndarray, c: float, starts: list[np.ndarray]) -> tuple[np.ndarray, float]:
    def res(p: np.ndarray) -> np.ndarray:
        return p[2] + np.hypot(xy[:, 0] - p[0], xy[:, 1] - p[1]) / c - t

    best = None
    for p0 in starts:
        sol = least_squares(res, p0, x_scale=[1000.0, 1000.0, 1.0])
        if best is None or sol.cost < best.cost:
            best = sol
    return best.x, float(np.sqrt(np.mean(res(best.x) ** 2)))


def locate_source(recorders: Sequence[Recorder], temp_c: Uncertain, *, timing_sd_s: float = 0.002,
                  samples: int = 200, seed: int = 0) -> SourceFix:
    """Source position from arrival times (TDOA): least squares over (east, north, emission time).

    Three recorders can leave two exact solutions; four or more decide. The 95 % ellipse comes from
    a Monte Carlo over timing errors and temperature.
    """
    if len(recorders) < 3:
        raise VerifyError("locating a source needs at least three recorders (four to be unambiguous)")
    lat0, lon0, xy, t = _local(recorders)
    c = speed_of_sound(temp_c.value)
    span = float(np.max(np.hypot(*(xy - xy.mean(axis=0)).T))) or 100.0
    starts = [np.array([r * span * math.sin(a), r * span * math.cos(a), -r * span / c])
              for r in (0.5, 2.0, 8.0) for a in np.radians(np.arange(0, 360, 45))]
    best, rms = _solve_source(xy, t, c, starts)
    rng = np.random.default_rng(seed)
    cloud = []
    for _ in range(samples):
        tt = t + timing_sd_s * rng.standard_normal(len(t))
        cc = speed_of_sound(temp_c.value + temp_c.sd * rng.standard_normal())
        cloud.append(_solve_source(xy, tt, cc, [best])[0][:2])
    cov = np.cov(np.array(cloud).T)
    major, minor, az = geo.covariance_ellipse(cov, CHI2_95_2D)
    lat, lon = geo.from_local(lat0, lon0, float(best[0]), float(best[1]))
    ring = geo.ellipse_ring(lat0, lon0, float(best[0]), float(best[1]), major, minor, az)
    return SourceFix(lat, lon, major, minor, az, rms, ring)
