"""`storyradar ingest` and `storyradar sources`, run in process through the real entry point."""

from __future__ import annotations

import json

from storyradar.cli import main


def test_ingest_prints_summary_and_exit_codes(tmp_path, page_folder, capsys):
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", str(page_folder), "--db", db, "--no-progress", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "ingest summary" in out and "│    3 │      3 │          0 │        0 │" in out
    (tmp_path / "bad.jsonl").write_text('{"url": "https://x.example.test/1", "text": "ok"}\nnot json\n',
                                        encoding="utf-8")
    assert main(["ingest", str(tmp_path / "bad.jsonl"), "--db", db, "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert f"rejected: {tmp_path / 'bad.jsonl'} @ line 2: invalid JSON" in captured.err
    assert main(["ingest", str(tmp_path / "nothing-here.html"), "--db", db, "--no-progress"]) == 126


def test_ingest_json_and_timezone(tmp_path, capsys):
    db = str(tmp_path / "cli.duckdb")
    export = tmp_path / "e.jsonl"
    export.write_text(json.dumps({"url": "https://x.example.test/1", "text": "Invented.",
                                  "published_at": "2023-09-06T14:00:00"}) + "\n", encoding="utf-8")
    assert main(["ingest", str(export), "--db", db, "--json"]) == 126
    data = json.loads(capsys.readouterr().out)
    assert data["rejected"] == 1 and "no time zone" in data["rejections"][0]["reason"]
    assert main(["ingest", str(export), "--db", db, "--json", "--timezone", "Europe/Kyiv"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["read"], data["stored"]) == (1, 1)


def test_sources_lists_the_registry(capsys):
    assert main(["sources", "--json"]) == 0
    listed = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert {"html", "warc", "feed", "urls", "jsonl"} <= set(listed)
    assert any(o["name"] == "fetch_articles" for o in listed["feed"]["options"])
    assert main(["sources"]) == 0
    assert "source kinds" in capsys.readouterr().out
