"""Incident form fields to and from the spec mapping that ``match.spec.incident_from_mapping`` validates."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ..errors import IncidentSpecError
from ..model import Incident
from ..timeutil import with_offset


class IncidentFields(BaseModel):
    """The fields of the incident form (and of the JSON API), as the CLI takes them."""

    name: str = Field(..., description="Short unique name, e.g. 'zorianivka-market'.")
    when: str = Field(..., description="ISO 8601 time with offset, e.g. 2025-03-14T11:05+02:00.")
    timezone: str = Field("", description="IANA zone for a time written without offset.")
    precision: str = Field("minute", description="minute, hour or day.")
    title: str = ""
    place: str = Field(..., description="Place name (resolved in GeoNames).")
    country: str = Field("", description="ISO country code to narrow the place.")
    admin1: str = Field("", description="GeoNames admin1 code to narrow the place.")
    geonameid: int | None = Field(None, description="Pick one GeoNames place by id.")
    lat: float | None = Field(None, description="Declare the place by coordinates instead.")
    lon: float | None = None
    terms: list[str] = Field(default_factory=list, description="Kind/target terms, e.g. market, missile.")
    variants: list[str] = Field(default_factory=list, description="Extra name variants.")
    exclude_terms: list[str] = Field(default_factory=list)
    figures: dict[str, int] = Field(default_factory=dict, description="Known figures, e.g. {'killed': 16}.")
    window_before_days: int = 2
    window_after_days: int = 120
    notes: str = ""


def split_list(text: str) -> list[str]:
    """A comma- or newline-separated form field as a list of non-empty strings."""
    return [part.strip() for chunk in text.splitlines() for part in chunk.split(",") if part.strip()]


def parse_figures(text: str) -> dict[str, int]:
    """'killed=16, injured=40' as {"killed": 16, "injured": 40}; IncidentSpecError names a bad item."""
    out: dict[str, int] = {}
    for item in split_list(text):
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip().isdigit():
            raise IncidentSpecError(f"field 'figures': {item!r} is not like killed=16")
        out[key.strip()] = int(value.strip())
    return out


def fields_from_form(form: dict[str, str]) -> IncidentFields:
    """Read the HTML form (plain strings) into :class:`IncidentFields`."""
    def num(key: str, cast: type) -> Any:
        raw = (form.get(key) or "").strip()
        if not raw:
            return None
        try:
            return cast(raw)
        except ValueError as exc:
            raise IncidentSpecError(f"field '{key}': {raw!r} is not a number") from exc

    return IncidentFields(
        name=form.get("name", "").strip(), when=form.get("when", "").strip(),
        timezone=form.get("timezone", "").strip(), precision=form.get("precision", "minute") or "minute",
        title=form.get("title", "").strip(), place=form.get("place", "").strip(),
        country=form.get("country", "").strip(), admin1=form.get("admin1", "").strip(),
        geonameid=num("geonameid", int), lat=num("lat", float), lon=num("lon", float),
        terms=split_list(form.get("terms", "")), variants=split_list(form.get("variants", "")),
        exclude_terms=split_list(form.get("exclude_terms", "")), figures=parse_figures(form.get("figures", "")),
        window_before_days=num("window_before_days", int) if form.get("window_before_days") else 2,
        window_after_days=num("window_after_days", int) if form.get("window_after_days") else 120,
        notes=form.get("notes", "").strip(),
    )


def spec_mapping(fields: IncidentFields) -> dict[str, Any]:
    """The spec mapping (as in an incident TOML file) for these fields."""
    place: dict[str, Any] = {"name": fields.place}
    for key in ("country", "admin1"):
        if getattr(fields, key):
            place[key] = getattr(fields, key)
    if fields.geonameid is not None:
        place["geonameid"] = fields.geonameid
    if fields.lat is not None or fields.lon is not None:
        place["latitude"], place["longitude"] = fields.lat, fields.lon
    data: dict[str, Any] = {
        "name": fields.name, "when": fields.when, "precision": fields.precision, "title": fields.title,
        "place": place, "terms": fields.terms, "variants": fields.variants,
        "exclude_terms": fields.exclude_terms, "figures": fields.figures,
        "window_before_days": fields.window_before_days, "window_after_days": fields.window_after_days,
        "notes": fields.notes,
    }
    if fields.timezone:
        data["timezone"] = fields.timezone
    return data


def incident_from_fields(fields: IncidentFields) -> Incident:
    """Validate the fields into an Incident with the same rules as the CLI and TOML specs.

    Raises AmbiguousPlaceError (with ``candidates``) when the place name needs narrowing.
    """
    from ..match.spec import incident_from_mapping

    return incident_from_mapping(spec_mapping(fields), path="form")


def form_values(incident: Incident) -> dict[str, str]:
    """An incident as the strings the edit form shows."""
    p = incident.place
    return {
        "name": incident.name, "when": with_offset(incident.occurred_at, incident.occurred_offset_min),
        "timezone": "", "precision": incident.precision, "title": incident.title, "place": p.name,
        "country": p.country, "admin1": p.admin1,
        "geonameid": "" if p.geonameid is None else str(p.geonameid),
        "lat": "" if p.latitude is None or p.geonameid is not None else str(p.latitude),
        "lon": "" if p.longitude is None or p.geonameid is not None else str(p.longitude),
        "terms": ", ".join(incident.terms), "variants": ", ".join(incident.variants),
        "exclude_terms": ", ".join(incident.exclude_terms),
        "figures": ", ".join(f"{k}={v}" for k, v in incident.figures.items()),
        "window_before_days": str(incident.window_before_days),
        "window_after_days": str(incident.window_after_days), "notes": incident.notes,
    }
