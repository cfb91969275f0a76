"""The claims layer on a small generated demo corpus (scale 0.2): first claims against the planted ground
truth, one speaker across languages, blame targets that are actors, and a readable timeline chart."""

from datetime import timedelta

import pytest

from storyradar.claims import blame_summary, figure_rows, first_by_kind, load_claims, merge_claims, run_claims
from storyradar.claims.analysis import OUTLET_TEXT, timeline_chart, timeline_data, top_speakers


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from storyradar.demo import generate_corpus
    from storyradar.demo.pipeline import _ingest_inputs
    from storyradar.ingest import run_ingest
    from storyradar.match import load_incident_toml, run_match
    from storyradar.store import Store

    root = tmp_path_factory.mktemp("claims-demo")
    manifest = generate_corpus(root / "corpus", seed=7, scale=0.2)
    store = Store(root / "demo.duckdb")
    run_ingest(store, _ingest_inputs(manifest), workers=1, progress=False)
    incident = load_incident_toml(root / "corpus" / manifest.files["incidents"][manifest.main_incident])
    store.save_incident(incident)
    run_match(store, incident)
    run_claims(store, incident)
    rows = load_claims(store, incident)
    yield manifest, rows, merge_claims(rows)
    store.close()


def _minutes(m):
    return m["first_lag"].total_seconds() / 60


def test_first_claims_match_the_planted_ones(demo):
    manifest, _rows, merged = demo
    truth = manifest.ground_truth["first_claims"]
    firsts = first_by_kind(merged)
    assert abs(_minutes(firsts["blame"]) - truth["blame"]["lag_minutes"]) < 1
    assert firsts["blame"]["speaker"] == "Ivan Koval"
    assert firsts["blame"]["first_outlet"] == truth["blame"]["outlet"]
    assert abs(_minutes(firsts["denial"]) - truth["denial"]["lag_minutes"]) < 1
    assert "Эстовской Федерации" in firsts["denial"]["speaker"] or "Estovian" in firsts["denial"]["speaker"]
    assert abs(_minutes(firsts["investigation"]) - truth["call"]["lag_minutes"]) < 1
    assert firsts["investigation"]["speaker"] == "Elena Sauer"
    assert abs(_minutes(firsts["finding"]) - truth["finding"]["lag_minutes"]) < 1
    assert "Joint Inquiry Commission" in firsts["finding"]["speaker"]


def test_blame_table_names_actors_only(demo):
    manifest, _rows, merged = demo
    blame = {(b["speaker"], b["blamed"]): b for b in blame_summary(merged)}
    koval = blame[("Ivan Koval", "Estovian Federation")]
    assert koval["first_lag"] == "+43m"
    # one row for his accusation in every language, whichever script and case it was written in
    assert {"Естовської Федерації", "Эстовскую Федерацию", "Federację Estowską"} & set(koval["forms"].split(" | "))
    counter = blame[("Arkady Ternov", "Norland (air defence / misfire)")]
    assert abs(counter["first_at"] - manifest_time(manifest, "counter")) < timedelta(minutes=1)
    assert {b for _, b in blame} <= {"Estovian Federation", "Norland (air defence / misfire)"}


def manifest_time(manifest, kind):
    from storyradar.timeutil import parse_time

    return parse_time(manifest.ground_truth["first_claims"][kind]["published_at"])[0]


def test_speaker_forms_merge_across_scripts(demo):
    _manifest, _rows, merged = demo
    forms = {f for m in merged if m["speaker"] == "Ivan Koval" for f in m["speaker_forms"]}
    assert {"Іван Коваль", "Иван Коваль"} <= forms
    speakers = {m["speaker"] for m in merged}
    assert not speakers & {"Іван Коваль", "Иван Коваль", "Iwan Kowal", "Koval"}


def test_figures_progress_as_planted(demo):
    _manifest, rows, _merged = demo
    killed = [f for f in figure_rows(rows) if f["kind"] == "killed" and f["source"] != OUTLET_TEXT]
    first_low = min(killed, key=lambda f: f["lag_h"])
    assert (first_low["low"], first_low["qualifier"]) == (8, "at-least")
    values = {(f["low"], f["high"]) for f in killed}
    assert {(10, 12), (12, 12), (16, 16), (17, 17)} <= values
    hospital = [f for f in killed if f["low"] == 17]
    assert all(f["lag_h"] > 24 for f in hospital)


def test_timeline_chart_is_readable(demo):
    _manifest, _rows, merged = demo
    speakers = top_speakers(merged, 25)
    assert len(speakers) <= 25
    assert {"Ivan Koval", "Arkady Ternov", "Elena Sauer"} <= set(speakers)
    assert any("Joint Inquiry Commission" in s for s in speakers)
    data, order, total = timeline_data(merged, 25)
    assert order == speakers and total >= len(speakers)
    attributed = [d for d in data if d["source"] == "attributed"]
    assert attributed and all(d["speaker"] in speakers for d in attributed)
    assert all(d["speaker"] == OUTLET_TEXT for d in data if d["source"] != "attributed")
    spec = timeline_chart(merged).to_dict()
    x = spec["vconcat"][0]["encoding"]["x"]
    assert x["scale"]["type"] == "symlog" and 72 in x["axis"]["values"]


def test_top_speakers_put_key_kinds_first():
    def m(speaker, kind, hours, outlets=1):
        return {"speaker": speaker, "kind": kind, "first_lag": timedelta(hours=hours), "n_outlets": outlets}

    merged = [m(f"witness {i}", "statement", 0.1 * i) for i in range(10)]
    merged += [m("late inquiry", "finding", 900), m("governor", "blame", 1), m(OUTLET_TEXT, "figure", 0)]
    assert top_speakers(merged, 2) == ["governor", "late inquiry"]  # key kinds before earlier statements
    assert top_speakers(merged, 4) == ["witness 0", "witness 1", "governor", "late inquiry"]  # ordered by time
