"""The coverage of one incident: timeline, first mention, peak, silence, later waves, collection gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..model import Incident
from ..store import Store
from ..timeutil import with_offset
from .collection import CollectionGap, collection_by_day, collection_gaps, covered_fraction
from .matched import CoverageItem, matched_items
from .timeline import Timeline, build_timeline, incident_tz, top_counts
from .waves import (
    SilenceRule,
    Wave,
    WaveRule,
    change_points,
    characterise,
    find_silence,
    find_wave_spans,
    representative_titles,
)


@dataclass(slots=True)
class Coverage:
    """Everything the coverage view shows for one incident."""

    incident: Incident
    items: list[CoverageItem]
    timeline: Timeline  # at the requested resolution
    daily: Timeline  # always daily, for shape detection
    first_mention: CoverageItem | None
    first_lag: timedelta | None
    peak_day: datetime | None
    peak_count: int
    silence_day: datetime | None
    silence_note: str
    waves: list[Wave]
    change_points: list[datetime]
    outlets: list[dict]
    languages: list[dict]
    countries: list[dict]
    gaps: list[CollectionGap] = field(default_factory=list)
    silence_rule: SilenceRule = field(default_factory=SilenceRule)
    wave_rule: WaveRule = field(default_factory=WaveRule)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (the timeline as long rows)."""
        inc = self.incident
        first = self.first_mention
        return {
            "incident": inc.name,
            "occurred_at": with_offset(inc.occurred_at, inc.occurred_offset_min),
            "articles": len(self.items),
            "about": sum(1 for i in self.items if i.relation == "about"),
            "passing": sum(1 for i in self.items if i.relation == "passing"),
            "stories": len({i.story_key for i in self.items}),
            "undated": self.timeline.undated,
            "weak_dates": self.timeline.weak_dates,
            "first_mention": None if first is None else {
                "url": first.url, "outlet": first.outlet, "title": first.title,
                "published_at": with_offset(first.published_at, first.published_offset_min),
                "date_source": first.date_source,
                "lag_minutes": None if self.first_lag is None else round(self.first_lag.total_seconds() / 60, 1),
            },
            "peak": {"day": self.peak_day.date().isoformat() if self.peak_day else None, "articles": self.peak_count},
            "silence": {
                "day": self.silence_day.date().isoformat() if self.silence_day else None,
                "note": self.silence_note, "rule": self.silence_rule.describe(),
            },
            "waves": [
                {"start": w.start.date().isoformat(), "end": w.end.date().isoformat(), "articles": w.articles,
                 "stories": w.stories, "peak_day": w.peak_day.date().isoformat(), "peak_count": w.peak_count,
                 "character": w.character, "character_evidence": w.character_evidence,
                 "novelty": round(w.novelty, 3), "titles": w.titles}
                for w in self.waves
            ],
            "wave_rule": self.wave_rule.describe(),
            "change_points": [c.date().isoformat() for c in self.change_points],
            "timeline": {"by": self.timeline.by, "count": self.timeline.count,
                         "utc_offset_minutes": self.timeline.tz_offset_min, "bins": self.timeline.as_rows()},
            "by_language": self.languages,
            "by_outlet": self.outlets,
            "by_country": self.countries,
            "collection_gaps": [
                {"source": g.source, "day": g.day.isoformat(), "collected": g.collected, "usual": g.usual}
                for g in self.gaps
            ],
        }


def analyse_coverage(
    store: Store,
    incident: Incident,
    *,
    by: str = "day",
    count: str = "articles",
    silence: SilenceRule | None = None,
    waves: WaveRule | None = None,
    with_gaps: bool = True,
) -> Coverage:
    """Analyse how an incident was covered, from its stored matches (run ``match`` first)."""
    silence = silence or SilenceRule()
    waves = waves or WaveRule()
    items = matched_items(store, incident)
    dated = [i for i in items if i.published_at is not None]
    # Silence after the last article is real only up to the end of what was collected.
    collected_until = _collection_end(store, incident)
    daily = build_timeline(items, incident, by="day", count=count, dimensions=(),
                           start=incident.occurred_at, end=collected_until)
    timeline = build_timeline(items, incident, by=by, count=count, start=incident.occurred_at,
                              end=collected_until if by == "day" else None)
    # Lags and the first mention come only from times known to the minute from the source; a
    # date alone (taken as midnight) or a crawl time could put coverage before the incident.
    precise = [i for i in dated if i.exact_time]
    first_precise = min(precise, key=lambda i: i.published_at) if precise else None
    first_lag = (first_precise.published_at - incident.occurred_at) if first_precise else None

    counts = daily.total
    peak_day, peak_count, silence_day, note, found_waves, cps = None, 0, None, "no dated coverage", [], []
    if counts and max(counts) > 0:
        p = max(range(len(counts)), key=lambda k: (counts[k], -k))
        peak_day, peak_count = daily.bins[p], counts[p]
        s = find_silence(counts, peak_count, silence, start=p + 1)
        if s is None:
            note = ("coverage had not gone silent by the end of the collected period "
                    f"({daily.bins[-1].date().isoformat()})")
        else:
            silence_day = daily.bins[s]
            note = silence.describe()
            first_burst = [i for i in dated if i.published_at < silence_day]
            for a, b in find_wave_spans(counts, peak_count, waves, start=s):
                lo, hi = daily.bins[a], daily.bins[b] + timedelta(days=1)
                wave_items = [i for i in dated if lo <= i.published_at < hi]
                n_articles = len(wave_items) if count == "stories" else sum(counts[a:b + 1])
                wp = max(range(a, b + 1), key=lambda k: counts[k])
                label, evidence, novelty = characterise(wave_items, first_burst)
                found_waves.append(Wave(
                    start=daily.bins[a], end=daily.bins[b], articles=n_articles,
                    stories=len({i.story_key for i in wave_items}), peak_day=daily.bins[wp],
                    peak_count=counts[wp], titles=representative_titles(wave_items),
                    character=label, character_evidence=evidence, novelty=novelty,
                ))
        cps = change_points(counts, daily.bins)

    gaps: list[CollectionGap] = []
    if with_gaps and daily.bins:
        tz = incident_tz(incident)
        offset = int(tz.utcoffset(None).total_seconds() // 60)
        start = daily.bins[0]
        end = daily.bins[-1] + timedelta(days=1)
        per_source = collection_by_day(store, start, end, offset_min=offset)
        gaps = collection_gaps(per_source, start.date(), daily.bins[-1].date(),
                               last_day_fraction=covered_fraction(daily.bins[-1].date(), collected_until, tz))

    return Coverage(
        incident=incident, items=items, timeline=timeline, daily=daily, first_mention=first_precise,
        first_lag=first_lag, peak_day=peak_day, peak_count=peak_count, silence_day=silence_day,
        silence_note=note, waves=found_waves, change_points=cps,
        outlets=top_counts(items, "outlet", offset_min=incident.occurred_offset_min),
        languages=top_counts(items, "language", offset_min=incident.occurred_offset_min),
        countries=top_counts(items, "country", offset_min=incident.occurred_offset_min), gaps=gaps, silence_rule=silence, wave_rule=waves,
    )


def _collection_end(store: Store, incident: Incident) -> datetime | None:
    """The latest publication time in the store within the incident's window."""
    from ..timeutil import ensure_utc

    until = incident.occurred_at + timedelta(days=incident.window_after_days)
    row = store.query("SELECT max(published_at) AS t FROM articles WHERE published_at < ?",
                      [until.replace(tzinfo=None)])
    return ensure_utc(row[0]["t"]) if row and row[0]["t"] else None
