"""Source kind ``video``: yt-dlp info JSON files (--write-info-json) and local media files read with ffprobe."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import IngestError, TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time, to_utc
from .language import detect_language, normalise_language
from .outlets import outlet_of
from .registry import Record, SourceOption, source

INFO_SUFFIX = ".info.json"
MEDIA_SUFFIXES = (".mp4", ".mkv", ".webm", ".mov", ".m4v", ".avi", ".mp3", ".m4a", ".ogg", ".opus", ".wav")


def _detect(locator: str) -> bool:
    path = Path(locator)
    name = path.name.lower()
    if path.is_dir():
        return any(p.name.lower().endswith(INFO_SUFFIX) for p in path.iterdir())
    return path.is_file() and (name.endswith(INFO_SUFFIX) or name.endswith(MEDIA_SUFFIXES))


def upload_time(info: dict[str, Any]) -> tuple[datetime | None, str]:
    """When the video was published: ``timestamp`` / ``release_timestamp`` (UTC seconds), else
    ``upload_date`` (a UTC day, YYYYMMDD); with the precision ("second" or "day")."""
    for key in ("timestamp", "release_timestamp"):
        if info.get(key) is not None:
            try:
                when = datetime.fromtimestamp(float(info[key]), UTC)
            except (TypeError, ValueError, OverflowError, OSError) as exc:
                raise IngestError(f"{key} {info[key]!r} is not a Unix time") from exc
            try:
                return to_utc(when, what=key)[0], "second"
            except TimeError as exc:
                raise IngestError(exc.reason) from exc
    day = info.get("upload_date") or info.get("release_date")
    if day:
        text = str(day)
        if len(text) != 8 or not text.isdigit():
            raise IngestError(f"upload_date {text!r} is not YYYYMMDD")
        try:
            return parse_time(f"{text[:4]}-{text[4:6]}-{text[6:]}T00:00:00+00:00", what="upload_date")[0], "day"
        except TimeError as exc:
            raise IngestError(exc.reason) from exc
    return None, ""


def media_file_for(info_path: Path, info: dict[str, Any]) -> Path | None:
    """The downloaded media next to an info JSON (its ``filename``/``_filename``, else the same stem)."""
    for key in ("filepath", "filename", "_filename"):
        name = info.get(key)
        if isinstance(name, str) and name:
            cand = Path(name) if Path(name).is_absolute() else info_path.parent / Path(name).name
            if cand.is_file():
                return cand
    stem = info_path.name[: -len(INFO_SUFFIX)]
    for suffix in MEDIA_SUFFIXES:
        cand = info_path.parent / f"{stem}{suffix}"
        if cand.is_file():
            return cand
    return None


def info_to_article(info: dict[str, Any], path: Path, *, language: str = "") -> Article:
    """A yt-dlp info JSON as a post: title, description, uploader/channel, upload time, duration, URL."""
    if not isinstance(info, dict):
        raise IngestError("expected a JSON object")
    url = info.get("webpage_url") or info.get("original_url") or info.get("url")
    if not isinstance(url, str) or not url:
        raise IngestError("no webpage_url, original_url or url")
    published, precision = upload_time(info)
    channel = info.get("channel") or info.get("uploader") or ""
    handle = info.get("uploader_id") or info.get("channel_id") or channel or "unknown"
    title = str(info.get("title") or info.get("fulltitle") or "")
    description = str(info.get("description") or "")
    media = media_file_for(path, info)
    extras: dict[str, Any] = {
        "video_id": info.get("id"), "platform": info.get("extractor_key") or info.get("extractor") or "",
        "uploader": info.get("uploader") or "", "uploader_id": info.get("uploader_id") or "",
        "channel": info.get("channel") or "", "channel_id": info.get("channel_id") or "",
        "channel_url": info.get("channel_url") or info.get("uploader_url") or "",
        "duration_s": info.get("duration"), "info_json": str(path.resolve()), "date_precision": precision,
        "media": [{"kind": "video", "file": str(media) if media else None, "duration_seconds": info.get("duration")}],
    }
    for key in ("width", "height", "fps", "view_count", "tags", "location"):
        if info.get(key) not in (None, "", []):
            extras[key] = info[key]
    text = "\n\n".join(x for x in (title, description) if x)
    return Article(
        url=url, title=title, text=text, published_at=published, published_offset_min=None,
        date_source="declared" if published else "unknown", outlet=f"{outlet_of(url) or 'video'}/{handle}",
        language=normalise_language(language or info.get("language")) or detect_language(text),
        author=str(channel), source_kind="video", locator=str(path), collection_source=str(path.parent),
        extras=extras,
    )


def probe(path: Path) -> dict[str, Any]:
    """ffprobe's reading of a media file (duration, creation time, streams); says when ffprobe is absent."""
    from ..evidence.media import read_ffprobe

    return read_ffprobe(path)


def media_to_article(path: Path, meta: dict[str, Any]) -> Article:
    """A local media file as a post, timed by its container's creation_time (UTC by specification)."""
    published = None
    if meta.get("creation_time"):
        try:
            published = parse_time(str(meta["creation_time"]), what="creation_time")[0]
        except TimeError as exc:
            raise IngestError(exc.reason) from exc
    extras = {"ffprobe": meta, "media": [{"kind": "video", "file": str(path.resolve()),
                                           "duration_seconds": meta.get("duration_s")}]}
    return Article(url=path.resolve().as_uri(), title=path.name, text="", published_at=published,
                   date_source="declared" if published else "unknown", outlet="local-media",
                   source_kind="video", locator=str(path), collection_source=str(path.parent), extras=extras)


@source(
    "video", "Video metadata: yt-dlp .info.json files, and local media files via ffprobe when installed.",
    detect=_detect, priority=5,
    options=(SourceOption("language", None, "Language of titles and descriptions (skips detection)."),),
)
def iter_video(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield one post per info JSON or media file (a folder is read recursively)."""
    root = Path(locator)
    if not root.exists():
        raise IngestError("no such file or folder", path=locator)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and _detect(str(p)))
    for path in files:
        if path.name.lower().endswith(INFO_SUFFIX):
            try:
                info = json.loads(path.read_text(encoding="utf-8"))
                yield info_to_article(info, path, language=options.get("language") or "")
            except (ValueError, UnicodeDecodeError) as exc:
                yield Rejected(str(path), "", f"not a valid info JSON: {exc}")
            except IngestError as exc:
                yield Rejected(str(path), f"video {_vid(path)}", exc.reason)
            continue
        if shutil.which("ffprobe") is None:
            yield Rejected(str(path), "", "ffprobe is not installed, so local media cannot be read "
                                          "(install ffmpeg, or ingest the yt-dlp .info.json instead)")
            continue
        meta = probe(path)
        if meta.get("ffprobe") != "ok":
            yield Rejected(str(path), "", f"ffprobe failed: {meta.get('error', 'unknown error')}")
            continue
        try:
            yield media_to_article(path, meta)
        except IngestError as exc:
            yield Rejected(str(path), "", exc.reason)


def _vid(path: Path) -> str:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("id", "?"))
    except (ValueError, OSError, AttributeError):
        return "?"
