"""The web app refuses to fetch internal addresses (captures, redirect hops, URL ingest) unless allowed."""

from __future__ import annotations

import os
import socket
import time

import pytest
from web_support import BASE, INCIDENT, Canned, TestClient

from storyradar import netguard
from storyradar.cli import main
from storyradar.web import create_app

PUBLIC_HOST = "press-room.fictional-outlet.example"
PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def guarded(web_db, tmp_path):
    """The app with ``allow_private_urls=False``, as when served beyond loopback."""
    os.environ.pop("STORYRADAR_TOKEN", None)
    app = create_app(str(web_db), vault=str(tmp_path / "vault"), allow_private_urls=False)
    with TestClient(app, base_url=BASE) as c:
        c.csrf = c.get("/api/session").json()["csrf_token"]
        yield c


@pytest.fixture
def public_name(monkeypatch):
    """PUBLIC_HOST looks public to the guard (a public IP) but its connections land on loopback."""
    real_resolve, real_getaddrinfo = netguard._resolve, socket.getaddrinfo

    def guard_resolve(host, port):
        return [netguard.ipaddress.ip_address(PUBLIC_IP)] if host == PUBLIC_HOST else real_resolve(host, port)

    def connect_getaddrinfo(host, *args, **kwargs):
        return real_getaddrinfo("127.0.0.1" if host == PUBLIC_HOST else host, *args, **kwargs)

    monkeypatch.setattr(netguard, "_resolve", guard_resolve)
    monkeypatch.setattr(socket, "getaddrinfo", connect_getaddrinfo)


def _capture(c, url: str):
    return c.post(f"/api/incidents/{INCIDENT}/evidence/capture", json={"url": url, "by": "Ana"},
                  headers={"X-CSRF-Token": c.csrf})


def test_capture_of_loopback_is_refused(guarded, loopback):
    loopback.routes["/admin"] = Canned("<html><body>internal admin page</body></html>")
    r = _capture(guarded, loopback.url("/admin"))
    assert r.status_code == 400
    error = r.json()["error"]
    assert loopback.url("/admin") in error and "127.0.0.1 is a loopback address" in error
    assert "refused to fetch an internal address" in error
    assert loopback.requests == []
    assert guarded.get(f"/api/incidents/{INCIDENT}/evidence").json() == []


def test_capture_redirect_into_loopback_is_refused(guarded, loopback, public_name):
    port = loopback.base_url.rsplit(":", 1)[1]
    loopback.routes["/story"] = Canned(b"", status=302, headers={"Location": loopback.url("/secret")})
    loopback.routes["/secret"] = Canned("<html><body>metadata token</body></html>")
    r = _capture(guarded, f"http://{PUBLIC_HOST}:{port}/story")
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert loopback.url("/secret") in error and "loopback address" in error
    assert [path for _, path, *_ in loopback.requests] == ["/story"]  # the redirect hop was never sent
    assert guarded.get(f"/api/incidents/{INCIDENT}/evidence").json() == []


def test_capture_of_public_looking_host_still_works(guarded, loopback, public_name):
    port = loopback.base_url.rsplit(":", 1)[1]
    loopback.routes["/story"] = Canned("<html><head><title>Fictional</title></head><body><p>Market</p></body></html>")
    r = _capture(guarded, f"http://{PUBLIC_HOST}:{port}/story")
    assert r.status_code == 201, r.text
    assert r.json()["source_url"] == f"http://{PUBLIC_HOST}:{port}/story"


def test_url_ingest_of_internal_address_is_refused(guarded, loopback):
    r = guarded.post("/api/ingest", data={"urls": "http://169.254.169.254/latest/meta-data/\n"},
                     headers={"X-CSRF-Token": guarded.csrf})
    assert r.status_code == 400
    assert "169.254.169.254 is a link-local address" in r.json()["error"]
    r = guarded.post("/api/ingest", data={"urls": loopback.url("/feed.xml")}, headers={"X-CSRF-Token": guarded.csrf})
    assert r.status_code == 400 and "loopback" in r.json()["error"]
    assert guarded.get("/api/jobs").json() == []


def test_url_ingest_redirect_into_loopback_fails_the_job(guarded, loopback, public_name):
    port = loopback.base_url.rsplit(":", 1)[1]
    loopback.routes["/feed.xml"] = Canned(b"", status=301, headers={"Location": loopback.url("/private.xml")})
    r = guarded.post("/api/ingest", data={"urls": f"http://{PUBLIC_HOST}:{port}/feed.xml"},
                     headers={"X-CSRF-Token": guarded.csrf})
    assert r.status_code == 202, r.text
    job = r.json()
    for _ in range(200):
        job = guarded.get(f"/api/jobs/{job['id']}").json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert job["status"] == "failed", job
    assert any("refused to fetch an internal address" in e for e in job["errors"]), job
    assert "/private.xml" not in [path for _, path, *_ in loopback.requests]


@pytest.mark.parametrize(("kwargs", "allowed"), [({}, True), ({"allowed_hosts": ("newsroom.example",)}, False),
                                                  ({"allowed_hosts": ("newsroom.example",), "allow_private_urls": True},
                                                   True), ({"allow_private_urls": False}, False)])
def test_default_follows_the_binding(web_db, tmp_path, kwargs, allowed):
    app = create_app(str(web_db), vault=str(tmp_path / "vault"), **kwargs)
    assert app.state.web.settings.allow_private_urls is allowed


@pytest.mark.parametrize(("args", "allowed"), [(["--host", "127.0.0.1"], True), (["--host", "0.0.0.0"], False),
                                               (["--host", "0.0.0.0", "--allow-private-urls"], True),
                                               (["--host", "127.0.0.1", "--no-private-urls"], False)])
def test_serve_sets_the_guard_and_never_prints_the_token(tmp_path, capsys, monkeypatch, args, allowed):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    secret = "s3cret-token-never-shown"
    monkeypatch.setenv("STORYRADAR_TOKEN", secret)
    assert main(["serve", "--db", str(tmp_path / "s.duckdb"), *args]) == 0
    out = capsys.readouterr()
    assert secret not in out.out and secret not in out.err
    assert started["app"].state.web.settings.allow_private_urls is allowed
    assert ("public URLs only" in out.out) is not allowed


def test_serve_help_suggests_the_env_var(capsys):
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "STORYRADAR_TOKEN" in out and "--allow-private-urls" in out
