"""Source kind ``telegram``: Telegram Desktop JSON exports (one channel or a whole account), streamed with ijson."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ijson

from ..errors import IngestError, TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time, to_utc, zone
from .files import input_file
from .language import detect_language, normalise_language
from .registry import Record, Skipped, SourceOption, source

#: Entity types Telegram Desktop writes into ``text_entities``; others keep their text and are noted.
KNOWN_ENTITIES = frozenset({
    "plain", "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "link", "text_link",
    "mention", "mention_name", "hashtag", "cashtag", "bot_command", "email", "phone", "bank_card",
    "custom_emoji", "blockquote", "expandable_blockquote",
})
#: Message fields that describe attached media (kept so the evidence vault can take the files).
MEDIA_FIELDS = ("photo", "file", "file_name", "thumbnail", "media_type", "mime_type", "duration_seconds",
                "width", "height", "sticker_emoji")
NOT_INCLUDED = "(File not included"
_MAX_OFFSET_MIN = 14 * 60


def _detect(locator: str) -> bool:
    path = Path(locator)
    if not path.is_file() or path.suffix.lower() != ".json":
        return False
    with path.open("rb") as fh:
        head = fh.read(4096)
    return b'"messages"' in head or (b'"chats"' in head and b'"personal_information"' in head) or (
        path.name == "result.json" and b'"about"' in head)


def message_url(chat: dict[str, Any], message_id: int) -> str:
    """The post's public link (t.me/<username>/<id>) when the username is known, else the t.me/c/ form."""
    username = (chat.get("username") or "").lstrip("@")
    if username:
        return f"https://t.me/{username}/{message_id}"
    return f"https://t.me/c/{chat.get('id', 'unknown')}/{message_id}"


def _outlet(chat: dict[str, Any]) -> str:
    username = (chat.get("username") or "").lstrip("@")
    return f"t.me/{username}" if username else f"telegram:{chat.get('name') or chat.get('id') or 'unknown'}"


