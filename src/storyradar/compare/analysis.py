"""Compare incidents aligned on time since each happened: half-life, shares, silence, waves, outlets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..coverage import analyse_coverage
from ..coverage.waves import SilenceRule, WaveRule
from ..errors import StoryradarError
from ..model import Incident
from ..store import Store
from ..timeutil import ensure_utc, with_offset
from .bootstrap import interval, outlet_weights
from .curves import SHARE_DAYS, Lags, daily_counts, incident_lags, shape, weighted_stats

HALF_LIFE_DEFINITION = ("half-life: the time since the declared incident time by which half of the matched "
                        "articles of the first {h} days had appeared (the median delay; no curve is fitted)")


@dataclass(slots=True)
class CurveStats:
    """Aligned coverage measures of one incident (or one language of it), with bootstrap intervals."""

    label: str
    articles: int
    outlets: int
    half_life_days: float | None
    half_life_ci: tuple[float, float] | None
    share_after: dict[int, float]
    share_after_ci: dict[int, tuple[float, float] | None]
    silence_day: int | None
    waves: list[dict[str, Any]]
    cumulative: list[float]  # share of the horizon's articles by the end of each day
    daily: list[int]
    boot_half_life: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (bootstrap replicates left out)."""
        r = lambda x: None if x is None else round(float(x), 4)  # noqa: E731
        return {
            "label": self.label, "articles": self.articles, "outlets": self.outlets,
            "half_life_days": r(self.half_life_days),
            "half_life_ci95": None if self.half_life_ci is None else [r(v) for v in self.half_life_ci],
            "share_after": {f"day_{d}": r(v) for d, v in self.share_after.items()},
            "share_after_ci95": {f"day_{d}": None if c is None else [r(v) for v in c]
                                 for d, c in self.share_after_ci.items()},
            "silence_day": self.silence_day, "later_waves": len(self.waves), "waves": self.waves,
        }


@dataclass(slots=True)
class IncidentComparison:
    """One incident in a comparison: its measures overall and per language, and what was left out."""

    name: str
    occurred_at: str
    overall: CurveStats
    by_language: dict[str, CurveStats]
    outlets: list[str]
    left_out: dict[str, int]
    horizon_collected: bool
    wave_characters: list[str]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"incident": self.name, "occurred_at": self.occurred_at, **self.overall.to_dict(),
                "wave_characters": self.wave_characters, "left_out": self.left_out,
                "horizon_collected": self.horizon_collected,
                "by_language": {k: v.to_dict() for k, v in self.by_language.items()}}


