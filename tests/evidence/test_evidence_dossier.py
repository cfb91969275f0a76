"""Dossiers: export, the standalone stdlib verifier (run with a bare `python -I`), tamper and zip-slip refusal."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from evidence_helpers import INCIDENT, add_claim, make_jpeg

from storyradar.errors import CustodyError
from storyradar.evidence import (
    add_evidence,
    entries,
    export_dossier,
    import_dossier,
    link,
    list_evidence,
    verify,
)
from storyradar.evidence import standalone as standalone_mod
from storyradar.store import Store


def _bare_python() -> str:
    """The base interpreter (outside the virtualenv) when there is one, so no third-party package is visible."""
    for cand in (getattr(sys, "_base_executable", ""), os.path.join(sys.base_prefix, "bin", "python3")):
        if cand and os.path.exists(cand):
            return cand
    return sys.executable


def _run_verifier(script: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([_bare_python(), "-I", str(script), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60, env={"PATH": os.environ.get("PATH", "")})


@pytest.fixture
def exported(store, incident, tmp_path):
    doc = tmp_path / "notes.txt"
    doc.write_text("Fictional field notes.\n")
    items = add_evidence(store, [make_jpeg(tmp_path / "p1.jpg"), make_jpeg(tmp_path / "p2.jpg", color=(5, 5, 5)),
                                 doc], incident=INCIDENT, by="analyst", source_url="https://example.test/src")
    add_claim(store, "claim-a", incident.id, datetime(2031, 3, 14, 8, 0, tzinfo=UTC))
    add_claim(store, "claim-b", incident.id, datetime(2031, 3, 14, 9, 0, tzinfo=UTC))
    link(store, items[0].id, "claim-a", "supports", "Same market hall.", "analyst")
    link(store, items[1].id, "claim-b", "context", "Wider view.", "analyst")
    report = tmp_path / "report"
    (report / "img").mkdir(parents=True)
    (report / "index.html").write_text("<html><body>fictional report</body></html>")
    (report / "img" / "chart.svg").write_text("<svg/>")
    out = tmp_path / "out" / "dossier.zip"
    summary = export_dossier(store, INCIDENT, out, report_dir=report, by="editor")
    return out, summary, items


def _extract(zip_path: Path, dest: Path) -> Path:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(dest)
    return dest


def test_export_writes_a_complete_dossier(store, exported):
    out, summary, items = exported
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        log = [json.loads(line) for line in zf.read("custody_log.jsonl").decode().splitlines()]
        csv_text = zf.read("manifest.csv").decode()
    assert {"manifest.json", "manifest.csv", "custody_log.jsonl", "verify_dossier.py", "README.txt",
            "report/index.html", "report/img/chart.svg"} <= names
    assert {standalone_mod.item_path(i.sha256) for i in items} <= names
    assert [i["id"] for i in manifest["items"]] == [i.id for i in items]
    assert manifest["items"][0]["media"]["gps"]["latitude"] == pytest.approx(47.123, abs=1e-5)
    assert {(lk["claim_id"], lk["relation"]) for lk in manifest["links"]} == {("claim-a", "supports"),
                                                                              ("claim-b", "context")}
    assert [e["action"] for e in log] == ["acquired"] * 3 + ["linked"] * 2 + ["exported"]
    assert manifest["chain"] == {"id": items[0].incident_id, "entries": 6, "head": log[-1]["entry_hash"]}
    assert summary["head"] == log[-1]["entry_hash"] and log[-1]["actor"] == "editor"
    assert csv_text.splitlines()[0].startswith("id,kind,original_name,mime,size,sha256")
    assert len(csv_text.splitlines()) == 4
    assert entries(store, INCIDENT)[-1].action == "exported"
    assert not list(out.parent.glob(".dossier-*"))


def test_verifier_uses_only_the_standard_library():
    tree = ast.parse(Path(standalone_mod.__file__).read_text())
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import in the standalone verifier"
            modules.add(node.module.split(".")[0])
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}, modules


def test_standalone_script_passes_on_zip_and_folder(exported, tmp_path):
    out, summary, _ = exported
    folder = _extract(out, tmp_path / "unzipped")
    done = _run_verifier(folder / "verify_dossier.py", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == (f"OK: 8 files hashed, 6 custody entries, 0 problems; chain head {summary['head']}")
    done = _run_verifier(folder / "verify_dossier.py", str(out))
    assert done.returncode == 0 and done.stdout.startswith("OK: 8 files hashed")


def _tamper_cases():
    def flip_item(d: Path) -> str:
        target = next((d / "files").rglob("*"))
        while target.is_dir():
            target = next(target.iterdir())
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x04
        target.write_bytes(bytes(data))
        return "[file-changed]"

    def edit_manifest(d: Path) -> str:
        m = json.loads((d / "manifest.json").read_text())
        m["items"][1]["source_url"] = "https://other.test/"
        (d / "manifest.json").write_text(json.dumps(m))
        return "manifest.json changed after export"

    def edit_log(d: Path) -> str:
        lines = (d / "custody_log.jsonl").read_text().splitlines()
        e = json.loads(lines[1])
        e["actor"] = "someone else"
        lines[1] = json.dumps(e)
        (d / "custody_log.jsonl").write_text("\n".join(lines) + "\n")
        return "entry 2 (acquired): its content no longer matches its recorded hash"

    def drop_entry(d: Path) -> str:
        lines = (d / "custody_log.jsonl").read_text().splitlines()
        (d / "custody_log.jsonl").write_text("\n".join(lines[:2] + lines[3:]) + "\n")
        return "entries 3..3 are missing"

    def extra_file(d: Path) -> str:
        (d / "files" / "planted.jpg").write_bytes(b"\xff\xd8\xff")
        return "files/planted.jpg: not listed in the manifest"

    def remove_file(d: Path) -> str:
        (d / "report" / "img" / "chart.svg").unlink()
        return "report/img/chart.svg is missing"

    def edit_report(d: Path) -> str:
        (d / "report" / "index.html").write_text("<html>changed</html>")
        return "report/index.html: sha256 differs"

    def link_outside(d: Path) -> str:
        (d / "report" / "escape").symlink_to("/etc")
        return "report/escape: symbolic link pointing outside the dossier"

    return [flip_item, edit_manifest, edit_log, drop_entry, extra_file, remove_file, edit_report, link_outside]


@pytest.mark.parametrize("tamper", _tamper_cases(), ids=lambda f: f.__name__)
def test_standalone_script_fails_after_tampering(exported, tmp_path, tamper):
    out, _, _ = exported
    pristine = _extract(out, tmp_path / "pristine")
    copy = Path(shutil.copytree(pristine, tmp_path / "copy", symlinks=True))
    expected = tamper(copy)
    done = _run_verifier(pristine / "verify_dossier.py", str(copy))
    assert done.returncode == 1, done.stdout
    assert expected in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("FAILED:")


def test_import_into_a_fresh_store(exported, tmp_path):
    out, summary, items = exported
    with Store(tmp_path / "other.duckdb") as other:
        add_claim(other, "claim-a", items[0].incident_id, datetime(2031, 3, 14, 8, 0, tzinfo=UTC))
        result = import_dossier(other, out, by="second-desk")
        assert result == {"incident": INCIDENT, "items_added": 3, "items_present": 0, "entries_added": 6,
                          "links_added": 1, "links_skipped": 1, "dossier_head": summary["head"]}
        assert [i.to_dict() for i in list_evidence(other)] == [i.to_dict() for i in items]
        log = entries(other, INCIDENT)
        assert [e.action for e in log][-2:] == ["exported", "imported"] and log[-1].actor == "second-desk"
        assert log[5].entry_hash == summary["head"]
        assert verify(other, record=False).ok
        again = import_dossier(other, out, by="second-desk")
        assert again["items_added"] == 0 and again["items_present"] == 3 and again["entries_added"] == 0
        assert verify(other, record=False).ok


def test_import_refuses_tampered_dossier_and_writes_nothing(exported, tmp_path):
    out, _, items = exported
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == standalone_mod.item_path(items[2].sha256):
                data = data.replace(b"Fictional", b"Fictionak")
            dst.writestr(info, data)
    with Store(tmp_path / "other.duckdb") as other, pytest.raises(CustodyError) as err:
        import_dossier(other, bad)
    assert "refusing the dossier" in str(err.value) and "[file-changed]" in str(err.value)
    assert items[2].id in str(err.value) and "bad.zip" in str(err.value)
    with Store(tmp_path / "other.duckdb") as other:
        assert other.list_incidents() == [] and list_evidence(other) == [] and entries(other) == []
    assert not (tmp_path / "other.duckdb.vault" / "sha256").exists()


def test_zip_slip_members_are_refused(exported, tmp_path):
    out, _, _ = exported
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../../escaped.txt", "x")
        dst.writestr("/abs/path.txt", "x")
        link_info = zipfile.ZipInfo("files/link")
        link_info.external_attr = (0o120777 << 16)
        dst.writestr(link_info, "/etc/passwd")
    result = standalone_mod.verify(str(evil))
    unsafe = sorted(f["path"] for f in result["failures"] if f["kind"] == "unsafe-path")
    assert unsafe == ["../../escaped.txt", "/abs/path.txt", "files/link"]
    with Store(tmp_path / "o.duckdb") as other, pytest.raises(CustodyError, match="unsafe-path"):
        import_dossier(other, evil)
    assert not (tmp_path.parent / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()


def test_divergent_history_is_refused(store, exported, tmp_path):
    out, _, _ = exported
    with Store(tmp_path / "b.duckdb") as b:
        import_dossier(b, out, by="b")
    add_evidence(store, [make_jpeg(tmp_path / "later.jpg", color=(200, 1, 1))], incident=INCIDENT, by="a")
    second = export_dossier(store, INCIDENT, tmp_path / "second.zip", by="a")
    with Store(tmp_path / "b.duckdb") as b, pytest.raises(CustodyError, match="diverges from the dossier's at entry 7"):
        import_dossier(b, second["path"])
    with Store(tmp_path / "c.duckdb") as c:  # a store that only saw the first dossier takes the second
        import_dossier(c, out, by="c")
        store_c_before = len(entries(c))
    assert store_c_before == 7


def test_export_refuses_a_failing_vault(store, exported, vault, tmp_path):
    _, _, items = exported
    path = vault.path_for(items[0].sha256)
    path.chmod(0o644)
    path.write_bytes(b"not the photo")
    with pytest.raises(CustodyError, match="refusing to export: 1 checks failed"):
        export_dossier(store, INCIDENT, tmp_path / "never.zip", by="a")
    assert not (tmp_path / "never.zip").exists()