def assemble_text(message: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    """The message text rebuilt from its entity list, and the links, mentions, hashtags and odd types it holds.

    ``text_entities`` is preferred; the older mixed ``text`` list (strings and entity objects) and a plain
    ``text`` string are read too. IngestError when an entity is not an object with a string ``text``.
    """
    entities = message.get("text_entities")
    if entities is None:
        raw = message.get("text", "")
        entities = [raw] if isinstance(raw, str) else raw
    if not isinstance(entities, list):
        raise IngestError(f"text entities are a {type(entities).__name__}, not a list")
    parts: list[str] = []
    found: dict[str, list[str]] = {"links": [], "mentions": [], "hashtags": [], "unknown_entities": []}
    for n, ent in enumerate(entities):
        if isinstance(ent, str):
            parts.append(ent)
            continue
        if not isinstance(ent, dict) or not isinstance(ent.get("text"), str):
            raise IngestError(f"text entity {n} is not an object with a string 'text'")
        kind, text = str(ent.get("type", "")), ent["text"]
        parts.append(text)
        if kind == "link":
            found["links"].append(text)
        elif kind == "text_link" and isinstance(ent.get("href"), str):
            found["links"].append(ent["href"])
        elif kind in ("mention", "mention_name"):
            found["mentions"].append(text)
        elif kind in ("hashtag", "cashtag"):
            found["hashtags"].append(text)
        elif kind not in KNOWN_ENTITIES and kind not in found["unknown_entities"]:
            found["unknown_entities"].append(kind)
    return "".join(parts).strip(), {k: v for k, v in found.items() if v}


def _unix(value: Any, what: str) -> datetime:
    try:
        seconds = int(str(value).strip())
        return to_utc(datetime.fromtimestamp(seconds, UTC), what=what)[0]
    except (ValueError, OverflowError, OSError) as exc:
        raise IngestError(f"{what} {value!r} is not a Unix time in range") from exc
    except TimeError as exc:
        raise IngestError(exc.reason) from exc


def _exporter_offset(local: Any, utc: datetime) -> int | None:
    """The exporter's UTC offset, from the local ``date`` next to ``date_unixtime`` (quarter hours)."""
    if not isinstance(local, str):
        return None
    try:
        naive = datetime.fromisoformat(local)
    except ValueError:
        return None
    minutes = (naive - utc.replace(tzinfo=None)).total_seconds() / 60
    offset = int(round(minutes / 15) * 15)
    return offset if abs(offset) <= _MAX_OFFSET_MIN else None


def _post_time(msg: dict[str, Any], assume: Any) -> tuple[datetime, int | None]:
    if msg.get("date_unixtime") is not None:
        utc = _unix(msg["date_unixtime"], "date_unixtime")
        return utc, _exporter_offset(msg.get("date"), utc)
    if isinstance(msg.get("date"), str):
        try:
            return parse_time(msg["date"], assume=assume, what="date")
        except TimeError as exc:
            hint = " (old export without date_unixtime: pass the exporter's --timezone)" if "zone" in exc.reason else ""
            raise IngestError(exc.reason + hint) from exc
    raise IngestError("no date_unixtime or date")


def _media(msg: dict[str, Any]) -> list[dict[str, Any]]:
    found = {k: msg[k] for k in MEDIA_FIELDS if msg.get(k) not in (None, "")}
    if not found:
        return []
    item: dict[str, Any] = {"kind": found.get("media_type") or ("photo" if "photo" in found else "file")}
    path = found.get("photo") or found.get("file")
    if isinstance(path, str):
        item["included"] = not path.startswith(NOT_INCLUDED)
        if item["included"]:
            item["file"] = path
    for key in ("file_name", "mime_type", "duration_seconds", "width", "height", "thumbnail"):
        if key in found:
            item[key] = found[key]
    return [item]


def message_to_article(msg: dict[str, Any], chat: dict[str, Any], *, locator: str, export_dir: str,
                       language: str = "", assume: Any = None) -> Article | Skipped:
    """One exported message as a post (an Article with source kind ``telegram``).

    Service messages (joins, pins) are Skipped. IngestError names what is wrong: no id, no time, a time
    out of range, an entity list of the wrong shape, or neither text nor media.
    """
    mid = msg.get("id")
    if not isinstance(mid, int):
        raise IngestError(f"message id {mid!r} is not an integer")
    if msg.get("type", "message") != "message":
        return Skipped(locator, f"message {mid}", f"telegram {msg.get('type')} message")
    published, offset = _post_time(msg, assume)
    text, found = assemble_text(msg)
    media = _media(msg)
    if not text and not media:
        raise IngestError("message has neither text nor media")
    url = message_url(chat, mid)
    extras: dict[str, Any] = {"channel_id": chat.get("id"), "channel_name": chat.get("name", ""),
                              "channel_type": chat.get("type", ""), "message_id": mid,
                              "export_dir": export_dir, **found}
    canonical = url
    if msg.get("edited_unixtime") is not None or msg.get("edited") is not None:
        edited = (_unix(msg["edited_unixtime"], "edited_unixtime") if msg.get("edited_unixtime") is not None
                  else _post_time({"date": msg["edited"]}, assume)[0])
        extras["edited_at"] = edited.isoformat()
        # a newer export with the message edited again is a new version of the post: its own id
        canonical = f"{url}?edited={int(edited.timestamp())}"
    for key in ("forwarded_from", "forwarded_from_id", "saved_from"):
        if msg.get(key):
            extras[key] = msg[key]
    if msg.get("reply_to_message_id") is not None:
        extras["reply_to"] = message_url(chat, msg["reply_to_message_id"])
    if media:
        extras["media"] = media
    author = msg.get("author") or msg.get("from") or chat.get("name") or ""
    title = text.split("\n", 1)[0][:140] if text else f"[{media[0]['kind']}]"
    return Article(
        url=url, canonical_url=canonical, title=title, text=text, published_at=published,
        published_offset_min=offset, date_source="declared", outlet=_outlet(chat),
        language=language or detect_language(text), author=str(author), source_kind="telegram",
        locator=f"{locator}#message={mid}", collection_source=_outlet(chat), extras=extras,
    )


def _head(path: Path) -> tuple[str, dict[str, Any]]:
    """The export's layout ("chat" or "account") and, for a chat export, its name, type and id."""
    meta: dict[str, Any] = {}
    with path.open("rb") as fh:
        for prefix, event, value in ijson.parse(fh, use_float=True):
            if prefix == "" and event == "map_key":
                if value == "messages":
                    return "chat", meta
                if value == "chats":
                    return "account", meta
            elif prefix in ("name", "type", "id") and event in ("string", "number"):
                meta[prefix] = value
    raise IngestError("neither 'messages' nor 'chats' found: not a Telegram Desktop JSON export",
                      path=str(path))


def _chat_messages(path: Path) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any]]]:
    """(None, message) pairs of a one-chat export: ijson's C backend builds each message in turn."""
    with path.open("rb") as fh:
        for msg in ijson.items(fh, "messages.item", use_float=True):
            yield None, msg


