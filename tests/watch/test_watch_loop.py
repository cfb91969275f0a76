"""Watch against a loopback feed that publishes new items between cycles: digests, restarts, back-off."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from storyradar.cli import main
from storyradar.model import Incident, Place
from storyradar.store import Store
from storyradar.watch import (
    WatchSettings,
    add_source,
    digests,
    get_state,
    list_sources,
    next_wait,
    remove_source,
    watch,
)

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


@dataclass
class Canned:
    """A response for the root conftest's ``loopback`` server (the fields its handler reads)."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0

RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}

#: (stage it is published in, hours after the incident, title, description) — all fictional.
ITEMS = [
    (1, 1, "Missile strike on Zorianivka market",
     "Regional governor Ivan Testenko said that 12 people were killed when a missile hit the Zorianivka market."),
    (1, 2, "Zorianivka market: residents describe the missile strike",
     "Residents of Zorianivka described smoke over the market after the missile strike."),
    (1, 3, "Zorianivka market strike: rescue work ends",
     "Rescue crews finished their work at the Zorianivka market hit by a missile."),
    (2, 20 * 24, "Zorianivka market strike: investigators return",
     "Investigators said on Monday that at least 14 people were killed in the strike on the market in Zorianivka."),
    (3, 21 * 24, "Zorianivka market missile strike: inquiry opens", "An inquiry into the missile strike on the Zorianivka market opened."),
    (3, 21 * 24 + 2, "Zorianivka market strike inquiry hears witnesses", "Witnesses of the missile strike on the Zorianivka market spoke."),
    (3, 22 * 24, "Zorianivka market strike inquiry: day two", "The inquiry into the missile strike on the Zorianivka market went on."),
    (3, 22 * 24 + 3, "Zorianivka market strike inquiry adjourns", "The inquiry into the Zorianivka market missile strike adjourned."),
]


def rss(stage: int, base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/news/{k}</link><guid>{base}/news/{k}</guid>"
        f"<pubDate>{format_datetime(T0 + timedelta(hours=h))}</pubDate><description>{desc}</description></item>"
        for k, (s, h, title, desc) in enumerate(ITEMS) if s <= stage)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Invented feed</title>'
            f"<link>{base}/</link><language>en</language>{items}</channel></rss>")


def incident() -> Incident:
    return Incident(name="zoria-market", occurred_at=T0, occurred_offset_min=120, title="Fictional market strike",
                    place=Place("Zorianivka", 48.1, 37.2, "UA"), terms=["market", "missile"])


@pytest.fixture
def feed(loopback):
    """A loopback feed whose items grow with ``feed.stage``; ``feed.down`` makes it answer 503."""

    class Feed:
        stage = 1
        down = False

    def answer(path: str, headers: dict) -> Canned:
        if Feed.down:
            return Canned("down", status=503, headers={"Content-Type": "text/plain"})
        return Canned(rss(Feed.stage, loopback.base_url), headers=RSS)

    loopback.routes["/feed.xml"] = answer
    Feed.url = loopback.url("/feed.xml")
    return Feed


