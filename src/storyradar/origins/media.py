"""Register a post's media (a video's file or info JSON, a Telegram post's attachments) as evidence in one step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from ..model import Article
from ..store import Store


def media_files(article: Article) -> list[Path]:
    """Files behind a post that exist on disk: attachments, else the yt-dlp info JSON itself."""
    files = []
    base = Path(article.extras.get("export_dir") or ".")
    for item in article.extras.get("media") or []:
        name = item.get("file")
        if name:
            path = Path(name) if Path(name).is_absolute() else base / name
            if path.is_file():
                files.append(path)
    if not files and article.extras.get("info_json") and Path(article.extras["info_json"]).is_file():
        files.append(Path(article.extras["info_json"]))
    return files


def register_post_media(store: Store, url_or_id: str, incident: str, *, by: str | None = None,
                        note: str | None = None) -> list[Any]:
    """Put a stored post's files in the evidence vault with the post's URL and time as their origin."""
    from ..evidence import add_evidence

    article = store.get_article(store.find_article_id(url_or_id))
    files = media_files(article)
    if not files:
        raise NotFoundError("the post has no media file on disk to register", path=article.url,
                            hint="download the media next to the export or info JSON first")
    first_seen = article.published_at.isoformat() if article.published_at else None
    return add_evidence(store, files, incident=incident, source_url=article.url, first_seen=first_seen, by=by,
                        how=f"{article.source_kind} post media", note=note or f"media of post {article.url}")
