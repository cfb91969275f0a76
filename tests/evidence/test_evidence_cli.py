"""The `storyradar evidence` commands, run in process."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest
from evidence_helpers import INCIDENT, PAGE, Canned, add_claim, make_jpeg

from storyradar.cli import main
from storyradar.model import Incident, Place
from storyradar.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as s:
        s.save_incident(Incident(name=INCIDENT, occurred_at=datetime(2031, 3, 14, 7, 5, tzinfo=UTC),
                                 place=Place("Brightwater")))
        add_claim(s, "claim-governor-1", Incident(name=INCIDENT, occurred_at=datetime(2031, 3, 14, tzinfo=UTC),
                                                  place=Place("x")).id, datetime(2031, 3, 14, 8, tzinfo=UTC))
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the CLI; stderr comes back with rich's line wrapping undone."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, " ".join(out.err.split())


def test_add_list_show_log_verify(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    photo = make_jpeg(tmp_path / "scene.jpg")
    clip = tmp_path / "clip.webm"
    clip.write_bytes(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 32)
    code, out, err = run(capsys, "evidence", "add", str(photo), str(clip), "--incident", INCIDENT, "--db", db,
                         "--source-url", "https://example.test/post/7", "--first-seen", "2031-03-14T12:00:00+02:00",
                         "--by", "desk", "--note", "sent by a reader")
    assert code == 0, err
    assert "registered 2 item(s)" in out and "scene.jpg" in out
    assert "note: ffprobe is not installed" in out
    code, out, _ = run(capsys, "evidence", "list", "--incident", INCIDENT, "--db", db, "--json")
    items = json.loads(out)
    assert [i["original_name"] for i in items] == ["scene.jpg", "clip.webm"]
    assert items[1]["media"]["ffprobe"] == "not installed" and items[1]["mime"] == "video/webm"
    assert items[0]["first_seen_at"] == "2031-03-14T12:00:00+02:00" and items[0]["note"] == "sent by a reader"
    code, out, _ = run(capsys, "evidence", "show", items[0]["id"][:7], "--db", db)
    assert code == 0 and items[0]["sha256"] in out and "acquired" in out and "Fictional Optics" in out
    code, out, _ = run(capsys, "evidence", "log", "--db", db, "--json")
    log = json.loads(out)
    assert [e["action"] for e in log] == ["acquired", "acquired"] and log[1]["prev_hash"] == log[0]["entry_hash"]
    code, out, _ = run(capsys, "evidence", "log", "--evidence", items[1]["id"][:6], "--db", db, "--json")
    assert [e["evidence_id"] for e in json.loads(out)] == [items[1]["id"]]
    code, out, _ = run(capsys, "evidence", "verify", "--incident", INCIDENT, "--db", db, "--by", "auditor")
    assert code == 0 and "OK: 2/2 files intact" in out
    # tamper with a vault file: verify fails with a non-zero exit and names the item
    vault_file = tmp_path / "cli.duckdb.vault" / items[0]["vault_path"]
    vault_file.chmod(0o644)
    vault_file.write_bytes(b"tampered")
    code, out, _ = run(capsys, "evidence", "verify", "--db", db, "--no-record")
    assert code == 1 and "FAILED [file-changed]" in out and items[0]["id"] in out
    code, out, _ = run(capsys, "evidence", "verify", "--db", db, "--json", "--no-record")
    assert code == 1 and json.loads(out)["failed"] == 1


def test_errors_are_one_line(db, tmp_path, capsys):
    code, _, err = run(capsys, "evidence", "add", str(tmp_path / "missing.jpg"), "--incident", INCIDENT, "--db", db)
    assert code == 2 and "missing.jpg: no such file" in err and "Traceback" not in err
    code, _, err = run(capsys, "evidence", "add", str(make_jpeg(tmp_path / "a.jpg")), "--incident", INCIDENT,
                       "--db", db, "--first-seen", "2031-03-14 10:00")
    assert code == 2 and "no time zone" in err
    code, _, err = run(capsys, "evidence", "show", "ffffff", "--db", db)
    assert code == 2 and "no evidence item with id 'ffffff'" in err


def test_link_needs_exactly_one_relation(db, tmp_path, capsys):
    run(capsys, "evidence", "add", str(make_jpeg(tmp_path / "a.jpg")), "--incident", INCIDENT, "--db", db)
    code, out, _ = run(capsys, "evidence", "list", "--db", db, "--json")
    eid = json.loads(out)[0]["id"]
    code, _, err = run(capsys, "evidence", "link", eid[:6], "claim-gov", "--why", "x", "--db", db)
    assert code == 2 and "exactly one of --supports, --contradicts, --context" in err
    code, _, err = run(capsys, "evidence", "link", eid[:6], "claim-gov", "--supports", "--context", "--why", "x",
                       "--db", db)
    assert code == 2
    code, out, err = run(capsys, "evidence", "link", eid[:6], "claim-gov", "--contradicts", "--why",
                         "Roof intact in the photo.", "--by", "desk", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out) | {"linked_at": None} == {
        "evidence_id": eid, "claim_id": "claim-governor-1", "relation": "contradicts",
        "why": "Roof intact in the photo.", "by": "desk", "linked_at": None}


def test_capture_export_import(db, tmp_path, capsys, loopback):
    loopback.routes["/page"] = Canned(PAGE)
    code, out, err = run(capsys, "evidence", "capture", loopback.url("/page"), "--incident", INCIDENT, "--db", db)
    assert code == 0, err
    assert "(HTTP 200," in out and "title: Market fire in Brightwater: what we know" in out
    dossier = tmp_path / "dossier.zip"
    code, out, err = run(capsys, "evidence", "export", INCIDENT, "--out", str(dossier), "--db", db)
    assert code == 0, err
    assert f"wrote {dossier}: 1 items, 2 custody entries" in out
    other = str(tmp_path / "other.duckdb")
    code, out, err = run(capsys, "evidence", "import", str(dossier), "--db", other, "--json")
    assert code == 0, err
    assert json.loads(out)["items_added"] == 1
    code, out, _ = run(capsys, "evidence", "verify", "--db", other)
    assert code == 0 and "OK: 1/1 files intact" in out
    assert os.path.isdir(tmp_path / "other.duckdb.vault")
