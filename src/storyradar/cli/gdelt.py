"""CLI: `storyradar gdelt ...` — DOC API article lists and timelines, 15-minute files, fetch for an incident."""

from __future__ import annotations

from datetime import datetime

import typer
from rich.table import Table

from ..errors import StoryradarError
from ..timeutil import parse_time
from .common import DbOption, JsonOption, console, open_store, print_json

gdelt_app = typer.Typer(help="GDELT: DOC 2.0 API article lists and timelines, GKG / Events 15-minute files.",
                        no_args_is_help=True)

UrlOption = typer.Option(None, "--gdelt-url", help="DOC API URL (default: GDELT's).")
IntervalOption = typer.Option(None, "--interval", help="Seconds between two DOC API requests (default 5, as GDELT asks).")
StartOption = typer.Option(None, "--start", help="Window start, ISO 8601 with offset (within the last 3 months).")
EndOption = typer.Option(None, "--end", help="Window end, ISO 8601 with offset.")


def _time(value: str | None, what: str) -> datetime | None:
    return parse_time(value, what=what)[0] if value else None


def _settings(url: str | None, interval: float | None, files_url: str | None = None):
    from ..gdelt import GdeltSettings

    s = GdeltSettings()
    if interval is not None:
        s.min_interval_s = interval
    if url:
        s.doc_url = url
    if files_url:
        s.files_url = files_url
    return s


@gdelt_app.command("articles")
def articles(
    query: str = typer.Argument(..., help='DOC API query, e.g. \'Zorianivka (market OR missile) sourcelang:ukrainian\'.'),
    start: str = StartOption, end: str = EndOption,
    timespan: str = typer.Option(None, "--timespan", help="Instead of start/end: 1d, 2w, 3m..."),
    max_records: int = typer.Option(250, "--max", min=1, max=250, help="At most this many (GDELT's cap: 250)."),
    gdelt_url: str = UrlOption, interval: float = IntervalOption, as_json: bool = JsonOption,
) -> None:
    """List the articles a DOC API query finds (nothing is stored)."""
    from ..gdelt import GdeltClient

    with GdeltClient(_settings(gdelt_url, interval)) as gc:
        found = gc.artlist(query, start=_time(start, "--start"), end=_time(end, "--end"), timespan=timespan,
                           maxrecords=max_records)
    if as_json:
        print_json([{"url": a.url, "title": a.title, "seen_at": a.seen_at.isoformat(), "domain": a.domain,
                     "language": a.language, "source_country": a.source_country} for a in found])
        return
    table = Table(title=f"{len(found)} articles for {query!r}")
    for col in ("seen (UTC)", "domain", "lang", "title"):
        table.add_column(col)
    for a in found:
        table.add_row(a.seen_at.strftime("%Y-%m-%d %H:%M"), a.domain, a.language, a.title)
    console.print(table)


@gdelt_app.command("timeline")
def timeline(
    query: str = typer.Argument(..., help="DOC API query."),
    mode: str = typer.Option("timelinevol", "--mode",
                             help="timelinevol, timelinevolraw, timelinelang or timelinesourcecountry."),
    start: str = StartOption, end: str = EndOption,
    timespan: str = typer.Option(None, "--timespan", help="Instead of start/end: 1d, 2w, 3m..."),
    gdelt_url: str = UrlOption, interval: float = IntervalOption, as_json: bool = JsonOption,
) -> None:
    """Print a DOC API timeline (nothing is stored; `gdelt fetch` stores one for an incident)."""
    from ..gdelt import GdeltClient

    with GdeltClient(_settings(gdelt_url, interval)) as gc:
        points = gc.timeline(query, mode, start=_time(start, "--start"), end=_time(end, "--end"), timespan=timespan)
    if as_json:
        print_json([{"series": p.series, "at": p.at.isoformat(), "value": p.value, "norm": p.norm} for p in points])
        return
    table = Table(title=f"{mode} for {query!r}")
    for col in ("series", "bin (UTC)", "value", "norm"):
        table.add_column(col)
    for p in points:
        table.add_row(p.series, p.at.strftime("%Y-%m-%d %H:%M"), f"{p.value:g}", "" if p.norm is None else f"{p.norm:g}")
    console.print(table)


@gdelt_app.command("query")
def query_cmd(name: str = typer.Argument(..., help="Incident name."), db: str = DbOption) -> None:
    """Print the DOC API query storyradar builds for an incident (place names OR'd, terms OR'd)."""
    from ..gdelt import incident_query

    with open_store(db) as store:
        typer.echo(incident_query(store.get_incident(name)))


