"""Claims for an incident: stored idempotently, lag, merged carriers, blame/figures tables, section, CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from storyradar.claims import (
    blame_summary,
    figure_rows,
    figures_discrepancy,
    first_by_kind,
    format_lag,
    load_claims,
    merge_claims,
    run_claims,
    section,
    speakers_by_first,
)
from storyradar.cli import app
from storyradar.model import Article, Incident, Match, Place

T0 = datetime(2031, 5, 4, 9, 30, tzinfo=UTC)

ARTICLES = [
    ("https://north-news.example/a1", "north-news.example", "en", 2.25,
     "“This was a deliberate strike on civilians,” said Regional Governor Ivan Koval. "
     "Koval said a Norland missile hit the market. "
     "According to emergency services, at least 12 people were killed and 30 injured."),
    ("https://east-post.example/b1", "east-post.example", "en", 3.0,
     "“This was a deliberate strike on civilians,” said Regional Governor Ivan Koval. "
     "Koval said a Norland missile hit the market."),
    ("https://river-daily.example/c1", "river-daily.example", "en", 9.0,
     "The Ministry of Defence of Norland denied any involvement, calling the claims “fabricated”. "
     "According to emergency services, 16 people were killed and 41 injured."),
    ("https://stadt.example/d1", "stadt.example", "de", 10.0,
     "Laut den Rettungsdiensten wurden mindestens sechzehn Menschen getötet."),
    ("https://late-wire.example/e1", "late-wire.example", "en", 24 * 40,
     "Investigators from the Joint Inquiry Commission concluded that the missile was launched from the "
     "north-east."),
]


@pytest.fixture
def incident(store):
    inc = Incident(name="market-strike", occurred_at=T0, place=Place(name="Testtown"), occurred_offset_min=180)
    store.save_incident(inc)
    arts = [Article(url=u, outlet=o, language=lang, text=t, published_at=T0 + timedelta(hours=h),
                    published_offset_min=120) for u, o, lang, h, t in ARTICLES]
    store.upsert_articles(arts)
    store.replace_matches(inc.id, [Match(inc.id, a.id, 1.0, "about") for a in arts])
    return inc


def test_run_is_idempotent_and_stores_lag(store, incident):
    first = run_claims(store, incident)
    assert first.articles == 5 and first.claims > 0
    assert first.by_kind["blame"] == 2 and first.by_kind["denial"] == 1 and first.by_kind["finding"] == 1
    ids1 = sorted(r["id"] for r in store.query("SELECT id FROM claims"))
    second = run_claims(store, incident)
    ids2 = sorted(r["id"] for r in store.query("SELECT id FROM claims"))
    assert ids1 == ids2 and second.claims == first.claims
    rows = load_claims(store, incident)
    assert rows[0]["lag"] == timedelta(hours=2, minutes=15)
    assert rows[0]["published_at"] == T0 + timedelta(hours=2, minutes=15)
    assert rows[0]["extras"]["published_offset_min"] == 120
    assert format_lag(rows[0]["lag"]) == "+2h15m"
    finding = load_claims(store, incident, kind="finding")
    assert len(finding) == 1 and format_lag(finding[0]["lag"]) == "+40d"


def test_merge_blame_figures(store, incident):
    run_claims(store, incident)
    rows = load_claims(store, incident)
    merged = merge_claims(rows)
    quote = [m for m in merged if m["kind"] == "statement" and m["speaker"] == "Ivan Koval"]
    assert len(quote) == 1 and quote[0]["n_outlets"] == 2
    assert quote[0]["outlets"] == ["north-news.example", "east-post.example"]
    firsts = first_by_kind(merged)
    assert firsts["blame"]["target_norm"] == "Norland" and format_lag(firsts["blame"]["first_lag"]) == "+2h15m"
    blame = blame_summary(merged)
    # "Koval" is the same person as "Ivan Koval" quoted in the same articles: one speaker
    assert blame == [{"speaker": "Ivan Koval", "blamed": "Norland", "as_written": "Norland missile",
                      "first_at": T0 + timedelta(hours=2, minutes=15), "first_lag": "+2h15m",
                      "first_outlet": "north-news.example", "claims": 1, "outlets": 2, "hedged": False,
                      "forms": "Norland missile"}]
    figs = figure_rows(rows)
    killed = [(f["source"], f["figure"], f["change"]) for f in figs if f["kind"] == "killed"]
    assert killed == [("emergency services", "≥12 killed", "first"), ("emergency services", "16 killed", "up from 12"),
                      ("Rettungsdiensten", "≥16 killed", "first")]
    table = figures_discrepancy(figs)
    es = next(t for t in table if t["kind"] == "killed" and t["source"] == "emergency services")
    assert (es["first"], es["latest"], es["changes"], es["first_lag"]) == ("≥12 killed", "16 killed", 1, "+2h15m")
    ranked = speakers_by_first(merged)
    assert ranked[0]["speaker"] == "Ivan Koval" and ranked[-1]["speaker"].startswith("Investigators")


def test_section_is_neutral_and_complete(store, incident):
    sec = section(store, incident)
    text = " ".join(sec.summary)
    assert "Earliest attribution of responsibility" in text and "+2h15m" in text and "Norland" in text
    assert "Denials: 1" in text and "Investigative finding" in text and "+40d" in text
    assert "killed figures range from 12 to 16" in text
    assert set(sec.tables) >= {"timeline", "blame", "figures", "speakers"}
    assert set(sec.charts) == {"timeline", "figures"}
    spec = sec.charts["timeline"].to_dict()
    assert spec["encoding"]["color"]["field"] == "kind" and spec["encoding"]["x"]["field"] == "hours"
    for word in ("regime", "terrorist", "false flag", "guilty", "lied"):
        assert word not in text.lower()


def test_cli_table_json_and_kind(store, incident, tmp_path):
    db = store.path
    store.close()
    runner = CliRunner()
    res = runner.invoke(app, ["claims", "market-strike", "--db", db, "--json", "--kind", "blame"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["extracted"]["claims"] > 0
    assert [(c["speaker"], c["target_norm"], c["lag"], c["n_outlets"]) for c in data["claims"]] == [
        ("Ivan Koval", "Norland", "+2h15m", 2)]
    res = runner.invoke(app, ["claims", "market-strike", "--db", db], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "+2h15m" in res.output and "denial" in res.output and "Ivan Koval" in res.output
    res = runner.invoke(app, ["claims", "market-strike", "--db", db, "--kind", "nonsense"])
    assert res.exit_code != 0


def test_bad_lexicon_fails_before_replacing_claims(store, incident, tmp_path):
    from storyradar.errors import StoryradarError

    first = run_claims(store, incident)
    bad = tmp_path / "bad.toml"
    bad.write_text("[en\n", encoding="utf-8")
    with pytest.raises(StoryradarError, match="bad.toml"):
        run_claims(store, incident, lexicon_path=str(bad))
    assert len(load_claims(store, incident)) == first.claims
