"""The runner: bad input never stops a run, batches commit, re-ingest adds nothing, parallel equals inline."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint

import pytest
from ingest_samples import make_page, rss, warc_bytes

from storyradar.errors import IngestError
from storyradar.ingest import SOURCES, get_source, load_sources, run_ingest, source
from storyradar.ingest import registry as reg
from storyradar.model import Article


@pytest.fixture
def registry_snapshot():
    """Restore the registry after a test registers its own sources."""
    load_sources()
    saved = dict(SOURCES)
    yield
    SOURCES.clear()
    SOURCES.update(saved)


@pytest.fixture
def bad_inputs(tmp_path):
    """Good and deliberately broken inputs of every kind side by side."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(3):
        (pages / f"good{n}.html").write_text(
            make_page(f"Good fictional story {n}", canonical=f"https://www.example-news.test/good/{n}"),
            encoding="utf-8")
    (pages / "empty.html").write_bytes(b"")
    (pages / "binary.html").write_bytes(b"\x00\x01\x02PNG" + bytes(range(256)) * 8)
    (pages / "garbage.html").write_bytes(b"<<<< >>>> <<<")
    (pages / "huge.html").write_text(make_page(body="<p>" + "word " * 250_000 + "</p>"), encoding="utf-8")
    warc = tmp_path / "crawl.warc.gz"
    data = warc_bytes([(f"https://wire.example.test/w{n}", make_page(f"Wire story {n}", canonical=None).encode(),
                        "text/html")
                       for n in range(3)])
    warc.write_bytes(data[:-150])
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text(json.dumps({"url": "https://social.example.test/p/1", "text": "An invented post."}) + "\n"
                     + '{"url": broken\n', encoding="utf-8")
    feed = tmp_path / "broken.rss"
    feed.write_text('<?xml version="1.0"?>\n<rss><channel>\n<<<', encoding="utf-8")
    return [str(pages), str(warc), str(jsonl), str(feed)]


def test_bad_input_is_named_counted_and_the_run_goes_on(store, bad_inputs):
    summary = run_ingest(store, bad_inputs, workers=1, progress=False, options={"max_mb": 1}, batch_size=2)
    reasons = [str(r) for r in summary.rejected]
    assert summary.stored == 3 + 2 + 1  # good pages, complete WARC records, valid JSONL line
    assert len(summary.rejected) == 7, reasons
    assert summary.read == summary.stored + len(summary.rejected)
    assert summary.exit_code == 1
    assert any("empty.html: empty file" in r for r in reasons)
    assert any("binary.html: undecodable bytes" in r for r in reasons)
    assert any("garbage.html: malformed or empty HTML" in r for r in reasons)
    assert any("huge.html: file is" in r and "1 MB cap" in r for r in reasons)
    assert any("crawl.warc.gz @ offset=" in r and "truncated" in r for r in reasons)
    assert any("export.jsonl @ line 2: invalid JSON" in r for r in reasons)
    assert any("broken.rss @ line 3: not a readable feed" in r for r in reasons)
    assert store.query("SELECT count(*) AS n FROM rejections")[0]["n"] == 7
    run = store.query("SELECT * FROM ingest_runs")[0]
    assert (run["n_read"], run["n_stored"], run["n_rejected"]) == (13, 6, 7)


def test_reingest_adds_nothing_and_collection_source_is_set(store, page_folder, tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"url": "https://x.example.test/1", "text": "Invented."}) + "\n", encoding="utf-8")
    first = run_ingest(store, [str(page_folder), str(jsonl)], workers=1, progress=False)
    assert (first.read, first.stored, first.duplicates, first.exit_code) == (4, 4, 0, 0)
    again = run_ingest(store, [str(page_folder), str(jsonl)], workers=1, progress=False)
    assert (again.stored, again.duplicates) == (0, 4)
    assert store.article_count() == 4
    rows = store.query("SELECT collection_source, source_kind FROM articles ORDER BY locator")
    assert {r["collection_source"] for r in rows} == {str(page_folder), str(jsonl)}


def test_a_crash_loses_at_most_the_current_batch(store, registry_snapshot):
    def flaky(locator, options):
        for n in range(7):
            yield Article(url=f"https://crash.example.test/{n}", title=f"Invented {n}", text="x")
        raise RuntimeError("disk on fire")

    source("crashy", "Test source that crashes.", detect=lambda loc: False)(flaky)
    with pytest.raises(RuntimeError, match="disk on fire"):
        run_ingest(store, ["anything"], kind="crashy", workers=1, progress=False, batch_size=3)
    assert store.article_count() == 6  # two committed batches of 3; the 7th was in hand


def test_parallel_extraction_matches_inline(tmp_path, page_folder):
    from storyradar.store import Store

    warc = tmp_path / "c.warc.gz"
    warc.write_bytes(warc_bytes([(f"https://wire.example.test/p{n}", make_page(f"Wire {n}", canonical=None).encode(),
                                  "text/html")
                                 for n in range(12)]))
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as st:
            summary = run_ingest(st, [str(page_folder), str(warc)], workers=workers, progress=False)
            assert (summary.stored, summary.rejected) == (15, [])
            results.append(st.query("SELECT id, title, text, published_at, date_source, locator, outlet "
                                    "FROM articles ORDER BY id"))
    assert results[0] == results[1]


