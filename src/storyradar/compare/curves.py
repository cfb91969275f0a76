"""Coverage of one incident aligned on time since it happened: lags, half-life, shares, silence, waves."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..coverage.matched import matched_items
from ..coverage.waves import SilenceRule, WaveRule, find_silence, find_wave_spans
from ..model import Incident
from ..store import Store

#: Days after which the share of coverage still to come is reported.
SHARE_DAYS = (1, 7, 30)


@dataclass(slots=True)
class Lags:
    """Matched articles of one incident within the horizon: delay in days, outlet and language per article."""

    days: np.ndarray  # float, ≥ 0, < horizon
    outlets: np.ndarray  # str
    languages: np.ndarray  # str
    before_incident: int  # dated before the declared incident time: left out
    after_horizon: int
    undated: int

    def subset(self, mask: np.ndarray) -> Lags:
        """The articles selected by a boolean mask (counts of left-out articles kept)."""
        return Lags(self.days[mask], self.outlets[mask], self.languages[mask], self.before_incident,
                    self.after_horizon, self.undated)


def incident_lags(store: Store, incident: Incident, *, horizon_days: int = 60) -> Lags:
    """Delays (days since the declared incident time) of the incident's matched, dated articles."""
    days, outlets, langs = [], [], []
    before = after = undated = 0
    for item in matched_items(store, incident):
        if item.published_at is None:
            undated += 1
            continue
        lag = (item.published_at - incident.occurred_at).total_seconds() / 86400
        if lag < 0:
            before += 1
        elif lag >= horizon_days:
            after += 1
        else:
            days.append(lag)
            outlets.append(item.outlet or "(unknown)")
            langs.append(item.language or "(unknown)")
    return Lags(np.asarray(days, dtype=float), np.asarray(outlets, dtype=object),
                np.asarray(langs, dtype=object), before, after, undated)


def weighted_stats(days: np.ndarray, weights: np.ndarray, share_days: tuple[int, ...] = SHARE_DAYS
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Half-life and shares after each day, for one or many weightings of the same articles.

    ``weights`` is (B, n): one row per (bootstrap) weighting of the n articles. The half-life is the
    weighted median delay — the time by which half of the horizon's articles had appeared (the
    first delay at which the cumulative weight reaches half). Returns (half_lives (B,), shares (B, k)).
    """
    order = np.argsort(days, kind="stable")
    d = days[order]
    w = weights[:, order]
    total = w.sum(axis=1)
    cum = np.cumsum(w, axis=1)
    idx = np.argmax(cum >= total[:, None] / 2.0, axis=1)
    half = np.where(total > 0, d[idx] if len(d) else np.nan, np.nan)
    shares = np.stack([(w * (d > s)).sum(axis=1) / np.where(total > 0, total, 1) for s in share_days], axis=1)
    return half, shares


def daily_counts(days: np.ndarray, horizon_days: int) -> np.ndarray:
    """Articles per day since the incident (day 0 = the first 24 hours)."""
    return np.bincount(np.floor(days).astype(int), minlength=horizon_days)[:horizon_days]


def shape(counts: np.ndarray, silence: SilenceRule, waves: WaveRule) -> tuple[int | None, list[tuple[int, int, int]]]:
    """Silence day (days since the incident) and later waves (first day, last day, articles)."""
    series = [int(c) for c in counts]
    if not series or max(series) == 0:
        return None, []
    peak_idx = max(range(len(series)), key=lambda k: (series[k], -k))
    s = find_silence(series, series[peak_idx], silence, start=peak_idx + 1)
    if s is None:
        return None, []
    spans = find_wave_spans(series, series[peak_idx], waves, start=s)
    return s, [(a, b, sum(series[a:b + 1])) for a, b in spans]
