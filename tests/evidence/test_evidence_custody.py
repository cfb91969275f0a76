"""Custody chain and verify: every single-byte change to a vault file or a past log entry is detected."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from evidence_helpers import INCIDENT, make_jpeg

from storyradar.errors import CustodyError, NotFoundError
from storyradar.evidence import add_evidence, entries, log_event, verify
from storyradar.evidence import custody as custody_mod
from storyradar.evidence.standalone import GENESIS, entry_hash

FIELDS = ("chain", "seq", "evidence_id", "action", "actor", "logged_at", "details", "prev_hash", "entry_hash")


@pytest.fixture
def filled(store, incident, tmp_path):
    """Three registered files (two photos, one document) and a few more custody entries."""
    doc = tmp_path / "statement.txt"
    doc.write_text("A fictional statement, written for this test.\n" * 40)
    items = add_evidence(store, [make_jpeg(tmp_path / "a.jpg"), make_jpeg(tmp_path / "b.jpg", color=(1, 2, 3)),
                                 doc], incident=INCIDENT, by="analyst", source_url="https://example.test/x")
    log_event(store, items[0].id, "analysed", actor="analyst", details={"what": "shadow length", "m": 3.25})
    log_event(store, items[2].id, "viewed", actor="editor")
    report = verify(store, INCIDENT, by="auditor")
    assert report.ok
    return items


def _failed_at(report, chain: str, seq: int) -> bool:
    return any(f.status == "failed" and f.seq == seq and (f.chain or chain).startswith(chain[:3])
               for f in report.findings)


def _flip_text(value: str, pos: int) -> str:
    pos = pos % len(value)
    return value[:pos] + chr(ord(value[pos]) ^ 1) + value[pos + 1:]


def test_chain_links_each_entry_to_the_previous(store, filled):
    log = entries(store, INCIDENT)
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert log[0].prev_hash == GENESIS
    for before, after in zip(log, log[1:], strict=False):
        assert after.prev_hash == before.entry_hash
    rows = custody_mod.chain_rows(store, log[0].chain)
    assert all(entry_hash(r) == r["entry_hash"] for r in rows)
    assert [e.action for e in log] == ["acquired", "acquired", "acquired", "analysed", "viewed", "verified"]
    assert log[3].details == {"what": "shadow length", "m": 3.25}


@pytest.mark.parametrize("field", FIELDS)
def test_flipping_any_field_of_any_past_entry_is_detected(store, filled, field):
    chain = filled[0].incident_id
    n = len(entries(store, INCIDENT))
    detected, tried = 0, 0
    for seq in (1, 3, 4, n):  # first, middle and last entries, of different actions
        row = store.query("SELECT * FROM custody_log WHERE chain = ? AND seq = ?", [chain, seq])[0]
        for pos in (0, 7, -1):
            value = row[field]
            if field == "seq":
                new = value ^ (64 << (pos % 3))
            elif field == "logged_at":
                new = value + (timedelta(microseconds=1), timedelta(seconds=1), timedelta(days=366))[pos % 3]
            elif value is None:  # entries about no single item (e.g. "verified") have no evidence id
                new = "0"
            else:
                new = _flip_text(value, pos)
            store.execute(f"UPDATE custody_log SET {field} = ? WHERE chain = ? AND seq = ?", [new, chain, seq])
            report = verify(store, record=False)
            tried += 1
            if _failed_at(report, chain, seq):
                detected += 1
            where = {"chain": new} if field == "chain" else {"chain": chain}
            key_seq = new if field == "seq" else seq
            store.execute(f"UPDATE custody_log SET {field} = ? WHERE chain = ? AND seq = ?",
                          [value, where["chain"], key_seq])
            assert verify(store, record=False).ok, f"restoring {field} of entry {seq} did not restore the chain"
    assert detected == tried, f"{field}: detected {detected} of {tried} single changes"


def test_changed_entry_is_reported_with_expected_and_found_hash(store, filled):
    chain = filled[0].incident_id
    row = store.query("SELECT details FROM custody_log WHERE chain = ? AND seq = 4", [chain])[0]
    store.execute("UPDATE custody_log SET details = ? WHERE chain = ? AND seq = 4",
                  [row["details"].replace("3.25", "3.5"), chain])
    report = verify(store, record=False)
    [f] = [f for f in report.failed if f.kind == "entry-changed"]
    assert f.seq == 4 and f.evidence_id == filled[0].id
    assert f.expected == store.query("SELECT entry_hash FROM custody_log WHERE chain=? AND seq=4",
                                     [chain])[0]["entry_hash"]
    assert f.found != f.expected and len(f.found) == 64
    assert "entry 4 (analysed)" in f.message
    assert report.exit_code == 1


def test_deleted_middle_entry_is_a_gap(store, filled):
    chain = filled[0].incident_id
    store.execute("DELETE FROM custody_log WHERE chain = ? AND seq = 2", [chain])
    report = verify(store, record=False)
    assert any(f.kind == "seq" and f.seq == 2 and "entries 2..2 are missing" in f.message for f in report.failed)
    assert any(f.kind == "link" and f.seq == 3 for f in report.failed)
    assert any(f.kind == "register-mismatch" and f.evidence_id == filled[1].id for f in report.failed)


def test_truncated_log_is_caught_by_the_vault_head(store, filled):
    chain = filled[0].incident_id
    last = len(entries(store, INCIDENT))
    store.execute("DELETE FROM custody_log WHERE chain = ? AND seq = ?", [chain, last])
    report = verify(store, record=False)
    [f] = report.failed
    assert f.kind == "truncated" and f.expected == last and f.found == last - 1


def test_consistently_rewritten_history_is_caught_by_the_vault_head(store, filled):
    chain = filled[0].incident_id
    rows = custody_mod.chain_rows(store, chain)
    rows[1]["actor"] = "someone else"
    prev = rows[0]["entry_hash"]
    for r in rows[1:]:  # recompute every later hash, as a careful forger would
        r["prev_hash"] = prev
        r["entry_hash"] = prev = entry_hash(r)
        store.execute("UPDATE custody_log SET actor = ?, prev_hash = ?, entry_hash = ? WHERE chain = ? AND seq = ?",
                      [r["actor"], r["prev_hash"], r["entry_hash"], chain, r["seq"]])
    report = verify(store, record=False)
    assert [f.kind for f in report.failed] == ["head"]
    assert report.failed[0].seq == len(rows)


def test_flipping_any_byte_of_a_vault_file_is_detected(store, filled, vault):
    rng = random.Random(5)
    detected = tried = 0
    for item in filled:
        path = vault.path_for(item.sha256)
        original = path.read_bytes()
        positions = {0, 1, len(original) // 2, len(original) - 1} | {rng.randrange(len(original)) for _ in range(6)}
        path.chmod(0o644)
        for pos in sorted(positions):
            for mask in (0x01, 0x80):
                data = bytearray(original)
                data[pos] ^= mask
                path.write_bytes(bytes(data))
                report = verify(store, record=False)
                tried += 1
                hit = [f for f in report.failed if f.kind == "file-changed" and f.evidence_id == item.id
                       and f.expected == item.sha256]
                detected += bool(hit) and hit[0].found != item.sha256
        for variant in (original[:-1], original + b"\x00", b""):
            path.write_bytes(variant)
            tried += 1
            detected += any(f.kind == "file-changed" and f.evidence_id == item.id for f in verify(
                store, record=False).failed)
        path.write_bytes(original)
        path.chmod(0o444)
    assert detected == tried
    assert verify(store, record=False).ok


def test_missing_file_and_unreadable_file(store, filled, vault, monkeypatch):
    target = vault.path_for(filled[1].sha256)
    target.rename(target.with_suffix(".moved"))
    report = verify(store, record=False)
    [f] = [f for f in report.failed if f.kind == "file-missing"]
    assert f.evidence_id == filled[1].id and "b.jpg" in f.message
    target.with_suffix(".moved").rename(target)

    real = custody_mod.hash_file

    def denied(path, **kw):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real(path, **kw)

    monkeypatch.setattr(custody_mod, "hash_file", denied)
    report = verify(store, record=False)
    assert report.failed == []
    [nc] = report.not_checked
    assert nc.evidence_id == filled[1].id and "Permission denied" in nc.message
    assert report.ok is False and report.exit_code == 3
    assert report.files_checked == 2 and report.files_passed == 2


def test_register_row_changes_are_detected(store, filled):
    item = filled[0]
    store.execute("UPDATE evidence SET source_url = 'https://elsewhere.test/' WHERE id = ?", [item.id])
    report = verify(store, record=False)
    [f] = report.failed
    assert f.kind == "register-mismatch" and "'source_url'" in f.message and f.seq == 1
    assert (f.expected, f.found) == ("https://example.test/x", "https://elsewhere.test/")
    store.execute("UPDATE evidence SET source_url = 'https://example.test/x' WHERE id = ?", [item.id])
    store.execute("UPDATE evidence SET sha256 = ? WHERE id = ?", [_flip_text(item.sha256, 5), item.id])
    failed = verify(store, record=False).failed
    assert any(f.kind == "register-mismatch" and "'sha256'" in f.message for f in failed)
    store.execute("UPDATE evidence SET sha256 = ? WHERE id = ?", [item.sha256, item.id])
    store.execute("DELETE FROM evidence WHERE id = ?", [item.id])
    assert any("no longer holds" in f.message for f in verify(store, record=False).failed)


def test_orphans_and_partial_writes_are_warnings_and_can_be_cleaned(store, filled, vault, tmp_path):
    stray = tmp_path / "stray.bin"
    stray.write_bytes(b"never registered")
    placed = vault.put_file(stray)
    (vault.tmp_dir / "add-x.part").write_bytes(b"half")
    report = verify(store, record=False)
    assert report.ok and report.exit_code == 0
    assert {f.kind for f in report.warnings} == {"orphan", "partial"}
    report = verify(store, record=False, clean=True)
    assert all("removed" in f.message for f in report.warnings)
    assert not vault.has(placed.digest.sha256) and vault.temp_files() == []
    assert verify(store, record=False).warnings == []


def test_verify_records_its_outcome_in_the_chain(store, filled, vault):
    n = len(entries(store, INCIDENT))
    report = verify(store, INCIDENT, by="auditor")
    log = entries(store, INCIDENT)
    assert len(log) == n + 1 and log[-1].action == "verified" and log[-1].actor == "auditor"
    assert log[-1].details["result"] == "passed" and log[-1].details["files_checked"] == 3
    assert log[-1].details["head_before"] == report.chains[filled[0].incident_id]
    assert vault.read_head(filled[0].incident_id)["seq"] == n + 1
    vault.path_for(filled[2].sha256).chmod(0o644)
    vault.path_for(filled[2].sha256).write_bytes(b"changed")
    verify(store, INCIDENT, by="auditor")
    assert entries(store, INCIDENT)[-1].details["result"] == "failed"


def test_verify_can_be_limited_to_one_incident(store, filled, tmp_path):
    from datetime import UTC, datetime

    from storyradar.model import Incident, Place

    store.save_incident(Incident(name="other-event", occurred_at=datetime(2031, 5, 1, tzinfo=UTC),
                                 place=Place("Otherplace")))
    [other] = add_evidence(store, [make_jpeg(tmp_path / "o.jpg", color=(9, 9, 9))], incident="other-event", by="t")
    store.execute("UPDATE custody_log SET actor = 'x' WHERE chain = ? AND seq = 1", [other.incident_id])
    assert verify(store, INCIDENT, record=False).ok
    assert not verify(store, "other-event", record=False).ok
    assert verify(store, INCIDENT, record=False).chains.keys() == {filled[0].incident_id}


def test_log_event_validates_action_and_item(store, filled):
    with pytest.raises(CustodyError, match="unknown custody action"):
        log_event(store, filled[0].id, "deleted", actor="x")
    with pytest.raises(NotFoundError):
        log_event(store, "0" * 20, "viewed", actor="x")
    entry = log_event(store, filled[0].id, "copied", actor="x", details={"to": "offline drive"})
    assert json.loads(store.query("SELECT details FROM custody_log WHERE entry_hash = ?",
                                  [entry.entry_hash])[0]["details"]) == {"to": "offline drive"}
