"""The append-only custody log: one hash chain per incident, and verification of vault and chain."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import CustodyError, NotFoundError
from ..store import db_time
from ..timeutil import ensure_utc, now_utc
from .hashing import hash_file
from .records import CustodyEntry, Finding, VerifyReport, item_from_row
from .signatures import CUSTODY_ACTIONS
from .standalone import GENESIS, details_of, entry_hash, walk_chain
from .vault import Vault, vault_for

COLUMNS = ("chain", "seq", "evidence_id", "action", "actor", "logged_at", "details", "prev_hash", "entry_hash")


def stamp(value: datetime) -> str:
    """The canonical text of a log time: UTC, microseconds, 'Z' (what the entry hash covers)."""
    return ensure_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _plain(details: dict[str, Any] | None) -> dict[str, Any]:
    """Details as they will read back from JSON (so the hash is computed over what is stored)."""
    return json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))


def append_entry(store, chain: str, action: str, *, actor: str, evidence_id: str | None = None,
                 details: dict[str, Any] | None = None, at: datetime | None = None) -> CustodyEntry:
    """Append one entry to a chain; call inside ``store.transaction()`` with the write that it records."""
    if action not in CUSTODY_ACTIONS:
        raise CustodyError(f"unknown custody action {action!r} (one of {', '.join(CUSTODY_ACTIONS)})")
    logged = (at or now_utc()).astimezone(UTC)
    clean = _plain(details)
    with store.transaction() as con:
        last = con.execute(
            "SELECT seq, entry_hash FROM custody_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", [chain]
        ).fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        body = {"chain": chain, "seq": seq, "evidence_id": evidence_id, "action": action,
                "actor": actor, "logged_at": stamp(logged), "details": clean, "prev_hash": prev}
        digest = entry_hash(body)
        con.execute(
            f"INSERT INTO custody_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
            [chain, seq, evidence_id, action, actor, db_time(logged),
             json.dumps(clean, ensure_ascii=False), prev, digest],
        )
    return CustodyEntry(chain, seq, evidence_id, action, actor, logged, clean, prev, digest)


def insert_entries(store, entries: list[dict[str, Any]]) -> None:
    """Insert entries verbatim (already chained, e.g. from a verified dossier) inside a transaction."""
    with store.transaction() as con:
        for e in entries:
            logged = datetime.strptime(e["logged_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
            con.execute(
                f"INSERT INTO custody_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
                [e["chain"], e["seq"], e["evidence_id"], e["action"], e["actor"], db_time(logged),
                 json.dumps(e["details"], ensure_ascii=False), e["prev_hash"], e["entry_hash"]],
            )


def entry_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A stored log row as the dict that gets hashed (and exported to JSONL)."""
    out = {k: row.get(k) for k in COLUMNS}
    out["logged_at"] = stamp(row["logged_at"]) if row.get("logged_at") is not None else None
    raw = row.get("details")
    try:
        out["details"] = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError as exc:
        out["details"] = raw
        out["_unparseable"] = f"details are not valid JSON ({exc})"
    return out


def chain_rows(store, chain: str) -> list[dict[str, Any]]:
    """A chain's entries as hashable dicts, in seq order."""
    rows = store.query("SELECT * FROM custody_log WHERE chain = ? ORDER BY seq", [chain])
    return [entry_dict(r) for r in rows]


def entries(store, incident: str | None = None, *, evidence_id: str | None = None) -> list[CustodyEntry]:
    """Custody entries, optionally of one incident (name or id) or one evidence item, in order."""
    where, params = [], []
    if incident:
        where.append("chain = ?")
        params.append(store.get_incident(incident).id)
    if evidence_id:
        where.append("evidence_id = ?")
        params.append(evidence_id)
    sql = "SELECT * FROM custody_log" + (" WHERE " + " AND ".join(where) if where else "")
    out = []
    for r in store.query(sql + " ORDER BY chain, seq", params):
        d = entry_dict(r)
        out.append(CustodyEntry(d["chain"], d["seq"], d["evidence_id"], d["action"], d["actor"] or "",
                                ensure_utc(r["logged_at"]),
                                d["details"] if isinstance(d["details"], dict) else {},
                                d["prev_hash"], d["entry_hash"]))
    return out


def optional_vault(store, vault: str | Path | Vault | None) -> Vault | None:
    """The store's vault, or None for an in-memory store without one."""
    try:
        return vault_for(store, vault)
    except CustodyError:
        return None


