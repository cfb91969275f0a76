"""Assertion kinds on claims: first_claim_within, claims_before_evidence, figures, no_finding_by."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ...coverage.matched import matched_items
from ...timeutil import parse_duration
from ..data import (
    FigureValue,
    check_collection,
    claim_item,
    claim_kinds,
    load_claims,
    load_evidence,
    local_day,
    resolve_date,
    show_time,
    speaker_matches,
)
from ..records import CONTRADICTED, SUPPORTED, UNDECIDABLE, Verdict
from ..registry import CheckContext, Param, assertion_kind

#: How far the declared incident time may be off, by its declared precision.
PRECISION_SLACK = {"minute": timedelta(0), "hour": timedelta(hours=1), "day": timedelta(days=1)}

NO_CLAIMS = ("no claims are stored for this incident (run `storyradar claims NAME` first), so the corpus "
             "cannot say when anything was claimed")


def _claims(ctx: CheckContext) -> list[dict[str, Any]]:
    if "claims" not in ctx.cache:
        ctx.cache["claims"] = load_claims(ctx.store, ctx.incident)
    return ctx.cache["claims"]


def _blind(ctx: CheckContext, start, end) -> list[dict[str, Any]]:
    """Days in [start, end) on which the sources that carried this incident were not collected."""
    inc = ctx.incident
    if "sources" not in ctx.cache:
        ctx.cache["sources"] = {i.collection_source or i.source_kind for i in matched_items(ctx.store, inc)
                                if i.collection_source or i.source_kind}
    return check_collection(ctx.store, inc, local_day(start, inc), local_day(end - timedelta(microseconds=1), inc),
                            sources=ctx.cache["sources"] or None).blind_days


@assertion_kind(
    "first_claim_within",
    "The first claim of a kind (blame, figure, denial, ...) came within a duration of the incident.",
    Param("claim", "str", "claim kind: blame, denial, figure, finding, investigation", required=True),
    Param("within", "duration", "the delay from the declared incident time, e.g. 2h, 45m", required=True),
    Param("speaker", "str", "only claims whose speaker contains these words"),
)
def first_claim_within(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """The earliest matching claim's delay against the stated duration (and the incident time's precision)."""
    inc = ctx.incident
    within = parse_duration(p["within"])
    deadline = inc.occurred_at + within
    slack = PRECISION_SLACK.get(inc.precision, timedelta(0))
    thresholds = [
        f"supported: a {p['claim']} claim{_by(p)} published no later than {p['within']} after the declared "
        f"incident time ({show_time(inc.occurred_at, inc)}, precision: {inc.precision})",
        f"contradicted: the first such claim came later, or none came, and the corpus was collected on "
        f"every day up to {show_time(deadline, inc)}",
        f"not decidable: no claims stored, a collection gap before the deadline, or the first claim within "
        f"the incident time's precision (±{slack}) of the deadline",
    ]
    claims = _claims(ctx)
    if not claims:
        return Verdict(UNDECIDABLE, NO_CLAIMS, {"claims_stored": 0}, thresholds)
    kinds = claim_kinds(p["claim"])
    # A date alone (stored as midnight) cannot time a claim against the incident: such claims are
    # left out of the delay, never taken as "first".
    sel = [c for c in claims if c["kind"] in kinds and c["published_at"] is not None
           and c.get("published_precision") != "day"
           and (not p.get("speaker") or speaker_matches(c, p["speaker"]))]
    first = sel[0] if sel else None
    lag = None if first is None else first["published_at"] - inc.occurred_at
    figures = {"claims_of_kind": len(sel), "first_at": show_time(first and first["published_at"], inc),
               "first_delay_minutes": None if lag is None else round(lag.total_seconds() / 60, 1),
               "limit_minutes": round(within.total_seconds() / 60, 1), "incident_precision": inc.precision}
    items = [claim_item(c, inc) for c in sel if c["published_at"] <= max(deadline + slack, sel[0]["published_at"])]
    if lag is not None and slack and abs(lag - within) <= slack:
        return Verdict(UNDECIDABLE, f"The first {p['claim']} claim{_by(p)} came {_dur(lag)} after the declared "
                       f"incident time, within the time's precision ({inc.precision}) of the stated {p['within']}.",
                       figures, thresholds, items)
    if lag is not None and lag <= within:
        return Verdict(SUPPORTED, f"The first {p['claim']} claim{_by(p)} was published {_dur(lag)} after the "
                       f"declared incident time (stated: within {p['within']}).", figures, thresholds, items)
    blind = _blind(ctx, inc.occurred_at, deadline)
    figures["blind_days"] = len({b["day"] for b in blind})
    if blind:
        return Verdict(UNDECIDABLE, f"No {p['claim']} claim{_by(p)} within {p['within']} in this corpus, but "
                       f"the corpus was not collected on {blind[0]['day']} ({blind[0]['reason']}).",
                       figures, thresholds, items, {"blind_days": blind})
    said = "none was found" if lag is None else f"the first came {_dur(lag)} after the incident"
    return Verdict(CONTRADICTED, f"No {p['claim']} claim{_by(p)} within {p['within']}: {said}.",
                   figures, thresholds, items)


@assertion_kind(
    "claims_before_evidence",
    "Claims of a kind were made before any evidence was published (first seen) or registered.",
    Param("claim", "str", "claim kind: blame, denial, figure, finding, investigation", required=True),
    Param("basis", "choice", "evidence time: first_seen (published/first seen, else registered) or "
          "registered (acquired)", default="first_seen", choices=("first_seen", "registered")),
    Param("min_claims", "int", "how many claims before the evidence make the statement hold", default=1),
    Param("speaker", "str", "only claims whose speaker contains these words"),
)
def claims_before_evidence(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Claims of the kind published before the earliest evidence time, each with its lead time."""
    inc = ctx.incident
    basis = p["basis"]
    thresholds = [
        f"evidence time: the earliest {'first-seen (publication) time, or registration time where none was recorded' if basis == 'first_seen' else 'registration (acquisition) time'} "
        "of any evidence item registered for the incident",
        f"supported: at least {p['min_claims']} {p['claim']} claim(s){_by(p)} published before that time",
        "contradicted: fewer, with the corpus collected on every day from the incident to that time",
        "not decidable: no evidence or no claims stored, or a collection gap before that time",
    ]
    evidence = load_evidence(ctx.store, inc)
    if not evidence:
        return Verdict(UNDECIDABLE, "No evidence is registered for this incident, so the corpus cannot say "
                       "when evidence appeared.", {"evidence_items": 0}, thresholds)
    timed = []
    for e in evidence:
        when = e["first_seen_at"] if basis == "first_seen" and e["first_seen_at"] else e["acquired_at"]
        used = "first seen" if basis == "first_seen" and e["first_seen_at"] else "registered"
        if when is not None:
            timed.append((when, used, e))
    if not timed:
        return Verdict(UNDECIDABLE, "No evidence item carries a time.", {"evidence_items": len(evidence)},
                       thresholds)
    ev_time, ev_used, ev = min(timed, key=lambda t: t[0])
    claims = _claims(ctx)
    if not claims:
        return Verdict(UNDECIDABLE, NO_CLAIMS, {"claims_stored": 0, "evidence_items": len(evidence)}, thresholds)
    kinds = claim_kinds(p["claim"])
    sel = [c for c in claims if c["kind"] in kinds and c["published_at"] is not None
           and (not p.get("speaker") or speaker_matches(c, p["speaker"]))]
    before = [c for c in sel if c["published_at"] < ev_time]
    items = []
    for c in before:
        row = claim_item(c, inc)
        row["hours_before_evidence"] = round((ev_time - c["published_at"]).total_seconds() / 3600, 2)
        items.append(row)
    figures = {
        "evidence_items": len(evidence), "first_evidence_at": show_time(ev_time, inc),
        "first_evidence_time_is": ev_used, "first_evidence_id": ev["id"],
        "first_evidence_name": ev.get("original_name") or ev.get("source_url") or "",
        "claims_of_kind": len(sel), "claims_before_evidence": len(before),
        "earliest_lead_hours": items[0]["hours_before_evidence"] if items else None,
    }
    if len(before) >= p["min_claims"]:
        return Verdict(SUPPORTED, f"{len(before)} {p['claim']} claim(s){_by(p)} were published before the first "
                       f"evidence ({ev_used} {show_time(ev_time, inc)}); the earliest "
                       f"{items[0]['hours_before_evidence']} h before it.", figures, thresholds, items)
    blind = _blind(ctx, inc.occurred_at, max(ev_time, inc.occurred_at + timedelta(minutes=1)))
    if blind:
        return Verdict(UNDECIDABLE, f"{len(before)} {p['claim']} claim(s) before the first evidence in this corpus, "
                       f"but the corpus was not collected on {blind[0]['day']} ({blind[0]['reason']}).",
                       figures, thresholds, items, {"blind_days": blind})
    return Verdict(CONTRADICTED, f"{len(before)} {p['claim']} claim(s){_by(p)} before the first evidence "
                   f"({ev_used} {show_time(ev_time, inc)}); {len(sel)} such claims in all.",
                   figures, thresholds, items)


