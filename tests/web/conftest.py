"""Web fixtures: a generated store (with hostile article fields), the app under TestClient, and a
live uvicorn server driven by Playwright through Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from web_support import BASE, CHROMIUM, CHROMIUM_ARGS, INCIDENT, PAYLOADS, T0, Canned, TestClient  # noqa: F401

from storyradar.model import Article, Incident, Match, MatchReason, Place
from storyradar.store import Store
from storyradar.web import create_app


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


def build_web_store(path: Path) -> Incident:
    """A fictional incident with a burst, silence and later wave, plus articles carrying payloads."""
    store = Store(path)
    incident = Incident(name=INCIDENT, title="Strike on the Zorianivka covered market", occurred_at=T0,
                        occurred_offset_min=120, place=Place("Zorianivka", 48.1, 37.2, "XX"),
                        terms=["market", "strike"])
    store.save_incident(incident)
    plan = {0: 14, 1: 8, 2: 4, 3: 1, 12: 1, 30: 5, 31: 3}
    outlets = ["dnipro-herald.example", "coastal-times.example", "ridgeline-post.example", "vostok-wire.example"]
    articles, matches = [], []
    for day, n in plan.items():
        for k in range(n):
            when = T0 + timedelta(days=day, minutes=25 + 9 * k)
            later = day >= 30
            title = ("Inquiry publishes findings on market strike" if later
                     else f"Market in Zorianivka hit, update {k}")
            text = (f"Officials said the inquiry into the Zorianivka market strike reported on day {day}."
                    if later else f"A strike hit the covered market in Zorianivka on the morning of 14 March. "
                    f"Witness {k} described smoke above the stalls.")
            art = Article(url=f"https://{outlets[k % 4]}/news/{day}/{k}", title=title, text=text,
                          published_at=when, published_offset_min=120,
                          date_source="html-meta" if k % 3 else "feed", outlet=outlets[k % 4],
                          language=("uk", "en", "ru")[k % 3], country=("UA", "GB", "RU", "PL")[k % 4],
                          collection_source="feedA")
            articles.append(art)
            matches.append(Match(incident.id, art.id, round(0.95 - 0.01 * k, 3), "about" if k % 4 else "passing",
                                 [MatchReason("place", "Zorianivka in title", 0.6),
                                  MatchReason("term", "market", 0.3)]))
    special = Article(url="https://harbour-ledger.example/quiet-pelican", title="Pelican sanctuary reopens",
                      text="A unique marker word: quietpelican. The market nearby was busy.",
                      published_at=T0 + timedelta(hours=5), published_offset_min=120, date_source="html-meta",
                      outlet="harbour-ledger.example", language="en", country="GB", collection_source="feedA")
    articles.append(special)
    matches.append(Match(incident.id, special.id, 0.41, "near-miss", [MatchReason("near-miss", "no place", 0.0)]))
    for k, payload in enumerate(PAYLOADS):
        art = Article(url=f"https://hostile.example/{k}", title=f"Market strike {payload}",
                      text=f"Zorianivka market {payload} end.", published_at=T0 + timedelta(hours=2 + k),
                      published_offset_min=120, date_source="html-meta", outlet=f"evil{k}.example{payload}",
                      language="en", country="XX", collection_source="feedA")
        articles.append(art)
        matches.append(Match(incident.id, art.id, 0.8, "about", [MatchReason("place", f"found {payload}", 0.5)]))
    js_link = Article(url="javascript:window.__pwned=9", title="Link with a script scheme",
                      text="Zorianivka market", published_at=T0 + timedelta(hours=9), date_source="html-meta",
                      outlet="scheme.example", language="en", collection_source="feedA")
    articles.append(js_link)
    matches.append(Match(incident.id, js_link.id, 0.7, "about", [MatchReason("place", "x", 0.5)]))
    store.upsert_articles(articles)
    store.replace_matches(incident.id, matches)
    store.close()
    return incident


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    """The generated store, built once; tests copy it."""
    path = tmp_path_factory.mktemp("tmpl") / "web.duckdb"
    build_web_store(path)
    return path


@pytest.fixture
def web_db(tmp_path, template_store) -> Path:
    """A private copy of the generated store for one test."""
    target = tmp_path / "web.duckdb"
    shutil.copy(template_store, target)
    return target


@pytest.fixture
def client(web_db, tmp_path) -> Iterator[TestClient]:
    """The app under FastAPI's TestClient, addressed as 127.0.0.1, with a CSRF token in hand."""
    os.environ.pop("STORYRADAR_TOKEN", None)
    app = create_app(str(web_db), vault=str(tmp_path / "vault"), max_upload_bytes=256 * 1024)
    with TestClient(app, base_url=BASE) as c:
        c.csrf = c.get("/api/session").json()["csrf_token"]
        yield c


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, template_store) -> Iterator[str]:
    """uvicorn serving the app on 127.0.0.1 (port chosen by the OS) in a thread."""
    import uvicorn

    folder = tmp_path_factory.mktemp("live")
    db = folder / "live.duckdb"
    shutil.copy(template_store, db)
    app = create_app(str(db), vault=str(folder / "vault"), max_upload_bytes=1024 * 1024)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not (server.started and server.servers):
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright; fails (never skips) with the fix when it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
                    "(browser tests never download a browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: pip install playwright (never `playwright install`)")
    pw = sync_playwright().start()
    chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()
    pw.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page that records dialogs and console errors; asserts none appeared."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()
