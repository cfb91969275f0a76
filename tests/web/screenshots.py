"""Take screenshots of the main web pages on a store (e.g. the demo store) with Debian's Chromium.

Usage: python tests/web/screenshots.py STORE.duckdb OUT_FOLDER [INCIDENT]
Not a test module (no ``test_`` prefix); the browser tests take the same pages on the test store.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def serve(db: str) -> tuple[object, str]:
    """Start the app on 127.0.0.1 (port chosen by the OS) in a thread; return (server, base URL)."""
    import uvicorn

    from storyradar.web import create_app

    app = create_app(db, work_dir=tempfile.mkdtemp(prefix="storyradar-shots-"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not (server.started and server.servers):
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"


def main(argv: list[str]) -> int:
    """Save incidents, incident, claims, evidence, ingest and new-incident screenshots."""
    from playwright.sync_api import sync_playwright

    db, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(db)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/incidents")
        name = argv[2] if len(argv) > 2 else page.locator("#incidents tbody tr a").first.inner_text()
        shots = [("incidents", "/incidents", None),
                 ("incident", f"/incidents/{name}", "#timeline[data-drawn='1'] svg.marks"),
                 ("claims", f"/incidents/{name}/claims", None),
                 ("evidence", f"/incidents/{name}/evidence", None),
                 ("ingest", "/ingest", None)]
        for shot, path, wait in shots:
            page.goto(base + path)
            if wait:
                page.wait_for_selector(wait, timeout=30000)
            for chart in page.locator("[data-vega-src]").all():
                page.wait_for_function("el => el.hasAttribute('data-drawn')", arg=chart.element_handle(),
                                       timeout=30000)
            page.screenshot(path=str(out / f"{shot}.png"), full_page=False)
            if shot == "incident":
                page.locator("#articles").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -60)")
                page.screenshot(path=str(out / "incident-articles.png"), full_page=False)
        page.goto(base + "/incidents/new")
        page.fill("input[name=name]", "example-new")
        page.fill("input[name=when]", "2025-06-02T07:30+03:00")
        page.fill("input[name=place]", "Kostyantynivka")
        page.click("button[type=submit]")
        page.wait_for_selector("#candidates")
        page.screenshot(path=str(out / "incident-new.png"), full_page=False)
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
