"""Origins on the demo's social sources plus a few news items: first hours, who said it first, naming, wiki history."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from storyradar.cli import main
from storyradar.demo.schedule import MAIN_AT
from storyradar.demo.social import CHANNEL, social_truth, tg_message, write_social, write_telegram_export
from storyradar.demo.specs import incident_specs
from storyradar.ingest import run_ingest
from storyradar.match import incident_from_mapping, run_match
from storyradar.model import Article
from storyradar.origins import first_hours, naming_analysis, section, who_said_first, wiki_history
from storyradar.store import Store


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("origins")
    files = write_social(folder)
    other = folder / "other" / "result.json"
    fwd = tg_message(77, MAIN_AT + timedelta(minutes=44), "Governor Ivan Koval said the Estovian army struck the "
                     "central market in Zorianivka with a missile.", forwarded_from=CHANNEL["name"])
    write_telegram_export(other, {"name": "Echo Channel", "type": "public_channel", "id": 9}, [fwd])
    store = Store(folder / "o.duckdb")
    run_ingest(store, [str(folder / files["telegram"])], workers=1, progress=False,
               options={"language": "en", "channel": "pivnichna_rma"})
    inputs = [str(other), str(folder / "social" / "video")] + [str(folder / p) for p in files["encyclopedia"]]
    run_ingest(store, inputs, workers=1, progress=False, options={"language": "en"})
    news = Article(url="https://news.example/a1", title="Market in Zorianivka hit by missile",
                   text="The regional channel wrote at https://t.me/pivnichna_rma/403 that the market in "
                        "Zorianivka was hit by a missile.", published_at=MAIN_AT + timedelta(minutes=70),
                   date_source="html-meta", outlet="news.example", language="en", source_kind="html")
    store.upsert_articles([news])
    incident = incident_from_mapping(incident_specs()["zorianivka-market"])
    store.save_incident(incident)
    run_match(store, incident)
    yield store, incident, folder
    store.close()


def test_first_hours_per_family_with_lags(world):
    store, incident, _ = world
    data = first_hours(store, incident, hours=3)
    lags = {f["family"]: f["lag_min"] for f in data["firsts"]}
    truth = social_truth()
    assert lags["posts"] == truth["channel_first_post_lag_min"]
    assert lags["video"] == truth["first_video_lag_min"]
    assert lags["news"] == 70.0
    assert lags["wikipedia"] == truth["encyclopedia_created_lag_min"]
    assert [f["family"] for f in data["firsts"]] == ["posts", "video", "news", "wikipedia"]
    assert {"family": "posts", "minute": 9, "items": 1} in data["minutes"]
    assert data["cumulative"][-1]["minute"] == 180


def test_who_said_first_with_forward_and_citation(world):
    store, incident, _ = world
    rows = {r["kind"]: r for r in who_said_first(store, incident)}
    blame = rows["blame"]
    assert blame["lag_min"] == social_truth()["channel_blame_lag_min"] and blame["source_kind"] == "telegram"
    assert blame["url"] == "https://t.me/pivnichna_rma/403" and blame["speaker"] == "Ivan Koval"
    assert blame["spread"]["forwards"] == ["https://t.me/c/9/77"]
    assert blame["spread"]["citations"] == ["https://news.example/a1"]
    assert "edited" in blame["note"]
    assert rows["figure"]["lag_min"] == 55.0 and rows["denial"]["lag_min"] == 300.0


def test_naming_shows_the_encyclopedia_spelling_change(world):
    store, incident, _ = world
    data = naming_analysis(store, incident)
    spellings = {s["spelling"] for s in data["spellings"]}
    assert {"Zorianivka", "Zoryanivka"} <= spellings
    change = [c for c in data["changes"] if c["who"] == "en.encyclopedia.example"]
    assert change and change[0]["from"] == "Zoryanivka" and change[0]["to"] == "Zorianivka"
    assert change[0]["url"].endswith("oldid=9005")


def test_wiki_history_creation_move_and_figures(world):
    store, incident, _ = world
    data = wiki_history(store, incident)
    truth = social_truth()
    assert data["first_language"] == truth["encyclopedia_first_language"]
    en = next(p for p in data["pages"] if p["language"] == "en")
    assert en["created_as"] == truth["encyclopedia_move"]["from"] and en["created_complete"]
    assert [(m["from"], m["to"]) for m in en["moves"]] == [tuple(truth["encyclopedia_move"].values())]
    killed = [r["killed"] for r in en["timeline"] if "killed" in r["changed"]]
    assert killed == ["≥8 killed", "≥12 killed", "16 killed"]
    assert any(r["responsible"] == "Estovian" for r in en["timeline"])


def test_section_and_cli(world, capsys):
    store, incident, _ = world
    sec = section(store, incident)
    assert sec is not None and sec.key == "origins"
    assert {"first_hours", "naming"} <= set(sec.charts)
    assert any(line.startswith("First blame claim") for line in sec.summary)
    assert sec.tables["wiki_facts"] and sec.tables["first_claims"]
    code = main(["origins", incident.name, "--db", store.path, "--json", "--hours", "2"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["hours"] == 2 and out["first_claims"][0]["kind"] == "blame"
    assert main(["naming", incident.name, "--db", store.path]) == 0
    assert "Zoryanivka → Zorianivka" in capsys.readouterr().out
    assert main(["wiki-history", incident.name, "--db", store.path]) == 0
    assert "renamed" in capsys.readouterr().out
