"""CLI: `storyradar claims NAME` — who said what about an incident, when, blaming whom, with figures."""

from __future__ import annotations

import typer
from rich.table import Table

from .common import DbOption, JsonOption, console, open_store, print_json

KIND_CHOICES = ("blame", "denial", "figure", "investigation", "finding", "statement")


def claims_command(
    name: str = typer.Argument(..., help="Incident name (as declared with `storyradar incident add`)."),
    json_: bool = JsonOption,
    kind: str = typer.Option(None, "--kind", help="Only this kind: " + ", ".join(KIND_CHOICES) + "."),
    refresh: bool = typer.Option(False, "--refresh", help="Extract again even if claims are stored."),
    lexicon: str = typer.Option(None, "--lexicon", help="TOML file adding cue words, roles, hedges…"),
    limit: int = typer.Option(0, "--limit", help="Show at most this many claims (0: all)."),
    db: str = DbOption,
) -> None:
    """List an incident's claims: lag, speaker, kind, target, content and how many outlets carried it."""
    from ..claims.analysis import format_lag, merge_claims
    from ..claims.run import ensure_claims, load_claims
    from ..errors import StoryradarError

    if kind and kind not in KIND_CHOICES:
        raise StoryradarError(f"unknown kind {kind!r}", hint="choose one of " + ", ".join(KIND_CHOICES))
    with open_store(db) as store:
        incident = store.get_incident(name)
        ran = ensure_claims(store, incident, refresh=refresh, lexicon_path=lexicon)
        # merge over every kind so one person's name forms are known, then keep the asked kind
        merged = [m for m in merge_claims(load_claims(store, incident)) if not kind or m["kind"] == kind]
    if limit:
        merged = merged[:limit]
    if json_:
        print_json({
            "incident": incident.name, "extracted": ran.as_dict() if ran else None,
            "claims": [{**{k: v for k, v in m.items() if k not in ("first_lag",)},
                        "lag": format_lag(m["first_lag"]),
                        "lag_s": m["first_lag"].total_seconds() if m["first_lag"] is not None else None}
                       for m in merged],
        })
        return
    table = Table(title=f"Claims about {incident.name} ({len(merged)})", show_lines=False)
    for col in ("lag", "speaker", "kind", "target", "content", "outlets"):
        table.add_column(col, overflow="fold", justify="right" if col in ("lag", "outlets") else "left")
    for m in merged:
        content = m["content"] if len(m["content"]) <= 140 else m["content"][:139] + "…"
        table.add_row(format_lag(m["first_lag"]), m["speaker"], m["kind"], m["target_norm"] or m["target"],
                      content, str(m["n_outlets"]))
    console.print(table)
    if ran and ran.rejected:
        for r in ran.rejected:
            console.print(f"[yellow]skipped[/] {r}")


def register(app: typer.Typer) -> None:
    """Add the `claims` command to the app."""
    app.command("claims")(claims_command)
