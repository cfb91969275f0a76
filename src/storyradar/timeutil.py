"""Timestamps as data: parse to UTC, keep the original offset, refuse naive times silently."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import TimeError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d|day|days|w|week|weeks)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600,
          "d": 86400, "day": 86400, "days": 86400, "w": 604800, "week": 604800, "weeks": 604800}

# Oldest and newest times we accept: outside this, a timestamp is almost certainly a parse error.
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def zone(name: str | None) -> tzinfo | None:
    """Resolve an IANA zone name or a fixed offset like '+03:00'; None stays None."""
    if not name:
        return None
    if name.upper() in ("UTC", "Z"):
        return UTC
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name.strip())
    if m:
        sign = 1 if m.group(1) == "+" else -1
        from datetime import timezone

        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TimeError(f"unknown time zone {name!r}") from exc


def offset_minutes(value: datetime) -> int | None:
    """The UTC offset of an aware datetime in minutes (None for naive)."""
    off = value.utcoffset()
    return None if off is None else int(off.total_seconds() // 60)


def to_utc(value: datetime, *, assume: tzinfo | None = None, what: str = "time") -> tuple[datetime, int | None]:
    """Return (UTC datetime, original offset in minutes).

    A naive datetime is accepted only when ``assume`` names its zone; otherwise TimeError.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        if assume is None:
            raise TimeError(f"{what} {value.isoformat()} has no time zone; declare one")
        value = _localise(value, assume, what)
    off = offset_minutes(value)
    utc = value.astimezone(UTC)
    if not (EARLIEST <= utc < LATEST):
        raise TimeError(f"{what} {value.isoformat()} is out of the accepted range 1990-2100")
    return utc, off


def _localise(value: datetime, zone_: tzinfo, what: str) -> datetime:
    """Attach a zone to a naive wall-clock time, refusing times a daylight-saving change skips or
    repeats (they have no single UTC instant): the user must give the offset."""
    first = value.replace(tzinfo=zone_, fold=0)
    second = value.replace(tzinfo=zone_, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(UTC).astimezone(zone_).replace(tzinfo=None)
        kind = "does not exist (clocks skip it)" if back != value else "occurs twice (clocks go back)"
        raise TimeError(f"{what} {value.isoformat()} {kind} in {zone_}; give the UTC offset explicitly")
    return first


def parse_time(text: str, *, assume: tzinfo | None = None, what: str = "time") -> tuple[datetime, int | None]:
    """Parse ISO 8601 (and a date alone, taken as midnight) to (UTC datetime, original offset)."""
    raw = text.strip()
    if not raw:
        raise TimeError(f"{what} is empty")
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        try:
            value = datetime.combine(date.fromisoformat(raw), datetime.min.time())
        except ValueError as exc:
            raise TimeError(f"{what} {raw!r} is not an ISO 8601 date/time") from exc
    return to_utc(value, assume=assume, what=what)


def parse_duration(text: str) -> timedelta:
    """Parse '90s', '15m', '2h', '3d', '1w' (or bare seconds) into a timedelta."""
    m = _DURATION.match(text)
    if not m:
        raise TimeError(f"duration {text!r} is not like 15m, 2h or 3d")
    unit = (m.group(2) or "s").lower()
    return timedelta(seconds=float(m.group(1)) * _UNITS[unit])


def with_offset(utc: datetime | None, offset_min: int | None) -> str:
    """Render a stored UTC time in the offset it was originally stated with (ISO 8601)."""
    if utc is None:
        return ""
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=UTC)
    if offset_min is None:
        return utc.isoformat()
    from datetime import timezone

    return utc.astimezone(timezone(timedelta(minutes=offset_min))).isoformat()


def ensure_utc(value: datetime | None) -> datetime | None:
    """A datetime read back from the store (naive, UTC by convention) as aware UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now_utc() -> datetime:
    """The current time, aware UTC."""
    return datetime.now(UTC)
