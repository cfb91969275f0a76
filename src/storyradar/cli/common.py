"""Shared CLI plumbing: consoles, the --db option, JSON output."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ..errors import StoreError
from ..store import DEFAULT_DB, Store

console = Console()
err_console = Console(stderr=True)

DbOption = typer.Option(
    None, "--db", help="DuckDB store file (default: $STORYRADAR_DB or ./storyradar.duckdb).",
)
JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON instead of tables.")


def db_path(db: str | None) -> str:
    """The store path from the option, the environment or the default."""
    return db or os.environ.get("STORYRADAR_DB") or DEFAULT_DB


def open_store(db: str | None, *, read_only: bool = False, create: bool = False) -> Store:
    """Open the store named by --db (or the default).

    Only commands that bring data in (``create=True``) may start a new store; any other command
    on a path where no store exists says so instead of quietly creating an empty one.
    """
    path = db_path(db)
    if not create and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}",
                         hint="bring data in with `storyradar ingest` or `storyradar incident add`, or pass --db FILE")
    return Store(path, read_only=read_only)


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (datetimes as ISO strings)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
