"""Links between evidence and claims, and the time order of claims against the evidence."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import NotFoundError, StoryradarError
from ..store import db_time
from ..timeutil import ensure_utc, now_utc, with_offset
from .custody import append_entry, default_actor, optional_vault, sync_head
from .register import get_evidence
from .signatures import LINK_RELATIONS
from .vault import Vault


def resolve_claim(store, ref: str) -> str:
    """The claim id that ``ref`` names: a full id or a unique prefix (at least 4 characters)."""
    rows = store.query("SELECT id FROM claims WHERE id = ?", [ref])
    if not rows and len(ref) >= 4:
        rows = store.query("SELECT id FROM claims WHERE starts_with(id, ?) ORDER BY id LIMIT 6", [ref])
    if not rows:
        raise NotFoundError(f"no claim with id {ref!r}", hint="claims come from: storyradar claims extract")
    if len(rows) > 1:
        raise StoryradarError(f"claim id prefix {ref!r} is ambiguous: {', '.join(r['id'] for r in rows)}",
                              hint="give more characters")
    return rows[0]["id"]


def link(store, evidence_id: str, claim_id: str, relation: str, why: str, by: str | None = None, *,
         vault: str | Path | Vault | None = None) -> dict[str, Any]:
    """Link an evidence item to a claim as supports / contradicts / context, with the reason.

    Both ids may be unique prefixes. Re-linking the same pair replaces the relation (and logs it);
    the same link twice changes nothing. Returns the link as a dict.
    """
    if relation not in LINK_RELATIONS:
        raise StoryradarError(f"relation must be one of {', '.join(LINK_RELATIONS)}, not {relation!r}")
    if not why or not why.strip():
        raise StoryradarError("a link needs a reason (--why)")
    item = get_evidence(store, evidence_id)
    cid = resolve_claim(store, claim_id)
    actor = by or default_actor()
    now = now_utc()
    with store.transaction() as con:
        old = con.execute("SELECT relation, why FROM evidence_links WHERE evidence_id = ? AND claim_id = ?",
                          [item.id, cid]).fetchone()
        out = {"evidence_id": item.id, "claim_id": cid, "relation": relation, "why": why.strip(),
               "by": actor, "linked_at": now.isoformat()}
        if old and old[0] == relation and old[1] == why.strip():
            return out
        con.execute(
            "INSERT INTO evidence_links VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
            "relation = excluded.relation, why = excluded.why, by_whom = excluded.by_whom, "
            "linked_at = excluded.linked_at",
            [item.id, cid, relation, why.strip(), actor, db_time(now)],
        )
        details = {"claim_id": cid, "relation": relation, "why": why.strip()}
        if old:
            details["replaces"] = {"relation": old[0], "why": old[1]}
        append_entry(store, item.incident_id, "linked", actor=actor, evidence_id=item.id,
                     details=details, at=now)
    sync_head(store, optional_vault(store, vault), item.incident_id)
    return out


def human_span(seconds: float) -> str:
    """A duration for people: '3 d 4 h', '2 h 15 min', '45 min', '30 s'."""
    s = int(round(abs(seconds)))
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"


def _evidence_times(store, incident_id: str) -> dict[str, tuple[datetime, str]]:
    rows = store.query("SELECT id, first_seen_at, acquired_at FROM evidence WHERE incident_id = ?",
                       [incident_id])
    out = {}
    for r in rows:
        if r["first_seen_at"] is not None:
            out[r["id"]] = (ensure_utc(r["first_seen_at"]), "first seen")
        else:
            out[r["id"]] = (ensure_utc(r["acquired_at"]), "registered")
    return out


def _order(claim_at: datetime | None, ev_at: datetime | None) -> tuple[str, float | None]:
    if claim_at is None or ev_at is None:
        return "time unknown", None
    lead = (ev_at - claim_at).total_seconds()
    if lead > 0:
        return f"claim {human_span(lead)} before evidence", lead
    if lead < 0:
        return f"evidence {human_span(lead)} before claim", lead
    return "same time", 0.0


def claims_vs_evidence(store, incident: str) -> list[dict[str, Any]]:
    """Per claim of the incident, its linked evidence and the time order, oldest claim first.

    One row per (claim, linked evidence item), and one row for a claim without evidence. Evidence
    time is when it was first seen (else when it was registered). ``claim_lead_s`` is evidence time
    minus claim time (positive: the claim came first); ``before_any_evidence`` says whether the
    claim was published before the incident's earliest evidence, and ``before_any_by`` by how long.
    """
    inc = store.get_incident(incident)
    times = _evidence_times(store, inc.id)
    earliest = min((t for t, _ in times.values()), default=None)
    claims = store.query(
        "SELECT c.id, c.kind, c.speaker, c.speaker_raw, c.content, c.published_at, "
        "a.published_at AS article_published_at, a.outlet, a.url FROM claims c "
        "LEFT JOIN articles a ON a.id = c.article_id WHERE c.incident_id = ? OR c.id IN "
        "(SELECT l.claim_id FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id "
        "WHERE e.incident_id = ?)", [inc.id, inc.id])
    links: dict[str, list[dict[str, Any]]] = {}
    for r in store.query("SELECT l.*, e.kind, e.original_name FROM evidence_links l JOIN evidence e "
                         "ON e.id = l.evidence_id WHERE e.incident_id = ? ORDER BY l.linked_at",
                         [inc.id]):
        links.setdefault(r["claim_id"], []).append(r)
    rows = []
    for c in claims:
        claim_at = ensure_utc(c["published_at"] or c["article_published_at"])
        base = {
            "claim_id": c["id"], "claim_time": with_offset(claim_at, None) or None,
            "speaker": c["speaker"] or c["speaker_raw"] or "", "claim_kind": c["kind"] or "",
            "content": c["content"] or "", "outlet": c["outlet"] or "", "url": c["url"] or "",
        }
        if earliest is not None and claim_at is not None:
            ahead = (earliest - claim_at).total_seconds()
            base["before_any_evidence"] = ahead > 0
            base["before_any_by"] = human_span(ahead) if ahead > 0 else ""
            base["before_any_s"] = ahead if ahead > 0 else 0.0
        else:
            base.update(before_any_evidence=None, before_any_by="", before_any_s=None)
        for link_row in links.get(c["id"]) or [None]:
            row = dict(base)
            if link_row is None:
                row.update(evidence_id="", relation="", why="", evidence_kind="", evidence_name="",
                           evidence_time=None, evidence_time_basis="", order="no evidence linked",
                           claim_lead_s=None)
            else:
                ev_at, basis = times[link_row["evidence_id"]]
                order, lead = _order(claim_at, ev_at)
                row.update(evidence_id=link_row["evidence_id"], relation=link_row["relation"],
                           why=link_row["why"] or "", evidence_kind=link_row["kind"],
                           evidence_name=link_row["original_name"], evidence_time=ev_at.isoformat(),
                           evidence_time_basis=basis, order=order, claim_lead_s=lead)
            rows.append(row)
    rows.sort(key=lambda r: (r["claim_time"] is None, r["claim_time"] or "", r["claim_id"],
                             r["evidence_time"] or ""))
    return rows
