"""Solar position (NOAA algorithm via astral) for a place and time, one point or a whole grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from astral import Observer
from astral import sun as _sun

from .uncertain import VerifyError, check_latlon


@dataclass(frozen=True, slots=True)
class SunPosition:
    """Where the sun stands: azimuth (deg true, clockwise from north), geometric and apparent elevation (deg).

    The apparent elevation adds standard atmospheric refraction (NOAA's formula); shadows follow it.
    """

    azimuth_deg: float
    elevation_deg: float
    apparent_elevation_deg: float

    def describe(self) -> str:
        """One line with units."""
        return (f"sun azimuth {self.azimuth_deg:.2f}° true, elevation {self.elevation_deg:.2f}° "
                f"(apparent {self.apparent_elevation_deg:.2f}° with refraction)")


def _aware_utc(when: datetime, what: str = "time") -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise VerifyError(f"{what} {when.isoformat()} has no time zone; give UTC or an offset")
    return when.astimezone(UTC)


def sun_position(lat: float, lon: float, when_utc: datetime) -> SunPosition:
    """Sun azimuth and elevation at (lat, lon) at an aware time (NOAA equations, about ±0.02°)."""
    check_latlon(lat, lon)
    when = _aware_utc(when_utc)
    obs = Observer(latitude=lat, longitude=lon)
    zen_true, azimuth = _sun.zenith_and_azimuth(obs, when, with_refraction=False)
    zen_app, _ = _sun.zenith_and_azimuth(obs, when, with_refraction=True)
    return SunPosition(azimuth_deg=azimuth, elevation_deg=90.0 - zen_true, apparent_elevation_deg=90.0 - zen_app)


def refraction_deg(elevation_deg: np.ndarray) -> np.ndarray:
    """NOAA's atmospheric refraction correction (deg) for geometric elevations (vectorised)."""
    el = np.asarray(elevation_deg, dtype=float)
    te = np.tan(np.radians(np.clip(el, -89.9, 89.9)))
    with np.errstate(divide="ignore", invalid="ignore"):
        high = 58.1 / te - 0.07 / te**3 + 0.000086 / te**5
        low = 1735.0 + el * (-518.2 + el * (103.4 + el * (-12.79 + el * 0.711)))
        neg = -20.774 / te
    arcsec = np.where(el > 5.0, high, np.where(el > -0.575, low, neg))
    return np.where(el >= 85.0, 0.0, arcsec / 3600.0)


def subsolar_point(when_utc: datetime) -> tuple[float, float]:
    """(lat, lon) where the sun is at the zenith at that instant (declination; hour angle from the equation of time)."""
    when = _aware_utc(when_utc)
    t = _sun.julianday_to_juliancentury(_sun.julianday(when))
    declination = _sun.sun_declination(t)
    eqtime_min = _sun.eq_of_time(t)
    minutes = when.hour * 60 + when.minute + when.second / 60 + when.microsecond / 6e7
    lon = -(minutes + eqtime_min - 720.0) / 4.0
    lon = (lon + 180.0) % 360.0 - 180.0
    return declination, lon


def sun_grid(when_utc: datetime, lats: np.ndarray, lons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Apparent elevation and azimuth (deg) of the sun over arrays of latitudes/longitudes (broadcast).

    Same NOAA equations as :func:`sun_position`, evaluated once for the instant and spread over the grid.
    """
    dec, sub_lon = subsolar_point(when_utc)
    lat = np.radians(np.clip(lats, -89.8, 89.8))
    d = np.radians(dec)
    h = np.radians(np.asarray(lons) - sub_lon)  # hour angle, positive west of the subsolar meridian
    cos_z = np.clip(np.sin(lat) * np.sin(d) + np.cos(lat) * np.cos(d) * np.cos(h), -1.0, 1.0)
    elevation = 90.0 - np.degrees(np.arccos(cos_z))
    azimuth = np.degrees(np.arctan2(-np.sin(h) * np.cos(d),
                                    np.cos(lat) * np.sin(d) - np.sin(lat) * np.cos(d) * np.cos(h))) % 360.0
    return elevation + refraction_deg(elevation), azimuth
