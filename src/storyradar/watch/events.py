"""What is new for a watched incident: first coverage, coverage resuming after silence, waves, claims, figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import Article, Incident
from ..store import Store
from ..timeutil import with_offset

#: Event kinds in the order a digest lists them.
KINDS = ("first-coverage", "resumed", "wave", "figure", "claim")


@dataclass(slots=True, frozen=True)
class WatchEvent:
    """Something worth a digest line; ``key`` identifies it so it is reported once."""

    key: str
    kind: str  # one of KINDS
    when: datetime | None
    headline: str
    lines: list[str] = field(default_factory=list)
    url: str = ""


def _when(article: Article) -> str:
    return with_offset(article.published_at, article.published_offset_min)


def coverage_events(store: Store, incident: Incident, *, quiet: timedelta = timedelta(days=7)) -> list[WatchEvent]:
    """First coverage, and every matched article published ``quiet`` or more after the one before it."""
    dated = sorted(((a.published_at, a) for _m, a in store.matched_articles(incident.id) if a.published_at),
                   key=lambda pair: (pair[0], pair[1].id))
    events = []
    for k, (when, art) in enumerate(dated):
        if k == 0:
            events.append(WatchEvent(f"first-coverage:{art.id}", "first-coverage", when,
                                     f"First matched article: {art.outlet or 'unknown outlet'}, {_when(art)}",
                                     [art.title], art.url))
            continue
        gap = when - dated[k - 1][0]
        if gap >= quiet:
            days = gap.total_seconds() / 86400
            events.append(WatchEvent(
                f"resumed:{art.id}", "resumed", when,
                f"Coverage resumed after {days:.1f} days without matched articles: "
                f"{art.outlet or 'unknown outlet'}, {_when(art)}", [art.title], art.url))
    return events


def wave_events(store: Store, incident: Incident) -> list[WatchEvent]:
    """Later waves of coverage as the coverage analysis finds them (by its stated rules)."""
    from ..coverage import analyse_coverage

    if not store.get_matches(incident.id, relations=("about", "passing")):
        return []  # nothing matched yet (and the coverage analysis needs at least one article)
    cov = analyse_coverage(store, incident, with_gaps=False)
    out = []
    for wave in cov.waves:
        lines = [f"{wave.articles} articles from {wave.start.date().isoformat()} to {wave.end.date().isoformat()}; "
                 f"character: {wave.character}", *(f"title: {t}" for t in wave.titles[:5])]
        out.append(WatchEvent(f"wave:{wave.start.date().isoformat()}", "wave", wave.start,
                              f"A later wave of coverage started on {wave.start.date().isoformat()}", lines))
    return out


def claim_events(store: Store, incident: Incident) -> list[WatchEvent]:
    """Each stored claim, and each distinct casualty figure (kind, bounds, qualifier) the first time it appears."""
    from ..claims import load_claims

    out: list[WatchEvent] = []
    figures_seen: set[str] = set()
    for c in load_claims(store, incident):
        speaker = c.get("speaker") or c.get("speaker_raw") or "an unnamed source"
        url = c["extras"].get("url", "")
        source = f"{c.get('outlet') or 'unknown outlet'}, {with_offset(c['published_at'], c['extras'].get('published_offset_min'))}"
        quote = " ".join((c.get("content") or "").split())
        out.append(WatchEvent(f"claim:{c['id']}", "claim", c["published_at"],
                              f"{c['kind']}: {speaker} ({c.get('cue') or 'stated'})",
                              [f"“{quote[:300]}”", f"source: {source}"], url))
        for f in c["figures"]:
            bounds = f"{f['low']}" if f.get("high") in (None, f.get("low")) else f"{f['low']}-{f['high']}"
            key = f"figure:{f['kind']}:{bounds}:{f['qualifier']}"
            if key in figures_seen:
                continue
            figures_seen.add(key)
            out.append(WatchEvent(key, "figure", c["published_at"],
                                  f"Figure {f['kind']}: {f['text']} ({f['qualifier']}), attributed to {speaker}",
                                  [f"source: {source}"], url))
    return out


def detect_events(store: Store, incident: Incident, *, quiet: timedelta = timedelta(days=7)) -> list[WatchEvent]:
    """Every event the store supports now (callers drop the keys already reported)."""
    events = coverage_events(store, incident, quiet=quiet) + wave_events(store, incident) + claim_events(store, incident)
    return sorted(events, key=lambda e: (KINDS.index(e.kind), e.when.isoformat() if e.when else "", e.key))
