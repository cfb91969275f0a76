"""Bench: stream a generated Telegram export of N messages; messages/s and peak RSS at two sizes (in subprocesses)."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def generate(path: Path, n: int) -> None:
    """A one-channel export with n messages (entities, some edits, forwards and media)."""
    from storyradar.demo.social import tg_message, write_telegram_export

    t0 = datetime(2025, 1, 1, tzinfo=UTC)

    def msgs():
        for i in range(1, n + 1):
            when = t0 + timedelta(seconds=30 * i)
            extra = {"forwarded_from": "Other"} if i % 11 == 0 else {}
            if i % 17 == 0:
                extra.update(file="video_files/v.mp4", media_type="video_file", duration_seconds=9)
            yield tg_message(i, when, [{"type": "plain", "text": f"Message {i} about the market in Zorianivka "},
                                       {"type": "hashtag", "text": "#news"}],
                             edited=when + timedelta(minutes=3) if i % 13 == 0 else None, **extra)

    write_telegram_export(path, {"name": "Bench", "type": "public_channel", "id": 1}, msgs())


def child(path: str, mode: str) -> None:
    """Read (and with mode=store, ingest) the export; print JSON with count, seconds and peak RSS."""
    from storyradar.ingest import get_source, load_sources

    start = time.perf_counter()
    if mode == "store":
        from storyradar.ingest import run_ingest
        from storyradar.store import Store

        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
            s = run_ingest(store, [path], workers=1, progress=False, options={"language": "en"})
            n = s.read
    else:
        load_sources()
        src = get_source("telegram")
        n = sum(1 for _ in src.iter_records(path, src.option_values({"language": "en"})))
    secs = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"messages": n, "seconds": round(secs, 2), "per_s": round(n / secs), "peak_rss_mb": round(rss_mb, 1)}))


def main() -> None:
    """Run both sizes in fresh processes and print the figures and the memory ratio."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--small", type=int, default=100_000)
    ap.add_argument("--large", type=int, default=1_000_000)
    ap.add_argument("--mode", choices=["parse", "store"], default="parse")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "MODE"))
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.large):
            path = Path(tmp) / f"export_{n}.json"
            generate(path, n)
            out = subprocess.run([sys.executable, __file__, "--child", str(path), args.mode], capture_output=True,
                                 text=True, check=True)
            results[n] = json.loads(out.stdout.strip().splitlines()[-1])
            results[n]["file_mb"] = round(path.stat().st_size / 1e6, 1)
            path.unlink()
            print(n, results[n], flush=True)
    ratio = results[args.large]["peak_rss_mb"] / results[args.small]["peak_rss_mb"]
    print(json.dumps({"mode": args.mode, "results": results, "rss_ratio_large_vs_small": round(ratio, 3)}))


if __name__ == "__main__":
    main()
