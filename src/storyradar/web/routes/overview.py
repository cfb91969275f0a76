"""Incident page and API: coverage timeline and charts, outlets, matched articles, search, decisions."""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...coverage import analyse_coverage
from ...errors import NotFoundError, StoryradarError
from ...report import build_report, outlets_chart, timeline_chart
from ...store import Store
from ...store.codec import incident_to_dict
from ..context import WebState, render, state, store
from ..search import RELATIONS, ArticleFilter, search_articles
from ..services import optional, required

router = APIRouter()

Dimension = Literal["language", "outlet", "country"]
BinSize = Literal["day", "hour", "minute"]


def _filter(q: str, language: str, outlet: str, relation: str, date_source: str, limit: int,
            offset: int) -> ArticleFilter:
    if relation and relation not in (*RELATIONS, "all"):
        raise StoryradarError(f"relation {relation!r} is not one of {', '.join((*RELATIONS, 'all'))}")
    return ArticleFilter(q=q, language=language, outlet=outlet, relation=relation,
                         date_source=date_source, limit=limit, offset=offset)


@router.get("/incidents/{name}", include_in_schema=False)
def incident_page(request: Request, name: str, by: BinSize = "day", dimension: Dimension = "language",
                  q: str = "", language: str = "", outlet: str = "", relation: str = "",
                  date_source: str = "", offset: int = Query(0, ge=0), s: Store = Depends(store)) -> Response:
    incident = s.get_incident(name)
    cov = analyse_coverage(s, incident, by=by).to_dict()
    flt = _filter(q, language, outlet, relation, date_source, 100, offset)
    found = search_articles(s, incident, flt)
    return render(request, "incident.html", incident=incident, spec=incident_to_dict(incident), cov=cov,
                  found=found, flt=flt, by=by, dimension=dimension, relations=RELATIONS,
                  has_match=optional("storyradar.match", "run_match") is not None)


@router.get("/api/incidents/{name}", tags=["incidents"])
def incident_api(name: str, s: Store = Depends(store)) -> dict[str, Any]:
    """One incident's spec."""
    incident = s.get_incident(name)
    return {"id": incident.id, **incident_to_dict(incident)}


@router.get("/api/incidents/{name}/coverage", tags=["coverage"])
def coverage_api(name: str, by: BinSize = "day", count: Literal["articles", "stories"] = "articles",
                 s: Store = Depends(store)) -> dict[str, Any]:
    """Coverage over time: first mention, peak, silence, waves, timeline, outlets, languages, countries."""
    return analyse_coverage(s, s.get_incident(name), by=by, count=count).to_dict()


@router.get("/api/incidents/{name}/charts/{chart}", tags=["coverage"])
def chart_api(name: str, chart: Literal["timeline", "outlets"], dimension: Dimension = "language",
              by: BinSize = "day", s: Store = Depends(store)) -> dict[str, Any]:
    """A Vega-Lite spec (the same altair chart as the report) for the browser to draw."""
    cov = analyse_coverage(s, s.get_incident(name), by=by)
    spec = timeline_chart(cov, dimension=dimension) if chart == "timeline" else outlets_chart(cov)
    return spec.to_dict()


@router.get("/api/incidents/{name}/articles", tags=["coverage"])
def articles_api(name: str, q: str = "", language: str = "", outlet: str = "", relation: str = "",
                 date_source: str = "", limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0),
                 s: Store = Depends(store)) -> dict[str, Any]:
    """Matched articles with reasons and date source. ``q``: words that must all occur in title,
    text or outlet; ``relation``: about, passing, near-miss, excluded, unrelated or all (default:
    counted coverage)."""
    flt = _filter(q, language, outlet, relation, date_source, limit, offset)
    return search_articles(s, s.get_incident(name), flt)


class Decision(BaseModel):
    """A person's include/exclude decision on one article."""

    decision: Literal["include", "exclude"]
    by: str = Field(..., min_length=1, max_length=200, description="Who decides.")
    why: str = Field(..., min_length=1, max_length=2000, description="Why, in a sentence.")


def _decide(s: Store, name: str, article_id: str, decision: Decision) -> dict[str, Any]:
    incident = s.get_incident(name)
    if not s.query("SELECT 1 FROM matches WHERE incident_id = ? AND article_id = ?", [incident.id, article_id]):
        raise NotFoundError(f"article {article_id} was not judged for incident {incident.name!r}",
                            hint="run the match first")
    s.set_override(incident.id, article_id, decision.decision, decision.by.strip(), decision.why.strip())
    return {"incident": incident.name, "article_id": article_id, **decision.model_dump()}


@router.post("/api/incidents/{name}/articles/{article_id}/decision", tags=["coverage"])
def decision_api(name: str, article_id: str, decision: Decision, s: Store = Depends(store)) -> dict[str, Any]:
    """Include or exclude an article by hand; recorded with who and why, respected by later runs."""
    return _decide(s, name, article_id, decision)


@router.post("/incidents/{name}/articles/{article_id}/decision", include_in_schema=False)
def decision_form(name: str, article_id: str, decision: str = Form(...), by: str = Form(...),
                  why: str = Form(...), back: str = Form(""), s: Store = Depends(store)) -> Response:
    _decide(s, name, article_id, Decision(decision=decision, by=by, why=why))
    home = f"/incidents/{quote(name)}"
    target = back if back.startswith(home) and "//" not in back and "\\" not in back else home
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}flash=Decision+recorded#articles", status_code=303)


@router.post("/api/incidents/{name}/match", tags=["coverage"])
def match_api(name: str, s: Store = Depends(store)) -> dict[str, Any]:
    """Run the match for this incident over the stored articles (decisions by hand are kept)."""
    run_match = required("storyradar.match", "run_match", "matching")
    result = run_match(s, s.get_incident(name))
    for attr in ("as_dict", "to_dict"):
        if hasattr(result, attr):
            return getattr(result, attr)()
    return {"result": result if isinstance(result, (int, dict, list)) else str(result)}


@router.post("/incidents/{name}/match", include_in_schema=False)
def match_form(name: str, s: Store = Depends(store)) -> Response:
    match_api(name, s)
    return RedirectResponse(f"/incidents/{quote(name)}?flash=Match+finished", status_code=303)


@router.get("/incidents/{name}/report", include_in_schema=False)
def report_page(name: str, web: WebState = Depends(state)) -> Response:
    """Build the self-contained HTML report and show it."""
    incident = web.store.get_incident(name)
    folder = web.settings.work_dir / "reports" / incident.id  # the id is hex: no user text in the path
    path = build_report(web.store, incident, folder)
    return FileResponse(path, media_type="text/html; charset=utf-8")
