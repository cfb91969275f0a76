"""Incremental two-stage story grouping in the store: topics by a time-aware single pass, then each touched topic re-split.

Stage 1 places each new article in a stored *topic* (``story_topics``, ``story_topic_members``) the way
the in-memory :func:`storyradar.match.stories.cluster_articles` does, at ``block_threshold``. Stage 2
re-splits every topic that received articles (:func:`storyradar.match.storysplit.split_story`) and
persists the resulting incident-level stories (``stories``, ``story_clusters``) with stable ids: each
new part takes the id of the old story it shares the most articles with (so a story whose membership
is unchanged keeps its id), and every change is recorded in ``story_lineage`` so an id a user has seen
still resolves (:func:`resolve_story`).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..model import Article, stable_id
from ..store import Store, db_time
from ..timeutil import ensure_utc, now_utc
from .storysplit import split_story
from .storyvec import StorySettings, _Cluster, _Clusterer, _cos, _terms, _trim, _vector

__all__ = ["StoryRun", "list_stories", "resolve_story", "story_articles", "story_lineage", "update_stories"]

_IDS = "SELECT unnest(?::VARCHAR[])"


@dataclass(slots=True)
class StoryRun:
    """What one incremental grouping run did."""

    articles: int = 0  # new articles grouped
    new_stories: int = 0  # story ids created
    joined_existing: int = 0  # new articles that went into a story that existed before the run
    topics_resplit: int = 0  # topics whose stories were recomputed
    split_stories: int = 0  # existing stories that kept their id but gave articles to another story
    retired: int = 0  # existing story ids that no longer exist (their articles: see story_lineage)
    seconds: float = 0.0


def _load_df(store: Store) -> tuple[Counter, int]:
    rows = store.query("SELECT term, df FROM story_df")
    df = Counter({r["term"]: r["df"] for r in rows if r["term"]})
    n = next((r["df"] for r in rows if r["term"] == ""), 0)
    return df, int(n)


def _load_topics(store: Store, since: datetime | None, gap: timedelta) -> list[_Cluster]:
    sql, params = "SELECT * FROM story_topics", []
    if since is not None:
        sql += " WHERE last_at IS NULL OR last_at >= ?"
        params.append(db_time(since - gap))
    return [_Cluster(r["topic_id"], ensure_utc(r["first_at"]), ensure_utc(r["last_at"]), r["size"],
                     json.loads(r["centroid"]), r["label"] or "") for r in store.query(sql, params)]


def _adopt_legacy(store: Store) -> None:
    """A store grouped before topics existed: its stories become the topics (ids kept)."""
    row = store.query("SELECT (SELECT count(*) FROM story_topics) AS t, (SELECT count(*) FROM story_clusters) AS c")[0]
    if row["t"] or not row["c"]:
        return
    with store.transaction() as con:
        con.execute("INSERT INTO story_topics SELECT * FROM story_clusters ON CONFLICT DO NOTHING")
        con.execute("INSERT INTO story_topic_members SELECT article_id, story_id FROM stories ON CONFLICT DO NOTHING")


def update_stories(store: Store, *, since: datetime | None = None, until: datetime | None = None,
                   settings: StorySettings | None = None) -> StoryRun:
    """Group every article not yet in a story (optionally within a date range); persist the result.

    Stage 1 (time-aware, incremental): a new article joins the most similar stored topic whose
    articles lie within ``max_gap_days`` of it (cosine >= ``block_threshold``), else starts one.
    Stage 2: every topic that received articles is re-split into incidents (``split_distance``;
    0 = no split, topics are the stories, joined at ``threshold``). Story ids are kept where the
    membership allows; changes are recorded in ``story_lineage``.
    """
    start = time.perf_counter()
    s = settings or StorySettings()
    stage1 = replace(s, threshold=s.block_threshold if s.split_distance else s.threshold)
    _adopt_legacy(store)
    where, params = ["m.article_id IS NULL"], []
    if since is not None:
        where.append("a.published_at >= ?")
        params.append(db_time(since))
    if until is not None:
        where.append("a.published_at < ?")
        params.append(db_time(until))
    ids = [r["id"] for r in store.query(
        "SELECT a.id FROM articles a LEFT JOIN story_topic_members m ON m.article_id = a.id WHERE "
        + " AND ".join(where) + " ORDER BY a.published_at NULLS LAST, a.id", params)]
    # topics with articles but no story yet: an interrupted run (or a legacy store) left them
    touched = {r["topic_id"] for r in store.query(
        "SELECT DISTINCT m.topic_id FROM story_topic_members m ANTI JOIN stories s ON s.article_id = m.article_id")}
    run = StoryRun(articles=len(ids))
    if not ids and not touched:
        return run
    df, n_docs = _load_df(store)
    # term counts of this run's articles, kept for stage 2 when the run is small enough (memory)
    cache: dict[str, Counter] | None = {} if len(ids) <= s.cache_terms else None
    if ids:
        first_time = store.query(f"SELECT min(published_at) AS t FROM articles WHERE id IN ({_IDS})", [ids])[0]["t"]
        cl = _Clusterer(stage1, _load_topics(store, ensure_utc(first_time), timedelta(days=s.max_gap_days)))
        for i in range(0, len(ids), s.batch):
            arts = list(store.iter_articles(ids=ids[i:i + s.batch]))
            tfs = [_terms(a, s) for a in arts]
            delta: Counter = Counter()
            for tf in tfs:
                delta.update(tf.keys())
            df.update(delta)
            n_docs += len(arts)
            rows, batch_topics = [], set()
            for a, tf in zip(arts, tfs, strict=True):
                aid = a.id
                tid = cl.add(aid, _vector(tf, df, n_docs), a.published_at, a.title)
                batch_topics.add(tid)
                rows.append((aid, tid))
                if cache is not None:
                    cache[aid] = tf
            _save_topics(store, rows, [cl.clusters[t] for t in batch_topics], delta, n_docs)
            touched |= batch_topics
    _resplit(store, touched, s, df, n_docs, run, cache or {})
    run.seconds = time.perf_counter() - start
    return run


def _save_topics(store: Store, rows: list[tuple[str, str]], topics: list[_Cluster], delta: Counter,
                 n_docs: int) -> None:
    """Write topic memberships, touched topics and document-frequency deltas in bulk (one transaction)."""
    import pyarrow as pa

    now = db_time(now_utc())
    members = pa.table({"article_id": [r[0] for r in rows], "topic_id": [r[1] for r in rows]})
    dfs = pa.table({"term": list(delta.keys()), "df": pa.array(list(delta.values()), pa.int64())})
    with store.transaction() as con:
        con.register("_sr_members", members)
        con.register("_sr_topics", _cluster_table(topics, now))
        con.register("_sr_df", dfs)
        try:
            con.execute("INSERT INTO story_topic_members SELECT * FROM _sr_members ON CONFLICT DO UPDATE SET "
                        "topic_id = excluded.topic_id")
            con.execute("INSERT INTO story_topics SELECT id, first_at, last_at, size, centroid::JSON, label, "
                        "updated_at FROM _sr_topics ON CONFLICT DO UPDATE SET first_at = excluded.first_at, "
                        "last_at = excluded.last_at, size = excluded.size, centroid = excluded.centroid, "
                        "updated_at = excluded.updated_at")
            con.execute("INSERT INTO story_df SELECT term, df FROM _sr_df ON CONFLICT DO UPDATE SET "
                        "df = story_df.df + excluded.df")
            con.execute("INSERT INTO story_df VALUES ('', ?) ON CONFLICT DO UPDATE SET df = excluded.df", [n_docs])
        finally:
            for name in ("_sr_members", "_sr_topics", "_sr_df"):
                con.unregister(name)


def _cluster_table(clusters: list[_Cluster], now: datetime, raw: list[str | None] | None = None):
    """Arrow table of story/topic rows; ``raw`` gives centroids already serialised (JSON), where known."""
    import pyarrow as pa

    raw = raw or [None] * len(clusters)

    return pa.table({
        "id": pa.array([c.sid for c in clusters], pa.string()),
        "first_at": pa.array([db_time(c.first) for c in clusters], pa.timestamp("us")),
        "last_at": pa.array([db_time(c.last) for c in clusters], pa.timestamp("us")),
        "size": pa.array([c.size for c in clusters], pa.int32()),
        "centroid": pa.array([r if r is not None else json.dumps(
            {t: round(w, 5) for t, w in _trim(c.centroid, 400).items()}, ensure_ascii=False)
            for c, r in zip(clusters, raw, strict=True)], pa.string()),
        "label": pa.array([c.label for c in clusters], pa.string()),
        "updated_at": pa.array([now] * len(clusters), pa.timestamp("us")),
    })


@dataclass(slots=True, frozen=True)
class _Doc:
    """An article with its id computed once (``Article.id`` normalises the URL on every call)."""

    aid: str
    art: Article

    @property
    def key(self) -> tuple:
        when = self.art.published_at
        return when is None, when.timestamp() if when else 0.0, self.aid


@dataclass(slots=True)
class _Part:
    """One incident-level story a re-split produced: its articles (all of them, or for a topic too
    large to re-split, the new ones added to the stored story ``base``)."""

    members: list[_Doc]
    centroid: dict[str, float]
    base: _Cluster | None = None
    centroid_json: str | None = None  # the stored topic centroid, when the part is the whole topic


def _resplit(store: Store, topics: set[str], s: StorySettings, df: Counter, n_docs: int, run: StoryRun,
             cache: dict[str, Counter]) -> None:
    """Recompute the stories of each touched topic, in chunks of about ``s.batch`` articles."""
    if not topics:
        return
    order = sorted(topics)
    sizes = {r["topic_id"]: r["size"] for r in store.query(
        f"SELECT topic_id, size FROM story_topics WHERE topic_id IN ({_IDS})", [order])}
    chunk, count = [], 0
    for tid in order:
        chunk.append(tid)
        count += sizes.get(tid, 0) if sizes.get(tid, 0) <= s.max_split else 1
        if count >= s.batch:
            _resplit_chunk(store, chunk, s, df, n_docs, run, cache)
            chunk, count = [], 0
    if chunk:
        _resplit_chunk(store, chunk, s, df, n_docs, run, cache)


def _resplit_chunk(store: Store, chunk: list[str], s: StorySettings, df: Counter, n_docs: int,
                   run: StoryRun, cache: dict[str, Counter]) -> None:
    rows = store.query(
        "SELECT m.article_id, m.topic_id, s.story_id, t.size, t.centroid FROM story_topic_members m "
        "JOIN story_topics t ON t.topic_id = m.topic_id LEFT JOIN stories s ON s.article_id = m.article_id "
        f"WHERE m.topic_id IN ({_IDS})", [chunk])
    old = {r["article_id"]: r["story_id"] for r in rows}
    topic_centroid = {r["topic_id"]: r["centroid"] for r in rows}
    big = {r["topic_id"] for r in rows if r["size"] > s.max_split}
    want = [r["article_id"] for r in rows if r["topic_id"] not in big or r["story_id"] is None]
    arts = {d.aid: d for d in (_Doc(a.id, a) for a in store.iter_articles(ids=want))}
    by_topic: dict[str, list[_Doc]] = {}
    for r in rows:
        d = arts.get(r["article_id"])
        if d is not None:
            by_topic.setdefault(r["topic_id"], []).append(d)
    plans: list[list[_Part]] = []
    for tid in chunk:
        members = sorted(by_topic.get(tid, []), key=lambda d: d.key)
        if not members:
            continue
        if tid in big:
            plans.append(_attach_big(store, tid, members, s, df, n_docs))
            continue
        n = len(members)
        tfs = [cache.get(d.aid) or _terms(d.art, s) for d in members] if s.split_distance and 4 <= n <= s.max_split else None
        labels = (split_story(tfs, distance=s.split_distance, min_group=s.min_split, max_size=s.max_split)
                  if tfs is not None else [0] * n)
        parts: dict[int, list[int]] = {}
        for i, lab in enumerate(labels):
            parts.setdefault(lab, []).append(i)
        if len(parts) == 1:
            plans.append([_Part(members, {}, centroid_json=topic_centroid[tid])])
            continue
        plan = []
        for idx in parts.values():
            cen: dict[str, float] = {}
            for i in idx:
                for t, w in _vector(tfs[i], df, n_docs).items():
                    cen[t] = cen.get(t, 0.0) + w
            plan.append(_Part([members[i] for i in idx], _trim(cen, s.centroid_terms)))
        plans.append(plan)
    _name_and_save(store, plans, old, run)
    run.topics_resplit += len(plans)


def _attach_big(store: Store, tid: str, new: list[_Doc], s: StorySettings, df: Counter,
                n_docs: int) -> list[_Part]:
    """A topic too large to re-split: each new article joins the topic's story whose centroid is closest."""
    stories = [_Cluster(r["story_id"], ensure_utc(r["first_at"]), ensure_utc(r["last_at"]), r["size"],
                        json.loads(r["centroid"]), r["label"] or "") for r in store.query(
        "SELECT * FROM story_clusters WHERE story_id IN (SELECT DISTINCT s.story_id FROM stories s "
        "JOIN story_topic_members m ON m.article_id = s.article_id WHERE m.topic_id = ?) ORDER BY story_id", [tid])]
    if not stories:
        cen: dict[str, float] = {}
        for d in new:
            for t, w in _vector(_terms(d.art, s), df, n_docs).items():
                cen[t] = cen.get(t, 0.0) + w
        return [_Part(new, _trim(cen, s.centroid_terms))]
    groups: dict[int, list[_Doc]] = {}
    for d in new:
        vec = _vector(_terms(d.art, s), df, n_docs)
        k = max(range(len(stories)), key=lambda j: _cos(vec, stories[j].centroid))
        groups.setdefault(k, []).append(d)
        for t, w in vec.items():
            stories[k].centroid[t] = stories[k].centroid.get(t, 0.0) + w
    return [_Part(arts, _trim(stories[k].centroid, s.centroid_terms), base=stories[k]) for k, arts in groups.items()]


