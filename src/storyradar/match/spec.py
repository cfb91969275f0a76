"""Incident specs as human-editable TOML: load with validation, write back, build from CLI options."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import IncidentSpecError, StoryradarError
from ..model import Incident, Place
from ..timeutil import parse_time, to_utc, with_offset, zone
from .gazetteer import place_by_id, resolve_place

PRECISIONS = ("minute", "hour", "day")
_TOP_KEYS = {
    "name", "title", "when", "occurred_at", "timezone", "precision", "place", "terms", "variants",
    "exclude_terms", "figures", "window_before_days", "window_after_days", "vocabulary", "notes",
}
_PLACE_KEYS = {"name", "country", "admin1", "latitude", "longitude", "lat", "lon", "geonameid", "population"}


def _fail(path: str, field: str, reason: str, hint: str = "") -> IncidentSpecError:
    return IncidentSpecError(f"field '{field}': {reason}", path=path, hint=hint)


def _str_list(data: dict[str, Any], key: str, path: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise _fail(path, key, "must be a list of strings")
    return [x.strip() for x in value if x.strip()]


def _occurred(data: dict[str, Any], path: str) -> tuple[datetime, int | None]:
    raw = data.get("when", data.get("occurred_at"))
    if raw is None:
        raise _fail(path, "when", "missing", "give e.g. when = \"2023-09-06T14:00+03:00\"")
    tz_name = data.get("timezone")
    try:
        assume = zone(tz_name) if tz_name else None
        if isinstance(raw, datetime):
            utc, off = to_utc(raw, assume=assume, what="when")
        else:
            utc, off = parse_time(str(raw), assume=assume, what="when")
    except StoryradarError as exc:
        raise _fail(path, "when", exc.reason,
                    "write the offset (2023-09-06T14:00+03:00) or add timezone = \"Europe/Kyiv\"") from exc
    return utc, off


def place_from_fields(fields: dict[str, Any], *, path: str = "") -> Place:
    """A Place from spec fields: declared (name + lat/lon), by GeoNames id, or resolved by name."""
    unknown = set(fields) - _PLACE_KEYS
    if unknown:
        raise _fail(path, "place", f"unknown keys {sorted(unknown)}")
    name = str(fields.get("name") or "").strip()
    if not name:
        raise _fail(path, "place.name", "missing")
    lat = fields.get("latitude", fields.get("lat"))
    lon = fields.get("longitude", fields.get("lon"))
    country = str(fields.get("country") or "").strip().upper()
    admin1 = str(fields.get("admin1") or "").strip()
    if (lat is None) != (lon is None):
        raise _fail(path, "place", "give both latitude and longitude, or neither")
    if lat is not None:
        try:
            lat_f, lon_f = float(lat), float(lon)
        except (TypeError, ValueError) as exc:
            raise _fail(path, "place.latitude", "latitude/longitude must be numbers") from exc
        if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
            raise _fail(path, "place.latitude", f"({lat_f}, {lon_f}) is not a coordinate on Earth")
        gid = fields.get("geonameid")
        return Place(name=name, latitude=lat_f, longitude=lon_f, country=country, admin1=admin1,
                     geonameid=int(gid) if gid is not None else None,
                     population=fields.get("population"))
    try:
        if fields.get("geonameid") is not None:
            return place_by_id(int(fields["geonameid"]))
        return resolve_place(name, country=country or None, admin1=admin1 or None)
    except IncidentSpecError as exc:
        exc.path = exc.path or path
        raise


def incident_from_mapping(data: dict[str, Any], *, path: str = "") -> Incident:
    """Validate a spec mapping (parsed TOML) into an Incident; errors name the file and the field."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _fail(path, sorted(unknown)[0], "unknown field", f"known fields: {', '.join(sorted(_TOP_KEYS))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, "name", "missing or empty")
    if not re.fullmatch(r"[\w.\- ]+", name.strip()):
        raise _fail(path, "name", f"{name!r} may use letters, digits, space, '.', '-' and '_' only")
    occurred, offset = _occurred(data, path)
    precision = data.get("precision", "minute")
    if precision not in PRECISIONS:
        raise _fail(path, "precision", f"{precision!r} is not one of {', '.join(PRECISIONS)}")
    place_raw = data.get("place")
    if isinstance(place_raw, str):
        place_raw = {"name": place_raw}
    if not isinstance(place_raw, dict):
        raise _fail(path, "place", "missing", "add a [place] table with at least name = \"...\"")
    place = place_from_fields(place_raw, path=path)
    figures = data.get("figures", {})
    if not isinstance(figures, dict) or not all(isinstance(v, int) and v >= 0 for v in figures.values()):
        raise _fail(path, "figures", "must map a figure name to a whole number, e.g. killed = 16")
    vocab = data.get("vocabulary", {})
    if not isinstance(vocab, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in vocab.values()
    ):
        raise _fail(path, "vocabulary", "must map a concept to a list of stems, e.g. market = [\"торжищ\"]")
    windows = {}
    for key, default in (("window_before_days", 2), ("window_after_days", 120)):
        value = data.get(key, default)
        if not isinstance(value, int) or value < 0:
            raise _fail(path, key, f"must be a whole number of days >= 0, not {value!r}")
        windows[key] = value
    return Incident(
        name=name.strip(), occurred_at=occurred, occurred_offset_min=offset, place=place,
        precision=precision, title=str(data.get("title", "")), terms=_str_list(data, "terms", path),
        variants=_str_list(data, "variants", path), exclude_terms=_str_list(data, "exclude_terms", path),
        figures={str(k): int(v) for k, v in figures.items()}, vocabulary={k: list(v) for k, v in vocab.items()},
        notes=str(data.get("notes", "")), **windows,
    )


def load_incident_toml(path: str | Path) -> Incident:
    """Read and validate an incident spec file (TOML)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IncidentSpecError("file not found", path=str(p)) from exc
    except UnicodeDecodeError as exc:
        raise IncidentSpecError(f"not UTF-8 text ({exc.reason})", path=str(p)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise IncidentSpecError(f"not valid TOML: {exc}", path=str(p)) from exc
    return incident_from_mapping(data, path=str(p))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def incident_to_toml(incident: Incident) -> str:
    """Write an incident as a TOML spec that :func:`load_incident_toml` reads back unchanged."""
    lines = [
        f"name = {_toml_value(incident.name)}",
        f"title = {_toml_value(incident.title)}",
        f"when = {_toml_value(with_offset(incident.occurred_at, incident.occurred_offset_min))}",
        f"precision = {_toml_value(incident.precision)}",
        f"terms = {_toml_value(incident.terms)}",
        f"variants = {_toml_value(incident.variants)}",
        f"exclude_terms = {_toml_value(incident.exclude_terms)}",
        f"window_before_days = {incident.window_before_days}",
        f"window_after_days = {incident.window_after_days}",
        f"notes = {_toml_value(incident.notes)}",
        "",
        "[place]",
    ]
    place = incident.place
    for key in ("name", "country", "admin1", "latitude", "longitude", "geonameid", "population"):
        value = getattr(place, key)
        if value not in (None, ""):
            lines.append(f"{key} = {_toml_value(value)}")
    if incident.figures:
        lines += ["", "[figures]"] + [f"{_toml_key(k)} = {v}" for k, v in incident.figures.items()]
    if incident.vocabulary:
        lines += ["", "[vocabulary]"] + [f"{_toml_key(k)} = {_toml_value(v)}"
                                         for k, v in incident.vocabulary.items()]
    return "\n".join(lines) + "\n"
