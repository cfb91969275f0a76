"""Shared CLI plumbing: consoles, the --db option, JSON output."""

from __future__ import annotations

import json
import os
from typing import Any

import typer
from rich.console import Console

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


def open_store(db: str | None, *, read_only: bool = False) -> Store:
    """Open the store named by --db (or the default)."""
    return Store(db_path(db), read_only=read_only)


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (datetimes as ISO strings)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
