"""Source kind ``social``: CSV or NDJSON exports of posts, read through a small TOML column mapping (4CAT ready)."""

from __future__ import annotations

import csv
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import IngestError, TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time, to_utc, zone
from .language import detect_language, normalise_language
from .outlets import outlet_of
from .registry import Record, SourceOption, source

#: Mapping names shipped with storyradar (``--mapping 4cat``).
BUILTIN_MAPPINGS = ("4cat",)
#: Which columns a mapping may name; ``id``, ``time`` and ``text`` are required.
FIELDS = ("id", "author", "time", "text", "title", "url", "parent", "forward_of", "language", "outlet")
REQUIRED = ("id", "time", "text")
_4CAT_HEADER = {"id", "thread_id", "timestamp", "body", "author"}


@dataclass(slots=True)
class Mapping:
    """Which column holds what, how times are written and in which zone, and how to build a URL."""

    columns: dict[str, str]
    time_format: str = "iso"  # iso | unix | unix_ms | a strptime pattern
    time_zone: str | None = None  # zone of times written without an offset
    url_template: str = ""
    platform: str = ""
    source: str = ""  # where the mapping came from, for error messages
    extra_columns: list[str] = field(default_factory=list)


def load_mapping(spec: str | Path) -> Mapping:
    """A mapping from a TOML file or a built-in name (``4cat``); IncidentError-free: IngestError names the file."""
    if str(spec) in BUILTIN_MAPPINGS:
        text = resources.files("storyradar.ingest").joinpath(f"mappings/{spec}.toml").read_text("utf-8")
        where = f"builtin:{spec}"
    else:
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise IngestError(f"cannot read the mapping: {exc.strerror or exc}", path=str(path)) from exc
        where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IngestError(f"mapping is not valid TOML: {exc}", path=where) from exc
    cols = data.get("columns")
    if not isinstance(cols, dict):
        raise IngestError("mapping has no [columns] table", path=where, hint="see docs/social.md")
    unknown = sorted(set(cols) - set(FIELDS))
    if unknown:
        raise IngestError(f"mapping names unknown fields {unknown}", path=where, hint=f"known: {', '.join(FIELDS)}")
    missing = [f for f in REQUIRED if not cols.get(f)]
    if missing:
        raise IngestError(f"mapping lacks the required column(s) {missing}", path=where)
    t = data.get("time", {})
    m = Mapping(columns={k: str(v) for k, v in cols.items() if v}, time_format=str(t.get("format", "iso")),
                time_zone=t.get("zone"), url_template=str(data.get("url", {}).get("template", "")),
                platform=str(data.get("platform", "")), source=where,
                extra_columns=[str(x) for x in data.get("keep", [])])
    if m.time_zone:
        zone(m.time_zone)  # an unknown zone fails here, naming the mapping
    return m


def _detect(locator: str) -> bool:
    path = Path(locator)
    if not path.is_file() or path.suffix.lower() != ".csv":
        return False
    with path.open("r", encoding="utf-8", errors="replace", newline="") as fh:
        header = next(csv.reader([fh.readline()]), [])
    return {h.strip() for h in header} >= _4CAT_HEADER


def parse_post_time(raw: str, mapping: Mapping) -> tuple[datetime, int | None]:
    """A cell's time as (UTC, original offset) under the mapping's format and zone; TimeError says why not."""
    text = (raw or "").strip()
    if not text:
        raise TimeError("time is empty")
    assume = zone(mapping.time_zone) if mapping.time_zone else None
    fmt = mapping.time_format
    if fmt in ("unix", "unix_ms"):
        try:
            seconds = float(text) / (1000 if fmt == "unix_ms" else 1)
            from datetime import UTC

            return to_utc(datetime.fromtimestamp(seconds, UTC), what="time")[0], None
        except (ValueError, OverflowError, OSError) as exc:
            raise TimeError(f"time {text!r} is not a Unix time in range") from exc
    if fmt == "iso":
        return parse_time(text, assume=assume, what="time")
    try:
        value = datetime.strptime(text, fmt)
    except ValueError as exc:
        raise TimeError(f"time {text!r} does not match the format {fmt!r}") from exc
    return to_utc(value, assume=assume, what="time")


