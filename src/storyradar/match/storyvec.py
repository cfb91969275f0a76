"""Story grouping's building blocks: settings, per-article term counts, TF-IDF vectors, the single-pass clusterer."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import Article, stable_id
from .normalise import is_number, tokens
from .stopwords import STOPWORDS


@dataclass(slots=True, frozen=True)
class StorySettings:
    """Story clustering parameters."""

    threshold: float = 0.25  # cosine similarity needed to join a story when there is no stage 2 (single pass)
    split_distance: float = 0.88  # stage 2: average-linkage cut inside a topic (0 = no split, stage 1 alone)
    block_threshold: float = 0.15  # stage 1 (topic) join threshold when stage 2 splits afterwards
    min_split: int = 3  # stage 2: smaller groups are re-attached to the group they resemble most
    max_split: int = 3000  # stage 2: larger topics are not re-split (the distance matrix is quadratic)
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
    cache_terms: int = 20000  # store runs up to this many articles keep their term counts for stage 2


@dataclass(slots=True)
class _Cluster:
    sid: str
    first: datetime | None
    last: datetime | None
    size: int
    centroid: dict[str, float] = field(default_factory=dict)
    label: str = ""
    sq: float = -1.0  # squared norm of the centroid, kept up to date by _Clusterer.add (-1: not known)

    def norm(self) -> float:
        """Length of the centroid (computed once, then maintained incrementally)."""
        if self.sq < 0:
            self.sq = sum(v * v for v in self.centroid.values())
        return math.sqrt(self.sq) or 1.0


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
            cen = c.centroid
            sim = sum(w * cen.get(t, 0.0) for t, w in vec.items()) / c.norm()
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
        sq = c.sq
        for t, w in vec.items():
            before = cen.get(t, 0.0)
            cen[t] = before + w
            sq += (before + w) ** 2 - before * before
        c.sq = sq if c.sq >= 0 else -1.0
        c.size += 1
        if when is not None:
            c.first = when if c.first is None else min(c.first, when)
            c.last = when if c.last is None else max(c.last, when)
        if sid not in self.clusters or len(cen) > 2 * self.s.centroid_terms:
            c.centroid = _trim(cen, self.s.centroid_terms)
            c.sq = -1.0
            self._put(c)
        else:
            for t in fresh:
                self.index.setdefault(t, set()).add(sid)
        return sid


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}
