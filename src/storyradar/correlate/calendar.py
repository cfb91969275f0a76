"""Read incident dates and calendars of events (CSV, or the store) into day-level records."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..errors import StoryradarError
from ..store.db import Store
from ..timeutil import parse_time, zone

TIME_COLUMNS = ("datetime", "date", "time", "when", "occurred_at")
ZONE_COLUMNS = ("timezone", "tz", "zone")


class CorrelateError(StoryradarError):
    """A calendar or incident list cannot be read or tested."""


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """A dated event (visit, vote, summit …): its local calendar day, label and category."""

    day: date
    label: str
    category: str = "event"
    at_utc: datetime | None = None  # when a time of day was given
    offset_min: int | None = None


@dataclass(frozen=True, slots=True)
class IncidentDay:
    """An incident reduced to its local calendar day, with a label."""

    day: date
    label: str
    at_utc: datetime | None = None
    offset_min: int | None = None


def _local_day(text: str, tz_name: str, *, path: str, row: int, what: str) -> tuple[date, datetime | None, int | None]:
    raw = text.strip()
    if not raw:
        raise CorrelateError(f"{what} is empty", path=path, locator=f"row {row}")
    try:
        return date.fromisoformat(raw), None, None
    except ValueError:
        pass
    try:
        assume = zone(tz_name) if tz_name else None
        utc, offset = parse_time(raw, assume=assume, what=what)
    except StoryradarError as exc:
        raise CorrelateError(exc.reason, path=path, locator=f"row {row}",
                             hint="use YYYY-MM-DD, or a time with an offset (+03:00) or a timezone column") from exc
    local = utc if offset is None else utc.astimezone(timezone(timedelta(minutes=offset)))
    return local.date(), utc, offset


def _rows(path: str | Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CorrelateError(f"cannot read: {exc.strerror or exc}", path=str(p)) from exc
    except UnicodeDecodeError as exc:
        raise CorrelateError("is not UTF-8 text", path=str(p)) from exc
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not header:
        raise CorrelateError("has no header row", path=str(p))
    rows = []
    for n, raw in enumerate(reader, start=2):
        if None in raw:
            raise CorrelateError("has more fields than the header", path=str(p), locator=f"row {n}")
        rows.append((n, {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}))
    return header, rows


def _time_column(header: list[str], path: str) -> str:
    for name in TIME_COLUMNS:
        if name in header:
            return name
    raise CorrelateError(f"no date column (one of {', '.join(TIME_COLUMNS)}) in header {header}", path=path)


def read_calendar(path: str | Path) -> list[CalendarEvent]:
    """Read a calendar CSV with columns date|datetime, label, category (optional), timezone (optional).

    A date alone is a local calendar day; a time of day needs an offset or a timezone column.
    Errors name the file and the row.
    """
    header, rows = _rows(path)
    col = _time_column(header, str(path))
    if "label" not in header:
        raise CorrelateError(f"no 'label' column in header {header}", path=str(path))
    zcol = next((z for z in ZONE_COLUMNS if z in header), None)
    events = []
    for n, r in rows:
        if not any(r.values()):
            continue
        day, utc, off = _local_day(r[col], r.get(zcol, "") if zcol else "", path=str(path), row=n,
                                   what=col)
        events.append(CalendarEvent(day, r["label"], r.get("category") or "event", utc, off))
    if not events:
        raise CorrelateError("holds no events", path=str(path))
    return events


def read_incident_days(path: str | Path) -> list[IncidentDay]:
    """Read incidents from a CSV with a date|datetime column and an optional label (and timezone)."""
    header, rows = _rows(path)
    col = _time_column(header, str(path))
    zcol = next((z for z in ZONE_COLUMNS if z in header), None)
    out = []
    for n, r in rows:
        if not any(r.values()):
            continue
        day, utc, off = _local_day(r[col], r.get(zcol, "") if zcol else "", path=str(path), row=n,
                                   what=col)
        out.append(IncidentDay(day, r.get("label") or f"row {n}", utc, off))
    if not out:
        raise CorrelateError("holds no incidents", path=str(path))
    return out


def incidents_from_store(store: Store) -> list[IncidentDay]:
    """Every declared incident in the store, on its local day (the offset it was declared with)."""
    out = []
    for inc in store.list_incidents():
        off = inc.occurred_offset_min
        local = inc.occurred_at if off is None else inc.occurred_at.astimezone(timezone(timedelta(minutes=off)))
        out.append(IncidentDay(local.date(), inc.name, inc.occurred_at, off))
    if not out:
        raise CorrelateError("the store holds no incidents", path=store.path,
                             hint="declare them with: storyradar incident add, or pass --incidents CSV")
    return out
