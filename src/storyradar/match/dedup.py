"""Syndication: group near-duplicate articles (wire copies, light rewrites) with MinHash LSH."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ..model import Article
from ..store import Store
from .normalise import tokens


@dataclass(slots=True, frozen=True)
class DedupSettings:
    """MinHash LSH parameters: word shingles of ``shingle`` tokens, Jaccard ``threshold``."""

    shingle: int = 4
    num_perm: int = 64
    threshold: float = 0.6
    seed: int = 7


def _shingles(article: Article, k: int) -> set[bytes]:
    toks = tokens(f"{article.title} {article.text}")
    if len(toks) < k:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i:i + k]).encode("utf-8") for i in range(len(toks) - k + 1)}


def syndication_groups(articles: Iterable[Article], settings: DedupSettings | None = None) -> dict[str, str]:
    """article id -> group id for every article; copies share a group (the id of its earliest member)."""
    s = settings or DedupSettings()
    lsh = MinHashLSH(threshold=s.threshold, num_perm=s.num_perm)
    parent: dict[str, str] = {}
    order: dict[str, tuple] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for art in articles:
        aid = art.id
        if aid in parent:
            continue
        parent[aid] = aid
        order[aid] = (art.published_at.timestamp() if art.published_at else float("inf"), aid)
        sh = _shingles(art, s.shingle)
        if not sh:
            continue
        mh = MinHash(num_perm=s.num_perm, seed=s.seed)
        mh.update_batch(list(sh))
        for other in lsh.query(mh):
            ra, rb = find(aid), find(other)
            if ra != rb:
                first, second = sorted((ra, rb), key=order.__getitem__)
                parent[second] = first
        lsh.insert(aid, mh)
    return {aid: find(aid) for aid in parent}


def group_incident(store: Store, incident_id: str, settings: DedupSettings | None = None) -> dict[str, str]:
    """Group an incident's matched articles (about + passing) and store the groups on the articles."""
    arts = [a for _m, a in store.matched_articles(incident_id)]
    groups = syndication_groups(arts, settings)
    store.set_dup_groups(groups)
    return groups


def distinct_stories(groups: dict[str, str]) -> int:
    """How many distinct stories a grouping holds (copies counted once)."""
    return len(set(groups.values()))


def shared_copies(store: Store, incident_id: str) -> list[dict]:
    """Syndication groups of an incident with two or more articles: outlets that carried the same copy."""
    rows = store.query(
        "SELECT a.dup_group AS grp, count(*) AS n, min(a.published_at) AS first_published,"
        " list(DISTINCT a.outlet ORDER BY a.outlet) AS outlets, arg_min(a.title, a.published_at) AS title"
        " FROM matches m JOIN articles a ON a.id = m.article_id"
        " WHERE m.incident_id = ? AND m.relation IN ('about', 'passing') AND a.dup_group IS NOT NULL"
        " GROUP BY a.dup_group HAVING count(*) > 1 ORDER BY n DESC, first_published",
        [incident_id],
    )
    return [{"group": r["grp"], "articles": r["n"], "outlets": list(r["outlets"]),
             "first_published": r["first_published"], "title": r["title"]} for r in rows]
