"""Shadows: from a measured shadow, the times of day (known place) or the places (known time) that fit."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

import numpy as np

from .sun import SunPosition, _aware_utc, subsolar_point, sun_grid, sun_position
from .uncertain import Z95, Uncertain, VerifyError, check_latlon, wrap180


@dataclass(frozen=True, slots=True)
class ElevationRange:
    """Sun elevation implied by a shadow: best value, one-sd spread and the interval checked (deg)."""

    value_deg: float
    sd_deg: float
    low_deg: float
    high_deg: float

    def contains(self, elevation: float) -> bool:
        """True when an elevation lies inside the interval."""
        return self.low_deg <= elevation <= self.high_deg

    def describe(self) -> str:
        """One line with units."""
        return (f"sun elevation {self.value_deg:.2f}° ± {self.sd_deg:.2f}° "
                f"(interval {self.low_deg:.2f}° to {self.high_deg:.2f}°)")


@dataclass(frozen=True, slots=True)
class AzimuthRange:
    """Sun azimuth implied by a shadow's direction (the shadow points away from the sun), deg true."""

    value_deg: float
    sd_deg: float
    half_width_deg: float

    def contains(self, azimuth: float) -> bool:
        """True when a sun azimuth lies within the interval (wrapping at north)."""
        return abs(wrap180(azimuth - self.value_deg)) <= self.half_width_deg

    def describe(self) -> str:
        """One line with units."""
        return f"sun azimuth {self.value_deg:.2f}° ± {self.half_width_deg:.2f}° true"


def elevation_from_shadow(height: Uncertain, length: Uncertain, *, z: float = Z95) -> ElevationRange:
    """Sun elevation atan(height / length), with first-order propagation of both spreads to ±z·sd."""
    if height.value <= 0 or length.value <= 0:
        raise VerifyError(f"object height ({height}) and shadow length ({length}) must be positive")
    h, s = height.value, length.value
    value = math.degrees(math.atan2(h, s))
    sd = math.degrees(math.hypot(s * height.sd, h * length.sd) / (h * h + s * s))
    return ElevationRange(value, sd, max(0.0, value - z * sd), min(90.0, value + z * sd))


def elevation_from_ratio(ratio: Uncertain, *, z: float = Z95) -> ElevationRange:
    """Sun elevation from a shadow ratio (shadow length / object height), as ShadowFinder takes it."""
    return elevation_from_shadow(Uncertain(1.0, 0.0), ratio, z=z)


def azimuth_from_shadow(shadow_azimuth: Uncertain, *, z: float = Z95) -> AzimuthRange:
    """Sun azimuth from the direction a shadow points (deg true): the sun is opposite."""
    return AzimuthRange((shadow_azimuth.value + 180.0) % 360.0, shadow_azimuth.sd, z * shadow_azimuth.sd)


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A span of time (aware UTC) when the sun fits the shadow, with the sun's range over it."""

    start_utc: datetime
    end_utc: datetime
    elevation_deg: tuple[float, float]
    azimuth_deg: tuple[float, float]

    def describe(self, tz: tzinfo | None = None) -> str:
        """One line; times shown in ``tz`` as well as UTC when given."""
        fmt = "%Y-%m-%d %H:%M:%S"
        text = f"{self.start_utc.strftime(fmt)}Z to {self.end_utc.strftime(fmt)}Z"
        if tz is not None:
            text += f" ({self.start_utc.astimezone(tz).isoformat()} to {self.end_utc.astimezone(tz).isoformat()})"
        return (text + f", sun elevation {self.elevation_deg[0]:.2f}°..{self.elevation_deg[1]:.2f}°, "
                f"azimuth {self.azimuth_deg[0]:.1f}°..{self.azimuth_deg[1]:.1f}°")


def _fits(pos: SunPosition, elevation: ElevationRange | None, azimuth: AzimuthRange | None) -> bool:
    if pos.apparent_elevation_deg <= 0:
        return False
    if elevation is not None and not elevation.contains(pos.apparent_elevation_deg):
        return False
    return azimuth is None or azimuth.contains(pos.azimuth_deg)


def _day_span(lat: float, lon: float, day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    if tz is not None:
        start = datetime.combine(day, datetime.min.time(), tzinfo=tz).astimezone(UTC)
    else:  # the local solar day: midnight of mean solar time at this longitude
        start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) - timedelta(hours=lon / 15.0)
    return start, start + timedelta(days=1)


