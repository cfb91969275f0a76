"""The ingest runner: detect kinds, stream records, extract on all cores, upsert in batches, record the run."""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import threading
import types
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import httpx

from ..errors import IngestError
from ..model import Article, IngestSummary, Rejected
from ..store import Store
from ..timeutil import now_utc
from .extract import DEFAULT_MAX_BYTES, extract_page
from .outlets import load_country_map
from .registry import PageWithFields, Record, Skipped, get_source, load_sources
from .registry import detect_kind as _detect_kind

#: Records handed to one worker at a time.
CHUNK_SIZE = 8
#: Records in flight per worker (bounds memory: the reader waits when workers fall behind).
INFLIGHT_PER_WORKER = 4 * CHUNK_SIZE


def _where(locator: str) -> tuple[str, str]:
    if "@" in locator:
        path, _, rest = locator.rpartition("@")
        return path, rest
    return locator, ""


def process_record(record: Record, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Rejected | Skipped:
    """Turn one source record into an Article (extracting pages) or a Rejected naming it; never raises."""
    if isinstance(record, Article | Rejected | Skipped):
        return record
    fields: dict[str, Any] = {}
    if isinstance(record, PageWithFields):
        record, fields = record.page, record.fields
    try:
        article = extract_page(record, max_bytes=max_bytes)
    except IngestError as exc:
        path, locator = _where(record.locator)
        return Rejected(path, locator, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one odd page must not stop a run of millions
        path, locator = _where(record.locator)
        return Rejected(path, locator, f"extraction failed: {type(exc).__name__}: {exc}")
    extras = fields.pop("extras", None)
    for name, value in fields.items():
        setattr(article, name, value)
    if extras:
        article.extras.update(extras)
    return article


def _process_chunk_item(args: tuple[Record, int]) -> Article | Rejected | Skipped:
    return process_record(*args)


class _Feed:
    """Yields every input's records, turning source failures into Rejected; bounded by a semaphore."""

    def __init__(self, inputs: list[str], kind: str | None, options: dict[str, Any], limit: int) -> None:
        self.inputs, self.kind, self.options = inputs, kind, options
        self.slots = threading.BoundedSemaphore(limit) if limit else None
        self.stop = threading.Event()
        self.crash: BaseException | None = None

    def release(self) -> None:
        """One result was consumed: let the reader go one record further."""
        if self.slots is not None:
            self.slots.release()

    def _acquire(self) -> bool:
        if self.slots is None:
            return True
        while not self.slots.acquire(timeout=0.1):
            if self.stop.is_set():
                return False
        return True

    def records(self) -> Iterator[Record]:
        """Every record of every input, in order."""
        for locator in self.inputs:
            try:
                kind = self.kind or _detect_kind(locator)
                src = get_source(kind)
                opts = src.option_values(self.options)
                yield from src.iter_records(locator, opts)
            except IngestError as exc:
                yield Rejected(exc.path or locator, exc.locator, exc.reason + (f" ({exc.hint})" if exc.hint else ""))
            except (OSError, ValueError, httpx.HTTPError) as exc:
                yield Rejected(locator, "", f"cannot read: {exc}")

    def __iter__(self) -> Iterator[Record]:
        try:
            for record in self.records():
                if not self._acquire():
                    return
                yield record
        except BaseException as exc:  # noqa: BLE001 - re-raised by the consumer, in the main thread
            self.crash = exc


@contextmanager
def _pool(workers: int):
    ctx = multiprocessing.get_context("forkserver")  # no fork of a threaded parent (DuckDB, progress bar)
    ctx.set_forkserver_preload(["storyradar.ingest.extract", "storyradar.ingest.runner"])
    # Workers need nothing from the caller's __main__ (a script, stdin, a notebook): hide it while
    # they start, so they never re-run or fail to find the caller's main module.
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        pool = ctx.Pool(workers)
    finally:
        if main is not None:
            sys.modules["__main__"] = main
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(), TextColumn("ingest"), TextColumn("{task.completed} records"),
        TextColumn("{task.fields[stored]} stored, {task.fields[rejected]} rejected"), TimeElapsedColumn(),
        console=Console(stderr=True), disable=not enabled, transient=False,
    )


def _skip_key(reason: str) -> str:
    return re.sub(r"\d{3}", "NNN", reason) if reason.startswith("HTTP status") else reason


def run_ingest(
    store: Store,
    inputs: list[str],
    *,
    kind: str | None = None,
    workers: int | None = None,
    options: dict | None = None,
    client: httpx.Client | None = None,
    progress: bool = True,
    batch_size: int = 500,
) -> IngestSummary:
    """Ingest every input into the store and return what happened.

    Each input's kind is detected (or forced with ``kind``); pages are extracted on ``workers``
    processes (default: all cores; 1 runs inline), articles are upserted ``batch_size`` at a time,
    each batch in its own transaction, so a crash loses at most the batch in hand. Re-ingesting
    the same input stores nothing new. ``options`` go to the sources (see ``storyradar sources``);
    ``country_map`` names an outlet->country file; ``client`` is used by every fetching source.
    """
    load_sources()
    opts: dict[str, Any] = dict(options or {})
    if client is not None:
        opts["client"] = client
    country_map = load_country_map(opts["country_map"]) if opts.get("country_map") else {}
    max_bytes = int(float(opts["max_mb"]) * 1024 * 1024) if opts.get("max_mb") else DEFAULT_MAX_BYTES
    workers = max(1, workers or os.cpu_count() or 1)
    summary = IngestSummary()
    started = now_utc()
    feed = _Feed(list(inputs), kind, opts, workers * INFLIGHT_PER_WORKER if workers > 1 else 0)
    batch: list[Article] = []

    def flush() -> None:
        if batch:
            stored, dups = store.upsert_articles(batch)
            summary.stored += stored
            summary.duplicates += dups
            batch.clear()

    with _progress(progress) as bar:
        task = bar.add_task("ingest", total=None, stored=0, rejected=0)
        with _results(feed, workers, max_bytes) as results:
            for item in results:
                feed.release()
                if isinstance(item, Skipped):
                    key = _skip_key(item.reason)
                    summary.skipped[key] = summary.skipped.get(key, 0) + 1
                    continue
                summary.read += 1
                if isinstance(item, Rejected):
                    summary.rejected.append(item)
                else:
                    batch.append(_finish(item, country_map))
                    if len(batch) >= batch_size:
                        flush()
                bar.update(task, advance=1, stored=summary.stored, rejected=len(summary.rejected))
        if feed.crash is not None:
            raise feed.crash
        flush()
        bar.update(task, stored=summary.stored)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    store.record_run(run_id, started, list(inputs), summary.read, summary.stored, summary.duplicates,
                     summary.rejected)
    return summary


@contextmanager
def _results(feed: _Feed, workers: int, max_bytes: int) -> Iterator[Iterable[Article | Rejected | Skipped]]:
    if workers == 1:
        yield (process_record(record, max_bytes) for record in feed)
        return
    with _pool(workers) as pool:
        try:
            yield pool.imap(_process_chunk_item, ((r, max_bytes) for r in feed), chunksize=CHUNK_SIZE)
        finally:
            feed.stop.set()


def _finish(article: Article, country_map: dict[str, str]) -> Article:
    if country_map and not article.country and article.outlet:
        country = country_map.get(article.outlet.lower())
        if country:
            article = replace(article, country=country)
    return article

