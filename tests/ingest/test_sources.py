"""The file sources (html, warc, jsonl, feed): what they yield, and how they reject bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ingest_samples import make_page, rss, warc_bytes

from storyradar.ingest import detect_kind, get_source
from storyradar.ingest.registry import Skipped
from storyradar.model import Article, RawPage, Rejected


def records(kind: str, locator, **options):
    src = get_source(kind)
    return list(src.iter_records(str(locator), src.option_values(options)))


# -- html ---------------------------------------------------------------------------------------
def test_html_folder_is_read_recursively_with_gzip(page_folder):
    got = records("html", page_folder)
    assert [r.locator.split("pages/")[1] for r in got] == ["a.html", "b.htm", "sub/c.html.gz"]
    assert all(isinstance(r, RawPage) and r.collection_source == str(page_folder) for r in got)
    assert b"Third fictional story" in got[2].html


def test_html_empty_huge_and_broken_gzip_are_rejected_by_file(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "huge.html").write_text(make_page(body="<p>" + "word " * 300_000 + "</p>"), encoding="utf-8")
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "ok.html").write_text(make_page(), encoding="utf-8")
    got = records("html", tmp_path, max_mb=1)
    by_name = {r.path.rsplit("/", 1)[-1] if isinstance(r, Rejected) else r.locator.rsplit("/", 1)[-1]: r
               for r in got}
    assert isinstance(by_name["ok.html"], RawPage)
    assert by_name["empty.html"].reason == "empty file"
    assert "over the 1 MB cap" in by_name["huge.html"].reason
    assert by_name["broken.html.gz"].reason.startswith("cannot read")


# -- warc ---------------------------------------------------------------------------------------
def _warc(tmp_path, gz=True, name="crawl.warc.gz"):
    data = warc_bytes([
        ("https://www.example-news.test/one", make_page("One").encode(), "text/html; charset=utf-8"),
        ("https://www.example-news.test/logo.png", b"\x89PNG....", "image/png"),
        ("https://www.example-news.test/two", make_page("Two").encode(), "text/html"),
    ], gz=gz)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def test_warc_yields_html_records_with_offsets_and_skips_others(tmp_path):
    for gz, name in ((True, "crawl.warc.gz"), (False, "crawl.warc")):
        path, _ = _warc(tmp_path, gz, name)
        assert detect_kind(str(path)) == "warc"
        got = records("warc", path)
        pages = [r for r in got if isinstance(r, RawPage)]
        skipped = [r for r in got if isinstance(r, Skipped)]
        assert [p.url for p in pages] == ["https://www.example-news.test/one", "https://www.example-news.test/two"]
        assert pages[0].locator == f"{path}@offset=0"
        offset = int(pages[1].locator.rsplit("=", 1)[1])
        assert offset > 0
        with path.open("rb") as fh:  # the offset re-reads the record
            fh.seek(offset)
            head = fh.read(4)
        assert head == (b"\x1f\x8b\x08\x00"[:4] if gz else b"WARC")
        assert pages[0].crawl_date == datetime(2023, 9, 7, 8, 0, tzinfo=UTC)
        assert pages[0].collection_source == name
        assert [s.reason for s in skipped] == ["non-HTML payload (image/png)"]


def test_truncated_warc_keeps_earlier_records_and_names_the_offset(tmp_path):
    for gz in (True, False):
        _, data = _warc(tmp_path, gz)
        path = tmp_path / ("trunc.warc.gz" if gz else "trunc.warc")
        path.write_bytes(data[: len(data) - 200])
        got = records("warc", path)
        pages = [r for r in got if isinstance(r, RawPage)]
        rejected = [r for r in got if isinstance(r, Rejected)]
        assert [p.url for p in pages] == ["https://www.example-news.test/one"]
        assert len(rejected) == 1 and rejected[0].path == str(path)
        assert rejected[0].locator.startswith("offset=") and rejected[0].locator != "offset=0"
        assert "truncated" in rejected[0].reason


def test_empty_and_non_warc_files_are_rejected(tmp_path):
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "junk.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    assert [r.reason for r in records("warc", tmp_path / "empty.warc")] == ["empty file"]
    (junk,) = records("warc", tmp_path / "junk.warc")
    assert isinstance(junk, Rejected) and "no WARC response records" in junk.reason


# -- jsonl --------------------------------------------------------------------------------------
def _jsonl(tmp_path, lines: list[bytes]):
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_articles_extras_and_offsets(tmp_path):
    path = _jsonl(tmp_path, [
        json.dumps({"url": "https://www.example-news.test/x", "title": "Invented", "text": "Some invented text.",
                    "published_at": "2023-09-06T17:42:00+03:00", "outlet": "Invented Daily",
                    "language": "en", "country": "ua", "shares": 12}).encode(),
        json.dumps({"url": "https://other.example.test/y", "title": "Day only", "text": "Text",
                    "published_at": "2023-09-07"}).encode(),
    ])
    assert detect_kind(str(path)) == "jsonl"
    first, second = records("jsonl", path)
    assert isinstance(first, Article)
    assert first.published_at == datetime(2023, 9, 6, 14, 42, tzinfo=UTC)
    assert (first.published_offset_min, first.date_source) == (180, "declared")
    assert (first.outlet, first.country, first.language) == ("Invented Daily", "UA", "en")
    assert first.extras["shares"] == 12
    assert first.locator == f"{path}:1" and first.collection_source == str(path)
    assert second.outlet == "example.test"
    assert (second.published_at, second.extras["date_precision"]) == (datetime(2023, 9, 7, tzinfo=UTC), "day")


def test_jsonl_bad_lines_are_rejected_by_line_and_the_rest_kept(tmp_path):
    good = json.dumps({"url": "https://www.example-news.test/ok", "text": "fine"}).encode()
    path = _jsonl(tmp_path, [
        good,
        b'{"url": "https://x.test/a", "text": ',  # invalid JSON
        b'{"title": "no url"}',
        json.dumps({"url": "https://x.test/b", "text": "t", "published_at": "2023-09-06T14:00:00"}).encode(),
        b'{"url": "https://x.test/c", "text": "caf\xe9"}',  # Latin-1 byte: undecodable as UTF-8
        b"[1, 2]",
        good.replace(b"/ok", b"/ok2"),
    ])
    got = records("jsonl", path)
    reasons = {r.locator: r.reason for r in got if isinstance(r, Rejected)}
    assert reasons.keys() == {"line 2", "line 3", "line 4", "line 5", "line 6"}
    assert reasons["line 2"].startswith("invalid JSON")
    assert reasons["line 3"] == "missing required field 'url'"
    assert "has no time zone" in reasons["line 4"] and "--timezone" in reasons["line 4"]
    assert reasons["line 5"].startswith("undecodable bytes: not UTF-8 (byte 0xe9")
    assert "expected a JSON object" in reasons["line 6"]
    assert [a.url for a in got if isinstance(a, Article)] == ["https://www.example-news.test/ok",
                                                              "https://www.example-news.test/ok2"]
    assert str(next(r for r in got if isinstance(r, Rejected))) .startswith(f"{path} @ line 2: ")


def test_jsonl_timezone_option_declares_naive_times(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"url": "https://x.test/b", "text": "t",
                                         "published_at": "2023-09-06T14:00:00"}).encode()])
    (art,) = records("jsonl", path, timezone="Europe/Kyiv")
    assert art.published_at == datetime(2023, 9, 6, 11, 0, tzinfo=UTC)
    assert art.published_offset_min == 180


def test_jsonl_html_only_line_is_extracted_with_declared_fields(tmp_path):
    from storyradar.ingest import process_record

    path = _jsonl(tmp_path, [json.dumps({"url": "https://www.example-news.test/h", "html": make_page(),
                                         "published_at": "2023-09-05T10:00:00Z", "country": "ua",
                                         "tag": "x"}).encode()])
    (rec,) = records("jsonl", path)
    art = process_record(rec)
    assert isinstance(art, Article)
    assert (art.published_at, art.date_source) == (datetime(2023, 9, 5, 10, 0, tzinfo=UTC), "declared")
    assert art.country == "UA" and art.extras["tag"] == "x"
    assert "Testograd" in art.text


# -- feed ---------------------------------------------------------------------------------------
def test_rss_entries_keep_their_offsets(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(rss([
        {"title": "Invented headline", "link": "https://www.example-news.test/n/1",
         "pubDate": "Wed, 06 Sep 2023 17:42:00 +0300", "description": "&lt;p&gt;Invented summary.&lt;/p&gt;",
         "guid": "n1"},
        {"title": "Undated", "link": "https://www.example-news.test/n/2"},
    ]), encoding="utf-8")
    assert detect_kind(str(path)) == "feed"
    first, second = records("feed", path)
    assert first.published_at == datetime(2023, 9, 6, 14, 42, tzinfo=UTC)
    assert (first.published_offset_min, first.date_source) == (180, "feed")
    assert first.text == "Invented summary." and first.language == "en"
    assert first.locator == f"{path}#entry=n1" and first.collection_source == str(path)
    assert (second.published_at, second.date_source) == (None, "unknown")


def test_atom_feed_iso_dates(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Invented</title>'
        '<entry><title>A</title><link href="https://www.example-news.test/a"/><id>urn:a</id>'
        "<published>2023-09-06T08:00:00-05:00</published><summary>Invented.</summary></entry></feed>",
        encoding="utf-8")
    (art,) = records("feed", path)
    assert art.published_at == datetime(2023, 9, 6, 13, 0, tzinfo=UTC) and art.published_offset_min == -300


def test_broken_feed_xml_is_rejected_with_the_line(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</title>\n<<<garbage',
                    encoding="utf-8")
    (rejected,) = records("feed", path)
    assert isinstance(rejected, Rejected) and rejected.path == str(path)
    assert rejected.locator.startswith("line ")
    assert rejected.reason.startswith("not a readable feed")
