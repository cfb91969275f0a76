"""Write the demo's incident files, event calendar and assertion file (TOML and CSV)."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from .outlets import GAP_DOMAIN
from .places import place_variants
from .schedule import COMPARABLE, DEPOT_AT, GAP_END, GAP_START, MAIN_AT

#: Where the demo's fictional places are (WGS84); the coordinates are made up for the demo.
COORDS: dict[str, tuple[float, float]] = {
    "zorianivka": (48.7312, 35.4187), "verkhnodar": (49.0546, 36.2213),
    "solonivets": (48.3127, 34.9021), "tovstolis": (49.2875, 35.0362),
}
ADMIN1 = "Pivnichna Oblast"
COUNTRY = "XN"  # user-assigned ISO code standing for the fictional Republic of Norland

VOCABULARY = {
    "en": ["market", "missile", "strike"], "uk": ["ринок", "ракета", "удар"], "ru": ["рынок", "ракета", "удар"],
    "de": ["Markt", "Rakete", "Raketenangriff"], "pl": ["targ", "rakieta", "atak"],
    "fr": ["marché", "missile", "frappe"], "es": ["mercado", "misil", "ataque"],
}


def toml_dumps(data: dict[str, Any], *, header: str = "") -> str:
    """Serialise plain data (str, int, float, bool, lists, nested dicts, lists of dicts) as TOML."""
    lines = [f"# {x}" for x in header.splitlines()] + ([""] if header else [])
    _table(lines, data, [])
    return "\n".join(lines).rstrip() + "\n"


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k)


def _table(lines: list[str], data: dict[str, Any], path: list[str]) -> None:
    nested = {k: v for k, v in data.items() if isinstance(v, dict)}
    arrays = {k: v for k, v in data.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)}
    for k, v in data.items():
        if k not in nested and k not in arrays:
            lines.append(f"{_key(k)} = {_value(v)}")
    for k, v in nested.items():
        lines += ["", f"[{'.'.join(_key(x) for x in [*path, k])}]"]
        _table(lines, v, [*path, k])
    for k, items in arrays.items():
        for item in items:
            lines += ["", f"[[{'.'.join(_key(x) for x in [*path, k])}]]"]
            _table(lines, item, [*path, k])


def _place(key: str, name: str) -> dict[str, Any]:
    lat, lon = COORDS[key]
    return {"name": name, "latitude": lat, "longitude": lon, "country": COUNTRY, "admin1": ADMIN1}


def incident_specs() -> dict[str, dict[str, Any]]:
    """The incident files' contents, keyed by incident name."""
    specs: dict[str, dict[str, Any]] = {
        "zorianivka-market": {
            "name": "zorianivka-market", "title": "Missile strike on the central market in Zorianivka",
            "occurred_at": MAIN_AT.isoformat(), "precision": "minute",
            "variants": place_variants("zorianivka"), "terms": ["market", "missile", "strike"],
            "exclude_terms": [], "figures": {"killed": 16, "injured": 34},
            "window_before_days": 2, "window_after_days": 90,
            "place": _place("zorianivka", "Zorianivka"), "vocabulary": VOCABULARY,
        },
        "zorianivka-depot-fire": {
            "name": "zorianivka-depot-fire", "title": "Fire at the railway depot in Zorianivka",
            "occurred_at": DEPOT_AT.isoformat(), "precision": "minute",
            "variants": place_variants("zorianivka"), "terms": ["fire", "railway depot", "depot"],
            "exclude_terms": [], "figures": {"killed": 1, "injured": 4},
            "window_before_days": 2, "window_after_days": 30,
            "place": _place("zorianivka", "Zorianivka"),
        },
    }
    names = {"solonivets": "Solonivets", "verkhnodar": "Verkhnodar", "tovstolis": "Tovstolis"}
    kinds = {"station": "railway station", "market": "central market", "hospital": "city hospital"}
    for name, (place, target, when, fig, _mean) in COMPARABLE.items():
        specs[name] = {
            "name": name, "title": f"Missile strike on the {kinds[target]} in {names[place]}",
            "occurred_at": when.isoformat(), "precision": "minute", "variants": place_variants(place),
            "terms": [target, "missile", "strike"], "exclude_terms": [],
            "figures": {"killed": fig.killed, "injured": fig.injured},
            "window_before_days": 2, "window_after_days": 60, "place": _place(place, names[place]),
        }
    return specs


def write_incidents(folder: Path) -> dict[str, str]:
    """Write incidents/<name>.toml; returns name -> relative path."""
    out = {}
    (folder / "incidents").mkdir(parents=True, exist_ok=True)
    for name, spec in incident_specs().items():
        rel = f"incidents/{name}.toml"
        (folder / rel).write_text(toml_dumps(spec, header="FICTIONAL DEMO DATA: an invented incident for the storyradar demo."),
                                  encoding="utf-8")
        out[name] = rel
    return out


#: Fictional political calendar: (date, label, category).
CALENDAR = (
    ("2025-03-03", "Ceasefire talks between Norland and the Estovian Federation open in Kestrel Bay", "summit"),
    ("2025-03-07", "Estovian Federation parliament votes on the defence budget", "vote"),
    ("2025-03-13", "Norland parliament votes on air-defence funding", "vote"),
    ("2025-03-15", "Council of Coastal States delegation visits Norland", "visit"),
    ("2025-03-21", "Regional security summit in Valmora", "summit"),
    ("2025-03-28", "Estovian president visits the northern provinces", "visit"),
    ("2025-04-04", "Donor conference for the Pivnichna region", "summit"),
    ("2025-04-10", "Assembly of Nations debate on the protection of civilians", "vote"),
    ("2025-04-17", "Norland foreign minister visits Valmora", "visit"),
    ("2025-04-22", "Norland parliament votes on a sanctions package", "vote"),
    ("2025-04-24", "Ceasefire talks resume in Kestrel Bay", "summit"),
    ("2025-05-06", "Estovian Federation national day parade", "other"),
)


