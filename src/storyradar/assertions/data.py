"""What assertion kinds read from the store: claims with their times, figures, evidence and collection."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..coverage.collection import collection_by_day, collection_gaps, covered_fraction
from ..coverage.timeline import incident_tz
from ..model import Incident
from ..store import Store
from ..timeutil import ensure_utc, parse_time, with_offset
from .vocab import APPROX, CLAIM_KIND_ALIASES, FIGURE_KIND_ALIASES, OPEN_DOWN, OPEN_UP, STRICT


def local_day(when: datetime, incident: Incident) -> date:
    """The calendar day of an instant in the incident's declared offset."""
    return when.astimezone(incident_tz(incident)).date()


def resolve_date(text: str, incident: Incident, *, edge: str) -> datetime:
    """An assertion's date as an instant (aware UTC).

    A date alone is a day in the incident's declared offset: ``edge="after"`` gives the start of
    the following day ("after 17 March" = from 18 March 00:00), ``edge="end"`` the end of that day
    ("by 1 June" = up to 1 June 24:00), ``edge="start"`` its start. A time with a zone is taken as is.
    """
    if len(text) == 10:
        day = date.fromisoformat(text)
        start = datetime.combine(day, datetime.min.time(), tzinfo=incident_tz(incident))
        if edge in ("after", "end"):
            start += timedelta(days=1)
        return ensure_utc(start)
    return parse_time(text)[0]


def show_time(when: datetime | None, incident: Incident) -> str:
    """An instant in the incident's declared offset, ISO 8601."""
    return with_offset(when, incident.occurred_offset_min)


def claim_kinds(kind: str) -> set[str]:
    """Stored claim-kind names that a user's kind word covers (aliases in ``vocab``)."""
    k = kind.strip().lower()
    for canon, aliases in CLAIM_KIND_ALIASES.items():
        if k == canon or k in aliases:
            return {canon, *aliases}
    return {k}


@dataclass(slots=True, frozen=True)
class FigureValue:
    """One reported count: kind (killed, injured), bounds and the qualifier as stored."""

    kind: str
    low: int | None
    high: int | None  # None with low set: open upwards ("at least")
    qualifier: str

    def text(self) -> str:
        """The figure in words: '16', 'at least 12', '15–17', 'up to 20'."""
        if self.low is not None and self.high == self.low:
            return ("about " if self.qualifier in APPROX else "") + str(self.low)
        if self.low is not None and self.high is None:
            return f"at least {self.low}"
        if self.low is None and self.high is not None:
            return f"up to {self.high}"
        return f"{self.low}–{self.high}"


def _figure_kind(name: str) -> str:
    n = name.strip().lower()
    for canon, aliases in FIGURE_KIND_ALIASES.items():
        if n == canon or n in aliases:
            return canon
    return n


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _one_figure(kind: str, value: Any) -> FigureValue | None:
    if isinstance(value, dict):
        qual = str(value.get("qualifier") or value.get("qual") or "exact").lower()
        low = _int(next((value[k] for k in ("low", "value", "n", "count", "min", "lo") if k in value), None))
        high = _int(next((value[k] for k in ("high", "hi", "max", "value_hi", "upper") if k in value), None))
        kind = str(value.get("kind") or value.get("type") or value.get("what") or kind)
    else:
        qual, low, high = "exact", _int(value), None
    if low is None and high is None:
        return None
    if qual in OPEN_UP:
        low, high = (low if low is not None else high), None
        if qual in STRICT and low is not None:
            low += 1
    elif qual in OPEN_DOWN:
        low, high = None, (high if high is not None else low)
        if qual in STRICT and high is not None:
            high -= 1
    elif high is None:
        high = low
    elif low is None:
        low = high
    return FigureValue(_figure_kind(kind), low, high, qual)


def normalise_figures(raw: Any) -> list[FigureValue]:
    """Figures as the claims layer stores them (a JSON list of dicts or a dict by kind) as FigureValues.

    Accepted: ``[{"kind": "killed", "value": 16, "qualifier": "at_least"}, ...]``,
    ``[{"kind": "killed", "low": 15, "high": 17}]``, ``{"killed": 16}``,
    ``{"killed": {"value": 12, "qualifier": "at_least"}}``.
    """
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError:
            return []
    out: list[FigureValue] = []
    if isinstance(raw, dict):
        for kind, value in raw.items():
            for v in value if isinstance(value, list) else [value]:
                fig = _one_figure(kind, v)
                if fig is not None:
                    out.append(fig)
    elif isinstance(raw, list):
        for v in raw:
            if isinstance(v, dict):
                fig = _one_figure(str(v.get("kind") or v.get("type") or v.get("what") or ""), v)
                if fig is not None:
                    out.append(fig)
    return out


_CLAIMS_SQL = """
SELECT c.id, c.article_id, c.kind, c.speaker, c.speaker_raw, c.content, c.target, c.figures,
       coalesce(c.published_at, a.published_at) AS published_at, a.published_offset_min,
       a.outlet, a.url, a.title, a.language, a.published_precision, a.date_source
FROM claims c LEFT JOIN articles a ON a.id = c.article_id
WHERE c.incident_id = ?
ORDER BY published_at NULLS LAST, c.id
"""


