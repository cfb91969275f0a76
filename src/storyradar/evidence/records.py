"""Records of the evidence vault: registered items, custody entries, verification findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..timeutil import with_offset


@dataclass(slots=True)
class EvidenceItem:
    """One registered evidence file of an incident: identity (hashes), origin and acquisition.

    Times are aware UTC; ``first_seen_offset_min`` keeps the offset the first-seen time was given in.
    ``media`` holds what a library could read from the file (EXIF, ffprobe, capture details).
    """

    id: str
    incident_id: str
    kind: str
    sha256: str
    blake2b: str
    size: int
    mime: str
    original_name: str
    vault_path: str
    source_url: str | None
    first_seen_at: datetime | None
    first_seen_offset_min: int | None
    acquired_by: str
    acquired_at: datetime
    acquired_how: str
    media: dict[str, Any] = field(default_factory=dict)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (times in ISO 8601, first-seen in its original offset)."""
        return {
            "id": self.id, "incident_id": self.incident_id, "kind": self.kind, "sha256": self.sha256,
            "blake2b": self.blake2b, "size": self.size, "mime": self.mime,
            "original_name": self.original_name, "vault_path": self.vault_path,
            "source_url": self.source_url,
            "first_seen_at": with_offset(self.first_seen_at, self.first_seen_offset_min) or None,
            "first_seen_offset_min": self.first_seen_offset_min,
            "acquired_by": self.acquired_by, "acquired_at": with_offset(self.acquired_at, 0),
            "acquired_how": self.acquired_how, "media": self.media, "note": self.note,
        }


@dataclass(slots=True, frozen=True)
class CustodyEntry:
    """One entry of an incident's append-only custody chain."""

    chain: str
    seq: int
    evidence_id: str | None
    action: str
    actor: str
    logged_at: datetime
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str


@dataclass(slots=True, frozen=True)
class Finding:
    """One verification result that is not a pass: where, what was expected and what was found.

    ``status`` is "failed" (a check ran and did not pass), "not-checked" (a check could not run)
    or "warning" (housekeeping: orphans, partial writes, a lagging chain-head file).
    """

    status: str
    kind: str
    message: str
    evidence_id: str | None = None
    chain: str | None = None
    seq: int | None = None
    expected: Any = None
    found: Any = None
    path: str | None = None


@dataclass(slots=True)
class VerifyReport:
    """What ``verify`` checked and what it found; ``ok`` only when nothing failed or went unchecked."""

    files_checked: int = 0
    files_passed: int = 0
    entries_checked: int = 0
    chains: dict[str, str] = field(default_factory=dict)  # chain -> head entry hash
    findings: list[Finding] = field(default_factory=list)

    @property
    def failed(self) -> list[Finding]:
        """Checks that ran and did not pass."""
        return [f for f in self.findings if f.status == "failed"]

    @property
    def not_checked(self) -> list[Finding]:
        """Checks that could not run (e.g. an unreadable file)."""
        return [f for f in self.findings if f.status == "not-checked"]

    @property
    def warnings(self) -> list[Finding]:
        """Housekeeping notes: orphan files, partial writes, a lagging chain-head file."""
        return [f for f in self.findings if f.status == "warning"]

    @property
    def ok(self) -> bool:
        """True when every check ran and passed."""
        return not self.failed and not self.not_checked

    @property
    def exit_code(self) -> int:
        """0 all checked and passed, 1 something failed, 3 nothing failed but something went unchecked."""
        if self.failed:
            return 1
        return 3 if self.not_checked else 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary with every finding."""
        from dataclasses import asdict

        return {
            "ok": self.ok, "files_checked": self.files_checked, "files_passed": self.files_passed,
            "entries_checked": self.entries_checked, "chains": self.chains,
            "failed": len(self.failed), "not_checked": len(self.not_checked),
            "warnings": len(self.warnings), "findings": [asdict(f) for f in self.findings],
        }


def item_from_row(row: dict[str, Any]) -> EvidenceItem:
    """Rebuild an EvidenceItem from an ``evidence`` table row."""
    import json

    from ..timeutil import ensure_utc

    media = row.get("media")
    return EvidenceItem(
        id=row["id"], incident_id=row["incident_id"], kind=row.get("kind") or "other",
        sha256=row["sha256"], blake2b=row.get("blake2b") or "", size=int(row.get("size") or 0),
        mime=row.get("mime") or "", original_name=row.get("original_name") or "",
        vault_path=row.get("vault_path") or "", source_url=row.get("source_url"),
        first_seen_at=ensure_utc(row.get("first_seen_at")),
        first_seen_offset_min=row.get("first_seen_offset_min"),
        acquired_by=row.get("acquired_by") or "", acquired_at=ensure_utc(row.get("acquired_at")),
        acquired_how=row.get("acquired_how") or "",
        media=json.loads(media) if isinstance(media, str) and media else (media or {}),
        note=row.get("note"),
    )


def item_from_dict(data: dict[str, Any]) -> EvidenceItem:
    """Rebuild an EvidenceItem from :meth:`EvidenceItem.to_dict` output (e.g. a dossier manifest)."""
    from ..timeutil import parse_time

    seen = parse_time(data["first_seen_at"], what="first_seen_at")[0] if data.get("first_seen_at") else None
    return EvidenceItem(
        id=data["id"], incident_id=data["incident_id"], kind=data["kind"], sha256=data["sha256"],
        blake2b=data["blake2b"], size=int(data["size"]), mime=data["mime"],
        original_name=data["original_name"], vault_path=data["vault_path"], source_url=data.get("source_url"),
        first_seen_at=seen, first_seen_offset_min=data.get("first_seen_offset_min"),
        acquired_by=data["acquired_by"], acquired_at=parse_time(data["acquired_at"], what="acquired_at")[0],
        acquired_how=data["acquired_how"], media=data.get("media") or {}, note=data.get("note"),
    )
