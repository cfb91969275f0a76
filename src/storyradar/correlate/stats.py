"""Coincidence test: do incidents fall within ±k days of calendar events more often than chance?"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from .calendar import CalendarEvent, CorrelateError, IncidentDay

METHODS = ("circular", "block")


@dataclass(slots=True)
class WindowTest:
    """One test: a window ±k days and a category (or "all"), with its statistic, effect size and p-values."""

    window_days: int
    category: str
    events: int
    observed: int  # incidents within ±k days of an event of this category
    expected: float  # mean under the null (incidents' series shifted over the period)
    ratio: float | None  # observed / expected
    ratio_ci: tuple[float, float] | None  # bootstrap 95 % interval of the ratio
    p_value: float  # one-sided permutation p-value (more coincidences than chance)
    p_bonferroni: float = 1.0
    p_holm: float = 1.0
    near_day_fraction: float = 0.0  # share of the period's days within ±k of an event

    def describe(self) -> str:
        """One neutral line with the figures."""
        ratio = "n/a" if self.ratio is None else f"{self.ratio:.2f}"
        ci = "" if self.ratio_ci is None else f" (95 % CI {self.ratio_ci[0]:.2f}–{self.ratio_ci[1]:.2f})"
        return (f"±{self.window_days} d, {self.category}: {self.observed} incidents near an event, "
                f"{self.expected:.2f} expected by chance; ratio {ratio}{ci}; p = {self.p_value:.4f} "
                f"(Holm {self.p_holm:.4f}, Bonferroni {self.p_bonferroni:.4f})")


@dataclass(slots=True)
class CoincidenceResult:
    """A coincidence analysis: the period, the null model, every test, and plain-language warnings."""

    start: date
    end: date
    n_incidents: int
    n_events: int
    method: str
    permutations: int
    seed: int
    block_days: int
    tests: list[WindowTest] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """A short neutral summary: the best-supported test with its adjusted p-value, and the warnings."""
        lines = [f"{self.n_incidents} incidents and {self.n_events} events, {self.start} to {self.end}; "
                 f"null model: {'circular shifts' if self.method == 'circular' else 'block permutations'} of the incident series ({self.permutations} permutations, "
                 f"seed {self.seed})"]
        lines += [t.describe() for t in self.tests]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def _near(event_idx: np.ndarray, k: int, days: int) -> np.ndarray:
    near = np.zeros(days, dtype=bool)
    for e in event_idx:
        lo, hi = max(0, e - k), min(days - 1, e + k)
        if lo <= hi:
            near[lo:hi + 1] = True
    return near


def shift_statistics(counts: np.ndarray, near: np.ndarray) -> np.ndarray:
    """The statistic for every circular shift s of the incident counts: Σ_d counts[(d - s) mod T] · near[d]."""
    f = np.fft.rfft(near.astype(float))
    g = np.fft.rfft(counts.astype(float))
    return np.rint(np.fft.irfft(f * np.conj(g), n=len(counts))).astype(np.int64)


def _block_stats(counts: np.ndarray, near: np.ndarray, block: int, n: int, rng: np.random.Generator) -> np.ndarray:
    days = len(counts)
    edges = list(range(0, days, block))
    blocks = [np.arange(s, min(s + block, days)) for s in edges]
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        idx = np.concatenate([blocks[j] for j in rng.permutation(len(blocks))])
        out[i] = int(np.dot(counts[idx], near))
    return out


def _bootstrap_ratio(counts: np.ndarray, near: np.ndarray, block: int, n: int, rng: np.random.Generator
                     ) -> tuple[float, float] | None:
    days = len(counts)
    nb = math.ceil(days / block)
    starts = rng.integers(0, days, size=(n, nb))
    idx = ((starts[:, :, None] + np.arange(block)) % days).reshape(n, nb * block)[:, :days]
    c, m = counts[idx], near[idx].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = (c * m).sum(axis=1) / (c.sum(axis=1) * m.mean(axis=1))
    ratios = ratios[np.isfinite(ratios)]
    if len(ratios) < n / 2:
        return None
    lo, hi = np.percentile(ratios, [2.5, 97.5])
    return float(lo), float(hi)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values (same order as given)."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def coincidence_test(incidents: Sequence[IncidentDay | date], events: Sequence[CalendarEvent], *,
                     windows: Sequence[int] = (3,), categories: Sequence[str] | None = None,
                     by_category: bool = False, start: date | None = None, end: date | None = None,
                     permutations: int = 2000, method: str = "circular", block_days: int = 28,
                     bootstrap: int = 1000, seed: int = 0) -> CoincidenceResult:
    """Test whether incidents fall within ±k days of events more often than chance, for each k (and category).

    Null model: the incident series keeps its own rate and clustering and is shifted in time against
    the calendar — circular shifts over the study period (``method="circular"``; all shifts when
    ``permutations`` ≥ days − 1) or a shuffle of ``block_days``-long blocks (``method="block"``).
    The p-value is (1 + #{null ≥ observed}) / (1 + permutations). The effect size is observed/expected
    with a moving-block bootstrap 95 % interval. With several tests, Holm and Bonferroni adjusted
    p-values are given. ``categories`` restricts to those; ``by_category`` adds one test per category.
    """
    if method not in METHODS:
        raise CorrelateError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if not windows or any(k < 0 for k in windows):
        raise CorrelateError("windows must be one or more whole numbers of days ≥ 0")
    if permutations < 1:
        raise CorrelateError("permutations must be at least 1")
    inc_days = [i.day if isinstance(i, IncidentDay) else i for i in incidents]
    if not inc_days:
        raise CorrelateError("no incidents to test")
    evs = [e for e in events if categories is None or e.category in categories]
    if not evs:
        raise CorrelateError(f"no calendar events in categories {list(categories or [])}")
    start = start or min(min(inc_days), min(e.day for e in evs))
    end = end or max(max(inc_days), max(e.day for e in evs))
    if end <= start:
        raise CorrelateError(f"study period {start} to {end} is empty")
    days = (end - start).days + 1
    warnings: list[str] = []
    inside = [(d - start).days for d in inc_days if start <= d <= end]
    if len(inside) < len(inc_days):
        warnings.append(f"{len(inc_days) - len(inside)} incident(s) fall outside the study period "
                        f"{start} to {end} and were left out.")
    counts = np.bincount(np.array(inside, dtype=int), minlength=days)
    n = int(counts.sum())
    kmax = max(windows)
    evs = [e for e in evs if start - timedelta(days=kmax) <= e.day <= end + timedelta(days=kmax)]
    groups: list[tuple[str, list[CalendarEvent]]] = [("all", evs)]
    if by_category:
        groups += [(c, [e for e in evs if e.category == c]) for c in sorted({e.category for e in evs})]
    rng = np.random.default_rng(seed)
    exact = method == "circular" and permutations >= days - 1
    n_perm = days - 1 if exact else permutations
    shifts = np.arange(1, days) if exact else rng.integers(1, days, size=permutations)
    block_state = rng.bit_generator.state
    tests: list[WindowTest] = []
    for k in windows:
        for name, group in groups:
            near = _near(np.array([(e.day - start).days for e in group], dtype=int), k, days)
            observed = int(np.dot(counts, near))
            expected = n * float(near.mean())
            if method == "circular":
                null = shift_statistics(counts, near)[shifts]
            else:
                rng.bit_generator.state = block_state  # same block shuffles for every test
                null = _block_stats(counts, near, block_days, permutations, rng)
            p = (1 + int(np.sum(null >= observed))) / (1 + len(null))
            ci = _bootstrap_ratio(counts, near, block_days, bootstrap, rng) if bootstrap and expected else None
            tests.append(WindowTest(k, name, len(group), observed, expected,
                                    observed / expected if expected else None, ci, p,
                                    near_day_fraction=float(near.mean())))
            if near.mean() > 0.5:
                warnings.append(f"events of '{name}' ±{k} d cover {near.mean():.0%} of the period: most days are "
                                "'near an event', so this test can say little.")
    m = len(tests)
    for t, adj in zip(tests, holm([t.p_value for t in tests]), strict=True):
        t.p_holm = adj
        t.p_bonferroni = min(1.0, t.p_value * m)
    if n < 10:
        warnings.insert(0, f"only {n} incident(s): the test has little power and one or two incidents can "
                           "swing the result; treat any p-value as indicative.")
    if m > 1:
        chance = 1 - 0.95**m
        warnings.append(f"{m} tests were run (windows × categories); by chance alone at least one raw "
                        f"p-value below 0.05 is expected {chance:.0%} of the time: read the Holm/Bonferroni "
                        "adjusted p-values.")
    if 1 / (1 + n_perm) > 0.01:
        warnings.append(f"with {n_perm} permutations the smallest possible p-value is {1 / (1 + n_perm):.3f}.")
    return CoincidenceResult(start, end, n, len(evs), method, n_perm, seed, block_days, tests, warnings)