def load_claims(store: Store, incident: Incident) -> list[dict[str, Any]]:
    """The incident's claims with publication time (the claim's, else its article's) and outlet.

    Read from the ``claims`` table directly, so any claims layer that fills it is understood.
    """
    rows = store.query(_CLAIMS_SQL, [incident.id])
    for r in rows:
        r["published_at"] = ensure_utc(r["published_at"])
        r["figures"] = normalise_figures(r["figures"])
        r["kind"] = (r["kind"] or "").lower()
    return rows


def claim_item(row: dict[str, Any], incident: Incident) -> dict[str, Any]:
    """A claim as a deciding item: time, lag from the incident, speaker, kind, content, where."""
    when = row["published_at"]
    lag = None if when is None else round((when - incident.occurred_at).total_seconds() / 3600, 2)
    return {
        "claim_id": row["id"], "published_at": with_offset(when, row.get("published_offset_min")),
        "hours_after_incident": lag, "kind": row["kind"], "speaker": row.get("speaker") or row.get("speaker_raw")
        or "", "target": row.get("target") or "", "content": row.get("content") or "",
        "outlet": row.get("outlet") or "", "url": row.get("url") or "",
    }


def speaker_matches(row: dict[str, Any], speaker: str) -> bool:
    """True when the claim's speaker (normalised or as written) contains the given words."""
    want = speaker.casefold()
    return any(want in (row.get(k) or "").casefold() for k in ("speaker", "speaker_raw"))


def load_evidence(store: Store, incident: Incident) -> list[dict[str, Any]]:
    """The incident's evidence items with first-seen and acquisition times (aware UTC)."""
    rows = store.query(
        "SELECT id, kind, sha256, original_name, source_url, first_seen_at, first_seen_offset_min, "
        "acquired_at, acquired_by FROM evidence WHERE incident_id = ? ORDER BY acquired_at, id",
        [incident.id])
    for r in rows:
        r["first_seen_at"] = ensure_utc(r["first_seen_at"])
        r["acquired_at"] = ensure_utc(r["acquired_at"])
    return rows


@dataclass(slots=True)
class CollectionCheck:
    """Whether the corpus was collected over a span of days: its end and the days it is blind."""

    first_day: date
    last_day: date
    collected_until: datetime | None  # latest publication time of any stored article
    blind_days: list[dict[str, Any]]  # {day, reason, source, collected, usual}

    @property
    def covered(self) -> bool:
        """True when the span lies within the collected period and no day in it is blind."""
        return self.collected_until is not None and not self.blind_days


def check_collection(store: Store, incident: Incident, first_day: date, last_day: date, *,
                     sources: set[str] | None = None) -> CollectionCheck:
    """Blind days in [first_day, last_day] (incident offset): days with a collection gap in one of
    ``sources`` (all sources when None), days with nothing collected at all, days past the end of
    the collection. Uses :mod:`storyradar.coverage.collection` for the per-source gaps."""
    row = store.query("SELECT max(published_at) AS t FROM articles")
    until = ensure_utc(row[0]["t"]) if row and row[0]["t"] else None
    tz = incident_tz(incident)
    offset = int(tz.utcoffset(None).total_seconds() // 60)
    base_first = min(first_day, local_day(incident.occurred_at, incident) - timedelta(days=incident.window_before_days))
    last_collected = until.astimezone(tz).date() if until else first_day - timedelta(days=1)
    span_last = min(last_day, last_collected)
    blind: list[dict[str, Any]] = []
    if span_last >= first_day:
        start = ensure_utc(datetime.combine(base_first, datetime.min.time(), tzinfo=tz))
        end = ensure_utc(datetime.combine(span_last + timedelta(days=1), datetime.min.time(), tzinfo=tz))
        per_source = collection_by_day(store, start, end, offset_min=offset)
        if sources:
            per_source = {s: v for s, v in per_source.items() if s in sources} or per_source
        last_share = covered_fraction(span_last, until, tz)
        for g in collection_gaps(per_source, base_first, span_last, last_day_fraction=last_share):
            if g.day >= first_day:
                blind.append({"day": g.day.isoformat(), "reason": "collection gap", "source": g.source,
                              "collected": g.collected, "usual": g.usual})
        day = first_day
        while day <= span_last:
            gap_listed = any(b["day"] == day.isoformat() for b in blind)
            partial = day == span_last and last_share < 0.5  # too little of the day collected to judge
            if not gap_listed and not partial and not any(days.get(day, 0) for days in per_source.values()):
                blind.append({"day": day.isoformat(), "reason": "nothing collected", "source": "",
                              "collected": 0, "usual": None})
            day += timedelta(days=1)
    if until is None or last_collected < last_day:
        blind.append({"day": (max(first_day, last_collected + timedelta(days=1))).isoformat(),
                      "reason": f"after the end of the collected corpus (last day {last_collected.isoformat()})"
                      if until else "nothing collected at all", "source": "", "collected": 0, "usual": None})
    blind.sort(key=lambda b: (b["day"], b["source"]))
    return CollectionCheck(first_day, last_day, until, blind)
