"""The claims section of the incident report: neutral summary lines, tables and charts."""

from __future__ import annotations

from typing import Any

from ..model import Incident
from ..report.section import ReportSection
from ..store.db import Store
from .analysis import (
    OUTLET_TEXT,
    blame_summary,
    figure_rows,
    figures_chart,
    figures_discrepancy,
    first_by_kind,
    format_lag,
    merge_claims,
    speakers_by_first,
    timeline_chart,
)
from .run import ensure_claims, load_claims


def _quote(text: str, limit: int = 180) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _who(m: dict[str, Any]) -> str:
    if m["speaker"] == OUTLET_TEXT:
        return f"{m['first_outlet'] or 'an outlet'} (in its own text)"
    return m["speaker"]


def claims_table(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged claims as table rows, oldest first."""
    return [{
        "first_at": m["first_at"], "lag": format_lag(m["first_lag"]), "speaker": m["speaker"], "role": m["role"],
        "kind": m["kind"], "target": m["target_norm"] or m["target"], "cue": m["cue"], "content": m["content"],
        "hedges": ", ".join(m["hedges"]), "outlets": m["n_outlets"], "first_outlet": m["first_outlet"],
        "date_source": m.get("first_date_source", "unknown"),
        "lag_upper_bound": bool(m.get("lag_upper_bound")),
    } for m in merged]


def _lag(m: dict[str, Any]) -> str:
    """The first lag, marked "at most" when the first carrier's date comes only from a crawl."""
    lag = format_lag(m["first_lag"])
    return f"at most {lag}" if m.get("lag_upper_bound") else lag


def section(store: Store, incident: Incident, *, refresh: bool = False) -> ReportSection:
    """The report's claims section: who said what and when, blame, denials, findings and figures."""
    ensure_claims(store, incident, refresh=refresh)
    rows = load_claims(store, incident)
    merged = merge_claims(rows)
    firsts = first_by_kind(merged)
    figs = figure_rows(rows)
    sec = ReportSection(key="claims", title="Claims: who said what, and when")
    if not merged:
        sec.summary.append("No attributed statements, responsibility claims or casualty figures were found "
                           "in the matched articles.")
    b = firsts.get("blame")
    if b:
        target = b["target_norm"] or b["target"]
        sec.summary.append(
            f"Earliest attribution of responsibility in this corpus: {_who(b)}, {_lag(b)} "
            f"after the incident time, naming {target}: {_quote(b['content'])} "
            f"(first carried by {b['first_outlet'] or 'unknown outlet'}; {b['n_outlets']} outlet(s) carried it).")
    denials = [m for m in merged if m["kind"] == "denial"]
    if denials:
        d = firsts["denial"]
        sec.summary.append(
            f"Denials: {len(denials)} distinct statement(s); the first from {_who(d)} at "
            f"{_lag(d)}: {_quote(d['content'])}.")
    for kind in ("investigation", "finding"):
        f = firsts.get(kind)
        if f:
            label = "Call for an investigation" if kind == "investigation" else "Investigative finding"
            sec.summary.append(f"{label} first reported at {_lag(f)}, attributed to "
                               f"{_who(f)}: {_quote(f['content'])}.")
    for kind in ("killed", "injured", "missing"):
        values = [x for r in figs if r["kind"] == kind for x in (r["low"], r["high"]) if x is not None]
        if values:
            sources = len({r["source"] for r in figs if r["kind"] == kind})
            sec.summary.append(f"Reported {kind} figures range from {min(values)} to {max(values)} across "
                               f"{sources} source(s); see the figures table for who said which number when.")
    sec.tables["timeline"] = claims_table(merged)
    sec.tables["blame"] = blame_summary(merged)
    sec.tables["figures"] = figures_discrepancy(figs)
    sec.tables["figures_all"] = figs
    sec.tables["speakers"] = speakers_by_first(merged)
    if any(m["first_lag"] is not None for m in merged):
        sec.charts["timeline"] = timeline_chart(merged)
    if any(f["lag_h"] is not None for f in figs):
        sec.charts["figures"] = figures_chart(figs)
    sec.notes.extend([
        "Statements are found by rules (cue verbs, quotation marks, 'according to' phrases) per language; "
        "they are quoted as written and attributed, never endorsed.",
        "Lag is publication time minus the declared incident time; it is only as exact as the articles' dates.",
        "A claim's first carrier is its earliest item dated by page metadata; an item dated only by a crawl "
        "(WARC header or fetch time) is first only when no metadata-dated item carries the claim, and then its "
        "lag is an upper bound (marked \"at most\"; date_source column in the timeline table).",
        f"The same speaker and kind with similar content (rapidfuzz token-set ratio ≥ {85}) across outlets "
        "count as one claim with many carriers.",
        f"{OUTLET_TEXT} marks figures or responsibility phrases an outlet printed without naming a source.",
    ])
    return sec
