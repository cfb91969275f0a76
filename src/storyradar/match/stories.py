"""Story grouping: time-aware, incremental clustering of the whole store into stories (TF-IDF centroids)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import Article, stable_id
from ..store import Store, db_time
from ..timeutil import ensure_utc, now_utc
from .normalise import is_number, tokens
from .stopwords import STOPWORDS
from .storysplit import split_story


@dataclass(slots=True, frozen=True)
class StorySettings:
    """Story clustering parameters."""

    threshold: float = 0.25  # cosine similarity needed to join a story (single pass; the store's grouping)
    split_distance: float = 0.88  # in-memory stage 2: average-linkage cut inside a story (0 = no split)
    block_threshold: float = 0.15  # in-memory stage 1 join threshold when stage 2 splits afterwards
    min_split: int = 3  # stage 2: smaller groups are re-attached to the group they resemble most
    max_gap_days: float = 4.0  # an article this long after a story's last article starts a new story
    title_weight: int = 3  # title tokens count this many times
    max_tokens: int = 400  # tokens of the text used (the lead matters most)
    centroid_terms: int = 400  # terms kept per story centroid
    query_terms: int = 12  # an article's strongest terms used to find candidate stories
    max_posting: int = 500  # terms in more active stories than this are not used to find candidates
    max_candidates: int = 40  # stories sharing the most strong terms that are compared in full
    refine: int = 3  # batch re-assignment passes (0 = pure single pass)
    merge_threshold: float = 0.0  # centroid cosine for the batch merge pass (0 = off)
    name_boost: int = 1  # extra count for a capitalised word inside a sentence (a name)
    batch: int = 5000


@dataclass(slots=True)
class _Cluster:
    sid: str
    first: datetime | None
    last: datetime | None
    size: int
    centroid: dict[str, float] = field(default_factory=dict)
    label: str = ""


_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[^\W\d_][\w'’-]*", re.UNICODE)


def _terms(article: Article, s: StorySettings) -> Counter:
    c: Counter = Counter()
    for t in tokens(article.title or ""):
        if len(t) > 2 and t not in STOPWORDS and not is_number(t):
            c[t] += s.title_weight
    text = article.text or ""
    for t in tokens(text)[: s.max_tokens]:
        if len(t) > 2 and t not in STOPWORDS and (not is_number(t) or len(t) == 4):
            c[t] += 1  # four-digit numbers (years) tell incidents of the same kind apart
    if s.name_boost:
        # names (capitalised words not opening a sentence) tell incidents of the same kind apart
        for m in _CAPITAL.finditer(text[: s.max_tokens * 8]):
            word = m.group(0)
            if word[:1].isupper():
                for t in tokens(word):
                    if t in c:
                        c[t] += s.name_boost
    return c


def _vector(tf: Counter, df: Counter, n_docs: int) -> dict[str, float]:
    vec = {t: (1 + math.log(f)) * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1) for t, f in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cos(vec: dict[str, float], centroid: dict[str, float]) -> float:
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / norm


def _trim(centroid: dict[str, float], k: int) -> dict[str, float]:
    if len(centroid) <= k:
        return centroid
    return dict(sorted(centroid.items(), key=lambda kv: -kv[1])[:k])


class _Clusterer:
    """Single-pass clustering against active stories, with an inverted index on centroid terms."""

    def __init__(self, s: StorySettings, clusters: Iterable[_Cluster] = ()) -> None:
        self.s = s
        self.clusters: dict[str, _Cluster] = {}
        self.index: dict[str, set[str]] = {}
        for c in clusters:
            self._put(c)

    def _put(self, c: _Cluster) -> None:
        old = self.clusters.get(c.sid)
        if old is not None:
            for t in old.centroid:
                self.index.get(t, set()).discard(c.sid)
        self.clusters[c.sid] = c
        for t in c.centroid:
            self.index.setdefault(t, set()).add(c.sid)

    def _fits(self, c: _Cluster, when: datetime | None) -> bool:
        if when is None or c.last is None:
            return True
        gap = timedelta(days=self.s.max_gap_days)
        return c.first - gap <= when <= c.last + gap

    def best(self, vec: dict[str, float], when: datetime | None) -> tuple[str | None, float]:
        """The most similar time-compatible story and its similarity."""
        top = sorted(vec, key=lambda t: -vec[t])[: self.s.query_terms]
        hits: Counter = Counter()
        for t in top:
            posting = self.index.get(t, ())
            if len(posting) <= self.s.max_posting:  # a word in very many stories finds none
                hits.update(posting)
        best, score = None, 0.0
        for sid, _n in hits.most_common(self.s.max_candidates):
            c = self.clusters[sid]
            if not self._fits(c, when):
                continue
            sim = _cos(vec, c.centroid)
            if sim > score:
                best, score = sid, sim
        return best, score

    def add(self, aid: str, vec: dict[str, float], when: datetime | None, title: str) -> str:
        """Put an article in its best story, or start a new one."""
        sid, sim = self.best(vec, when)
        if sid is None or sim < self.s.threshold:
            sid = "s" + stable_id("story", aid)[:11]
            c = _Cluster(sid, when, when, 0, {}, title)
        else:
            c = self.clusters[sid]
        cen = c.centroid
        fresh = [t for t in vec if t not in cen]
        for t, w in vec.items():
            cen[t] = cen.get(t, 0.0) + w
        c.size += 1
        if when is not None:
            c.first = when if c.first is None else min(c.first, when)
            c.last = when if c.last is None else max(c.last, when)
        if sid not in self.clusters or len(cen) > 2 * self.s.centroid_terms:
            c.centroid = _trim(cen, self.s.centroid_terms)
            self._put(c)
        else:
            for t in fresh:
                self.index.setdefault(t, set()).add(sid)
        return sid


def cluster_articles(articles: Iterable[Article], settings: StorySettings | None = None) -> dict[str, str]:
    """Group articles into stories in memory: article id -> story id (no store needed).

    Stage 1: articles are taken in publication order (undated ones last and free of the time
    constraint) and join the closest story centroid (``block_threshold`` when a split follows,
    else ``threshold``); ``settings.refine`` re-assignment passes then move each article to its
    closest centroid. Stage 2 (``split_distance`` > 0): each story is split into the incidents it
    holds (:func:`storyradar.match.storysplit.split_story`).
    """
    s = settings or StorySettings()
    if s.split_distance:
        return _two_stage(list(articles), s)
    return _single_pass(articles, s)


def _two_stage(arts: list[Article], s: StorySettings) -> dict[str, str]:
    from dataclasses import replace

    blocks = _single_pass(arts, replace(s, threshold=s.block_threshold))
    by_block: dict[str, list[Article]] = {}
    for a in arts:
        by_block.setdefault(blocks[a.id], []).append(a)
    out: dict[str, str] = {}
    for sid, members in by_block.items():
        labels = split_story([_terms(a, s) for a in members], distance=s.split_distance, min_group=s.min_split)
        names: dict[int, str] = {0: sid}
        for a, lab in zip(members, labels, strict=True):
            out[a.id] = names.setdefault(lab, "s" + stable_id("story-split", sid, a.id)[:11])
    return out


def _single_pass(articles: Iterable[Article], s: StorySettings) -> dict[str, str]:
    """Stage 1: single pass over the articles in time order, then ``refine`` re-assignment passes."""
    arts = sorted(articles, key=lambda a: (a.published_at is None, a.published_at or datetime.min, a.id))
    tfs = [_terms(a, s) for a in arts]
    df: Counter = Counter()
    for tf in tfs:
        df.update(tf.keys())
    vecs = [_vector(tf, df, len(arts)) for tf in tfs]
    cl = _Clusterer(s)
    assign = {a.id: cl.add(a.id, v, a.published_at, a.title) for a, v in zip(arts, vecs, strict=True)}
    for _ in range(s.refine):
        final = {sid: c for sid, c in cl.clusters.items()}
        moved = {}
        for a, v in zip(arts, vecs, strict=True):
            sid, sim = cl.best(v, a.published_at)
            moved[a.id] = sid if sid is not None and sim >= s.threshold else assign[a.id]
        if moved == assign:
            break
        assign = moved
        rebuilt: dict[str, _Cluster] = {}
        for a, v in zip(arts, vecs, strict=True):
            old = final[assign[a.id]]
            c = rebuilt.setdefault(old.sid, _Cluster(old.sid, None, None, 0, {}, old.label))
            for t, w in v.items():
                c.centroid[t] = c.centroid.get(t, 0.0) + w
            c.size += 1
            if a.published_at is not None:
                c.first = a.published_at if c.first is None else min(c.first, a.published_at)
                c.last = a.published_at if c.last is None else max(c.last, a.published_at)
        cl = _Clusterer(s, [_Cluster(c.sid, c.first, c.last, c.size, _trim(c.centroid, s.centroid_terms),
                                     c.label) for c in rebuilt.values()])
    if s.merge_threshold:
        assign = _merge(cl, assign, s)
    return assign


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _merge(cl: _Clusterer, assign: dict[str, str], s: StorySettings) -> dict[str, str]:
    """Greedy centroid merging: join the two most similar time-compatible stories while their
    centroids' cosine is at least ``merge_threshold`` (recovers stories split by article order)."""
    import heapq

    unit = {sid: _unit(c.centroid) for sid, c in cl.clusters.items()}
    alive = set(unit)
    parent = {sid: sid for sid in unit}
    heap: list[tuple[float, str, str]] = []

    def push_pairs(sid: str) -> None:
        top = sorted(unit[sid], key=lambda t: -unit[sid][t])[: s.query_terms * 2]
        cands = set().union(*(cl.index.get(t, set()) for t in top)) & alive
        c = cl.clusters[sid]
        for other in cands - {sid}:
            o = cl.clusters[other]
            if c.first is not None and o.first is not None and not (
                    cl._fits(o, c.first) or cl._fits(o, c.last) or cl._fits(c, o.first)):
                continue
            sim = sum(w * unit[other].get(t, 0.0) for t, w in unit[sid].items())
            if sim >= s.merge_threshold:
                heapq.heappush(heap, (-sim, sid, other))

    for sid in list(alive):
        push_pairs(sid)
    while heap:
        _neg, a, b = heapq.heappop(heap)
        if a not in alive or b not in alive:
            continue
        ca, cb = cl.clusters[a], cl.clusters[b]
        keep, drop = (a, b) if ca.size >= cb.size else (b, a)
        ck, cd = cl.clusters[keep], cl.clusters[drop]
        merged = dict(ck.centroid)
        for t, w in cd.centroid.items():
            merged[t] = merged.get(t, 0.0) + w
        ck.centroid = _trim(merged, s.centroid_terms)
        ck.size += cd.size
        times = [x for x in (ck.first, ck.last, cd.first, cd.last) if x is not None]
        ck.first, ck.last = (min(times), max(times)) if times else (None, None)
        alive.discard(drop)
        parent[drop] = keep
        cl._put(ck)
        unit[keep] = _unit(ck.centroid)
        push_pairs(keep)

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    return {aid: root(sid) for aid, sid in assign.items()}


