"""Read assertions from a TOML file or from one-line command-line forms, validated per kind."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

from .records import Assertion
from .registry import AssertionError_, get_kind, validate_params

#: Table names accepted for the list of assertions in a TOML file.
LIST_KEYS = ("assertion", "assertions")
#: Top-level keys a file may carry besides the list.
FILE_KEYS = ("incident", "calendar", "title", "notes")


def build_assertion(raw: dict[str, Any], *, where: str) -> Assertion:
    """Validate one raw assertion (a dict with ``kind`` and parameters) into an Assertion."""
    if not isinstance(raw, dict):
        raise AssertionError_("an assertion must be a table of kind and parameters", path=where)
    kind_name = raw.get("kind")
    if not kind_name:
        raise AssertionError_("assertion has no 'kind'", path=where)
    kind = get_kind(str(kind_name), where=where)
    params = validate_params(kind, raw, where=where)
    label = str(raw.get("label") or raw.get("id") or "")
    meta = {k: raw[k] for k in ("id", "expected", "expected_because", "note", "notes") if k in raw}
    return Assertion(kind=kind.name, params=params, label=label, origin=where, meta=meta)


def load_file(path: str | Path) -> tuple[list[Assertion], dict[str, Any]]:
    """Assertions in a TOML file, plus its top-level settings (incident, calendar, ...).

    The file holds ``[[assertion]]`` tables (``[[assertions]]`` is accepted too), each with a
    ``kind``, an optional ``label`` (the statement in your words) and the kind's parameters.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AssertionError_("no such assertions file", path=str(p)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise AssertionError_(f"not valid TOML: {exc}", path=str(p)) from exc
    except UnicodeDecodeError as exc:
        raise AssertionError_("cannot read the file as UTF-8 text", path=str(p)) from exc
    raw_list: list[Any] = []
    for key in LIST_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, dict):  # [assertions.some_id] tables keyed by id
            value = [dict(v, id=v.get("id", k)) if isinstance(v, dict) else v for k, v in value.items()]
        if not isinstance(value, list):
            raise AssertionError_(f"'{key}' must be a list of tables ([[{key}]])", path=str(p))
        raw_list.extend(value)
    unknown = [k for k in data if k not in LIST_KEYS and k not in FILE_KEYS]
    if unknown:
        raise AssertionError_(f"unknown top-level key {unknown[0]!r} (expected [[assertion]] tables and "
                              f"optionally {', '.join(FILE_KEYS)})", path=str(p))
    if not raw_list:
        raise AssertionError_("no assertions found (write [[assertion]] tables with a kind)", path=str(p))
    out = []
    for k, raw in enumerate(raw_list, 1):
        name = raw.get("label") or raw.get("id") if isinstance(raw, dict) else None
        where = f"{p} @ assertion {k}" + (f" ({name})" if name else "")
        out.append(build_assertion(raw, where=where))
    settings = {k: data[k] for k in FILE_KEYS if k in data}
    return out, settings


def parse_inline(text: str, *, where: str = "--assert") -> Assertion:
    """One assertion written on the command line: ``KIND key=value key=a,b ...``.

    Values with spaces are quoted: ``coverage_stopped after=2025-03-17 label="nobody wrote after day 3"``.
    """
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise AssertionError_(f"cannot split {text!r}: {exc}", path=where) from exc
    if not words:
        raise AssertionError_("empty assertion", path=where)
    raw: dict[str, Any] = {"kind": words[0]}
    for word in words[1:]:
        if "=" not in word:
            raise AssertionError_(f"{words[0]}: expected key=value, got {word!r}", path=where)
        key, value = word.split("=", 1)
        raw[key.strip()] = value.strip()
    return build_assertion(raw, where=where)
