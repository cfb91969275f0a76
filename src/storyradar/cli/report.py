"""CLI: `storyradar report` — write the incident report (HTML + JSON + CSV)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..report import build_report
from .common import DbOption, console, open_store


def report(
    name: str = typer.Argument(..., help="Incident name."),
    out: Path = typer.Option(Path("report"), "--out", help="Folder to write index.html and tables/ into."),
    by: str = typer.Option("day", "--by", help="Timeline bins: minute, hour or day."),
    count: str = typer.Option("articles", "--count", help="Count 'articles' or 'stories'."),
    db: str = DbOption,
) -> None:
    """Write a self-contained HTML report (SVG charts, no network needed) plus JSON/CSV of every table."""
    with open_store(db) as store:
        path = build_report(store, name, out, by=by, count=count)
    console.print(f"report written: {path}")


def register(app: typer.Typer) -> None:
    """Add the report command."""
    app.command("report")(report)
