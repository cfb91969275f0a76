"""CLI: declare, show, list, export and remove incidents (`storyradar incident ...`)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..errors import AmbiguousPlaceError, IncidentSpecError
from ..model import Place
from ..store.codec import incident_to_dict
from ..timeutil import with_offset
from .common import DbOption, JsonOption, console, err_console, open_store, print_json


def _candidates_table(exc: AmbiguousPlaceError) -> Table:
    table = Table(title=str(exc.reason))
    for col in ("name", "admin1", "country", "population", "lat", "lon", "geonameid"):
        table.add_column(col)
    for p in exc.candidates:
        table.add_row(p.name, p.admin1, p.country, str(p.population or ""), f"{p.latitude:.4f}",
                      f"{p.longitude:.4f}", str(p.geonameid))
    return table


def register(app: typer.Typer) -> None:
    """Add the `incident` command group."""
    grp = typer.Typer(help="Declare and inspect incidents (what happened, when, where).", no_args_is_help=True)
    app.add_typer(grp, name="incident")

    @grp.command("add")
    def add(
        name: str = typer.Argument(None, help="Short name, e.g. kostiantynivka-market."),
        when: str = typer.Option(None, "--when", help="ISO time with offset, e.g. 2023-09-06T14:00+03:00."),
        timezone: str = typer.Option(None, "--timezone", help="IANA zone for a --when without offset."),
        place: str = typer.Option(None, "--place", help="Place name (resolved with GeoNames unless --lat/--lon)."),
        country: str = typer.Option(None, "--country", help="ISO country code to choose among namesakes."),
        admin1: str = typer.Option(None, "--admin1", help="GeoNames admin1 code to choose among namesakes."),
        geonameid: int = typer.Option(None, "--geonameid", help="Pick the place by GeoNames id."),
        lat: float = typer.Option(None, "--lat", help="Latitude of a declared place."),
        lon: float = typer.Option(None, "--lon", help="Longitude of a declared place."),
        term: list[str] = typer.Option([], "--term", help="Kind/target term (repeatable): market, missile..."),
        variant: list[str] = typer.Option([], "--variant", help="Extra spelling of the place (repeatable)."),
        exclude: list[str] = typer.Option([], "--exclude", help="Term that rules an article out (repeatable)."),
        figure: list[str] = typer.Option([], "--figure", help="Known figure, e.g. killed=16 (repeatable)."),
        precision: str = typer.Option("minute", "--precision", help="minute, hour or day."),
        title: str = typer.Option("", "--title", help="A neutral one-line description."),
        file: Path = typer.Option(None, "--file", help="Read the spec from a TOML file instead."),
        from_story: str = typer.Option(None, "--from-story", help="Draft the incident from a story id."),
        db: str = DbOption,
    ) -> None:
        """Declare an incident from options, a TOML file or a discovered story."""
        from ..match.from_story import incident_from_story
        from ..match.spec import incident_from_mapping, load_incident_toml

        with open_store(db, create=True) as store:
            if file is not None:
                incident = load_incident_toml(file)
            elif from_story:
                incident = incident_from_story(store, from_story, name=name)
            else:
                if not name or not when or not place:
                    raise IncidentSpecError("give NAME, --when and --place (or --file, or --from-story)")
                figures = {}
                for f in figure:
                    key, _, value = f.partition("=")
                    if not value.strip().isdigit():
                        raise IncidentSpecError(f"--figure {f!r} is not like killed=16")
                    figures[key.strip()] = int(value)
                place_fields = {"name": place, "country": country, "admin1": admin1, "geonameid": geonameid,
                                "latitude": lat, "longitude": lon}
                data = {"name": name, "when": when, "place": {k: v for k, v in place_fields.items()
                                                             if v is not None},
                        "terms": term, "variants": variant, "exclude_terms": exclude, "figures": figures,
                        "precision": precision, "title": title}
                if timezone:
                    data["timezone"] = timezone
                try:
                    incident = incident_from_mapping(data, path="command line")
                except AmbiguousPlaceError as exc:
                    err_console.print(_candidates_table(exc))
                    raise
            store.save_incident(incident)
        console.print(f"incident [bold]{incident.name}[/] saved: {with_offset(incident.occurred_at, incident.occurred_offset_min)}"
                      f" at {incident.place.name} {incident.place.country}".rstrip(), highlight=False)
        if incident.notes:
            console.print(f"note: {incident.notes}", highlight=False)

    @grp.command("show")
    def show(name: str, db: str = DbOption, as_json: bool = JsonOption) -> None:
        """Print an incident's spec and its place-name variants."""
        from ..match.variants import name_variants

        with open_store(db, read_only=True) as store:
            incident = store.get_incident(name)
        variants = name_variants(incident)
        if as_json:
            print_json({"incident": incident_to_dict(incident),
                        "variants": [{"form": v.form, "origin": v.origin, "script": v.script} for v in variants]})
            return
        p: Place = incident.place
        console.print(f"[bold]{incident.name}[/] {incident.title}", highlight=False)
        console.print(f"when: {with_offset(incident.occurred_at, incident.occurred_offset_min)} "
                      f"(precision {incident.precision})", highlight=False)
        coords = f" ({p.latitude:.4f}, {p.longitude:.4f})" if p.latitude is not None else ""
        gid = f" geonameid {p.geonameid}" if p.geonameid else ""
        console.print(f"place: {p.name} {p.country} {p.admin1}{coords}{gid}", highlight=False)
        console.print(f"terms: {', '.join(incident.terms) or '-'}; figures: {incident.figures or '-'}; "
                      f"window: -{incident.window_before_days}d/+{incident.window_after_days}d", highlight=False)
        console.print(f"variants ({len(variants)}): " + ", ".join(v.form for v in variants), highlight=False)

    @grp.command("variants")
    def variants_cmd(name: str, db: str = DbOption, as_json: bool = JsonOption) -> None:
        """List the place-name variants matched for an incident: form, origin, script."""
        from ..match.variants import name_variants

        with open_store(db, read_only=True) as store:
            incident = store.get_incident(name)
        variants = name_variants(incident)
        if as_json:
            print_json([{"form": v.form, "origin": v.origin, "script": v.script} for v in variants])
            return
        table = Table(title=f"{len(variants)} variants of {incident.place.name}")
        for col in ("form", "origin", "script"):
            table.add_column(col)
        for v in variants:
            table.add_row(v.form, v.origin, v.script)
        console.print(table)

    @grp.command("list")
    def list_cmd(db: str = DbOption, as_json: bool = JsonOption) -> None:
        """List declared incidents."""
        with open_store(db, read_only=True) as store:
            incidents = store.list_incidents()
        if as_json:
            print_json([incident_to_dict(i) for i in incidents])
            return
        table = Table(title=f"{len(incidents)} incidents")
        for col in ("name", "when", "place", "terms"):
            table.add_column(col)
        for i in incidents:
            table.add_row(i.name, with_offset(i.occurred_at, i.occurred_offset_min),
                          f"{i.place.name} {i.place.country}".strip(), ", ".join(i.terms))
        console.print(table)

    @grp.command("remove")
    def remove(name: str, db: str = DbOption) -> None:
        """Remove an incident and its stored matches."""
        with open_store(db) as store:
            store.delete_incident(name)
        console.print(f"incident {name} removed", highlight=False)

    @grp.command("export")
    def export(name: str, out: Path = typer.Option(..., "--out", help="TOML file to write."),
               db: str = DbOption) -> None:
        """Write an incident's spec as an editable TOML file."""
        from ..match.spec import incident_to_toml

        with open_store(db, read_only=True) as store:
            incident = store.get_incident(name)
        out.write_text(incident_to_toml(incident), encoding="utf-8")
        console.print(f"wrote {out}", highlight=False)
