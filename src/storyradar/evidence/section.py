"""The evidence section of the incident report: register, claims ↔ evidence in time order, custody status."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CustodyError
from .custody import entries, verify
from .links import claims_vs_evidence, human_span
from .register import list_evidence
from .vault import Vault

if TYPE_CHECKING:  # pragma: no cover
    from ..report.section import ReportSection

NOTES = [
    "Each file is identified by its SHA-256 and BLAKE2b digests, computed while it was copied into the "
    "vault; verification re-computes them from the stored bytes.",
    "The custody log is a hash chain: every entry records the SHA-256 of the entry before it, so a "
    "change to any past entry breaks the chain from that point. The chain head can be published "
    "elsewhere so that a wholesale rewrite can be detected too.",
    "Evidence time is the time the item was first seen where one was given, else the time it was "
    "registered here; it is not the time the depicted events happened.",
    "EXIF capture times without an offset tag are camera local time in an unknown zone and are shown "
    "as such, never converted to UTC.",
]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _captured(media: dict) -> str:
    cap = media.get("captured") or {}
    if cap.get("utc"):
        return f"{cap['utc']} (EXIF, offset {cap.get('offset')})"
    if cap.get("local"):
        return f"{cap['local']} (EXIF, zone unknown)"
    if media.get("creation_time"):
        return f"{media['creation_time']} (container)"
    return ""


def _gps(media: dict) -> str:
    gps = media.get("gps") or media.get("location") or {}
    if "latitude" in gps and "longitude" in gps:
        return f"{gps['latitude']:.5f}, {gps['longitude']:.5f}"
    return ""


def section(store, incident: str, *, vault: str | Path | Vault | None = None) -> ReportSection | None:
    """The report section for an incident's evidence, or None when it has no evidence and no log.

    Verification here re-hashes the files but records nothing (a report does not change the chain).
    """
    from ..report.section import ReportSection

    inc = store.get_incident(incident)
    items = list_evidence(store, inc.id)
    log = entries(store, inc.id)
    if not items and not log:
        return None
    register = [{
        "id": i.id, "kind": i.kind, "name": i.original_name, "mime": i.mime, "size": i.size,
        "sha256": i.sha256, "source_url": i.source_url or "", "first_seen": i.to_dict()["first_seen_at"] or "",
        "captured": _captured(i.media), "gps": _gps(i.media), "acquired_by": i.acquired_by,
        "acquired_at": i.acquired_at.isoformat(), "how": i.acquired_how, "note": i.note or "",
    } for i in items]
    pairs = claims_vs_evidence(store, inc.name)
    custody = [{"seq": e.seq, "logged_at": e.logged_at.isoformat(), "action": e.action, "actor": e.actor,
                "evidence_id": e.evidence_id or "", "entry_hash": e.entry_hash} for e in log]
    kinds = Counter(i.kind for i in items)
    summary = [f"{_n(len(items), 'evidence item')} registered"
               + (f" ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})." if items else ".")]
    try:
        report = verify(store, inc.id, vault=vault, record=False)
    except CustodyError as exc:
        summary.append(f"Custody chain: {len(log)} entries; files not checked ({exc.reason}).")
        checks: list[dict] = []
    else:
        state = ("all checks passed" if report.ok else
                 f"{len(report.failed)} checks failed, {len(report.not_checked)} not checked")
        summary.append(f"Custody chain: {len(log)} entries, head {report.chains.get(inc.id, '')[:16]}…; "
                       f"verification of {report.files_checked} files: {state}.")
        checks = [{"status": f.status, "kind": f.kind, "evidence_id": f.evidence_id or "",
                   "seq": f.seq, "message": f.message} for f in report.findings]
    claims = {r["claim_id"]: r for r in pairs}
    linked = {r["claim_id"] for r in pairs if r["evidence_id"]}
    early = [r for r in claims.values() if r.get("before_any_evidence")]
    summary.append(f"{_n(len(claims), 'claim')} about the incident; {len(linked)} linked to evidence.")
    if early:
        longest = max(early, key=lambda r: r["before_any_s"])
        summary.append(f"{_n(len(early), 'claim')} published before any evidence was first seen or "
                       f"registered; the earliest by {human_span(longest['before_any_s'])}.")
    notes = list(NOTES)
    if any((i.media or {}).get("ffprobe") == "not installed" for i in items):
        notes.append("ffprobe was not installed when some video/audio items were registered: their "
                     "duration and creation time were not read.")
    tables = {"register": register, "claims_vs_evidence": pairs, "custody": custody}
    if checks:
        tables["verification"] = checks
    return ReportSection(key="evidence", title="Evidence and chain of custody", summary=summary,
                         tables=tables, notes=notes)
