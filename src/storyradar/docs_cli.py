"""Render every CLI command's --help text (for docs/cli.md and the docs tests)."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner


def iter_commands(app: typer.Typer | None = None) -> list[tuple[str, Any]]:
    """(full name, command) for every command and sub-command, in help order."""
    from .cli import app as main_app

    root = typer.main.get_command(app or main_app)
    out: list[tuple[str, Any]] = []

    def walk(prefix: str, cmd: Any) -> None:
        out.append((prefix, cmd))
        if hasattr(cmd, "list_commands"):  # a group (typer vendors its own click classes)
            ctx = typer.Context(cmd)
            for name in cmd.list_commands(ctx):
                walk(f"{prefix} {name}", cmd.get_command(ctx, name))

    walk("storyradar", root)
    return out


def help_pages() -> list[tuple[str, str]]:
    """(command line, its --help output) for every command, rendered at a fixed width."""
    from .cli import app

    runner = CliRunner()
    pages = []
    for name, _cmd in iter_commands():
        args = name.split()[1:] + ["--help"]
        result = runner.invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
                               terminal_width=100)
        pages.append((name, result.output.rstrip()))
    return pages
