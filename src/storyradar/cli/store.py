"""CLI: store housekeeping — what is in it, and Parquet export/import of every table."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..store.schema import EXPORT_TABLES
from .common import DbOption, JsonOption, console, db_path, open_store, print_json


def info(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Show the store's file, schema version and row counts per table."""
    with open_store(db) as store:
        counts = {t: store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in EXPORT_TABLES}
        data = {"db": db_path(db), "schema_version": store.schema_version, "rows": counts,
                "incidents": [i.name for i in store.list_incidents()]}
    if as_json:
        print_json(data)
        return
    table = Table(title=f"{data['db']} (schema {data['schema_version']})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    console.print(table)
    console.print("incidents: " + (", ".join(data["incidents"]) or "none"))


def export_parquet(out: Path = typer.Argument(..., help="Folder for <table>.parquet files."),
                   db: str = DbOption) -> None:
    """Export every table to Parquet (one file per table)."""
    with open_store(db) as store:
        counts = store.export_parquet(out)
    console.print(f"exported {sum(counts.values())} rows from {len(counts)} tables to {out}")


def import_parquet(folder: Path = typer.Argument(..., help="Folder written by export-parquet or the Spark job."),
                   db: str = DbOption) -> None:
    """Import Parquet tables into the store; rows already present are left as they are (idempotent)."""
    with open_store(db, create=True) as store:
        added = store.import_parquet(folder)
    console.print("added " + ", ".join(f"{n} {t}" for t, n in added.items() if n) if any(added.values())
                  else "nothing new to add")


def register(app: typer.Typer) -> None:
    """Add the store commands."""
    app.command("info")(info)
    app.command("export-parquet")(export_parquet)
    app.command("import-parquet")(import_parquet)
