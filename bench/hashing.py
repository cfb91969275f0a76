"""Benchmark: evidence hashing and vault-add throughput in MB/s, as a ratio to `sha256sum` on the same file.

    python bench/hashing.py                 # 512 MB generated file
    python bench/hashing.py --size-mb 64    # smaller
    python bench/hashing.py --repeat 5

The file is generated (pseudo-random bytes), read once to warm the page cache, then each method
runs ``--repeat`` times and the best time counts. "hash" is what verify does (SHA-256 + BLAKE2b in
one streaming pass); "add" is what ``evidence add`` does to the bytes (copy into the vault while
hashing, fsync, link into place).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyradar.evidence.hashing import CHUNK, hash_file
from storyradar.evidence.vault import Vault


def generate(path: Path, size_mb: int) -> None:
    """Write ``size_mb`` MiB of pseudo-random bytes (a random block, varied per chunk)."""
    block = bytearray(os.urandom(CHUNK))
    with open(path, "wb") as fh:
        for i in range(size_mb):
            block[:8] = i.to_bytes(8, "little")
            fh.write(block)


def best_of(repeat: int, fn) -> float:
    """The shortest wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def sha256_only(path: Path) -> str:
    """Python hashlib SHA-256 alone, same chunking (a reference for the cost of the second hash)."""
    h = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print MB/s and the ratio to sha256sum."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=512, help="size of the generated file in MiB (default 512)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per method; the best counts (default 3)")
    ap.add_argument("--dir", default=None, help="where to write the file (default: a temp folder)")
    args = ap.parse_args(argv)
    if shutil.which("sha256sum") is None:
        print("sha256sum is not installed: no baseline", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="sr-bench-", dir=args.dir))
    try:
        data = work / "sample.bin"
        generate(data, args.size_mb)
        size_mb = data.stat().st_size / 1e6
        sha256_only(data)  # warm the page cache
        results = {}
        results["sha256sum (baseline)"] = best_of(args.repeat, lambda: subprocess.run(
            ["sha256sum", str(data)], check=True, capture_output=True))
        if shutil.which("b2sum"):
            results["b2sum"] = best_of(args.repeat, lambda: subprocess.run(
                ["b2sum", str(data)], check=True, capture_output=True))
        results["python sha256 only"] = best_of(args.repeat, lambda: sha256_only(data))
        results["storyradar hash (sha256+blake2b)"] = best_of(args.repeat, lambda: hash_file(data))

        def add() -> None:
            vault = Vault(work / "vault")
            placed = vault.put_file(data)
            vault.remove(vault.path_for(placed.digest.sha256))

        results["storyradar add (copy+hash+fsync)"] = best_of(args.repeat, add)
        base = results["sha256sum (baseline)"]
        print(f"file: {size_mb:.0f} MB, best of {args.repeat}, chunk {CHUNK // 1024} KiB, "
              f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        print(f"{'method':<36} {'seconds':>8} {'MB/s':>9} {'vs sha256sum':>13}")
        for name, secs in results.items():
            print(f"{name:<36} {secs:>8.3f} {size_mb / secs:>9.0f} {base / secs:>12.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
