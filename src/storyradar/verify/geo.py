"""Geodesy on the WGS84 ellipsoid (geographiclib): distances, destinations and a local flat map."""

from __future__ import annotations

import math

import numpy as np
from geographiclib.geodesic import Geodesic

WGS84 = Geodesic.WGS84


def inverse(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float, float]:
    """Geodesic from point 1 to point 2: (distance m, azimuth at 1, azimuth at 2), degrees true."""
    g = WGS84.Inverse(lat1, lon1, lat2, lon2)
    return g["s12"], g["azi1"], g["azi2"]


def destination(lat: float, lon: float, azimuth: float, distance_m: float) -> tuple[float, float, float]:
    """Where a geodesic from (lat, lon) at ``azimuth`` ends after ``distance_m``: (lat, lon, azimuth there)."""
    g = WGS84.Direct(lat, lon, azimuth, distance_m)
    return g["lat2"], g["lon2"], g["azi2"]


def to_local(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """Azimuthal-equidistant (east, north) metres of a point around the centre (lat0, lon0).

    Geodesics through the centre are straight lines in this map, and distances from the centre
    are exact, which is what bearing and TDOA fits need.
    """
    s, azi, _ = inverse(lat0, lon0, lat, lon)
    a = math.radians(azi)
    return s * math.sin(a), s * math.cos(a)


def from_local(lat0: float, lon0: float, east: float, north: float) -> tuple[float, float]:
    """Inverse of :func:`to_local`: (lat, lon) of local (east, north) metres."""
    s = math.hypot(east, north)
    if s == 0.0:
        return lat0, lon0
    lat, lon, _ = destination(lat0, lon0, math.degrees(math.atan2(east, north)), s)
    return lat, lon


def haversine_km(lat1: np.ndarray | float, lon1: np.ndarray | float,
                 lat2: np.ndarray | float, lon2: np.ndarray | float) -> np.ndarray:
    """Great-circle distance in km on the mean sphere (vectorised; for screening, ±0.5 %)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def ellipse_ring(lat0: float, lon0: float, east: float, north: float, semi_major_m: float,
                 semi_minor_m: float, major_azimuth_deg: float, points: int = 72) -> list[list[float]]:
    """A closed GeoJSON ring ([lon, lat] pairs) of an ellipse given in local metres around (lat0, lon0)."""
    az = math.radians(major_azimuth_deg)
    ring = []
    for k in range(points + 1):
        t = 2 * math.pi * k / points
        a, b = semi_major_m * math.cos(t), semi_minor_m * math.sin(t)
        # major axis along azimuth az: unit (sin az, cos az); minor axis perpendicular
        e = east + a * math.sin(az) + b * math.cos(az)
        n = north + a * math.cos(az) - b * math.sin(az)
        lat, lon = from_local(lat0, lon0, e, n)
        ring.append([round(lon, 7), round(lat, 7)])
    return ring


def covariance_ellipse(cov: np.ndarray, scale: float) -> tuple[float, float, float]:
    """Semi-major, semi-minor (scaled) and the major axis azimuth (deg true) of a 2×2 (east, north) covariance."""
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[:, order]
    major = scale * math.sqrt(max(vals[0], 0.0))
    minor = scale * math.sqrt(max(vals[1], 0.0))
    azimuth = math.degrees(math.atan2(vecs[0, 0], vecs[1, 0])) % 180.0
    return major, minor, azimuth
