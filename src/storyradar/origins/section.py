"""The report section on origins: first hours per source family, who said it first, naming, encyclopedia history."""

from __future__ import annotations

from ..model import Incident
from ..report.section import ReportSection
from ..store import Store
from .firsthours import first_hours, first_hours_chart
from .firstsaid import who_said_first
from .naming import naming_analysis, naming_chart
from .wikihistory import wiki_history


def section(store: Store, incident: Incident) -> ReportSection | None:
    """Origins of the coverage; None when the incident has no posts, revisions or videos matched."""
    from ..coverage import matched_items

    items = matched_items(store, incident, with_text=True)
    if not any(i.source_kind in ("telegram", "social", "wikipedia", "video") for i in items):
        return None
    hours = first_hours(store, incident, items=items)
    sec = ReportSection(key="origins", title="Where it started: first hours, first claims, naming")
    for f in hours["firsts"]:
        sec.summary.append(f"First {f['family']} item: {f['first_at']} ({f['lag_min']:+g} min after the declared "
                           f"incident time), {f['outlet']}: “{f['title']}”.")
    firsts = who_said_first(store, incident)
    for r in firsts:
        if r.get("lag_min") is None:
            continue
        who = f" attributed to {r['speaker']}" if r["speaker"] else ""
        sec.summary.append(f"First {r['kind']} claim: {r['first_at']} ({r['lag_min']:+g} min), carried by a "
                           f"{r['source_kind']} item from {r['outlet']}{who}; {r['carriers_of_kind']} item(s) carry "
                           f"this kind; {r['forwards']} forward(s), {r['syndicated_copies']} syndicated copies, "
                           f"{r['citations']} citation(s) of its URL.")
    naming = naming_analysis(store, incident, items=items)
    if naming["spellings"]:
        sec.summary.append("Spellings of the place: " + ", ".join(f"{s['spelling']} ({s['items']})"
                                                                   for s in naming["spellings"]) + ".")
    wiki = wiki_history(store, incident)
    for p in wiki["pages"]:
        moves = "; ".join(f"renamed {m['at']} from “{m['from']}” to “{m['to']}”" for m in p["moves"])
        sec.summary.append(f"Encyclopedia ({p['language']}, {p['site']}): created {p['created_at']} "
                           f"({p['created_lag_min']:+g} min) as “{p['created_as']}”" + (f"; {moves}" if moves else "")
                           + f"; {len(p['timeline'])} revisions changed the lead's key facts.")
    sec.tables["first_hours"] = hours["firsts"]
    sec.tables["first_hours_minutes"] = hours["minutes"]
    sec.tables["first_claims"] = [{k: v for k, v in r.items() if k != "spread"} for r in firsts]
    sec.tables["naming_by_source"] = naming["by_source"]
    sec.tables["naming_changes"] = naming["changes"]
    sec.tables["wiki_facts"] = [{"site": p["site"], **row} for p in wiki["pages"] for row in p["timeline"]]
    if hours["cumulative"]:
        sec.charts["first_hours"] = first_hours_chart(hours)
    if naming["points"]:
        sec.charts["naming"] = naming_chart(naming)
    sec.notes += [
        "Lags are publication (or revision) time minus the declared incident time, in minutes.",
        "Telegram times come from date_unixtime (UTC); an edited post's text may date from its edit time.",
        "Forwards: posts forwarded from the first carrier's channel or repeating its text; citations: later items "
        "linking to or quoting its URL; syndication: the first carrier's near-duplicate group.",
        "Encyclopedia revisions whose lead did not change are counted at ingest but not stored.",
    ]
    return sec
