"""Coverage over time: counts per minute/hour/day, total and by outlet, language and country."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..errors import StoryradarError
from ..model import Incident
from .matched import WEAK_DATE_SOURCES, CoverageItem

BIN_SIZES = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}
DIMENSIONS = ("language", "outlet", "country", "source_kind", "relation")


@dataclass(slots=True)
class Timeline:
    """Counts per time bin in the incident's local offset, with breakdowns by dimension.

    ``bins`` holds every bin start from the first to the last bin (zero-filled), so silence is
    visible. ``count`` is "articles" or "stories" (syndicated copies counted once).
    """

    by: str
    count: str
    tz_offset_min: int
    bins: list[datetime]
    total: list[int]
    breakdown: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    undated: int = 0
    weak_dates: int = 0  # items placed by a crawl/fetch time rather than a publication date

    def as_rows(self, dimension: str | None = None) -> list[dict]:
        """Long-format rows (bin, key, n) for tables, CSV and charts; zero bins kept."""
        rows = []
        if dimension is None:
            for b, n in zip(self.bins, self.total, strict=True):
                rows.append({"bin": b.isoformat(), "n": n})
            return rows
        for key, series in sorted(self.breakdown.get(dimension, {}).items()):
            for b, n in zip(self.bins, series, strict=True):
                rows.append({"bin": b.isoformat(), dimension: key or "(unknown)", "n": n})
        return rows


def bin_start(when: datetime, by: str, tz: timezone) -> datetime:
    """Start of the bin holding ``when``, expressed in the given offset."""
    local = when.astimezone(tz)
    if by == "day":
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    if by == "hour":
        return local.replace(minute=0, second=0, microsecond=0)
    return local.replace(second=0, microsecond=0)


def incident_tz(incident: Incident) -> timezone:
    """The fixed offset the incident was declared in (UTC when none was given)."""
    return timezone(timedelta(minutes=incident.occurred_offset_min or 0))


def build_timeline(items: list[CoverageItem], incident: Incident, *, by: str = "day",
                   count: str = "articles", dimensions: tuple[str, ...] = DIMENSIONS,
                   start: datetime | None = None, end: datetime | None = None) -> Timeline:
    """Bin matched items by publication time in the incident's local offset.

    ``start``/``end`` widen the range (e.g. to the incident time, or to the end of the
    collection) so leading and trailing silence shows as zeros.
    """
    if by not in BIN_SIZES:
        raise StoryradarError(f"--by must be one of {', '.join(BIN_SIZES)}, not {by!r}")
    if count not in ("articles", "stories"):
        raise StoryradarError(f"count must be 'articles' or 'stories', not {count!r}")
    tz = incident_tz(incident)
    dated = [i for i in items if i.published_at is not None
             and not (by != "day" and i.published_precision == "day")]  # a date alone has no hour
    undated = len(items) - len(dated)
    weak = sum(1 for i in dated if i.date_source in WEAK_DATE_SOURCES)
    if count == "stories":
        first_of_story: dict[str, CoverageItem] = {}
        for item in sorted(dated, key=lambda i: i.published_at):
            first_of_story.setdefault(item.story_key, item)
        dated = list(first_of_story.values())
    step = BIN_SIZES[by]
    edges = [i.published_at for i in dated]
    lo_candidates = edges + ([start] if start else [])
    hi_candidates = edges + ([end] if end else [])
    if not lo_candidates or not hi_candidates:  # nothing dated and no range asked for
        return Timeline(by, count, int(tz.utcoffset(None).total_seconds() // 60), [], [], {}, undated, weak)
    first = bin_start(min(lo_candidates), by, tz)
    last = bin_start(max(hi_candidates), by, tz)
    n_bins = int((last - first) / step) + 1
    if n_bins > 500_000:
        raise StoryradarError(f"{n_bins} {by} bins is too many; use a coarser --by")
    bins = [first + k * step for k in range(n_bins)]
    total = [0] * n_bins
    breakdown: dict[str, dict[str, list[int]]] = {d: defaultdict(lambda: [0] * n_bins) for d in dimensions}
    for item in dated:
        k = int((bin_start(item.published_at, by, tz) - first) / step)
        total[k] += 1
        for d in dimensions:
            breakdown[d][getattr(item, d) or ""][k] += 1
    return Timeline(
        by=by, count=count, tz_offset_min=int(tz.utcoffset(None).total_seconds() // 60), bins=bins,
        total=total, breakdown={d: dict(v) for d, v in breakdown.items()}, undated=undated, weak_dates=weak,
    )


def top_counts(items: list[CoverageItem], dimension: str, *, limit: int | None = None,
               offset_min: int | None = None) -> list[dict]:
    """Items per value of a dimension (outlet, language, country), with first and last times
    (written in ``offset_min``, the incident's offset, when given; else UTC)."""
    from ..timeutil import with_offset

    counts: Counter[str] = Counter()
    first: dict[str, datetime] = {}
    last: dict[str, datetime] = {}
    for item in items:
        key = getattr(item, dimension) or ""
        counts[key] += 1
        if item.published_at is not None:
            first[key] = min(first.get(key, item.published_at), item.published_at)
            last[key] = max(last.get(key, item.published_at), item.published_at)
    rows = []
    for key, n in counts.most_common(limit):
        rows.append({
            dimension: key or "(unknown)", "articles": n,
            "first": with_offset(first[key], offset_min) if key in first else "",
            "last": with_offset(last[key], offset_min) if key in last else "",
        })
    return rows