def _fresh_ids(store: Store, firsts: list[str]) -> list[str]:
    """New story ids (from each part's earliest article) that no stored story or lineage row uses."""
    out = ["s" + stable_id("story", f)[:11] for f in firsts]
    for attempt in range(1, 10):
        taken = {r["story_id"] for r in store.query(
            f"SELECT story_id FROM story_clusters WHERE story_id IN ({_IDS}) UNION "
            f"SELECT story_id FROM story_lineage WHERE story_id IN ({_IDS})", [out, out])}
        counts = Counter(out)
        clash = [i for i, x in enumerate(out) if x in taken or counts[x] > 1]
        if not clash:
            break
        for i in clash:
            out[i] = "s" + stable_id("story-part", firsts[i], str(attempt))[:11]
    return out


def _name_and_save(store: Store, plans: list[list[_Part]], old: dict[str, str | None], run: StoryRun) -> None:
    """Give each part an id (the old story it shares most articles with, else a fresh one) and persist."""
    now = db_time(now_utc())
    parts: list[_Part] = []
    ids: list[str | None] = []
    overlaps: list[tuple[Counter, int]] = []
    retired: list[str] = []
    for plan in plans:
        base = len(parts)
        overlap: Counter = Counter()
        for p, part in enumerate(plan):
            for d in part.members:
                if old.get(d.aid):
                    overlap[(old[d.aid], p)] += 1
        name: dict[int, str] = {p: part.base.sid for p, part in enumerate(plan) if part.base is not None}
        used = set(name.values())
        for (sid, p), _k in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])):
            if p not in name and sid not in used:
                name[p] = sid
                used.add(sid)
        parts += plan
        ids += [name.get(p) for p in range(len(plan))]
        retired += sorted({sid for sid, _p in overlap} - used)
        overlaps.append((overlap, base))
    fresh_at = [i for i, sid in enumerate(ids) if sid is None]
    kept = [sid is not None for sid in ids]
    for i, sid in zip(fresh_at, _fresh_ids(store, [parts[i].members[0].aid for i in fresh_at]), strict=True):
        ids[i] = sid
    lineage = [(sid, ids[base + p], k) for overlap, base in overlaps for (sid, p), k in overlap.items()
               if ids[base + p] != sid]
    run.new_stories += len(fresh_at)
    run.retired += len(retired)
    run.split_stories += len({sid for sid, _s, _k in lineage} - set(retired))
    assign, clusters, raw = [], [], []
    for part, sid, was in zip(parts, ids, kept, strict=True):
        for d in part.members:
            prev = old.get(d.aid)
            if prev is None:
                run.joined_existing += was
            if prev != sid:
                assign.append((d.aid, sid, db_time(d.art.published_at), now))
        dated = [d.art.published_at for d in part.members if d.art.published_at is not None]
        size, label = len(part.members), part.members[0].art.title or ""
        if part.base is not None:
            dated += [t for t in (part.base.first, part.base.last) if t is not None]
            size, label = part.base.size + size, part.base.label
        clusters.append(_Cluster(sid, min(dated) if dated else None, max(dated) if dated else None, size,
                                 part.centroid, label))
        raw.append(part.centroid_json)
    _save_stories(store, assign, clusters, raw, retired, lineage, now)


