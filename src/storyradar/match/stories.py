"""Story grouping: time-aware clustering of articles into stories (topic pass, then a split into incidents).

In memory: :func:`cluster_articles`. In the store, incremental: :func:`update_stories` (module
``storystore``), re-exported here with :func:`list_stories`, :func:`story_articles` and :func:`resolve_story`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from ..model import Article, stable_id
from .storysplit import split_story
from .storystore import StoryRun, list_stories, resolve_story, story_articles, story_lineage, update_stories
from .storyvec import StorySettings, _Cluster, _Clusterer, _terms, _trim, _unit, _vector

__all__ = ["StoryRun", "StorySettings", "cluster_articles", "list_stories", "resolve_story", "story_articles",
           "story_lineage", "update_stories"]


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
    blocks = _single_pass(arts, replace(s, threshold=s.block_threshold))
    by_block: dict[str, list[Article]] = {}
    for a in arts:
        by_block.setdefault(blocks[a.id], []).append(a)
    out: dict[str, str] = {}
    for sid, members in by_block.items():
        labels = split_story([_terms(a, s) for a in members], distance=s.split_distance, min_group=s.min_split,
                             max_size=s.max_split)
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
        ck.sq = -1.0
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
