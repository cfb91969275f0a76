"""The `storyradar` command: thin wiring over the library; each command group lives in its own module."""

from __future__ import annotations

import importlib
import sys

import typer

from ..errors import StoryradarError
from .common import console, err_console

app = typer.Typer(
    name="storyradar",
    help="Keep a contested incident on the radar: coverage, claims, evidence and checks, from data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Each module below exposes ``register(app)``; order is the order in ``--help``.
COMMAND_MODULES = (
    "ingest", "incident", "match", "coverage", "report", "demo",
    "claims", "evidence", "verify", "correlate", "check", "compare", "store", "serve", "origins",
    "scale", "gdelt", "watch",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}").register(app)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning storyradar errors into one line on stderr."""
    try:
        result = app(args=argv, standalone_mode=False)
        if isinstance(result, int) and not isinstance(result, bool):  # click returns typer.Exit's code
            return result
    except StoryradarError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 1
    except SystemExit as exc:  # click's usage errors
        return int(exc.code or 0)
    except Exception as exc:  # click.ClickException and friends
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        raise
    return 0


def run() -> None:
    """Console-script entry: exit with main()'s code."""
    sys.exit(main())


__all__ = ["app", "main", "console"]


if __name__ == "__main__":
    run()