def _save_stories(store: Store, assign: list[tuple], clusters: list[_Cluster], raw: list[str | None],
                  retired: list[str], lineage: list[tuple[str, str, int]], now: datetime) -> None:
    """Write article->story assignments, the stories, retired ids and lineage in one transaction."""
    import pyarrow as pa

    assigned = pa.table({"article_id": pa.array([r[0] for r in assign], pa.string()),
                         "story_id": pa.array([r[1] for r in assign], pa.string()),
                         "published_at": pa.array([r[2] for r in assign], pa.timestamp("us")),
                         "assigned_at": pa.array([r[3] for r in assign], pa.timestamp("us"))})
    lin = pa.table({"story_id": pa.array([x[0] for x in lineage], pa.string()),
                    "successor_id": pa.array([x[1] for x in lineage], pa.string()),
                    "articles": pa.array([x[2] for x in lineage], pa.int32()),
                    "recorded_at": pa.array([now] * len(lineage), pa.timestamp("us"))})
    with store.transaction() as con:
        con.register("_sr_assigned", assigned)
        con.register("_sr_stories", _cluster_table(clusters, now, raw))
        con.register("_sr_lineage", lin)
        try:
            if retired:
                con.execute(f"DELETE FROM story_clusters WHERE story_id IN ({_IDS})", [retired])
            con.execute("INSERT INTO stories SELECT * FROM _sr_assigned ON CONFLICT DO UPDATE SET "
                        "story_id = excluded.story_id, assigned_at = excluded.assigned_at")
            con.execute("INSERT INTO story_clusters SELECT id, first_at, last_at, size, centroid::JSON, label, "
                        "updated_at FROM _sr_stories ON CONFLICT DO UPDATE SET first_at = excluded.first_at, "
                        "last_at = excluded.last_at, size = excluded.size, centroid = excluded.centroid, "
                        "label = excluded.label, updated_at = excluded.updated_at")
            con.execute("INSERT INTO story_lineage SELECT * FROM _sr_lineage ON CONFLICT DO UPDATE SET "
                        "articles = excluded.articles, recorded_at = excluded.recorded_at")
        finally:
            for name in ("_sr_assigned", "_sr_stories", "_sr_lineage"):
                con.unregister(name)


