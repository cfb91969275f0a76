"""Browser tests: Debian's Chromium driven by Playwright against a live uvicorn server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from web_support import INCIDENT, PAYLOADS  # noqa: E402 - tests/web/conftest.py

pytestmark = pytest.mark.browser

SHOTS_ENV = "STORYRADAR_SCREENSHOTS"  # a folder: screenshots of the main pages are copied there


def shot(page, tmp_path: Path, name: str) -> None:
    """Screenshot the page; keep a copy where $STORYRADAR_SCREENSHOTS points (docs/screenshots)."""
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000
    target = os.environ.get(SHOTS_ENV)
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / f"{name}.png")


def not_pwned(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_incident_timeline_is_drawn(page, tmp_path):
    page.goto(f"/incidents/{INCIDENT}")
    page.wait_for_selector("#timeline[data-drawn='1'] svg.marks", timeout=20000)
    bars = page.locator("#timeline svg.marks .mark-rect path").count()
    assert bars > 5
    rules = page.locator("#timeline svg.marks .mark-rule line").count()
    assert rules >= 3  # incident, silence, wave
    assert "silence" in page.locator("#timeline svg.marks").text_content()
    page.select_option("select[name=dimension]", "outlet")
    page.wait_for_url("**dimension=outlet**")
    page.wait_for_selector("#timeline[data-drawn='1'] svg.marks")
    assert "dnipro-herald.example" in page.locator("#timeline svg.marks").text_content()
    shot(page, tmp_path, "incident")
    not_pwned(page)


def test_search_an_article(page):
    page.goto(f"/incidents/{INCIDENT}")
    page.fill("input[name=q]", "quietpelican")
    page.select_option("select[name=relation]", "all")
    page.click("#search button[type=submit]")
    page.wait_for_url("**q=quietpelican**")
    rows = page.locator("#article-table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator(".article-title").inner_text() == "Pelican sanctuary reopens"
    assert "near-miss" in rows.first.inner_text()


def test_decide_by_hand_from_the_page(page):
    page.goto(f"/incidents/{INCIDENT}?q=quietpelican&relation=all")
    row = page.locator("#article-table tbody tr").first
    row.locator("summary").click()
    row.locator("select[name=decision]").select_option("include")
    row.locator("input[name=by]").fill("Ana")
    row.locator("input[name=why]").fill("the market is named in the text")
    row.locator("button[type=submit]").click()
    page.wait_for_selector(".flash")
    row = page.locator("#article-table tbody tr").first
    assert "about" in row.inner_text() and "by hand: include by Ana" in row.inner_text()


def test_upload_evidence_then_register_custody_and_verify(page, tmp_path):
    page.goto(f"/incidents/{INCIDENT}/evidence")
    page.set_input_files("#upload-form input[name=file]", files=[{
        "name": "stall-photo.jpg", "mimeType": "image/jpeg",
        "buffer": b"\xff\xd8\xff\xe0" + b"fictional jpeg bytes " * 200}])
    page.fill("#upload-form input[name=by]", "Ana")
    page.fill("#upload-form input[name=first_seen]", "2025-03-14T12:40+02:00")
    page.fill("#upload-form input[name=source_url]", "https://channel.example/post/77")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#register tbody tr")
    assert "stall-photo.jpg" in page.locator("#register").inner_text()
    log = page.locator("#custody-log").inner_text()
    assert "acquired" in log and "Ana" in log
    page.fill("#verify input[name=by]", "Bo")
    page.click("#verify-button")
    page.wait_for_selector("#verify-result")
    assert page.locator("#verify-result").inner_text().startswith("Passed")
    assert "verified" in page.locator("#custody-log").inner_text()
    shot(page, tmp_path, "evidence")
    not_pwned(page)


def test_hostile_fields_never_execute(page, tmp_path):
    page.goto(f"/incidents/{INCIDENT}?relation=all")
    page.wait_for_selector("#timeline[data-drawn='1'] svg.marks", timeout=20000)
    text = page.locator("#article-table").inner_text()
    for payload in PAYLOADS:
        assert payload in text  # shown as text, exactly as written
    for summary in page.locator("#article-table summary").all()[:12]:
        summary.hover()
    assert page.locator("#article-table b", has_text="bold").count() == 0  # payload markup stays text
    assert page.locator("#article-table img").count() == 0
    js_link = page.locator("a.article-title", has_text="Link with a script scheme")
    assert js_link.get_attribute("href") == "#"
    page.select_option("select[name=dimension]", "outlet")
    page.wait_for_selector("#timeline[data-drawn='1'] svg.marks")
    page.locator("#timeline svg.marks .mark-rect path").first.hover()
    for path in (f"/incidents/{INCIDENT}/claims", f"/incidents/{INCIDENT}/evidence", "/incidents", "/ingest"):
        page.goto(path)
        page.wait_for_load_state("load")
    page.goto(f"/incidents/{INCIDENT}?relation=all")
    not_pwned(page)


def test_create_incident_with_place_choice(page, tmp_path):
    page.goto("/incidents/new")
    page.fill("input[name=name]", "browser-made")
    page.fill("input[name=when]", "2025-06-02T07:30+03:00")
    page.fill("input[name=place]", "Kostyantynivka")
    page.fill("input[name=terms]", "market, strike")
    page.click("button[type=submit]")
    page.wait_for_selector("#candidates")
    assert page.locator("#candidates input[type=radio]").count() > 1
    shot(page, tmp_path, "incident-new")
    page.locator("#candidates input[type=radio]").nth(0).check()
    page.click("button[type=submit]")
    page.wait_for_url("**/incidents/browser-made?**")
    assert "browser-made" in page.locator(".sub .meta").inner_text()
    page.goto("/incidents")
    shot(page, tmp_path, "incidents")


def test_ingest_upload_shows_progress(page, tmp_path):
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Fictional wire</title>"
            "<link>https://wire2.example/</link><item><title>Zorianivka market: residents return</title>"
            "<link>https://wire2.example/a/9</link><pubDate>Sat, 15 Mar 2025 08:00:00 +0200</pubDate>"
            "<description>Zorianivka market reopened partly.</description></item></channel></rss>")
    page.goto("/ingest")
    page.set_input_files("#ingest-form input[name=files]", files=[{
        "name": "wire.xml", "mimeType": "application/rss+xml", "buffer": feed.encode()}])
    page.click("#ingest-form button[type=submit]")
    page.wait_for_selector("#job[data-status='done'], #job[data-status='failed']", timeout=60000)
    assert page.get_attribute("#job", "data-status") == "done", page.locator("#job").inner_text()
    assert "1 stored" in page.locator("#job [data-job-text]").inner_text()
    shot(page, tmp_path, "ingest")


def test_claims_page_and_api_docs_render(page, tmp_path):
    page.goto(f"/incidents/{INCIDENT}/claims")
    page.wait_for_selector("#claims-section")
    charts = page.locator("#claims-section [data-vega-src]")
    if charts.count():
        page.wait_for_selector("#claims-section [data-drawn='1'] svg.marks", timeout=20000)
    assert "Witness" in page.locator("#claims-section").inner_text()
    shot(page, tmp_path, "claims")
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() >= 15
    not_pwned(page)
