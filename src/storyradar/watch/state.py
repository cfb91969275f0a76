"""Watch state that survives restarts: per-incident values (watch_state) and reported events (watch_digests)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..store import Store, db_time
from ..timeutil import now_utc


def get_state(store: Store, incident_id: str, key: str, default: Any = None) -> Any:
    """A stored watch value (JSON) or ``default``."""
    rows = store.query("SELECT value FROM watch_state WHERE incident_id = ? AND key = ?", [incident_id, key])
    return json.loads(rows[0]["value"]) if rows else default


def set_state(store: Store, incident_id: str, key: str, value: Any) -> None:
    """Store a watch value (JSON)."""
    store.execute(
        "INSERT INTO watch_state VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, key) DO UPDATE SET "
        "value = excluded.value, updated_at = excluded.updated_at",
        [incident_id, key, json.dumps(value, default=str), db_time(now_utc())],
    )


def reported_keys(store: Store, incident_id: str) -> set[str]:
    """Keys of the events already put in a digest for this incident."""
    return {r["event_key"] for r in store.query("SELECT event_key FROM watch_digests WHERE incident_id = ?",
                                                [incident_id])}


def mark_reported(store: Store, incident_id: str, keys: Iterable[str], digest: str) -> None:
    """Remember that these events went into ``digest`` (so a restart never reports them again)."""
    now = db_time(now_utc())
    rows = [(incident_id, k, digest, now) for k in keys]
    if rows:
        with store.transaction() as con:
            con.executemany("INSERT INTO watch_digests VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)


def digests(store: Store, incident_id: str) -> list[dict[str, Any]]:
    """The digests written for an incident, with how many events each reported, oldest first."""
    return store.query("SELECT digest, count(*) AS events, min(created_at) AS created_at FROM watch_digests "
                       "WHERE incident_id = ? GROUP BY digest ORDER BY created_at, digest", [incident_id])
