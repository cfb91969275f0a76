"""The embedded DuckDB store: open, migrate, upsert idempotently, read back, export to Parquet."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..errors import NotFoundError, StoreError
from ..model import Article, Incident, Match, MatchReason, Rejected
from ..timeutil import ensure_utc, now_utc
from .codec import incident_from_dict, incident_to_dict
from .schema import ALL_TABLES, EXPORT_TABLES, SCHEMA_VERSION

DEFAULT_DB = "storyradar.duckdb"

#: How much of an article's text each match row keeps (enough for wave cues and quick reading).
LEAD_CHARS = 1500

ARTICLE_COLUMNS = (
    "id", "url", "canonical_url", "outlet", "title", "text", "language", "country", "author",
    "published_at", "published_offset_min", "date_source", "fetched_at", "source_kind", "locator",
    "collection_source", "content_hash", "dup_group", "extras", "ingested_at", "published_precision",
)


def db_time(value: datetime | None) -> datetime | None:
    """A datetime as the store keeps it: UTC, naive. Naive input is refused (times are data)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise StoreError(f"refusing to store naive time {value.isoformat()}; give it a zone")
    return value.astimezone(UTC).replace(tzinfo=None)


def _article_row(article: Article, ingested_at: datetime) -> tuple:
    return (
        article.id, article.url, article.canonical_url, article.outlet, article.title, article.text,
        article.language, article.country, article.author, db_time(article.published_at),
        article.published_offset_min, article.date_source, db_time(article.fetched_at),
        article.source_kind, article.locator, article.collection_source, article.content_hash, None,
        json.dumps(article.extras, ensure_ascii=False, default=str), db_time(ingested_at), article.precision,
    )


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an Article from a store row (a dict keyed by column)."""
    extras = row.get("extras")
    art = Article(
        url=row["url"],
        title=row.get("title") or "",
        text=row.get("text") or "",
        published_at=ensure_utc(row.get("published_at")),
        published_offset_min=row.get("published_offset_min"),
        date_source=row.get("date_source") or "unknown",
        outlet=row.get("outlet") or "",
        language=row.get("language") or "",
        country=row.get("country") or "",
        author=row.get("author") or "",
        canonical_url=row.get("canonical_url") or "",
        source_kind=row.get("source_kind") or "",
        locator=row.get("locator") or "",
        collection_source=row.get("collection_source") or "",
        fetched_at=ensure_utc(row.get("fetched_at")),
        extras=json.loads(extras) if isinstance(extras, str) and extras else (extras or {}),
        published_precision=row.get("published_precision") or "",
    )
    if row.get("dup_group"):
        art.extras.setdefault("dup_group", row["dup_group"])
    return art


class Store:
    """One DuckDB file holding articles, incidents, matches, claims, evidence and observations.

    >>> store = Store(":memory:")
    >>> store.article_count()
    0
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(
                self.path,
                read_only=read_only,
                config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
            )
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", path=self.path) from exc
        self._lock = threading.RLock()
        self._depth = 0
        if not read_only:
            self._migrate()

    # -- lifecycle ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.transaction():
            for ddl in ALL_TABLES:
                self.con.execute(ddl)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError(
                    f"store schema {row[0]} is newer than this storyradar ({SCHEMA_VERSION})",
                    path=self.path, hint="upgrade storyradar",
                )

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the store."""
        return int(self.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A transaction; nested use joins the outer one. On error nothing is written."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.con
                finally:
                    self._depth -= 1
                return
            self.con.execute("BEGIN TRANSACTION")
            self._depth = 1
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")
            finally:
                self._depth = 0

    # -- generic queries ---------------------------------------------------------------------
    def query(self, sql: str, params: list | tuple | None = None) -> list[dict[str, Any]]:
        """Run SQL and return rows as dicts (for notebooks and the analysis modules)."""
        with self._lock:
            cur = self.con.execute(sql, params or [])
            cols = [d[0] for d in cur.description] if cur.description else []
            return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def execute(self, sql: str, params: list | tuple | None = None) -> None:
        """Run one write statement inside a transaction."""
        with self.transaction():
            self.con.execute(sql, params or [])

    # -- articles ----------------------------------------------------------------------------
    def upsert_articles(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Insert articles not yet stored; return (stored, duplicates). Idempotent by article id."""
        batch: dict[str, tuple] = {}
        stamp = now_utc()
        dup_in_batch = 0
        for art in articles:
            row = _article_row(art, stamp)
            if row[0] in batch:
                dup_in_batch += 1
                continue
            batch[row[0]] = row
        if not batch:
            return 0, dup_in_batch
        with self.transaction() as con:
            ids = list(batch)
            existing = {
                r[0] for r in con.execute(
                    "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
                ).fetchall()
            }
            fresh = [row for key, row in batch.items() if key not in existing]
            if fresh:  # one columnar insert: executemany costs ~10 ms a row in DuckDB
                import pyarrow as pa

                columns = list(zip(*fresh, strict=True))
                table = pa.table({name: pa.array(list(values)) for name, values in zip(
                    ARTICLE_COLUMNS, columns, strict=True)})
                con.register("_fresh_articles", table)
                try:
                    con.execute(
                        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) SELECT "
                        f"{', '.join(ARTICLE_COLUMNS)} FROM _fresh_articles ON CONFLICT DO NOTHING"
                    )
                finally:
                    con.unregister("_fresh_articles")
        return len(fresh), len(existing) + dup_in_batch

    def article_count(self) -> int:
        """Number of stored articles."""
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get_article(self, article_id: str) -> Article:
        """One article by id (NotFoundError when absent)."""
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        return article_from_row(rows[0])

    def find_article_id(self, url_or_id: str) -> str:
        """Resolve a URL or an id prefix to an article id."""
        rows = self.query(
            "SELECT id FROM articles WHERE id = ? OR url = ? OR canonical_url = ? LIMIT 2",
            [url_or_id, url_or_id, url_or_id],
        )
        if not rows and len(url_or_id) >= 6:
            rows = self.query("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 2", [url_or_id])
        if not rows:
            raise NotFoundError(f"no article with URL or id {url_or_id!r}")
        return rows[0]["id"]

    def iter_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        ids: Iterable[str] | None = None,
        batch_size: int = 2000,
    ) -> Iterator[Article]:
        """Stream stored articles, optionally within a publication window or by ids."""
        where, params = [], []
        if since is not None:
            where.append("published_at >= ?")
            params.append(db_time(since))
        if until is not None:
            where.append("published_at < ?")
            params.append(db_time(until))
        if ids is not None:
            where.append("id IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(ids))
        sql = "SELECT * FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published_at NULLS LAST, id"
        with self._lock:
            cur = self.con.cursor()
        cur.execute(sql, params)
        cols = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(batch_size)
            if not chunk:
                break
            for r in chunk:
                yield article_from_row(dict(zip(cols, r, strict=True)))
        cur.close()

    def set_dup_groups(self, groups: dict[str, str]) -> None:
        """Record near-duplicate (syndication) group ids: article id -> group id."""
        if not groups:
            return
        with self.transaction() as con:
            con.execute("CREATE TEMP TABLE IF NOT EXISTS _dup (id VARCHAR, g VARCHAR)")
            con.execute("DELETE FROM _dup")
            con.executemany("INSERT INTO _dup VALUES (?, ?)", list(groups.items()))
            con.execute("UPDATE articles SET dup_group = _dup.g FROM _dup WHERE articles.id = _dup.id")
            con.execute("UPDATE matches SET dup_group = _dup.g FROM _dup WHERE matches.article_id = _dup.id")

    # -- ingest runs -------------------------------------------------------------------------
    def record_run(self, run_id: str, started: datetime, inputs: list[str], read: int, stored: int,
                   duplicates: int, rejected: list[Rejected]) -> None:
        """Keep a record of an ingest run and its rejections (for the summary and audits)."""
        with self.transaction() as con:
            con.execute(
                "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [run_id, db_time(started), db_time(now_utc()), json.dumps(inputs), read, stored,
                 duplicates, len(rejected)],
            )
            if rejected:
                con.executemany(
                    "INSERT INTO rejections VALUES (?, ?, ?, ?)",
                    [(run_id, r.path, r.locator, r.reason) for r in rejected],
                )

    # -- incidents ---------------------------------------------------------------------------
    def save_incident(self, incident: Incident) -> None:
        """Insert or replace an incident spec (by name)."""
        spec = json.dumps(incident_to_dict(incident), ensure_ascii=False)
        now = db_time(now_utc())
        with self.transaction() as con:
            con.execute(
                "INSERT INTO incidents VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "spec = excluded.spec, updated_at = excluded.updated_at",
                [incident.id, incident.name, spec, now, now],
            )

    def get_incident(self, name: str | Incident) -> Incident:
        """An incident by name or id (NotFoundError lists the known names); an Incident passes through."""
        if isinstance(name, Incident):
            return name
        rows = self.query("SELECT spec FROM incidents WHERE name = ? OR id = ?", [name, name])
        if not rows:
            known = ", ".join(i.name for i in self.list_incidents()) or "none yet"
            raise NotFoundError(f"no incident named {name!r} (known: {known})",
                                hint="declare it with: storyradar incident add")
        return incident_from_dict(json.loads(rows[0]["spec"]))

    def list_incidents(self) -> list[Incident]:
        """All declared incidents, oldest first."""
        rows = self.query("SELECT spec FROM incidents ORDER BY created_at, name")
        return [incident_from_dict(json.loads(r["spec"])) for r in rows]

    def delete_incident(self, name: str) -> None:
        """Remove an incident and its matches."""
        inc = self.get_incident(name)
        with self.transaction() as con:
            con.execute("DELETE FROM matches WHERE incident_id = ?", [inc.id])
            con.execute("DELETE FROM incidents WHERE id = ?", [inc.id])

    # -- matches -----------------------------------------------------------------------------
    def replace_matches(self, incident_id: str, matches: Iterable[Match]) -> int:
        """Replace an incident's stored match results in one transaction; return how many.

        The article fields coverage needs (time, outlet, language, title, lead, ...) are copied into
        each match row, so reading an incident's coverage never scans the whole article table.
        """
        import pyarrow as pa

        now = db_time(now_utc())
        items = list(matches)
        table = pa.table({
            "incident_id": pa.array([m.incident_id for m in items], pa.string()),
            "article_id": pa.array([m.article_id for m in items], pa.string()),
            "score": pa.array([float(m.score) for m in items], pa.float64()),
            "relation": pa.array([m.relation for m in items], pa.string()),
            "reasons": pa.array([json.dumps([{"kind": r.kind, "detail": r.detail, "weight": r.weight}
                                             for r in m.reasons], ensure_ascii=False) for m in items], pa.string()),
        })
        with self.transaction() as con:
            con.execute("DELETE FROM matches WHERE incident_id = ?", [incident_id])
            if items:
                con.register("_new_matches", table)
                try:
                    con.execute(
                        """INSERT INTO matches
                           SELECT m.incident_id, m.article_id, m.score, m.relation, CAST(m.reasons AS JSON), ?,
                                  a.url, a.title, left(coalesce(a.text, ''), ?), a.outlet, a.language, a.country,
                                  a.published_at, a.published_offset_min, a.date_source, a.source_kind,
                                  a.collection_source, a.dup_group, a.published_precision
                           FROM _new_matches m JOIN articles a ON a.id = m.article_id""",
                        [now, LEAD_CHARS],
                    )
                finally:
                    con.unregister("_new_matches")
        return len(items)

    def get_matches(self, incident_id: str, *, relations: Iterable[str] | None = None) -> list[Match]:
        """Stored matches of an incident, best first (overrides applied)."""
        sql = ("SELECT m.*, o.decision FROM matches m LEFT JOIN match_overrides o "
               "ON o.incident_id = m.incident_id AND o.article_id = m.article_id WHERE m.incident_id = ?")
        out = []
        wanted = set(relations) if relations is not None else None
        for r in self.query(sql + " ORDER BY score DESC, article_id", [incident_id]):
            reasons = [MatchReason(**x) for x in json.loads(r["reasons"] or "[]")]
            relation = r["relation"]
            if r["decision"] == "include" and relation not in ("about", "passing"):
                relation = "about"
                reasons.append(MatchReason("override", "included by hand", 0.0))
            elif r["decision"] == "exclude" and relation in ("about", "passing"):
                relation = "excluded"
                reasons.append(MatchReason("override", "excluded by hand", 0.0))
            if wanted is not None and relation not in wanted:
                continue
            out.append(Match(r["incident_id"], r["article_id"], r["score"], relation, reasons))
        return out

    def set_override(self, incident_id: str, article_id: str, decision: str, by_whom: str, why: str) -> None:
        """Record a person's include/exclude decision for one article and incident."""
        if decision not in ("include", "exclude"):
            raise StoreError(f"decision must be include or exclude, not {decision!r}")
        with self.transaction() as con:
            con.execute(
                "INSERT INTO match_overrides VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "decision = excluded.decision, by_whom = excluded.by_whom, why = excluded.why, "
                "decided_at = excluded.decided_at",
                [incident_id, article_id, decision, by_whom, why, db_time(now_utc())],
            )

    def matched_articles(self, incident_id: str, relations: Iterable[str] = ("about", "passing")
                         ) -> list[tuple[Match, Article]]:
        """Matches of an incident joined with their articles (cost follows the incident)."""
        matches = self.get_matches(incident_id, relations=relations)
        if not matches:
            return []
        by_id = {a.id: a for a in self.iter_articles(ids=[m.article_id for m in matches])}
        return [(m, by_id[m.article_id]) for m in matches if m.article_id in by_id]

    # -- Parquet ----------------------------------------------------------------------------
    def export_parquet(self, folder: str | Path) -> dict[str, int]:
        """Write every table to ``folder/<table>.parquet``; return row counts."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        counts = {}
        with self._lock:
            for table in EXPORT_TABLES:
                target = (out / f"{table}.parquet").as_posix().replace("'", "''")
                self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
                counts[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return counts

    def import_parquet(self, folder: str | Path) -> dict[str, int]:
        """Load Parquet files written by :meth:`export_parquet` (or the Spark job); idempotent."""
        src = Path(folder)
        if not src.is_dir():
            raise StoreError("not a folder of Parquet files", path=str(src))
        added = {}
        with self.transaction() as con:
            for table in EXPORT_TABLES:
                files = sorted(src.glob(f"{table}.parquet")) + sorted((src / table).glob("**/*.parquet"))
                if not files:
                    continue
                before = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                cols = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')").fetchall()]
                file_list = [f.as_posix() for f in files]
                try:
                    present = {r[0] for r in con.execute(
                        "DESCRIBE SELECT * FROM read_parquet(?, union_by_name=true)", [file_list]).fetchall()}
                    # Files from older or narrower writers (e.g. the Spark job) may lack columns.
                    cols = [c for c in cols if c in present]
                    con.execute(
                        f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM "
                        "read_parquet(?, union_by_name=true) ON CONFLICT DO NOTHING",
                        [file_list],
                    )
                except duckdb.Error as exc:
                    raise StoreError(f"cannot import {table}: {exc}", path=str(src)) from exc
                added[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) - before
            if added.get("matches"):
                self._fill_match_article_fields(con)
        return added

    @staticmethod
    def _fill_match_article_fields(con: duckdb.DuckDBPyConnection) -> None:
        """Copy article fields into imported match rows that arrived without them."""
        con.execute(
            """UPDATE matches SET url = a.url, title = a.title, lead = left(coalesce(a.text, ''), ?),
                   outlet = a.outlet, language = a.language, country = a.country,
                   published_at = a.published_at, published_offset_min = a.published_offset_min,
                   date_source = a.date_source, source_kind = a.source_kind,
                   collection_source = a.collection_source, dup_group = a.dup_group,
                   published_precision = a.published_precision
               FROM articles a WHERE a.id = matches.article_id AND matches.url IS NULL""",
            [LEAD_CHARS],
        )
