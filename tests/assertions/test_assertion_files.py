"""Assertion files, one-line assertions, validation errors, stored results, the report section and the CLI."""

from __future__ import annotations

import json

import pytest
from assertions_corpus import corpus_fixture, gapped_fixture  # noqa: F401 - fixtures "corpus", "gapped"

from storyradar.assertions import (
    KINDS,
    AssertionError_,
    check_file,
    load_file,
    parse_inline,
    section,
    stored_results,
)
from storyradar.cli import main

FILE = """\
incident = "market"
calendar = "calendar.csv"

[[assertion]]
label = "After the second day nobody reported on it any more"
kind = "coverage_stopped"
after = 2025-03-16

[[assertion]]
label = "Nobody in Ukrainian or English wrote about it after 16 March"
kind = "coverage_stopped"
after = "2025-03-16"
language = ["uk", "en"]

[[assertion]]
label = "The accusations came within the hour"
kind = "first_claim_within"
claim = "blame"
within = "1h"

[[assertion]]
label = "Blame came before any evidence"
kind = "claims_before_evidence"
claim = "blame"

[[assertion]]
label = "The figures were 16 or 17"
kind = "figures"
figure = "killed"
values = [16, 17]

[[assertion]]
label = "No finding by the end of March"
kind = "no_finding_by"
by = 2025-03-31

[[assertion]]
label = "It happened during a diplomatic visit"
kind = "coincides_with"
category = "visit"
within_days = 1
permutations = 100
"""

CALENDAR = "date,label,category\n2025-03-15,Foreign minister visit,visit\n2025-05-20,Summit,summit\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "calendar.csv").write_text(CALENDAR, encoding="utf-8")
    path = tmp_path / "assertions.toml"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_load_file_validates_and_keeps_settings(files):
    assertions, settings = load_file(files)
    assert [a.kind for a in assertions] == ["coverage_stopped", "coverage_stopped", "first_claim_within",
                                            "claims_before_evidence", "figures", "no_finding_by", "coincides_with"]
    assert settings == {"incident": "market", "calendar": "calendar.csv"}
    assert assertions[0].params == {"after": "2025-03-16", "max_articles": 0, "min_days": 7, "relation": "any"}
    assert assertions[1].params["language"] == ["uk", "en"]
    assert assertions[4].params["values"] == [16, 17]
    assert assertions[2].origin.endswith("assertions.toml @ assertion 3 (The accusations came within the hour)")
    assert set(KINDS) == {"coverage_stopped", "first_claim_within", "claims_before_evidence", "figures",
                          "no_finding_by", "coincides_with", "dropped_faster_than"}


