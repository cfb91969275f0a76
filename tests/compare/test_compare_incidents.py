"""compare_incidents on generated incidents with known half-lives; dropped_faster_than on top of it."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from storyradar.assertions import CONTRADICTED, SUPPORTED, UNDECIDABLE, check_assertions, parse_inline
from storyradar.compare import compare_incidents, comparison_chart, half_life_difference
from storyradar.model import Article, Incident, Match, MatchReason, Place

N = 300
# name -> (start, half-life in days, outlets, extra articles on these days (a later wave))
PLANS = {
    "fast": (datetime(2025, 1, 10, 8, 0, tzinfo=UTC), 1.0, [f"o{k}.example" for k in range(15)], {}),
    "slow": (datetime(2025, 1, 20, 14, 30, tzinfo=UTC), 4.0, [f"o{k}.example" for k in range(5, 20)], {}),
    "twin": (datetime(2025, 2, 1, 6, 0, tzinfo=UTC), 4.0, [f"t{k}.example" for k in range(15)], {}),
    "wave": (datetime(2025, 2, 5, 6, 0, tzinfo=UTC), 2.0, [f"w{k}.example" for k in range(15)], {40: 12, 41: 10}),
}
TOLERANCE = 0.03  # deterministic quantile lags: the median is recovered to within 3 %


def quantile_lags(half_life: float, n: int = N) -> list[float]:
    """Delays (days) at the (i + 0.5)/n quantiles of an exponential decay with this half-life."""
    return [half_life * math.log2(1 / (1 - (i + 0.5) / n)) for i in range(n)]


def plant(store, name: str, lags: list[float], outlets: list[str], start: datetime, extra: dict[int, int]) -> Incident:
    inc = Incident(name=name, occurred_at=start, occurred_offset_min=120, place=Place("Somewhere", 1.0, 2.0, "XX"))
    store.save_incident(inc)
    arts = []
    for i, lag in enumerate(lags):
        arts.append(Article(url=f"https://{outlets[i % len(outlets)]}/{name}/{i}", title=f"{name} {i}",
                            text="x", published_at=start + timedelta(days=lag), date_source="html-meta",
                            outlet=outlets[i % len(outlets)], language="en" if i % 3 else "de",
                            collection_source="feed"))
    for day, n in extra.items():
        for k in range(n):
            arts.append(Article(url=f"https://{outlets[k]}/{name}/wave/{day}/{k}", title=f"{name} inquiry report",
                                text="commission report published", published_at=start + timedelta(days=day, hours=k),
                                date_source="html-meta", outlet=outlets[k], language="en", collection_source="feed"))
    store.upsert_articles(arts)
    store.replace_matches(inc.id, [Match(inc.id, a.id, 0.9, "about", [MatchReason("place", "x", 1.0)]) for a in arts])
    return inc


def background(store, until: datetime) -> None:
    """Collection continues to ``until`` (unrelated articles), so every incident's horizon is collected."""
    day = datetime(2025, 1, 1, 12, tzinfo=UTC)
    arts = []
    while day < until:
        arts.append(Article(url=f"https://bg.example/{day.date()}", title="weather", published_at=day,
                            date_source="html-meta", outlet="bg.example", language="en", collection_source="feed"))
        day += timedelta(days=1)
    store.upsert_articles(arts)


@pytest.fixture
def incidents(store):
    for name, (start, hl, outlets, extra) in PLANS.items():
        plant(store, name, quantile_lags(hl), outlets, start, extra)
    background(store, datetime(2025, 4, 20, tzinfo=UTC))
    return store


def test_half_lives_and_shares_are_recovered(incidents):
    cmp = compare_incidents(incidents, ["fast", "slow", "twin"], n_boot=300, seed=1)
    for name in ("fast", "slow", "twin"):
        entry = cmp.get(name)
        hl = PLANS[name][1]
        assert entry.overall.half_life_days == pytest.approx(hl, rel=TOLERANCE)
        lo, hi = entry.overall.half_life_ci  # outlets carry alike delays here: a narrow interval
        assert lo <= entry.overall.half_life_days <= hi and hi - lo < 0.2 * hl
        for d in (1, 7, 30):  # share after day d of an exponential decay: 2^(-d / half-life)
            assert entry.overall.share_after[d] == pytest.approx(2 ** (-d / hl), abs=2 / N)
        assert entry.overall.articles == N and entry.overall.outlets == 15
        assert entry.horizon_collected
        assert set(entry.by_language) == {"en", "de"}
        assert entry.by_language["de"].articles == N // 3
        assert entry.by_language["en"].half_life_days == pytest.approx(hl, rel=0.05)
    # days 0..4 of the fast decay hold 150, 75, 37, 19, 9 articles: below 0.1 × peak from day 4 on
    assert cmp.get("fast").overall.silence_day == 4
    assert cmp.get("fast").overall.daily[:4] == [150, 75, 37, 19]