_CHAT_PREFIXES = ("chats.list.item", "left_chats.list.item")


def _account_messages(path: Path) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any]]]:
    """(chat, message) pairs of a whole-account export, one message in memory at a time."""
    chat: dict[str, Any] = {}
    builder: ijson.ObjectBuilder | None = None
    inside = ""
    with path.open("rb") as fh:
        for prefix, event, value in ijson.parse(fh, use_float=True):
            if builder is not None:
                if prefix == inside and event == "end_map":
                    builder.event(event, value)
                    yield dict(chat), builder.value
                    builder = None
                else:
                    builder.event(event, value)
                continue
            for base in _CHAT_PREFIXES:
                if prefix == base and event == "start_map":
                    chat = {}
                elif prefix in (f"{base}.name", f"{base}.type", f"{base}.id") and event in ("string", "number"):
                    chat[prefix.rsplit(".", 1)[1]] = value
                elif prefix == f"{base}.messages.item" and event == "start_map":
                    builder = ijson.ObjectBuilder()
                    builder.event(event, value)
                    inside = prefix


@source(
    "telegram", "Telegram Desktop JSON export (result.json) of a channel or a whole account; streamed.",
    detect=_detect, priority=5, requires=("ijson",),
    options=(
        SourceOption("channel", None, "Channel username for public post links (t.me/<username>/<id>)."),
        SourceOption("language", None, "Language of every message (skips detection; e.g. uk)."),
        SourceOption("timezone", None, "Zone of the local 'date' in old exports without date_unixtime."),
    ),
)
def iter_telegram(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield one post per message; bad messages as Rejected naming file and message id; a cut file named."""
    path = input_file(locator)
    if path is None:
        yield Rejected(locator, "", "empty file")
        return
    try:
        layout, meta = _head(path)
    except ijson.JSONError as exc:
        yield Rejected(locator, "", f"not valid JSON: {exc}")
        return
    if options.get("channel"):
        meta["username"] = str(options["channel"])
    language = normalise_language(options.get("language")) if options.get("language") else ""
    assume = zone(options["timezone"]) if options.get("timezone") else None
    export_dir = str(path.resolve().parent)
    stream = _chat_messages(path) if layout == "chat" else _account_messages(path)
    last = "the start"
    try:
        for chat, msg in stream:
            chat = meta if chat is None else chat
            mid = msg.get("id") if isinstance(msg, dict) else None
            where = f"message {mid}" if mid is not None else f"message after {last}"
            if not isinstance(msg, dict):
                yield Rejected(locator, where, f"expected a JSON object, got {type(msg).__name__}")
                continue
            try:
                yield message_to_article(msg, chat, locator=locator, export_dir=export_dir,
                                         language=language, assume=assume)
            except IngestError as exc:
                yield Rejected(locator, where, exc.reason)
            last = where
    except ijson.JSONError as exc:  # truncated or malformed: what came before is kept
        yield Rejected(locator, f"after {last}", f"export is cut or malformed: {exc}")


def media_paths(article: Article) -> list[Path]:
    """Files attached to a Telegram post that exist next to its export (for the evidence vault)."""
    base = Path(article.extras.get("export_dir") or ".")
    out = []
    for item in article.extras.get("media") or []:
        if item.get("file") and (base / item["file"]).is_file():
            out.append(base / item["file"])
    return out

