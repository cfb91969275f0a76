"""The Spark job gives the same records as the local ingest + match on the same generated WARCs."""

from __future__ import annotations

import json
import sys

import pytest
from scale_samples import Canned, make_inputs

from storyradar.cli import main
from storyradar.errors import IngestError, MissingExtraError, StoreError
from storyradar.ingest import run_ingest
from storyradar.match import run_match
from storyradar.scale import load_incidents, process_warc, read_warc_list, require_pyspark, spark_ingest
from storyradar.store import Store

ARTICLE_KEYS = ("id", "url", "canonical_url", "outlet", "title", "text", "language", "country", "author",
                "published_at", "published_offset_min", "date_source", "fetched_at", "source_kind", "locator",
                "collection_source", "content_hash")


@pytest.fixture(scope="session")
def spark():
    """One local Spark session for the whole test run (about 10-30 s to start)."""
    from storyradar.scale import spark_session

    session = spark_session("local[2]", app_name="storyradar-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _articles(store: Store) -> dict[str, dict]:
    rows = store.query("SELECT * EXCLUDE (ingested_at) FROM articles")
    assert set(ARTICLE_KEYS) <= set(rows[0])
    return {r["id"]: {**r, "extras": json.loads(r["extras"])} for r in rows}


def _matches(store: Store) -> dict[tuple, dict]:
    """Every column of the matches table except the time of matching (the store's own schema)."""
    rows = store.query("SELECT * EXCLUDE (matched_at) FROM matches")
    return {(r["incident_id"], r["article_id"]): {**r, "reasons": json.loads(r["reasons"])} for r in rows}


def test_spark_parquet_equals_local_ingest(spark, tmp_path):
    listing, incidents_dir = make_inputs(tmp_path / "in", warcs=2, pages=6)
    warcs = read_warc_list(listing)
    incidents = load_incidents(incidents_dir)

    summary = spark_ingest(spark, warcs, incidents, tmp_path / "out")
    assert summary.warcs == 2
    assert summary.articles == 12
    assert summary.skipped == {"non-HTML payload (image/png)": 2}
    assert sorted(r.reason for r in summary.rejected) == ["malformed or empty HTML: no article text or title found"] * 2
    assert (tmp_path / "out" / "articles" / "published_month=2025-03").is_dir()
    assert (tmp_path / "out" / "matches" / "incident_name=zoria-market").is_dir()

    with Store(tmp_path / "local.duckdb") as local, Store(tmp_path / "spark.duckdb") as imported:
        local_run = run_ingest(local, warcs, workers=1, progress=False)
        for inc in incidents:
            local.save_incident(inc)
            run_match(local, inc)
        added = imported.import_parquet(tmp_path / "out")
        assert added["articles"] == local_run.stored == 12
        assert added["incidents"] == 1
        assert imported.get_incident("zoria-market").place.name == "Zorianivka"

        expected, got = _articles(local), _articles(imported)
        assert set(got) == set(expected)
        for key, row in expected.items():
            assert got[key] == row, key
        assert sorted(r.reason for r in local_run.rejected) == sorted(r.reason for r in summary.rejected)

        local_matches, spark_matches = _matches(local), _matches(imported)
        assert local_matches, "the generated WARCs must produce matches"
        assert spark_matches == local_matches
        assert summary.matches == len(local_matches)
        assert {m["relation"] for m in spark_matches.values()} >= {"about"}

        # importing the same output again adds nothing (idempotent)
        assert not any(imported.import_parquet(tmp_path / "out").values())


def test_existing_output_is_refused_without_overwrite(tmp_path):
    (tmp_path / "out" / "articles").mkdir(parents=True)
    with pytest.raises(StoreError, match="already holds a Spark ingest") as err:
        spark_ingest(object(), ["x.warc.gz"], [], tmp_path / "out")
    assert "--overwrite" in str(err.value)


def test_missing_pyspark_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtraError) as err:
        require_pyspark()
    assert "pip install 'storyradar[spark]'" in str(err.value)


def test_warc_list_relative_paths_and_errors(tmp_path):
    listing, incidents_dir = make_inputs(tmp_path, warcs=1, pages=1, extras=False)
    assert read_warc_list(listing) == [str((tmp_path / "crawl-0.warc.gz").resolve())]
    (tmp_path / "empty.txt").write_text("# nothing\n\n", encoding="utf-8")
    with pytest.raises(IngestError, match="empty"):
        read_warc_list(tmp_path / "empty.txt")
    (tmp_path / "no-specs").mkdir()
    with pytest.raises(IngestError, match="no incident specs"):
        load_incidents(tmp_path / "no-specs")


def test_process_warc_reads_http_urls_and_keeps_the_url_as_locator(loopback, tmp_path):

    listing, incidents_dir = make_inputs(tmp_path, warcs=1, pages=3, extras=False)
    data = (tmp_path / "crawl-0.warc.gz").read_bytes()
    loopback.routes["/cc/crawl-0.warc.gz"] = Canned(data, headers={"Content-Type": "application/warc"})
    url = loopback.url("/cc/crawl-0.warc.gz")
    items = list(process_warc(url, load_incidents(incidents_dir)))
    articles = [i for i in items if i["kind"] == "article"]
    assert len(articles) == 3
    assert all(a["row"]["locator"].startswith(url + "@offset=") for a in articles)
    assert sum(len(a["matches"]) for a in articles) == 1  # page 0 is about the incident
    missing = list(process_warc(loopback.url("/cc/missing.warc.gz"), []))
    assert missing == [{"kind": "rejected", "path": loopback.url("/cc/missing.warc.gz"), "locator": "",
                        "reason": "HTTP 404"}]


def test_cli_reports_a_missing_list_in_one_line(tmp_path, capsys):
    code = main(["spark", "ingest", "--warc-list", str(tmp_path / "nope.txt"), "--incidents", str(tmp_path),
                 "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err and "cannot read the WARC list" in err