@pytest.mark.parametrize(("text", "message"), [
    ('[[assertion]]\nkind = "coverage_stoped"\nafter = 2025-03-16\n', "unknown assertion kind 'coverage_stoped'"),
    ('[[assertion]]\nkind = "coverage_stopped"\nafer = 2025-03-16\n', "unknown parameter 'afer'"),
    ('[[assertion]]\nkind = "coverage_stopped"\n', "parameter 'after' is required"),
    ('[[assertion]]\nkind = "coverage_stopped"\nafter = "16 March"\n', "parameter 'after'"),
    ('[[assertion]]\nkind = "coverage_stopped"\nafter = 2025-03-16T10:00:00\n', "has no time zone"),
    ('[[assertion]]\nkind = "figures"\nvalues = ["sixteen"]\n', "'sixteen' is not a whole number"),
    ('[[assertion]]\nkind = "figures"\nvalues = [16]\nmode = "most"\n', "'most' is not one of all, final, any"),
    ('[[assertion]]\nkind = "first_claim_within"\nclaim = "blame"\nwithin = "soon"\n', "not like 15m"),
    ('[[assertion]]\nafter = 2025-03-16\n', "assertion has no 'kind'"),
    ('[[statement]]\nkind = "figures"\n', "unknown top-level key 'statement'"),
    ('title = "x"\n', "no assertions found"),
    ('[[assertion]\n', "not valid TOML"),
])
def test_errors_name_the_file_and_the_assertion(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssertionError_) as err:
        load_file(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    if "assertion 1" in str(err.value):
        assert str(err.value).startswith(f"{path} @ assertion 1")


def test_inline_assertions():
    a = parse_inline('coverage_stopped after=2025-03-17 language=uk,ru label="nobody wrote after day 3"')
    assert a.kind == "coverage_stopped" and a.label == "nobody wrote after day 3"
    assert a.params["language"] == ["uk", "ru"]
    with pytest.raises(AssertionError_, match="expected key=value, got 'after'"):
        parse_inline("coverage_stopped after")
    with pytest.raises(AssertionError_, match=r"--assert: unknown assertion kind 'nope'"):
        parse_inline("nope x=1")


def test_check_file_stores_results_and_the_section_shows_them(corpus, files):
    store, inc = corpus
    results = check_file(store, inc, files)
    verdicts = [r.verdict.verdict for r in results]
    assert verdicts == ["contradicted", "supported", "supported", "supported", "contradicted", "supported",
                        "supported"]
    stored = stored_results(store, inc)
    assert [r["verdict"] for r in stored] == verdicts
    assert stored[0]["items"][0]["outlet"] == "late.example"
    assert stored[0]["tables"]["by_day_and_outlet"][0]["articles"] == 2
    # re-checking the same statements replaces them, it does not add rows
    check_file(store, inc, files)
    assert len(stored_results(store, inc)) == 7
    sec = section(store, inc)
    assert sec.title == "Statements tested"
    assert sec.summary[0] == ("7 statements were tested against this corpus: 5 supported by this corpus, "
                              "2 contradicted by this corpus, 0 not decidable from this corpus.")
    rows = sec.tables["statements"]
    assert rows[4]["statement"] == "The figures were 16 or 17"
    assert rows[4]["verdict"] == "contradicted by this corpus"
    assert "differs: 1" in rows[4]["figures"]
    figure_items = [i for i in sec.tables["deciding_items"] if i["n"] == 5]
    assert [i["figure"] for i in figure_items] == ["at least 12", "15", "16", "17"]
    assert len([t for t in sec.tables["thresholds"] if t["n"] == 1]) == 3


def test_gap_makes_a_statement_not_decidable_in_the_report(gapped, files, tmp_path):
    from storyradar.report.build import build_report

    store, inc = gapped
    check_file(store, inc, files)
    sec = section(store, inc)
    assert sec.tables["statements"][1]["verdict"] == "not decidable from this corpus"
    assert any("Days the corpus does not cover for statement 2: 2025-03-26, 2025-03-27, 2025-03-28" in s
               for s in sec.summary)
    html = build_report(store, inc, tmp_path / "report").read_text(encoding="utf-8")
    assert "Statements tested" in html
    assert "not decidable from this corpus" in html
    assert (tmp_path / "report" / "tables" / "assertions_statements.csv").exists()


def test_section_is_none_without_results(corpus):
    store, inc = corpus
    assert section(store, inc) is None


def test_results_survive_parquet_export(corpus, files, tmp_path):
    from storyradar.store import Store

    store, inc = corpus
    check_file(store, inc, files)
    counts = store.export_parquet(tmp_path / "pq")
    assert counts["assertion_results"] == 7
    other = Store(tmp_path / "other.duckdb")
    try:
        assert other.import_parquet(tmp_path / "pq")["assertion_results"] == 7
        assert [r["verdict"] for r in stored_results(other, inc)][0] == "contradicted"
    finally:
        other.close()


def test_cli_check(corpus, files, capsys):
    store, inc = corpus
    db = store.path
    store.close()
    code = main(["check", "market", "--assertions", str(files), "--db", db, "--json",
                 "--assert", "figures values=15,16,17 mode=final"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 8
    assert data[-1]["origin"] == "--assert 1" and data[-1]["verdict"] == "supported"
    assert data[0]["verdict_words"] == "contradicted by this corpus"
    code = main(["check", "market", "--db", db, "--assert", "coverage_stopped after=2025-03-16 language=en,uk"])
    out = capsys.readouterr().out
    assert code == 0
    assert "supported by this corpus" in out and "0 matched articles (language en, uk)" in out
    assert main(["check", "market", "--db", db, "--assert", "coverage_stopped afer=2025-03-16"]) == 2
    assert "--assert 1: coverage_stopped: unknown parameter 'afer'" in capsys.readouterr().err
    assert main(["check", "market", "--db", db]) == 2
    assert "give --assertions FILE" in capsys.readouterr().err
    assert main(["check", "market", "--db", db, "--assert", "coincides_with category=visit"]) == 2
    assert "needs a calendar" in capsys.readouterr().err
    assert main(["check-kinds"]) == 0
    assert "coverage_stopped — No more than max_articles" in capsys.readouterr().out


def test_other_spellings_and_expected_verdicts(corpus, tmp_path):
    store, inc = corpus
    path = tmp_path / "demo.toml"
    path.write_text(
        '[[assertions]]\nid = "blame-within-hour"\nkind = "first_claim_within"\nclaim_kind = "blame"\nwithin = "1h"\n'
        'expected = "supported"\nexpected_because = "the governor spoke after 40 minutes"\n\n'
        '[[assertions]]\nid = "late-outlet"\nkind = "coverage_stopped"\nafter = "2025-03-16"\n'
        'outlets = ["late.example"]\nexpected = "not_decidable"\n', encoding="utf-8")
    results = check_file(store, inc, path, save=False)
    first, second = (r.to_dict() for r in results)
    assert first["label"] == "blame-within-hour" and first["params"]["claim"] == "blame"
    assert first["expected"] == "supported" and first["as_expected"] is True
    assert second["params"]["outlet"] == ["late.example"]
    assert second["verdict"] == "contradicted" and second["expected"] == "not decidable"
    assert second["as_expected"] is False
    path.write_text('[[assertion]]\nkind = "figures"\nvalues = [1]\nfigure = "killed"\nfigure_kind = "killed"\n',
                    encoding="utf-8")
    with pytest.raises(AssertionError_, match="give 'figure' or 'figure_kind', not both"):
        load_file(path)
