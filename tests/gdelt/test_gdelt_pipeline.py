"""From a GDELT query to the store and the report, with no saved input files (loopback GDELT)."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from gdelt_samples import INCIDENT_AT, Canned, artlist, gkg_row, page, timeline, zipped

from storyradar.cli import main
from storyradar.gdelt import GdeltError, doc_window, incident_query, load_timelines
from storyradar.ingest import run_ingest
from storyradar.model import Incident, Place
from storyradar.store import Store

JSON = {"Content-Type": "application/json"}
ABOUT = "A missile hit the central market of Zorianivka, officials of the invented town said; 12 people died."


def incident() -> Incident:
    return Incident(name="zoria-market", occurred_at=INCIDENT_AT, occurred_offset_min=120,
                    place=Place("Zorianivka", 48.1, 37.2, "UA"), terms=["market", "missile"],
                    window_before_days=1, window_after_days=20)


@pytest.fixture
def gdelt(loopback, monkeypatch):
    """A loopback GDELT: DOC API answers by mode, three fictional article pages, GKG files."""
    items = [
        {"url": loopback.url("/news/1"), "title": "Missile strike on Zorianivka market",
         "seen": INCIDENT_AT + timedelta(hours=2)},
        {"url": loopback.url("/news/2"), "title": "Zorianivka market: toll rises", "seen": INCIDENT_AT + timedelta(days=1),
         "language": "Ukrainian"},
        {"url": loopback.url("/news/gone"), "title": "Zorianivka market strike, reactions",
         "seen": INCIDENT_AT + timedelta(days=2)},
    ]

    def doc(path: str, headers: dict) -> Canned:
        q = parse_qs(urlsplit(path).query)
        if q["mode"][0] == "artlist":
            return Canned(artlist(items), headers=JSON)
        return Canned(timeline(q["mode"][0], INCIDENT_AT - timedelta(days=1), [0, 9, 4, 1]), headers=JSON)

    loopback.routes["/api/v2/doc/doc"] = doc
    for k in (1, 2):
        loopback.routes[f"/news/{k}"] = Canned(page(f"Zorianivka market report {k}", ABOUT,
                                                            INCIDENT_AT + timedelta(hours=k)))
    monkeypatch.setenv("STORYRADAR_GDELT_DOC_URL", loopback.url("/api/v2/doc/doc"))
    monkeypatch.setenv("STORYRADAR_GDELT_FILES_URL", loopback.url("/gdeltv2/"))
    monkeypatch.setenv("STORYRADAR_GDELT_INTERVAL", "0")
    return loopback


def test_ingest_gdelt_query_lists_articles_with_their_seen_dates(gdelt, store):
    summary = run_ingest(store, ["gdelt:Zorianivka market"], workers=1, progress=False,
                         options={"timespan": "1w"})
    assert summary.stored == 3 and not summary.rejected
    q = parse_qs(urlsplit(gdelt.requests[0][1]).query)
    assert q["query"] == ["Zorianivka market"] and q["timespan"] == ["1w"] and q["sort"] == ["DateDesc"]
    rows = {r["url"]: r for r in store.query("SELECT * FROM articles")}
    first = rows[gdelt.url("/news/1")]
    assert first["source_kind"] == "gdelt" and first["date_source"] == "warc-header"
    assert first["title"] == "Missile strike on Zorianivka market" and first["text"] == ""
    assert first["collection_source"] == "gdelt:Zorianivka market"
    assert rows[gdelt.url("/news/2")]["language"] == "uk"
    assert json.loads(first["extras"])["gdelt_seendate"].startswith(INCIDENT_AT.date().isoformat())


def test_cli_ingest_gdelt_fetch_articles_then_report(gdelt, tmp_path):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.save_incident(incident())
    code = main(["ingest", "gdelt:Zorianivka (market OR missile)", "--fetch-articles", "--rate", "0", "--db", db,
                 "--no-progress"])
    assert code == 0
    with Store(db) as store:
        rows = {r["url"]: r for r in store.query("SELECT * FROM articles")}
    assert len(rows) == 3
    fetched = rows[gdelt.url("/news/1")]
    assert fetched["title"] == "Zorianivka market report 1" and "central market" in fetched["text"]
    assert fetched["date_source"] == "html-meta" and fetched["country"] == "UA"
    gone = rows[gdelt.url("/news/gone")]  # 404: GDELT's metadata kept, the failure said
    assert gone["text"] == "" and "HTTP 404" in json.loads(gone["extras"])["fetch_error"]


def test_gdelt_fetch_stores_timeline_matches_and_report_draws_it(gdelt, tmp_path, capsys):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.save_incident(incident())
    assert main(["gdelt", "query", "zoria-market", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "Zorianivka (market OR missile)"
    code = main(["gdelt", "fetch", "zoria-market", "--fetch-articles", "--rate", "0", "--db", db, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["stored"] == 3 and out["timeline_points"] == {"timelinevolraw": 4} and out["matched"] >= 2
    modes = [parse_qs(urlsplit(r[1]).query)["mode"][0] for r in gdelt.requests if r[1].startswith("/api/")]
    assert modes[-1] == "timelinevolraw" and "artlist" in modes
    with Store(db) as store:
        [tl] = load_timelines(store, store.get_incident("zoria-market"))
        assert tl.mode == "timelinevolraw" and [p.value for p in tl.points] == [0, 9, 4, 1]
        assert tl.points[1].norm == 50000
    assert main(["report", "zoria-market", "--out", str(tmp_path / "report"), "--db", db]) == 0
    html = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "GDELT&#39;s timeline beside storyradar&#39;s" in html or "GDELT's timeline beside storyradar's" in html
    assert "<svg" in html
    table = json.loads((tmp_path / "report" / "tables" / "gdelt_timelinevolraw_by_day.json").read_text("utf-8"))
    by_day = {r["day"]: r for r in table}
    peak_day = (INCIDENT_AT + timedelta(hours=2)).date().isoformat()
    assert by_day[peak_day]["gdelt_value"] == 9
    assert sum(r["storyradar_articles"] for r in table) >= 2


def test_no_gdelt_section_without_a_stored_timeline(store):
    from storyradar.gdelt import section

    inc = incident()
    store.save_incident(inc)
    assert section(store, inc) is None


def test_doc_window_clips_to_three_months_and_refuses_older_incidents():
    inc = incident()
    start, end = doc_window(inc)
    assert start == inc.occurred_at - timedelta(days=1)
    old = Incident(name="old", occurred_at=INCIDENT_AT - timedelta(days=400), place=Place("Zorianivka", 48.1, 37.2))
    with pytest.raises(GdeltError, match="three-month window") as err:
        doc_window(old)
    assert "gdelt files" in str(err.value)
    assert incident_query(inc) == "Zorianivka (market OR missile)"


def test_gdelt_files_cli_stores_gkg_articles_near_the_incident(gdelt, tmp_path, capsys):
    at = INCIDENT_AT.replace(minute=0)
    rows = [gkg_row("1", at, "https://a.example.test/gkg-1", location="Zorianivka, Donetsk, Ukraine", lat=48.11,
                    lon=37.21, themes="KILL;", title="Missile strike on Zorianivka market"),
            gkg_row("2", at, "https://b.example.test/gkg-2", location="Testograd, Ukraine", lat=50.0, lon=30.0)]
    gdelt.routes[f"/gdeltv2/{at:%Y%m%d%H%M%S}.gkg.csv.zip"] = Canned(
        zipped("x.gkg.csv", rows), headers={"Content-Type": "application/zip"})
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.save_incident(incident())
    code = main(["gdelt", "files", "zoria-market", "--since", at.isoformat(), "--until",
                 (at + timedelta(minutes=15)).isoformat(), "--db", db, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["files"] == 1 and out["rows"] == 2 and out["kept"] == 1 and out["stored"] == 1
    with Store(db) as store:
        [art] = store.query("SELECT url, title, published_at, date_source FROM articles")
    assert art["url"] == "https://a.example.test/gkg-1" and art["title"] == "Missile strike on Zorianivka market"
    assert art["date_source"] == "warc-header"


def test_stored_timeline_travels_through_parquet_export(tmp_path):
    from storyradar.gdelt import TimelinePoint, save_timeline

    inc = incident()
    points = [TimelinePoint("Article Count", INCIDENT_AT + timedelta(days=k), float(n), 50000.0)
              for k, n in enumerate([3, 7])]
    with Store(tmp_path / "a.duckdb") as a:
        a.save_incident(inc)
        assert save_timeline(a, inc, "Zorianivka market", "timelinevolraw", points) == 2
        assert save_timeline(a, inc, "Zorianivka market", "timelinevolraw", points[:1]) == 1  # replaced
        save_timeline(a, inc, "Zorianivka market", "timelinevolraw", points)
        a.export_parquet(tmp_path / "pq")
    with Store(tmp_path / "b.duckdb") as b:
        assert b.import_parquet(tmp_path / "pq")["gdelt_timelines"] == 2
        [tl] = load_timelines(b, inc)
        assert tl.points == points and tl.query == "Zorianivka market"


def test_gdelt_is_a_registered_source():
    from storyradar.ingest import detect_kind, get_source

    src = get_source("gdelt")
    assert detect_kind("gdelt:Zorianivka market") == "gdelt"
    assert {"fetch_articles", "start", "end", "timespan", "maxrecords", "gdelt_url"} <= {o.name for o in src.options}
