"""What to watch for an incident: its feeds, URLs and GDELT queries, kept in the store (watch_sources)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import NotFoundError
from ..model import Incident
from ..store import Store, db_time
from ..timeutil import now_utc


@dataclass(slots=True, frozen=True)
class WatchSource:
    """One polled input: its source kind, locator and ingest options."""

    kind: str
    locator: str
    options: dict[str, Any] = field(default_factory=dict)


def add_source(store: Store, incident: Incident, locator: str, *, kind: str | None = None,
               options: dict[str, Any] | None = None) -> WatchSource:
    """Watch ``locator`` for the incident (kind detected unless given: feed, urls, gdelt, ...); replaces a same locator."""
    from ..ingest import detect_kind, get_source

    kind = kind or detect_kind(locator)
    get_source(kind)  # unknown kinds fail here, naming the known ones
    src = WatchSource(kind, locator.strip(), dict(options or {}))
    with store.transaction() as con:
        con.execute(
            "INSERT INTO watch_sources VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id, locator) DO UPDATE SET "
            "kind = excluded.kind, options = excluded.options",
            [incident.id, src.kind, src.locator, json.dumps(src.options, default=str), db_time(now_utc())],
        )
    return src


def remove_source(store: Store, incident: Incident, locator: str) -> None:
    """Stop watching ``locator`` for the incident (NotFoundError when it was not watched)."""
    if not store.query("SELECT 1 FROM watch_sources WHERE incident_id = ? AND locator = ?", [incident.id, locator]):
        raise NotFoundError(f"{locator!r} is not watched for {incident.name!r}")
    store.execute("DELETE FROM watch_sources WHERE incident_id = ? AND locator = ?", [incident.id, locator])


def list_sources(store: Store, incident: Incident) -> list[WatchSource]:
    """The incident's watched inputs, in the order they were added."""
    rows = store.query("SELECT kind, locator, options FROM watch_sources WHERE incident_id = ? "
                       "ORDER BY added_at, locator", [incident.id])
    return [WatchSource(r["kind"], r["locator"], json.loads(r["options"] or "{}")) for r in rows]
