"""Source kind ``tgpreview``: a public channel's web preview (t.me/s/CHANNEL), fetched politely, page by page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from ..errors import IngestError, TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time
from .fetch import Fetcher, settings_from_options
from .language import detect_language, normalise_language
from .registry import Record, SourceOption, source

_PREVIEW = re.compile(r"^https?://[^/]+/s/(?P<channel>[A-Za-z0-9_]{3,64})/?(?:\?.*)?$")
_DURATION = re.compile(r"^(?:(\d+):)?(\d+):(\d{2})$")


def _detect(locator: str) -> bool:
    m = _PREVIEW.match(locator.strip())
    return bool(m) and urlsplit(locator).hostname in ("t.me", "telegram.me")


def channel_of(url: str) -> str:
    """The channel name in a t.me/s/CHANNEL URL (IngestError otherwise)."""
    m = _PREVIEW.match(url.strip())
    if not m:
        raise IngestError("not a public channel preview URL like https://t.me/s/CHANNEL", path=url)
    return m.group("channel")


@dataclass(slots=True, frozen=True)
class PreviewPage:
    """One parsed preview page: its posts (oldest first) and the link to older posts, if any."""

    channel_title: str
    posts: list[Article | Rejected]
    older: str | None


def _text(node: Any) -> str:
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return node.text_content().strip()


def _duration(text: str) -> int | None:
    m = _DURATION.match(text.strip())
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


def parse_preview(html: bytes | str, page_url: str, *, language: str = "") -> PreviewPage:
    """Parse a t.me/s/ page into posts: text with links, time (``<time datetime>``), edits, forwards, media."""
    try:
        doc = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise IngestError(f"not an HTML page: {exc}", path=page_url) from exc
    title_nodes = doc.xpath("//div[contains(@class,'tgme_channel_info_header_title')]")
    channel_title = title_nodes[0].text_content().strip() if title_nodes else ""
    posts: list[Article | Rejected] = []
    for node in doc.xpath("//div[contains(concat(' ', @class, ' '), ' tgme_widget_message ')][@data-post]"):
        data_post = node.get("data-post", "")
        try:
            posts.append(_post(node, data_post, page_url, channel_title, language))
        except IngestError as exc:
            posts.append(Rejected(page_url, f"post {data_post}", exc.reason))
    older = None
    for link in doc.xpath("//link[@rel='prev']/@href") + doc.xpath("//a[contains(@class,'tme_messages_more')]"
                                                                   "[@data-before]/@href"):
        older = urljoin(page_url, link)
        break
    return PreviewPage(channel_title, posts, older)


def _post(node: Any, data_post: str, page_url: str, channel_title: str, language: str) -> Article:
    channel, _, mid = data_post.partition("/")
    if not channel or not mid.isdigit():
        raise IngestError(f"data-post {data_post!r} is not CHANNEL/ID")
    times = node.xpath(".//a[contains(@class,'tgme_widget_message_date')]//time/@datetime")
    if not times:
        raise IngestError("no <time datetime> in the post footer")
    try:
        published, offset = parse_time(times[0], what="post time")
    except TimeError as exc:
        raise IngestError(exc.reason) from exc
    text_nodes = node.xpath(".//div[contains(@class,'tgme_widget_message_text')]")
    links = []
    text = ""
    if text_nodes:
        links = [h for h in text_nodes[0].xpath(".//a/@href")]
        text = _text(text_nodes[0])
    extras: dict[str, Any] = {"channel_name": channel_title, "message_id": int(mid), "preview_page": page_url}
    if links:
        extras["links"] = links
    fwd = node.xpath(".//a[contains(@class,'tgme_widget_message_forwarded_from_name')]")
    if fwd:
        extras["forwarded_from"] = fwd[0].text_content().strip()
        if fwd[0].get("href"):
            extras["forwarded_from_url"] = fwd[0].get("href")
    meta = " ".join(x.text_content() for x in node.xpath(".//span[contains(@class,'tgme_widget_message_meta')]"))
    if "edited" in meta:
        extras["edited"] = True  # the preview says so but gives no edit time
    media = []
    for v in node.xpath(".//a[contains(@class,'tgme_widget_message_video_player')]"):
        dur = v.xpath(".//time[contains(@class,'message_video_duration')]/text()")
        item: dict[str, Any] = {"kind": "video", "url": v.get("href", "")}
        if dur and _duration(dur[0]) is not None:
            item["duration_seconds"] = _duration(dur[0])
        media.append(item)
    for p in node.xpath(".//a[contains(@class,'tgme_widget_message_photo_wrap')]"):
        media.append({"kind": "photo", "url": p.get("href", "")})
    if media:
        extras["media"] = media
    if not text and not media:
        raise IngestError("post has neither text nor media")
    url = f"https://t.me/{channel}/{mid}"
    return Article(
        url=url, title=(text.split("\n", 1)[0][:140] if text else f"[{media[0]['kind']}]"), text=text,
        published_at=published, published_offset_min=offset or None, date_source="declared",
        outlet=f"t.me/{channel}", language=language or detect_language(text), author=channel_title or channel,
        source_kind="telegram", locator=f"{page_url}#post={mid}", collection_source=f"t.me/{channel}",
        extras=extras,
    )


def fetch_channel(url: str, *, fetcher: Fetcher, max_pages: int = 1, since_id: int = 0,
                  language: str = "") -> Iterator[Article | Rejected]:
    """Posts of a public channel from its preview, newest page first, following 'older' links.

    Stops after ``max_pages`` pages or once a page reaches posts at or below ``since_id`` (what a
    watch run already has). The fetcher brings the politeness: robots.txt, per-host rate, back-off.
    """
    page_url: str | None = url
    for _ in range(max(1, max_pages)):
        if page_url is None:
            return
        got = fetcher.fetch(page_url)
        page = parse_preview(got.content, page_url, language=language)
        for post in reversed(page.posts):  # newest first, as the pages go
            if isinstance(post, Article) and since_id and post.extras["message_id"] <= since_id:
                return
            if isinstance(post, Article):
                post.fetched_at = got.fetched_at
            yield post
        page_url = page.older


@source(
    "tgpreview", "Public Telegram channel web preview (https://t.me/s/CHANNEL), fetched politely.",
    detect=_detect, priority=5,
    options=(
        SourceOption("pages", 1, "How many preview pages to read (each holds about 20 posts)."),
        SourceOption("since_id", 0, "Stop at posts with this id or lower (already collected)."),
        SourceOption("language", None, "Language of every post (skips detection)."),
        SourceOption("rate", 1.0, "Seconds between two requests to one host."),
        SourceOption("retries", 3, "Retries on 429/5xx and network errors, with doubling back-off."),
    ),
)
def iter_tgpreview(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield the channel's posts from its public preview pages."""
    channel_of(locator)
    language = normalise_language(options.get("language")) if options.get("language") else ""
    with Fetcher(settings=settings_from_options(options), client=options.get("client")) as fetcher:
        yield from fetch_channel(locator, fetcher=fetcher, max_pages=int(options.get("pages") or 1),
                                 since_id=int(options.get("since_id") or 0), language=language)
