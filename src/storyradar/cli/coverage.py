"""CLI: `storyradar coverage` — how an incident's coverage rose, fell, went silent and came back."""

from __future__ import annotations

import typer
from rich.table import Table

from ..coverage import SilenceRule, WaveRule, analyse_coverage
from .common import DbOption, JsonOption, console, open_store, print_json


def coverage(
    name: str = typer.Argument(..., help="Incident name."),
    by: str = typer.Option("day", "--by", help="Bin size: minute, hour or day."),
    count: str = typer.Option("articles", "--count", help="Count 'articles' or 'stories' (syndicated copies once)."),
    silence_fraction: float = typer.Option(0.1, help="Silent while daily articles < this × peak ..."),
    silence_days: int = typer.Option(7, help="... for this many consecutive days."),
    wave_fraction: float = typer.Option(0.1, help="A later wave needs days with ≥ this × peak articles ..."),
    wave_min_daily: int = typer.Option(2, help="... and at least this many articles a day ..."),
    wave_min_articles: int = typer.Option(4, help="... and this many articles in all."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Coverage over time: first mention, peak, silence, later waves, by outlet, language and country."""
    with open_store(db) as store:
        incident = store.get_incident(name)
        cov = analyse_coverage(
            store, incident, by=by, count=count,
            silence=SilenceRule(silence_fraction, silence_days),
            waves=WaveRule(fraction=wave_fraction, min_daily=wave_min_daily, min_articles=wave_min_articles),
        )
    data = cov.to_dict()
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{incident.name}[/] — occurred {data['occurred_at']}")
    console.print(f"{data['articles']} articles ({data['about']} about it, {data['passing']} passing mentions), "
                  f"{data['stories']} distinct stories")
    fm = data["first_mention"]
    if fm:
        console.print(f"first mention: {fm['published_at']} ({fm['lag_minutes']} min after; date from "
                      f"{fm['date_source']}) {fm['outlet']}: {fm['title']}", highlight=False)
    console.print(f"peak: {data['peak']['day']} with {data['peak']['articles']} articles")
    sil = data["silence"]
    console.print(f"silence: {sil['day'] or 'not reached'} — {sil['note']}")
    for w in data["waves"]:
        console.print(f"later wave: {w['start']} → {w['end']}, {w['articles']} articles "
                      f"({w['stories']} stories), character: {w['character']}", highlight=False)
        for t in w["titles"]:
            console.print(f"    “{t}”", highlight=False, markup=False)
    if data["undated"] or data["weak_dates"]:
        console.print(f"[yellow]{data['undated']} without a time at this resolution (undated, or a date alone "
                      f"in hour/minute bins); {data['weak_dates']} placed by crawl/fetch time "
                      "rather than a publication date[/]")
    table = Table(title=f"articles per {by} (UTC{cov.timeline.tz_offset_min / 60:+g}h)")
    table.add_column("bin")
    table.add_column("articles", justify="right")
    for label, n in _collapse_zero_runs(data["timeline"]["bins"]):
        table.add_row(label, str(n))
    console.print(table)
    for title, rows, key in (("by language", data["by_language"], "language"),
                             ("by outlet (top 15)", data["by_outlet"][:15], "outlet")):
        t = Table(title=title)
        t.add_column(key)
        t.add_column("articles", justify="right")
        t.add_column("first")
        for r in rows:
            t.add_row(r[key], str(r["articles"]), r["first"][:16] + r["first"][19:])
        console.print(t)
    if data["collection_gaps"]:
        console.print(f"[yellow]collection gaps:[/] {len(data['collection_gaps'])} source-days collected below "
                      "a quarter of their usual volume (see the report)")


def _collapse_zero_runs(bins: list[dict]) -> list[tuple[str, int]]:
    """Rows for the table: one row per bin with articles, one row per run of empty bins."""
    rows: list[tuple[str, int]] = []
    run: list[str] = []
    for row in bins:
        if row["n"]:
            if run:
                rows.append((run[0] if len(run) == 1 else f"{run[0]} … {run[-1]}", 0))
                run = []
            rows.append((row["bin"][:16], row["n"]))
        else:
            run.append(row["bin"][:16])
    if run:
        rows.append((run[0] if len(run) == 1 else f"{run[0]} … {run[-1]}", 0))
    return rows


def register(app: typer.Typer) -> None:
    """Add the coverage command."""
    app.command("coverage")(coverage)
