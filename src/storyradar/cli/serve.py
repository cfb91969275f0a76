"""CLI: `storyradar serve` — the incident workbench in a browser (FastAPI app over the same library)."""

from __future__ import annotations

import os

import typer

from ..errors import MissingExtraError, StoryradarError
from .common import DbOption, console, db_path


def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback needs a token."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    token: str = typer.Option(None, "--token", envvar="STORYRADAR_TOKEN", show_envvar=True,
                              help="Access token every request must present. Prefer setting "
                                   "STORYRADAR_TOKEN: a --token value is visible to other users in ps."),
    max_upload_mb: float = typer.Option(200, "--max-upload-mb", help="Largest accepted upload (MiB)."),
    vault: str = typer.Option(None, "--vault", help="Evidence vault folder (default: <db>.vault)."),
    allow_private_urls: bool = typer.Option(
        None, "--allow-private-urls/--no-private-urls", show_default=False,
        help="Let captures and URL ingest fetch loopback, private and link-local addresses "
             "(default: allowed only when bound to loopback)."),
) -> None:
    """Start the web UI: incidents, coverage timeline, claims, evidence and ingest in the browser."""
    try:
        import uvicorn

        from ..web import create_app
        from ..web.security import is_loopback
    except ImportError as exc:
        raise MissingExtraError("the web UI", exc.name or "fastapi", "web") from exc
    if not is_loopback(host) and not token:
        raise StoryradarError(f"binding {host} exposes the store beyond this machine",
                              hint="give --token (or set STORYRADAR_TOKEN), or bind 127.0.0.1")
    app = create_app(db_path(db), token=token or None, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                     vault=vault, allowed_hosts=() if is_loopback(host) else (host,),
                     allow_private_urls=is_loopback(host) if allow_private_urls is None else allow_private_urls)
    shown = host if ":" not in host else f"[{host}]"
    console.print(f"storyradar web UI on http://{shown}:{port}/  (store: {os.path.abspath(db_path(db))})"
                  + ("  — token required" if token else "")
                  + ("" if app.state.web.settings.allow_private_urls else "  — public URLs only"),
                  highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the serve command."""
    app.command("serve")(serve)
