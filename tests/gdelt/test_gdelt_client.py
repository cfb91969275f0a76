"""GDELT DOC 2.0 client and 15-minute file reader against a loopback server replaying documented formats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from gdelt_samples import INCIDENT_AT, NOW, Canned, artlist, event_row, file_list, gkg_row, timeline, zipped

from storyradar.gdelt import (
    GdeltClient,
    GdeltError,
    GdeltFilter,
    GdeltSettings,
    build_query,
    last_update,
    master_files,
    parse_file_list,
    scan,
    slot_urls,
)
from storyradar.gdelt.files import ScanReport
from storyradar.gdelt.query import any_of, gdelt_time, parse_gdelt_time

JSON = {"Content-Type": "application/json"}


class Sleeps(list):
    """A fake sleep that records the waits."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client_for(loopback, *, interval: float = 0.0, retries: int = 2, backoff: float = 1.0):
    sleeps = Sleeps()
    settings = GdeltSettings(doc_url=loopback.url("/api/v2/doc/doc"), files_url=loopback.url("/gdeltv2/"),
                             min_interval_s=interval, retries=retries, backoff_s=backoff)
    return GdeltClient(settings, client=httpx.Client(), sleep=sleeps), sleeps


def params_of(loopback, k: int = -1) -> dict[str, str]:
    return {key: vals[0] for key, vals in parse_qs(urlsplit(loopback.requests[k][1]).query).items()}


# -- query syntax -----------------------------------------------------------------------------------
def test_query_syntax_phrases_or_groups_language_and_country():
    assert any_of(["market", "missile strike", "market"]) == '(market OR "missile strike")'
    q = build_query(["Zorianivka"], one_of=[["market", "bazaar"]], sourcelang=["ukrainian", "russian"],
                    sourcecountry=["UP"], exclude=["football match"])
    assert q == ('Zorianivka (market OR bazaar) (sourcelang:ukrainian OR sourcelang:russian) sourcecountry:UP '
                 '-"football match"')
    with pytest.raises(GdeltError, match="shorter than 3"):
        build_query(["ab"])
    with pytest.raises(GdeltError, match="empty"):
        build_query([])


def test_gdelt_times_round_trip_and_refuse_naive():
    when = datetime(2025, 3, 14, 11, 5, tzinfo=UTC)
    assert gdelt_time(when) == "20250314110500"
    assert parse_gdelt_time("20250314T110500Z") == when
    assert parse_gdelt_time("20250314110500") == when
    with pytest.raises(Exception, match="no time zone"):
        gdelt_time(datetime(2025, 3, 14, 11, 5))


# -- DOC API ----------------------------------------------------------------------------------------
def test_artlist_sends_documented_parameters_and_parses_entries(loopback):
    seen = INCIDENT_AT + timedelta(hours=2)
    loopback.routes["/api/v2/doc/doc"] = Canned(artlist([
        {"url": "https://a.example.test/1", "title": "Strike on Zorianivka market", "seen": seen,
         "language": "Ukrainian", "country": "Ukraine"},
        {"url": "https://b.example.test/2", "title": "Second", "seen": seen, "language": "Klingon",
         "country": "Atlantis"},
    ]), headers=JSON)
    gc, _ = client_for(loopback)
    found = gc.artlist('Zorianivka (market OR "missile strike")', start=INCIDENT_AT, end=INCIDENT_AT + timedelta(days=1),
                       maxrecords=100)
    p = params_of(loopback)
    assert p == {"query": 'Zorianivka (market OR "missile strike")', "mode": "artlist", "format": "json",
                 "maxrecords": "100", "sort": "DateAsc", "startdatetime": gdelt_time(INCIDENT_AT),
                 "enddatetime": gdelt_time(INCIDENT_AT + timedelta(days=1))}
    assert [(a.url, a.language, a.source_country, a.seen_at) for a in found] == [
        ("https://a.example.test/1", "uk", "UA", seen), ("https://b.example.test/2", "", "", seen)]
    assert found[1].language_name == "Klingon"


def test_window_and_maxrecords_limits_are_enforced_before_asking(loopback):
    gc, _ = client_for(loopback)
    with pytest.raises(GdeltError, match="three-month window") as err:
        gc.artlist("Zorianivka", start=NOW - timedelta(days=200), end=NOW - timedelta(days=199))
    assert "gdelt files" in str(err.value)
    with pytest.raises(GdeltError, match="maxrecords must be 1..250"):
        gc.artlist("Zorianivka", maxrecords=300)
    with pytest.raises(GdeltError, match="not a timeline mode"):
        gc.timeline("Zorianivka", "artlist")
    assert loopback.requests == []


def test_rate_limit_waits_between_requests(loopback):
    loopback.routes["/api/v2/doc/doc"] = Canned(artlist([]), headers=JSON)
    gc, sleeps = client_for(loopback, interval=5.0)
    gc.artlist("Zorianivka", timespan="1d")
    gc.artlist("Zorianivka", timespan="1d")
    assert params_of(loopback)["timespan"] == "1d"
    assert len(sleeps) == 1 and 4.5 < sleeps[0] <= 5.0