def test_country_map_and_nearly_all_rejected_exit_code(store, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(rss([{"title": "Invented", "link": "https://www.example-news.test/n/1",
                          "pubDate": "Wed, 06 Sep 2023 17:42:00 +0300"}]), encoding="utf-8")
    cmap = tmp_path / "countries.csv"
    cmap.write_text("example-news.test,UA\n", encoding="utf-8")
    summary = run_ingest(store, [str(feed)], workers=1, progress=False, options={"country_map": str(cmap)})
    assert summary.exit_code == 0
    assert store.query("SELECT country FROM articles")[0]["country"] == "UA"
    empty = tmp_path / "e.jsonl"
    empty.write_bytes(b"")
    bad = run_ingest(store, [str(empty), str(tmp_path / "missing.html")], workers=1, progress=False)
    assert bad.exit_code == 126
    assert [str(r) for r in bad.rejected] == [f"{empty}: empty file", f"{tmp_path / 'missing.html'}: no such file or folder"]


def test_detect_kind_for_every_input(tmp_path, page_folder):
    from storyradar.ingest import detect_kind

    (tmp_path / "u.txt").write_text("https://www.example-news.test/a\n", encoding="utf-8")
    (tmp_path / "f.xml").write_text(rss([]), encoding="utf-8")
    (tmp_path / "e.jsonl").write_text("{}\n", encoding="utf-8")
    assert detect_kind(str(page_folder)) == "html"
    assert detect_kind(str(page_folder / "sub" / "c.html.gz")) == "html"
    assert detect_kind(str(tmp_path / "u.txt")) == "urls"
    assert detect_kind(str(tmp_path / "f.xml")) == "feed"
    assert detect_kind(str(tmp_path / "e.jsonl")) == "jsonl"
    assert detect_kind("https://www.example-news.test/rss") == "feed"
    assert detect_kind("https://www.example-news.test/2023/09/06/story") == "urls"
    (tmp_path / "e.bin").write_text("x", encoding="utf-8")
    with pytest.raises(IngestError, match="cannot tell what kind"):
        detect_kind(str(tmp_path / "e.bin"))


# -- the registry ---------------------------------------------------------------------------
def test_builtins_are_registered(registry_snapshot):
    assert {"html", "warc", "feed", "urls", "jsonl"} <= set(load_sources())
    for name in ("html", "warc", "feed", "urls", "jsonl"):
        src = get_source(name)
        assert src.description and src.module == f"storyradar.ingest.{name}"
        assert all(opt.help for opt in src.options)


def test_missing_dependency_fails_at_registration(registry_snapshot):
    with pytest.raises(IngestError, match=r"source 'fictional-archive' needs the package 'surely_absent_pkg_4711'") as info:
        source("fictional-archive", "Test", detect=lambda loc: False, requires=("surely_absent_pkg_4711",))(
            lambda loc, opts: iter(()))
    assert "pip install surely_absent_pkg_4711" in str(info.value)
    assert "fictional-archive" not in SOURCES


def test_external_entry_point_registers_like_builtins(registry_snapshot, tmp_path, monkeypatch, store):
    (tmp_path / "sr_fictional_source.py").write_text(
        "from storyradar.ingest import source\n"
        "from storyradar.model import Article\n"
        "@source('fictional', 'An external test source.', detect=lambda loc: loc.startswith('fic:'))\n"
        "def iter_fic(locator, options):\n"
        "    yield Article(url='https://fic.example.test/' + locator[4:], title='Invented', text='Invented text.')\n",
        encoding="utf-8")
    (tmp_path / "sr_broken_source.py").write_text("import surely_absent_pkg_4712\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [EntryPoint("fictional", "sr_fictional_source", reg.ENTRY_POINT_GROUP),
           EntryPoint("broken", "sr_broken_source", reg.ENTRY_POINT_GROUP)]
    monkeypatch.setattr(reg, "entry_points", lambda group: eps if group == reg.ENTRY_POINT_GROUP else [])
    load_sources(reload=True)
    assert reg.detect_kind("fic:one") == "fictional"
    assert "pip install surely_absent_pkg_4712" in SOURCES["broken"].error
    with pytest.raises(IngestError, match="surely_absent_pkg_4712"):
        get_source("broken")
    summary = run_ingest(store, ["fic:one"], workers=1, progress=False)
    assert summary.stored == 1 and summary.rejected == []
    assert store.query("SELECT url FROM articles")[0]["url"] == "https://fic.example.test/one"


def test_reader_never_runs_ahead_of_the_workers(registry_snapshot):
    """Memory stays flat: the reader holds at most ``limit`` records the workers have not returned."""
    import threading
    import time

    from storyradar.ingest.runner import _Feed

    produced = []

    def endless(locator, options):
        for n in range(10_000):
            produced.append(n)
            yield Article(url=f"https://flat.example.test/{n}", title="t", text="x")

    source("endless", "Test source.", detect=lambda loc: False)(endless)
    feed = _Feed(["x"], "endless", {}, limit=5)
    taken: list = []
    reader = threading.Thread(target=lambda: taken.extend(feed), daemon=True)
    reader.start()
    time.sleep(0.3)
    assert len(taken) == 5 and len(produced) <= 6
    for _ in range(3):
        feed.release()
    time.sleep(0.2)
    assert len(taken) == 8
    feed.stop.set()
    reader.join(timeout=2)
    assert not reader.is_alive() and feed.crash is None
