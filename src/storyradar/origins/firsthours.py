"""The first hours of an incident per source family (posts, news, Wikipedia, video), minute by minute, with lags."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..coverage import matched_items
from ..coverage.matched import CoverageItem
from ..model import Incident
from ..store import Store
from ..timeutil import with_offset
from .kinds import FAMILIES, family_of


def lag_minutes(when: datetime | None, incident: Incident) -> float | None:
    """Minutes from the declared incident time to ``when`` (None when undated)."""
    if when is None:
        return None
    return round((when - incident.occurred_at).total_seconds() / 60, 1)


def first_hours(store: Store, incident: Incident, *, hours: float = 6.0,
                items: list[CoverageItem] | None = None) -> dict[str, Any]:
    """Firsts per family and per-minute counts over the first ``hours`` after the incident.

    Returns ``{"hours", "firsts": [...], "minutes": [...], "cumulative": [...]}``; ``minutes`` has one row per
    family and minute with at least one item, ``cumulative`` the running totals for the chart.
    """
    items = matched_items(store, incident) if items is None else items
    end = incident.occurred_at + timedelta(hours=hours)
    firsts = []
    for fam in FAMILIES:
        dated = [i for i in items if family_of(i.source_kind) == fam and i.published_at is not None]
        if not dated:
            continue
        first = min(dated, key=lambda i: (i.published_at, i.article_id))
        early = [i for i in dated if incident.occurred_at <= i.published_at < end]
        firsts.append({"family": fam, "source_kind": first.source_kind, "first_at": with_offset(
            first.published_at, first.published_offset_min), "lag_min": lag_minutes(first.published_at, incident),
            "outlet": first.outlet, "title": first.title, "url": first.url,
            f"items_first_{hours:g}h": len(early), "items_total": len(dated)})
    firsts.sort(key=lambda r: r["lag_min"])
    per_minute: dict[tuple[str, int], int] = {}
    for i in items:
        if i.published_at is None or not (incident.occurred_at <= i.published_at < end):
            continue
        minute = int((i.published_at - incident.occurred_at).total_seconds() // 60)
        key = (family_of(i.source_kind), minute)
        per_minute[key] = per_minute.get(key, 0) + 1
    minutes = [{"family": f, "minute": m, "items": n} for (f, m), n in sorted(per_minute.items(),
                                                                          key=lambda kv: (kv[0][1], kv[0][0]))]
    cumulative = []
    for fam in FAMILIES:
        total = 0
        rows = [r for r in minutes if r["family"] == fam]
        if not rows:
            continue
        cumulative.append({"family": fam, "minute": 0, "items": 0})
        for r in rows:
            total += r["items"]
            cumulative.append({"family": fam, "minute": r["minute"], "items": total})
        cumulative.append({"family": fam, "minute": int(hours * 60), "items": total})
    return {"incident": incident.name, "occurred_at": with_offset(incident.occurred_at, incident.occurred_offset_min),
            "hours": hours, "firsts": firsts, "minutes": minutes, "cumulative": cumulative}


def first_hours_chart(data: dict[str, Any]) -> Any:
    """Cumulative items per family against minutes after the incident (a step line per family)."""
    import altair as alt

    return alt.Chart(alt.Data(values=data["cumulative"])).mark_line(interpolate="step-after", point=True).encode(
        x=alt.X("minute:Q", title="minutes after the declared incident time"),
        y=alt.Y("items:Q", title="items so far"),
        color=alt.Color("family:N", title="source"),
        tooltip=["family:N", "minute:Q", "items:Q"],
    ).properties(width=700, height=240, title=f"The first {data['hours']:g} hours, minute by minute")
