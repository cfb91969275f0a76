"""CLI: `storyradar correlate` — do incidents cluster around calendar events more than chance?"""

from __future__ import annotations

from datetime import date

import typer

from ..correlate import (
    CorrelateError,
    coincidence_chart,
    coincidence_test,
    incidents_from_store,
    read_calendar,
    read_incident_days,
)
from ..verify.observations import save_observation, to_jsonable
from .common import DbOption, JsonOption, open_store, print_json


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CorrelateError(f"{what} {text!r} is not YYYY-MM-DD") from exc


def correlate_cmd(
    incidents: str | None = typer.Option(None, "--incidents", help="CSV of incidents: date|datetime[,label][,timezone]."),
    from_store: bool = typer.Option(False, "--from-store", help="Use the incidents declared in the store."),
    calendar: str = typer.Option(..., "--calendar", help="CSV of events: date|datetime,label[,category][,timezone]."),
    window: list[int] = typer.Option(None, "--window", help="±K days (repeat for several windows; default 3)."),
    category: list[str] = typer.Option(None, "--category", help="Only events of this category (repeatable)."),
    by_category: bool = typer.Option(False, "--by-category", help="Also test each category on its own."),
    start: str | None = typer.Option(None, "--start", help="Study period start (YYYY-MM-DD; default: earliest date)."),
    end: str | None = typer.Option(None, "--end", help="Study period end (YYYY-MM-DD; default: latest date)."),
    permutations: int = typer.Option(2000, "--permutations", help="Number of permutations (circular: capped at days-1, exact)."),
    method: str = typer.Option("circular", "--method", help="Null model: circular (shifts) or block (block shuffles)."),
    block_days: int = typer.Option(28, "--block-days", help="Block length for block permutations and the bootstrap."),
    bootstrap: int = typer.Option(1000, "--bootstrap", help="Bootstrap draws for the ratio's 95 % interval (0: none)."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    plot: str | None = typer.Option(None, "--plot", help="Write both series on one time axis (.svg or .png)."),
    incident: str | None = typer.Option(None, "--incident", help="Incident to attach the result to (with --save)."),
    save: bool = typer.Option(False, "--save", help="Store the result as a 'coincidence' observation of --incident."),
    measured_by: str = typer.Option("", "--measured-by", help="Who ran the analysis."),
    note: str = typer.Option("", "--note", help="A note kept with the observation."),
    db: str | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Test whether incidents fall within ±K days of calendar events more often than chance."""
    if bool(incidents) == from_store:
        raise CorrelateError("give exactly one of --incidents CSV or --from-store")
    if from_store:
        with open_store(db, read_only=False) as store:
            inc = incidents_from_store(store)
    else:
        inc = read_incident_days(incidents)
    events = read_calendar(calendar)
    windows = list(window or [3])
    result = coincidence_test(inc, events, windows=windows, categories=list(category) if category else None,
                              by_category=by_category, start=_day(start, "--start"), end=_day(end, "--end"),
                              permutations=permutations, method=method, block_days=block_days,
                              bootstrap=bootstrap, seed=seed)
    extra = []
    if plot:
        from ..verify.plots import save_chart

        save_chart(coincidence_chart(inc, [e for e in events if not category or e.category in category]), plot)
        extra.append(f"plot written to {plot}")
    obs_id = None
    if save:
        if not incident:
            raise CorrelateError("--save needs --incident NAME")
        inputs = {"incidents": incidents or "store", "calendar": calendar, "windows": windows,
                  "categories": list(category or []), "by_category": by_category, "method": method,
                  "permutations": permutations, "block_days": block_days, "bootstrap": bootstrap, "seed": seed}
        with open_store(db) as store:
            obs_id = save_observation(store, incident, "coincidence", f"{method} permutation test", inputs,
                                      result, measured_by, note)
        extra.append(f"saved as observation {obs_id} of incident {incident}")
    if as_json:
        data = to_jsonable(result)
        data["observation_id"] = obs_id
        print_json(data)
        return
    typer.echo(result.describe())
    for line in extra:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the `correlate` command to the app."""
    app.command("correlate")(correlate_cmd)
