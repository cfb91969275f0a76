"""Times are data: offsets kept, naive times refused, DST gaps and repeats refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storyradar.errors import TimeError
from storyradar.timeutil import parse_duration, parse_time, with_offset, zone


def test_offset_is_kept_and_time_is_utc():
    utc, offset = parse_time("2025-03-14T11:05+02:00")
    assert utc == datetime(2025, 3, 14, 9, 5, tzinfo=UTC) and offset == 120
    assert with_offset(utc, offset) == "2025-03-14T11:05:00+02:00"


def test_naive_time_needs_a_zone():
    with pytest.raises(TimeError, match="no time zone"):
        parse_time("2025-03-14T11:05")
    utc, offset = parse_time("2025-03-14T11:05", assume=zone("Europe/Kyiv"))
    assert utc.hour == 9 and offset == 120


@pytest.mark.parametrize(("text", "message"), [
    ("2025-03-30T03:30", "does not exist"),  # Kyiv springs forward at 03:00 → 04:00
    ("2025-10-26T03:30", "occurs twice"),  # and falls back at 04:00 → 03:00
])
def test_daylight_saving_gaps_and_repeats_are_refused(text, message):
    with pytest.raises(TimeError, match=message):
        parse_time(text, assume=zone("Europe/Kyiv"))


def test_out_of_range_and_durations():
    with pytest.raises(TimeError, match="out of the accepted range"):
        parse_time("1890-01-01T00:00Z")
    assert parse_duration("15m").total_seconds() == 900
    assert parse_duration("2h").total_seconds() == 7200
    with pytest.raises(TimeError):
        parse_duration("soon")
