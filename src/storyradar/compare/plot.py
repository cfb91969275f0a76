"""Charts of compared incidents: normalised cumulative coverage and daily shares since each incident."""

from __future__ import annotations

import altair as alt

from .analysis import Comparison

WIDTH = 640


def comparison_chart(comparison: Comparison, *, by_language: bool = False) -> alt.VConcatChart:
    """Cumulative share of each incident's first-N-days articles by day since the incident, above the
    daily share (the decay curve); one line per incident (or per incident and language)."""
    rows = []
    for inc in comparison.incidents:
        curves = inc.by_language.values() if by_language else [inc.overall]
        for c in curves:
            for day, (cum, n) in enumerate(zip(c.cumulative, c.daily, strict=True)):
                rows.append({"series": c.label, "day": day, "cumulative_share": cum,
                             "daily_share": n / c.articles if c.articles else 0.0})
    data = alt.Data(values=rows)
    x = alt.X("day:Q", title="days since the incident")
    cumulative = alt.Chart(data).mark_line(interpolate="step-after").encode(
        x=x, y=alt.Y("cumulative_share:Q", title="share of articles so far", scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("series:N", title="incident"), tooltip=["series:N", "day:Q", "cumulative_share:Q"],
    ).properties(width=WIDTH, height=220,
                 title=f"Coverage since each incident, normalised to its first {comparison.horizon_days} days")
    daily = alt.Chart(data).mark_line(point=True).encode(
        x=x, y=alt.Y("daily_share:Q", title="share of articles that day"),
        color=alt.Color("series:N", title="incident"), tooltip=["series:N", "day:Q", "daily_share:Q"],
    ).properties(width=WIDTH, height=180, title="Daily share (decay)")
    return alt.vconcat(cumulative, daily)
