"""Coincidence test: exact shift statistic, Holm, false-positive rate under independence, power, warnings."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from storyradar.correlate import CalendarEvent, CorrelateError, coincidence_test, holm, shift_statistics

START = date(2022, 1, 1)
DAYS = 730


def _events(rng, n=12, categories=("visit", "vote")):
    days = rng.choice(DAYS, n, replace=False)
    return [CalendarEvent(START + timedelta(days=int(d)), f"event {i}", categories[i % len(categories)])
            for i, d in enumerate(days)]


def _clustered_incidents(rng, n_clusters=8):
    """Incidents in bursts (a few per cluster), independent of any calendar."""
    out = []
    for c in rng.choice(DAYS - 10, n_clusters, replace=False):
        for _ in range(rng.integers(1, 5)):
            out.append(START + timedelta(days=int(c + rng.integers(0, 6))))
    return out


def test_shift_statistics_equal_brute_force():
    rng = np.random.default_rng(0)
    counts = rng.poisson(0.3, 97)
    near = rng.random(97) < 0.2
    fast = shift_statistics(counts, near)
    slow = [int(sum(counts[(d - s) % 97] * near[d] for d in range(97))) for s in range(97)]
    assert fast.tolist() == slow


def test_holm_adjustment():
    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert holm([0.5]) == [0.5]


def test_false_positive_rate_is_near_nominal_alpha():
    """1000 independent clustered series (about 50 incidents) × 200 random circular shifts each.

    Ties in a count statistic make the test slightly conservative: the rate sits at or a little under α.
    """
    rng = np.random.default_rng(2024)
    runs, at05, at10 = 1000, 0, 0
    for _ in range(runs):
        res = coincidence_test(_clustered_incidents(rng, 20), _events(rng), windows=(3,), start=START,
                               end=START + timedelta(days=DAYS - 1), permutations=200, bootstrap=0,
                               seed=int(rng.integers(1 << 30)))
        at05 += res.tests[0].p_value <= 0.05
        at10 += res.tests[0].p_value <= 0.10
    assert 0.03 <= at05 / runs <= 0.065, at05 / runs  # binomial sd over 1000 runs ≈ 0.007
    assert 0.07 <= at10 / runs <= 0.12, at10 / runs


def test_block_method_false_positive_rate():
    rng = np.random.default_rng(7)
    runs, rejections = 100, 0
    for _ in range(runs):
        res = coincidence_test(_clustered_incidents(rng), _events(rng), windows=(3,), start=START,
                               end=START + timedelta(days=DAYS - 1), permutations=200, bootstrap=0,
                               method="block", block_days=30, seed=int(rng.integers(1 << 30)))
        rejections += res.tests[0].p_value <= 0.05
    assert rejections / runs <= 0.11


def test_power_on_planted_coincidences():
    rng = np.random.default_rng(5)
    runs, detected = 100, 0
    for _ in range(runs):
        events = _events(rng)
        planted = [e.day + timedelta(days=int(rng.integers(-2, 3))) for e in events if rng.random() < 0.7]
        res = coincidence_test(planted + _clustered_incidents(rng, 4), events, windows=(3,), start=START,
                               end=START + timedelta(days=DAYS - 1), permutations=200, bootstrap=0,
                               seed=int(rng.integers(1 << 30)))
        detected += res.tests[0].p_value <= 0.05
    assert detected / runs >= 0.9


def test_effect_size_interval_and_categories():
    rng = np.random.default_rng(9)
    events = _events(rng, 20)
    planted = [e.day + timedelta(days=1) for e in events if e.category == "visit"]
    res = coincidence_test(planted + _clustered_incidents(rng, 6), events, windows=(1, 3), by_category=True,
                           start=START, end=START + timedelta(days=DAYS - 1), permutations=1000, seed=1)
    assert len(res.tests) == 6  # 2 windows × (all, visit, vote)
    visit = next(t for t in res.tests if t.category == "visit" and t.window_days == 1)
    vote = next(t for t in res.tests if t.category == "vote" and t.window_days == 1)
    assert visit.observed >= 10
    assert visit.ratio > 5 and visit.ratio_ci[0] > 1.5
    assert visit.p_value < 0.01 < vote.p_value
    assert visit.expected == pytest.approx(res.n_incidents * visit.near_day_fraction)
    for t in res.tests:
        assert t.p_value <= t.p_holm <= t.p_bonferroni <= 1.0
    assert res.permutations == DAYS - 1  # exact: every shift
    assert any("6 tests were run" in w for w in res.warnings)


def test_small_n_warning_and_input_errors():
    rng = np.random.default_rng(1)
    res = coincidence_test([START + timedelta(days=5), START + timedelta(days=300)], _events(rng),
                           start=START, end=START + timedelta(days=DAYS - 1), bootstrap=0)
    assert res.warnings[0].startswith("only 2 incident(s)")
    with pytest.raises(CorrelateError, match="method"):
        coincidence_test([START], _events(rng), method="shuffle")
    with pytest.raises(CorrelateError, match="categories"):
        coincidence_test([START], _events(rng), categories=["summit"])
