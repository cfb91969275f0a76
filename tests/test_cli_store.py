"""The store commands: info, Parquet export and idempotent import, in process."""

from __future__ import annotations

import json

from planted_corpus import build_planted
from storyradar.cli import main
from storyradar.store import Store


def test_export_import_roundtrip(tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    with Store(db) as s:
        build_planted(s, {0: 5, 1: 3})
    assert main(["export-parquet", str(tmp_path / "pq"), "--db", str(db)]) == 0
    other = tmp_path / "b.duckdb"
    assert main(["import-parquet", str(tmp_path / "pq"), "--db", str(other)]) == 0
    assert main(["import-parquet", str(tmp_path / "pq"), "--db", str(other)]) == 0
    assert "nothing new to add" in capsys.readouterr().out
    capsys.readouterr()
    assert main(["info", "--db", str(other), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"]["matches"] == 8
    assert data["incidents"] == ["market"]


def test_unknown_incident_is_one_clear_line(tmp_path, capsys):
    Store(tmp_path / "c.duckdb").close()
    code = main(["coverage", "nope", "--db", str(tmp_path / "c.duckdb")])
    assert code == 2
    err = capsys.readouterr().err
    assert "no incident named 'nope'" in err and "Traceback" not in err


def test_coverage_json_from_cli(tmp_path, capsys):
    db = tmp_path / "d.duckdb"
    with Store(db) as s:
        build_planted(s)
    assert main(["coverage", "market", "--db", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["peak"]["articles"] == 30 and len(data["waves"]) == 1


def test_import_of_narrow_match_files_fills_article_fields(tmp_path):
    import duckdb

    from storyradar.coverage import matched_items

    with Store(tmp_path / "a.duckdb") as s:
        incident = build_planted(s, {0: 3})
        s.export_parquet(tmp_path / "pq")
    # Rewrite matches.parquet as an older/narrower writer would: only the six core columns.
    con = duckdb.connect()
    path = (tmp_path / "pq" / "matches.parquet").as_posix()
    con.execute(f"COPY (SELECT incident_id, article_id, score, relation, reasons, matched_at "
                f"FROM read_parquet('{path}')) TO '{path}.tmp' (FORMAT parquet)")
    (tmp_path / "pq" / "matches.parquet.tmp").replace(tmp_path / "pq" / "matches.parquet")
    with Store(tmp_path / "b.duckdb") as s:
        s.import_parquet(tmp_path / "pq")
        items = matched_items(s, incident)
    assert len(items) == 3 and all(i.published_at and i.outlet for i in items)


import pytest  # noqa: E402


@pytest.mark.parametrize("argv", [["coverage", "x", "--bogus"], ["coverage"], ["coverage", "x", "--by"],
                                  ["nosuch"], ["verify", "sun", "--lat", "abc", "--lon", "1", "--time", "2025-01-01T00:00Z"]])
def test_usage_errors_are_one_message_not_a_traceback(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("No such" in err or "Missing" in err or "requires" in err or "number" in err)


def test_reading_commands_do_not_create_a_store_at_a_mistyped_path(tmp_path, capsys):
    typo = tmp_path / "typo.duckdb"
    assert main(["coverage", "x", "--db", str(typo)]) == 2
    assert main(["evidence", "verify", "--db", str(typo)]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not typo.exists()
