"""Claims page and API: attributed statements over time, blame summary and figures of an incident."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import NotFoundError
from ...model import Incident
from ...store import Store
from ...timeutil import ensure_utc, with_offset
from ..context import render, store
from ..services import optional, required

router = APIRouter()


def claim_rows(s: Store, incident: Incident, limit: int = 2000) -> list[dict[str, Any]]:
    """The incident's stored claims (from ``storyradar.claims``), oldest first, with their article."""
    rows = s.query(
        "SELECT c.*, a.outlet, a.title, a.url FROM claims c LEFT JOIN articles a ON a.id = c.article_id "
        "WHERE c.incident_id = ? ORDER BY c.published_at NULLS LAST, c.id LIMIT ?", [incident.id, limit])
    out = []
    for r in rows:
        figures = r.get("figures")
        out.append({
            "id": r["id"], "article_id": r["article_id"], "kind": r["kind"] or "", "speaker": r["speaker"] or "",
            "speaker_raw": r["speaker_raw"] or "", "speaker_role": r["speaker_role"] or "",
            "cue": r["cue"] or "", "content": r["content"] or "", "target": r["target"] or "",
            "hedged": bool(r["hedged"]), "language": r["language"] or "",
            "figures": json.loads(figures) if isinstance(figures, str) and figures else (figures or []),
            "published_at": with_offset(ensure_utc(r["published_at"]), 0) or None,
            "outlet": r["outlet"] or "", "title": r["title"] or "", "url": r["url"] or "",
        })
    return out


def section_dict(section: Any) -> dict[str, Any] | None:
    """A ReportSection as JSON: summary, notes, tables and the names of its charts."""
    if section is None:
        return None
    return {"key": section.key, "title": section.title, "summary": section.summary, "notes": section.notes,
            "tables": section.tables, "charts": [k for k, v in section.charts.items() if v is not None]}


def _section(s: Store, incident: Incident, module: str) -> Any:
    provider = optional(module, "section")
    return provider(s, incident) if provider else None


@router.get("/incidents/{name}/claims", include_in_schema=False)
def claims_page(request: Request, name: str, s: Store = Depends(store)) -> Response:
    incident = s.get_incident(name)
    section = _section(s, incident, "storyradar.claims")
    return render(request, "claims.html", incident=incident, claims=claim_rows(s, incident, 500),
                  claims_section=section_dict(section), can_run=optional("storyradar.claims", "run_claims") is not None)


@router.get("/api/incidents/{name}/claims", tags=["claims"])
def claims_api(name: str, s: Store = Depends(store)) -> dict[str, Any]:
    """Claims (speaker, cue, kind, target, figures, time) plus the claims section's summary and tables."""
    incident = s.get_incident(name)
    return {"claims": claim_rows(s, incident), "section": section_dict(_section(s, incident, "storyradar.claims"))}


@router.get("/api/incidents/{name}/sections/{key}/charts/{chart}", tags=["claims"])
def section_chart_api(name: str, key: str, chart: str, s: Store = Depends(store)) -> dict[str, Any]:
    """A chart of an analysis section (claims, evidence, verify ...) as a Vega-Lite spec."""
    if key not in ("claims", "evidence", "verify", "correlate", "assertions"):
        raise NotFoundError(f"no section {key!r}")
    section = _section(s, s.get_incident(name), f"storyradar.{key}")
    spec = None if section is None else section.charts.get(chart)
    if spec is None:
        raise NotFoundError(f"section {key!r} has no chart {chart!r}")
    return spec.to_dict()


@router.post("/api/incidents/{name}/claims/run", tags=["claims"])
def run_claims_api(name: str, s: Store = Depends(store)) -> dict[str, Any]:
    """Extract claims from the incident's matched articles (replaces earlier extraction)."""
    run_claims = required("storyradar.claims", "run_claims", "claim extraction")
    result = run_claims(s, s.get_incident(name))
    for attr in ("as_dict", "to_dict"):
        if hasattr(result, attr):
            return getattr(result, attr)()
    return {"result": result if isinstance(result, (int, dict, list)) else str(result)}


@router.post("/incidents/{name}/claims/run", include_in_schema=False)
def run_claims_form(name: str, s: Store = Depends(store)) -> Response:
    run_claims_api(name, s)
    return RedirectResponse(f"/incidents/{quote(name)}/claims?flash=Claims+extracted", status_code=303)
