"""Streaming file hashes (SHA-256 and BLAKE2b) computed in chunks, optionally while copying."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20  # 1 MiB: large enough for throughput, small enough for flat memory


@dataclass(slots=True, frozen=True)
class Digest:
    """The identity of a byte stream: SHA-256, BLAKE2b-512 (hex) and size in bytes."""

    sha256: str
    blake2b: str
    size: int


def _pump(src: BinaryIO, sink: Callable[[memoryview], object] | None, chunk: int) -> Digest:
    sha, b2 = hashlib.sha256(), hashlib.blake2b()
    buf = bytearray(chunk)
    view = memoryview(buf)
    size = 0
    while True:
        n = src.readinto(buf)
        if not n:
            break
        part = view[:n]
        sha.update(part)
        b2.update(part)
        if sink is not None:
            sink(part)
        size += n
    return Digest(sha.hexdigest(), b2.hexdigest(), size)


def hash_file(path: str | Path, *, chunk: int = CHUNK) -> Digest:
    """SHA-256, BLAKE2b and size of a file, read in chunks (memory stays flat for any size)."""
    with open(path, "rb", buffering=0) as fh:
        return _pump(fh, None, chunk)


def hash_stream(src: BinaryIO, *, chunk: int = CHUNK) -> Digest:
    """Hashes and size of a readable binary stream (e.g. a member of a zip file)."""
    if hasattr(src, "readinto"):
        return _pump(src, None, chunk)
    sha, b2, size = hashlib.sha256(), hashlib.blake2b(), 0
    while data := src.read(chunk):
        sha.update(data)
        b2.update(data)
        size += len(data)
    return Digest(sha.hexdigest(), b2.hexdigest(), size)


def copy_hashing(src: BinaryIO, dst_fd: int, *, chunk: int = CHUNK,
                 on_chunk: Callable[[int], None] | None = None) -> Digest:
    """Copy ``src`` to the open file descriptor ``dst_fd`` while hashing; return the digest.

    ``on_chunk(bytes_so_far)`` is called after each chunk is written (used for crash tests).
    """
    written = 0

    def sink(part: memoryview) -> None:
        nonlocal written
        view = part
        while view:
            n = os.write(dst_fd, view)
            view = view[n:]
        written += len(part)
        if on_chunk is not None:
            on_chunk(written)

    return _pump(src, sink, chunk)
