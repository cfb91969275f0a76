"""Claims analysis: merge carriers, first claim per kind, speakers by lag, blame summary, figures."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz

from .blame import actor_key, same_actor
from .figures import figure_label
from .people import canonical_speakers
from .records import Figure

OUTLET_TEXT = "(outlet's own text)"
#: Dates known only from when a page was crawled: the true publication time can only be earlier.
CRAWL_DATE_SOURCES = frozenset({"warc-header", "fetched"})
MERGE_THRESHOLD = 85


def format_lag(lag: timedelta | None) -> str:
    """A lag as "+2h15m", "+3d4h", "-45m"; "?" when unknown."""
    if lag is None:
        return "?"
    secs = int(lag.total_seconds())
    sign = "-" if secs < 0 else "+"
    secs = abs(secs)
    d, rem = divmod(secs, 86400)
    h, rem = divmod(rem, 3600)
    m = rem // 60
    if d:
        return f"{sign}{d}d{h}h" if h else f"{sign}{d}d"
    if h:
        return f"{sign}{h}h{m:02d}m" if m else f"{sign}{h}h"
    return f"{sign}{m}m"


def speaker_of(row: dict[str, Any]) -> str:
    """The speaker label shown for a stored claim (the outlet's own text has none)."""
    return row.get("speaker") or OUTLET_TEXT


def merge_claims(rows: list[dict[str, Any]], threshold: int = MERGE_THRESHOLD) -> list[dict[str, Any]]:
    """One claim per speaker + kind + similar content (+ same figures), carried by many outlets.

    Rows must be oldest first; each merged claim keeps its first time, every outlet and article.
    """
    merged: list[dict[str, Any]] = []
    index: dict[tuple, list[dict[str, Any]]] = {}
    people = canonical_speakers(rows)
    for r in rows:
        figs = tuple(sorted((f["kind"], f["low"] or -1, f["high"] or -1) for f in r.get("figures") or []))
        written = speaker_of(r)
        speaker = people.get(r.get("speaker") or "", written)
        key = (speaker.casefold(), r["kind"], figs)  # different numbers are different claims
        content = r["content"] or ""
        hit = None
        for m in index.get(key, []):
            if fuzz.token_set_ratio(content, m["content"]) >= threshold:
                hit = m
                break
        if hit is None:
            hit = {
                "speaker": speaker, "speaker_forms": [], "role": r.get("speaker_role") or "",
                "affiliation": r.get("speaker_affiliation") or "", "kind": r["kind"],
                "target": r.get("target") or "", "target_norm": r.get("target_norm") or "",
                "cue": r.get("cue") or "", "content": content, "language": r.get("language") or "",
                "first_at": r.get("published_at"), "first_lag": r.get("lag"), "first_outlet": r.get("outlet"),
                "first_date_source": r.get("date_source") or "unknown",
                "hedges": list(r.get("hedges") or []), "figures": list(r.get("figures") or []),
                "outlets": [], "articles": [], "claim_ids": [],
            }
            index.setdefault(key, []).append(hit)
            merged.append(hit)
        elif _better_carrier(r, hit):
            hit.update({"first_at": r.get("published_at"), "first_lag": r.get("lag"),
                        "first_outlet": r.get("outlet"), "first_date_source": r.get("date_source") or "unknown"})
        if written not in hit["speaker_forms"]:
            hit["speaker_forms"].append(written)
        if r.get("outlet") and r["outlet"] not in hit["outlets"]:
            hit["outlets"].append(r["outlet"])
        if r["article_id"] not in hit["articles"]:
            hit["articles"].append(r["article_id"])
        hit["claim_ids"].append(r["id"])
        for h in r.get("hedges") or []:
            if h not in hit["hedges"]:
                hit["hedges"].append(h)
    for m in merged:
        m["n_outlets"] = len(m["outlets"]) or len(m["articles"])
        m["lag_upper_bound"] = crawl_dated(m["first_date_source"])
    return merged


def crawl_dated(date_source: str | None) -> bool:
    """True when a date comes only from a crawl (WARC header, fetch time): the lag is an upper bound."""
    return (date_source or "unknown") in CRAWL_DATE_SOURCES


def _better_carrier(row: dict[str, Any], hit: dict[str, Any]) -> bool:
    """A page-metadata-dated carrier replaces a crawl-dated first carrier, even when it is later."""
    return (crawl_dated(hit["first_date_source"]) and not crawl_dated(row.get("date_source"))
            and row.get("published_at") is not None)


def first_by_kind(merged: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The earliest merged claim of each kind."""
    out: dict[str, dict[str, Any]] = {}
    for m in sorted(merged, key=_time_key):
        out.setdefault(m["kind"], m)
    return out


def _time_key(m: dict[str, Any]) -> tuple:
    t = m.get("first_at")
    return (t is None, t or datetime.max)


def speakers_by_first(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Speakers ranked by when they were first carried, with their kinds and reach."""
    spk: dict[str, dict[str, Any]] = {}
    for m in sorted(merged, key=_time_key):
        s = spk.setdefault(m["speaker"], {"speaker": m["speaker"], "first_at": m["first_at"],
                                          "first_lag": format_lag(m["first_lag"]), "kinds": [], "claims": 0,
                                          "outlets": set()})
        if m["kind"] not in s["kinds"]:
            s["kinds"].append(m["kind"])
        s["claims"] += 1
        s["outlets"].update(m["outlets"])
    rows = []
    for rank, s in enumerate(spk.values(), 1):
        rows.append({"rank": rank, "speaker": s["speaker"], "first_at": s["first_at"], "first_lag": s["first_lag"],
                     "kinds": ", ".join(s["kinds"]), "claims": s["claims"], "outlets": len(s["outlets"])})
    return rows


def blame_summary(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who attributed responsibility to whom, when first, and how many outlets carried it."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    blamed = actor_groups([m for m in merged if m["kind"] == "blame"])
    for m in sorted((m for m in merged if m["kind"] == "blame"), key=_time_key):
        actor = blamed[m["target_norm"] or m["target"]]
        key = (m["speaker"], actor)
        g = groups.setdefault(key, {"speaker": m["speaker"], "blamed": actor, "as_written": m["target"],
                                    "first_at": m["first_at"], "first_lag": format_lag(m["first_lag"]),
                                    "first_outlet": m["first_outlet"], "claims": 0, "outlets": set(),
                                    "hedged": False, "forms": []})
        if m["target"] and m["target"] not in g["forms"]:
            g["forms"].append(m["target"])
        g["claims"] += 1
        g["outlets"].update(m["outlets"])
        g["hedged"] = g["hedged"] or bool(m["hedges"])
    rows = []
    for g in groups.values():
        g["outlets"] = len(g["outlets"])
        g["forms"] = " | ".join(g["forms"])
        rows.append(g)
    return rows


def actor_groups(blames: list[dict[str, Any]]) -> dict[str, str]:
    """Blamed actor as normalised -> one display name per actor across scripts and inflections.

    "Estovian Federation", "Естовської Федерації" and "Federacji Estowskiej" share an
    :func:`~storyradar.claims.blame.actor_key`; the display name is the English form when there is
    one, else the most frequent. A "(air defence / misfire)" suffix is kept apart.
    """
    suffix = " (air defence / misfire)"
    clusters: list[tuple[str, str, list[tuple[str, str]]]] = []  # (key, misfire?, [(form, language)])
    for m in blames:
        form = m["target_norm"] or m["target"]
        base, mis = (form[: -len(suffix)], suffix) if form.endswith(suffix) else (form, "")
        key = actor_key(base)
        for ckey, cmis, forms in clusters:
            if cmis == mis and (ckey == key or same_actor(ckey, key)):
                forms.append((form, m.get("language") or ""))
                break
        else:
            clusters.append((key, mis, [(form, m.get("language") or "")]))
    out: dict[str, str] = {}
    for _key, _mis, forms in clusters:
        english = [f for f, lang in forms if lang == "en"]
        counts: dict[str, int] = {}
        for f, _ in forms:
            counts[f] = counts.get(f, 0) + 1
        display = english[0] if english else max(counts, key=lambda f: counts[f])
        for f, _ in forms:
            out[f] = display
    return out


def figure_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every casualty figure, oldest first, with its source, outlet and the change from that source's last."""
    out = []
    last: dict[tuple[str, str], tuple[int | None, int | None]] = {}
    for r in rows:
        for f in r.get("figures") or []:
            fig = Figure(f["kind"], f["low"], f["high"], f["qualifier"], f["text"], tuple(f["span"]))
            source = r.get("speaker") or f"{OUTLET_TEXT} {r.get('outlet', '')}".strip()
            key = (source.casefold(), fig.kind)
            prev = last.get(key)
            now = (fig.low, fig.high)
            if prev is None:
                change = "first"
            elif prev == now:
                change = "same"
            else:
                before = prev[0] if prev[0] is not None else prev[1]
                after = now[0] if now[0] is not None else now[1]
                change = "up" if (after or 0) > (before or 0) else "down" if (after or 0) < (before or 0) else "changed"
                change += f" from {before}"
            last[key] = now
            out.append({
                "published_at": r.get("published_at"), "lag": format_lag(r.get("lag")),
                "lag_h": r["lag"].total_seconds() / 3600 if r.get("lag") is not None else None,
                "source": source, "outlet": r.get("outlet", ""), "kind": fig.kind, "figure": figure_label(fig),
                "text": fig.text, "low": fig.low, "high": fig.high, "qualifier": fig.qualifier,
                "change": change,
            })
    return out


def figures_discrepancy(fig_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per figure kind and source: the first number, the last number, and how many times it changed."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for f in fig_rows:
        key = (f["kind"], f["source"])
        t = table.setdefault(key, {"kind": f["kind"], "source": f["source"], "first": f["figure"],
                                   "first_lag": f["lag"], "first_outlet": f["outlet"], "latest": f["figure"],
                                   "latest_lag": f["lag"], "changes": 0, "reports": 0})
        t["reports"] += 1
        if f["change"] not in ("first", "same"):
            t["changes"] += 1
        t["latest"], t["latest_lag"] = f["figure"], f["lag"]
    return sorted(table.values(), key=lambda t: (t["kind"], t["first_lag"] if t["first_lag"] != "?" else "~"))


#: Kinds that put a speaker first in the timeline chart.
KEY_KINDS = ("blame", "denial", "finding", "investigation", "figure")
#: Tick marks on the chart's hour axis (a symmetric-log scale keeps the first 72 h readable).
HOUR_TICKS = [0, 1, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440]


def top_speakers(merged: list[dict[str, Any]], limit: int = 25) -> list[str]:
    """The speakers shown in the timeline, earliest first.

    Each key kind (blame, denial, finding, investigation, figure) gets its earliest speakers in turn
    (ties: more outlets first), round-robin, so a late finding is never crowded out by early figures;
    remaining places go to the earliest other speakers.
    """
    first: dict[str, float] = {}
    per_kind: dict[str, dict[str, tuple[float, int]]] = {k: {} for k in (*KEY_KINDS, "statement")}
    for m in merged:
        if m["speaker"] == OUTLET_TEXT or m["first_lag"] is None:
            continue
        secs = m["first_lag"].total_seconds()
        first[m["speaker"]] = min(first.get(m["speaker"], secs), secs)
        kind = m["kind"] if m["kind"] in per_kind else "statement"
        old = per_kind[kind].get(m["speaker"])
        per_kind[kind][m["speaker"]] = (min(secs, old[0]) if old else secs, max(m["n_outlets"], old[1] if old else 0))
    queues = [sorted(d, key=lambda s, d=d: (d[s][0], -d[s][1])) for d in per_kind.values()]
    chosen: list[str] = []
    for group in (queues[:-1], queues[-1:]):  # key kinds in turn; plain statements only fill what is left
        while len(chosen) < limit and any(group):
            for q in group:
                while q and q[0] in chosen:
                    q.pop(0)
                if q and len(chosen) < limit:
                    chosen.append(q.pop(0))
    return sorted(chosen, key=lambda s: first[s])


def timeline_data(merged: list[dict[str, Any]], limit: int = 25) -> tuple[list[dict[str, Any]], list[str], int]:
    """Chart rows (attributed claims of the top speakers, then the outlets' own text), the speaker
    order, and how many attributed speakers there are in all."""
    speakers = top_speakers(merged, limit)
    shown = set(speakers)
    total = len({m["speaker"] for m in merged if m["speaker"] != OUTLET_TEXT and m["first_lag"] is not None})
    data = []
    for m in merged:
        if m["first_lag"] is None:
            continue
        own = m["speaker"] == OUTLET_TEXT
        if not own and m["speaker"] not in shown:
            continue
        data.append({"hours": round(m["first_lag"].total_seconds() / 3600, 3), "speaker": m["speaker"],
                     "kind": m["kind"], "outlets": m["n_outlets"], "source": "outlet's own text" if own else
                     "attributed", "content": (m["content"] or "")[:160], "lag": format_lag(m["first_lag"]),
                     "forms": ", ".join(m.get("speaker_forms") or [])})
    return data, speakers, total


def timeline_chart(merged: list[dict[str, Any]], limit: int = 25) -> Any:
    """Altair chart: hours since the incident (symmetric-log axis) × speaker, coloured by claim kind.

    Only the ``limit`` top speakers (:func:`top_speakers`) are drawn; claims an outlet printed without
    a source sit in their own strip below, never mixed with attributed ones.
    """
    import altair as alt

    data, speakers, total = timeline_data(merged, limit)
    x = alt.X("hours:Q", title="hours since the incident (symmetric log scale)",
              scale=alt.Scale(type="symlog", constant=1), axis=alt.Axis(values=HOUR_TICKS))
    color = alt.Color("kind:N", title="claim kind", scale=alt.Scale(domain=list(KEY_KINDS) + ["statement"]))
    size = alt.Size("outlets:Q", title="outlets carrying it")
    tooltip = ["speaker:N", "forms:N", "kind:N", "lag:N", "outlets:Q", "content:N"]
    base = alt.Chart(alt.Data(values=data)).mark_circle(opacity=0.8)
    shown = f"top {len(speakers)} of {total} speakers" if total > len(speakers) else f"{total} speakers"
    attributed = base.transform_filter(alt.datum.source == "attributed").encode(
        x=x, y=alt.Y("speaker:N", title=None, sort=speakers), color=color, size=size, tooltip=tooltip,
    ).properties(width=640, height=max(120, 20 * len(speakers)),
                 title=f"Attributed claims over time, first carried ({shown}; key kinds first)")
    if not any(d["source"] != "attributed" for d in data):
        return attributed
    own = base.transform_filter(alt.datum.source != "attributed").encode(
        x=x, y=alt.Y("kind:N", title=None, sort=list(KEY_KINDS)), color=color, size=size, tooltip=tooltip,
    ).properties(width=640, height=80, title=f"{OUTLET_TEXT}: figures and responsibility phrases without a source")
    return alt.vconcat(attributed, own).resolve_scale(x="shared")


def figures_chart(fig_rows: list[dict[str, Any]]) -> Any:
    """Altair chart: casualty figures over time, one line per source and kind."""
    import altair as alt

    data = [{"hours": f["lag_h"], "value": f["low"] if f["low"] is not None else f["high"], "kind": f["kind"],
             "source": f["source"], "figure": f["figure"], "outlet": f["outlet"]}
            for f in fig_rows if f["lag_h"] is not None and (f["low"] is not None or f["high"] is not None)]
    return alt.Chart(alt.Data(values=data)).mark_line(point=True).encode(
        x=alt.X("hours:Q", title="hours since the incident (symmetric log scale)",
                scale=alt.Scale(type="symlog", constant=1), axis=alt.Axis(values=HOUR_TICKS)),
        y=alt.Y("value:Q", title="reported count (lower bound where given)"),
        color=alt.Color("kind:N", title="figure"),
        detail="source:N",
        tooltip=["source:N", "outlet:N", "figure:N", "hours:Q"],
    ).properties(width=640, height=260, title="Casualty figures as reported over time")