# -- persistence (tables in store/schema.py, section "stories") --------------------------------
def _load_df(store: Store) -> tuple[Counter, int]:
    rows = store.query("SELECT term, df FROM story_df")
    df = Counter({r["term"]: r["df"] for r in rows if r["term"]})
    n = next((r["df"] for r in rows if r["term"] == ""), 0)
    return df, int(n)


def _load_clusters(store: Store, since: datetime | None, gap: timedelta) -> list[_Cluster]:
    sql, params = "SELECT * FROM story_clusters", []
    if since is not None:
        sql += " WHERE last_at IS NULL OR last_at >= ?"
        params.append(db_time(since - gap))
    return [_Cluster(r["story_id"], ensure_utc(r["first_at"]), ensure_utc(r["last_at"]), r["size"],
                     json.loads(r["centroid"]), r["label"] or "") for r in store.query(sql, params)]


@dataclass(slots=True)
class StoryRun:
    """What one incremental grouping run did."""

    articles: int = 0
    new_stories: int = 0
    joined_existing: int = 0
    seconds: float = 0.0


def update_stories(store: Store, *, since: datetime | None = None, until: datetime | None = None,
                   settings: StorySettings | None = None) -> StoryRun:
    """Assign every article not yet in a story (optionally within a date range); persist the result.

    Incremental: stored stories keep their ids and centroids, and a new article joins one when it is
    similar enough and close enough in time; document frequencies are kept in ``story_df``.
    """
    import time

    start = time.perf_counter()
    s = settings or StorySettings()
    where, params = ["s.article_id IS NULL"], []
    if since is not None:
        where.append("a.published_at >= ?")
        params.append(db_time(since))
    if until is not None:
        where.append("a.published_at < ?")
        params.append(db_time(until))
    ids = [r["id"] for r in store.query(
        "SELECT a.id FROM articles a LEFT JOIN stories s ON s.article_id = a.id WHERE "
        + " AND ".join(where) + " ORDER BY a.published_at NULLS LAST, a.id", params)]
    run = StoryRun(articles=len(ids))
    if not ids:
        return run
    df, n_docs = _load_df(store)
    first_time = store.query("SELECT min(published_at) AS t FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [ids])[0]["t"]
    cl = _Clusterer(s, _load_clusters(store, ensure_utc(first_time), timedelta(days=s.max_gap_days)))
    known = set(cl.clusters)
    for i in range(0, len(ids), s.batch):
        arts = list(store.iter_articles(ids=ids[i:i + s.batch]))
        tfs = [_terms(a, s) for a in arts]
        delta: Counter = Counter()
        for tf in tfs:
            delta.update(tf.keys())
        df.update(delta)
        n_docs += len(arts)
        rows, touched = [], set()
        for a, tf in zip(arts, tfs, strict=True):
            sid = cl.add(a.id, _vector(tf, df, n_docs), a.published_at, a.title)
            touched.add(sid)
            run.joined_existing += sid in known
            rows.append((a.id, sid, db_time(a.published_at), db_time(now_utc())))
        _save(store, rows, [cl.clusters[sid] for sid in touched], delta, n_docs)
    run.new_stories = len(set(cl.clusters) - known)
    run.seconds = time.perf_counter() - start
    return run


def _save(store: Store, rows: list[tuple], clusters: list[_Cluster], delta: Counter, n_docs: int) -> None:
    """Write assignments, touched stories and document-frequency deltas in bulk (Arrow, one transaction)."""
    import pyarrow as pa

    now = db_time(now_utc())
    assigned = pa.table({"article_id": [r[0] for r in rows], "story_id": [r[1] for r in rows],
                         "published_at": pa.array([r[2] for r in rows], pa.timestamp("us")),
                         "assigned_at": pa.array([r[3] for r in rows], pa.timestamp("us"))})
    touched = pa.table({
        "story_id": [c.sid for c in clusters],
        "first_at": pa.array([db_time(c.first) for c in clusters], pa.timestamp("us")),
        "last_at": pa.array([db_time(c.last) for c in clusters], pa.timestamp("us")),
        "size": pa.array([c.size for c in clusters], pa.int32()),
        "centroid": [json.dumps({t: round(w, 5) for t, w in _trim(c.centroid, 400).items()}, ensure_ascii=False)
                     for c in clusters],
        "label": [c.label for c in clusters],
        "updated_at": pa.array([now] * len(clusters), pa.timestamp("us")),
    })
    dfs = pa.table({"term": list(delta.keys()), "df": pa.array(list(delta.values()), pa.int64())})
    with store.transaction() as con:
        con.register("_sr_assigned", assigned)
        con.register("_sr_touched", touched)
        con.register("_sr_df", dfs)
        try:
            con.execute("INSERT INTO stories SELECT * FROM _sr_assigned ON CONFLICT DO UPDATE SET "
                        "story_id = excluded.story_id, assigned_at = excluded.assigned_at")
            con.execute("INSERT INTO story_clusters SELECT story_id, first_at, last_at, size, centroid::JSON, "
                        "label, updated_at FROM _sr_touched ON CONFLICT DO UPDATE SET "
                        "first_at = excluded.first_at, last_at = excluded.last_at, size = excluded.size, "
                        "centroid = excluded.centroid, updated_at = excluded.updated_at")
            con.execute("INSERT INTO story_df SELECT term, df FROM _sr_df ON CONFLICT DO UPDATE SET "
                        "df = story_df.df + excluded.df")
            con.execute("INSERT INTO story_df VALUES ('', ?) ON CONFLICT DO UPDATE SET df = excluded.df",
                        [n_docs])
        finally:
            for name in ("_sr_assigned", "_sr_touched", "_sr_df"):
                con.unregister(name)


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
    """The articles of one story, oldest first."""
    ids = [r["article_id"] for r in store.query("SELECT article_id FROM stories WHERE story_id = ?", [story_id])]
    return list(store.iter_articles(ids=ids))
