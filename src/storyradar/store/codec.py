"""Incident specs to and from plain dicts (stored as JSON, written as TOML)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Incident, Place
from ..timeutil import parse_time, with_offset


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    """A JSON/TOML-ready dict; the time is written in its original offset."""
    data = asdict(incident)
    data["occurred_at"] = with_offset(incident.occurred_at, incident.occurred_offset_min)
    data["place"] = {k: v for k, v in asdict(incident.place).items() if v not in (None, "")}
    return data


def incident_from_dict(data: dict[str, Any]) -> Incident:
    """Rebuild an Incident from :func:`incident_to_dict` output."""
    data = dict(data)
    utc, offset = parse_time(str(data.pop("occurred_at")), what="occurred_at")
    data.pop("occurred_offset_min", None)
    place = Place(**data.pop("place"))
    return Incident(occurred_at=utc, occurred_offset_min=offset, place=place, **data)
