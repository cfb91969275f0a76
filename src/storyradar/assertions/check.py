"""Evaluate assertions against one incident's corpus, and keep the results in the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Incident
from ..store import Store, db_time
from ..timeutil import ensure_utc, now_utc, with_offset
from .parse import load_file, parse_inline
from .records import Assertion, AssertionResult, Verdict
from .registry import CheckContext, get_kind


def check_assertions(
    store: Store,
    incident: Incident | str,
    assertions: list[Assertion],
    *,
    calendar: str | Path | None = None,
    base_dir: str | Path | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    save: bool = True,
) -> list[AssertionResult]:
    """Give each assertion a verdict from this corpus; store the results unless ``save`` is False."""
    inc = store.get_incident(incident) if isinstance(incident, str) else incident
    ctx = CheckContext(store=store, incident=inc, calendar=Path(calendar) if calendar else None,
                       base_dir=Path(base_dir) if base_dir else None, n_boot=n_boot, seed=seed)
    results = []
    for a in assertions:
        verdict = get_kind(a.kind, where=a.origin).evaluate(ctx, dict(a.params))
        results.append(AssertionResult(inc.name, a, verdict))
    if save:
        save_results(store, inc, results)
    return results


def check_file(store: Store, incident: Incident | str, path: str | Path, *, extra: list[str] | tuple[str, ...] = (),
               calendar: str | Path | None = None, **kwargs: Any) -> list[AssertionResult]:
    """Check the assertions in a TOML file (plus any one-line ``extra`` ones) against an incident.

    A ``calendar`` key in the file is the default calendar, relative to the file's folder.
    """
    assertions, settings = load_file(path)
    assertions += [parse_inline(t, where=f"--assert {k}") for k, t in enumerate(extra, 1)]
    base = Path(path).parent
    if calendar is None and settings.get("calendar"):
        calendar = base / settings["calendar"]
    return check_assertions(store, incident, assertions, calendar=calendar, base_dir=base, **kwargs)


def save_results(store: Store, incident: Incident, results: list[AssertionResult]) -> None:
    """Insert or replace results (one row per incident, kind and parameters)."""
    now = db_time(now_utc())
    rows = []
    for r in results:
        a, v = r.assertion, r.verdict
        rows.append((a.key(incident.id), incident.id, a.kind, a.label, _j(a.params), v.verdict, v.summary,
                     _j(v.figures), _j(v.thresholds), _j({"items": v.items, "tables": v.tables, "meta": a.meta}), a.origin, now))
    with store.transaction() as con:
        con.executemany(
            "INSERT INTO assertion_results VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
            "label = excluded.label, verdict = excluded.verdict, summary = excluded.summary, "
            "figures = excluded.figures, thresholds = excluded.thresholds, items = excluded.items, "
            "origin = excluded.origin, checked_at = excluded.checked_at", rows)


def clear_results(store: Store, incident: Incident) -> None:
    """Forget every stored assertion result of the incident."""
    store.execute("DELETE FROM assertion_results WHERE incident_id = ?", [incident.id])


def stored_results(store: Store, incident: Incident) -> list[dict[str, Any]]:
    """Stored results of the incident, in the order they were checked (JSON columns decoded)."""
    rows = store.query("SELECT * FROM assertion_results WHERE incident_id = ? ORDER BY checked_at, origin, id",
                       [incident.id])
    out = []
    for r in rows:
        body = json.loads(r["items"] or "{}")
        out.append({
            "kind": r["kind"], "label": r["label"] or "", "origin": r["origin"] or "",
            "params": json.loads(r["params"] or "{}"), "verdict": r["verdict"], "summary": r["summary"] or "",
            "figures": json.loads(r["figures"] or "{}"), "thresholds": json.loads(r["thresholds"] or "[]"),
            "items": body.get("items", []), "tables": body.get("tables", {}), "meta": body.get("meta", {}),
            "checked_at": with_offset(ensure_utc(r["checked_at"]), None),
        })
    return out


def verdict_of(result: dict[str, Any] | AssertionResult) -> str:
    """The verdict string of a stored or fresh result."""
    return result.verdict.verdict if isinstance(result, AssertionResult) else result["verdict"]


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


__all__ = ["Verdict", "check_assertions", "check_file", "clear_results", "save_results", "stored_results"]
