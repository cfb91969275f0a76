"""Register: add files with hashes, MIME, EXIF/ffprobe metadata and acquisition; ids by prefix."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime

import pytest
from evidence_helpers import INCIDENT, make_jpeg

from storyradar.errors import NotFoundError, StoryradarError, TimeError
from storyradar.evidence import add_evidence, entries, get_evidence, list_evidence, resolve_id, verify
from storyradar.evidence.media import read_ffprobe


def test_add_jpeg_reads_exif_time_with_offset_and_gps(store, incident, tmp_path, vault):
    photo = make_jpeg(tmp_path / "IMG_0001.jpg", subsec="25")
    [item] = add_evidence(store, [photo], incident=INCIDENT, source_url="https://example.test/p/1",
                          first_seen="2031-03-14T11:30:00+02:00", by="analyst-a", note="from a channel")
    assert item.kind == "photo" and item.mime == "image/jpeg"
    assert item.size == photo.stat().st_size and item.original_name == "IMG_0001.jpg"
    cap = item.media["captured"]
    assert cap["local"] == "2031-03-14T09:06:07.250000"
    assert cap["offset"] == "+02:00" and cap["offset_min"] == 120
    assert cap["utc"] == "2031-03-14T07:06:07.250000+00:00"
    gps = item.media["gps"]
    assert gps["latitude"] == pytest.approx(47.123, abs=1e-5)
    assert gps["longitude"] == pytest.approx(-35.456, abs=1e-5)  # west is negative
    assert gps["altitude_m"] == pytest.approx(112.5)
    assert gps["time_utc"] == "2031-03-14T07:06:07+00:00"
    assert item.media["exif"]["make"] == "Fictional Optics"
    assert item.media["image"] == {"format": "JPEG", "width": 32, "height": 24}
    assert item.first_seen_at == datetime(2031, 3, 14, 9, 30, tzinfo=UTC)
    assert item.first_seen_offset_min == 120
    assert item.to_dict()["first_seen_at"] == "2031-03-14T11:30:00+02:00"
    assert (item.acquired_by, item.acquired_how, item.note) == ("analyst-a", "file", "from a channel")
    # read back from the store: the same record
    assert get_evidence(store, item.id[:6]).to_dict() == item.to_dict()
    [entry] = entries(store, INCIDENT)
    assert entry.action == "acquired" and entry.evidence_id == item.id and entry.actor == "analyst-a"
    assert entry.details["item"] == item.to_dict()
    assert entry.details["origin"]["source_path"] == str(photo.resolve())
    assert vault.path_for(item.sha256).read_bytes() == photo.read_bytes()


def test_exif_time_without_offset_stays_local_with_unknown_zone(store, incident, tmp_path):
    photo = make_jpeg(tmp_path / "no_offset.jpg", offset=None, gps=None)
    [item] = add_evidence(store, [photo], incident=INCIDENT, by="t")
    cap = item.media["captured"]
    assert cap["local"] == "2031-03-14T09:06:07"
    assert cap["utc"] is None and "unknown" in cap["zone"]
    assert "gps" not in item.media


def test_broken_exif_time_is_recorded_not_fatal(store, incident, tmp_path):
    photo = make_jpeg(tmp_path / "zero.jpg", when="0000:00:00 00:00:00", gps=None)
    [item] = add_evidence(store, [photo], incident=INCIDENT, by="t")
    assert item.media["captured"]["error"] == "not an EXIF date/time"
    assert item.media["captured"]["raw"] == "0000:00:00 00:00:00"


def test_truncated_image_is_recorded_not_fatal(store, incident, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
    [item] = add_evidence(store, [broken], incident=INCIDENT, by="t")
    assert item.mime == "image/png" and "image_error" in item.media


def test_naive_first_seen_is_refused(store, incident, tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    with pytest.raises(TimeError, match="no time zone"):
        add_evidence(store, [photo], incident=INCIDENT, first_seen="2031-03-14T10:00:00", by="t")
    with pytest.raises(TimeError, match="no time zone"):
        add_evidence(store, [photo], incident=INCIDENT, first_seen=datetime(2031, 3, 14, 10), by="t")
    assert list_evidence(store) == []


def test_missing_file_is_named_and_nothing_is_added(store, incident, tmp_path):
    good = make_jpeg(tmp_path / "good.jpg")
    with pytest.raises(NotFoundError) as err:
        add_evidence(store, [good, tmp_path / "nope.mp4"], incident=INCIDENT, by="t")
    assert "nope.mp4" in str(err.value) and "no such file" in str(err.value)
    with pytest.raises(NotFoundError, match="not a regular file"):
        add_evidence(store, [tmp_path], incident=INCIDENT, by="t")
    assert list_evidence(store) == [] and entries(store) == []


def test_unknown_incident_lists_known_ones(store, incident, tmp_path):
    with pytest.raises(NotFoundError, match="brightwater-market"):
        add_evidence(store, [make_jpeg(tmp_path / "a.jpg")], incident="nowhere", by="t")


def test_readding_is_idempotent_and_a_new_origin_is_logged(store, incident, tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    [first] = add_evidence(store, [photo], incident=INCIDENT, by="t", source_url="https://a.test/1")
    [again] = add_evidence(store, [photo], incident=INCIDENT, by="t", source_url="https://a.test/1")
    assert again.to_dict() == first.to_dict()
    assert [e.action for e in entries(store)] == ["acquired"]
    [other] = add_evidence(store, [photo], incident=INCIDENT, by="t2", source_url="https://b.test/9")
    assert other.id == first.id and other.source_url == "https://a.test/1"
    log = entries(store)
    assert [e.action for e in log] == ["acquired", "acquired"]
    assert log[1].details["additional"] is True
    assert log[1].details["origin"]["source_url"] == "https://b.test/9"
    assert verify(store, record=False).ok


def test_same_file_for_two_incidents_gets_two_items_one_vault_file(store, incident, tmp_path, vault):
    from storyradar.model import Incident, Place

    store.save_incident(Incident(name="second-event", occurred_at=datetime(2031, 4, 1, tzinfo=UTC),
                                 place=Place("Elsewhere")))
    photo = make_jpeg(tmp_path / "a.jpg")
    [a] = add_evidence(store, [photo], incident=INCIDENT, by="t")
    [b] = add_evidence(store, [photo], incident="second-event", by="t")
    assert a.id != b.id and a.sha256 == b.sha256
    assert len(list(vault.iter_files())) == 1
    assert {e.chain for e in entries(store)} == {a.incident_id, b.incident_id}


def test_concurrent_adds_of_the_same_file_register_once(store, incident, tmp_path, vault):
    photo = make_jpeg(tmp_path / "same.jpg")
    barrier, out, errors = threading.Barrier(5), [], []

    def worker() -> None:
        barrier.wait()
        try:
            out.extend(add_evidence(store, [photo], incident=INCIDENT, by="t"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({i.id for i in out}) == 1 and len(out) == 5
    assert store.query("SELECT count(*) AS n FROM evidence")[0]["n"] == 1
    assert [e.action for e in entries(store)] == ["acquired"]
    assert len(list(vault.iter_files())) == 1 and vault.temp_files() == []


def test_ids_resolve_by_unique_prefix_or_sha(store, incident, tmp_path):
    items = add_evidence(store, [make_jpeg(tmp_path / f"{n}.jpg", color=(n, n, n)) for n in range(12)],
                         incident=INCIDENT, by="t")
    target = items[3]
    assert resolve_id(store, target.id) == target.id
    assert resolve_id(store, target.sha256) == target.id
    assert resolve_id(store, target.id[:8].upper()) == target.id
    with pytest.raises(NotFoundError, match="no evidence item"):
        resolve_id(store, "ffffffffffff")


def test_ambiguous_or_too_short_prefix_is_refused(store, incident):
    for eid in ("abcd0000000000000000", "abcd1111111111111111"):
        store.execute("INSERT INTO evidence (id, incident_id, sha256) VALUES (?, ?, ?)",
                      [eid, incident.id, eid[:4] * 16])
    with pytest.raises(StoryradarError, match="ambiguous: abcd0000000000000000, abcd1111111111111111"):
        resolve_id(store, "abcd")
    assert resolve_id(store, "abcd1") == "abcd1111111111111111"
    with pytest.raises(NotFoundError):
        resolve_id(store, "abc")  # under four characters a prefix is not enough


def test_video_without_ffprobe_says_not_installed(store, incident, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64)
    [item] = add_evidence(store, [clip], incident=INCIDENT, by="t")
    assert item.kind == "video" and item.mime == "video/mp4"
    assert item.media["ffprobe"] == "not installed"


FAKE_FFPROBE = {
    "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "12.480000",
               "tags": {"creation_time": "2031-03-14T07:04:59.000000Z", "location": "+47.1230-035.4560/"}},
    "streams": [{"codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720,
                 "avg_frame_rate": "30/1"},
                {"codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "channels": 2}],
}


def _fake_ffprobe(folder, payload: str, code: int = 0):
    folder.mkdir(exist_ok=True)
    exe = folder / "ffprobe"
    (folder / "out.json").write_text(payload)
    exe.write_text(f"#!/bin/sh\ncat '{folder / 'out.json'}'\nexit {code}\n")
    exe.chmod(0o755)


def test_video_metadata_via_ffprobe(store, incident, tmp_path, monkeypatch):
    _fake_ffprobe(tmp_path / "bin", json.dumps(FAKE_FFPROBE))
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + os.environ["PATH"])
    clip = tmp_path / "clip.mov"
    clip.write_bytes(b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00" + b"\x00" * 64)
    [item] = add_evidence(store, [clip], incident=INCIDENT, by="t")
    assert item.mime == "video/quicktime"
    m = item.media
    assert m["ffprobe"] == "ok" and m["duration_s"] == 12.48
    assert m["creation_time"] == "2031-03-14T07:04:59.000000Z"
    assert m["location"]["latitude"] == 47.123 and m["location"]["longitude"] == -35.456
    assert m["streams"][0] == {"codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720,
                               "avg_frame_rate": "30/1"}


def test_ffprobe_failure_is_recorded(tmp_path, monkeypatch):
    _fake_ffprobe(tmp_path / "bin", "", code=1)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    out = read_ffprobe(tmp_path / "bin" / "out.json")
    assert out["ffprobe"] == "failed"


def test_add_without_name_uses_environment_actor(store, incident, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYRADAR_USER", "desk-editor")
    [item] = add_evidence(store, [make_jpeg(tmp_path / "a.jpg")], incident=INCIDENT)
    assert item.acquired_by == "desk-editor"
