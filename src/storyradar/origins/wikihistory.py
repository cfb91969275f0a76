"""An incident's encyclopedia article over time: created when and in which language, renamed, key facts revision by revision."""

from __future__ import annotations

import json
from typing import Any

from ..claims import extract_figures, find_blame, get_lexicon
from ..claims.figures import figure_label
from ..ingest.mediawiki import Move
from ..ingest.wikipedia import title_at
from ..model import Incident
from ..store import Store
from ..timeutil import ensure_utc
from .firsthours import lag_minutes
from .naming import spelling_table, spellings_in

#: Infobox fields read per fact (first present wins).
KILLED_KEYS = ("deaths", "fatalities", "killed", "загиблі", "погибшие")
INJURED_KEYS = ("injuries", "injured", "wounded", "поранені", "раненые")
RESPONSIBLE_KEYS = ("perpetrator", "perpetrators", "attackers", "виконавці")


def _pages_of(store: Store, incident: Incident) -> set[tuple[str, int]]:
    rows = store.query(
        "SELECT a.extras FROM matches m JOIN articles a ON a.id = m.article_id WHERE m.incident_id = ? "
        "AND a.source_kind = 'wikipedia' AND m.relation IN ('about', 'passing')", [incident.id])
    keys = set()
    for r in rows:
        ex = json.loads(r["extras"] or "{}")
        keys.add((ex.get("site", ""), ex.get("page_id")))
    return keys


def revision_facts(text: str, infobox: dict[str, str], language: str,
                   table: dict[tuple[str, ...], tuple[str, str]]) -> dict[str, str]:
    """The lead's key facts: killed and injured figures, who is named as responsible, the place's spelling."""
    facts: dict[str, str] = {}
    figs = extract_figures(text, language or "en")
    for kind, keys in (("killed", KILLED_KEYS), ("injured", INJURED_KEYS)):
        in_text = [figure_label(f) for f in figs if f.kind == kind]
        boxed = next((infobox[k] for k in keys if infobox.get(k)), "")
        facts[kind] = in_text[0] if in_text else (f"{boxed} (infobox)" if boxed else "")
    blamed = find_blame(text, get_lexicon(language or "en"))
    boxed = next((infobox[k] for k in RESPONSIBLE_KEYS if infobox.get(k)), "")
    facts["responsible"] = blamed[1] if blamed else (f"{boxed} (infobox)" if boxed else "")
    found = spellings_in(text, table)
    facts["spelling"] = found.most_common(1)[0][0] if found else ""
    return facts


def wiki_history(store: Store, incident: Incident) -> dict[str, Any]:
    """Every stored encyclopedia page about the incident: creation, moves and the key-fact timeline."""
    keys = _pages_of(store, incident)
    table = spelling_table(incident)
    pages: dict[tuple[str, int], list[dict[str, Any]]] = {}
    if keys:
        for r in store.query("SELECT url, title, text, language, published_at, extras FROM articles "
                             "WHERE source_kind = 'wikipedia' ORDER BY published_at, url"):
            ex = json.loads(r["extras"] or "{}")
            key = (ex.get("site", ""), ex.get("page_id"))
            if key in keys:
                r["extras"] = ex
                r["published_at"] = ensure_utc(r["published_at"])
                pages.setdefault(key, []).append(r)
    out = []
    for (site, page_id), revs in pages.items():
        revs.sort(key=lambda r: (r["published_at"], r["extras"].get("revid", 0)))
        moves = [Move(r["published_at"].strftime("%Y-%m-%dT%H:%M:%SZ"), r["extras"]["move"]["from"],
                      r["extras"]["move"]["to"], r["extras"].get("user", "")) for r in revs if r["extras"].get("move")]
        current = revs[-1]["extras"].get("page_title") or revs[-1]["title"]
        timeline, prev = [], None
        for r in revs:
            ex = r["extras"]
            facts = revision_facts(r["text"] or "", ex.get("infobox") or {}, r["language"], table)
            changed = [k for k, v in facts.items() if prev is None or prev.get(k) != v]
            stamp = r["published_at"].strftime("%Y-%m-%dT%H:%M:%SZ")
            if changed or ex.get("move"):
                timeline.append({"revid": ex.get("revid"), "at": stamp, "lag_min": lag_minutes(r["published_at"], incident),
                                 "title": title_at(stamp, current, moves), "user": ex.get("user", ""),
                                 "comment": ex.get("comment", ""), "changed": ", ".join(changed) or "title",
                                 **facts, "url": r["url"]})
            prev = facts
        first = revs[0]
        out.append({"site": site, "page_id": page_id, "language": first["language"], "title": current,
                    "created_at": first["published_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "created_lag_min": lag_minutes(first["published_at"], incident),
                    "created_as": title_at(first["published_at"].strftime("%Y-%m-%dT%H:%M:%SZ"), current, moves),
                    "created_complete": not first["extras"].get("parentid"),
                    "moves": [{"at": m.timestamp, "from": m.old, "to": m.new, "by": m.user} for m in moves],
                    "revisions_stored": len(revs), "timeline": timeline})
    out.sort(key=lambda p: p["created_at"])
    return {"incident": incident.name, "pages": out,
            "first_language": out[0]["language"] if out else None}
