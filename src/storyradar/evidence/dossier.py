"""Evidence dossiers: export an incident's files, manifest, custody log and verifier; import after checks."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ..errors import CustodyError
from ..store import db_time
from ..store.codec import incident_from_dict, incident_to_dict
from ..timeutil import now_utc
from . import standalone
from .custody import append_entry, chain_rows, default_actor, insert_entries, sync_head, verify
from .records import item_from_dict
from .register import ITEM_COLUMNS, _row, list_evidence
from .vault import Vault, safe_relpath, vault_for

CSV_FIELDS = ("id", "kind", "original_name", "mime", "size", "sha256", "blake2b", "path", "source_url",
              "first_seen_at", "acquired_by", "acquired_at", "acquired_how", "note", "media")
README = """storyradar evidence dossier — incident {name}

Contents
  manifest.json       every evidence item with its hashes (SHA-256, BLAKE2b), size and metadata
  manifest.csv        the same items as a table
  custody_log.jsonl   the incident's custody chain; each entry holds the SHA-256 of the one before
  files/sha256/...    the evidence files, named by their SHA-256
  report/             the incident report, when one was included
  verify_dossier.py   a checker that needs only Python's standard library

Check it:  python -I verify_dossier.py            (inside the unzipped folder)
      or:  python -I verify_dossier.py dossier.zip
