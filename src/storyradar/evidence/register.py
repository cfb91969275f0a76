"""The evidence register: add files to an incident (vault copy, hashes, metadata, acquisition record)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import CustodyError, NotFoundError, StoryradarError
from ..model import Incident, stable_id
from ..store import db_time
from ..timeutil import now_utc, parse_time, to_utc
from .custody import append_entry, default_actor, sync_head
from .faults import pause_point
from .media import read_media
from .mime import detect, kind_for
from .records import EvidenceItem, item_from_row
from .vault import Vault, vault_for

ITEM_COLUMNS = (
    "id", "incident_id", "kind", "sha256", "blake2b", "size", "mime", "original_name", "vault_path",
    "source_url", "first_seen_at", "first_seen_offset_min", "acquired_by", "acquired_at", "acquired_how",
    "media", "note",
)
MIN_PREFIX = 4


def evidence_id(incident_id: str, sha256: str) -> str:
    """The id of a file registered for an incident (the same file for another incident gets another id)."""
    return stable_id("evidence", incident_id, sha256)


def _first_seen(value: str | datetime | None) -> tuple[datetime | None, int | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return to_utc(value, what="first-seen time")
    return parse_time(str(value), what="first-seen time")


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def _row(item: EvidenceItem) -> list[Any]:
    return [item.id, item.incident_id, item.kind, item.sha256, item.blake2b, item.size, item.mime,
            item.original_name, item.vault_path, item.source_url, db_time(item.first_seen_at),
            item.first_seen_offset_min, item.acquired_by, db_time(item.acquired_at), item.acquired_how,
            json.dumps(item.media, ensure_ascii=False), item.note]


def add_evidence(store, paths: Iterable[str | Path], *, incident: str, source_url: str | None = None,
                 first_seen: str | datetime | None = None, by: str | None = None, how: str = "file",
                 note: str | None = None, vault: str | Path | Vault | None = None) -> list[EvidenceItem]:
    """Copy files into the vault and register them as evidence of ``incident`` (name or id).

    Each file is hashed while it is copied (SHA-256, BLAKE2b, size), typed by its content, read for
    media metadata (EXIF, ffprobe) and recorded together with its acquisition (who, when, how, from
    where) and an "acquired" custody entry, in one transaction after the file is safely in place.
    Adding the same file again with the same origin changes nothing; with another origin the extra
    origin is logged. ``first_seen`` must carry a time zone.
    """
    inc = store.get_incident(incident)
    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise NotFoundError("no such file" if not f.exists() else "not a regular file", path=str(f))
    seen_at, seen_off = _first_seen(first_seen)
    v = vault_for(store, vault).ensure()
    actor = by or default_actor()
    origin = {"source_url": source_url, "first_seen_at": seen_at, "first_seen_offset_min": seen_off,
              "by": actor, "how": how, "note": note}
    return [register_file(store, v, inc, f, origin) for f in files]


def register_file(store, vault: Vault, inc: Incident, path: Path, origin: dict[str, Any],
                  extra_media: dict[str, Any] | None = None, name: str | None = None) -> EvidenceItem:
    """Put one file in the vault and record it (the core of :func:`add_evidence` and capture)."""
    try:
        placed = vault.put_file(path, on_chunk=lambda _n: pause_point("copying"))
    except OSError as exc:
        raise CustodyError(f"cannot copy into the vault: {exc.strerror or exc}", path=str(path)) from exc
    pause_point("placed")
    stored = vault.resolve(placed.rel_path)
    original = name or path.name
    typed = detect(stored, name=original)
    media = read_media(stored, typed["mime"])
    media["mime_detection"] = typed
    if extra_media:
        media.update(extra_media)
    item = EvidenceItem(
        id=evidence_id(inc.id, placed.digest.sha256), incident_id=inc.id, kind=kind_for(typed["mime"]),
        sha256=placed.digest.sha256, blake2b=placed.digest.blake2b, size=placed.digest.size,
        mime=typed["mime"], original_name=original, vault_path=placed.rel_path,
        source_url=origin.get("source_url"), first_seen_at=origin.get("first_seen_at"),
        first_seen_offset_min=origin.get("first_seen_offset_min"), acquired_by=origin["by"],
        acquired_at=now_utc(), acquired_how=origin.get("how") or "file", media=_plain(media),
        note=origin.get("note"),
    )
    where = {"source_url": item.source_url, "first_seen_at": item.to_dict()["first_seen_at"],
             "by": item.acquired_by, "how": item.acquired_how, "note": item.note,
             "source_path": os.path.abspath(path) if item.acquired_how == "file" else None}
    with store.transaction() as con:
        existing = con.execute("SELECT * FROM evidence WHERE id = ?", [item.id]).fetchall()
        if existing:
            cols = [d[0] for d in con.description]
            old = item_from_row(dict(zip(cols, existing[0], strict=True)))
            first = old.to_dict()
            if all(first.get(k) == v for k, v in (("source_url", where["source_url"]),
                   ("first_seen_at", where["first_seen_at"]), ("acquired_by", where["by"]),
                   ("acquired_how", where["how"]), ("note", where["note"]))):
                return old
            append_entry(store, inc.id, "acquired", actor=item.acquired_by, evidence_id=item.id,
                         details={"additional": True, "origin": where, "sha256": item.sha256})
            result = old
        else:
            con.execute(f"INSERT INTO evidence ({', '.join(ITEM_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in ITEM_COLUMNS)})", _row(item))
            append_entry(store, inc.id, "acquired", actor=item.acquired_by, evidence_id=item.id,
                         details={"item": item.to_dict(), "origin": where,
                                  "vault_file": "new" if placed.created else "already in vault"})
            result = item
        pause_point("recording")
    pause_point("committed")
    sync_head(store, vault, inc.id)
    return result


def resolve_id(store, ref: str) -> str:
    """The evidence id that ``ref`` names: a full id, a unique id prefix or a full SHA-256."""
    ref = ref.strip().lower()
    rows = store.query("SELECT id FROM evidence WHERE id = ? OR sha256 = ?", [ref, ref])
    if not rows and len(ref) >= MIN_PREFIX:
        rows = store.query("SELECT id FROM evidence WHERE starts_with(id, ?) ORDER BY id LIMIT 6", [ref])
    ids = sorted({r["id"] for r in rows})
    if not ids:
        raise NotFoundError(f"no evidence item with id {ref!r}",
                            hint="list them with: storyradar evidence list")
    if len(ids) > 1:
        raise StoryradarError(f"evidence id prefix {ref!r} is ambiguous: {', '.join(ids)}",
                              hint="give more characters")
    return ids[0]


def get_evidence(store, ref: str) -> EvidenceItem:
    """One evidence item by id, unique id prefix or SHA-256."""
    rows = store.query("SELECT * FROM evidence WHERE id = ?", [resolve_id(store, ref)])
    return item_from_row(rows[0])


def list_evidence(store, incident: str | None = None) -> list[EvidenceItem]:
    """Registered evidence, of one incident (name or id) or of all, in order of acquisition."""
    if incident:
        rows = store.query("SELECT * FROM evidence WHERE incident_id = ? ORDER BY acquired_at, id",
                           [store.get_incident(incident).id])
    else:
        rows = store.query("SELECT * FROM evidence ORDER BY acquired_at, id")
    return [item_from_row(r) for r in rows]