def row_to_article(row: dict[str, Any], n: int, mapping: Mapping, *, locator: str, language: str = "") -> Article:
    """One mapped row as a post; IngestError says which field is wrong."""
    c = mapping.columns

    def get(name: str) -> str:
        col = c.get(name)
        value = row.get(col) if col else None
        return "" if value is None else str(value).strip()

    post_id = get("id")
    if not post_id:
        raise IngestError(f"empty id (column {c['id']!r})")
    try:
        published, offset = parse_post_time(get("time"), mapping)
    except TimeError as exc:
        hint = "; declare [time] zone in the mapping" if "no time zone" in exc.reason else ""
        raise IngestError(f"{exc.reason} (column {c['time']!r}){hint}") from exc
    text = get("text")
    title = get("title")
    if not text and not title:
        raise IngestError(f"no text (column {c['text']!r})")
    author = get("author")
    url = get("url") or (mapping.url_template.format(id=post_id, author=author, parent=get("parent"))
                         if mapping.url_template else "")
    if not url:
        raise IngestError("no url column value and no [url] template in the mapping")
    extras: dict[str, Any] = {"post_id": post_id, "platform": mapping.platform, "row": n}
    parent = get("parent")
    if parent and parent != post_id:
        extras["reply_to"] = parent
    if get("forward_of"):
        extras["forward_of"] = get("forward_of")
    for col in mapping.extra_columns:
        if row.get(col) not in (None, ""):
            extras[col] = row[col]
    outlet = get("outlet") or (f"{mapping.platform}/{author}" if mapping.platform and author else
                               outlet_of(url) or mapping.platform or "social")
    return Article(
        url=url, title=title or text.split("\n", 1)[0][:140], text=text, published_at=published,
        published_offset_min=offset or None, date_source="declared", outlet=outlet,
        language=normalise_language(get("language") or language) or detect_language(f"{title}\n{text}"),
        author=author, source_kind="social", locator=f"{locator}:{n}", collection_source=locator, extras=extras,
    )


def _rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, Any] | Exception]]:
    name = path.name.lower()
    if name.endswith((".ndjson", ".jsonl")):
        with path.open("r", encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield n, IngestError(f"invalid JSON: {exc.msg} at column {exc.colno}")
                    continue
                yield n, data if isinstance(data, dict) else IngestError("expected a JSON object")
        return
    with path.open("r", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        absent = [f"{k}={v!r}" for k, v in mapping.columns.items() if v not in header]
        if absent:
            raise IngestError(f"the mapping names columns that are not in the header: {', '.join(absent)}",
                              path=str(path), hint=f"header has: {', '.join(header)}; mapping: {mapping.source}")
        yield from enumerate(reader, start=1)


@source(
    "social", "Social posts in CSV or NDJSON, columns named by a TOML mapping (--mapping FILE or 4cat).",
    detect=_detect, priority=3,
    options=(
        SourceOption("mapping", "4cat", "TOML column mapping file, or a built-in name (4cat)."),
        SourceOption("language", None, "Language of every post (skips detection)."),
    ),
)
def iter_social(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield one post per row; a bad row is Rejected with its line number and the reason."""
    path = Path(locator)
    if not path.is_file():
        raise IngestError("no such file", path=locator)
    mapping = load_mapping(options.get("mapping") or "4cat")
    language = options.get("language") or ""
    for n, row in _rows(path, mapping):
        if isinstance(row, Exception):
            yield Rejected(locator, f"row {n}", str(row))
            continue
        try:
            yield row_to_article(row, n, mapping, locator=locator, language=language)
        except IngestError as exc:
            yield Rejected(locator, f"row {n}", exc.reason)