def resolve_story(store: Store, story_id: str) -> str | None:
    """The current id for a story id a user has seen: itself while it exists; for an id a re-split
    retired, the story that received most of its articles (following ``story_lineage``); else None."""
    seen: set[str] = set()
    cur = story_id
    while cur not in seen:
        seen.add(cur)
        if store.query("SELECT 1 AS x FROM story_clusters WHERE story_id = ?", [cur]):
            return cur
        nxt = store.query("SELECT successor_id FROM story_lineage WHERE story_id = ? "
                          "ORDER BY articles DESC, successor_id LIMIT 1", [cur])
        if not nxt:
            return None
        cur = nxt[0]["successor_id"]
    return None


def story_lineage(store: Store, story_id: str) -> list[dict]:
    """Where articles of a story went when re-splits changed it: successor id, article count, when, and
    whether the story id still exists (a story split in two keeps its id for the larger part)."""
    rows = store.query(
        "SELECT l.successor_id, l.articles, l.recorded_at, EXISTS (SELECT 1 FROM story_clusters c "
        "WHERE c.story_id = l.story_id) AS kept FROM story_lineage l WHERE l.story_id = ? "
        "ORDER BY l.articles DESC, l.successor_id", [story_id])
    return [{"successor": r["successor_id"], "articles": r["articles"], "at": ensure_utc(r["recorded_at"]),
             "kept": bool(r["kept"])} for r in rows]


