"""Source kind ``html``: saved pages (.html, .htm, .html.gz), one file or a folder read recursively."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import RawPage, Rejected
from .files import max_bytes_of, read_capped
from .registry import Record, SourceOption, source

SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


def is_page_file(path: Path) -> bool:
    """True for a file name that looks like a saved page."""
    return path.name.lower().endswith(SUFFIXES)


def _detect(locator: str) -> bool:
    path = Path(locator)
    if path.is_dir():
        return True
    return path.is_file() and is_page_file(path)


def iter_page_files(root: Path) -> Iterator[Path]:
    """Page files under ``root`` in a stable (sorted) order, recursively; ``root`` itself if a file."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and is_page_file(path):
            yield path


@source(
    "html", "Saved web pages: .html/.htm/.html.gz files, or folders of them (recursive).",
    detect=_detect,
    options=(SourceOption("max_mb", 20, "Refuse pages larger than this many megabytes."),),
)
def iter_html(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield a RawPage per page file (a Rejected for an empty, oversized or unreadable one)."""
    root = Path(locator)
    if not root.exists():
        raise IngestError("no such file or folder", path=locator)
    cap = max_bytes_of(options)
    collection = options.get("collection_source") or locator
    for path in iter_page_files(root):
        try:
            data = read_capped(path, cap)
        except IngestError as exc:
            yield Rejected(str(path), "", exc.reason)
            continue
        # A saved page has no fetch time: a page without a date in it stays undated ("unknown").
        yield RawPage(url=path.resolve().as_uri(), html=data, source_kind="html", locator=str(path),
                      collection_source=collection)