def write_calendar(path: Path) -> None:
    """calendar.csv with columns date,label,category."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["date", "label", "category"])
        w.writerows(CALENDAR)


def assertions(first_evidence: datetime, finding: datetime) -> list[dict[str, Any]]:
    """Statements about the main incident, each with the verdict this corpus is built to give.

    Each entry has ``expected`` (supported | contradicted | not_decidable), ``because`` and the
    assertion table itself (``kind``, ``id``, ``label`` and the kind's parameters) under ``table``.
    """
    gap = f"{GAP_START.isoformat()} to {GAP_END.isoformat()}"
    rows = [
        ("contradicted", "the Joint Inquiry Commission's finding brought a wave of coverage from 2025-04-23",
         {"kind": "coverage_stopped", "id": "silent-after-burst", "after": "2025-03-19",
          "label": "Nobody reported on the strike after 19 March."}),
        ("supported", "between the burst and the finding only passing mentions appear (at most one a day)",
         {"kind": "coverage_stopped", "id": "silent-until-finding", "after": "2025-03-19", "until": "2025-04-20",
          "relation": "about", "label": "Until the inquiry reported, no article was about the strike."}),
        ("not_decidable", f"{GAP_DOMAIN} collected nothing at all from {gap} (the planted collection gap); "
         f"ingest html/{GAP_DOMAIN} as its own collection source",
         {"kind": "coverage_stopped", "id": "gap-outlet-stopped", "after": "2025-04-30",
          "until": GAP_END.isoformat(), "outlet": [GAP_DOMAIN],
          "label": f"{GAP_DOMAIN} stopped covering the strike in May."}),
        ("supported", "Regional Governor Ivan Koval's accusation appears about 40 minutes after the strike",
         {"kind": "first_claim_within", "id": "blame-within-hour", "claim": "blame", "within": "1h",
          "label": "Blame was assigned within the hour."}),
        ("supported", "the first blame is his",
         {"kind": "first_claim_within", "id": "koval-within-hour", "claim": "blame", "within": "1h",
          "speaker": "Koval", "label": "The governor blamed the other side within the hour."}),
        ("contradicted", "the Estovian Ministry of Defence's denial appears about 4 hours after the strike",
         {"kind": "first_claim_within", "id": "denial-within-two-hours", "claim": "denial", "within": "2h",
          "label": "The accused side denied it within two hours."}),
        ("supported", f"the first media item was first seen at {first_evidence.isoformat()}, after the first "
         "blame (when the demo's media are registered with their first-seen times)",
         {"kind": "claims_before_evidence", "id": "blame-before-evidence", "claim": "blame",
          "label": "The accusations came before any evidence was published."}),
        ("supported", "16 (regional administration) and 17 (one outlet, hospital sources) were both reported",
         {"kind": "figures", "id": "killed-16-or-17", "figure": "killed", "values": [16, 17], "mode": "any",
          "label": "Sources reported 16 or 17 killed."}),
        ("contradicted", "earlier reports gave 'at least 8', '10 to 12' and 12 killed",
         {"kind": "figures", "id": "killed-always-16-or-17", "figure": "killed", "values": [16, 17],
          "mode": "all", "label": "Every source put the toll at 16 or 17."}),
        ("supported", f"the finding came on {finding.date().isoformat()}",
         {"kind": "no_finding_by", "id": "no-finding-by-mid-april", "by": "2025-04-15",
          "label": "A month after the strike there was still no official finding."}),
        ("contradicted", f"the Joint Inquiry Commission's finding was reported from {finding.isoformat()}",
         {"kind": "no_finding_by", "id": "no-finding-by-may", "by": "2025-05-01",
          "label": "No finding had been published by May."}),
        ("supported", "the Norland parliament's air-defence vote was on 2025-03-13, one day before",
         {"kind": "coincides_with", "id": "during-vote", "category": "vote", "within_days": 1,
          "calendar": "calendar.csv", "label": "The strike came during a parliamentary vote."}),
        ("contradicted", "the nearest summits are on 2025-03-03 and 2025-03-21",
         {"kind": "coincides_with", "id": "during-summit", "category": "summit", "within_days": 1,
          "calendar": "calendar.csv", "label": "The strike coincided with a summit."}),
        ("supported", "the main incident's coverage halves within about a day; the comparable strikes' in 2-3 days",
         {"kind": "dropped_faster_than", "id": "dropped-faster", "incidents": list(COMPARABLE), "horizon_days": 30,
          "label": "The strike was dropped faster than comparable strikes."}),
    ]
    return [{"expected": e, "because": b, "table": t} for e, b, t in rows]


def write_assertions(path: Path, first_evidence: datetime, finding: datetime) -> list[dict[str, Any]]:
    """assertions.toml for the main incident, each table preceded by its expected verdict as a comment."""
    lines = ["# FICTIONAL DEMO DATA: statements about the invented Zorianivka market strike.",
             "# Above each assertion: the verdict the demo corpus was built to give, and why.", "",
             'incident = "zorianivka-market"', 'calendar = "calendar.csv"']
    rows = assertions(first_evidence, finding)
    for row in rows:
        lines += ["", f"# expected: {row['expected']} ({row['because']})", "[[assertion]]"]
        lines += [f"{_key(k)} = {_value(v)}" for k, v in row["table"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows
