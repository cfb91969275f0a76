"""Incident pages and API: list, create (with place disambiguation) and edit."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import AmbiguousPlaceError, IncidentSpecError, StoryradarError
from ...model import Incident
from ...store import Store
from ...store.codec import incident_to_dict
from ..context import render, store
from ..forms import IncidentFields, fields_from_form, form_values, incident_from_fields

router = APIRouter()


def incident_summary(s: Store, incident: Incident) -> dict[str, Any]:
    """One row of the incidents list: spec plus how many articles are matched."""
    row = s.query(
        "SELECT count(*) FILTER (WHERE relation IN ('about', 'passing')) AS matched, count(*) AS judged "
        "FROM matches WHERE incident_id = ?", [incident.id])[0]
    data = incident_to_dict(incident)
    data["id"] = incident.id
    data["matched"] = int(row["matched"] or 0)
    data["judged"] = int(row["judged"] or 0)
    return data


@router.get("/incidents", include_in_schema=False)
def incidents_page(request: Request, s: Store = Depends(store)) -> Response:
    rows = [incident_summary(s, i) for i in s.list_incidents()]
    return render(request, "incidents.html", incidents=rows, articles=s.article_count())


@router.get("/api/incidents", tags=["incidents"])
def incidents_api(s: Store = Depends(store)) -> list[dict[str, Any]]:
    """Every declared incident with its spec and matched-article count."""
    return [incident_summary(s, i) for i in s.list_incidents()]


@router.get("/incidents/new", include_in_schema=False)
def new_incident_page(request: Request) -> Response:
    return render(request, "incident_form.html", values={"precision": "minute"}, mode="new",
                  candidates=[], error="")


def _save_new(s: Store, incident: Incident) -> None:
    if s.query("SELECT 1 FROM incidents WHERE name = ?", [incident.name]):
        raise IncidentSpecError(f"an incident named {incident.name!r} already exists",
                                hint="choose another name, or edit that incident")
    s.save_incident(incident)


async def _form_dict(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _form_error(request: Request, values: dict[str, str], mode: str, exc: StoryradarError,
                original: str = "") -> Response:
    candidates = [asdict(p) for p in getattr(exc, "candidates", [])]
    ambiguous = isinstance(exc, AmbiguousPlaceError)
    message = f"{exc.reason}: choose one below (or narrow it by country and admin1 code)" if ambiguous else str(exc)
    return render(request, "incident_form.html", status_code=409 if ambiguous else 400, values=values, mode=mode,
                  candidates=candidates, error=message, original=original)


@router.post("/incidents", include_in_schema=False)
async def create_incident_form(request: Request, s: Store = Depends(store)) -> Response:
    values = await _form_dict(request)
    try:
        incident = incident_from_fields(fields_from_form(values))
        _save_new(s, incident)
    except StoryradarError as exc:
        return _form_error(request, values, "new", exc)
    return RedirectResponse(f"/incidents/{quote(incident.name)}?flash=Incident+saved", status_code=303)


@router.post("/api/incidents", tags=["incidents"], status_code=201)
def create_incident_api(fields: IncidentFields, s: Store = Depends(store)) -> dict[str, Any]:
    """Declare an incident. An ambiguous place name answers 409 with the ``candidates`` to choose
    from (send again with ``country``/``admin1`` or ``geonameid``)."""
    incident = incident_from_fields(fields)
    _save_new(s, incident)
    return incident_summary(s, incident)


@router.get("/incidents/{name}/edit", include_in_schema=False)
def edit_incident_page(request: Request, name: str, s: Store = Depends(store)) -> Response:
    incident = s.get_incident(name)
    return render(request, "incident_form.html", values=form_values(incident), mode="edit",
                  candidates=[], error="", original=incident.name)


def _replace(s: Store, old: Incident, new: Incident) -> None:
    """Save an edited spec. The name is the incident's identity (matches, claims and custody
    chains hang on it), so it cannot change here: declare a new incident instead."""
    if new.id != old.id:
        raise IncidentSpecError(f"renaming {old.name!r} to {new.name!r} is not supported",
                                hint="keep the name, or declare a new incident")
    s.save_incident(new)


@router.post("/incidents/{name}/edit", include_in_schema=False)
async def edit_incident_form(request: Request, name: str, s: Store = Depends(store)) -> Response:
    old = s.get_incident(name)
    values = await _form_dict(request)
    try:
        incident = incident_from_fields(fields_from_form(values))
        _replace(s, old, incident)
    except StoryradarError as exc:
        return _form_error(request, values, "edit", exc, original=old.name)
    return RedirectResponse(f"/incidents/{quote(incident.name)}?flash=Changes+saved", status_code=303)


@router.put("/api/incidents/{name}", tags=["incidents"])
def edit_incident_api(name: str, fields: IncidentFields, s: Store = Depends(store)) -> dict[str, Any]:
    """Replace an incident's spec (run the match again to apply new terms or variants)."""
    old = s.get_incident(name)
    incident = incident_from_fields(fields)
    _replace(s, old, incident)
    return incident_summary(s, incident)
