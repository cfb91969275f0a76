"""CLI: `storyradar ingest` (files, folders, WARCs, feeds, URLs, JSONL) and `storyradar sources`."""

from __future__ import annotations

import typer
from rich.table import Table

from ..ingest import load_sources, run_ingest
from ..model import IngestSummary
from .common import DbOption, JsonOption, console, err_console, open_store, print_json

#: How many rejections the summary prints (all are kept in the store's `rejections` table).
SHOW_REJECTIONS = 10


def ingest(
    inputs: list[str] = typer.Argument(..., metavar="PATH_OR_URL...", help="Files, folders, WARCs, feeds, URL lists, URLs, JSONL."),
    db: str = DbOption,
    kind: str = typer.Option(None, "--kind", help="Force the source kind (see `storyradar sources`)."),
    workers: int = typer.Option(None, "--workers", min=1, help="Extraction processes (default: all cores)."),
    fetch_articles: bool = typer.Option(False, "--fetch-articles", help="Feeds: fetch each entry's page."),
    timezone: str = typer.Option(None, "--timezone", help="Zone for times stated without an offset (e.g. Europe/Kyiv)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Refuse pages, records and lines larger than this (MB)."),
    rate: float = typer.Option(1.0, "--rate", help="Seconds between two requests to one host."),
    country_map: str = typer.Option(None, "--country-map", help="CSV/JSON file mapping outlet to country code."),
    no_progress: bool = typer.Option(False, "--no-progress", help="Hide the progress bar."),
    as_json: bool = JsonOption,
) -> None:
    """Ingest coverage into the store; the kind of each input is detected. Exit 0 ok, 1 some rejected, 126 nearly all."""
    options = {"fetch_articles": fetch_articles, "timezone": timezone, "max_mb": max_mb, "rate": rate,
               "country_map": country_map}
    with open_store(db, create=True) as store:
        summary = run_ingest(store, inputs, kind=kind, workers=workers, options=options,
                             progress=not no_progress and not as_json)
    if as_json:
        print_json(summary_dict(summary))
    else:
        print_summary(summary)
    raise typer.Exit(summary.exit_code)


def summary_dict(summary: IngestSummary) -> dict:
    """The summary as plain data (for --json)."""
    return {"read": summary.read, "stored": summary.stored, "duplicates": summary.duplicates,
            "rejected": len(summary.rejected), "skipped": summary.skipped, "exit_code": summary.exit_code,
            "rejections": [{"path": r.path, "locator": r.locator, "reason": r.reason} for r in summary.rejected]}


def print_summary(summary: IngestSummary) -> None:
    """Print the summary table and the first rejections."""
    table = Table(title="ingest summary")
    table.add_column("read", justify="right")
    table.add_column("stored", justify="right")
    table.add_column("duplicates", justify="right")
    table.add_column("rejected", justify="right")
    table.add_column("skipped", justify="right")
    table.add_row(str(summary.read), str(summary.stored), str(summary.duplicates),
                  str(len(summary.rejected)), str(sum(summary.skipped.values())))
    console.print(table)
    for reason, count in sorted(summary.skipped.items()):
        console.print(f"skipped {count}: {reason}", highlight=False, markup=False, soft_wrap=True)
    for rejected in summary.rejected[:SHOW_REJECTIONS]:
        err_console.print(f"rejected: {rejected}", highlight=False, markup=False, soft_wrap=True)
    if len(summary.rejected) > SHOW_REJECTIONS:
        err_console.print(f"... and {len(summary.rejected) - SHOW_REJECTIONS} more (see the store's "
                          "`rejections` table)", highlight=False, markup=False)


def sources(as_json: bool = JsonOption) -> None:
    """List the source kinds ingest can read, with their options."""
    registry = load_sources()
    if as_json:
        print_json([{"name": s.name, "description": s.description, "error": s.error,
                     "options": [{"name": o.name, "default": o.default, "help": o.help} for o in s.options]}
                    for s in sorted(registry.values(), key=lambda s: s.name)])
        return
    table = Table(title="source kinds")
    table.add_column("kind")
    table.add_column("reads")
    table.add_column("options")
    for src in sorted(registry.values(), key=lambda s: s.name):
        opts = ", ".join(f"{o.name}={o.default}" for o in src.options)
        table.add_row(src.name, src.error or src.description, opts)
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.command("ingest")(ingest)
    app.command("sources")(sources)
