"""The JSON API and the server-rendered pages under FastAPI's TestClient."""

from __future__ import annotations

import io

import pytest
from markupsafe import escape
from web_support import INCIDENT, PAYLOADS, Canned  # noqa: E402 - tests/web/conftest.py

from storyradar.store import Store


def hdr(client) -> dict[str, str]:
    return {"X-CSRF-Token": client.csrf}


def test_incidents_list_and_page(client):
    rows = client.get("/api/incidents").json()
    assert [r["name"] for r in rows] == [INCIDENT]
    assert rows[0]["matched"] == 36 + len(PAYLOADS) + 1
    page = client.get("/incidents")
    assert page.status_code == 200 and INCIDENT in page.text
    assert "content-security-policy" in page.headers
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_coverage_api_matches_library(client):
    cov = client.get(f"/api/incidents/{INCIDENT}/coverage").json()
    assert cov["peak"]["day"] == "2025-03-14"
    assert cov["first_mention"]["lag_minutes"] == 25.0
    assert len(cov["waves"]) == 1 and cov["waves"][0]["start"] == "2025-04-13"


def test_chart_spec_is_vega_lite_with_marks(client):
    spec = client.get(f"/api/incidents/{INCIDENT}/charts/timeline?dimension=outlet").json()
    assert "vega-lite" in spec["$schema"]
    kinds = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert kinds[:2] == ["bar", "rule"]
    import json

    text = json.dumps(spec)
    labels = {lbl for lbl in ("incident", "silence") if f'"label": "{lbl}"' in text}
    assert '"label": "wave 1' in text
    assert labels == {"incident", "silence"}
    assert client.get(f"/api/incidents/{INCIDENT}/charts/pie").status_code == 422


def test_search_filters_and_near_misses(client):
    found = client.get(f"/api/incidents/{INCIDENT}/articles", params={"q": "quietpelican"}).json()
    assert found["total"] == 0  # a near-miss is not counted coverage
    found = client.get(f"/api/incidents/{INCIDENT}/articles", params={"q": "quietpelican", "relation": "all"}).json()
    assert [a["outlet"] for a in found["items"]] == ["harbour-ledger.example"]
    assert found["items"][0]["relation"] == "near-miss"
    both = client.get(f"/api/incidents/{INCIDENT}/articles", params={"q": "inquiry findings"}).json()
    assert both["total"] == 8 and all("findings" in a["title"] for a in both["items"])
    uk = client.get(f"/api/incidents/{INCIDENT}/articles", params={"language": "uk", "limit": 1000}).json()
    assert uk["total"] > 0 and {a["language"] for a in uk["items"]} == {"uk"}
    assert "uk" in uk["facets"]["language"]
    # LIKE wildcards in the query are literal text, not patterns
    assert client.get(f"/api/incidents/{INCIDENT}/articles", params={"q": "%"}).json()["total"] == 0


def test_decision_by_hand_is_recorded_and_respected(client, web_db):
    first = client.get(f"/api/incidents/{INCIDENT}/articles").json()["items"][0]
    body = {"decision": "exclude", "by": "Ana", "why": "a different market"}
    refused = client.post(f"/api/incidents/{INCIDENT}/articles/{first['id']}/decision", json=body)
    assert refused.status_code == 403  # no CSRF token
    ok = client.post(f"/api/incidents/{INCIDENT}/articles/{first['id']}/decision", json=body, headers=hdr(client))
    assert ok.status_code == 200
    after = client.get(f"/api/incidents/{INCIDENT}/articles", params={"relation": "excluded"}).json()
    assert [a["id"] for a in after["items"]] == [first["id"]]
    assert after["items"][0]["decision"]["by"] == "Ana"
    cov = client.get(f"/api/incidents/{INCIDENT}/coverage").json()
    assert cov["articles"] == 36 + len(PAYLOADS)
    # a later match run replaces machine matches; the decision lives apart and still applies
    store = client.app.state.web.store
    matches = store.get_matches(store.get_incident(INCIDENT).id)
    store.replace_matches(matches[0].incident_id, [m for m in matches])
    again = client.get(f"/api/incidents/{INCIDENT}/articles", params={"relation": "excluded"}).json()
    assert [a["id"] for a in again["items"]] == [first["id"]]


