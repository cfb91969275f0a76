"""A chart of incidents and calendar events on one time axis (altair)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from .calendar import CalendarEvent, IncidentDay


def coincidence_chart(incidents: Sequence[IncidentDay], events: Sequence[CalendarEvent],
                      title: str = "Incidents and calendar events") -> alt.Chart:
    """Ticks for incidents and for events (coloured by category) on a shared date axis."""
    rows = [{"day": i.day.isoformat(), "series": "incidents", "label": i.label, "category": "incident"}
            for i in incidents]
    rows += [{"day": e.day.isoformat(), "series": "calendar", "label": e.label, "category": e.category}
             for e in events]
    return alt.Chart(alt.Data(values=rows)).mark_tick(thickness=2, size=22).encode(
        x=alt.X("day:T", title="date"),
        y=alt.Y("series:N", title=None, sort=["incidents", "calendar"]),
        color=alt.Color("category:N", title="category"),
        tooltip=["day:T", "label:N", "category:N"],
    ).properties(width=640, height=110, title=title)