def sync_head(store, vault: Vault | None, chain: str) -> None:
    """Mirror a chain's latest entry into the vault (a truncated log then shows up in verify)."""
    if vault is None:
        return
    last = store.query("SELECT seq, entry_hash FROM custody_log WHERE chain = ? ORDER BY seq DESC LIMIT 1",
                       [chain])
    if last:
        vault.write_head(chain, int(last[0]["seq"]), last[0]["entry_hash"])


def log_event(store, evidence_id: str, action: str, *, actor: str, details: dict[str, Any] | None = None,
              vault: str | Path | Vault | None = None) -> CustodyEntry:
    """Record that someone viewed, analysed or copied an evidence item (appends to its incident's chain)."""
    rows = store.query("SELECT incident_id FROM evidence WHERE id = ?", [evidence_id])
    if not rows:
        raise NotFoundError(f"no evidence item {evidence_id!r}")
    entry = append_entry(store, rows[0]["incident_id"], action, actor=actor, evidence_id=evidence_id,
                         details=details)
    sync_head(store, optional_vault(store, vault), entry.chain)
    return entry


# -- verification ---------------------------------------------------------------------------------
def _fail(report: VerifyReport, kind: str, message: str, **where: Any) -> None:
    report.findings.append(Finding("failed", kind, message, **where))


def _check_chain(store, vault: Vault | None, chain: str, report: VerifyReport) -> dict[str, dict]:
    """Walk one chain and its mirrored head; return the first acquisition entry per evidence id."""
    rows = chain_rows(store, chain)
    report.entries_checked += len(rows)
    for p in walk_chain(chain, rows):
        report.findings.append(Finding("failed", p["kind"], p["message"], evidence_id=p.get("evidence_id"),
                                       chain=chain, seq=p.get("seq"), expected=p.get("expected"),
                                       found=p.get("found")))
    last = rows[-1] if rows else None
    report.chains[chain] = last["entry_hash"] if last else GENESIS
    head = vault.read_head(chain) if vault is not None else None
    if vault is not None and last is not None and head is None:
        report.findings.append(Finding("warning", "head", f"chain {chain}: no mirrored head file in the "
                                       "vault", chain=chain))
    elif head is not None:
        by_seq = {r["seq"]: r for r in rows}
        hseq = head.get("seq")
        if last is None or (isinstance(hseq, int) and hseq > last["seq"]):
            _fail(report, "truncated", f"chain {chain}: the vault's head file records entry {hseq} but the "
                  f"log ends at {last['seq'] if last else 0} (entries removed)", chain=chain, seq=hseq,
                  expected=hseq, found=last["seq"] if last else 0)
        elif hseq not in by_seq or by_seq[hseq]["entry_hash"] != head.get("entry_hash"):
            _fail(report, "head", f"chain {chain}: entry {hseq} differs from the hash mirrored in the vault "
                  "(history rewritten)", chain=chain, seq=hseq, expected=head.get("entry_hash"),
                  found=by_seq.get(hseq, {}).get("entry_hash"))
        elif hseq < last["seq"]:
            report.findings.append(Finding("warning", "head", f"chain {chain}: head file lags at entry "
                                           f"{hseq} of {last['seq']} (interrupted write?)", chain=chain))
    acquired: dict[str, dict] = {}
    for r in rows:
        if r["action"] == "acquired" and not details_of(r).get("additional"):
            acquired.setdefault(r["evidence_id"], r)
    return acquired


def _check_file(vault: Vault, item, cache: dict[str, Any], report: VerifyReport) -> None:
    try:
        path = vault.path_for(item.sha256)
    except CustodyError as exc:
        _fail(report, "register-mismatch", f"evidence {item.id}: {exc.reason}", evidence_id=item.id)
        return
    if item.sha256 not in cache:
        try:
            cache[item.sha256] = hash_file(path)
        except FileNotFoundError:
            cache[item.sha256] = "missing"
        except OSError as exc:
            cache[item.sha256] = exc
    got = cache[item.sha256]
    report.files_checked += 1
    if got == "missing":
        _fail(report, "file-missing", f"evidence {item.id} ({item.original_name}): vault file "
              f"{item.vault_path} is missing", evidence_id=item.id, path=str(path))
    elif isinstance(got, OSError):
        report.files_checked -= 1
        report.findings.append(Finding("not-checked", "unreadable", f"evidence {item.id}: cannot read "
                                       f"{path}: {got.strerror or got}", evidence_id=item.id, path=str(path)))
    else:
        bad = [k for k in ("sha256", "blake2b", "size") if getattr(item, k) != getattr(got, k)]
        if bad:
            _fail(report, "file-changed", f"evidence {item.id} ({item.original_name}): vault file changed "
                  f"({', '.join(bad)} differ; now {got.size} bytes, registered {item.size})",
                  evidence_id=item.id, expected=item.sha256, found=got.sha256, path=str(path))
        else:
            report.files_passed += 1


