"""`python -m storyradar` runs the CLI."""

from .cli import run

run()
