"""The FastAPI application: store, security layers, static assets, pages and their JSON API."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import AmbiguousPlaceError, NotFoundError, StoryradarError
from ..store import Store
from .context import DEFAULT_MAX_UPLOAD, TEMPLATES, WebSettings, WebState, render, work_dir_for
from .security import (
    AUTH_COOKIE,
    BodyLimitMiddleware,
    SecurityMiddleware,
    auth_cookie_value,
    csrf_guard,
    csrf_token_for,
    token_matches,
)

STATIC_DIR = Path(__file__).parent / "static"

TAGS = [
    {"name": "incidents", "description": "Declare, edit and list incidents."},
    {"name": "coverage", "description": "Timeline, outlets, matched articles, search and decisions by hand."},
    {"name": "claims", "description": "Attributed statements, blame and figures."},
    {"name": "evidence", "description": "Evidence register, uploads, captures, links, custody log, verify."},
    {"name": "ingest", "description": "Background ingest jobs from uploaded files, URLs and feeds."},
    {"name": "session", "description": "CSRF token for API clients."},
]


def create_app(db_path: str, token: str | None = None, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
               vault: str | None = None, work_dir: str | Path | None = None,
               allowed_hosts: tuple[str, ...] = (), store: Store | None = None,
               allow_private_urls: bool | None = None) -> FastAPI:
    """Build the storyradar web app over the store at ``db_path``.

    ``token`` (or ``$STORYRADAR_TOKEN`` when None) switches on access control: every request must
    present it. ``max_upload_bytes`` caps any request body. ``vault`` overrides the evidence vault
    folder. ``work_dir`` (default ``<db>.web``) holds uploads awaiting ingest and generated reports.
    ``allowed_hosts`` adds Host names accepted without a token (besides the loopback names).
    ``allow_private_urls`` lets captures and URL ingest fetch loopback/private/link-local addresses;
    when None it is True only for a loopback-only app (no ``allowed_hosts``), else False.
    """
    token = token if token is not None else (os.environ.get("STORYRADAR_TOKEN") or None)
    if token is not None and len(token) < 12:
        raise StoryradarError("the access token is too short", hint="use at least 12 random characters")
    settings = WebSettings(
        db_path=db_path, token=token, secret=secrets.token_bytes(32), max_upload_bytes=max_upload_bytes,
        vault=vault, work_dir=Path(work_dir) if work_dir else work_dir_for(db_path),
        allowed_hosts=frozenset(h.lower() for h in allowed_hosts),
        allow_private_urls=not allowed_hosts if allow_private_urls is None else allow_private_urls,
    )
    settings.work_dir.mkdir(parents=True, exist_ok=True)
    app = FastAPI(
        title="storyradar", version=__version__, openapi_tags=TAGS, docs_url=None, redoc_url=None,
        description="The incident workbench: every page of the web UI has a JSON counterpart under /api.",
        dependencies=[Depends(csrf_guard)], lifespan=_lifespan,
    )
    from .jobs import JobRunner

    app.state.web = WebState(settings, JobRunner(settings.work_dir / "uploads"), shared=store)
    app.state.web.jobs.client_factory = app.state.web.fetch_client
    app.add_middleware(SecurityMiddleware, settings=settings)
    app.add_middleware(BodyLimitMiddleware, limit=max_upload_bytes + 1024 * 1024)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_handlers(app)
    _add_core_routes(app)
    from .routes import claims, evidence, incidents, ingest, overview

    for module in (incidents, overview, claims, evidence, ingest):
        app.include_router(module.router)

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    web = app.state.web
    web.jobs.shutdown()
    web.close()


def _add_handlers(app: FastAPI) -> None:
    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    @app.exception_handler(StoryradarError)
    async def storyradar_error(request: Request, exc: StoryradarError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 409 if isinstance(exc, AmbiguousPlaceError) else 400
        if wants_json(request):
            body = {"error": str(exc)}
            if isinstance(exc, AmbiguousPlaceError):
                body["candidates"] = [_place_dict(p) for p in exc.candidates]
            return JSONResponse(body, status_code=status)
        return render(request, "error.html", status_code=status, message=str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_json(request):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", status_code=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        if wants_json(request):
            return JSONResponse({"error": "invalid request", "problems": problems}, status_code=422)
        return render(request, "error.html", status_code=422, message="; ".join(problems))


def _place_dict(place) -> dict:
    return {"name": place.name, "country": place.country, "admin1": place.admin1,
            "geonameid": place.geonameid, "latitude": place.latitude, "longitude": place.longitude,
            "population": place.population}


def _add_core_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/incidents", status_code=303)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(TEMPLATES.get_template("swagger.html").render(title="storyradar API"))

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request, next: str = "/incidents") -> Response:
        return render(request, "login.html", next=_local_path(next), error="")

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        settings = app.state.web.settings
        given = str(form.get("token") or "")
        target = _local_path(str(form.get("next") or "/incidents"))
        if settings.token is None:
            return RedirectResponse(target, status_code=303)
        if not token_matches(given, settings.token):
            return render(request, "login.html", status_code=401, next=target, error="wrong token")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(AUTH_COOKIE, auth_cookie_value(settings.secret, settings.token),
                            httponly=True, samesite="strict", path="/")
        return response

    @app.get("/api/session", tags=["session"])
    def session(request: Request) -> JSONResponse:
        """A CSRF token for API clients: send it back as header ``X-CSRF-Token`` (with the cookie)."""
        return JSONResponse({"csrf_token": csrf_token_for(request), "header": "X-CSRF-Token",
                             "token_required": app.state.web.settings.token is not None})


def _local_path(target: str) -> str:
    """Only same-site paths are redirect targets (no scheme, no host, no '//')."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/incidents"
    return target
