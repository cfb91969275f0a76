"""Benchmark: incident coverage query time in a store of 1M vs 4M articles with the same matched set.

Target: ratio (4M / 1M) ≤ 1.3 — the cost should follow the incident, not the store.
Usage: python bench/query.py [--small 1000000] [--large 4000000] [--matched 2000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from storyradar.coverage import analyse_coverage
from storyradar.model import Incident, Match, MatchReason, Place
from storyradar.store import Store

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


def build(path: Path, n_articles: int, n_matched: int) -> Incident:
    """A store of n_articles synthetic rows over 120 days; the first n_matched match the incident."""
    store = Store(path)
    incident = Incident(name="bench", occurred_at=T0, occurred_offset_min=120, place=Place("Benchtown", 1.0, 2.0))
    store.save_incident(incident)
    with store.transaction() as con:
        con.execute(
            """
            INSERT INTO articles (id, url, outlet, title, text, language, published_at, published_offset_min,
                                  date_source, source_kind, collection_source, content_hash)
            SELECT printf('a%012d', i), printf('https://o%d.example/%d', i % 400, i), printf('o%d.example', i % 400),
                   'title ' || i, 'text of article ' || i, ['en','uk','ru','de','pl'][1 + i % 5],
                   TIMESTAMP '2025-03-01 00:00:00' + to_seconds(CAST((i * 7919) % (120 * 86400) AS BIGINT)),
                   120, 'html-meta', 'html', printf('src%d', i % 40), printf('h%d', i)
            FROM range(?) t(i)
            """,
            [n_articles],
        )
    store.replace_matches(incident.id, [
        Match(incident.id, f"a{i * 97:012d}", 0.9, "about", [MatchReason("bench", "planted", 1.0)])
        for i in range(n_matched)
    ])
    store.close()
    return incident


def time_query(path: Path, incident: Incident, repeat: int) -> tuple[float, float]:
    """Median seconds of the coverage analysis without and with the collection-gap scan."""
    store = Store(path, read_only=True)
    core, full = [], []
    analyse_coverage(store, incident, with_gaps=False)  # warm caches
    for _ in range(repeat):
        t = time.perf_counter()
        analyse_coverage(store, incident, with_gaps=False)
        core.append(time.perf_counter() - t)
        t = time.perf_counter()
        analyse_coverage(store, incident, with_gaps=True)
        full.append(time.perf_counter() - t)
    store.close()
    return statistics.median(core), statistics.median(full)


def main() -> None:
    """Build both stores, time the query on each, print figures and the ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=1_000_000)
    ap.add_argument("--large", type=int, default=4_000_000)
    ap.add_argument("--matched", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    if args.matched * 97 >= args.small:
        raise SystemExit("--matched × 97 must stay below --small so both stores hold the same matched set")
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for label, n in (("small", args.small), ("large", args.large)):
            path = Path(tmp) / f"{label}.duckdb"
            t = time.perf_counter()
            incident = build(path, n, args.matched)
            print(f"built {label} store: {n:,} articles, {args.matched:,} matched, {time.perf_counter() - t:.1f} s")
            results[label] = time_query(path, incident, args.repeat)
            print(f"  coverage query median: {results[label][0] * 1000:.1f} ms "
                  f"(with collection-gap scan: {results[label][1] * 1000:.1f} ms)")
    core_ratio = results["large"][0] / results["small"][0]
    full_ratio = results["large"][1] / results["small"][1]
    print(f"coverage query ratio {args.large:,}/{args.small:,} articles: {core_ratio:.2f} (target ≤ 1.3); "
          f"with collection-gap scan: {full_ratio:.2f}")


if __name__ == "__main__":
    main()