def times_consistent(lat: float, lon: float, day: date, *, elevation: ElevationRange | None = None,
                     azimuth: AzimuthRange | None = None, tz: tzinfo | None = None,
                     step_s: int = 30) -> list[TimeWindow]:
    """The windows of time on ``day`` at (lat, lon) when the sun fits the shadow's elevation and/or azimuth.

    ``day`` is a calendar date in ``tz`` (or the local mean-solar day when ``tz`` is None). The day
    is scanned every ``step_s`` seconds and each window's edges are refined to the second.
    """
    check_latlon(lat, lon)
    if elevation is None and azimuth is None:
        raise VerifyError("give the shadow's length and height, its azimuth, or both")
    start, end = _day_span(lat, lon, day, tz)
    return _scan(lat, lon, start, end, elevation, azimuth, step_s)


def _scan(lat: float, lon: float, start: datetime, end: datetime, elevation: ElevationRange | None,
          azimuth: AzimuthRange | None, step_s: int) -> list[TimeWindow]:
    n = int((end - start).total_seconds() // step_s) + 1
    times = [start + timedelta(seconds=i * step_s) for i in range(n)]
    fits = [_fits(sun_position(lat, lon, t), elevation, azimuth) for t in times]

    def edge(t_out: datetime, t_in: datetime) -> datetime:
        while abs((t_in - t_out).total_seconds()) > 1:
            mid = t_out + (t_in - t_out) / 2
            if _fits(sun_position(lat, lon, mid), elevation, azimuth):
                t_in = mid
            else:
                t_out = mid
        return t_in.replace(microsecond=0)

    windows: list[TimeWindow] = []
    i = 0
    while i < n:
        if not fits[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and fits[j + 1]:
            j += 1
        w_start = times[i] if i == 0 else edge(times[i - 1], times[i])
        w_end = times[j] if j == n - 1 else edge(times[j + 1], times[j])
        samples = [sun_position(lat, lon, w_start + (w_end - w_start) * k / 20) for k in range(21)]
        els = [p.apparent_elevation_deg for p in samples]
        azs = [p.azimuth_deg for p in samples]
        windows.append(TimeWindow(w_start, w_end, (min(els), max(els)), (azs[0], azs[-1])))
        i = j + 1
    return windows


@dataclass(slots=True)
class ShadowCheck:
    """Is a claimed time consistent with a shadow at a known place? Verdict, margin, and the sun then."""

    claimed_utc: datetime
    sun: SunPosition
    verdict: str  # "consistent" | "not consistent"
    elevation: ElevationRange | None
    azimuth: AzimuthRange | None
    margin_deg: float  # inside (+) or outside (-) the tightest interval bound, in degrees
    minutes_to_fit: float | None  # minutes from the claimed time to the nearest fitting time (0 when it fits)
    windows: list[TimeWindow] = field(default_factory=list)

    def describe(self) -> str:
        """One neutral line: the verdict with its margin and units."""
        text = (f"claimed {self.claimed_utc.isoformat()}: {self.verdict} with the measured shadow; "
                f"{self.sun.describe()}; ")
        if self.verdict == "consistent":
            text += f"inside the measured interval by {self.margin_deg:.2f}°"
        else:
            text += f"outside the measured interval by {-self.margin_deg:.2f}°"
            if self.minutes_to_fit is not None:
                text += f"; the nearest fitting time is {self.minutes_to_fit:+.0f} min from the claim"
            else:
                text += "; no time within ±12 h fits"
        return text


def check_claimed_time(lat: float, lon: float, claimed: datetime, *, elevation: ElevationRange | None = None,
                       azimuth: AzimuthRange | None = None) -> ShadowCheck:
    """Forward check: does the sun at (lat, lon) at the claimed time cast the measured shadow?"""
    check_latlon(lat, lon)
    if elevation is None and azimuth is None:
        raise VerifyError("give the shadow's length and height, its azimuth, or both")
    when = _aware_utc(claimed, "claimed time")
    pos = sun_position(lat, lon, when)
    margins = []
    if elevation is not None:
        el = pos.apparent_elevation_deg
        margins.append(min(el - elevation.low_deg, elevation.high_deg - el))
    if azimuth is not None:
        margins.append(azimuth.half_width_deg - abs(wrap180(pos.azimuth_deg - azimuth.value_deg)))
    if pos.apparent_elevation_deg <= 0:
        margins.append(pos.apparent_elevation_deg)
    margin = min(margins)
    windows = _scan(lat, lon, when - timedelta(hours=12), when + timedelta(hours=12), elevation, azimuth, 60)
    fits = margin >= 0
    minutes: float | None = 0.0
    if not fits:
        minutes = None
        for w in windows:
            for edge in (w.start_utc, w.end_utc):
                delta = (edge - when).total_seconds() / 60
                if minutes is None or abs(delta) < abs(minutes):
                    minutes = delta
    return ShadowCheck(when, pos, "consistent" if fits else "not consistent", elevation, azimuth,
                       margin, minutes, windows)


@dataclass(slots=True)
class LocationBand:
    """Grid cells (centres, deg) where the sun at a known instant fits the shadow: ShadowFinder's band."""

    when_utc: datetime
    elevation: ElevationRange
    azimuth: AzimuthRange | None
    resolution_deg: float
    cells: np.ndarray  # (n, 2) array of [lat, lon] cell centres
    subsolar: tuple[float, float]

    def describe(self) -> str:
        """One line: how many cells and their latitude span."""
        if len(self.cells) == 0:
            return f"no place on Earth fits {self.elevation.describe()} at {self.when_utc.isoformat()}"
        lats = self.cells[:, 0]
        return (f"{len(self.cells)} cells of {self.resolution_deg}° fit {self.elevation.describe()} at "
                f"{self.when_utc.isoformat()}; latitudes {lats.min():.1f}° to {lats.max():.1f}°; "
                f"subsolar point {self.subsolar[0]:.2f}°, {self.subsolar[1]:.2f}°")

    def geojson(self) -> dict:
        """A GeoJSON Feature: the band as a MultiPolygon of merged grid rectangles."""
        half = self.resolution_deg / 2
        polygons = []
        if len(self.cells):
            order = np.lexsort((self.cells[:, 1], self.cells[:, 0]))
            rows = self.cells[order]
            i = 0
            while i < len(rows):
                lat, lon0 = rows[i]
                j = i
                while (j + 1 < len(rows) and rows[j + 1, 0] == lat
                       and abs(rows[j + 1, 1] - rows[j, 1] - self.resolution_deg) < 1e-9):
                    j += 1
                lon1 = rows[j, 1]
                w, e, s, n = (round(float(v), 6) for v in (lon0 - half, lon1 + half, lat - half, lat + half))
                polygons.append([[[w, s], [e, s], [e, n], [w, n], [w, s]]])
                i = j + 1
        return {
            "type": "Feature",
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            "properties": {
                "time_utc": self.when_utc.isoformat(),
                "sun_elevation_deg": [round(self.elevation.low_deg, 4), round(self.elevation.high_deg, 4)],
                "resolution_deg": self.resolution_deg,
                "cells": len(self.cells),
                "subsolar_point": [round(self.subsolar[0], 4), round(self.subsolar[1], 4)],
            },
        }


def location_band(when_utc: datetime, elevation: ElevationRange, *, azimuth: AzimuthRange | None = None,
                  resolution_deg: float = 0.5) -> LocationBand:
    """Every cell of a global lat/lon grid where the sun at ``when_utc`` fits the shadow's elevation (and azimuth)."""
    when = _aware_utc(when_utc)
    if not 0.01 <= resolution_deg <= 10:
        raise VerifyError(f"grid resolution {resolution_deg}° is outside 0.01..10")
    half = resolution_deg / 2
    lats = np.arange(-90 + half, 90, resolution_deg)
    lons = np.arange(-180 + half, 180, resolution_deg)
    lat_g, lon_g = np.meshgrid(lats, lons, indexing="ij")
    el, az = sun_grid(when, lat_g, lon_g)
    ok = (el >= elevation.low_deg) & (el <= elevation.high_deg) & (el > 0)
    if azimuth is not None:
        ok &= np.abs((az - azimuth.value_deg + 180.0) % 360.0 - 180.0) <= azimuth.half_width_deg
    cells = np.column_stack([lat_g[ok], lon_g[ok]])
    return LocationBand(when, elevation, azimuth, resolution_deg, cells, subsolar_point(when))