@gdelt_app.command("fetch")
def fetch(
    name: str = typer.Argument(..., help="Incident name."),
    query: str = typer.Option(None, "--query", help="DOC API query (default: built from the incident)."),
    start: str = StartOption, end: str = EndOption,
    fetch_articles: bool = typer.Option(False, "--fetch-articles", help="Fetch and extract each listed page."),
    modes: list[str] = typer.Option(["timelinevolraw"], "--timeline", help="Timeline mode(s) to store for the report."),
    no_match: bool = typer.Option(False, "--no-match", help="Do not re-match the incident afterwards."),
    gdelt_url: str = UrlOption, interval: float = IntervalOption,
    rate: float = typer.Option(1.0, "--rate", help="Seconds between two page requests to one host."),
    db: str = DbOption, as_json: bool = JsonOption,
) -> None:
    """List an incident's articles from GDELT into the store, keep GDELT's timeline, re-match."""
    from ..gdelt import fetch_incident

    with open_store(db) as store:
        incident = store.get_incident(name)
        result = fetch_incident(store, incident, query=query, start=_time(start, "--start"),
                                end=_time(end, "--end"), fetch_articles=fetch_articles, timeline_modes=modes,
                                settings=_settings(gdelt_url, interval), match=not no_match,
                                options={"rate": rate})
    if as_json:
        print_json(result.as_dict())
    else:
        console.print(f"GDELT {result.query!r}: {result.ingest.read} listed, {result.ingest.stored} new articles, "
                      f"{len(result.ingest.rejected)} rejected; timeline points: "
                      + ", ".join(f"{m} {n}" for m, n in result.timeline_points.items())
                      + ("" if result.matched is None else f"; {result.matched} matches stored"), highlight=False)
        for r in result.ingest.rejected[:10]:
            console.print(f"rejected: {r}", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(result.ingest.exit_code)


def _near(text: str | None) -> tuple[float, float, float] | None:
    if not text:
        return None
    try:
        lat, lon, km = (float(x) for x in text.split(","))
    except ValueError as exc:
        raise StoryradarError(f"--near {text!r} is not LAT,LON,KM") from exc
    return lat, lon, km


@gdelt_app.command("files")
def files(
    name: str = typer.Argument(None, help="Incident name: filter near its place and store what is found."),
    since: str = typer.Option(..., "--since", help="First 15-minute slot, ISO 8601 with offset."),
    until: str = typer.Option(..., "--until", help="End (exclusive), ISO 8601 with offset."),
    kind: str = typer.Option("gkg", "--kind", help="gkg or events."),
    location: list[str] = typer.Option([], "--location", help="Location name contains this (repeatable)."),
    country: list[str] = typer.Option([], "--country", help="Location FIPS country code (repeatable)."),
    near: str = typer.Option(None, "--near", help="LAT,LON,KM: a location within KM of the point."),
    names: list[str] = typer.Option([], "--name", help="A person / organisation / actor contains this (repeatable)."),
    themes: list[str] = typer.Option([], "--theme", help="GKG theme prefix, or CAMEO:<code> for events (repeatable)."),
    master_list: bool = typer.Option(False, "--master-list", help="Find files via masterfilelist.txt."),
    fetch_articles: bool = typer.Option(False, "--fetch-articles", help="Fetch and extract the kept URLs."),
    files_url: str = typer.Option(None, "--files-url", help="Base URL of the files (default: GDELT's gdeltv2/)."),
    db: str = DbOption, as_json: bool = JsonOption,
) -> None:
    """Scan GKG / Events 15-minute files, filter by location, names and themes, store the articles."""
    from ..gdelt import GdeltFilter, files_to_store, incident_filter

    with open_store(db, create=True) as store:
        criteria = GdeltFilter(locations=tuple(location), countries=tuple(country), near=_near(near),
                               names=tuple(names), themes=tuple(themes))
        incident = store.get_incident(name) if name else None
        if incident is not None and not (location or country or near):
            base = incident_filter(incident, themes=tuple(themes))
            criteria = GdeltFilter(locations=base.locations, near=base.near, names=tuple(names), themes=tuple(themes))
        if criteria == GdeltFilter():
            raise StoryradarError("no filter given", hint="name an incident or give --location/--near/--name/--theme")
        result = files_to_store(store, criteria, since=parse_time(since, what="--since")[0],
                                until=parse_time(until, what="--until")[0], kind=kind, use_master_list=master_list,
                                fetch_articles=fetch_articles, settings=_settings(None, None, files_url))
        matched = None
        if incident is not None:
            from ..match import run_match

            matched = run_match(store, incident).stored
    data = {**result.as_dict(), "matched": matched}
    if as_json:
        print_json(data)
        return
    console.print(f"{data['files']} files, {data['rows']} rows, {data['kept']} kept, {data['urls']} URLs, "
                  f"{data['stored']} new articles" + ("" if matched is None else f", {matched} matches stored"),
                  highlight=False)
    for p in data["problems"][:10]:
        console.print(f"problem: {p}", highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `gdelt` command group."""
    app.add_typer(gdelt_app, name="gdelt")
