"""GDELT timelines kept in the store per incident (table gdelt_timelines), and read back."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Incident
from ..store import Store, db_time
from ..timeutil import ensure_utc, now_utc
from .doc import TimelinePoint


@dataclass(slots=True, frozen=True)
class StoredTimeline:
    """A stored GDELT timeline: its query and mode, and the points."""

    query: str
    mode: str
    points: list[TimelinePoint]


def save_timeline(store: Store, incident: Incident, query: str, mode: str, points: list[TimelinePoint]) -> int:
    """Replace the incident's stored timeline of this mode with ``points``; return how many were kept."""
    fetched = db_time(now_utc())
    rows = {(p.series, db_time(p.at)): (incident.id, query, mode, p.series, db_time(p.at), p.value, p.norm, fetched)
            for p in points}
    with store.transaction() as con:
        con.execute("DELETE FROM gdelt_timelines WHERE incident_id = ? AND mode = ?", [incident.id, mode])
        if rows:
            con.executemany("INSERT INTO gdelt_timelines VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(rows.values()))
    return len(rows)


def load_timelines(store: Store, incident: Incident) -> list[StoredTimeline]:
    """Every GDELT timeline stored for the incident, one per mode."""
    rows = store.query("SELECT * FROM gdelt_timelines WHERE incident_id = ? ORDER BY mode, series, bin_at",
                       [incident.id])
    by_mode: dict[str, StoredTimeline] = {}
    for r in rows:
        tl = by_mode.setdefault(r["mode"], StoredTimeline(r["query"], r["mode"], []))
        tl.points.append(TimelinePoint(r["series"], ensure_utc(r["bin_at"]), r["value"], r["norm"]))
    return list(by_mode.values())
