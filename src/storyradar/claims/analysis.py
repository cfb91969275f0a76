"""Claims analysis: merge carriers, first claim per kind, speakers by lag, blame summary, figures."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz

from .figures import figure_label
from .records import Figure

OUTLET_TEXT = "(outlet's own text)"
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
    for r in rows:
        figs = tuple(sorted((f["kind"], f["low"] or -1, f["high"] or -1) for f in r.get("figures") or []))
        key = (speaker_of(r).casefold(), r["kind"], figs)  # different numbers are different claims
        content = r["content"] or ""
        hit = None
        for m in index.get(key, []):
            if fuzz.token_set_ratio(content, m["content"]) >= threshold:
                hit = m
                break
        if hit is None:
            hit = {
                "speaker": speaker_of(r), "role": r.get("speaker_role") or "",
                "affiliation": r.get("speaker_affiliation") or "", "kind": r["kind"],
                "target": r.get("target") or "", "target_norm": r.get("target_norm") or "",
                "cue": r.get("cue") or "", "content": content, "language": r.get("language") or "",
                "first_at": r.get("published_at"), "first_lag": r.get("lag"), "first_outlet": r.get("outlet"),
                "hedges": list(r.get("hedges") or []), "figures": list(r.get("figures") or []),
                "outlets": [], "articles": [], "claim_ids": [],
            }
            index.setdefault(key, []).append(hit)
            merged.append(hit)
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
    return merged


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
    for m in sorted((m for m in merged if m["kind"] == "blame"), key=_time_key):
        key = (m["speaker"], m["target_norm"] or m["target"])
        g = groups.setdefault(key, {"speaker": m["speaker"], "blamed": key[1], "as_written": m["target"],
                                    "first_at": m["first_at"], "first_lag": format_lag(m["first_lag"]),
                                    "first_outlet": m["first_outlet"], "claims": 0, "outlets": set(),
                                    "hedged": False})
        g["claims"] += 1
        g["outlets"].update(m["outlets"])
        g["hedged"] = g["hedged"] or bool(m["hedges"])
    rows = []
    for g in groups.values():
        g["outlets"] = len(g["outlets"])
        rows.append(g)
    return rows


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


def timeline_chart(merged: list[dict[str, Any]]) -> Any:
    """Altair chart: hours since the incident × speaker, coloured by claim kind."""
    import altair as alt

    data = [{"hours": m["first_lag"].total_seconds() / 3600, "speaker": m["speaker"], "kind": m["kind"],
             "outlets": m["n_outlets"], "content": (m["content"] or "")[:160], "lag": format_lag(m["first_lag"])}
            for m in merged if m["first_lag"] is not None]
    return alt.Chart(alt.Data(values=data)).mark_circle(opacity=0.8).encode(
        x=alt.X("hours:Q", title="hours since the incident"),
        y=alt.Y("speaker:N", title=None, sort=alt.EncodingSortField("hours", op="min")),
        color=alt.Color("kind:N", title="claim kind"),
        size=alt.Size("outlets:Q", title="outlets carrying it"),
        tooltip=["speaker:N", "kind:N", "lag:N", "outlets:Q", "content:N"],
    ).properties(width=640, height=max(120, 22 * len({d["speaker"] for d in data})),
                 title="Claims over time (first carried)")


def figures_chart(fig_rows: list[dict[str, Any]]) -> Any:
    """Altair chart: casualty figures over time, one line per source and kind."""
    import altair as alt

    data = [{"hours": f["lag_h"], "value": f["low"] if f["low"] is not None else f["high"], "kind": f["kind"],
             "source": f["source"], "figure": f["figure"], "outlet": f["outlet"]}
            for f in fig_rows if f["lag_h"] is not None and (f["low"] is not None or f["high"] is not None)]
    return alt.Chart(alt.Data(values=data)).mark_line(point=True).encode(
        x=alt.X("hours:Q", title="hours since the incident"),
        y=alt.Y("value:Q", title="reported count (lower bound where given)"),
        color=alt.Color("kind:N", title="figure"),
        detail="source:N",
        tooltip=["source:N", "outlet:N", "figure:N", "hours:Q"],
    ).properties(width=640, height=260, title="Casualty figures as reported over time")
