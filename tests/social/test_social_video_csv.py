"""yt-dlp info JSON and local media (ffprobe) as posts, evidence in one step; CSV/NDJSON posts with TOML mappings."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime

from storyradar.cli import main
from storyradar.demo.social import video_infos
from storyradar.ingest import get_source, load_sources, run_ingest
from storyradar.model import Article, Rejected


def records(kind, path, **opts):
    load_sources()
    src = get_source(kind)
    return list(src.iter_records(str(path), src.option_values(opts)))


def test_info_json_becomes_a_post(tmp_path):
    info = video_infos()[0]
    path = tmp_path / "zr001.info.json"
    path.write_text(json.dumps(info), encoding="utf-8")
    (art,) = records("video", path, language="en")
    assert art.url == "https://video.example/watch?v=zr001" and art.source_kind == "video"
    assert art.published_at == datetime.fromtimestamp(info["timestamp"], UTC)
    assert art.outlet == "video.example/@zorianivkatoday" and art.author == "Zorianivka Today"
    assert art.title == info["title"] and info["description"].split("\n")[0] in art.text
    assert art.extras["duration_s"] == 42 and art.extras["date_precision"] == "second"
    day = dict(info, timestamp=None, upload_date="20250314")
    (tmp_path / "d.info.json").write_text(json.dumps(day), encoding="utf-8")
    (d,) = records("video", tmp_path / "d.info.json")
    assert d.published_at == datetime(2025, 3, 14, tzinfo=UTC) and d.extras["date_precision"] == "day"
    (tmp_path / "bad.info.json").write_text(json.dumps({"id": "q9", "title": "x"}), encoding="utf-8")
    (bad,) = records("video", tmp_path / "bad.info.json")
    assert isinstance(bad, Rejected) and bad.locator == "video q9" and "webpage_url" in bad.reason


def test_local_media_needs_ffprobe_and_reads_it(tmp_path, monkeypatch):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    empty = tmp_path / "nobin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    (rej,) = records("video", clip)
    assert isinstance(rej, Rejected) and "ffprobe is not installed" in rej.reason and rej.path == str(clip)
    fake = empty / "ffprobe"
    fake.write_text("#!/bin/sh\necho '{\"format\": {\"format_name\": \"mp4\", \"duration\": \"14.2\", "
                    "\"tags\": {\"creation_time\": \"2025-03-14T09:20:00.000000Z\"}}, \"streams\": []}'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(empty) + os.pathsep + "/bin:/usr/bin")
    (art,) = records("video", clip)
    assert isinstance(art, Article) and art.published_at == datetime(2025, 3, 14, 9, 20, tzinfo=UTC)
    assert art.extras["media"][0]["duration_seconds"] == 14.2


def test_video_as_evidence_in_one_step(tmp_path, store, capsys):
    from storyradar.model import Incident, Place

    store.save_incident(Incident(name="mkt", occurred_at=datetime(2025, 3, 14, 9, 5, tzinfo=UTC),
                                 place=Place("Zorianivka")))
    db = store.path
    store.close()
    info = video_infos()[1]
    path = tmp_path / "zr002.info.json"
    path.write_text(json.dumps(info), encoding="utf-8")
    (tmp_path / "zr002.mp4").write_bytes(b"not really a video, but bytes to hash")
    code = main(["posts", "video", str(path), "--as-evidence", "--incident", "mkt", "--db", db, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["stored"] == 1 and len(out["evidence"]) == 1
    import hashlib

    assert out["evidence"][0]["sha256"] == hashlib.sha256(b"not really a video, but bytes to hash").hexdigest()


FOURCAT = ("id,thread_id,timestamp,author,body,subject,url\n"
           "1,1,2025-03-14 09:10:00,anna,Explosion at the market,,https://forum.example/t/1\n"
           "2,1,2025-03-14 09:20:00,bob,Heard it too,,\n"
           "3,1,14/03/2025 09:30,carl,Bad clock,,https://forum.example/t/3\n")


def test_4cat_csv_and_row_errors(tmp_path, store):
    path = tmp_path / "export.csv"
    path.write_text(FOURCAT, encoding="utf-8")
    recs = records("social", path, language="en")
    a, b, bad = recs
    assert a.published_at == datetime(2025, 3, 14, 9, 10, tzinfo=UTC) and a.author == "anna"
    assert a.url == "https://forum.example/t/1" and "reply_to" not in a.extras
    assert b.url == "4cat://post/2" and b.extras["reply_to"] == "1"
    assert isinstance(bad, Rejected) and bad.locator == "row 3" and "does not match the format" in bad.reason
    summary = run_ingest(store, [str(path)], workers=1, progress=False, options={"language": "en"})
    assert summary.stored == 2 and len(summary.rejected) == 1  # detected as 4CAT without --kind


def test_custom_mapping_ndjson_zone_and_wrong_mapping(tmp_path):
    mapping = tmp_path / "m.toml"
    mapping.write_text('platform = "x"\n[columns]\nid = "pid"\ntime = "at"\ntext = "msg"\nauthor = "who"\n'
                       'forward_of = "rt"\n[time]\nzone = "Europe/Kyiv"\n[url]\ntemplate = "https://x.example/{author}/{id}"\n')
    data = tmp_path / "posts.ndjson"
    data.write_text('{"pid": "a1", "at": "2025-03-14T11:10:00", "msg": "local time", "who": "kay", "rt": "z9"}\n'
                    '{"pid": "a2", "at": "2025-03-14T09:10:00Z", "msg": "utc"}\nnot json\n', encoding="utf-8")
    recs = records("social", data, mapping=str(mapping), language="en")
    assert recs[0].published_at == datetime(2025, 3, 14, 9, 10, tzinfo=UTC) and recs[0].published_offset_min == 120
    assert recs[0].url == "https://x.example/kay/a1" and recs[0].extras["forward_of"] == "z9"
    assert recs[0].outlet == "x/kay"
    assert recs[1].published_offset_min is None
    assert isinstance(recs[2], Rejected) and recs[2].locator == "row 3"
    wrong = tmp_path / "w.toml"
    wrong.write_text('[columns]\nid = "id"\ntime = "when"\ntext = "body"\n')
    csv_file = tmp_path / "e.csv"
    csv_file.write_text(FOURCAT, encoding="utf-8")
    summary_recs = []
    from storyradar.errors import IngestError

    try:
        summary_recs = records("social", csv_file, mapping=str(wrong))
    except IngestError as exc:
        assert "time='when'" in exc.reason and exc.path == str(csv_file) and "header has" in exc.hint
    assert summary_recs == []
