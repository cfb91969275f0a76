"""Collection per source and day, regardless of incidents, so a drop in collection is not read as
a drop in coverage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import median

from ..store import Store, db_time


@dataclass(slots=True, frozen=True)
class CollectionGap:
    """A day on which one source collected far less than it usually does."""

    source: str
    day: date
    collected: int
    usual: float  # the source's median per day over the span


def collection_by_day(store: Store, since: datetime, until: datetime, *, offset_min: int = 0
                      ) -> dict[str, dict[date, int]]:
    """Articles per collection source per local day (all articles, matched or not)."""
    sql = """
        SELECT coalesce(nullif(collection_source, ''), source_kind, '(unknown)') AS src,
               CAST(published_at + to_minutes(CAST(? AS BIGINT)) AS DATE) AS d, count(*) AS n
        FROM articles
        WHERE published_at >= ? AND published_at < ?
        GROUP BY ALL
    """
    out: dict[str, dict[date, int]] = {}
    for row in store.query(sql, [offset_min, db_time(since), db_time(until)]):
        out.setdefault(row["src"], {})[row["d"]] = int(row["n"])
    return out


def covered_fraction(day: date, collected_until: datetime | None, tz: tzinfo) -> float:
    """Share of a local day that lies before the end of collection (1.0 for days fully covered)."""
    if collected_until is None:
        return 1.0
    start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
    share = (collected_until - start) / timedelta(days=1)
    return min(1.0, max(0.0, share))


def collection_gaps(per_source: dict[str, dict[date, int]], first_day: date, last_day: date, *,
                    fraction: float = 0.25, min_usual: float = 2.0,
                    last_day_fraction: float = 1.0) -> list[CollectionGap]:
    """Days where a source collected below ``fraction`` × its median day.

    Sources collecting fewer than ``min_usual`` articles on a median day are too sparse to judge
    and are left out (stated in the report). The last day may be only partly collected
    (``last_day_fraction`` of it): its expected volume is scaled down, and when that leaves less
    than ``min_usual`` expected articles it is not judged at all.
    """
    gaps = []
    n_days = (last_day - first_day).days + 1
    for source, days in sorted(per_source.items()):
        series = [days.get(first_day + timedelta(days=k), 0) for k in range(n_days)]
        active = [v for v in series if v > 0]
        if not active:
            continue
        # The median over fully collected days only: a partial last day must not lower it.
        usual = median(series[:-1]) if last_day_fraction < 1.0 and len(series) > 1 else median(series)
        if usual < min_usual:
            continue
        for k, v in enumerate(series):
            expected = usual * (last_day_fraction if k == n_days - 1 else 1.0)
            if expected < min_usual:
                continue
            if v < fraction * expected:
                gaps.append(CollectionGap(source, first_day + timedelta(days=k), v, float(expected)))
    return gaps


def gap_days(gaps: list[CollectionGap], n_sources: int, *, share: float = 0.0) -> set[date]:
    """Days on which at least one source (or more than ``share`` of sources) had a gap."""
    per_day: dict[date, int] = {}
    for g in gaps:
        per_day[g.day] = per_day.get(g.day, 0) + 1
    return {d for d, n in per_day.items() if n > share * max(n_sources, 1)}
