"""`storyradar correlate` in process: exact figures, JSON, plot, store input and saving."""

from __future__ import annotations

import json
from datetime import datetime

from typer.testing import CliRunner

from storyradar.cli import app, main
from storyradar.correlate import section
from storyradar.model import Incident, Place
from storyradar.store import Store

runner = CliRunner()

CALENDAR = ("date,label,category\n"
            "2024-01-10,Summit in a fictional capital,summit\n"
            "2024-03-05T10:00+02:00,Vote on a fictional bill,vote\n"
            "2024-05-20,Envoy visit,visit\n")
INCIDENTS = "date,label\n2024-01-11,A\n2024-02-01,B\n2024-03-06,C\n2024-04-02,D\n2024-06-30,E\n"


def _files(tmp_path):
    cal, inc = tmp_path / "calendar.csv", tmp_path / "incidents.csv"
    cal.write_text(CALENDAR, encoding="utf-8")
    inc.write_text(INCIDENTS, encoding="utf-8")
    return str(cal), str(inc)


def test_exact_output_and_plot(tmp_path):
    cal, inc = _files(tmp_path)
    svg = tmp_path / "series.svg"
    result = runner.invoke(app, ["correlate", "--incidents", inc, "--calendar", cal, "--window", "1",
                                 "--window", "3", "--plot", str(svg)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "5 incidents and 3 events, 2024-01-10 to 2024-06-30; null model: circular shifts of the incident "
        "series (172 permutations, seed 0)",
        "±1 d, all: 2 incidents near an event, 0.23 expected by chance; ratio 8.65 (95 % CI 0.00–19.22); "
        "p = 0.0231 (Holm 0.0462, Bonferroni 0.0462)",
        "±3 d, all: 2 incidents near an event, 0.52 expected by chance; ratio 3.84 (95 % CI 0.00–8.65); "
        "p = 0.0867 (Holm 0.0867, Bonferroni 0.1734)",
        "warning: only 5 incident(s): the test has little power and one or two incidents can swing the result; "
        "treat any p-value as indicative.",
        "warning: 2 tests were run (windows × categories); by chance alone at least one raw p-value below 0.05 "
        "is expected 10% of the time: read the Holm/Bonferroni adjusted p-values.",
        f"plot written to {svg}",
    ]
    assert svg.read_text().lstrip().startswith("<svg")


def test_json_from_store_and_save(tmp_path):
    cal, _ = _files(tmp_path)
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        for i, day in enumerate(["2024-01-11", "2024-03-06", "2024-04-02"]):
            store.save_incident(Incident(f"fictional-{i}", datetime.fromisoformat(day + "T10:00+00:00"),
                                         Place("Fictionville", 48.5, 37.7)))
    result = runner.invoke(app, ["correlate", "--from-store", "--calendar", cal, "--category", "vote",
                                 "--window", "2", "--json", "--db", db, "--incident", "fictional-1", "--save",
                                 "--measured-by", "analyst C"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [test] = data["tests"]
    assert (test["category"], test["window_days"], test["observed"]) == ("all", 2, 1)
    assert data["n_incidents"] == 3 and data["n_events"] == 1
    assert data["observation_id"]
    with Store(db) as store:
        sec = section(store, store.get_incident("fictional-1"))
    assert sec is not None and sec.key == "correlate"
    assert sec.tables["coincidence"][0]["observed"] == 1
    assert sec.tables["coincidence"][0]["measured_by"] == "analyst C"
    assert sec.summary[0].startswith("3 incidents against 1 calendar events")


def test_errors_are_one_line(tmp_path, capsys):
    cal, inc = _files(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,label\n2024-01-11T10:00,no zone\n", encoding="utf-8")
    assert main(["correlate", "--incidents", str(bad), "--calendar", cal]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{bad} @ row 2: date 2024-01-11T10:00:00 has no time zone" in err
    assert main(["correlate", "--calendar", cal]) == 2
    assert "exactly one of --incidents CSV or --from-store" in " ".join(capsys.readouterr().err.split())
