"""CLI: `storyradar compare` — incidents' coverage aligned on time since each happened."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..compare import compare_incidents, half_life_difference
from ..errors import StoryradarError
from .common import DbOption, JsonOption, console, open_store, print_json


def _ci(ci: list | tuple | None, nd: int = 2) -> str:
    return "" if not ci else f"{ci[0]:.{nd}f} to {ci[1]:.{nd}f}"


def compare(
    names: list[str] = typer.Argument(..., help="Two or more incident names (the first is compared with the rest)."),
    horizon: int = typer.Option(60, "--horizon", help="Days since each incident whose articles are compared."),
    boot: int = typer.Option(1000, "--boot", help="Bootstrap replicates (outlets resampled with replacement)."),
    seed: int = typer.Option(0, "--seed", help="Random seed for the bootstrap."),
    plot: Path | None = typer.Option(None, "--plot", help="Write the normalised curves as SVG to this file."),
    by_language: bool = typer.Option(False, "--plot-languages", help="Plot one curve per incident and language."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Half-life, shares after day 1/7/30, silence and waves per incident and language, with intervals."""
    if len(names) < 2:
        raise StoryradarError("name at least two incidents to compare")
    with open_store(db) as store:
        cmp = compare_incidents(store, names, horizon_days=horizon, n_boot=boot, seed=seed)
    diff = half_life_difference(cmp, names[0], names[1:])
    if plot is not None:
        from ..compare import comparison_chart
        from ..report.charts import to_svg

        plot.write_text(to_svg(comparison_chart(cmp, by_language=by_language)), encoding="utf-8")
    if as_json:
        data = cmp.to_dict()
        data["first_versus_rest"] = {k: v for k, v in diff.items() if k != "others"}
        print_json(data)
        return
    table = Table(title=f"Coverage aligned on time since each incident (first {horizon} days)")
    for col in ("incident / language", "articles", "outlets", "half-life d", "95 % CI", "after d1", "after d7",
                "after d30", "silence day", "waves"):
        table.add_column(col, justify="left" if col.startswith("incident") else "right", no_wrap=True)
    for inc in cmp.incidents:
        rows = [("", inc.overall)] + [("  ", c) for c in inc.by_language.values()]
        for indent, c in rows:
            d = c.to_dict()
            table.add_row(indent + (c.label if not indent else c.label.split(" [")[-1].rstrip("]")),
                          str(c.articles), str(c.outlets),
                          "" if c.half_life_days is None else f"{c.half_life_days:.2f}", _ci(c.half_life_ci),
                          *(("" if d["share_after"][f"day_{k}"] is None else f"{d['share_after'][f'day_{k}']:.0%}")
                            for k in (1, 7, 30)),
                          "" if c.silence_day is None else str(c.silence_day), str(len(c.waves)))
    console.print(table)
    for inc in cmp.incidents:
        if inc.wave_characters:
            console.print(f"{inc.name}: later waves — {', '.join(inc.wave_characters)}", highlight=False)
    for row in cmp.outlets_not_in:
        if row["count"]:
            shown = ", ".join(row["outlets"][:8]) + (" …" if row["count"] > 8 else "")
            console.print(f"{row['count']} outlets covered {row['covered']} but not {row['not_covered']}: {shown}",
                          highlight=False)
    if diff["difference_days"] is not None:
        console.print(f"{names[0]} half-life minus the median of {', '.join(names[1:])}: "
                      f"{diff['difference_days']:+.2f} days (95 % CI {_ci(diff['ci95'])})", highlight=False)
    for note in cmp.notes:
        console.print(f"[dim]{note}[/]", highlight=False)
    if plot is not None:
        console.print(f"curves written to {plot}")


def register(app: typer.Typer) -> None:
    """Add `compare` to the app."""
    app.command("compare")(compare)