def test_digests_appear_as_the_feed_publishes_and_restart_adds_none(feed, tmp_path, caplog):
    db = tmp_path / "w.duckdb"
    settings = WatchSettings(every=timedelta(minutes=15), digest_dir=tmp_path / "digests", claims=True,
                             options={"retries": 0})
    pauses: list[float] = []

    def publish_next(seconds: float) -> None:  # the server publishes new items while watch sleeps
        pauses.append(seconds)
        feed.stage += 1

    with Store(db) as store:
        store.save_incident(incident())
        add_source(store, incident(), feed.url)
        assert [s.kind for s in list_sources(store, incident())] == ["feed"]
        with caplog.at_level(logging.INFO, logger="storyradar.watch"):
            results = watch(store, ["zoria-market"], settings, max_cycles=3, sleep=publish_next)
    assert pauses == [900.0, 900.0]
    assert [r.new_articles for r in results] == [3, 1, 4]
    assert all(r.digest is not None for r in results)
    kinds = [sorted({e.kind for e in r.events}) for r in results]
    assert "first-coverage" in kinds[0] and "figure" in kinds[0] and "claim" in kinds[0]
    assert "resumed" in kinds[1] and "figure" in kinds[1]
    assert "wave" in kinds[2] and "resumed" not in kinds[2]
    assert "cycle 3" in caplog.text

    first, second, third = (r.digest.read_text(encoding="utf-8") for r in results)
    assert "## First coverage" in first and "Missile strike on Zorianivka market" in first
    assert "Figure killed: 12 (exact), attributed to Ivan Testenko" in first
    assert "## Coverage resumed after silence" in second and "Zorianivka market strike: investigators return" in second
    assert "Figure killed: at least 14 (at-least)" in second
    assert "12 (exact)" not in second  # reported once only
    assert "## New wave of coverage" in third and "2025-04-04" in third
    html = results[1].digest.with_suffix(".html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Coverage resumed after silence" in html

    files_before = sorted((tmp_path / "digests" / "zoria-market").iterdir())
    assert len(files_before) == 6

    # restart: a new process opens the same store; nothing new was published -> no digest
    with Store(db) as store:
        again = watch(store, ["zoria-market"], settings, once=True)
        assert again[0].new_articles == 0 and again[0].events == [] and again[0].digest is None
        assert get_state(store, incident().id, "cycles") == 4
        assert len(digests(store, incident().id)) == 3
    assert sorted((tmp_path / "digests" / "zoria-market").iterdir()) == files_before


def test_network_errors_back_off_and_recover(feed, tmp_path, caplog):
    settings = WatchSettings(every=timedelta(seconds=60), digest_dir=tmp_path / "d", max_backoff=timedelta(minutes=3),
                             options={"retries": 0})
    pauses: list[float] = []
    feed.down = True

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 3:
            feed.down = False

    with Store(tmp_path / "w.duckdb") as store:
        store.save_incident(incident())
        add_source(store, incident(), feed.url)
        with caplog.at_level(logging.WARNING, logger="storyradar.watch"):
            results = watch(store, ["zoria-market"], settings, max_cycles=5, sleep=sleep)
        assert get_state(store, incident().id, "failures") == 0
    assert [bool(r.failed_sources) for r in results] == [True, True, True, False, False]
    assert pauses == [120.0, 180.0, 180.0, 60.0]  # doubled, capped at max_backoff, then back to normal
    assert "HTTP 503" in caplog.text and "backing off" in caplog.text
    assert results[3].new_articles == 3 and results[3].digest is not None


def test_next_wait_and_source_config(store):
    s = WatchSettings(every=timedelta(minutes=15), max_backoff=timedelta(hours=1))
    assert [next_wait(s, k).total_seconds() / 60 for k in (0, 1, 2, 3)] == [15, 30, 60, 60]
    inc = incident()
    store.save_incident(inc)
    src = add_source(store, inc, "gdelt:Zorianivka market", options={"timespan": "1d"})
    assert src.kind == "gdelt"
    assert list_sources(store, inc)[0].options == {"timespan": "1d"}
    remove_source(store, inc, "gdelt:Zorianivka market")
    assert list_sources(store, inc) == []
    with pytest.raises(Exception, match="not watched"):
        remove_source(store, inc, "gdelt:Zorianivka market")


def test_cli_watch_once_then_restart(feed, tmp_path, capsys):
    db = str(tmp_path / "w.duckdb")
    with Store(db) as store:
        store.save_incident(incident())
    assert main(["watch-add", "zoria-market", feed.url, "--db", db]) == 0
    args = ["watch", "zoria-market", "--once", "--claims", "--digests", str(tmp_path / "dg"), "--db", db,
            "--quiet-log"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "3 new" in out and "digest" in out
    assert len(list((tmp_path / "dg" / "zoria-market").glob("*.md"))) == 1
    assert main(args) == 0
    assert "0 new, 0 event(s)" in capsys.readouterr().out
    assert len(list((tmp_path / "dg" / "zoria-market").glob("*.md"))) == 1
    assert main(["watch-list", "zoria-market", "--db", db, "--json"]) == 0
    assert '"cycles": 2' in capsys.readouterr().out


def test_digest_escapes_untrusted_text(tmp_path):
    from storyradar.model import Article
    from storyradar.watch import WatchEvent, write_digest

    evil = Article(url="https://x.example.test/a?b=1&c=2", title="<script>alert(1)</script> *bold*",
                   published_at=T0, outlet="x.example.test")
    event = WatchEvent("claim:1", "claim", T0, "denial: <b>someone</b> (denied)", ["“<img src=x>”"], evil.url)
    md = write_digest(tmp_path, incident(), [event], [evil], T0)
    html = md.with_suffix(".html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;img src=x&gt;" in html
    assert 'href="https://x.example.test/a?b=1&amp;c=2"' in html
    assert "\\*bold\\*" in md.read_text(encoding="utf-8")
    assert md.name == "20250314T090500Z.md"
    again = write_digest(tmp_path, incident(), [event], [], T0)
    assert again.name == "20250314T090500Z-2.md"
