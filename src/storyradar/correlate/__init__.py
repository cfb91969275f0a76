"""Coincidence of incidents with a calendar of events: permutation tests, effect sizes, warnings, plots."""

from __future__ import annotations

from ..model import Incident
from ..report.section import ReportSection
from ..store.db import Store
from .calendar import (
    CalendarEvent,
    CorrelateError,
    IncidentDay,
    incidents_from_store,
    read_calendar,
    read_incident_days,
)
from .plots import coincidence_chart
from .stats import CoincidenceResult, WindowTest, coincidence_test, holm, shift_statistics


def section(store: Store, incident: Incident) -> ReportSection | None:
    """Report section for coincidence results saved with the incident (observations of kind "coincidence")."""
    from ..verify.observations import list_observations

    rows = list_observations(store, incident.id, kind="coincidence")
    if not rows:
        return None
    table, summary, warnings = [], [], []
    for o in rows:
        res = o["result"]
        for t in res.get("tests", []):
            ci = t.get("ratio_ci")
            table.append({
                "window_days": t["window_days"], "category": t["category"], "observed": t["observed"],
                "expected": round(t["expected"], 3),
                "ratio": None if t["ratio"] is None else round(t["ratio"], 3),
                "ratio_ci95": "" if not ci else f"{ci[0]:.2f}–{ci[1]:.2f}",
                "p_value": round(t["p_value"], 5), "p_holm": round(t["p_holm"], 5),
                "p_bonferroni": round(t["p_bonferroni"], 5), "measured_by": o["measured_by"] or "",
            })
        summary.append(
            f"{res.get('n_incidents')} incidents against {res.get('n_events')} calendar events, "
            f"{res.get('start')} to {res.get('end')}; {res.get('method')} permutation test with "
            f"{res.get('permutations')} permutations (seed {res.get('seed')})."
        )
        warnings += res.get("warnings", [])
    return ReportSection(
        key="correlate",
        title="Coincidence with a calendar of events",
        summary=summary + warnings,
        tables={"coincidence": table},
        notes=["Observed = incidents within ±k days of an event; expected = the mean when the incident "
               "series is shifted in time; the ratio's 95 % interval is a moving-block bootstrap.",
               "A coincidence is a statistical pattern; it does not show who acted or why."],
    )


__all__ = [
    "CalendarEvent", "CoincidenceResult", "CorrelateError", "IncidentDay", "WindowTest", "coincidence_chart",
    "coincidence_test", "holm", "incidents_from_store", "read_calendar", "read_incident_days", "section",
    "shift_statistics",
]