The chain head (latest entry hash) is in manifest.json under chain.head; compare it with
any copy published elsewhere.
"""
TEXT = zipfile.ZIP_DEFLATED


def _sha(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _csv(items: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({**item, "media": json.dumps(item.get("media") or {}, ensure_ascii=False,
                                                     sort_keys=True)})
    return buf.getvalue().encode("utf-8")


def _report_files(report_dir: str | Path | None) -> list[tuple[str, Path]]:
    if report_dir is None:
        return []
    root = Path(report_dir)
    if not root.is_dir():
        raise CustodyError("report folder not found", path=str(root))
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            raise CustodyError("symbolic links are not exported", path=str(path))
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            safe_relpath(rel)
            out.append((f"report/{rel}", path))
    return out


def _links(store, ids: list[str]) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT l.evidence_id, l.claim_id, l.relation, l.why, l.by_whom, l.linked_at, c.speaker, "
        "c.content, c.published_at AS claim_published_at FROM evidence_links l LEFT JOIN claims c "
        "ON c.id = l.claim_id WHERE l.evidence_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY l.linked_at, l.evidence_id, l.claim_id", [ids])
    return json.loads(json.dumps(rows, default=lambda v: v.isoformat() + "Z" if hasattr(v, "isoformat")
                                 else str(v)))


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=now_utc().timetuple()[:6])
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def export_dossier(store, incident: str, out_zip: str | Path, *, report_dir: str | Path | None = None,
                   by: str | None = None, vault: str | Path | Vault | None = None) -> dict[str, Any]:
    """Write a self-verifying dossier zip of an incident's evidence; return a summary.

    The vault and chain are verified first (a failing vault is not exported). The zip holds the
    files, manifest.json/.csv, custody_log.jsonl (ending with this export's entry, which records
    the manifest's digest), the report folder if given, and ``verify_dossier.py`` (standard library
    only). The zip appears under ``out_zip`` only once complete.
    """
    inc = store.get_incident(incident)
    v = vault_for(store, vault)
    check = verify(store, inc.id, vault=v, record=False)
    if not check.ok:
        first = (check.failed or check.not_checked)[0]
        raise CustodyError(f"refusing to export: {len(check.failed)} checks failed, "
                           f"{len(check.not_checked)} not checked; first: {first.message}",
                           hint=f"run: storyradar evidence verify --incident {inc.name}")
    items = [{**i.to_dict(), "path": standalone.item_path(i.sha256)} for i in list_evidence(store, inc.id)]
    extras: dict[str, bytes | Path] = {
        "manifest.csv": _csv(items),
        "verify_dossier.py": Path(standalone.__file__).read_bytes(),
    }
    extras.update(dict(_report_files(report_dir)))
    actor = by or default_actor()
    out = Path(out_zip)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=".dossier-", suffix=".part")
    os.close(fd)
    try:
        with store.transaction():
            rows = chain_rows(store, inc.id)
            extras["README.txt"] = README.format(name=inc.name).encode("utf-8")
            files = []
            for name, src in sorted(extras.items()):
                meta = _sha(src) if isinstance(src, bytes) else {**_file_sha(src)}
                files.append({"path": name, **meta})
            core = {"format": standalone.FORMAT, "version": 1, "created_at": now_utc().isoformat(),
                    "created_by": actor, "incident": incident_to_dict(inc), "items": items,
                    "links": _links(store, [i["id"] for i in items]), "files": files}
            entry = append_entry(store, inc.id, "exported", actor=actor, details={
                "out": out.name, "items": len(items), "files": len(files),
                "manifest_sha256": standalone.manifest_digest(core), "after_seq": len(rows)})
            rows = chain_rows(store, inc.id)
            manifest = {**core, "chain": {"id": inc.id, "entries": len(rows), "head": entry.entry_hash}}
            _write_zip(tmp_name, v, manifest, rows, extras)
        os.replace(tmp_name, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    sync_head(store, v, inc.id)
    return {"path": str(out), "incident": inc.name, "items": len(items), "entries": len(rows),
            "head": entry.entry_hash, "manifest_sha256": entry.details["manifest_sha256"]}


def _file_sha(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        d = standalone.digest(fh)
    return {"sha256": d["sha256"], "size": d["size"]}


def _write_zip(path: str, vault: Vault, manifest: dict, rows: list[dict], extras: dict) -> None:
    with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
        zf.writestr(_info("manifest.json", TEXT),
                    json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
        log = "".join(json.dumps({k: v for k, v in r.items() if not k.startswith("_")},
                                 ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
        zf.writestr(_info("custody_log.jsonl", TEXT), log)
        for name, src in sorted(extras.items()):
            if isinstance(src, bytes):
                zf.writestr(_info(name, TEXT), src)
            else:
                zf.write(src, name, compress_type=TEXT)
        for item in manifest["items"]:
            sha = hashlib.sha256()
            with open(vault.path_for(item["sha256"]), "rb") as src, \
                    zf.open(_info(item["path"], zipfile.ZIP_STORED), "w",
                            force_zip64=item["size"] > 2**31) as dst:
                while chunk := src.read(1 << 20):
                    sha.update(chunk)
                    dst.write(chunk)
            if sha.hexdigest() != item["sha256"]:
                raise CustodyError(f"vault file changed during export (item {item['id']})",
                                   path=str(vault.path_for(item["sha256"])))
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def import_dossier(store, zip_path: str | Path, *, by: str | None = None,
                   vault: str | Path | Vault | None = None) -> dict[str, Any]:
    """Verify a dossier and only then take its incident, files, custody chain and links into the store.

    A dossier that fails any check (changed file, changed log entry, edited manifest, unsafe member
    name) is refused with the precise reason and nothing is written. A local chain for the same
    incident must be a prefix of the dossier's (or the other way round); divergent history is refused.
    """
    path = str(zip_path)
    result = standalone.verify(path)
    if not result["ok"]:
        first = result["failures"][0]
        raise CustodyError(f"refusing the dossier: {len(result['failures'])} check(s) failed; first: "
                           f"[{first['kind']}] {first['message']}", path=path)
    v = vault_for(store, vault).ensure()
    src = standalone.DossierSource(path)
    try:
        manifest = json.loads(src.read("manifest.json"))
        entries, _ = standalone.read_log(src.read("custody_log.jsonl"))
        entries.sort(key=lambda e: e["seq"])
        inc = incident_from_dict(manifest["incident"])
        chain = manifest["chain"]["id"]
        if inc.id != chain or any(i["incident_id"] != chain for i in manifest["items"]):
            raise CustodyError("the dossier's incident, chain and items disagree", path=path)
        local = chain_rows(store, chain)
        common = min(len(local), len(entries))
        for a, b in zip(local[:common], entries[:common], strict=True):
            if a["entry_hash"] != b["entry_hash"]:
                raise CustodyError(f"the local custody chain of {inc.name} diverges from the dossier's at "
                                   f"entry {a['seq']}", path=path, hint="import into another store")
        new_entries = entries[len(local):]
        present = {r["id"] for r in store.query("SELECT id FROM evidence WHERE incident_id = ?", [chain])}
        for item in manifest["items"]:
            with src.open(item["path"]) as fh:
                v.put_stream(fh, expect_sha256=item["sha256"])
    finally:
        src.close()
    actor = by or default_actor()
    added_items = [item_from_dict(i) for i in manifest["items"] if i["id"] not in present]
    known_claims = {r["id"] for r in store.query("SELECT id FROM claims")}
    links = [lk for lk in manifest.get("links", []) if lk["claim_id"] in known_claims]
    with store.transaction() as con:
        if not store.query("SELECT id FROM incidents WHERE id = ?", [chain]):
            store.save_incident(inc)
        for item in added_items:
            con.execute(f"INSERT INTO evidence ({', '.join(ITEM_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in ITEM_COLUMNS)})", _row(item))
        insert_entries(store, new_entries)
        for lk in links:
            con.execute("INSERT INTO evidence_links VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [lk["evidence_id"], lk["claim_id"], lk["relation"], lk["why"], lk["by_whom"],
                         db_time(_parse_z(lk["linked_at"]))])
        append_entry(store, chain, "imported", actor=actor, details={
            "from": Path(path).name, "dossier_head": result["head"], "items_added": len(added_items),
            "entries_added": len(new_entries), "links_added": len(links)})
    sync_head(store, v, chain)
    return {"incident": inc.name, "items_added": len(added_items),
            "items_present": len(manifest["items"]) - len(added_items), "entries_added": len(new_entries),
            "links_added": len(links), "links_skipped": len(manifest.get("links", [])) - len(links),
            "dossier_head": result["head"]}


def _parse_z(text: str | None):
    from ..timeutil import parse_time

    return parse_time(text, what="linked_at")[0] if text else None
