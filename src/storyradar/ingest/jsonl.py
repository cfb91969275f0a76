"""Source kind ``jsonl``: one article per line of a JSON Lines export; invalid lines rejected by number."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError, TimeError
from ..model import Article, RawPage, Rejected
from ..timeutil import parse_time, zone
from .files import input_file, max_bytes_of
from .language import detect_language, normalise_language
from .outlets import outlet_of
from .registry import PageWithFields, Record, SourceOption, source

SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Fields with a meaning; anything else on a line is kept in ``extras``.
KNOWN_FIELDS = ("url", "title", "text", "html", "published_at", "outlet", "language", "country", "author")
_DATE_ONLY = 10  # len("2023-09-06")


def _detect(locator: str) -> bool:
    path = Path(locator)
    return path.is_file() and path.name.lower().endswith(SUFFIXES)


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


@source(
    "jsonl", "JSON Lines: one article per line (url required; title, text, html, published_at, ...).",
    detect=_detect,
    options=(
        SourceOption("timezone", None, "Zone of published_at values without an offset (else rejected)."),
        SourceOption("max_mb", 20, "Refuse lines longer than this many megabytes."),
    ),
)
def iter_jsonl(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield an Article per line (a RawPage when only ``html`` is given); a Rejected names file:line."""
    path = input_file(locator)
    if path is None:
        yield Rejected(locator, "", "empty file")
        return
    assume = zone(options["timezone"]) if options.get("timezone") else None
    cap = max_bytes_of(options)
    collection = options.get("collection_source") or locator
    with _open(path) as fh:
        n = 0
        while True:
            raw = fh.readline(cap + 1)
            if not raw:
                break
            n += 1
            if len(raw) > cap and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                    raw = fh.readline(cap + 1)
                yield Rejected(locator, f"line {n}", f"line is over the {cap / 1e6:.0f} MB cap")
                continue
            if not raw.strip():
                continue
            try:
                yield parse_line(raw, n, locator=locator, collection=collection, assume=assume)
            except IngestError as exc:
                yield Rejected(locator, f"line {n}", exc.reason)


def parse_line(raw: bytes, n: int, *, locator: str, collection: str,
               assume: Any = None) -> Article | RawPage | PageWithFields:
    """One JSONL line as an Article (or a RawPage to extract); IngestError says what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"undecodable bytes: not UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                          f"{exc.start + 1})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise IngestError(f"expected a JSON object, got {type(data).__name__}")
    url = data.get("url")
    if not isinstance(url, str) or not url.strip():
        raise IngestError("missing required field 'url'")
    for name in KNOWN_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise IngestError(f"field {name!r} must be a string, got {type(data[name]).__name__}")
    published = offset = None
    raw_date = (data.get("published_at") or "").strip()
    precision = ""
    if raw_date:
        try:
            if len(raw_date) == _DATE_ONLY:  # a day alone is not a naive time: keep it at day precision
                published, offset = parse_time(raw_date, assume=zone("UTC"), what="published_at")
                offset, precision = None, "day"
            else:
                published, offset = parse_time(raw_date, assume=assume, what="published_at")
                precision = "minute"
        except TimeError as exc:
            hint = " (add an offset or pass --timezone)" if "no time zone" in exc.reason else ""
            raise IngestError(exc.reason + hint) from exc
    extras = {k: v for k, v in data.items() if k not in KNOWN_FIELDS}
    if precision:
        extras["date_precision"] = precision
    where = f"{locator}:{n}"
    title = (data.get("title") or "").strip()
    body = (data.get("text") or "").strip()
    if data.get("html") and not body:
        page = RawPage(url=url.strip(), html=data["html"].encode("utf-8"), source_kind="jsonl", locator=where,
                       collection_source=collection, hint_published_at=published, hint_offset_min=offset,
                       hint_date_source="declared" if published else "", hint_title=title)
        given = {k: data[k].strip() for k in ("outlet", "language", "country", "author") if data.get(k)}
        if given.get("language"):
            given["language"] = normalise_language(given["language"])
        if given.get("country"):
            given["country"] = given["country"].upper()
        return PageWithFields(page, {**given, "extras": extras}) if (given or extras) else page
    if not body and not title:
        raise IngestError("no 'text', 'html' or 'title': nothing to ingest")
    language = normalise_language(data.get("language")) or detect_language(f"{title}\n{body}")
    return Article(
        url=url.strip(), title=title, text=body, published_at=published, published_offset_min=offset,
        date_source="declared" if published else "unknown",
        outlet=(data.get("outlet") or "").strip() or outlet_of(url), language=language,
        country=(data.get("country") or "").strip().upper(), author=(data.get("author") or "").strip(),
        source_kind="jsonl", locator=where, collection_source=collection, extras=extras,
    )
