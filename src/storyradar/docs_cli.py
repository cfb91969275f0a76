"""Render every CLI command's --help text (for docs/cli.md and the docs tests)."""

from __future__ import annotations

import click
import typer
from typer.testing import CliRunner


def iter_commands(app: typer.Typer | None = None) -> list[tuple[str, click.Command]]:
    """(full name, command) for every command and sub-command, in help order."""
    from .cli import app as main_app

    root = typer.main.get_command(app or main_app)
    out: list[tuple[str, click.Command]] = []

    def walk(prefix: str, cmd: click.Command) -> None:
        out.append((prefix, cmd))
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(click.Context(cmd)):
                walk(f"{prefix} {name}", cmd.get_command(click.Context(cmd), name))

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