def test_back_off_on_429_and_on_gdelt_plain_text_limit_then_success(loopback):
    answers = iter([
        Canned("Too Many Requests", status=429, headers={"Content-Type": "text/plain", "Retry-After": "7"}),
        Canned("Please limit requests to one every 5 seconds or contact us.", headers={"Content-Type": "text/plain"}),
        Canned(timeline("timelinevol", INCIDENT_AT, [3, 1]), headers=JSON),
    ])
    loopback.routes["/api/v2/doc/doc"] = lambda path, headers: next(answers)
    gc, sleeps = client_for(loopback, retries=3, backoff=1.0)
    points = gc.timeline("Zorianivka", "timelinevol", timespan="2d")
    assert [p.value for p in points] == [0.03, 0.01]
    assert sleeps == [7.0, 14.0]  # Retry-After raised the wait, then it doubled
    assert len(loopback.requests) == 3


def test_gives_up_after_retries_and_names_the_url(loopback):
    loopback.routes["/api/v2/doc/doc"] = Canned("busy", status=503, headers={"Content-Type": "text/plain"})
    gc, sleeps = client_for(loopback, retries=2, backoff=0.5)
    with pytest.raises(GdeltError, match="failed after 3 attempt") as err:
        gc.artlist("Zorianivka", timespan="1d")
    assert "/api/v2/doc/doc" in str(err.value) and "HTTP 503" in str(err.value)
    assert sleeps == [0.5, 1.0]


def test_plain_text_error_and_empty_answer(loopback):
    loopback.routes["/api/v2/doc/doc"] = Canned("The specified phrase is too short.",
                                                        headers={"Content-Type": "text/html"})
    gc, _ = client_for(loopback)
    with pytest.raises(GdeltError, match="did not return JSON: The specified phrase is too short"):
        gc.artlist("Zorianivka", timespan="1d")
    loopback.routes["/api/v2/doc/doc"] = Canned("", headers=JSON)
    assert gc.artlist("Zorianivka", timespan="1d") == []


def test_timelines_raw_language_and_country(loopback):
    def answer(path: str, headers: dict) -> Canned:
        mode = parse_qs(urlsplit(path).query)["mode"][0]
        series = {"timelinelang": "Ukrainian", "timelinesourcecountry": "Ukraine"}.get(mode, "")
        return Canned(timeline(mode, INCIDENT_AT, [5, 2, 0], series=series), headers=JSON)

    loopback.routes["/api/v2/doc/doc"] = answer
    gc, _ = client_for(loopback)
    raw = gc.timeline("Zorianivka", "timelinevolraw", start=INCIDENT_AT, end=INCIDENT_AT + timedelta(days=3), smooth=3)
    assert [(p.series, p.value, p.norm) for p in raw] == [("Article Count", 5, 50000), ("Article Count", 2, 50000),
                                                         ("Article Count", 0, 50000)]
    assert params_of(loopback)["timelinesmooth"] == "3"
    assert {p.series for p in gc.timeline("Zorianivka", "timelinelang", timespan="3d")} == {"Ukrainian"}
    assert {p.series for p in gc.timeline("Zorianivka", "timelinesourcecountry", timespan="3d")} == {"Ukraine"}


def test_artlist_all_walks_slices_and_deduplicates(loopback):
    def answer(path: str, headers: dict) -> Canned:
        start = parse_gdelt_time(parse_qs(urlsplit(path).query)["startdatetime"][0])
        return Canned(artlist([
            {"url": "https://a.example.test/same", "title": "Repeated", "seen": start},
            {"url": f"https://a.example.test/{start:%d}", "title": "Daily", "seen": start + timedelta(hours=1)},
        ]), headers=JSON)

    loopback.routes["/api/v2/doc/doc"] = answer
    gc, _ = client_for(loopback)
    found = list(gc.artlist_all("Zorianivka", start=INCIDENT_AT, end=INCIDENT_AT + timedelta(days=3)))
    assert len(loopback.requests) == 3
    assert len(found) == 4 and len({a.url for a in found}) == 4


# -- 15-minute files --------------------------------------------------------------------------------
def _gkg_files(base_at: datetime) -> dict[str, bytes]:
    near = gkg_row("1", base_at, "https://a.example.test/gkg-1", location="Zorianivka, Donetsk, Ukraine",
                   lat=48.11, lon=37.21, themes="KILL;ARMEDCONFLICT;", persons="ivan testenko",
                   title="Strike on Zorianivka market")
    far = gkg_row("2", base_at, "https://b.example.test/gkg-2", location="Testograd, Ukraine", lat=50.0, lon=30.0,
                  themes="ECON_BUDGET;")
    broken = "only\tthree\tfields"
    return {f"{base_at:%Y%m%d%H%M%S}.gkg.csv.zip": zipped("x.gkg.csv", [near, far, broken])}


