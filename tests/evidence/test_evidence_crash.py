"""Crash safety: kill `add` at each stage and check the vault and register stay consistent."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from evidence_helpers import INCIDENT, make_jpeg

from storyradar.evidence import add_evidence, list_evidence, verify
from storyradar.evidence.faults import MARKER, PAUSE_ENV
from storyradar.evidence.hashing import CHUNK
from storyradar.evidence.vault import Vault
from storyradar.model import Incident, Place
from storyradar.store import Store

CHILD = (
    "import sys\n"
    "from storyradar.store import Store\n"
    "from storyradar.evidence import add_evidence\n"
    "add_evidence(Store(sys.argv[1]), [sys.argv[2]], incident=sys.argv[3], by='crash-test')\n"
    "print('finished')\n"
)


def _kill_during_add(db, big, point: str) -> None:
    env = {**os.environ, PAUSE_ENV: point}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(big), INCIDENT], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert line.strip() == f"{MARKER} {point}", f"child did not reach {point}: {line!r}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def _assert_consistent(store, vault: Vault) -> None:
    """No register row without its intact file; every file under sha256/ is complete."""
    report = verify(store, record=False)
    assert report.failed == [] and report.not_checked == []
    for item in list_evidence(store):
        assert hashlib.sha256(vault.path_for(item.sha256).read_bytes()).hexdigest() == item.sha256
    for name, path in vault.iter_files():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == name, f"partial file at {path}"


@pytest.mark.parametrize("point, expect_row, warnings", [
    ("copying", False, {"partial"}),     # mid-copy into tmp/: a partial write, nothing in place
    ("placed", False, {"orphan"}),       # file in place, no record yet
    ("recording", False, {"orphan"}),    # inside the DB transaction, before commit
    ("committed", True, {"head"}),       # committed, the vault's chain-head mirror not yet updated
])
def test_kill_during_add_leaves_a_consistent_vault(tmp_path, point, expect_row, warnings):
    db = tmp_path / "crash.duckdb"
    with Store(db) as store:
        store.save_incident(Incident(name=INCIDENT, occurred_at=datetime(2031, 3, 14, 7, 5, tzinfo=UTC),
                                     place=Place("Brightwater")))
        add_evidence(store, [make_jpeg(tmp_path / "earlier.jpg")], incident=INCIDENT, by="t")
    big = tmp_path / "long-video.mp4"
    big.write_bytes(b"\x00\x00\x00\x18ftypisom" + os.urandom(3 * CHUNK))
    _kill_during_add(db, big, point)
    vault = Vault(f"{db}.vault")
    with Store(db) as store:
        _assert_consistent(store, vault)
        names = [i.original_name for i in list_evidence(store)]
        assert names == (["earlier.jpg", "long-video.mp4"] if expect_row else ["earlier.jpg"])
        report = verify(store, record=False)
        assert {f.kind for f in report.warnings} == warnings
        # the same add, done again, completes; a cleaning verify then leaves nothing to report
        add_evidence(store, [big], incident=INCIDENT, by="t")
        verify(store, record=False, clean=True)
        final = verify(store, record=True)
        assert final.ok and final.warnings == [] and final.files_checked == 2
        assert vault.temp_files() == []
