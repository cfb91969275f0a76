"""Evidence page and API: register, upload, capture a URL, link to claims, custody log, verify."""

from __future__ import annotations

import shutil
import uuid
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from ...errors import StoryradarError
from ...timeutil import now_utc, with_offset
from ..context import WebState, render, state
from ..jobs import check_web_url, safe_filename

router = APIRouter()


def _ev():
    """The evidence library modules (imported when first needed)."""
    from ...evidence import capture, custody, links, register

    return register, capture, links, custody


def _actor(by: str) -> str:
    by = by.strip()
    if not by:
        raise StoryradarError("say who you are (the 'by' field): custody entries name a person")
    return by[:200]


def register_rows(web: WebState, name: str) -> list[dict[str, Any]]:
    """The incident's evidence register as JSON-ready dicts."""
    register, *_ = _ev()
    return [item.to_dict() for item in register.list_evidence(web.store, name)]


def custody_rows(web: WebState, name: str) -> list[dict[str, Any]]:
    """The incident's custody log, oldest first."""
    *_, custody = _ev()
    return [{"seq": e.seq, "evidence_id": e.evidence_id, "action": e.action, "actor": e.actor,
             "logged_at": with_offset(e.logged_at, 0), "details": e.details, "entry_hash": e.entry_hash,
             "prev_hash": e.prev_hash} for e in custody.entries(web.store, name)]


def _save_upload(web: WebState, upload: UploadFile):
    """Spool an upload to a private folder under a name of our making; return (folder, path)."""
    folder = web.settings.work_dir / "uploads" / f"evidence-{uuid.uuid4().hex[:12]}"
    folder.mkdir(parents=True)
    from ..jobs import JobRunner

    path = JobRunner.save_upload(folder, upload.filename or "upload", 0, upload.file,
                                 web.settings.max_upload_bytes)
    clean = path.with_name(safe_filename(upload.filename or "upload", 0)[4:])
    path.rename(clean)
    return folder, clean


def _upload(web: WebState, name: str, upload: UploadFile, by: str, source_url: str, first_seen: str,
            note: str) -> list[dict[str, Any]]:
    register, *_ = _ev()
    if not upload.filename:
        raise StoryradarError("choose a file to upload")
    if source_url.strip():
        check_web_url(source_url)
    folder, path = _save_upload(web, upload)
    try:
        items = register.add_evidence(web.store, [path], incident=name, source_url=source_url.strip() or None,
                                      first_seen=first_seen.strip() or None, by=_actor(by), how="upload",
                                      note=note.strip() or None, vault=web.settings.vault)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [i.to_dict() for i in items]


@router.get("/incidents/{name}/evidence", include_in_schema=False)
def evidence_page(request: Request, name: str, web: WebState = Depends(state)) -> Response:
    incident = web.store.get_incident(name)
    claims = web.store.query("SELECT id, speaker, kind, content FROM claims WHERE incident_id = ? "
                             "ORDER BY published_at NULLS LAST LIMIT 500", [incident.id])
    link_rows = web.store.query(
        "SELECT l.* FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id WHERE e.incident_id = ? "
        "ORDER BY linked_at", [incident.id])
    return render(request, "evidence.html", incident=incident, items=register_rows(web, name),
                  custody=custody_rows(web, name), claims=claims, links=link_rows,
                  limit_mib=web.settings.max_upload_bytes / (1024 * 1024),
                  verified=web.verify_results.get(incident.id))


@router.get("/api/incidents/{name}/evidence", tags=["evidence"])
def evidence_api(name: str, web: WebState = Depends(state)) -> list[dict[str, Any]]:
    """The incident's evidence register (hashes, size, type, origin, acquisition)."""
    return register_rows(web, name)


@router.get("/api/incidents/{name}/custody", tags=["evidence"])
def custody_api(name: str, web: WebState = Depends(state)) -> list[dict[str, Any]]:
    """The incident's append-only custody log (each entry carries the previous entry's hash)."""
    return custody_rows(web, name)


@router.post("/api/incidents/{name}/evidence", tags=["evidence"], status_code=201)
def upload_api(name: str, file: UploadFile = File(...), by: str = Form(...), source_url: str = Form(""),
               first_seen: str = Form("", description="ISO 8601 with offset."), note: str = Form(""),
               web: WebState = Depends(state)) -> list[dict[str, Any]]:
    """Upload a file (size-limited) into the vault and register it; logs an 'acquired' entry."""
    return _upload(web, name, file, by, source_url, first_seen, note)


