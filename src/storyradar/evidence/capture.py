"""Web capture: fetch a page, keep the HTTP exchange as a WARC in the vault, with the extracted text."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import IngestError
from ..timeutil import now_utc
from .custody import default_actor
from .records import EvidenceItem
from .register import register_file
from .vault import Vault, vault_for

USER_AGENT = "storyradar/0.1 (evidence capture; +https://github.com/storyradar)"
TIMEOUT_S = 30.0
MAX_REDIRECTS = 5
MAX_BYTES = 200 * 1024 * 1024
#: Hop-by-hop framing that no longer describes the payload as stored (pywb's convention).
RENAMED_HEADERS = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}


def _fetch(client, url: str, max_redirects: int) -> list[tuple[Any, Any, bytes, datetime]]:
    """GET ``url`` following redirects by hand, keeping every (request, response, raw body, time)."""
    import httpx

    hops = []
    current = url
    for hop in range(max_redirects + 1):
        headers = {"Accept-Encoding": "identity"}
        if client.headers.get("user-agent", "").startswith("python-httpx"):
            headers["User-Agent"] = USER_AGENT
        try:
            request = client.build_request("GET", current, headers=headers)
            at = now_utc()
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                chunks = _read_raw(response, current)
            finally:
                response.close()
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise IngestError(f"cannot fetch: {type(exc).__name__}: {exc}", path=current,
                              hint="check the URL and the network; nothing was stored") from exc
        hops.append((request, response, b"".join(chunks), at))
        location = response.headers.get("location")
        if response.is_redirect and location and hop < max_redirects:
            current = str(response.url.join(location))
            continue
        break
    return hops


def _read_raw(response, url: str) -> list[bytes]:
    """The body as sent on the wire (before Content-Encoding is undone), size-capped."""
    import httpx

    chunks, size = [], 0
    try:
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > MAX_BYTES:
                raise IngestError(f"response larger than {MAX_BYTES} bytes", path=url)
            chunks.append(chunk)
    except httpx.StreamConsumed:  # an in-memory response (e.g. httpx.MockTransport): already read
        return [response.content]
    return chunks


def _decoded(body: bytes, encoding: str) -> bytes | None:
    """The payload without its Content-Encoding (gzip/deflate), None when it cannot be decoded here."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompress(body, wbits=31)
        if encoding == "deflate":
            return zlib.decompress(body)
    except zlib.error:
        return None
    return None


def write_warc(fh, hops: list[tuple[Any, Any, bytes, datetime]]) -> int:
    """Write request + response records (and a warcinfo) for each hop as gzipped WARC; return the count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.timeutils import datetime_to_iso_date
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(fh, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(
        "capture.warc.gz", {"software": "storyradar evidence capture", "format": "WARC File Format 1.1"}))
    count = 1
    for request, response, body, at in hops:
        date = datetime_to_iso_date(at.replace(tzinfo=None), use_micros=True)
        resp_headers = [(RENAMED_HEADERS.get(k.lower(), k), v) for k, v in response.headers.multi_items()]
        http_version = response.http_version or "HTTP/1.1"
        req_version = "HTTP/2" if http_version == "HTTP/2" else "HTTP/1.1"  # what httpx sent
        resp_rec = writer.create_warc_record(
            str(request.url), "response", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"{response.status_code} {response.reason_phrase}",
                                          resp_headers, protocol=http_version),
        )
        target = request.url.raw_path.decode("ascii", "replace")
        req_rec = writer.create_warc_record(
            str(request.url), "request", payload=io.BytesIO(b""), length=0,
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"GET {target} {req_version}", list(request.headers.multi_items()),
                                          is_http_request=True),
        )
        writer.write_request_response_pair(req_rec, resp_rec)
        count += 2
    return count


def extract_text(body: bytes, url: str) -> dict[str, Any]:
    """Title, main text, date, author and site name of an HTML page via trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(body, url=url, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 - extraction is a convenience; the WARC is the evidence
        return {"error": f"{type(exc).__name__}: {exc}"}
    if doc is None:
        return {"error": "no main text found"}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {k: data.get(k) for k in ("title", "text", "date", "author", "sitename") if data.get(k)}


def capture_url(store, url: str, *, incident: str, client=None, by: str | None = None,
                vault: str | Path | Vault | None = None, note: str | None = None,
                max_redirects: int = MAX_REDIRECTS) -> EvidenceItem:
    """Fetch ``url`` and register the exchange as a WARC evidence file of ``incident``.

    Redirects are followed by hand so that every hop is archived (request + response records). Any
    HTTP status is kept — a 404 or 410 is itself a finding. The extracted text and the capture
    details are kept in the item's ``media["capture"]``. Network failures raise IngestError and
    store nothing.
    """
    import httpx

    inc = store.get_incident(incident)
    own = client is None
    if own:
        client = httpx.Client(timeout=httpx.Timeout(TIMEOUT_S), headers={"User-Agent": USER_AGENT})
    try:
        hops = _fetch(client, url, max_redirects)
    finally:
        if own:
            client.close()
    request, response, body, at = hops[-1]
    v = vault_for(store, vault).ensure()
    fd, tmp_name = tempfile.mkstemp(dir=v.tmp_dir, prefix="capture-", suffix=".warc.gz")
    try:
        with os.fdopen(fd, "wb") as fh:
            records = write_warc(fh, hops)
        payload = _decoded(body, response.headers.get("content-encoding", ""))
        ctype = response.headers.get("content-type", "")
        if payload is None:
            extracted: dict[str, Any] = {"error": "payload encoding not decodable here"}
        elif "html" in ctype.lower() or payload.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
            extracted = extract_text(payload, str(request.url))
        else:
            extracted = {"error": f"not HTML ({ctype or 'no Content-Type'})"}
        capture = {
            "url": url, "final_url": str(request.url), "status": response.status_code,
            "fetched_at": at.isoformat(), "content_type": ctype, "payload_bytes": len(body),
            "redirects": [str(h[0].url) for h in hops[:-1]], "warc_records": records,
            "user_agent": request.headers.get("user-agent"), "extracted": extracted,
        }
        host = urlsplit(url).hostname or "page"
        name = f"{host}-{at.strftime('%Y%m%dT%H%M%SZ')}.warc.gz"
        origin = {"source_url": url, "first_seen_at": at, "first_seen_offset_min": None,
                  "by": by or default_actor(), "how": "capture", "note": note}
        return register_file(store, v, inc, Path(tmp_name), origin, extra_media={"capture": capture},
                             name=name)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
