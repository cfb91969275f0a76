"""Matching on a small generated demo corpus (scale 0.3): precision and recall of "about" for all five
demo incidents against the manifest, the depot fire (same town, other incident) included, and the
passing mentions between the burst and the finding kept out of "about"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

#: Floors for every demo incident (measured 1.000 / 1.000 at scale 0.3 and 1.0; see docs/matching.md).
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def demo_matches(tmp_path_factory):
    from storyradar.demo import generate_corpus
    from storyradar.demo.pipeline import _ingest_inputs
    from storyradar.ingest import run_ingest
    from storyradar.match import load_incident_toml, run_match
    from storyradar.store import Store

    root = tmp_path_factory.mktemp("match-demo")
    manifest = generate_corpus(root / "corpus", seed=7, scale=0.3)
    store = Store(root / "demo.duckdb")
    run_ingest(store, _ingest_inputs(manifest), workers=1, progress=False)
    label = {store.find_article_id(a["url"]): a for a in manifest.articles}
    results = {}
    for name, rel in manifest.files["incidents"].items():
        inc = load_incident_toml(root / "corpus" / rel)
        store.save_incident(inc)
        run_match(store, inc)
        results[name] = {m.article_id: m for m in store.get_matches(inc.id)}
    yield manifest, label, results
    store.close()


def test_about_precision_recall_for_every_demo_incident(demo_matches):
    manifest, label, results = demo_matches
    assert len(results) == 5
    for name, matches in results.items():
        gold = {aid for aid, a in label.items() if a["incident"] == name and a["kind"] != "passing"}
        pred = {aid for aid, m in matches.items() if m.relation == "about" and aid in label}
        assert gold, name
        tp = len(gold & pred)
        wrong = sorted((label[a]["kind"], label[a]["title"]) for a in pred ^ gold)
        assert tp / len(pred) >= MIN_PRECISION, (name, wrong)
        assert tp / len(gold) >= MIN_RECALL, (name, wrong)


def test_depot_fire_is_found_in_every_language_and_excluded_from_the_market(demo_matches):
    manifest, label, results = demo_matches
    depot = {aid for aid, a in label.items() if a["incident"] == manifest.near_miss}
    langs = {label[a]["language"] for a in depot}
    assert "en" in langs and len(langs) >= 3, langs  # fire/depot words in several languages
    found = {aid for aid in depot if results[manifest.near_miss].get(aid) is not None
             and results[manifest.near_miss][aid].relation == "about"}
    assert found == depot
    market = results[manifest.main_incident]
    assert not [aid for aid in depot if aid in market and market[aid].relation in ("about", "passing")]


def test_only_passing_mentions_between_burst_and_finding(demo_matches):
    manifest, label, results = demo_matches
    # the burst's last day plus 3 days of tail, up to the finding: the planted "silence"
    start = datetime.fromisoformat(manifest.ground_truth["burst"]["end"] + "T00:00:00+00:00") + timedelta(days=3)
    finding = datetime.fromisoformat(manifest.ground_truth["wave"]["finding_at"])
    between = [(m.relation, label[aid]["kind"]) for aid, m in results[manifest.main_incident].items()
               if aid in label and start < datetime.fromisoformat(label[aid]["published_at"]) < finding
               and m.relation in ("about", "passing")]
    assert between, "the corpus plants passing mentions in the silence"
    assert all(rel == "passing" and kind == "passing" for rel, kind in between), between