@router.post("/incidents/{name}/evidence/upload", include_in_schema=False)
def upload_form(name: str, file: UploadFile = File(...), by: str = Form(""), source_url: str = Form(""),
                first_seen: str = Form(""), note: str = Form(""), web: WebState = Depends(state)) -> Response:
    _upload(web, name, file, by, source_url, first_seen, note)
    return RedirectResponse(f"/incidents/{quote(name)}/evidence?flash=Evidence+registered", status_code=303)


class CaptureRequest(BaseModel):
    """Capture a web page as WARC evidence."""

    url: str
    by: str = Field(..., min_length=1, max_length=200)
    note: str = ""


def _capture(web: WebState, name: str, req: CaptureRequest) -> dict[str, Any]:
    _, capture, *_ = _ev()
    url = web.check_url(req.url)
    by = _actor(req.by)
    with web.fetch_client(timeout=capture.TIMEOUT_S, headers={"User-Agent": capture.USER_AGENT}) as client:
        item = capture.capture_url(web.store, url, incident=name, by=by, note=req.note or None,
                                   vault=web.settings.vault, client=client)
    return item.to_dict()


@router.post("/api/incidents/{name}/evidence/capture", tags=["evidence"], status_code=201)
def capture_api(name: str, req: CaptureRequest, web: WebState = Depends(state)) -> dict[str, Any]:
    """Fetch a URL and register the exchange (every redirect hop) as a WARC evidence file."""
    return _capture(web, name, req)


@router.post("/incidents/{name}/evidence/capture", include_in_schema=False)
def capture_form(name: str, url: str = Form(...), by: str = Form(""), note: str = Form(""),
                 web: WebState = Depends(state)) -> Response:
    _capture(web, name, CaptureRequest(url=url, by=by or " ", note=note))
    return RedirectResponse(f"/incidents/{quote(name)}/evidence?flash=Page+captured", status_code=303)


class LinkRequest(BaseModel):
    """Link an evidence item to a claim."""

    evidence_id: str
    claim_id: str
    relation: str = Field(..., description="supports, contradicts or context")
    why: str = Field(..., min_length=1)
    by: str = Field(..., min_length=1, max_length=200)


@router.post("/api/incidents/{name}/evidence/links", tags=["evidence"], status_code=201)
def link_api(name: str, req: LinkRequest, web: WebState = Depends(state)) -> dict[str, Any]:
    """Link evidence to a claim (supports / contradicts / context) with a reason; logged in custody."""
    _, _, links, _ = _ev()
    web.store.get_incident(name)
    return links.link(web.store, req.evidence_id, req.claim_id, req.relation, req.why, _actor(req.by),
                      vault=web.settings.vault)


@router.post("/incidents/{name}/evidence/links", include_in_schema=False)
def link_form(name: str, evidence_id: str = Form(...), claim_id: str = Form(...), relation: str = Form(...),
              why: str = Form(""), by: str = Form(""), web: WebState = Depends(state)) -> Response:
    link_api(name, LinkRequest(evidence_id=evidence_id, claim_id=claim_id, relation=relation,
                               why=why or " ", by=by or " "), web)
    return RedirectResponse(f"/incidents/{quote(name)}/evidence?flash=Link+recorded", status_code=303)


class VerifyRequest(BaseModel):
    """Who runs the check (recorded as a 'verified' custody entry)."""

    by: str = Field(..., min_length=1, max_length=200)


def _verify(web: WebState, name: str, by: str) -> dict[str, Any]:
    *_, custody = _ev()
    report = custody.verify(web.store, name, vault=web.settings.vault, by=_actor(by))
    result = report.to_dict()
    result["checked_at"] = with_offset(now_utc(), 0)
    web.verify_results[web.store.get_incident(name).id] = result
    return result


@router.post("/api/incidents/{name}/evidence/verify", tags=["evidence"])
def verify_api(name: str, req: VerifyRequest, web: WebState = Depends(state)) -> dict[str, Any]:
    """Re-hash every vault file of the incident and walk its custody chain; the outcome is logged."""
    return _verify(web, name, req.by)


@router.post("/incidents/{name}/evidence/verify", include_in_schema=False)
def verify_form(name: str, by: str = Form(""), web: WebState = Depends(state)) -> Response:
    _verify(web, name, by)
    return RedirectResponse(f"/incidents/{quote(name)}/evidence#verify", status_code=303)