def _check_items(store, vault: Vault, chains: list[str], acquired: dict[str, dict],
                 report: VerifyReport) -> set[str]:
    rows = store.query("SELECT * FROM evidence WHERE incident_id IN (SELECT unnest(?::VARCHAR[])) "
                       "ORDER BY acquired_at, id", [chains])
    cache: dict[str, Any] = {}
    seen = set()
    for row in rows:
        item = item_from_row(row)
        seen.add(item.id)
        entry = acquired.get(item.id)
        if entry is None:
            _fail(report, "register-mismatch", f"evidence {item.id}: no 'acquired' entry in chain "
                  f"{item.incident_id}", evidence_id=item.id, chain=item.incident_id)
        else:
            recorded = details_of(entry).get("item") or {}
            current = item.to_dict()
            for key in sorted(set(recorded) | set(current)):
                if recorded.get(key) != current.get(key):
                    _fail(report, "register-mismatch", f"evidence {item.id}: register field {key!r} "
                          f"differs from its acquisition entry {entry['seq']}", evidence_id=item.id,
                          chain=item.incident_id, seq=entry["seq"], expected=recorded.get(key),
                          found=current.get(key))
        expected_path = Vault.rel_path(item.sha256) if _is_hex(item.sha256) else None
        if expected_path is not None and item.vault_path != expected_path:
            _fail(report, "register-mismatch", f"evidence {item.id}: vault path {item.vault_path!r} does "
                  "not follow from its SHA-256", evidence_id=item.id)
        _check_file(vault, item, cache, report)
    for eid, entry in acquired.items():
        if eid not in seen:
            _fail(report, "register-mismatch", f"chain {entry['chain']} entry {entry['seq']} acquired "
                  f"evidence {eid}, which the register no longer holds", evidence_id=eid,
                  chain=entry["chain"], seq=entry["seq"])
    return seen


def _is_hex(value: str) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _housekeeping(store, vault: Vault, report: VerifyReport, clean: bool) -> None:
    known = {r["sha256"] for r in store.query("SELECT DISTINCT sha256 FROM evidence")}
    for name, path in vault.iter_files():
        if name in known:
            continue
        what = "orphan (no register entry; an interrupted add?)" if _is_hex(name) else "stray file"
        if clean:
            vault.remove(path)
            what += ", removed"
        report.findings.append(Finding("warning", "orphan", f"{path.relative_to(vault.root)}: {what}",
                                       path=str(path)))
    for tmp in vault.temp_files():
        if clean:
            tmp.chmod(0o644)
            tmp.unlink()
        report.findings.append(Finding("warning", "partial", f"tmp/{tmp.name}: partial write left by an "
                                       "interrupted add" + (", removed" if clean else ""), path=str(tmp)))


def verify(store, incident: str | None = None, *, vault: str | Path | Vault | None = None,
           record: bool = True, by: str | None = None, clean: bool = False) -> VerifyReport:
    """Re-hash every vault file of the incident (or of all) and walk the custody chains.

    Every changed file, changed or missing log entry, register row that no longer matches its
    acquisition entry, and truncated log is a "failed" finding naming the evidence item and entry
    seq, with expected and found values. Unreadable files are "not-checked". Orphan files and
    partial writes are warnings (``clean=True`` removes them). With ``record``, a "verified" entry
    with the outcome is appended to each chain checked.
    """
    v = vault_for(store, vault)
    if incident:
        chains = [store.get_incident(incident).id]
    else:
        chains = sorted({r["chain"] for r in store.query("SELECT DISTINCT chain FROM custody_log")}
                        | {r["incident_id"] for r in store.query("SELECT DISTINCT incident_id FROM evidence")})
    report = VerifyReport()
    acquired: dict[str, dict] = {}
    for chain in chains:
        acquired.update(_check_chain(store, v, chain, report))
    _check_items(store, v, chains, acquired, report)
    _housekeeping(store, v, report, clean)
    if record and chains:
        actor = by or default_actor()
        outcome = "failed" if report.failed else ("incomplete" if report.not_checked else "passed")
        with store.transaction():
            for chain in chains:
                append_entry(store, chain, "verified", actor=actor, details={
                    "result": outcome, "files_checked": report.files_checked,
                    "failed": len(report.failed), "not_checked": len(report.not_checked),
                    "head_before": report.chains.get(chain)})
        for chain in chains:
            sync_head(store, v, chain)
    return report


def default_actor() -> str:
    """Who is acting when no name is given: $STORYRADAR_USER, else the login name."""
    import getpass
    import os

    try:
        return os.environ.get("STORYRADAR_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
