"""The `storyradar` command: thin wiring over the library; each command group lives in its own module."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.markup import escape

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
    """Entry point: run the CLI; storyradar errors become one line on stderr (exit 2).

    Usage errors (unknown option, missing argument, bad value) are handled by the CLI framework
    in standalone mode: a usage line and the reason on stderr, exit 2, never a traceback.
    """
    try:
        app(args=argv, prog_name="storyradar", standalone_mode=True)
    except StoryradarError as exc:
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        err_console.print(str(code), highlight=False, markup=False)
        return 1
    return 0


def run() -> None:
    """Console-script entry: exit with main()'s code."""
    sys.exit(main())


__all__ = ["app", "main", "console"]


if __name__ == "__main__":
    run()
