"""Web capture against a loopback server: WARC request/response records, redirects, text, failures."""

from __future__ import annotations

import gzip

import httpx
import pytest
from evidence_helpers import INCIDENT, PAGE, Canned
from warcio.archiveiterator import ArchiveIterator

from storyradar.errors import IngestError
from storyradar.evidence import capture_url, entries, list_evidence, verify


def _records(path):
    out = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh, check_digests=True):
            out.append((rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"), rec.http_headers,
                        rec.content_stream().read(), rec.rec_headers))
            assert rec.digest_checker.passed is not False, rec.digest_checker.problems
    return out


def test_capture_stores_request_and_response_as_warc(store, incident, vault, loopback):
    loopback.routes["/news/fire"] = Canned(PAGE, headers={"Content-Type": "text/html; charset=utf-8",
                                                          "X-Fictional": "yes"})
    url = loopback.url("/news/fire")
    item = capture_url(store, url, incident=INCIDENT, by="archivist")
    assert item.kind == "web-capture" and item.mime == "application/warc"
    assert item.source_url == url and item.acquired_how == "capture" and item.acquired_by == "archivist"
    assert item.original_name.startswith("127.0.0.1-") and item.original_name.endswith(".warc.gz")
    recs = _records(vault.path_for(item.sha256))
    assert [r[0] for r in recs] == ["warcinfo", "response", "request"]
    _, uri, http, payload, headers = recs[1]
    assert uri == url and http.get_statuscode() == "200" and http.get_header("X-Fictional") == "yes"
    assert payload == PAGE.encode("utf-8")
    assert headers.get_header("WARC-Payload-Digest", "").startswith("sha1:")
    req_http, req_headers = recs[2][2], recs[2][4]
    assert (req_http.protocol, req_http.statusline) == ("GET", "/news/fire HTTP/1.1")
    assert req_http.get_header("User-Agent").startswith("storyradar/")
    assert req_headers.get_header("WARC-Concurrent-To") == headers.get_header("WARC-Record-ID")
    method, path, sent_headers, _ = loopback.requests[0]
    assert (method, path) == ("GET", "/news/fire") and sent_headers["User-Agent"].startswith("storyradar/")
    cap = item.media["capture"]
    assert cap["status"] == 200 and cap["final_url"] == url and cap["redirects"] == []
    assert cap["payload_bytes"] == len(PAGE.encode()) and cap["warc_records"] == 3
    assert cap["extracted"]["title"] == "Market fire in Brightwater: what we know"
    assert "covered market of Brightwater" in cap["extracted"]["text"]
    assert item.first_seen_at is not None and cap["fetched_at"] == item.first_seen_at.isoformat()
    [entry] = entries(store, INCIDENT)
    assert entry.action == "acquired" and entry.details["origin"]["how"] == "capture"
    assert verify(store, record=False).ok and vault.temp_files() == []


def test_capture_archives_every_redirect_hop(store, incident, vault, loopback):
    loopback.routes["/old"] = Canned("moved", status=301, headers={"Location": "/new", "Content-Type": "text/plain"})
    loopback.routes["/new"] = Canned(PAGE)
    item = capture_url(store, loopback.url("/old"), incident=INCIDENT, by="a")
    cap = item.media["capture"]
    assert cap["redirects"] == [loopback.url("/old")] and cap["final_url"] == loopback.url("/new")
    recs = _records(vault.path_for(item.sha256))
    responses = [(r[1], r[2].get_statuscode()) for r in recs if r[0] == "response"]
    assert responses == [(loopback.url("/old"), "301"), (loopback.url("/new"), "200")]
    assert cap["warc_records"] == 5


def test_missing_page_is_still_captured_with_its_status(store, incident, loopback):
    item = capture_url(store, loopback.url("/deleted-post"), incident=INCIDENT, by="a")
    assert item.media["capture"]["status"] == 404
    assert "not HTML" in item.media["capture"]["extracted"]["error"]
    assert len(list_evidence(store)) == 1


def test_gzip_encoded_payload_is_kept_raw_and_decoded_for_text(store, incident, vault, loopback):
    body = gzip.compress(PAGE.encode("utf-8"))
    loopback.routes["/gz"] = Canned(body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    item = capture_url(store, loopback.url("/gz"), incident=INCIDENT, by="a")
    [resp] = [r for r in _records(vault.path_for(item.sha256)) if r[0] == "response"]
    assert resp[2].get_header("Content-Encoding") == "gzip"
    assert "covered market" in item.media["capture"]["extracted"]["text"]


def test_unreachable_host_raises_and_stores_nothing(store, incident, vault):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IngestError, match="cannot fetch: ConnectError") as err:
        capture_url(store, f"http://127.0.0.1:{port}/x", incident=INCIDENT, by="a")
    assert f"127.0.0.1:{port}/x" in str(err.value)
    assert list_evidence(store) == [] and entries(store) == []
    assert vault.temp_files() == [] and list(vault.iter_files()) == []


def test_injected_client_timeout_and_user_agent(store, incident, loopback):
    loopback.routes["/slow"] = Canned(PAGE, delay_s=1.0)
    with httpx.Client(timeout=0.2) as client, pytest.raises(IngestError, match="ReadTimeout"):
        capture_url(store, loopback.url("/slow"), incident=INCIDENT, client=client, by="a")
    loopback.routes["/fast"] = Canned(PAGE)
    with httpx.Client(headers={"User-Agent": "newsroom-archiver/2"}) as client:
        capture_url(store, loopback.url("/fast"), incident=INCIDENT, client=client, by="a")
    assert loopback.requests[-1][2]["User-Agent"] == "newsroom-archiver/2"


def test_invalid_url_is_a_clear_error(store, incident):
    with pytest.raises(IngestError, match="cannot fetch"):
        capture_url(store, "ftp://example.test/file", incident=INCIDENT, by="a")


def test_capture_with_a_mock_transport(store, incident, vault):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE.encode("utf-8"))

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        item = capture_url(store, "https://news.example.test/fire", incident=INCIDENT, client=client, by="a")
    assert seen[0].headers["User-Agent"].startswith("storyradar/")
    [resp] = [r for r in _records(vault.path_for(item.sha256)) if r[0] == "response"]
    assert resp[3] == PAGE.encode("utf-8") and resp[1] == "https://news.example.test/fire"
    assert item.original_name.startswith("news.example.test-")
