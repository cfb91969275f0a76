"""Benchmark: storyradar ingest throughput against a bare trafilatura loop, and WARC ingest memory.

Run: .venv/bin/python bench/ingest.py [--pages 400] [--warc-small 1000] [--warc-large 10000]

Prints, for the same generated pages in the same run:
  - a bare ``trafilatura.bare_extraction(html, url=..., with_metadata=True)`` loop (pages/s);
  - ``run_ingest`` on a folder of those pages and on a WARC of them, 1 worker and all cores,
    each as a ratio to the bare loop (targets: >= 0.9 on one core, >= 1.8x that on all cores);
  - peak memory (ru_maxrss) of WARC ingest for a small vs a large WARC, each in its own
    subprocess, as a ratio (target <= 1.2).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "invented", "town", "council", "market", "square", "residents", "officials", "crews", "evening",
    "reporters", "outlet", "fictional", "statement", "morning", "witnesses", "damage", "street", "station",
    "building", "hospital", "roof", "windows", "schedule", "traffic", "weather", "report", "agency",
    "spokesperson", "update", "details", "investigation", "committee", "members", "press", "conference",
)
LANGS = ("en", "de", "pl", "uk", "fr")


def sentence(rng: random.Random) -> str:
    """One invented sentence."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def make_page(n: int, rng: random.Random) -> tuple[str, bytes]:
    """(URL, HTML) of one fictional article page with navigation, sidebar and footer boilerplate."""
    url = f"https://www.outlet{n % 40}.example.test/news/2023/09/{1 + n % 28:02d}/story-{n}"
    paragraphs = "".join(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(3, 6)))}</p>"
                         for _ in range(rng.randint(6, 14)))
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(25))
    side = "".join(f'<li><a href="/news/other-{n}-{i}">{sentence(rng)}</a></li>' for i in range(10))
    offset = rng.choice(("+03:00", "+02:00", "+00:00", "-04:00"))
    html = (
        f'<!DOCTYPE html><html lang="{LANGS[n % len(LANGS)]}"><head><meta charset="utf-8">'
        f"<title>Invented story {n} | Outlet {n % 40}</title>"
        f'<meta property="article:published_time" content="2023-09-{1 + n % 28:02d}T{n % 24:02d}:15:00{offset}">'
        f'<link rel="canonical" href="{url}"><meta name="author" content="Invented Author {n % 7}">'
        '<script>var tracking = {"id": 1};</script><style>body{font-family:sans-serif}</style></head>'
        f'<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Invented story {n}</h1>'
        f'<p class="byline">By Invented Author {n % 7}</p>{paragraphs}</article>'
        f'<aside><h2>Read more</h2><ul>{side}</ul></aside></main>'
        "<footer><p>Copyright Invented Outlet. All rights reserved.</p></footer></body></html>"
    )
    return url, html.encode("utf-8")


def make_pages(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """``count`` generated pages, reproducible from ``seed``."""
    rng = random.Random(seed)
    return [make_page(n, rng) for n in range(count)]


def write_warc(path: Path, count: int, seed: int = 7) -> None:
    """A gzipped WARC of ``count`` generated HTML response records, streamed to disk."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(count):
            url, html = make_page(n, rng)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html), length=len(html),
                                            http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2023-09-30T00:00:00Z"})
            writer.write_record(rec)


def bare_loop(pages: list[tuple[str, bytes]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for the bare trafilatura loop over ``pages``."""
    from trafilatura import bare_extraction

    wall, cpu = time.perf_counter(), time.process_time()
    for url, html in pages:
        bare_extraction(html, url=url, with_metadata=True)
    return time.perf_counter() - wall, time.process_time() - cpu


def ingest_time(inputs: list[str], workers: int, db: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, articles stored) for ``run_ingest`` into a fresh store."""
    from storyradar.ingest import run_ingest
    from storyradar.store import Store

    if db.exists():
        db.unlink()
    with Store(db) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        summary = run_ingest(store, inputs, workers=workers, progress=False)
        elapsed, cpu_used = time.perf_counter() - wall, time.process_time() - cpu
    db.unlink()
    return elapsed, cpu_used, summary.stored


def memory_child(warc: str) -> None:
    """Run in a subprocess: ingest one WARC with one worker and print peak RSS as JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, _cpu, stored = ingest_time([warc], 1, Path(tmp) / "mem.duckdb")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"stored": stored, "seconds": elapsed, "peak_kb": peak_kb}))