def test_match_run_keeps_decisions(client):
    target = client.get(f"/api/incidents/{INCIDENT}/articles", params={"q": "Witness 2"}).json()["items"][0]
    client.post(f"/api/incidents/{INCIDENT}/articles/{target['id']}/decision",
                json={"decision": "exclude", "by": "Ana", "why": "duplicate wire copy"}, headers=hdr(client))
    run = client.post(f"/api/incidents/{INCIDENT}/match", headers=hdr(client))
    assert run.status_code == 200, run.text
    summary = run.json()
    assert summary["incident"] == INCIDENT and summary["about"] + summary["passing"] > 20
    excluded = client.get(f"/api/incidents/{INCIDENT}/articles", params={"relation": "excluded"}).json()
    assert [a["id"] for a in excluded["items"]] == [target["id"]]
    page = client.get(f"/incidents/{INCIDENT}")
    assert "Run match again" in page.text


def test_create_incident_with_ambiguous_place_then_pick_one(client):
    fields = {"name": "second", "when": "2025-05-01T08:00+03:00", "place": "Kostyantynivka"}
    amb = client.post("/api/incidents", json=fields, headers=hdr(client))
    assert amb.status_code == 409
    cands = amb.json()["candidates"]
    assert len(cands) > 1 and all(c["geonameid"] for c in cands)
    chosen = cands[0]["geonameid"]
    ok = client.post("/api/incidents", json={**fields, "geonameid": chosen}, headers=hdr(client))
    assert ok.status_code == 201, ok.text
    assert ok.json()["place"]["geonameid"] == chosen
    assert ok.json()["occurred_at"] == "2025-05-01T08:00:00+03:00"
    dup = client.post("/api/incidents", json={**fields, "geonameid": chosen}, headers=hdr(client))
    assert dup.status_code == 400 and "already exists" in dup.json()["error"]


def test_naive_time_is_refused(client):
    bad = client.post("/api/incidents", json={"name": "naive", "when": "2025-05-01T08:00", "place": "Xq",
                                              "lat": 1.0, "lon": 2.0}, headers=hdr(client))
    assert bad.status_code == 400 and "time zone" in bad.json()["error"]


def test_form_create_shows_candidates_then_edit(client):
    form = {"csrf_token": client.csrf, "name": "third", "when": "2025-06-01T10:00+03:00",
            "place": "Kostyantynivka", "terms": "market, strike", "figures": "killed=3"}
    page = client.post("/incidents", data=form)
    assert page.status_code == 409 and 'id="candidates"' in page.text and 'name="geonameid"' in page.text
    assert "choose one below" in page.text
    gid = page.text.split('name="geonameid" value="')[1].split('"')[0]
    created = client.post("/incidents", data={**form, "geonameid": gid}, follow_redirects=False)
    assert created.status_code == 303
    spec = client.get("/api/incidents/third").json()
    assert str(spec["place"]["geonameid"]) == gid
    assert spec["terms"] == ["market", "strike"] and spec["figures"] == {"killed": 3}
    edit = client.get("/incidents/third/edit")
    assert 'value="market, strike"' in edit.text
    saved = client.post("/incidents/third/edit", data={**form, "geonameid": str(spec["place"]["geonameid"]),
                                                        "title": "Edited"}, follow_redirects=False)
    assert saved.status_code == 303
    assert client.get("/api/incidents/third").json()["title"] == "Edited"
    renamed = client.post("/incidents/third/edit", data={**form, "name": "fourth",
                                                          "geonameid": str(spec["place"]["geonameid"])})
    assert renamed.status_code == 400 and "renaming" in renamed.text


def test_form_without_csrf_is_refused(client):
    r = client.post("/incidents", data={"name": "x", "when": "2025-01-01T00:00Z", "place": "X"})
    assert r.status_code == 403
    client.cookies.set("sr_csrf", "abc.def")
    forged = client.post("/incidents", data={"csrf_token": "abc.def", "name": "x"})
    assert forged.status_code == 403
    cross = client.post(f"/api/incidents/{INCIDENT}/match", headers={**hdr(client), "Origin": "https://evil.example"})
    assert cross.status_code == 403


def test_pages_escape_untrusted_fields(client):
    page = client.get(f"/incidents/{INCIDENT}").text
    for payload in PAYLOADS:
        assert payload not in page
        assert str(escape(payload)) in page
    assert "<script>window.__pwned" not in page
    assert 'href="javascript:' not in page


