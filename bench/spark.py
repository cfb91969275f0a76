"""Records/s of the Spark ingest job in local mode with 1 and 2 cores, and the ratio to the local ingest.

Usage: python bench/spark.py [--warcs 8] [--pages 120]
Inputs are generated, fictional WARCs (storyradar.scale.sample): a small set (WARCS x PAGES) and a
large one (WARCS x 4 PAGES). Each Spark session gets a warm-up job first (Python workers import
trafilatura, lingua and the gazetteer once); every figure is the best of two runs (the machine is
shared). Records/s is the large run's; the small run shows how much of it is Spark's fixed per-job
cost. Session start-up is reported apart. The local figure is run_ingest + run_match on the large input
into a fresh DuckDB store with the same number of worker processes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from storyradar.ingest import run_ingest
from storyradar.match import run_match
from storyradar.scale import load_incidents, read_warc_list, spark_ingest, spark_session
from storyradar.scale.sample import make_inputs
from storyradar.store import Store


def local_run(warcs: list[str], incidents, workers: int, folder: Path) -> tuple[int, float]:
    """(records, seconds) for the local ingest + match on ``workers`` processes."""
    db = folder / f"local-{workers}.duckdb"
    db.unlink(missing_ok=True)  # a fresh store each run: re-ingesting would store nothing
    start = time.perf_counter()
    with Store(db) as store:
        summary = run_ingest(store, warcs, workers=workers, progress=False)
        for inc in incidents:
            store.save_incident(inc)
            run_match(store, inc)
    return summary.read, time.perf_counter() - start


def spark_run(small: list[str], large: list[str], warmup: list[str], incidents, cores: int, folder: Path) -> dict:
    """Records/s on local[cores] after a warm-up job, best of two runs, for the large input (and the
    small one, to show the fixed per-job cost fading); session start measured apart."""
    t0 = time.perf_counter()
    spark = spark_session(f"local[{cores}]", app_name=f"storyradar-bench-{cores}")
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0
    try:
        spark_ingest(spark, warmup * cores, incidents, folder / f"warm-{cores}", overwrite=True)
        runs = {}
        for name, warcs in (("small", small), ("large", large)):  # best of two: the machine is shared
            out = [spark_ingest(spark, warcs, incidents, folder / f"spark-{name}-{cores}", overwrite=True)
                   for _ in range(2)]
            runs[name] = min(out, key=lambda s: s.seconds)
        a, b = runs["small"], runs["large"]
    finally:
        spark.stop()
    return {"cores": cores, "records": b.records, "seconds": round(b.seconds, 2),
            "records_per_s": round(b.records / b.seconds, 1),
            "small_run": {"records": a.records, "seconds": round(a.seconds, 2),
                          "records_per_s": round(a.records / a.seconds, 1)},
            "session_start_s": round(started, 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warcs", type=int, default=8, help="WARC files (one Spark task each).")
    parser.add_argument("--pages", type=int, default=120, help="HTML pages per WARC in the small run (x4 in the large).")
    parser.add_argument("--paragraphs", type=int, default=30, help="Paragraphs per page (30: about 10 KB of text).")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="storyradar-bench-spark-"))
    try:
        listing, inc_dir = make_inputs(folder / "in", warcs=args.warcs, pages=args.pages * 4, extras=False,
                                       paragraphs=args.paragraphs)
        small_list, _ = make_inputs(folder / "small", warcs=args.warcs, pages=args.pages, extras=False,
                                    paragraphs=args.paragraphs)
        warm_list, _ = make_inputs(folder / "warm", warcs=1, pages=4, extras=False)
        warcs, warmup, incidents = read_warc_list(listing), read_warc_list(warm_list), load_incidents(inc_dir)
        small = read_warc_list(small_list)
        local_run(warmup, incidents, 1, folder)  # import and model loading out of the timing
        results = {"input": {"warcs": args.warcs, "pages_per_warc_small": args.pages,
                             "pages_per_warc_large": 4 * args.pages, "paragraphs": args.paragraphs},
                   "local": [], "spark": []}
        for workers in (1, 2):
            n, secs = min((local_run(warcs, incidents, workers, folder) for _ in range(2)), key=lambda x: x[1])
            results["local"].append({"workers": workers, "records": n, "seconds": round(secs, 2),
                                     "records_per_s": round(n / secs, 1)})
        for cores in (1, 2):
            results["spark"].append(spark_run(small, warcs, warmup, incidents, cores, folder))
        s1, s2 = (r["records_per_s"] for r in results["spark"])
        results["spark_scaling_2_vs_1"] = round(s2 / s1, 2)
        results["spark_scaling_target"] = 0.8 * 2
        results["spark_vs_local"] = [round(s["records_per_s"] / loc["records_per_s"], 2)
                                     for s, loc in zip(results["spark"], results["local"], strict=True)]
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
