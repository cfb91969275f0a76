"""Vault: content addressing, atomic placement, dedup under concurrency, path safety, MIME sniffing."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import threading
import tracemalloc

import pytest

from storyradar.errors import CustodyError
from storyradar.evidence.hashing import CHUNK, hash_file
from storyradar.evidence.mime import detect, kind_for, sniff_bytes
from storyradar.evidence.vault import Vault, contained, safe_relpath


def test_put_file_is_content_addressed_and_read_only(tmp_path):
    data = os.urandom(3 * CHUNK + 123)  # several chunks
    src = tmp_path / "clip.bin"
    src.write_bytes(data)
    vault = Vault(tmp_path / "v")
    placed = vault.put_file(src)
    sha = hashlib.sha256(data).hexdigest()
    assert placed.digest.sha256 == sha
    assert placed.digest.blake2b == hashlib.blake2b(data).hexdigest()
    assert placed.digest.size == len(data)
    assert placed.rel_path == f"sha256/{sha[:2]}/{sha[2:4]}/{sha}"
    stored = vault.path_for(sha)
    assert stored.read_bytes() == data
    assert stored.stat().st_mode & 0o222 == 0  # nobody may write to a stored file
    assert vault.temp_files() == []
    again = vault.put_file(src)
    assert again.created is False and placed.created is True
    assert [name for name, _ in vault.iter_files()] == [sha]


def test_hash_file_matches_hashlib_and_memory_stays_flat(tmp_path):
    big = tmp_path / "big.bin"
    with open(big, "wb") as fh:
        for i in range(48):
            fh.write(bytes([i]) * CHUNK)
    tracemalloc.start()
    digest = hash_file(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sha = hashlib.sha256()
    for i in range(48):
        sha.update(bytes([i]) * CHUNK)
    assert digest.sha256 == sha.hexdigest()
    assert digest.size == 48 * CHUNK
    assert peak < 4 * CHUNK, f"hashing 48 MiB peaked at {peak} bytes"


def test_put_stream_refuses_unexpected_content(tmp_path):
    vault = Vault(tmp_path / "v")
    with pytest.raises(CustodyError, match="expected"):
        vault.put_stream(io.BytesIO(b"abc"), expect_sha256="0" * 64)
    assert list(vault.iter_files()) == [] and vault.temp_files() == []


def test_concurrent_threads_store_once(tmp_path):
    src = tmp_path / "same.bin"
    src.write_bytes(os.urandom(2 * CHUNK + 7))
    vault = Vault(tmp_path / "v")
    results, barrier = [], threading.Barrier(6)

    def worker() -> None:
        barrier.wait()
        results.append(vault.put_file(src))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.created for r in results) == 1
    assert len(list(vault.iter_files())) == 1
    assert vault.temp_files() == []


def test_concurrent_processes_store_once(tmp_path):
    src = tmp_path / "same.bin"
    src.write_bytes(os.urandom(4 * CHUNK))
    go = tmp_path / "go"
    code = (
        "import sys, time, os\n"
        "from storyradar.evidence.vault import Vault\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.005)\n"
        f"p = Vault({str(tmp_path / 'v')!r}).put_file({str(src)!r})\n"
        "print('created' if p.created else 'existing')\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    go.touch()
    outs = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sorted(outs) == ["created", "existing", "existing", "existing"]
    vault = Vault(tmp_path / "v")
    assert len(list(vault.iter_files())) == 1 and vault.temp_files() == []


def test_locked_fallback_when_hard_links_are_unavailable(tmp_path, monkeypatch):
    def no_link(*_a, **_k):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    src = tmp_path / "a.bin"
    src.write_bytes(b"fallback path")
    vault = Vault(tmp_path / "v")
    assert vault.put_file(src).created is True
    assert vault.put_file(src).created is False
    assert len(list(vault.iter_files())) == 1
    assert not list((tmp_path / "v").rglob("*.lock"))


@pytest.mark.parametrize("bad", ["../escape", "a/../../escape", "/etc/passwd", "C:/x", "a\\..\\b", "", "a//b",
                                 "sha256/../../x", "a/\x00"])
def test_unsafe_relative_paths_are_refused(bad):
    with pytest.raises(CustodyError, match="unsafe path"):
        safe_relpath(bad)


def test_symlink_inside_vault_cannot_lead_outside(tmp_path):
    root = tmp_path / "v"
    (root / "sha256").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "sha256" / "link").symlink_to(outside)
    with pytest.raises(CustodyError, match="outside"):
        contained(root, "sha256/link/file")
    assert contained(root, "sha256/ab/cd") == root / "sha256" / "ab" / "cd"


@pytest.mark.parametrize("bad", ["../" + "a" * 61, "A" * 64, "abc", "g" * 64, None])
def test_path_for_accepts_only_sha256_hex(tmp_path, bad):
    with pytest.raises(CustodyError, match="not a SHA-256"):
        Vault(tmp_path).path_for(bad)


def test_chain_head_names_are_checked(tmp_path):
    vault = Vault(tmp_path / "v")
    with pytest.raises(CustodyError, match="chain name"):
        vault.write_head("../../etc", 1, "0" * 64)
    vault.write_head("abc123", 4, "f" * 64)
    assert vault.read_head("abc123") == {"chain": "abc123", "seq": 4, "entry_hash": "f" * 64}


SAMPLES = {
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "image/png": b"\x89PNG\r\n\x1a\n\x00\x00",
    "image/gif": b"GIF89a\x01\x00",
    "image/webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ",
    "audio/wav": b"RIFF\x10\x00\x00\x00WAVEfmt ",
    "video/mp4": b"\x00\x00\x00\x18ftypisom\x00\x00",
    "video/quicktime": b"\x00\x00\x00\x14ftypqt  \x00\x00",
    "video/webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm",
    "video/x-matroska": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska",
    "audio/mpeg": b"ID3\x03\x00\x00",
    "application/pdf": b"%PDF-1.7\n",
    "application/warc": b"WARC/1.1\r\nWARC-Type: warcinfo\r\n",
    "text/html": b"\xef\xbb\xbf  <!DOCTYPE html><html><head>",
}


@pytest.mark.parametrize("mime", sorted(SAMPLES))
def test_sniffing_recognises_common_media(mime):
    assert sniff_bytes(SAMPLES[mime]) == mime


def test_mp3_frame_sync_and_gzipped_warc_are_recognised():
    import gzip

    assert sniff_bytes(b"\xff\xfb\x90\x64" + b"\x00" * 20) == "audio/mpeg"
    assert sniff_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")) == "application/warc"
    assert sniff_bytes(gzip.compress(b"plain text")) == "application/gzip"


def test_detect_prefers_content_and_reports_disagreeing_extension(tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(SAMPLES["image/png"])
    assert detect(fake) == {"mime": "image/png", "basis": "magic", "by_extension": "image/jpeg"}
    note = tmp_path / "notes.txt"
    note.write_bytes(b"just words")
    assert detect(note) == {"mime": "text/plain", "basis": "extension"}
    blob = tmp_path / "blob"
    blob.write_bytes(b"\x00\x01\x02")
    assert detect(blob) == {"mime": "application/octet-stream", "basis": "unknown"}
    assert [kind_for(m) for m in ("image/png", "video/webm", "audio/wav", "application/warc",
                                  "application/pdf", "text/html", "model/x")] == [
        "photo", "video", "audio", "web-capture", "document", "web-page", "other"]


def test_put_file_from_unreadable_source_leaves_no_partial(tmp_path):
    vault = Vault(tmp_path / "v")

    class Boom(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(OSError):
        vault.put_stream(Boom())
    assert vault.temp_files() == [] and list(vault.iter_files()) == []


def test_remove_refuses_paths_outside(tmp_path):
    vault = Vault(tmp_path / "v").ensure()
    other = tmp_path / "keep.txt"
    other.write_text("keep")
    with pytest.raises(ValueError):
        vault.remove(other)
    assert other.exists()