@dataclass(slots=True)
class Comparison:
    """Several incidents side by side, aligned on time since each happened."""

    horizon_days: int
    n_boot: int
    seed: int
    incidents: list[IncidentComparison]
    outlets_not_in: list[dict[str, Any]]
    notes: list[str]

    def get(self, name: str) -> IncidentComparison:
        """One incident's entry by name."""
        for inc in self.incidents:
            if inc.name == name:
                return inc
        raise StoryradarError(f"incident {name!r} is not part of this comparison")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (what ``storyradar compare --json`` prints)."""
        return {"horizon_days": self.horizon_days, "bootstrap_replicates": self.n_boot, "seed": self.seed,
                "incidents": [i.to_dict() for i in self.incidents], "outlets_not_in": self.outlets_not_in,
                "notes": self.notes}


def curve_stats(lags: Lags, label: str, *, horizon_days: int, n_boot: int, rng: np.random.Generator,
                silence: SilenceRule, waves: WaveRule) -> CurveStats:
    """Half-life, shares after day 1/7/30, silence and waves of one set of delays, with outlet bootstrap."""
    n = len(lags.days)
    counts = daily_counts(lags.days, horizon_days)
    silence_day, spans = shape(counts, silence, waves)
    wave_rows = [{"from_day": a, "to_day": b, "articles": k} for a, b, k in spans]
    if n == 0:
        return CurveStats(label, 0, 0, None, None, {d: float("nan") for d in SHARE_DAYS},
                          {d: None for d in SHARE_DAYS}, None, [], [0.0] * horizon_days, [0] * horizon_days)
    half, shares = weighted_stats(lags.days, np.ones((1, n)))
    boot = outlet_weights(lags.outlets, n_boot, rng) if n_boot else np.zeros((0, n))
    b_half, b_shares = weighted_stats(lags.days, boot) if n_boot else (np.zeros(0), np.zeros((0, len(SHARE_DAYS))))
    cum = np.cumsum(counts) / max(n, 1)
    return CurveStats(
        label=label, articles=n, outlets=len(set(lags.outlets.tolist())),
        half_life_days=float(half[0]), half_life_ci=interval(b_half) if n_boot else None,
        share_after={d: float(shares[0, k]) for k, d in enumerate(SHARE_DAYS)},
        share_after_ci={d: interval(b_shares[:, k]) if n_boot else None for k, d in enumerate(SHARE_DAYS)},
        silence_day=silence_day, waves=wave_rows, cumulative=[round(float(c), 5) for c in cum],
        daily=[int(c) for c in counts], boot_half_life=b_half,
    )


def _collected_until(store: Store):
    row = store.query("SELECT max(published_at) AS t FROM articles")
    return ensure_utc(row[0]["t"]) if row and row[0]["t"] else None


def compare_incidents(
    store: Store,
    names: list[str],
    *,
    horizon_days: int = 60,
    n_boot: int = 1000,
    seed: int = 0,
    by_language: bool = True,
    silence: SilenceRule | None = None,
    waves: WaveRule | None = None,
) -> Comparison:
    """Compare the coverage of incidents aligned on time since each happened.

    Per incident and per language: the half-life (median delay of the first ``horizon_days``
    days' articles), the share of those articles published after day 1, 7 and 30, the silence
    day and later waves (coverage's rules, counted in days since the incident), with 95 %
    percentile intervals from ``n_boot`` bootstrap replicates that resample outlets with
    replacement. Also which outlets covered one incident but not another.
    """
    if len(names) < 1:
        raise StoryradarError("name at least one incident to compare")
    if len(set(names)) < len(names):
        raise StoryradarError(f"an incident is named twice in {names}")
    silence = silence or SilenceRule()
    waves = waves or WaveRule()
    rng = np.random.default_rng(seed)
    until = _collected_until(store)
    entries: list[IncidentComparison] = []
    notes = [HALF_LIFE_DEFINITION.format(h=horizon_days),
             f"intervals: 95 % percentile intervals over {n_boot} bootstrap replicates resampling outlets with "
             f"replacement (seed {seed})",
             f"silence and waves follow the coverage rules ({silence.describe()}; {waves.describe()}), "
             "counted in days since each incident"]
    for name in names:
        inc: Incident = store.get_incident(name)
        lags = incident_lags(store, inc, horizon_days=horizon_days)
        overall = curve_stats(lags, inc.name, horizon_days=horizon_days, n_boot=n_boot, rng=rng,
                              silence=silence, waves=waves)
        per_lang = {}
        if by_language:
            for lang in sorted(set(lags.languages.tolist())):
                per_lang[lang] = curve_stats(lags.subset(lags.languages == lang), f"{inc.name} [{lang}]",
                                             horizon_days=horizon_days, n_boot=n_boot, rng=rng,
                                             silence=silence, waves=waves)
        from datetime import timedelta

        collected = until is not None and until >= inc.occurred_at + timedelta(days=horizon_days)
        if not collected:
            notes.append(f"{inc.name}: the corpus ends before day {horizon_days} after the incident "
                         f"(last article {with_offset(until, None) or 'none'}); its shares are of a shorter span")
        characters = [w.character for w in analyse_coverage(store, inc, with_gaps=False).waves]
        entries.append(IncidentComparison(
            name=inc.name, occurred_at=with_offset(inc.occurred_at, inc.occurred_offset_min), overall=overall,
            by_language=per_lang, outlets=sorted(set(lags.outlets.tolist())),
            left_out={"before_incident_time": lags.before_incident, "after_horizon": lags.after_horizon,
                      "undated": lags.undated},
            horizon_collected=collected, wave_characters=characters))
    outlets_not_in = []
    for a in entries:
        for b in entries:
            if a is not b:
                missing = sorted(set(a.outlets) - set(b.outlets))
                outlets_not_in.append({"covered": a.name, "not_covered": b.name, "outlets": missing,
                                       "count": len(missing)})
    return Comparison(horizon_days, n_boot, seed, entries, outlets_not_in, notes)


def half_life_difference(comparison: Comparison, target: str, others: list[str]) -> dict[str, Any]:
    """The target's half-life minus the median half-life of the others, with a bootstrap 95 % interval.

    Each replicate pairs the target's and the others' independent outlet resamples; a negative
    difference means the target's coverage was concentrated earlier (it dropped faster).
    """
    t = comparison.get(target).overall
    os_ = [comparison.get(o).overall for o in others]
    if t.half_life_days is None or any(o.half_life_days is None for o in os_) or not os_:
        return {"difference_days": None, "ci95": None, "target_half_life_days": t.half_life_days,
                "others_median_half_life_days": None}
    est = t.half_life_days - float(np.median([o.half_life_days for o in os_]))
    ci = None
    if comparison.n_boot and len(t.boot_half_life):
        others_b = np.median(np.stack([o.boot_half_life for o in os_]), axis=0)
        ci = interval(t.boot_half_life - others_b)
    return {"difference_days": est, "ci95": ci, "target_half_life_days": t.half_life_days,
            "target_ci95": t.half_life_ci,
            "others_median_half_life_days": float(np.median([o.half_life_days for o in os_])),
            "others": {o.label: {"half_life_days": o.half_life_days, "ci95": o.half_life_ci} for o in os_}}
