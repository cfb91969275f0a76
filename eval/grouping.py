"""Evaluate storyradar's story grouping on ECB+ (topics 1-30): document-level B-cubed and pairwise P/R/F1.

Gold: each document belongs to the incident of its topic and half -- ``<topic>_<n>ecb.xml`` and
``<topic>_<n>ecbplus.xml`` describe *different* incidents of the same kind -- so topics 1-30 give
up to 60 gold clusters. Scored: every document of topics 1-30, clustered together in one run by
``storyradar.match.cluster_articles`` (no topic given to the system): stage 1 groups by topic in a
single pass (``--block-threshold``), stage 2 splits each group where average linkage over story-local
TF-IDF stops (``--split-distance``; 0 = stage 1 alone at ``--threshold``). ECB+ documents carry no
publication dates, so every document is undated and the time constraint of story grouping does not
apply (undated articles may join any story); the score measures the text side alone.

``--store`` scores the store path instead (what ``storyradar stories`` gives): the documents are
written to a temporary DuckDB store and grouped by ``update_stories`` -- in ``--store-runs`` incremental
runs over a seeded shuffle of the documents (default 1) -- and the stored story of each document is scored.

Usage: python eval/grouping.py ../shared/data/ecbplus [--topics 1-30] [--threshold 0.25]
       [--block-threshold 0.15] [--split-distance 0.88] [--grid] [--store [--store-runs 3]]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from storyradar.match.stories import StorySettings, cluster_articles, update_stories
from storyradar.model import Article
from storyradar.store import Store


def read_doc(path: Path) -> tuple[str, str]:
    """(first sentence as title, the rest as text) from a CROMER XML file."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in ET.parse(path).getroot().iter("token"):
        sentences[int(tok.get("sentence", 0))].append(tok.text or "")
    ordered = [" ".join(sentences[k]) for k in sorted(sentences)]
    return (ordered[0] if ordered else ""), " ".join(ordered[1:])


def load(folder: Path, topics: range) -> tuple[list[Article], dict[str, str]]:
    """Articles (undated) and their gold cluster ('<topic>/ecb' or '<topic>/ecbplus')."""
    arts, gold = [], {}
    for topic in topics:
        tdir = folder / str(topic)
        if not tdir.is_dir():
            continue
        for path in sorted(tdir.glob("*.xml")):
            title, text = read_doc(path)
            art = Article(url=f"ecbplus:{path.name}", title=title, text=text, language="en")
            arts.append(art)
            gold[art.id] = f"{topic}/{'ecbplus' if path.stem.endswith('ecbplus') else 'ecb'}"
    return arts, gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (averaged over documents)."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for d, c in pred.items():
        by_pred[c].add(d)
    for d, c in gold.items():
        by_gold[c].add(d)
    p = r = 0.0
    for d in gold:
        same_p, same_g = by_pred[pred[d]], by_gold[gold[d]]
        inter = len(same_p & same_g)
        p += inter / len(same_p)
        r += inter / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 over document pairs."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        sp, sg = pred[a] == pred[b], gold[a] == gold[b]
        tp += sp and sg
        fp += sp and not sg
        fn += sg and not sp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def store_groups(arts: list[Article], settings: StorySettings, runs: int = 1, seed: int = 0) -> dict[str, str]:
    """Group through a temporary store: the documents arrive in ``runs`` incremental batches."""
    order = list(arts)
    if runs > 1:
        random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory(prefix="sr-ecb-") as tmp, Store(Path(tmp) / "ecb.duckdb") as store:
        for k in range(runs):
            store.upsert_articles(order[k * len(order) // runs:(k + 1) * len(order) // runs])
            update_stories(store, settings=settings)
        return {r["article_id"]: r["story_id"] for r in store.query("SELECT article_id, story_id FROM stories")}


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the figures (summary line last)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--topics", default="1-30")
    ap.add_argument("--threshold", type=float, default=StorySettings().threshold,
                    help="single-pass join threshold (used alone when --split-distance is 0)")
    ap.add_argument("--block-threshold", type=float, default=StorySettings().block_threshold)
    ap.add_argument("--split-distance", type=float, default=StorySettings().split_distance)
    ap.add_argument("--grid", action="store_true", help="also print B3 F1 around the chosen settings")
    ap.add_argument("--store", action="store_true", help="score the store path (update_stories) instead")
    ap.add_argument("--store-runs", type=int, default=1, help="with --store: incremental runs (shuffled arrival)")
    args = ap.parse_args(argv)
    lo, hi = (int(x) for x in args.topics.split("-"))
    if not args.folder.is_dir():
        print(f"error: {args.folder}: not a folder", file=sys.stderr)
        return 2
    arts, gold = load(args.folder, range(lo, hi + 1))
    t0 = time.perf_counter()
    settings = StorySettings(threshold=args.threshold, block_threshold=args.block_threshold,
                             split_distance=args.split_distance)
    pred = store_groups(arts, settings, args.store_runs) if args.store else cluster_articles(arts, settings)
    secs = time.perf_counter() - t0
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    print(f"documents: {len(arts)}  gold clusters: {len(set(gold.values()))}  "
          f"predicted clusters: {len(set(pred.values()))}  ({secs:.2f}s, {len(arts) / secs:.0f} docs/s)")
    print(f"B3        precision {bp:.3f}  recall {br:.3f}  F1 {bf:.3f}")
    print(f"pairwise  precision {pp:.3f}  recall {pr:.3f}  F1 {pf:.3f}")
    mode = f"store runs={args.store_runs}" if args.store else "memory"
    print(f"SUMMARY ecbplus {mode} topics {args.topics} docs={len(arts)} B3_F1={bf:.3f} B3_P={bp:.3f} B3_R={br:.3f} "
          f"pair_F1={pf:.3f} threshold={args.threshold} block_threshold={args.block_threshold} "
          f"split_distance={args.split_distance}")
    if args.grid:
        for bt in (0.12, 0.15, 0.2):
            row = []
            for sd in (0.0, 0.86, 0.88, 0.9):
                grid = replace(settings, block_threshold=bt, split_distance=sd)
                p = store_groups(arts, grid, args.store_runs) if args.store else cluster_articles(arts, grid)
                row.append(f"split {sd:.2f}: {bcubed(p, gold)[2]:.3f}")
            print(f"grid block_threshold {bt:.2f}  " + "  ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