def list_stories(store: Store, *, since: datetime | None = None, until: datetime | None = None,
                 min_size: int = 2, limit: int = 200) -> list[dict]:
    """Stories with at least ``min_size`` articles overlapping [since, until), largest first."""
    where, params = ["c.size >= ?"], [min_size]
    if since is not None:
        where.append("c.last_at >= ?")
        params.append(db_time(since))
    if until is not None:
        where.append("c.first_at < ?")
        params.append(db_time(until))
    rows = store.query(
        "SELECT c.story_id, c.size, c.first_at, c.last_at, c.label, c.centroid,"
        " (SELECT count(DISTINCT a.outlet) FROM stories s JOIN articles a ON a.id = s.article_id"
        "  WHERE s.story_id = c.story_id) AS outlets,"
        " (SELECT list(DISTINCT a.language ORDER BY a.language) FROM stories s JOIN articles a"
        "  ON a.id = s.article_id WHERE s.story_id = c.story_id) AS languages"
        " FROM story_clusters c WHERE " + " AND ".join(where)
        + " ORDER BY c.size DESC, c.first_at LIMIT ?", params + [limit])
    out = []
    for r in rows:
        cen = json.loads(r["centroid"])
        out.append({"id": r["story_id"], "articles": r["size"], "first": ensure_utc(r["first_at"]),
                    "last": ensure_utc(r["last_at"]), "label": r["label"], "outlets": r["outlets"],
                    "languages": [x for x in (r["languages"] or []) if x],
                    "terms": sorted(cen, key=lambda t: -cen[t])[:8]})
    return out


def story_articles(store: Store, story_id: str) -> list[Article]:
    """The articles of one story, oldest first; an id a re-split retired resolves to its successor
    (:func:`resolve_story`)."""
    sid = resolve_story(store, story_id) or story_id
    ids = [r["article_id"] for r in store.query("SELECT article_id FROM stories WHERE story_id = ?", [sid])]
    return list(store.iter_articles(ids=ids))
