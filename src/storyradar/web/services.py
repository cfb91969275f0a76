"""Library functions the web app calls from packages that may be absent from an installation."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from ..errors import StoryradarError


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` when that analysis package is installed and provides it, else None."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def required(module: str, name: str, feature: str) -> Callable[..., Any]:
    """``module.name``, or a StoryradarError saying this installation lacks the feature."""
    func = optional(module, name)
    if func is None:
        raise StoryradarError(f"{feature} is not available in this installation ({module}.{name} is missing)")
    return func