def measure_memory(warc: Path) -> dict:
    """Peak memory of a WARC ingest, measured in a fresh subprocess."""
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(warc)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(runs: list[tuple]) -> tuple:
    """The fastest of repeated runs (least disturbed by other load on the machine)."""
    return min(runs, key=lambda r: r[0])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500, help="pages for the throughput runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    parser.add_argument("--warc-small", type=int, default=1000, help="records in the small WARC")
    parser.add_argument("--warc-large", type=int, default=10000, help="records in the large WARC")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="'all cores' worker count")
    parser.add_argument("--skip-memory", action="store_true", help="only measure throughput")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child)
        return 0

    pages = make_pages(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "pages"
        folder.mkdir()
        for n, (_url, html) in enumerate(pages):
            (folder / f"p{n:05d}.html").write_bytes(html)
        warc = root / "pages.warc.gz"
        write_warc(warc, args.pages)
        warm = root / "warm.warc.gz"
        write_warc(warm, 40)
        # Warm-up, as in any long run: imports, the language detector, the worker pool's server.
        bare_loop(pages[:40])
        ingest_time([str(warm)], 1, root / "w.duckdb")
        ingest_time([str(warm)], args.workers, root / "w.duckdb")
        print(f"pages: {len(pages)} generated, {sum(len(h) for _u, h in pages) / len(pages) / 1024:.1f} KiB "
              f"each; best of {args.repeat} interleaved rounds; {os.cpu_count()} cores; load average "
              f"{os.getloadavg()[0]:.1f}")
        runs: dict[str, list[tuple]] = {}
        kinds = {"html folder": [str(folder)], "warc": [str(warc)]}
        for _ in range(args.repeat):  # interleaved, so that changing load hits every kind alike
            runs.setdefault("bare", []).append(bare_loop(pages))
            for label, inputs in kinds.items():
                runs.setdefault(f"{label}/1", []).append(ingest_time(inputs, 1, root / "b.duckdb"))
                runs.setdefault(f"{label}/n", []).append(ingest_time(inputs, args.workers, root / "b.duckdb"))
        base = best(runs["bare"])
        base_rate, base_cpu_rate = len(pages) / base[0], len(pages) / base[1]
        print(f"bare trafilatura loop: {base_rate:.1f} pages/s (CPU: {base_cpu_rate:.1f} pages per CPU-second)")
        for label in kinds:
            one, many = best(runs[f"{label}/1"]), best(runs[f"{label}/n"])
            r1, r2 = len(pages) / one[0] / base_rate, len(pages) / many[0] / base_rate
            r1_cpu = len(pages) / one[1] / base_cpu_rate
            print(f"storyradar ingest ({label}), 1 worker: {len(pages) / one[0]:.1f} pages/s, ratio {r1:.2f} "
                  f"(CPU-time ratio {r1_cpu:.2f}; target >= 0.9); stored {one[2]}")
            print(f"storyradar ingest ({label}), {args.workers} workers: {len(pages) / many[0]:.1f} pages/s, "
                  f"ratio {r2:.2f} = {r2 / r1:.2f}x one worker (target >= 1.8x); stored {many[2]}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        if not args.skip_memory:
            small, large = root / "small.warc.gz", root / "large.warc.gz"
            write_warc(small, args.warc_small)
            write_warc(large, args.warc_large)
            m_small, m_large = measure_memory(small), measure_memory(large)
            print(f"WARC ingest peak memory (1 worker, own process): {args.warc_small} records "
                  f"{m_small['peak_kb'] / 1024:.0f} MiB ({m_small['seconds']:.0f} s), {args.warc_large} records "
                  f"{m_large['peak_kb'] / 1024:.0f} MiB ({m_large['seconds']:.0f} s), ratio "
                  f"{m_large['peak_kb'] / m_small['peak_kb']:.2f} (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
