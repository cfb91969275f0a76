"""Reading local files safely: size caps, gzip, empty files — shared by the file-based sources."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from ..errors import IngestError
from .extract import DEFAULT_MAX_BYTES


def max_bytes_of(options: dict) -> int:
    """The per-page size cap in bytes from the ``max_mb`` option (default 20 MB)."""
    value = options.get("max_mb")
    return int(float(value) * 1024 * 1024) if value else DEFAULT_MAX_BYTES


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A file's bytes (gunzipped for ``.gz``), refusing empty files and anything over ``max_bytes``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if size == 0:
        raise IngestError("empty file", path=str(path))
    if size > max_bytes:
        raise IngestError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB cap",
                          path=str(path), hint="raise the cap with --max-mb")
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise IngestError(f"decompressed page is over the {max_bytes / 1e6:.0f} MB cap",
                                  path=str(path), hint="raise the cap with --max-mb")
        else:
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"cannot read: {exc}", path=str(path)) from exc
    if not data.strip():
        raise IngestError("empty file", path=str(path))
    return data


def input_file(locator: str) -> Path | None:
    """The input as a Path; None when the file is empty (the caller yields one Rejected for it).

    A missing file raises IngestError naming it: that is a wrong argument, not a bad record.
    """
    path = Path(locator)
    if not path.is_file():
        raise IngestError("no such file", path=locator)
    return path if path.stat().st_size else None
