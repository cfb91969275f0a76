"""GDELT DOC 2.0 query strings: phrases, OR groups, source language and country, built from an incident."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..errors import StoryradarError
from ..model import Incident
from ..timeutil import to_utc

#: The DOC API rejects phrases and keywords shorter than this.
MIN_KEYWORD = 3


class GdeltError(StoryradarError):
    """GDELT answered with an error, an unreadable body, or the request was out of its limits."""


def term(text: str) -> str:
    """One query term: a single word as is, several words as a quoted phrase."""
    words = text.strip().replace('"', "")
    if not words:
        raise GdeltError("empty query term")
    if len(words) < MIN_KEYWORD:
        raise GdeltError(f"query term {words!r} is shorter than {MIN_KEYWORD} characters; GDELT refuses it")
    return f'"{words}"' if re.search(r"\s", words) else words


def any_of(terms: list[str]) -> str:
    """An OR group, parenthesised as the DOC API requires ('(a OR "b c")'); one term stands alone."""
    parts = list(dict.fromkeys(term(t) for t in terms if t.strip()))
    if not parts:
        raise GdeltError("an OR group needs at least one term")
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def build_query(
    all_of: list[str] | None = None,
    *,
    one_of: list[list[str]] | None = None,
    sourcelang: list[str] | None = None,
    sourcecountry: list[str] | None = None,
    domain: list[str] | None = None,
    exclude: list[str] | None = None,
) -> str:
    """A DOC API query: every ``all_of`` term, one term of each ``one_of`` group, and the filters.

    >>> build_query(["Zorianivka"], one_of=[["market", "missile strike"]], sourcelang=["ukrainian"])
    'Zorianivka (market OR "missile strike") sourcelang:ukrainian'
    """
    parts = [term(t) for t in all_of or [] if t.strip()]
    parts += [any_of(group) for group in one_of or [] if group]
    for op, values in (("sourcelang", sourcelang), ("sourcecountry", sourcecountry), ("domain", domain)):
        vals = [v.strip().replace(" ", "") for v in values or [] if v.strip()]
        if len(vals) == 1:
            parts.append(f"{op}:{vals[0]}")
        elif vals:
            parts.append("(" + " OR ".join(f"{op}:{v}" for v in vals) + ")")
    parts += [f"-{term(t)}" for t in exclude or [] if t.strip()]
    query = " ".join(parts)
    if not query:
        raise GdeltError("the query is empty", hint="give at least one term")
    return query


def incident_query(incident: Incident, *, max_names: int = 4) -> str:
    """A DOC API query for an incident: one of the place's names, and one of its terms if it has any."""
    names = [incident.place.name, *incident.variants][:max_names]
    groups = [names]
    if incident.terms:
        groups.append(incident.terms[:6])
    return build_query(one_of=groups)


def gdelt_time(value: datetime) -> str:
    """A time as the DOC API wants it (YYYYMMDDHHMMSS, UTC); naive times are refused."""
    utc, _ = to_utc(value, what="GDELT time")
    return utc.strftime("%Y%m%d%H%M%S")


def parse_gdelt_time(text: str) -> datetime:
    """GDELT's '20230906T143000Z' or '20230906143000' as aware UTC."""
    raw = text.strip().replace("T", "").replace("Z", "")
    try:
        return datetime.strptime(raw[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError as exc:
        raise GdeltError(f"unreadable GDELT time {text!r}") from exc
