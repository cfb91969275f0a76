"""Extraction: RawPage HTML to an Article — text via trafilatura, date via markup and htmldate, language, outlet."""

from __future__ import annotations

import codecs
import json
import re
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

from lxml import html as lxml_html
from trafilatura import bare_extraction

from ..errors import IngestError, TimeError
from ..model import Article, RawPage
from ..timeutil import parse_time
from .language import detect_language, normalise_language
from .outlets import outlet_of

#: Pages larger than this (bytes) are refused by default; sources expose it as ``max_mb``.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: <meta> names/properties that carry the publication time, strongest first.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
    "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "date", "article_date_original",
)
#: An untitled page needs at least this many letters or digits of text to count as an article.
MIN_TEXT_CHARS = 20
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}
_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, *, path: str = "", locator: str = "", charset: str = "") -> str:
    """HTML bytes as text: BOM, HTTP charset, <meta charset>, UTF-8, then a best guess.

    Binary data (NUL bytes, mostly control characters) raises IngestError: it is not a page.
    """
    if not data.strip():
        raise IngestError("empty page", path=path, locator=locator)
    head = data[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("undecodable bytes: binary data (NUL bytes), not an HTML page",
                          path=path, locator=locator)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    declared = [charset] if charset else []
    m = _CHARSET.search(head)
    if m:
        declared.append(m.group(1).decode("ascii", "ignore"))
    for enc in [*declared, "utf-8"]:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    mostly_utf8 = data.decode("utf-8", errors="replace")
    if mostly_utf8.count("\ufffd") <= 0.005 * len(mostly_utf8):  # a few stray bytes in a UTF-8 page
        return mostly_utf8
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise IngestError("undecodable bytes: no text encoding fits this page",
                          path=path, locator=locator)
    text = data.decode(best.encoding, errors="replace")
    letters = sum(c.isalnum() or c.isspace() or c in "<>/=\"'.,;:-_!?()[]{}#&%" for c in text[:5000])
    if letters < 0.7 * min(len(text), 5000):
        raise IngestError(f"undecodable bytes: not text in any encoding (best guess {best.encoding})",
                          path=path, locator=locator)
    return text


def _meta_published(tree: Any) -> list[tuple[int, str]]:
    """(rank, value) of every publication-time candidate in the page's markup."""
    found: list[tuple[int, str]] = []
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key in _PUBLISHED_RANK and value:
            found.append((_PUBLISHED_RANK[key], value))
    for el in tree.xpath('.//*[@itemprop="datePublished"][not(self::meta)]'):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if value:
            found.append((2, value))
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        for value in _jsonld_dates(script.text or ""):
            found.append((1, value))
    for el in tree.xpath(".//time[@datetime]")[:1]:
        found.append((len(PUBLISHED_META) + 1, el.get("datetime").strip()))
    found.sort(key=lambda item: item[0])
    return found


def _jsonld_dates(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    out: list[str] = []
    stack = [data]
    while stack and len(out) < 5:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                out.append(value.strip())
            stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "itemListElement"))
    return out


def _parse_markup_time(value: str) -> tuple[datetime | None, int | None, date | None]:
    """(UTC time, offset) when the markup states a zone; else (None, None, the date it names)."""
    try:
        utc, offset = parse_time(value, what="page time")
        return utc, offset, None
    except TimeError:
        pass
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return None, None, date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None, None, None
    return None, None, None


