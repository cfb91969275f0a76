"""The demo corpus: determinism, size, labelling, the timeline's shape and the planted hard cases."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from storyradar.demo import DemoManifest, generate_corpus
from storyradar.errors import StoryradarError


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_same_bytes_and_other_seed_differs(small, tmp_path):
    again = generate_corpus(tmp_path / "again", scale=0.2)
    first, second = _files(small.folder), _files(again.folder)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
    assert again.to_dict() == small.to_dict()
    other = generate_corpus(tmp_path / "other", scale=0.2, seed=8)
    assert _files(other.folder)["wire.jsonl"] != first["wire.jsonl"]


def test_full_corpus_size_languages_outlets_and_speed(full_corpus):
    manifest, seconds = full_corpus
    assert seconds < 10, f"generation took {seconds:.1f} s"
    assert 600 <= manifest.counts["articles"] <= 1500
    assert manifest.counts["outlets"] >= 40
    languages = {lang for lang, n in manifest.counts["by_language"].items() if n >= 20}
    assert {"en", "uk", "ru", "de", "pl", "fr", "es"} <= languages
    by_kind = manifest.counts["by_kind"]
    assert by_kind["main"] >= 150 and by_kind["background"] >= 300 and by_kind["near_miss"] >= 15
    assert set(manifest.counts["by_channel"]) == {"html", "warc", "feed", "wire"}
    assert len(manifest.articles) == len({a["url"] for a in manifest.articles})


def test_small_corpus_keeps_the_structure(small):
    assert small.counts["outlets"] >= 40
    about = [a for a in small.articles if a["kind"] == "main"]
    assert {a["language"] for a in about} >= {"en", "uk", "ru", "de", "pl"}
    assert len(small.ground_truth["near_miss"]) >= 8


def test_every_file_is_labelled_fictional(small):
    folder = small.folder
    for page in (folder / "html").rglob("*.html"):
        assert "FICTIONAL DEMO DATA" in page.read_text(encoding="utf-8"), page
    for name in ("feed.xml", "incidents/zorianivka-market.toml", "assertions.toml", "observations.toml"):
        assert "FICTIONAL DEMO DATA" in (folder / name).read_text(encoding="utf-8"), name
    assert small.notice == "FICTIONAL DEMO DATA"


def _utc_date(iso: str) -> date:
    return datetime.fromisoformat(iso).astimezone(UTC).date()


@pytest.mark.parametrize("which", ["full", "small"])
def test_timeline_has_burst_silence_and_wave(which, full_corpus, small):
    manifest = full_corpus[0] if which == "full" else small
    daily = Counter(_utc_date(a["published_at"]) for a in manifest.articles
                    if a["incident"] == "zorianivka-market")
    peak_day, peak = max(daily.items(), key=lambda kv: kv[1])
    assert peak_day == date(2025, 3, 14)
    # Silence: from day 4 after the strike to the eve of the finding, every day below a tenth of the peak.
    silent = [date(2025, 3, 18) + timedelta(days=i) for i in range((date(2025, 4, 22) - date(2025, 3, 18)).days + 1)]
    assert len(silent) >= 14
    assert max(daily.get(d, 0) for d in silent) < 0.1 * peak
    wave_days = [d for d in daily if d >= date(2025, 4, 23)]
    wave_peak = max(daily[d] for d in wave_days)
    assert wave_peak >= 4 * max(1, max(daily.get(d, 0) for d in silent))
    assert (min(wave_days) - peak_day).days >= 35
    gt = manifest.ground_truth
    assert gt["peak"] == {"day": "2025-03-14", "count": peak}
    assert gt["silence"]["start"] <= "2025-03-18" and gt["silence"]["end"] == "2025-04-22"
    assert gt["wave"]["start"] == "2025-04-23"
    assert gt["daily_main"]["2025-03-14"] == peak


def test_first_claims_come_in_the_planted_order(small):
    claims = small.ground_truth["first_claims"]
    first = small.ground_truth["first_report"]
    assert 30 <= first["lag_minutes"] <= 60
    assert claims["blame"]["lag_minutes"] <= 60
    assert 180 <= claims["denial"]["lag_minutes"] <= 360
    assert claims["counter"]["lag_minutes"] > claims["denial"]["lag_minutes"]
    assert claims["finding"]["lag_minutes"] > 35 * 24 * 60
    figures = {f["figure"] for f in small.ground_truth["figures"]}
    assert {"figure:8+", "figure:12/30", "figure:16/34", "figure:17/34"} <= figures


def test_figures_change_across_time_in_the_text(full_corpus):
    manifest = full_corpus[0]
    texts = {a["url"]: a for a in manifest.articles}
    by_figure: dict[str, list[str]] = {}
    for f in manifest.ground_truth["figures"]:
        by_figure.setdefault(f["figure"], []).append(f["published_at"])
    first = {k: min(_iso(v) for v in vals) for k, vals in by_figure.items()}
    assert first["figure:8+"] < first["figure:12/30"] < first["figure:16/34"] < first["figure:17/34"]
    seventeen = [f["url"] for f in manifest.ground_truth["figures"] if f["figure"] == "figure:17/34"]
    assert len(seventeen) == 1 and texts[seventeen[0]]["language"] == "ru"
    assert any(f["figure"] == "figure:10-12" for f in manifest.ground_truth["figures"])


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_syndicated_copies_are_near_verbatim(small):
    import json

    lines = [json.loads(x) for x in (small.folder / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    text = {r["url"]: r["text"] for r in lines}
    groups = small.ground_truth["syndication"]
    sizes = sorted(len(v) for v in groups.values())
    assert sizes[-1] >= 8 and len(groups) == 2
    outlet = {a["url"]: a["outlet"] for a in small.articles}
    for original, copies in groups.items():
        assert len({outlet[c] for c in copies}) == len(copies)
        for copy in copies:
            assert _jaccard(text[original], text[copy]) >= 0.6, copy
            assert text[original] != text[copy]


def _jaccard(a: str, b: str, n: int = 3) -> float:
    def shingles(s: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", s.lower())
        return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_near_miss_and_passing_mentions_are_labelled_apart(small):
    gt = small.ground_truth
    about, near, passing = set(gt["about_main"]), set(gt["near_miss"]), set(gt["passing"])
    assert not about & near and not about & passing
    by_url = {a["url"]: a for a in small.articles}
    for url in near:
        assert _utc_date(by_url[url]["published_at"]) >= date(2025, 3, 24)
        assert by_url[url]["incident"] == "zorianivka-depot-fire" and "figure:1/4" in by_url[url]["facts"]
    assert len(passing) == 6 and all(_utc_date(by_url[u]["published_at"]) > date(2025, 3, 20) for u in passing)
    verkhnodar = gt["comparable"]["verkhnodar-market"]
    assert min(_utc_date(by_url[u]["published_at"]) for u in verkhnodar) == date(2025, 3, 16)


def test_collection_gap_is_planted(full_corpus):
    manifest = full_corpus[0]
    gap = manifest.ground_truth["collection_gap"]
    start, end = date.fromisoformat(gap["start"]), date.fromisoformat(gap["end"])
    assert (end - start).days + 1 >= 5
    days = Counter(_utc_date(a["published_at"]) for a in manifest.articles if a["outlet"] == gap["outlet"])
    assert all(days.get(start + timedelta(days=i), 0) == 0 for i in range((end - start).days + 1))
    before = [start - timedelta(days=i) for i in range(1, 15)]
    assert sum(1 for d in before if days.get(d, 0) > 0) >= 12  # it collects daily otherwise
    assert days.get(end + timedelta(days=1), 0) > 0  # and resumes


def test_warc_date_only_pages_exist(small):
    urls = set(small.ground_truth["warc_date_only"])
    assert len(urls) >= 5
    main = set(small.ground_truth["about_main"])
    assert urls & main
    for a in small.articles:
        if a["url"] in urls:
            assert a["channel"] == "warc" and not a["date_in_meta"] and a["crawled_at"] > ""


def test_manifest_roundtrip_and_paths(small):
    loaded = DemoManifest.load(small.folder)
    assert loaded.to_dict() == small.to_dict()
    assert loaded.path("warc").is_file() and loaded.path("html_dir").is_dir()
    assert set(loaded.urls("main")) == set(small.ground_truth["about_main"])


def test_refuses_a_foreign_folder_and_regenerates_its_own(tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(StoryradarError, match="not empty") as err:
        generate_corpus(foreign, scale=0.2)
    assert str(foreign) in str(err.value)
    demo = tmp_path / "demo"
    generate_corpus(demo, scale=0.2)
    stale = demo / "html" / "stale.example" / "old.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    generate_corpus(demo, scale=0.2)
    assert not stale.exists()
    with pytest.raises(StoryradarError, match="scale"):
        generate_corpus(tmp_path / "x", scale=0)
    with pytest.raises(StoryradarError, match="manifest"):
        DemoManifest.load(tmp_path / "nowhere")


def test_main_coverage_fades_faster_than_the_comparable_strikes(full_corpus):
    manifest = full_corpus[0]
    by_url = {a["url"]: a for a in manifest.articles}
    occurred = {name: datetime.fromisoformat(spec["occurred_at"]) for name, spec in manifest.incidents.items()}

    def lags_h(urls: list[str]) -> list[float]:
        return sorted((datetime.fromisoformat(by_url[u]["published_at"]) - occurred[by_url[u]["incident"]])
                      .total_seconds() / 3600 for u in urls)

    burst = [x for x in lags_h(manifest.ground_truth["about_main"]) if x < 240]
    main_median = burst[len(burst) // 2]
    for name, urls in manifest.ground_truth["comparable"].items():
        lags = lags_h(urls)
        assert lags[len(lags) // 2] > 2 * main_median, name
