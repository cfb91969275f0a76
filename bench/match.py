"""Benchmark: matching a new incident over a store of N generated articles, and story grouping throughput.

Usage: python bench/match.py [--n 200000] [--million] [--stories 20000] [--more 5000] [--db PATH]
Prints the store size, match time and articles/s (store articles per second of matching), and
story-grouping articles/s: a first ``update_stories`` run over the earliest ``--stories`` articles,
then an incremental run over the next ``--more`` (stored topics touched by them are re-split).
All text is generated (fictional towns, outlets and sentences).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa

from storyradar.match import run_match
from storyradar.match.stories import update_stories
from storyradar.model import Incident, Place, stable_id
from storyradar.store import Store

T0 = datetime(2023, 9, 6, 11, tzinfo=UTC)
WORDS = ["council", "budget", "road", "school", "weather", "harvest", "football", "concert", "bridge", "river", "energy", "price", "market", "report", "minister", "village", "festival", "train", "election", "court", "museum", "farmers", "rain", "winter", "summer", "police", "hospital", "teacher", "factory", "bus", "library", "park", "theatre", "tax", "water", "gas", "heating", "border", "trade"]
TOWNS = ["Velmora", "Dalnyk", "Orlivka", "Brantsk", "Kelmyn", "Sarnovo", "Tavrik", "Lysohir"]
_RNG = random.Random(0)
#: 3000 background stories, each a town and six invented words of its own.
STORIES = [[_RNG.choice(TOWNS)] + ["".join(_RNG.choice("bdfgklmnprstvz") + _RNG.choice("aeiou") for _ in range(3))
                                 for _ in range(6)] for _ in range(3000)]
ABOUT = [("Missile strike on Zorianivka market", "A missile struck the market in Zorianivka, killing 16."),
         ("Ракетний удар по ринку в Зорянівці", "У Зорянівці ракета влучила в ринок, загинули 16 людей."),
         ("Удар по рынку в Зоряновке", "Ракета попала в рынок в Зоряновке, 16 погибших.")]


def generate(n: int, seed: int = 1, offset: int = 0) -> pa.Table:
    """n articles over 300 days: filler news about fictional towns, 0.1% about the incident."""
    rng = random.Random(seed)
    ids, urls, titles, texts, pubs = [], [], [], [], []
    for i in range(offset, offset + n):
        day = rng.uniform(-150, 150)
        if i % 1000 == 0:
            title, text = ABOUT[i // 1000 % len(ABOUT)]
            day = rng.uniform(0, 60)
        else:
            story = STORIES[rng.randrange(len(STORIES))]
            town = story[0]
            title = f"{town} {story[1]} {story[2]} {rng.choice(WORDS)}"
            text = " ".join(rng.choice(story[1:]) if rng.random() < 0.3 else rng.choice(WORDS)
                            for _ in range(rng.randint(60, 160))) + f" in {town}."
        url = f"https://outlet{i % 400}.example/a/{i}"
        ids.append(stable_id("url", url))
        urls.append(url)
        titles.append(title)
        texts.append(text)
        pubs.append((T0 + timedelta(days=day)).replace(tzinfo=None))
    return pa.table({"id": ids, "url": urls, "title": titles, "text": texts, "published_at": pubs,
                     "outlet": [u.split("/")[2] for u in urls], "language": ["en"] * n})


def load(store: Store, table: pa.Table) -> None:
    """Bulk-insert the generated table (Arrow) into the articles table."""
    with store.transaction() as con:
        con.register("gen", table)
        con.execute("INSERT INTO articles (id, url, title, text, published_at, outlet, language, date_source) "
                    "SELECT id, url, title, text, published_at, outlet, language, 'declared' FROM gen")
        con.unregister("gen")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--million", action="store_true", help="use 1,000,000 articles")
    ap.add_argument("--stories", type=int, default=20_000, help="articles to group into stories")
    ap.add_argument("--more", type=int, default=5_000, help="articles grouped in a second, incremental run")
    ap.add_argument("--db", default=None)
    args = ap.parse_args(argv)
    n = 1_000_000 if args.million else args.n
    folder = tempfile.mkdtemp(prefix="sr-bench-")
    path = args.db or str(Path(folder) / "bench.duckdb")
    store = Store(path)
    t = time.perf_counter()
    for start in range(0, n, 100_000):
        load(store, generate(min(100_000, n - start), seed=start, offset=start))
    print(f"generated and loaded {store.article_count()} articles in {time.perf_counter() - t:.1f}s")
    inc = Incident("bench-zorianivka", T0, Place("Zorianivka", 48.5, 37.7, "UA"), occurred_offset_min=180,
                   variants=["Зорянівка", "Зоряновка"], terms=["market", "missile"], figures={"killed": 16})
    t = time.perf_counter()
    summary = run_match(store, inc)
    secs = time.perf_counter() - t
    print(f"match: {n} articles in the store, {summary.candidates} candidates, {summary.about} about, "
          f"{summary.passing} passing, {summary.near_miss} near misses in {secs:.2f}s "
          f"= {n / secs:,.0f} store articles/s")
    since = T0 - timedelta(days=150)
    subset = store.query("SELECT max(published_at) AS t FROM (SELECT published_at FROM articles "
                         "ORDER BY published_at LIMIT ?)", [args.stories])[0]["t"]
    t = time.perf_counter()
    run = update_stories(store, since=since, until=subset.replace(tzinfo=UTC) + timedelta(seconds=1))
    secs = time.perf_counter() - t
    print(f"stories: grouped {run.articles} articles into {run.new_stories} stories in {secs:.2f}s "
          f"= {run.articles / secs:,.0f} articles/s")
    if args.more:
        upto = store.query("SELECT max(published_at) AS t FROM (SELECT published_at FROM articles "
                           "ORDER BY published_at LIMIT ?)", [args.stories + args.more])[0]["t"]
        t = time.perf_counter()
        run = update_stories(store, since=since, until=upto.replace(tzinfo=UTC) + timedelta(seconds=1))
        secs = time.perf_counter() - t
        print(f"stories (incremental): grouped {run.articles} more articles in {secs:.2f}s "
              f"= {run.articles / secs:,.0f} articles/s; {run.joined_existing} joined existing stories, "
              f"{run.new_stories} new stories, {run.topics_resplit} topics re-split")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
