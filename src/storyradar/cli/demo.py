"""CLI: `storyradar demo` — generate the fictional demo corpus and run the whole pipeline on it."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import console


def demo(
    out: Path = typer.Option(Path("storyradar-demo"), "--out", help="Folder for the corpus, store, report and dossier."),
    seed: int = typer.Option(7, "--seed", help="Random seed of the generated corpus."),
    scale: float = typer.Option(1.0, "--scale", help="Corpus size factor (0.05–20)."),
    workers: int | None = typer.Option(None, "--workers", help="Extraction processes (default: all cores)."),
) -> None:
    """Generate a FICTIONAL corpus (several languages, ~40 outlets) and run ingest → report on it."""
    from ..demo.pipeline import run_demo

    console.print("[bold]storyradar demo[/] — every outlet, person, place and event in it is invented.")

    def say(stage: str, result: str) -> None:
        console.print(f"[green]✓[/] [bold]{stage:<9}[/] {result}", highlight=False, soft_wrap=True)

    result = run_demo(out, seed=seed, scale=scale, workers=workers, say=say)
    console.print(f"\nreport: [bold]{result.report}[/]  (open it in a browser; no network needed)", soft_wrap=True)
    console.print(f"store:  {result.db}  — try: storyradar coverage zorianivka-market --db {result.db}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the demo command."""
    app.command("demo")(demo)
