"""Who said it first: for each claim kind, the first post, article or revision carrying it, its lag and its spread."""

from __future__ import annotations

import json
from typing import Any

from ..claims import ensure_claims, load_claims
from ..model import Incident, normalise_url
from ..store import Store
from ..timeutil import with_offset
from .firsthours import lag_minutes
from .kinds import family_of

#: Claim kinds the report follows (the claims layer's names).
KINDS = ("blame", "figure", "denial")


def _articles(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = store.query("SELECT id, url, outlet, title, text, source_kind, published_at, published_offset_min, "
                       "dup_group, extras FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    for r in rows:
        r["extras"] = json.loads(r["extras"] or "{}")
    return {r["id"]: r for r in rows}


def _matched_ids(store: Store, incident: Incident) -> list[str]:
    return [m.article_id for m in store.get_matches(incident.id, relations=("about", "passing"))]


def spread_of(store: Store, first: dict[str, Any], candidates: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """How the first carrier spread: forwards of the post, syndicated copies, and later items citing its URL."""
    url = normalise_url(first["url"])
    channel = first["extras"].get("channel_name") or first["outlet"]
    head = " ".join((first["text"] or "").split())[:120]
    out: dict[str, list[str]] = {"forwards": [], "syndication": [], "citations": []}
    for aid, a in candidates.items():
        if aid == first["id"] or a["published_at"] is None or a["published_at"] < first["published_at"]:
            continue
        ex = a["extras"]
        fwd = ex.get("forwarded_from") or ex.get("forward_of")
        if fwd and (fwd == channel or normalise_url(ex.get("forwarded_from_url", "") or "x") == url
                    or (head and head in " ".join((a["text"] or "").split()))):
            out["forwards"].append(a["url"])
        elif first.get("dup_group") and a.get("dup_group") == first["dup_group"]:
            out["syndication"].append(a["url"])
        elif url in {normalise_url(x) for x in ex.get("links", [])} or first["url"] in (a["text"] or ""):
            out["citations"].append(a["url"])
    return out


def who_said_first(store: Store, incident: Incident, *, kinds: tuple[str, ...] = KINDS) -> list[dict[str, Any]]:
    """One row per claim kind: first carrier (post/article/revision), speaker, lag in minutes, spread counts."""
    ensure_claims(store, incident)
    claims = [c for c in load_claims(store, incident) if c["kind"] in kinds and c["published_at"] is not None]
    candidates = _articles(store, _matched_ids(store, incident))
    rows = []
    for kind in kinds:
        of_kind = sorted((c for c in claims if c["kind"] == kind), key=lambda c: (c["published_at"], c["article_id"]))
        if not of_kind:
            rows.append({"kind": kind, "first_at": "", "lag_min": None, "carrier": "", "note":
                         "no claim of this kind was found in the matched items"})
            continue
        c = of_kind[0]
        art = candidates.get(c["article_id"]) or _articles(store, [c["article_id"]]).get(c["article_id"])
        if art is None:
            continue
        spread = spread_of(store, art, candidates)
        figures = ", ".join(f"{f.get('low')} {f.get('kind')}" for f in c.get("figures") or [])
        edited = art["extras"].get("edited_at")
        rows.append({
            "kind": kind, "first_at": with_offset(c["published_at"], art.get("published_offset_min")),
            "lag_min": lag_minutes(c["published_at"], incident), "carrier": family_of(art["source_kind"]),
            "source_kind": art["source_kind"], "outlet": art["outlet"], "speaker": c.get("speaker") or "",
            "target": c.get("target_norm") or c.get("target") or "", "figures": figures,
            "content": c.get("content") or "", "url": art["url"],
            "carriers_of_kind": len({x["article_id"] for x in of_kind}),
            "forwards": len(spread["forwards"]), "syndicated_copies": len(spread["syndication"]),
            "citations": len(spread["citations"]), "spread": spread,
            "note": f"post edited at {edited}: its text may date from the edit" if edited else "",
        })
    return rows
