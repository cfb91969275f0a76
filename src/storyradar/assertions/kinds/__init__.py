"""The built-in assertion kinds; importing this package registers them."""

from . import calendar, claims, compare, coverage  # noqa: F401

__all__: list[str] = []
