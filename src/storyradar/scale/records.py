"""Per-WARC work of the Spark job, in plain Python: read, extract and match with the local ingest's functions."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import IngestError, MissingExtraError
from ..model import Article, Incident, Match, Rejected
from ..store.db import ARTICLE_COLUMNS, _article_row, db_time
from ..timeutil import now_utc

#: The match's own columns; the matches table may carry more, copied from the article.
MATCH_BASE = ("incident_id", "article_id", "score", "relation", "reasons", "matched_at")
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@contextmanager
def local_copy(path: str, *, client: Any = None) -> Iterator[str]:
    """A local path for a WARC: local paths as they are, http(s) downloaded with httpx, other
    schemes (s3://, gs://, abfs://...) through fsspec; the temporary copy is removed afterwards."""
    if not _REMOTE.match(path) or path.startswith("file://"):
        yield path.removeprefix("file://")
        return
    suffix = ".warc.gz" if path.endswith(".gz") else ".warc"
    fd, name = tempfile.mkstemp(prefix="storyradar-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as tmp:
            if path.lower().startswith(("http://", "https://")):
                import httpx

                owned = client is None
                http = client or httpx.Client(timeout=120, follow_redirects=True)
                try:
                    with http.stream("GET", path) as resp:
                        if resp.status_code >= 400:
                            raise IngestError(f"HTTP {resp.status_code}", path=path)
                        for chunk in resp.iter_bytes(1 << 20):
                            tmp.write(chunk)
                finally:
                    if owned:
                        http.close()
            else:
                try:
                    import fsspec
                except ImportError as exc:
                    raise MissingExtraError(f"reading {path.split(':', 1)[0]}:// paths", "fsspec", "spark") from exc
                with fsspec.open(path, "rb") as src:
                    shutil.copyfileobj(src, tmp, 1 << 20)
        yield name
    finally:
        Path(name).unlink(missing_ok=True)


@cache
def store_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(column, DuckDB type) of a store table, read from the store's own DDL (in memory), so the
    Spark output follows the schema as it is, including columns added later."""
    import duckdb

    from ..store.schema import ALL_TABLES

    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
    try:
        for ddl in ALL_TABLES:
            con.execute(ddl)
        return tuple((r[1], str(r[2]).upper()) for r in con.execute(f"PRAGMA table_info('{table}')").fetchall())
    finally:
        con.close()


def _fold(text: str) -> str:
    """Lower case without accents, like DuckDB's strip_accents(lower(...))."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def is_candidate(article: Article, matcher: Any, settings: Any) -> bool:
    """The local match run's SQL prefilter (match.run.candidate_rows), on one article in memory."""
    from ..match.run import NEAR_MISS_LOOKBACK_DAYS

    inc: Incident = matcher.incident
    text = f"{article.title or ''} {article.text or ''}"
    when = article.published_at
    since = inc.occurred_at - timedelta(days=inc.window_before_days + NEAR_MISS_LOOKBACK_DAYS)
    until = inc.occurred_at + timedelta(days=inc.window_after_days)
    stems = "|".join(re.escape(s) for s in matcher.prefilter_stems)
    if (when is None or since <= when <= until) and stems and re.search(stems, text.lower()):
        return True
    if matcher.target_stems and when is not None:
        near = timedelta(days=settings.elsewhere_days)
        targets = "|".join(re.escape(s) for s in matcher.target_stems)
        if inc.occurred_at - near <= when < inc.occurred_at + near and re.search(targets, _fold(text)):
            return True
    return False


def article_record(article: Article, ingested_at: datetime) -> dict[str, Any]:
    """An article as a row of the store's articles table (naive UTC times, extras as JSON text)."""
    return dict(zip(ARTICLE_COLUMNS, _article_row(article, ingested_at), strict=True))


def match_record(match: Match, matched_at: datetime, article_row: dict[str, Any]) -> dict[str, Any]:
    """A match as a row of the store's matches table: the match, plus the article fields the store
    copies into it (as ``Store.replace_matches`` does: ``lead`` is the text's first LEAD_CHARS)."""
    from ..store.db import LEAD_CHARS

    reasons = json.dumps([{"kind": r.kind, "detail": r.detail, "weight": r.weight} for r in match.reasons],
                         ensure_ascii=False)
    row = {"incident_id": match.incident_id, "article_id": match.article_id, "score": match.score,
           "relation": match.relation, "reasons": reasons, "matched_at": db_time(matched_at)}
    for name, _type in store_columns("matches"):
        if name not in row:
            row[name] = (article_row.get("text") or "")[:LEAD_CHARS] if name == "lead" else article_row.get(name)
    return row


def incident_record(incident: Incident, at: datetime) -> dict[str, Any]:
    """An incident as a row of the store's incidents table."""
    from ..store.codec import incident_to_dict

    stamp = db_time(at)
    return {"id": incident.id, "name": incident.name,
            "spec": json.dumps(incident_to_dict(incident), ensure_ascii=False), "created_at": stamp,
            "updated_at": stamp}


def process_warc(path: str, incidents: list[Incident], *, max_mb: float = 20.0,
                 matchers: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Read one WARC with the local ingest's source, extract each page with ``process_record`` and
    score it against every incident with the local match's functions.

    Yields one dict per record: ``{"kind": "article", "row": {...}, "matches": [...]}``,
    ``{"kind": "rejected", "path", "locator", "reason"}`` or ``{"kind": "skipped", "reason"}``.
    """
    from ..ingest.registry import Skipped
    from ..ingest.runner import process_record
    from ..ingest.warc import iter_warc
    from ..match import MatchSettings, build_matcher, score_article
    from ..match.run import STORED_RELATIONS

    settings = MatchSettings()
    matchers = matchers if matchers is not None else {}
    for inc in incidents:
        if inc.id not in matchers:
            matchers[inc.id] = build_matcher(inc)
    stamp = now_utc()
    max_bytes = int(max_mb * 1024 * 1024)
    try:
        with local_copy(path) as local:
            options = {"max_mb": max_mb, "collection_source": Path(path).name}
            for record in iter_warc(local, options):
                item = process_record(record, max_bytes)
                if isinstance(item, Skipped):
                    yield {"kind": "skipped", "reason": item.reason}
                elif isinstance(item, Rejected):
                    yield {"kind": "rejected", "path": path, "locator": item.locator, "reason": item.reason}
                else:
                    if local != path:  # keep the locator re-readable: the original path, not the temp copy
                        item.locator = item.locator.replace(local, path, 1)
                    row = article_record(item, stamp)
                    found = []
                    for inc in incidents:
                        m = matchers[inc.id]
                        if not is_candidate(item, m, settings):
                            continue
                        match = score_article(item, m, settings)
                        if match.relation in STORED_RELATIONS:
                            found.append(match_record(match, stamp, row))
                    yield {"kind": "article", "row": row, "matches": found}
    except IngestError as exc:
        yield {"kind": "rejected", "path": path, "locator": exc.locator, "reason": exc.reason}
    except OSError as exc:
        yield {"kind": "rejected", "path": path, "locator": "", "reason": f"cannot read: {exc}"}


def load_incidents(path: str | Path) -> list[Incident]:
    """Incident specs from a folder of ``*.toml`` files (or one file)."""
    from ..match import load_incident_toml

    p = Path(path)
    files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
    if not files:
        raise IngestError("no incident specs (*.toml) in this folder", path=str(p))
    return [load_incident_toml(f) for f in files]


def read_warc_list(path: str | Path) -> list[str]:
    """WARC paths or URLs from a list file, one a line (blank lines and # comments skipped).

    Relative local paths are taken relative to the list file's folder.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IngestError(f"cannot read the WARC list: {exc.strerror or exc}", path=str(p)) from exc
    out = []
    for line in lines:
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if not _REMOTE.match(item) and not Path(item).is_absolute():
            item = str((p.parent / item).resolve())
        out.append(item)
    if not out:
        raise IngestError("the WARC list is empty", path=str(p))
    return out