def test_host_check_without_token(web_db, tmp_path):
    from web_support import TestClient  # noqa: F811

    from storyradar.web import create_app

    app = create_app(str(web_db), vault=str(tmp_path / "v"))
    with TestClient(app, base_url="http://attacker.example") as c:
        assert c.get("/api/incidents").status_code == 421


def test_token_mode(web_db, tmp_path):
    from web_support import TestClient  # noqa: F811

    from storyradar.errors import StoryradarError
    from storyradar.web import create_app

    with pytest.raises(StoryradarError, match="too short"):
        create_app(str(web_db), token="short")
    token = "s3cret-token-for-tests"
    app = create_app(str(web_db), token=token, allowed_hosts=("newsroom.example",))
    with TestClient(app, base_url="http://newsroom.example") as c:
        assert c.get("/api/incidents").status_code == 401
        assert c.get("/api/incidents", headers={"Authorization": "Bearer wrong-token-xx"}).status_code == 401
        assert c.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        redirect = c.get("/incidents", follow_redirects=False)
        assert redirect.status_code == 303 and redirect.headers["location"].startswith("/login")
        assert c.post("/login", data={"token": "nope", "next": "/incidents"}).status_code == 401
        ok = c.post("/login", data={"token": token, "next": "//evil.example/"}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"] == "/incidents"
        assert token not in ok.headers["set-cookie"]
        assert c.get("/incidents").status_code == 200  # the login cookie now opens pages
        # a bearer request may change state without CSRF (browsers never add that header themselves)
        d = c.post(f"/api/incidents/{INCIDENT}/evidence/verify", json={"by": "ops"},
                   headers={"Authorization": f"Bearer {token}"})
        assert d.status_code == 200


def test_openapi_and_vendored_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{name}/articles", "/api/incidents/{name}/evidence",
                 "/api/incidents/{name}/custody", "/api/incidents/{name}/claims", "/api/ingest", "/api/jobs/{job_id}"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    for asset in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "swagger-ui-bundle.js", "swagger-ui.css"):
        r = client.get(f"/static/vendor/{asset}")
        assert r.status_code == 200 and len(r.content) > 10_000
    assert client.get("/static/../context.py").status_code == 404
    assert client.get("/static/%2e%2e/context.py").status_code == 404


def test_evidence_upload_register_custody_verify(client):
    data = b"\x89PNG\r\n\x1a\n" + b"fictional pixels" * 100
    files = {"file": ("../../etc/passwd photo.png", io.BytesIO(data), "image/png")}
    r = client.post(f"/api/incidents/{INCIDENT}/evidence", files=files,
                    data={"by": "Ana", "first_seen": "2025-03-14T12:40+02:00", "source_url": "https://t.example/p/1"},
                    headers=hdr(client))
    assert r.status_code == 201, r.text
    item = r.json()[0]
    import hashlib

    assert item["sha256"] == hashlib.sha256(data).hexdigest() and item["size"] == len(data)
    assert "/" not in item["original_name"] and ".." not in item["original_name"]
    reg = client.get(f"/api/incidents/{INCIDENT}/evidence").json()
    assert [e["id"] for e in reg] == [item["id"]]
    log = client.get(f"/api/incidents/{INCIDENT}/custody").json()
    assert log[0]["action"] == "acquired" and log[0]["evidence_id"] == item["id"] and log[0]["actor"] == "Ana"
    v = client.post(f"/api/incidents/{INCIDENT}/evidence/verify", json={"by": "Bo"}, headers=hdr(client)).json()
    assert v["ok"] is True and v["files_checked"] == 1
    log = client.get(f"/api/incidents/{INCIDENT}/custody").json()
    assert log[-1]["action"] == "verified" and log[-1]["prev_hash"] == log[-2]["entry_hash"]
    page = client.get(f"/incidents/{INCIDENT}/evidence").text
    assert 'id="verify-result"' in page and "Passed" in page


def test_upload_size_limit(client):
    big = io.BytesIO(b"x" * (256 * 1024 + 2 * 1024 * 1024))
    r = client.post(f"/api/incidents/{INCIDENT}/evidence", files={"file": ("big.bin", big)},
                    data={"by": "Ana"}, headers=hdr(client))
    assert r.status_code == 413 and "limit" in r.json()["error"]
    just_over = io.BytesIO(b"y" * (256 * 1024 + 10))
    r = client.post(f"/api/incidents/{INCIDENT}/evidence", files={"file": ("over.bin", just_over)},
                    data={"by": "Ana"}, headers=hdr(client))
    assert r.status_code == 400 and "limit" in r.json()["error"]
    assert client.get(f"/api/incidents/{INCIDENT}/evidence").json() == []


