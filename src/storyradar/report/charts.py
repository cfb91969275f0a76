"""Chart specs (altair) shared by the HTML report (as SVG) and the web UI (as interactive Vega-Lite)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import altair as alt

from ..coverage import Coverage, Timeline
from ..coverage.timeline import BIN_SIZES

WIDTH = 760


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=rows)


def wall_clock(value: str | datetime, offset_min: int) -> str:
    """A time as wall-clock time in the given offset, written as if UTC ("...Z").

    Charts use UTC time units on these strings, so they show the incident's local time whatever
    the viewer's own time zone is; the axis title names the offset.
    """
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    local = when.astimezone(timezone(timedelta(minutes=offset_min)))
    return local.replace(tzinfo=None).isoformat() + "Z"


def timeline_chart(cov: Coverage, *, dimension: str = "language", top: int = 8, timeline: Timeline | None = None,
                   title: str | None = None) -> alt.Chart | alt.LayerChart:
    """Articles per bin stacked by a dimension, with the incident, silence and waves marked.

    ``timeline`` overrides the coverage's own (e.g. an hourly view of the first days).
    """
    tl = timeline or cov.timeline
    rows = tl.as_rows(dimension)
    totals: dict[str, int] = {}
    for r in rows:
        totals[r[dimension]] = totals.get(r[dimension], 0) + r["n"]
    keep = {k for k, _ in sorted(totals.items(), key=lambda kv: -kv[1])[:top]}
    for r in rows:
        if r[dimension] not in keep:
            r[dimension] = "other"
    for r in rows:
        r["bin"] = wall_clock(r["bin"], tl.tz_offset_min)
    unit = {"day": "utcyearmonthdate", "hour": "utcyearmonthdatehours",
            "minute": "utcyearmonthdatehoursminutes"}[tl.by]
    bars = alt.Chart(_data([r for r in rows if r["n"]])).mark_bar().encode(
        x=alt.X(f"{unit}(bin):T", title=f"{tl.by} (local time of the incident, UTC{tl.tz_offset_min / 60:+g}h)",
                scale=alt.Scale(type="utc")),
        y=alt.Y("sum(n):Q", title="articles"),
        color=alt.Color(f"{dimension}:N", title=dimension),
        tooltip=[alt.Tooltip(f"{unit}(bin):T", title=tl.by, format="%Y-%m-%d %H:%M", formatType="utc"), f"{dimension}:N", alt.Tooltip("sum(n):Q", title="articles")],
    )
    marks = [{"when": cov.incident.occurred_at.isoformat(), "label": "incident"}]
    lo, hi = (tl.bins[0], tl.bins[-1]) if tl.bins else (None, None)
    if cov.silence_day is not None:
        marks.append({"when": cov.silence_day.isoformat(), "label": "silence"})
    for k, wave in enumerate(cov.waves, 1):
        marks.append({"when": wave.start.isoformat(), "label": f"wave {k}: {wave.character}"})
    if lo is not None:
        marks = [m for m in marks if lo <= datetime.fromisoformat(m["when"]) <= hi + BIN_SIZES[tl.by]]
    for m in marks:
        m["when"] = wall_clock(m["when"], tl.tz_offset_min)
    rules = alt.Chart(_data(marks)).mark_rule(strokeDash=[4, 3], color="#555").encode(
        x=alt.X("when:T", scale=alt.Scale(type="utc")))
    labels = alt.Chart(_data(marks)).mark_text(align="left", dx=3, dy=-4, fontSize=10, color="#333",
                                               angle=0).encode(
        x=alt.X("when:T", scale=alt.Scale(type="utc")), y=alt.value(8), text="label:N")
    return alt.layer(bars, rules, labels).properties(
        width=WIDTH, height=260, title=title or f"Coverage per {tl.by}, by {dimension}")


def outlets_chart(cov: Coverage, *, top: int = 20) -> alt.Chart:
    """Articles per outlet (top N)."""
    rows = cov.outlets[:top]
    return alt.Chart(_data(rows)).mark_bar().encode(
        x=alt.X("articles:Q"),
        y=alt.Y("outlet:N", sort="-x", title=None),
        tooltip=["outlet:N", "articles:Q", "first:N"],
    ).properties(width=WIDTH - 220, height=max(80, 16 * len(rows)), title=f"Top {len(rows)} outlets")


def collection_chart(cov: Coverage) -> alt.Chart | None:
    """Collection gaps: source-days far below their usual volume."""
    if not cov.gaps:
        return None
    rows = [{"day": g.day.isoformat(), "source": g.source, "collected": g.collected, "usual": g.usual}
            for g in cov.gaps]
    return alt.Chart(_data(rows)).mark_square(size=60, color="#c0392b").encode(
        x=alt.X("day:T"), y=alt.Y("source:N", title=None),
        tooltip=["day:T", "source:N", "collected:Q", "usual:Q"],
    ).properties(width=WIDTH - 220, height=max(60, 20 * len({g.source for g in cov.gaps})),
                 title="Collection gaps (source-days below a quarter of their usual volume)")


def to_svg(chart: Any) -> str:
    """Render an altair chart to a self-contained SVG string (offline, fonts bundled)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())
