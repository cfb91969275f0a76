"""The registry of assertion kinds (a dict and a decorator) and the validation of their parameters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoryradarError, TimeError
from ..model import Incident
from ..store import Store
from ..timeutil import parse_duration, parse_time
from .records import Verdict

#: Parameter types: how a value is written and what it becomes after validation.
PARAM_TYPES = {
    "date": "a date (2025-03-17, a day in the incident's declared offset) or a time with a zone",
    "duration": "a duration like 90m, 6h, 3d",
    "str": "a text",
    "strs": "a list of texts (comma-separated on the command line)",
    "ints": "a list of whole numbers (comma-separated on the command line)",
    "int": "a whole number",
    "float": "a number",
    "choice": "one of the listed words",
}

#: Keys every assertion may carry besides its parameters: its kind, and notes that are not evaluated
#: (``expected`` is the verdict the author expects; the result shows whether it came out so).
COMMON_PARAMS = ("kind", "label", "id", "expected", "expected_because", "note", "notes")

#: Other spellings accepted for parameters (left: as written in a file; right: the parameter).
PARAM_ALIASES = {
    "claim_kind": "claim", "figure_kind": "figure", "outlets": "outlet", "languages": "language",
    "countries": "country", "window_days": "within_days", "window": "within_days", "comparable": "incidents",
}


class AssertionError_(StoryradarError):  # noqa: N801 - keeps clear of the builtin AssertionError
    """An assertion is malformed: unknown kind, unknown or invalid parameter."""


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of an assertion kind."""

    name: str
    type: str
    help: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()


@dataclass(slots=True)
class CheckContext:
    """What an evaluator needs besides its parameters: the store, the incident, outside inputs."""

    store: Store
    incident: Incident
    calendar: Path | None = None  # calendar CSV for coincides_with (CLI --calendar)
    base_dir: Path | None = None  # folder of the assertions file, for relative paths in it
    n_boot: int = 1000
    seed: int = 0
    cache: dict[str, Any] = field(default_factory=dict)


Evaluator = Callable[[CheckContext, dict[str, Any]], Verdict]


@dataclass(frozen=True, slots=True)
class AssertionKind:
    """A registered kind: name, one-line description, parameters and the function that decides it."""

    name: str
    description: str
    params: tuple[Param, ...]
    evaluate: Evaluator


KINDS: dict[str, AssertionKind] = {}


def assertion_kind(name: str, description: str, *params: Param) -> Callable[[Evaluator], Evaluator]:
    """Register an evaluator as the assertion kind ``name`` with the given parameters."""

    def wrap(func: Evaluator) -> Evaluator:
        if name in KINDS:
            raise StoryradarError(f"assertion kind {name!r} is registered twice")
        KINDS[name] = AssertionKind(name, description, tuple(params), func)
        return func

    return wrap


def get_kind(name: str, *, where: str = "") -> AssertionKind:
    """A registered kind by name; the error lists the known kinds."""
    from . import kinds  # noqa: F401 - registers the built-in kinds

    if name not in KINDS:
        raise AssertionError_(f"unknown assertion kind {name!r} (known: {', '.join(sorted(KINDS))})",
                              path=where)
    return KINDS[name]


def validate_params(kind: AssertionKind, raw: dict[str, Any], *, where: str) -> dict[str, Any]:
    """Check and convert raw parameter values; the result is JSON-ready (dates as ISO strings)."""
    known = {p.name: p for p in kind.params}
    raw = dict(raw)
    for alias, name in PARAM_ALIASES.items():
        if alias in raw and name in known:
            if name in raw:
                raise AssertionError_(f"{kind.name}: give {name!r} or {alias!r}, not both", path=where)
            raw[name] = raw.pop(alias)
    unknown = [k for k in raw if k not in known and k not in COMMON_PARAMS]
    if unknown:
        raise AssertionError_(
            f"{kind.name}: unknown parameter {unknown[0]!r} (parameters: {', '.join(known) or 'none'})",
            path=where)
    out: dict[str, Any] = {}
    for p in kind.params:
        if p.name not in raw or raw[p.name] in (None, "", []):
            if p.required:
                raise AssertionError_(f"{kind.name}: parameter {p.name!r} is required ({p.help})", path=where)
            if p.default is not None:
                out[p.name] = p.default
            continue
        try:
            out[p.name] = convert(p, raw[p.name])
        except (ValueError, TypeError, TimeError) as exc:
            reason = exc.reason if isinstance(exc, TimeError) else str(exc)
            raise AssertionError_(f"{kind.name}: parameter {p.name!r}: {reason}", path=where) from exc
    return out


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def convert(param: Param, value: Any) -> Any:
    """Convert one raw value (from TOML or the command line) to the parameter's type."""
    t = param.type
    if t == "date":
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                raise ValueError(f"{value.isoformat()} has no time zone; write a date alone or add a zone")
            return value.isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value).strip()
        if len(text) == 10:
            dt.date.fromisoformat(text)
            return text
        parse_time(text, what=param.name)
        return text
    if t == "duration":
        parse_duration(str(value))
        return str(value).strip()
    if t == "str":
        return str(value).strip()
    if t == "strs":
        return [str(v).strip() for v in _as_list(value)]
    if t == "ints":
        values = _as_list(value)
        out = []
        for v in values:
            if isinstance(v, bool) or not str(v).strip().lstrip("-").isdigit():
                raise ValueError(f"{v!r} is not a whole number")
            out.append(int(v))
        return out
    if t == "int":
        if isinstance(value, bool) or not str(value).strip().lstrip("-").isdigit():
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    if t == "float":
        return float(value)
    if t == "choice":
        text = str(value).strip()
        if text not in param.choices:
            raise ValueError(f"{text!r} is not one of {', '.join(param.choices)}")
        return text
    raise ValueError(f"unknown parameter type {t!r}")