def test_capture_refuses_non_web_urls(client):
    for url in ("file:///etc/passwd", "/etc/passwd", "ftp://x.example/a"):
        r = client.post(f"/api/incidents/{INCIDENT}/evidence/capture", json={"url": url, "by": "Ana"},
                        headers=hdr(client))
        assert r.status_code == 400 and "http" in r.json()["error"]


def test_capture_url_from_loopback(client, loopback):
    loopback.routes["/story"] = Canned("<html><head><title>Fictional</title></head><body><p>Market</p></body></html>")
    r = client.post(f"/api/incidents/{INCIDENT}/evidence/capture", json={"url": loopback.url("/story"), "by": "Ana"},
                    headers=hdr(client))
    assert r.status_code == 201, r.text
    assert r.json()["kind"] and r.json()["source_url"] == loopback.url("/story")
    log = client.get(f"/api/incidents/{INCIDENT}/custody").json()
    assert log[-1]["action"] == "acquired"


def test_ingest_job_runs_in_background(client, web_db):
    import time

    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Fictional wire</title>"
            "<link>https://wire.example/</link><item><title>Zorianivka market strike: new account</title>"
            "<link>https://wire.example/a/1</link><pubDate>Fri, 14 Mar 2025 12:00:00 +0200</pubDate>"
            "<description>Zorianivka market</description></item></channel></rss>")
    r = client.post("/api/ingest", files=[("files", ("../wire feed.xml", feed.encode(), "application/rss+xml"))],
                    data={"urls": ""}, headers=hdr(client))
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["inputs"] == ["../wire feed.xml"] and job["total"] == 1
    for _ in range(200):
        job = client.get(f"/api/jobs/{job['id']}").json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert job["status"] == "done", job
    assert job["stored"] == 1
    store: Store = client.app.state.web.store
    assert store.query("SELECT count(*) AS n FROM articles WHERE url = 'https://wire.example/a/1'")[0]["n"] == 1
    saved = list((client.app.state.web.settings.work_dir / "uploads" / job["id"]).iterdir())
    assert [p.name for p in saved] == ["000-wire_feed.xml"]


def test_ingest_refuses_local_paths(client):
    r = client.post("/api/ingest", data={"urls": "/etc/passwd\n"}, headers=hdr(client))
    assert r.status_code == 400 and "http" in r.json()["error"]
    r = client.post("/api/ingest", data={"urls": ""}, headers=hdr(client))
    assert r.status_code == 400
    assert client.get("/api/jobs/doesnotexist").status_code == 404


def test_claims_run_api_and_page(client):
    assert client.post(f"/api/incidents/{INCIDENT}/claims/run").status_code == 403  # CSRF
    run = client.post(f"/api/incidents/{INCIDENT}/claims/run", headers=hdr(client))
    assert run.status_code == 200, run.text
    data = client.get(f"/api/incidents/{INCIDENT}/claims").json()
    speakers = {c["speaker"] or c["speaker_raw"] for c in data["claims"]}
    assert "Officials" in speakers and "Witness 1" in speakers
    officials = next(c for c in data["claims"] if c["speaker"] == "Officials")
    assert "inquiry" in officials["content"] and officials["outlet"].endswith(".example")
    assert data["section"]["key"] == "claims" and data["section"]["tables"]
    page = client.get(f"/incidents/{INCIDENT}/claims")
    assert page.status_code == 200 and 'id="claims"' in page.text and "Witness 1" in page.text
    assert all(p not in page.text for p in PAYLOADS)
    chart = data["section"]["charts"][0]
    spec = client.get(f"/api/incidents/{INCIDENT}/sections/claims/charts/{chart}").json()
    assert "vega-lite" in spec["$schema"]


def test_unknown_incident_is_404(client):
    assert client.get("/api/incidents/nope").status_code == 404
    page = client.get("/incidents/nope")
    assert page.status_code == 404 and "no incident named" in page.text


def test_report_link_builds_report(client):
    r = client.get(f"/incidents/{INCIDENT}/report")
    assert r.status_code == 200 and "<svg" in r.text and PAYLOADS[0] not in r.text