def test_lastupdate_and_masterfile_lists(loopback):
    at = INCIDENT_AT.replace(minute=0)
    files = _gkg_files(at)
    base = loopback.url("/gdeltv2/")
    events = {f"{at:%Y%m%d%H%M%S}.export.CSV.zip": zipped("x.export.CSV", [])}
    loopback.routes["/gdeltv2/lastupdate.txt"] = Canned(file_list(base, {**events, **files}),
                                                                headers={"Content-Type": "text/plain"})
    loopback.routes["/gdeltv2/masterfilelist.txt"] = Canned(
        "garbage line\n" + file_list(base, {**events, **files}), headers={"Content-Type": "text/plain"})
    gc, _ = client_for(loopback)
    entries = last_update(gc)
    assert [(e.kind, e.at) for e in entries] == [("events", at), ("gkg", at)]
    assert entries[1].size == len(next(iter(files.values())))
    gkg = master_files(gc, since=at, until=at + timedelta(minutes=15), kinds=("gkg",))
    assert [e.url for e in gkg] == [base + next(iter(files))]
    assert parse_file_list("12 abc\n") == []


def test_slot_urls_follow_gdelt_naming():
    gc = GdeltClient(GdeltSettings(files_url="http://files.test/gdeltv2/"), client=httpx.Client())
    start = datetime(2025, 3, 14, 9, 7, tzinfo=UTC)
    urls = [e.url for e in slot_urls(gc, since=start, until=start + timedelta(minutes=30), kind="events")]
    assert urls == ["http://files.test/gdeltv2/20250314090000.export.CSV.zip",
                    "http://files.test/gdeltv2/20250314091500.export.CSV.zip",
                    "http://files.test/gdeltv2/20250314093000.export.CSV.zip"]
    with pytest.raises(GdeltError, match="unknown file kind"):
        slot_urls(gc, since=start, until=start, kind="tweets")


def test_scan_gkg_filters_by_place_theme_and_name_and_reports_problems(loopback):
    at = INCIDENT_AT.replace(minute=0)
    files = _gkg_files(at)
    name, data = next(iter(files.items()))
    loopback.routes[f"/gdeltv2/{name}"] = Canned(data, headers={"Content-Type": "application/zip"})
    gc, _ = client_for(loopback)
    entries = slot_urls(gc, since=at, until=at + timedelta(minutes=30), kind="gkg")  # 2nd slot: 404
    report = ScanReport()
    near = list(scan(gc, entries, GdeltFilter(near=(48.1, 37.2, 25.0)), report))
    assert [r.url for r in near] == ["https://a.example.test/gkg-1"]
    rec = near[0]
    assert rec.title == "Strike on Zorianivka market" and rec.themes == ["KILL", "ARMEDCONFLICT"]
    assert rec.tone == -4.5 and rec.locations[0].country == "UP"
    assert report.files == 1 and report.rows == 3 and report.kept == 1
    assert any("line 3" in p and "3 fields" in p for p in report.problems)
    assert any("HTTP 404" in p for p in report.problems)
    assert [r.url for r in scan(gc, entries[:1], GdeltFilter(locations=("testograd",)))] == ["https://b.example.test/gkg-2"]
    assert [r.url for r in scan(gc, entries[:1], GdeltFilter(themes=("ARMED",), names=("testenko",)))] == [
        "https://a.example.test/gkg-1"]
    assert list(scan(gc, entries[:1], GdeltFilter(themes=("KILL",), locations=("Testograd",)))) == []


def test_scan_events_and_md5_check(loopback):
    at = INCIDENT_AT.replace(minute=0)
    data = zipped("x.export.CSV", [
        event_row("101", at, "https://a.example.test/ev-1", place="Zorianivka, Donetsk, Ukraine", lat=48.1, lon=37.2),
        event_row("102", at, "https://b.example.test/ev-2", place="Testograd, Ukraine", lat=50.0, lon=30.0, code="040"),
    ])
    name = f"{at:%Y%m%d%H%M%S}.export.CSV.zip"
    loopback.routes[f"/gdeltv2/{name}"] = Canned(data, headers={"Content-Type": "application/zip"})
    base = loopback.url("/gdeltv2/")
    gc, _ = client_for(loopback)
    entries = parse_file_list(file_list(base, {name: data}))
    found = list(scan(gc, entries, GdeltFilter(themes=("CAMEO:19",))))
    assert [(e.event_id, e.location.name, e.num_mentions, e.added_at) for e in found] == [
        ("101", "Zorianivka, Donetsk, Ukraine", 6, at)]
    bad = parse_file_list(file_list(base, {name: data + b"x"}))  # listed hash of other bytes
    report = ScanReport()
    assert list(scan(gc, bad, GdeltFilter(themes=("CAMEO",)), report)) == []
    assert "MD5 mismatch" in report.problems[0] and name in report.problems[0]
