"""Ingest page and API: upload files or paste URLs/feeds; the run goes on in the background."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ...errors import IngestError, NotFoundError
from ..context import WebState, render, state
from ..jobs import MAX_URLS

router = APIRouter()
MAX_FILES = 200


def _start(web: WebState, files: list[UploadFile], urls: str) -> dict[str, Any]:
    lines = [line.strip() for line in urls.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) > MAX_URLS:
        raise IngestError(f"{len(lines)} URLs pasted; at most {MAX_URLS} per job")
    checked = [web.check_url(line) for line in lines]
    uploads = [f for f in files if f.filename]
    if len(uploads) > MAX_FILES:
        raise IngestError(f"{len(uploads)} files uploaded; at most {MAX_FILES} per job")
    if not checked and not uploads:
        raise IngestError("nothing to ingest: choose files or paste URLs")
    job_id, folder = web.jobs.new_upload_dir()
    inputs, labels = [], []
    for k, upload in enumerate(uploads):
        path = web.jobs.save_upload(folder, upload.filename or "upload", k, upload.file,
                                    web.settings.max_upload_bytes)
        inputs.append(str(path))
        labels.append(upload.filename or path.name)
    inputs += checked
    labels += checked
    return web.jobs.submit_ingest(lambda: web.store, job_id, inputs, labels).to_dict()


@router.get("/ingest", include_in_schema=False)
def ingest_page(request: Request, job: str = "", web: WebState = Depends(state)) -> Response:
    current = web.jobs.get(job) if job else None
    return render(request, "ingest.html", job=current.to_dict() if current else None,
                  jobs=[j.to_dict() for j in web.jobs.recent()], articles=web.store.article_count(),
                  limit_mib=web.settings.max_upload_bytes / (1024 * 1024))


@router.post("/ingest", include_in_schema=False)
def ingest_form(files: list[UploadFile] = File(default=[]), urls: str = Form(""),
                web: WebState = Depends(state)) -> Response:
    job = _start(web, files, urls)
    return RedirectResponse(f"/ingest?job={job['id']}", status_code=303)


@router.post("/api/ingest", tags=["ingest"], status_code=202)
def ingest_api(files: list[UploadFile] = File(default=[]), urls: str = Form("", description="One URL per line."),
               web: WebState = Depends(state)) -> dict[str, Any]:
    """Start an ingest job from uploaded files (HTML, WARC, feeds, JSONL) and/or http(s) URLs of
    pages or feeds. Poll ``/api/jobs/{id}`` for progress."""
    return _start(web, files, urls)


@router.get("/api/jobs", tags=["ingest"])
def jobs_api(web: WebState = Depends(state)) -> list[dict[str, Any]]:
    """Recent background jobs, newest first."""
    return [j.to_dict() for j in web.jobs.recent()]


@router.get("/api/jobs/{job_id}", tags=["ingest"])
def job_api(job_id: str, web: WebState = Depends(state)) -> dict[str, Any]:
    """One job's progress: inputs done of total, records read, stored, duplicates, rejections."""
    job = web.jobs.get(job_id)
    if job is None:
        raise NotFoundError(f"no job {job_id!r} (jobs are kept in memory until the server stops)")
    return job.to_dict()