def _status(fig: FigureValue, values: set[int]) -> str:
    if fig.low is not None and fig.low == fig.high:
        return "matches" if fig.low in values else "differs"
    lo = fig.low if fig.low is not None else -1
    hi = fig.high if fig.high is not None else 10**9
    return "compatible" if any(lo <= v <= hi for v in values) else "differs"


@assertion_kind(
    "figures",
    "The figures of a kind (killed, injured) reported by sources were among a set of values.",
    Param("values", "ints", "the values stated, e.g. [16, 17]", required=True),
    Param("figure", "str", "what was counted: killed, injured, missing", default="killed"),
    Param("mode", "choice", "all: every reported figure; final: each source's latest; any: at least one",
          default="all", choices=("all", "final", "any")),
    Param("speaker", "str", "only figures given by speakers containing these words"),
)
def figures(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Every source's figure and time, each marked as matching, compatible (a bound or range) or differing."""
    inc = ctx.incident
    values = set(p["values"])
    want = p["figure"]
    shown = ", ".join(str(v) for v in sorted(values))
    thresholds = [
        f"a reported figure matches when it is exactly one of {shown}; a bound or range ('at least 12', "
        "'15–20') containing one of them is compatible; anything else differs",
        {"all": "supported: no reported figure differs and at least one matches; contradicted: any differs",
         "final": "judged on each source's latest figure: supported when none differs and one matches; "
                  "contradicted when any differs",
         "any": "supported: at least one figure matches; contradicted: none matches or is compatible"}[p["mode"]],
        "not decidable: no figure of this kind stored, or only compatible bounds",
    ]
    claims = _claims(ctx)
    rows = []
    for c in claims:
        if p.get("speaker") and not speaker_matches(c, p["speaker"]):
            continue
        for fig in c["figures"]:
            if fig.kind == want:
                rows.append((c, fig))
    if not rows:
        return Verdict(UNDECIDABLE, f"No '{want}' figure is stored for this incident"
                       + ("" if claims else " (no claims are stored; run `storyradar claims NAME` first)") + ".",
                       {"figures_reported": 0}, thresholds)
    items = []
    for c, fig in rows:
        row = claim_item(c, inc)
        row.update({"figure": fig.text(), "qualifier": fig.qualifier, "low": fig.low, "high": fig.high,
                    "status": _status(fig, values), "source": row["speaker"] or row["outlet"]})
        items.append(row)
    judged = items
    if p["mode"] == "final":
        latest: dict[str, dict[str, Any]] = {}
        for row in items:  # oldest first, so the last one written per source is its latest
            latest[row["source"].casefold()] = row
        judged = list(latest.values())
    status = [r["status"] for r in judged]
    n_match, n_compat, n_diff = status.count("matches"), status.count("compatible"), status.count("differs")
    reported = sorted({r["figure"] for r in items})
    figs = {"figures_reported": len(items), "judged": len(judged), "matches": n_match, "compatible": n_compat,
            "differs": n_diff, "distinct_values": reported, "sources": len({r["source"] for r in items}),
            "first": f"{items[0]['figure']} ({items[0]['source']}, {items[0]['published_at']})",
            "last": f"{items[-1]['figure']} ({items[-1]['source']}, {items[-1]['published_at']})"}
    base = f"{len(items)} '{want}' figures from {figs['sources']} sources ({', '.join(reported)})"
    if p["mode"] == "any":
        if n_match:
            return Verdict(SUPPORTED, f"{base}; {n_match} match {shown}.", figs, thresholds, items)
        if not n_compat:
            return Verdict(CONTRADICTED, f"{base}; none is among {shown}.", figs, thresholds, items)
        return Verdict(UNDECIDABLE, f"{base}; only bounds compatible with {shown}.", figs, thresholds, items)
    if n_diff:
        odd = sorted({r["figure"] for r in judged if r["status"] == "differs"})
        return Verdict(CONTRADICTED, f"{base}; {n_diff} of the {len(judged)} judged differ from {shown} "
                       f"({', '.join(odd)}).", figs, thresholds, items)
    if n_match:
        return Verdict(SUPPORTED, f"{base}; all {len(judged)} judged match or are compatible with {shown}.",
                       figs, thresholds, items)
    return Verdict(UNDECIDABLE, f"{base}; only bounds compatible with {shown}, no exact figure.",
                   figs, thresholds, items)


@assertion_kind(
    "no_finding_by",
    "No investigation finding (official conclusion) was reported by a date.",
    Param("by", "date", "the date by which no finding is said to have been reported", required=True),
    Param("claims", "strs", "claim kinds that count as a finding", default=["finding"]),
)
def no_finding_by(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Findings published up to the date; undecidable where the corpus was not collected up to it."""
    inc = ctx.incident
    deadline = resolve_date(p["by"], inc, edge="end")
    kinds = set().union(*(claim_kinds(k) for k in p["claims"]))
    named = ", ".join(p["claims"])
    thresholds = [
        f"supported: no claim of kind {named} published up to {show_time(deadline, inc)}, with the corpus "
        "collected on every day from the incident to that date",
        "contradicted: at least one such claim published by then",
        "not decidable: no claims stored, or days without collection in that span",
    ]
    claims = _claims(ctx)
    if not claims:
        return Verdict(UNDECIDABLE, NO_CLAIMS, {"claims_stored": 0}, thresholds)
    found = [c for c in claims if c["kind"] in kinds and c["published_at"] is not None
             and c["published_at"] < deadline]
    later = [c for c in claims if c["kind"] in kinds and c["published_at"] is not None
             and c["published_at"] >= deadline]
    figs = {"findings_by_date": len(found), "findings_later": len(later),
            "first_finding_at": show_time(found[0]["published_at"], inc) if found
            else show_time(later[0]["published_at"], inc) if later else None}
    if found:
        return Verdict(CONTRADICTED, f"{len(found)} claim(s) of kind {named} were published by {p['by']}, the "
                       f"first on {figs['first_finding_at']}.", figs, thresholds,
                       [claim_item(c, inc) for c in found])
    blind = _blind(ctx, inc.occurred_at, deadline)
    figs["blind_days"] = len({b["day"] for b in blind})
    items = [claim_item(c, inc) for c in later]
    if blind:
        return Verdict(UNDECIDABLE, f"No claim of kind {named} by {p['by']} in this corpus, but "
                       f"{figs['blind_days']} days up to then were not collected (first: {blind[0]['day']}, "
                       f"{blind[0]['reason']}).", figs, thresholds, items, {"blind_days": blind})
    tail = f"; the first came on {figs['first_finding_at']}" if later else ""
    return Verdict(SUPPORTED, f"No claim of kind {named} was published by {p['by']}{tail}.", figs, thresholds,
                   items)


def _by(p: dict[str, Any]) -> str:
    return f" by a speaker matching '{p['speaker']}'" if p.get("speaker") else ""


def _dur(delta: timedelta) -> str:
    minutes = delta.total_seconds() / 60
    if abs(minutes) < 120:
        return f"{minutes:.0f} min"
    if abs(minutes) < 72 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} days"
