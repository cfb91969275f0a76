"""The watch loop: poll each incident's sources, ingest what is new, re-match, re-run claims, write digests."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from ..errors import StoryradarError
from ..model import Article, Incident
from ..store import Store, article_from_row, db_time
from ..timeutil import now_utc
from .config import list_sources
from .digest import write_digest
from .events import WatchEvent, detect_events
from .state import get_state, mark_reported, reported_keys, set_state

log = logging.getLogger("storyradar.watch")


@dataclass(slots=True)
class WatchSettings:
    """How to watch: poll interval, digest folder, silence threshold, back-off and ingest options."""

    every: timedelta = timedelta(minutes=15)
    digest_dir: Path = Path("digests")
    quiet: timedelta = timedelta(days=7)  # a gap this long between matched articles is silence
    max_backoff: timedelta = timedelta(hours=2)
    claims: bool | None = None  # None: re-run claims only when they were extracted before
    options: dict[str, Any] = field(default_factory=dict)  # ingest options for every source


@dataclass(slots=True)
class CycleResult:
    """What one cycle did for one incident."""

    incident: str
    at: datetime
    new_articles: int = 0
    rejected: int = 0
    failed_sources: list[str] = field(default_factory=list)
    events: list[WatchEvent] = field(default_factory=list)
    digest: Path | None = None
    error: str = ""

    @property
    def all_failed(self) -> bool:
        """True when every polled source failed (network down, server errors)."""
        return bool(self.failed_sources) and self.error == "all sources failed"


def _new_articles(store: Store, incident: Incident, since: datetime) -> list[Article]:
    rows = store.query(
        "SELECT a.* FROM articles a JOIN matches m ON m.article_id = a.id WHERE m.incident_id = ? "
        "AND m.relation IN ('about', 'passing') AND a.ingested_at >= ? ORDER BY a.published_at NULLS LAST, a.id",
        [incident.id, db_time(since)])
    return [article_from_row(r) for r in rows]


def _poll(store: Store, incident: Incident, settings: WatchSettings, client: httpx.Client | None,
          result: CycleResult) -> int:
    from ..ingest import run_ingest

    sources = list_sources(store, incident)
    if not sources:
        log.warning("%s: nothing to watch; add sources with `storyradar watch-add %s URL`", incident.name,
                    incident.name)
    stored = 0
    for src in sources:
        try:
            summary = run_ingest(store, [src.locator], kind=src.kind, workers=1, client=client, progress=False,
                                 options={**settings.options, **src.options})
        except (StoryradarError, httpx.HTTPError, OSError) as exc:
            log.warning("%s: %s failed: %s", incident.name, src.locator, exc)
            result.failed_sources.append(src.locator)
            continue
        stored += summary.stored
        result.rejected += len(summary.rejected)
        if summary.read and len(summary.rejected) == summary.read and not summary.stored:
            log.warning("%s: %s failed: %s", incident.name, src.locator, summary.rejected[0])
            result.failed_sources.append(src.locator)
    if sources and len(result.failed_sources) == len(sources):
        result.error = "all sources failed"
    return stored


def run_cycle(store: Store, incident: Incident, settings: WatchSettings, *, client: httpx.Client | None = None
              ) -> CycleResult:
    """One watch cycle for one incident; a digest is written when there are events not reported before."""
    from ..claims.run import claims_ran, run_claims
    from ..match import run_match

    started = now_utc()
    result = CycleResult(incident=incident.name, at=started)
    cycles = int(get_state(store, incident.id, "cycles", 0))
    result.new_articles = _poll(store, incident, settings, client, result)
    if result.new_articles or cycles == 0:
        run_match(store, incident)
        if settings.claims or (settings.claims is None and claims_ran(store, incident)):
            run_claims(store, incident)
    done = reported_keys(store, incident.id)
    result.events = [e for e in detect_events(store, incident, quiet=settings.quiet) if e.key not in done]
    if result.events:
        result.digest = write_digest(settings.digest_dir, incident, result.events,
                                     _new_articles(store, incident, started), started)
        mark_reported(store, incident.id, [e.key for e in result.events], str(result.digest))
        log.info("%s: %d new event(s); digest %s", incident.name, len(result.events), result.digest)
    failures = int(get_state(store, incident.id, "failures", 0))
    set_state(store, incident.id, "failures", failures + 1 if result.all_failed else 0)
    set_state(store, incident.id, "cycles", cycles + 1)
    set_state(store, incident.id, "last_cycle", {"at": started.isoformat(), "new_articles": result.new_articles,
                                                 "rejected": result.rejected, "failed": result.failed_sources,
                                                 "events": len(result.events)})
    log.info("%s: cycle %d, %d new article(s), %d rejected, %d source(s) failed", incident.name, cycles + 1,
             result.new_articles, result.rejected, len(result.failed_sources))
    return result


def next_wait(settings: WatchSettings, failures: int) -> timedelta:
    """The pause before the next cycle: ``every``, doubled per consecutive failed cycle, capped."""
    if failures <= 0:
        return settings.every
    return min(settings.every * (2 ** min(failures, 16)), max(settings.max_backoff, settings.every))


def watch(store: Store, names: list[str], settings: WatchSettings, *, once: bool = False,
          max_cycles: int | None = None, client: httpx.Client | None = None,
          sleep: Callable[[float], None] = time.sleep) -> list[CycleResult]:
    """Watch the named incidents until stopped (Ctrl-C), ``once``, or after ``max_cycles`` cycles.

    State (cycles, failures, reported events) lives in the store, so a restart carries on
    without repeating a digest. When every source of every incident fails, the pause doubles
    (up to ``max_backoff``) and the failures are logged.
    """
    incidents = [store.get_incident(n) for n in names]
    results: list[CycleResult] = []
    cycle = 0
    try:
        while True:
            cycle += 1
            batch = []
            for inc in incidents:
                try:
                    batch.append(run_cycle(store, inc, settings, client=client))
                except StoryradarError as exc:
                    log.error("%s: cycle failed: %s", inc.name, exc)
                    batch.append(CycleResult(incident=inc.name, at=now_utc(), error=str(exc)))
            results += batch
            if once or (max_cycles is not None and cycle >= max_cycles):
                break
            failures = min(int(get_state(store, inc.id, "failures", 0)) for inc in incidents) if incidents else 0
            wait = next_wait(settings, failures)
            if failures:
                log.warning("every source failed %d cycle(s) in a row; backing off %s", failures, wait)
            sleep(wait.total_seconds())
    except KeyboardInterrupt:
        log.info("watch stopped")
    return results
