"""CLI: `storyradar check` — test stated assertions about an incident against the corpus."""

from __future__ import annotations

from pathlib import Path

import typer

from ..assertions import (
    KINDS,
    check_assertions,
    check_file,
    clear_results,
    get_kind,
    parse_inline,
    save_results,
)
from ..assertions.records import CONTRADICTED, SUPPORTED, VERDICT_WORDS
from ..errors import StoryradarError
from .common import DbOption, JsonOption, console, open_store, print_json

COLOURS = {SUPPORTED: "green", CONTRADICTED: "red"}
ITEMS_SHOWN = 10


def check(
    name: str = typer.Argument(..., help="Incident name."),
    assertions: Path | None = typer.Option(None, "--assertions", "-a", help="TOML file of \\[\\[assertion]] tables."),
    inline: list[str] = typer.Option([], "--assert", help="One assertion: 'KIND key=value ...' (repeatable)."),
    calendar: Path | None = typer.Option(None, "--calendar", help="Calendar CSV for coincides_with."),
    boot: int = typer.Option(1000, "--boot", help="Bootstrap replicates for dropped_faster_than."),
    seed: int = typer.Option(0, "--seed", help="Random seed (bootstrap, permutation test)."),
    items: int = typer.Option(ITEMS_SHOWN, "--items", help="Deciding items printed per assertion (all in --json)."),
    replace: bool = typer.Option(False, "--replace", help="Forget earlier stored results of this incident first."),
    save: bool = typer.Option(True, "--save/--no-save", help="Store the results for the report."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Give each assertion a verdict: supported by, contradicted by, or not decidable from this corpus."""
    if assertions is None and not inline:
        get_kind("coverage_stopped")  # registers the built-in kinds, for the hint
        raise StoryradarError("give --assertions FILE or at least one --assert 'KIND key=value ...'",
                              hint=f"kinds: {', '.join(sorted(KINDS))}; see `storyradar check-kinds`")
    with open_store(db) as store:
        incident = store.get_incident(name)
        # Everything is parsed and checked before anything stored changes; then the old results
        # are replaced (with --replace) and the new ones saved in one transaction.
        kw = {"calendar": calendar, "n_boot": boot, "seed": seed, "save": False}
        if assertions is not None:
            results = check_file(store, incident, assertions, extra=list(inline), **kw)
        else:
            parsed = [parse_inline(t, where=f"--assert {k}") for k, t in enumerate(inline, 1)]
            results = check_assertions(store, incident, parsed, **kw)
        if save or replace:
            with store.transaction():
                if replace:
                    clear_results(store, incident)
                if save:
                    save_results(store, incident, results)
    if as_json:
        print_json([r.to_dict() for r in results])
        return
    for k, r in enumerate(results, 1):
        a, v = r.assertion, r.verdict
        colour = COLOURS.get(v.verdict, "yellow")
        title = a.label or f"{a.kind} " + " ".join(f"{key}={val}" for key, val in a.params.items())
        console.print(f"[bold]{k}. {title}[/]", highlight=False, markup=True)
        console.print(f"   [{colour}]{VERDICT_WORDS[v.verdict]}[/] — {v.summary}", highlight=False)
        for t in v.thresholds:
            console.print(f"   · {t}", highlight=False, markup=False)
        shown = ", ".join(f"{key}={val}" for key, val in v.figures.items() if not isinstance(val, (dict, list)))
        if shown:
            console.print(f"   figures: {shown}", highlight=False, markup=False)
        for it in v.items[:items]:
            line = " | ".join(str(val) for key, val in it.items() if val not in (None, "") and key != "claim_id")
            console.print(f"     - {line}", highlight=False, markup=False)
        if len(v.items) > items:
            console.print(f"     … {len(v.items) - items} more (see --json or the report)")


def check_kinds(as_json: bool = JsonOption) -> None:
    """List the assertion kinds and their parameters."""
    get_kind("coverage_stopped")  # registers the built-in kinds
    rows = []
    for name in sorted(KINDS):
        kind = get_kind(name)
        rows.append({"kind": name, "description": kind.description,
                     "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                                 "choices": list(p.choices), "help": p.help} for p in kind.params]})
    if as_json:
        print_json(rows)
        return
    for row in rows:
        console.print(f"[bold]{row['kind']}[/] — {row['description']}", highlight=False)
        for p in row["params"]:
            extra = " (required)" if p["required"] else (f" (default {p['default']})" if p["default"] is not None
                                                         else "")
            choices = f" [{'|'.join(p['choices'])}]" if p["choices"] else ""
            console.print(f"    {p['name']}: {p['type']}{choices}{extra} — {p['help']}", highlight=False,
                          markup=False)


def register(app: typer.Typer) -> None:
    """Add `check` and `check-kinds` to the app."""
    app.command("check")(check)
    app.command("check-kinds")(check_kinds)
