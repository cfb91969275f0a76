"""The report section drawing GDELT's own timeline for an incident beside storyradar's."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ..coverage.timeline import incident_tz
from ..model import Incident
from ..report.section import ReportSection
from ..store import Store
from ..timeutil import ensure_utc
from .timelines import StoredTimeline, load_timelines

#: What each DOC API mode's values mean, for axis titles and notes.
UNITS = {
    "timelinevol": "share of all articles GDELT monitored (%)",
    "timelinevolraw": "articles GDELT matched",
    "timelinelang": "share of monitored articles, per language (%)",
    "timelinesourcecountry": "share of monitored articles, per source country (%)",
}


def _days(incident: Incident, tl: StoredTimeline) -> dict[tuple[str, str], float]:
    tz = incident_tz(incident)
    out: dict[tuple[str, str], float] = defaultdict(float)
    for p in tl.points:
        day = p.at.astimezone(tz).date().isoformat()
        out[(day, p.series)] += p.value
    return out


def _storyradar_days(store: Store, incident: Incident) -> dict[str, int]:
    tz = incident_tz(incident)
    counts: dict[str, int] = defaultdict(int)
    for _m, art in store.matched_articles(incident.id):
        if art.published_at is not None:
            counts[ensure_utc(art.published_at).astimezone(tz).date().isoformat()] += 1
    return counts


def comparison_rows(store: Store, incident: Incident, tl: StoredTimeline) -> list[dict[str, Any]]:
    """Per day: storyradar's matched articles and GDELT's value (summed over bins and, per series)."""
    ours = _storyradar_days(store, incident)
    theirs = _days(incident, tl)
    days = sorted({d for d, _s in theirs} | set(ours))
    rows = []
    for day in days:
        series = {s: v for (d, s), v in theirs.items() if d == day}
        rows.append({"day": day, "storyradar_articles": ours.get(day, 0),
                     "gdelt_value": round(sum(series.values()), 6),
                     "gdelt_series": {k: round(v, 6) for k, v in sorted(series.items())}})
    return rows


def _chart(rows: list[dict[str, Any]], tl: StoredTimeline) -> Any:
    import altair as alt

    long = []
    for r in rows:
        long.append({"day": r["day"], "source": "storyradar: matched articles", "value": r["storyradar_articles"]})
        long.append({"day": r["day"], "source": f"GDELT: {UNITS.get(tl.mode, tl.mode)}", "value": r["gdelt_value"]})
    return alt.Chart(alt.Data(values=long)).mark_line(point=True).encode(
        x=alt.X("day:T", title="day"), y=alt.Y("value:Q", title=None),
        color=alt.Color("source:N", legend=None), tooltip=["day:T", "source:N", "value:Q"],
    ).properties(width=700, height=120).facet(
        row=alt.Row("source:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
    ).resolve_scale(y="independent").properties(title="storyradar's timeline beside GDELT's (own scales)")


def section(store: Store, incident: Incident) -> ReportSection | None:
    """The GDELT section, or None when no GDELT timeline was fetched for this incident."""
    timelines = load_timelines(store, incident)
    if not timelines:
        return None
    preferred = ("timelinevolraw", "timelinevol", "timelinelang", "timelinesourcecountry")
    timelines.sort(key=lambda t: preferred.index(t.mode) if t.mode in preferred else 99)
    main = timelines[0]
    rows = comparison_rows(store, incident, main)
    tables = {f"{t.mode}_by_day": comparison_rows(store, incident, t) if t is not main else rows
              for t in timelines}
    peak_ours = max(rows, key=lambda r: r["storyradar_articles"], default=None)
    peak_theirs = max(rows, key=lambda r: r["gdelt_value"], default=None)
    summary = [f"GDELT query: {main.query!r} (mode {main.mode}: {UNITS.get(main.mode, main.mode)})."]
    if peak_ours and peak_ours["storyradar_articles"]:
        summary.append(f"storyradar's busiest day: {peak_ours['day']} ({peak_ours['storyradar_articles']} "
                       "matched articles).")
    if peak_theirs and peak_theirs["gdelt_value"]:
        summary.append(f"GDELT's busiest day for the query: {peak_theirs['day']} "
                       f"(value {peak_theirs['gdelt_value']:g}).")
    if peak_ours and peak_theirs and peak_ours["storyradar_articles"] and peak_theirs["gdelt_value"]:
        delta = abs((date.fromisoformat(peak_ours["day"]) - date.fromisoformat(peak_theirs["day"])).days)
        summary.append("The two busiest days coincide." if delta == 0
                       else f"The two busiest days are {delta} day(s) apart.")
    notes = ["GDELT counts what its own crawler saw for the query text; storyradar counts articles in this "
             "store that matched the incident spec. The scales differ and are drawn separately.",
             "Days are in the incident's declared offset; GDELT bins (UTC) are summed into those days."]
    return ReportSection(key="gdelt", title="GDELT's timeline beside storyradar's", summary=summary,
                         tables=tables, charts={"timelines": _chart(rows, main)}, notes=notes)

