"""Calendar and incident CSVs: dates, zones, and errors that name the file and the row."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from storyradar.correlate import CorrelateError, incidents_from_store, read_calendar, read_incident_days
from storyradar.model import Incident, Place
from storyradar.timeutil import parse_time


def test_read_calendar_dates_datetimes_and_zones(tmp_path):
    p = tmp_path / "cal.csv"
    p.write_text("date,label,category,timezone\n"
                 "2024-01-10,Fictional summit,summit,\n"
                 "2024-03-05T23:30+00:00,Late vote,vote,\n"
                 "2024-03-05T23:30,Vote in a zone,vote,Europe/Kyiv\n"
                 ",,,\n"
                 "2024-05-20,Envoy visit,,\n", encoding="utf-8")
    ev = read_calendar(p)
    assert [e.day for e in ev] == [date(2024, 1, 10), date(2024, 3, 5), date(2024, 3, 5), date(2024, 5, 20)]
    assert ev[2].at_utc == datetime(2024, 3, 5, 21, 30, tzinfo=UTC)
    assert ev[2].offset_min == 120
    assert ev[3].category == "event"


def test_errors_name_file_and_row(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("date,label\n2024-01-10,ok\n2024-01-11T10:00,no zone\n", encoding="utf-8")
    with pytest.raises(CorrelateError) as exc:
        read_calendar(p)
    assert str(exc.value).startswith(f"{p} @ row 3: date 2024-01-11T10:00:00 has no time zone")
    p.write_text("date,label\n2024-13-40,bad\n", encoding="utf-8")
    with pytest.raises(CorrelateError, match=r"@ row 2: date '2024-13-40' is not an ISO 8601"):
        read_incident_days(p)
    p.write_text("when_it_was,label\n2024-01-01,x\n", encoding="utf-8")
    with pytest.raises(CorrelateError, match="no date column"):
        read_calendar(p)
    with pytest.raises(CorrelateError, match="cannot read"):
        read_calendar(tmp_path / "missing.csv")


def test_incidents_local_day_from_csv_and_store(tmp_path, store):
    p = tmp_path / "inc.csv"
    p.write_text("datetime,label\n2024-02-01T01:30+03:00,early strike\n", encoding="utf-8")
    [inc] = read_incident_days(p)
    assert inc.day == date(2024, 2, 1)  # local day, though UTC is still 31 January
    with pytest.raises(CorrelateError, match="no incidents"):
        incidents_from_store(store)
    utc, off = parse_time("2024-02-01T01:30+03:00")
    store.save_incident(Incident("fictional", utc, Place("Fictionville", 48.5, 37.7), occurred_offset_min=off))
    [row] = incidents_from_store(store)
    assert row.day == date(2024, 2, 1) and row.label == "fictional"
