"""Web UI: a FastAPI app over the same library API as the CLI (``storyradar serve``)."""

from .app import create_app

__all__ = ["create_app"]