def test_random_exponential_sample_half_life_within_tolerance(store):
    rng = np.random.default_rng(7)
    true_hl = 2.0
    lags = list(rng.exponential(true_hl / math.log(2), size=400))
    start = datetime(2025, 1, 10, tzinfo=UTC)
    plant(store, "sampled", lags, [f"s{k}.example" for k in range(20)], start, {})
    background(store, datetime(2025, 3, 20, tzinfo=UTC))
    entry = compare_incidents(store, ["sampled"], n_boot=500, seed=3).get("sampled")
    # sampling error of a median of 400 exponential delays is about 7 % of the half-life
    assert entry.overall.half_life_days == pytest.approx(true_hl, rel=0.2)
    lo, hi = entry.overall.half_life_ci
    assert lo < true_hl < hi


def test_waves_outlets_and_differences(incidents):
    cmp = compare_incidents(incidents, ["fast", "slow", "wave"], n_boot=300, seed=2)
    wave = cmp.get("wave").overall
    assert [(w["from_day"], w["to_day"], w["articles"]) for w in wave.waves] == [(40, 41, 22)]
    assert cmp.get("fast").overall.waves == []
    assert len(cmp.get("wave").wave_characters) == 1
    pair = {(r["covered"], r["not_covered"]): r["outlets"] for r in cmp.outlets_not_in}
    assert pair[("fast", "slow")] == [f"o{k}.example" for k in range(5)]
    assert pair[("slow", "fast")] == sorted(f"o{k}.example" for k in range(15, 20))
    assert len(pair[("fast", "wave")]) == 15
    diff = half_life_difference(cmp, "fast", ["slow"])
    assert diff["difference_days"] == pytest.approx(-3.0, abs=0.15)
    assert diff["ci95"][1] < 0
    data = json.loads(json.dumps(cmp.to_dict()))
    first = data["incidents"][0]
    assert first["half_life_ci95"][0] <= first["half_life_days"] <= first["half_life_ci95"][1]
    assert "median delay" in data["notes"][0]


def test_horizon_not_collected_is_flagged(store):
    plant(store, "recent", quantile_lags(1.0), [f"r{k}.example" for k in range(10)],
          datetime(2025, 1, 10, tzinfo=UTC), {})
    cmp = compare_incidents(store, ["recent"], n_boot=0)
    assert not cmp.get("recent").horizon_collected
    assert any("ends before day 60" in n for n in cmp.notes)
    assert cmp.get("recent").overall.half_life_ci is None


def test_dropped_faster_than_verdicts(incidents):
    def verdict(name: str, text: str) -> str:
        [res] = check_assertions(incidents, name, [parse_inline(text)], save=False, n_boot=300)
        return res.verdict

    v = verdict("fast", "dropped_faster_than incidents=slow,twin")
    assert v.verdict == SUPPORTED
    assert v.figures["half_life_days"] == pytest.approx(1.0, rel=TOLERANCE)
    assert v.figures["difference_ci95"][1] < 0
    assert [i["incident"] for i in v.items] == ["fast", "slow", "twin"]
    assert verdict("slow", "dropped_faster_than incidents=fast").verdict == CONTRADICTED
    v = verdict("slow", "dropped_faster_than incidents=twin")
    assert v.verdict == UNDECIDABLE and "includes no difference" in v.summary
    assert verdict("fast", "dropped_faster_than incidents=slow language=de").verdict == SUPPORTED
    assert verdict("fast", "dropped_faster_than incidents=slow language=fr").verdict == UNDECIDABLE


def test_chart_renders_svg(incidents, tmp_path):
    from storyradar.report.charts import to_svg

    cmp = compare_incidents(incidents, ["fast", "slow"], n_boot=50)
    spec = comparison_chart(cmp).to_dict()
    assert len(spec["vconcat"]) == 2
    assert json.dumps(spec).count('"series": "fast"') == 60  # one point per day of the horizon
    svg = to_svg(comparison_chart(cmp, by_language=True))
    assert svg.startswith("<svg") and "days since the incident" in svg


def test_cli_compare_json_and_plot(incidents, tmp_path, capsys):
    from storyradar.cli import main

    out = tmp_path / "curves.svg"
    code = main(["compare", "fast", "slow", "--db", incidents.path, "--json", "--boot", "100", "--plot", str(out)])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["incident"] for i in data["incidents"]] == ["fast", "slow"]
    assert data["first_versus_rest"]["difference_days"] == pytest.approx(-3.0, abs=0.15)
    assert out.read_text().startswith("<svg")
    assert main(["compare", "fast", "--db", incidents.path]) == 2
    assert "at least two incidents" in capsys.readouterr().err