def _head_info(tree: Any, base_url: str) -> dict[str, str]:
    info = {"lang": "", "canonical": ""}
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    info["lang"] = normalise_language(root.get("lang") or root.get("xml:lang")
                                      or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    og_url = ""
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("http-equiv") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if not info["lang"] and key in ("og:locale", "content-language", "language", "dc.language"):
            info["lang"] = normalise_language(content)
        elif key == "og:url" and content:
            og_url = content
    for el in tree.xpath('.//link[@rel][@href]'):
        if "canonical" in el.get("rel", "").lower().split():
            info["canonical"] = el.get("href").strip()
            break
    canonical = info["canonical"] or og_url
    if canonical:
        canonical = urljoin(base_url, canonical) if base_url.startswith("http") else canonical
        info["canonical"] = canonical if canonical.startswith(("http://", "https://")) else ""
    return info


def _url_date(url: str) -> date | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _local_date(utc: datetime, offset: int | None) -> date:
    from datetime import timedelta

    return (utc + timedelta(minutes=offset or 0)).date()


def choose_date(raw: RawPage, candidates: list[tuple[int, str]], htmldate_value: str | None) -> dict[str, Any]:
    """Decide the publication time and how it was known.

    Order: a date the user declared; a time with a zone in the page's markup (meta, JSON-LD,
    itemprop; a bare <time> only when htmldate agrees on the day); a feed's time; htmldate's day
    (labelled html-meta, url or text by where it appears); the WARC-Date; the fetch time.
    """
    if raw.hint_published_at is not None and raw.hint_date_source == "declared":
        return _dated(raw.hint_published_at, raw.hint_offset_min, "declared", "minute")
    extracted = _date_or_none(htmldate_value)
    for rank, value in candidates:
        utc, offset, _day = _parse_markup_time(value)
        if utc is None:
            continue
        weak = rank > len(PUBLISHED_META)  # a bare <time> may belong to another story
        if weak and extracted is not None and _local_date(utc, offset) != extracted:
            continue
        if not offset:  # the same instant stated elsewhere with the publisher's own offset
            offset = next((o for _r, v in candidates if (t := _parse_markup_time(v))[0] == utc
                           and (o := t[1])), offset)
        return _dated(utc, offset, "html-meta", "minute", raw=value)
    if raw.hint_published_at is not None:
        return _dated(raw.hint_published_at, raw.hint_offset_min, raw.hint_date_source or "feed", "minute")
    if extracted is not None:
        markup_days = {d for _r, v in candidates if (d := _parse_markup_time(v)[2]) is not None}
        if extracted in markup_days:
            source = "html-meta"
        elif _url_date(raw.url) == extracted:
            source = "url"
        else:
            source = "text"
        utc = datetime(extracted.year, extracted.month, extracted.day, tzinfo=UTC)
        return _dated(utc, None, source, "day", raw=htmldate_value)
    if raw.crawl_date is not None:
        return _dated(raw.crawl_date, None, "warc-header", "minute")
    if raw.fetched_at is not None:
        return _dated(raw.fetched_at, None, "fetched", "minute")
    return {"published_at": None, "offset": None, "source": "unknown", "precision": ""}


def _dated(utc: datetime, offset: int | None, source: str, precision: str, raw: str = "") -> dict[str, Any]:
    return {"published_at": utc.astimezone(UTC), "offset": offset, "source": source,
            "precision": precision, "raw": raw}


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(raw: RawPage, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Extract one page into an Article; IngestError (naming the page) when nothing usable is in it."""
    where = {"path": raw.locator.split("@", 1)[0] if "@" in raw.locator else raw.locator,
             "locator": raw.locator.split("@", 1)[1] if "@" in raw.locator else ""}
    if len(raw.html) > max_bytes:
        raise IngestError(f"page is {len(raw.html) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB cap",
                          hint="raise it with --max-mb", **where)
    text = decode_html(raw.html, **where)
    try:
        tree = lxml_html.document_fromstring(text)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise IngestError(f"malformed HTML: {exc}", **where) from exc
    head = _head_info(tree, raw.url)
    candidates = _meta_published(tree)  # read before trafilatura prunes scripts and <time>
    doc = bare_extraction(tree, url=raw.url if raw.url.startswith("http") else None,
                          with_metadata=True, include_comments=False)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = (data.get("text") or "").strip()
    title = (data.get("title") or raw.hint_title or "").strip()
    if not title and sum(c.isalnum() for c in body) < MIN_TEXT_CHARS:
        raise IngestError("malformed or empty HTML: no article text or title found", **where)
    published = choose_date(raw, candidates, data.get("date"))
    canonical = head["canonical"]
    url = canonical if (canonical and not raw.url.startswith("http")) else raw.url
    language = head["lang"] or detect_language(f"{title}\n{body}")
    extras: dict[str, Any] = {}
    if published.get("raw"):
        extras["published_raw"] = published["raw"]
    if published["precision"]:
        extras["date_precision"] = published["precision"]
    if head["lang"]:
        extras["language_from"] = "markup"
    elif language:
        extras["language_from"] = "detected"
    return Article(
        url=url, title=title, text=body, published_at=published["published_at"],
        published_offset_min=published["offset"], date_source=published["source"],
        outlet=outlet_of(canonical or url), language=language, author=(data.get("author") or "").strip(),
        canonical_url=canonical, source_kind=raw.source_kind, locator=raw.locator,
        collection_source=raw.collection_source, fetched_at=raw.fetched_at, extras=extras,
    )
