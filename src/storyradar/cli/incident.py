"""CLI: incident commands (being built)."""


def register(app):
    """Add this group's commands to the app."""
