"""Assertion kind coincides_with: the incident fell within ±k days of a calendar event (with the
coincidence test of :mod:`storyradar.correlate` over all stored incidents as context)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..data import local_day, show_time
from ..records import CONTRADICTED, SUPPORTED, UNDECIDABLE, Verdict
from ..registry import AssertionError_, CheckContext, Param, assertion_kind


def _calendar_path(ctx: CheckContext, p: dict[str, Any], where: str) -> Path:
    if p.get("calendar"):
        path = Path(p["calendar"])
        if not path.is_absolute() and ctx.base_dir is not None:
            path = ctx.base_dir / path
        return path
    if ctx.calendar is not None:
        return ctx.calendar
    raise AssertionError_("coincides_with needs a calendar: give calendar = \"events.csv\" in the assertion "
                          "or --calendar CSV on the command line", path=where)


@assertion_kind(
    "coincides_with",
    "The incident happened within ±k days of a calendar event (a visit, vote, summit ...).",
    Param("event", "str", "words in the event's label (case-insensitive); empty: any event"),
    Param("category", "str", "the event's category in the calendar (visit, vote, summit ...)"),
    Param("within_days", "int", "the window ±k days, in the incident's local days", default=1),
    Param("calendar", "str", "calendar CSV (date, label, category); relative to the assertions file"),
    Param("permutations", "int", "permutations of the coincidence test over all stored incidents",
          default=2000),
    Param("basis", "choice", "timing: is this incident within ±k days of such an event; test: do the stored "
          "incidents fall near such events more often than chance (permutation test)", default="timing",
          choices=("timing", "test")),
    Param("alpha", "float", "significance level for basis = test", default=0.05),
    Param("min_incidents", "int", "fewest incidents for basis = test to decide", default=10),
)
def coincides_with(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Calendar events near the incident's local day; the permutation test as context."""
    from ...correlate import coincidence_test, incidents_from_store, read_calendar

    inc = ctx.incident
    k = p["within_days"]
    path = _calendar_path(ctx, p, where=f"coincides_with {p.get('event') or p.get('category') or ''}".strip())
    events = read_calendar(path)
    want_label = (p.get("event") or "").casefold()
    want_cat = (p.get("category") or "").casefold()
    chosen = [e for e in events if want_label in e.label.casefold()
              and (not want_cat or e.category.casefold() == want_cat)]
    day = local_day(inc.occurred_at, inc)
    what = " ".join(x for x in (f"'{p['event']}'" if p.get("event") else "",
                                f"of category {p['category']}" if p.get("category") else "") if x) or "any"
    thresholds = [
        f"supported: an event {what} in the calendar within ±{k} days of the incident's local day ({day})",
        "contradicted: the calendar covers that window and has no such event in it",
        "not decidable: the calendar does not reach the window, or holds no such event at all",
        "the coincidence test (storyradar.correlate, circular shifts) over all incidents in the store is "
        "reported beside the verdict: one incident near one event is a fact about timing, not a pattern",
    ]
    first, last = min(e.day for e in events), max(e.day for e in events)
    near = sorted((e for e in chosen if abs((e.day - day).days) <= k), key=lambda e: abs((e.day - day).days))
    items = [{"day": e.day.isoformat(), "label": e.label, "category": e.category,
              "days_from_incident": (e.day - day).days} for e in near]
    figures: dict[str, Any] = {"calendar": str(path), "calendar_events": len(events), "matching_events": len(chosen),
                               "calendar_from": first.isoformat(), "calendar_to": last.isoformat(),
                               "incident_day": day.isoformat(), "incident_time": show_time(inc.occurred_at, inc),
                               "events_within_window": len(near)}
    if chosen:
        try:
            res = coincidence_test(incidents_from_store(ctx.store), chosen, windows=(k,),
                                   permutations=p["permutations"], seed=ctx.seed, bootstrap=0,
                                   start=min(first, day), end=max(last, day))
            test = res.tests[0]
            figures["coincidence_test"] = {"incidents": res.n_incidents, "observed": test.observed,
                                           "expected": round(test.expected, 3), "p_value": round(test.p_value, 4),
                                           "permutations": res.permutations, "warnings": res.warnings}
        except Exception as exc:  # noqa: BLE001 - the test is context; its failure is reported, not fatal
            figures["coincidence_test"] = {"not_run": str(exc)}
    if p["basis"] == "test":
        return _by_test(figures, thresholds, items, p, what)
    if near:
        e = near[0]
        return Verdict(SUPPORTED, f"The incident ({day}) fell {abs((e.day - day).days)} day(s) "
                       f"{'before' if e.day >= day else 'after'} '{e.label}' ({e.category}, {e.day}).",
                       figures, thresholds, items)
    if not chosen:
        return Verdict(UNDECIDABLE, f"The calendar holds no event {what}.", figures, thresholds, items)
    if first.toordinal() > day.toordinal() + k or last.toordinal() < day.toordinal() - k:
        return Verdict(UNDECIDABLE, f"The calendar covers {first} to {last}, not the incident's window "
                       f"({day} ±{k} days).", figures, thresholds, items)
    nearest = min(chosen, key=lambda e: abs((e.day - day).days))
    figures["nearest_event"] = {"day": nearest.day.isoformat(), "label": nearest.label,
                                "days_from_incident": (nearest.day - day).days}
    return Verdict(CONTRADICTED, f"No event {what} within ±{k} days of {day}; the nearest is '{nearest.label}' "
                   f"on {nearest.day} ({(nearest.day - day).days:+d} days).", figures, thresholds, items)


def _by_test(figures: dict[str, Any], thresholds: list[str], items: list[dict[str, Any]], p: dict[str, Any],
             what: str) -> Verdict:
    """The verdict from the permutation test alone (basis = test)."""
    k = p["within_days"]
    thresholds[:3] = [
        f"supported: the stored incidents fall within ±{k} days of events {what} more often than chance, "
        f"permutation p < {p['alpha']:g}, with at least {p['min_incidents']} incidents",
        "contradicted: never from this test alone — too few coincidences is not shown by a one-sided test",
        f"not decidable: fewer than {p['min_incidents']} incidents, no such events, or p ≥ {p['alpha']:g}",
    ]
    test = figures.get("coincidence_test") or {}
    if "p_value" not in test:
        return Verdict(UNDECIDABLE, f"The coincidence test could not run ({test.get('not_run', 'no such events')}).",
                       figures, thresholds, items)
    n, pv = test["incidents"], test["p_value"]
    if n < p["min_incidents"]:
        return Verdict(UNDECIDABLE, f"Only {n} incident(s) in the store: the coincidence test has too little power "
                       f"to decide (p = {pv:.3f}).", figures, thresholds, items)
    if pv < p["alpha"]:
        return Verdict(SUPPORTED, f"{test['observed']} of {n} incidents fell within ±{k} days of events {what}, "
                       f"{test['expected']:.2f} expected by chance; p = {pv:.4f}.", figures, thresholds, items)
    return Verdict(UNDECIDABLE, f"{test['observed']} of {n} incidents within ±{k} days of events {what}, "
                   f"{test['expected']:.2f} expected by chance; p = {pv:.3f}, not below {p['alpha']:g}.",
                   figures, thresholds, items)
