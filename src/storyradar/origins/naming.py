"""Naming analysis: which spelling of the place each outlet, channel, language edition and revision uses, and when it changed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..coverage import matched_items
from ..coverage.matched import CoverageItem
from ..match import name_variants
from ..match.normalise import form_tokens, tokens
from ..model import Incident
from ..store import Store
from ..timeutil import with_offset
from .kinds import family_of


def spelling_table(incident: Incident) -> dict[tuple[str, ...], tuple[str, str]]:
    """Normalised token key -> (form as listed, spelling family: the base form for inflected variants)."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for v in name_variants(incident):
        base = v.origin.split("<-", 1)[1].strip() if v.origin.startswith("inflected") and "<-" in v.origin else v.form
        table.setdefault(v.key, (v.form, base))
    return table


def spellings_in(text: str, table: dict[tuple[str, ...], tuple[str, str]]) -> Counter[str]:
    """How often each spelling family occurs in a text (longest variant first at each position)."""
    toks = tokens(text)
    longest = max((len(k) for k in table), default=1)
    found: Counter[str] = Counter()
    i = 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            hit = table.get(tuple(toks[i:i + n]))
            if hit:
                found[hit[1]] += 1
                i += n
                break
        else:
            i += 1
    return found


def _who(item: CoverageItem) -> str:
    return item.outlet or item.source_kind or "(unknown)"


def naming_analysis(store: Store, incident: Incident, *, items: list[CoverageItem] | None = None) -> dict[str, Any]:
    """Per source: spellings used (with counts and first/last use), changes over time, and one point per item."""
    items = matched_items(store, incident, with_text=True) if items is None else items
    table = spelling_table(incident)
    # the place's declared name is in the key set even when geonames is off
    table.setdefault(form_tokens(incident.place.name), (incident.place.name, incident.place.name))
    usage: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    points, changes = [], []
    last_primary: dict[str, str] = {}
    for item in sorted((i for i in items if i.published_at is not None), key=lambda i: (i.published_at, i.article_id)):
        text = item.text if item.source_kind == "wikipedia" else f"{item.title}\n{item.text}"
        found = spellings_in(text, table)
        if not found:
            continue
        primary = found.most_common(1)[0][0]
        who = _who(item)
        when = with_offset(item.published_at, item.published_offset_min)
        points.append({"at": item.published_at.isoformat(), "who": who, "family": family_of(item.source_kind),
                       "language": item.language, "spelling": primary, "url": item.url})
        for spelling, n in found.items():
            key = (who, item.source_kind, item.language, spelling)
            u = usage.setdefault(key, {"who": who, "source_kind": item.source_kind, "language": item.language,
                                       "spelling": spelling, "items": 0, "mentions": 0, "first": when, "last": when})
            u["items"] += 1
            u["mentions"] += n
            u["last"] = when
        if who in last_primary and last_primary[who] != primary:
            changes.append({"who": who, "source_kind": item.source_kind, "at": when, "from": last_primary[who],
                            "to": primary, "url": item.url})
        last_primary[who] = primary
    rows = sorted(usage.values(), key=lambda r: (r["who"], r["first"]))
    totals = Counter()
    for p in points:
        totals[p["spelling"]] += 1
    return {"incident": incident.name, "spellings": [{"spelling": s, "items": n} for s, n in totals.most_common()],
            "by_source": rows, "changes": changes, "points": points}


def naming_chart(data: dict[str, Any]) -> Any:
    """Each item's main spelling over time, coloured by source family."""
    import altair as alt

    return alt.Chart(alt.Data(values=data["points"])).mark_point(filled=True, size=40).encode(
        x=alt.X("at:T", title="published (UTC)"),
        y=alt.Y("spelling:N", title="spelling used"),
        color=alt.Color("family:N", title="source"),
        tooltip=["who:N", "spelling:N", "language:N", "at:T"],
    ).properties(width=700, height=max(80, 26 * len(data["spellings"])), title="Spelling of the place over time")
