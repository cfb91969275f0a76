"""Observations: physical checks saved with an incident (who measured, inputs, method, result) and their report section."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date, datetime
from typing import Any

import numpy as np

from ..model import Incident, stable_id
from ..report.section import ReportSection
from ..store.db import Store, db_time
from ..timeutil import ensure_utc, now_utc


def to_jsonable(value: Any) -> Any:
    """Dataclasses, numpy values and datetimes as plain JSON-ready data (floats rounded to 9 digits)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return to_jsonable(value.tolist())
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 9)
    return value


def save_observation(store: Store, incident_name: str | None, kind: str, method: str, inputs: dict[str, Any],
                     result: Any, measured_by: str = "", note: str = "") -> str:
    """Store one check with an incident (by name or id; None for a free-standing check); return its id.

    ``result`` may be a result record (e.g. a :class:`~storyradar.verify.shadow.ShadowCheck`); its
    ``describe()`` line is kept as ``summary`` so the report can show it in words.
    """
    incident_id = store.get_incident(incident_name).id if incident_name else None
    data = to_jsonable(result)
    if not isinstance(data, dict):
        data = {"value": data}
    if hasattr(result, "describe"):
        data.setdefault("summary", result.describe())
    created = now_utc()
    payload_inputs = to_jsonable(inputs)
    obs_id = stable_id("observation", incident_id or "", kind, method,
                       json.dumps(payload_inputs, sort_keys=True), created.isoformat())
    store.execute(
        "INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [obs_id, incident_id, kind, method, json.dumps(payload_inputs, ensure_ascii=False),
         json.dumps(data, ensure_ascii=False), measured_by, db_time(created), note],
    )
    return obs_id


def list_observations(store: Store, incident_id: str | None = None, *, kind: str | None = None
                      ) -> list[dict[str, Any]]:
    """Stored observations (of one incident when ``incident_id`` is given, by id or name), oldest first."""
    where, params = [], []
    if incident_id is not None:
        rows = store.query("SELECT id FROM incidents WHERE id = ? OR name = ?", [incident_id, incident_id])
        where.append("incident_id = ?")
        params.append(rows[0]["id"] if rows else incident_id)
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    sql = "SELECT * FROM observations" + (" WHERE " + " AND ".join(where) if where else "")
    out = []
    for r in store.query(sql + " ORDER BY created_at, id", params):
        r["inputs"] = json.loads(r["inputs"]) if r["inputs"] else {}
        r["result"] = json.loads(r["result"]) if r["result"] else {}
        r["created_at"] = ensure_utc(r["created_at"])
        out.append(r)
    return out


def _compact(data: dict[str, Any]) -> str:
    return "; ".join(f"{k}={v}" for k, v in data.items() if not isinstance(v, dict | list) or len(str(v)) < 80)


def section(store: Store, incident: Incident) -> ReportSection | None:
    """The report section listing an incident's physical checks (None when it has none)."""
    rows = [o for o in list_observations(store, incident.id) if o["kind"] != "coincidence"]
    if not rows:
        return None
    table = [
        {
            "kind": o["kind"],
            "method": o["method"],
            "measured_by": o["measured_by"] or "",
            "created_at": o["created_at"].isoformat() if o["created_at"] else "",
            "inputs": _compact(o["inputs"]),
            "result": o["result"].get("summary") or _compact(o["result"]),
            "note": o["note"] or "",
        }
        for o in rows
    ]
    kinds = sorted({o["kind"] for o in rows})
    return ReportSection(
        key="verify",
        title="Physical checks",
        summary=[f"{len(rows)} physical check(s) recorded for this incident ({', '.join(kinds)})."]
        + [f"{r['kind']} ({r['method']}): {r['result']}" for r in table],
        tables={"observations": table},
        notes=[
            "Uncertainties are one standard deviation unless an interval is named; 95 % intervals use ±1.96 sd.",
            "Sun positions follow NOAA's solar equations (astral); geodesics are exact on WGS84 (geographiclib).",
            "A check says whether measurements are consistent with a claim; it does not say who acted.",
        ],
    )
