"""CLI: `storyradar watch` (poll, ingest, re-match, digest) and `watch-add` / `watch-list` / `watch-remove`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer
from rich.table import Table

from ..timeutil import parse_duration
from .common import DbOption, JsonOption, console, open_store, print_json


def _logging(verbose: bool) -> None:
    logger = logging.getLogger("storyradar")
    if not any(getattr(h, "_storyradar_watch", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._storyradar_watch = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def watch(
    names: list[str] = typer.Argument(..., metavar="NAME...", help="Incident name(s) to watch."),
    every: str = typer.Option("15m", "--every", help="Pause between cycles: 90s, 15m, 1h..."),
    once: bool = typer.Option(False, "--once", help="Run one cycle and stop."),
    max_cycles: int = typer.Option(None, "--max-cycles", min=1, help="Stop after this many cycles."),
    digests: Path = typer.Option(Path("digests"), "--digests", help="Folder for the Markdown and HTML digests."),
    quiet: str = typer.Option("7d", "--quiet", help="A gap this long between matched articles counts as silence."),
    max_backoff: str = typer.Option("2h", "--max-backoff", help="Longest pause when every source keeps failing."),
    claims: bool = typer.Option(None, "--claims/--no-claims",
                                help="Re-run claims each cycle (default: only if claims were extracted before)."),
    rate: float = typer.Option(1.0, "--rate", help="Seconds between two requests to one host."),
    verbose: bool = typer.Option(True, "--verbose/--quiet-log", help="Log each cycle to stderr."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Watch incidents: poll their sources, ingest what is new, re-match, write digests of new events."""
    from ..watch import WatchSettings
    from ..watch import watch as run_watch

    _logging(verbose)
    settings = WatchSettings(every=parse_duration(every), digest_dir=digests, quiet=parse_duration(quiet),
                             max_backoff=parse_duration(max_backoff), claims=claims, options={"rate": rate})
    with open_store(db) as store:
        results = run_watch(store, names, settings, once=once, max_cycles=max_cycles)
    rows = [{"incident": r.incident, "at": r.at.isoformat(timespec="seconds"), "new_articles": r.new_articles,
             "rejected": r.rejected, "failed_sources": r.failed_sources, "events": len(r.events),
             "digest": str(r.digest) if r.digest else None, "error": r.error} for r in results]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        console.print(f"{r['at']} {r['incident']}: {r['new_articles']} new, {r['events']} event(s)"
                      + (f", digest {r['digest']}" if r["digest"] else "")
                      + (f", {len(r['failed_sources'])} source(s) failed" if r["failed_sources"] else ""),
                      highlight=False, markup=False, soft_wrap=True)


def watch_add(
    name: str = typer.Argument(..., help="Incident name."),
    locators: list[str] = typer.Argument(..., metavar="FEED_URL_OR_GDELT...",
                                         help='Feed URLs, page URLs, URL lists or "gdelt:QUERY".'),
    kind: str = typer.Option(None, "--kind", help="Force the source kind (feed, urls, gdelt...)."),
    fetch_articles: bool = typer.Option(False, "--fetch-articles", help="Fetch each entry's page."),
    timespan: str = typer.Option("1d", "--gdelt-timespan", help="GDELT sources: how far back each poll looks."),
    db: str = DbOption,
) -> None:
    """Add sources to watch for an incident (stored in the store; `storyradar watch NAME` polls them)."""
    from ..watch import add_source

    with open_store(db) as store:
        incident = store.get_incident(name)
        for loc in locators:
            options: dict = {"fetch_articles": True} if fetch_articles else {}
            if loc.lower().startswith("gdelt:") or kind == "gdelt":
                options["timespan"] = timespan
            src = add_source(store, incident, loc, kind=kind, options=options)
            console.print(f"watching {src.locator} ({src.kind}) for {incident.name}", highlight=False, markup=False)


def watch_list(name: str = typer.Argument(..., help="Incident name."), db: str = DbOption,
               as_json: bool = JsonOption) -> None:
    """List an incident's watched sources, its last cycle and the digests written."""
    from ..watch import digests, get_state, list_sources

    with open_store(db) as store:
        incident = store.get_incident(name)
        data = {"sources": [{"kind": s.kind, "locator": s.locator, "options": s.options}
                            for s in list_sources(store, incident)],
                "cycles": get_state(store, incident.id, "cycles", 0),
                "last_cycle": get_state(store, incident.id, "last_cycle"),
                "digests": [{"digest": d["digest"], "events": d["events"]} for d in digests(store, incident.id)]}
    if as_json:
        print_json(data)
        return
    table = Table(title=f"watched for {name}")
    table.add_column("kind")
    table.add_column("source")
    for s in data["sources"]:
        table.add_row(s["kind"], s["locator"])
    console.print(table)
    console.print(f"{data['cycles']} cycle(s); {len(data['digests'])} digest(s)", highlight=False)


def watch_remove(name: str = typer.Argument(..., help="Incident name."),
                 locator: str = typer.Argument(..., help="The watched source to drop."), db: str = DbOption) -> None:
    """Stop watching one source of an incident."""
    from ..watch import remove_source

    with open_store(db) as store:
        remove_source(store, store.get_incident(name), locator)
    console.print(f"no longer watching {locator}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Add the watch commands."""
    app.command("watch")(watch)
    app.command("watch-add")(watch_add)
    app.command("watch-list")(watch_list)
    app.command("watch-remove")(watch_remove)
