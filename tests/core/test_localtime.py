"""Parsing typed times, local day bounds across DST, and short duration text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.time.local_time import (
    day_bounds,
    format_duration,
    in_zone,
    local_date,
    parse_date,
    parse_time,
    start_of_day,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- parse_time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-29T21:30+02:00", utc(2026, 3, 29, 19, 30)),
        ("2026-03-29T21:30:15-05:00", utc(2026, 3, 30, 2, 30, 15)),
        ("2026-03-29T21:30Z", utc(2026, 3, 29, 21, 30)),
        ("2026-03-29T21:30:00+00:00", utc(2026, 3, 29, 21, 30)),
    ],
)
def test_parse_time_with_offset_ignores_the_zone(text: str, expected: datetime) -> None:
    # The offset the user typed wins over the zone they are in.
    parsed = parse_time(text, NOW, NEW_YORK)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        # Berlin is UTC+2 in summer, UTC+1 in winter.
        ("2026-03-29T21:30", BERLIN, utc(2026, 3, 29, 19, 30)),
        ("2026-03-28 21:30", BERLIN, utc(2026, 3, 28, 20, 30)),
        ("2026-07-01T09:00", NEW_YORK, utc(2026, 7, 1, 13, 0)),
        ("2026-01-15T09:00", NEW_YORK, utc(2026, 1, 15, 14, 0)),
        ("2026-03-29", BERLIN, utc(2026, 3, 28, 23, 0)),
        ("2026-03-29T21:30", "UTC", utc(2026, 3, 29, 21, 30)),
    ],
)
def test_parse_time_without_offset_is_local_wall_time(
    text: str, zone: str, expected: datetime
) -> None:
    assert parse_time(text, NOW, zone) == expected


def test_bare_time_of_day_means_today_in_the_zone() -> None:
    now = utc(2026, 7, 1, 10, 0)  # 12:00 in Berlin
    assert parse_time("21:30", now, BERLIN) == utc(2026, 7, 1, 19, 30)
    assert parse_time(" 08:05 ", now, BERLIN) == utc(2026, 7, 1, 6, 5)


def test_bare_time_uses_the_local_date_not_the_utc_date() -> None:
    # 23:30 UTC on 29 March is already 30 March in Berlin (UTC+2) but still 29 March in New York.
    now = utc(2026, 3, 29, 23, 30)
    assert parse_time("00:15", now, BERLIN) == utc(2026, 3, 29, 22, 15)
    assert parse_time("09:00", now, NEW_YORK) == utc(2026, 3, 29, 13, 0)


def test_nonexistent_spring_forward_time_is_refused_naming_the_field() -> None:
    # Berlin skips 02:00-03:00 on 2026-03-29.
    with pytest.raises(ValidationError) as caught:
        parse_time("2026-03-29T02:30", NOW, BERLIN, field="at")
    assert caught.value.field == "at"
    assert "does not exist" in caught.value.message
    assert str(caught.value).startswith("at:")


def test_nonexistent_new_york_time_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time("2026-03-08T02:15", NOW, NEW_YORK, field="start")
    assert caught.value.field == "start"


def test_bare_time_skipped_today_is_refused() -> None:
    on_the_jump_day = utc(2026, 3, 29, 10, 0)
    with pytest.raises(ValidationError) as caught:
        parse_time("02:30", on_the_jump_day, BERLIN, field="at")
    assert caught.value.field == "at"


def test_times_next_to_the_gap_are_accepted() -> None:
    assert parse_time("2026-03-29T01:59", NOW, BERLIN) == utc(2026, 3, 29, 0, 59)
    assert parse_time("2026-03-29T03:00", NOW, BERLIN) == utc(2026, 3, 29, 1, 0)


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        # 02:30 happens twice in Berlin on 2026-10-25: first at +02:00, then at +01:00.
        ("2026-10-25T02:30", BERLIN, utc(2026, 10, 25, 0, 30)),
        # 01:30 happens twice in New York on 2026-11-01: first at -04:00, then at -05:00.
        ("2026-11-01T01:30", NEW_YORK, utc(2026, 11, 1, 5, 30)),
    ],
)
def test_ambiguous_fall_back_time_means_its_first_occurrence(
    text: str, zone: str, expected: datetime
) -> None:
    assert parse_time(text, NOW, zone) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "yesterday",
        "tomorrow 9am",
        "25:00",
        "21:61",
        "2026-13-01T10:00",
        "2026-02-30T10:00",
        "2026/03/29 10:00",
        "21:30+02:00",  # a time of day with an offset has no date to hang on
        "T",
    ],
)
def test_garbage_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time(text, NOW, BERLIN, field="at")
    assert caught.value.field == "at"


def test_parse_time_default_field_name() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time("nope", NOW, BERLIN)
    assert caught.value.field == "time"


@given(
    instant=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2036, 11, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from([BERLIN, NEW_YORK, "Australia/Sydney", "Asia/Kolkata", "UTC"]),
)
def test_parse_time_round_trips_wall_time_with_offset(instant: datetime, zone: str) -> None:
    # What the CLI prints (local time with offset) reads back as the same instant.
    text = in_zone(instant, zone).isoformat()
    assert parse_time(text, NOW, BERLIN) == instant


# --- parse_date ---------------------------------------------------------------------------


def test_parse_date() -> None:
    assert parse_date("2026-03-29") == date(2026, 3, 29)
    assert parse_date(" 2026-10-25 ") == date(2026, 10, 25)


@pytest.mark.parametrize("text", ["", "29.03.2026", "2026-02-30", "march", "2026-03-29T10:00"])
def test_parse_date_refuses_non_dates(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, field="from")
    assert caught.value.field == "from"


# --- day bounds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "zone", "start", "hours"),
    [
        (date(2026, 3, 29), BERLIN, utc(2026, 3, 28, 23, 0), 23),
        (date(2026, 10, 25), BERLIN, utc(2026, 10, 24, 22, 0), 25),
        (date(2026, 6, 1), BERLIN, utc(2026, 5, 31, 22, 0), 24),
        (date(2026, 3, 8), NEW_YORK, utc(2026, 3, 8, 5, 0), 23),
        (date(2026, 11, 1), NEW_YORK, utc(2026, 11, 1, 4, 0), 25),
        (date(2026, 1, 15), NEW_YORK, utc(2026, 1, 15, 5, 0), 24),
        # Havana skips midnight itself on 2026-03-08: the day begins at 01:00 (-04:00).
        (date(2026, 3, 8), "America/Havana", utc(2026, 3, 8, 5, 0), 23),
    ],
)
def test_day_bounds_across_dst(day: date, zone: str, start: datetime, hours: int) -> None:
    first, after = day_bounds(day, zone)
    assert first == start
    assert after - first == timedelta(hours=hours)
    assert local_date(first, zone) == day
    assert local_date(after - timedelta(microseconds=1), zone) == day
    assert local_date(after, zone) == day + timedelta(days=1)


_ZONES = [
    BERLIN,
    NEW_YORK,
    "America/Havana",
    "America/Santiago",
    "Asia/Beirut",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "UTC",
]


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2037, 12, 31)),
    zone=st.sampled_from(_ZONES),
)
def test_day_bounds_cover_exactly_the_local_day(day: date, zone: str) -> None:
    first, after = day_bounds(day, zone)
    assert first.tzinfo is not None
    assert local_date(first, zone) == day
    assert local_date(first - timedelta(microseconds=1), zone) == day - timedelta(days=1)
    assert local_date(after - timedelta(microseconds=1), zone) == day
    assert timedelta(hours=23) <= after - first <= timedelta(hours=25)
    assert start_of_day(day + timedelta(days=1), zone) == after


def test_local_date_and_in_zone() -> None:
    instant = utc(2026, 3, 28, 23, 30)
    assert local_date(instant, BERLIN) == date(2026, 3, 29)
    assert local_date(instant, NEW_YORK) == date(2026, 3, 28)
    assert in_zone(instant, BERLIN).utcoffset() == timedelta(hours=1)
    assert in_zone(instant, BERLIN).tzinfo == ZoneInfo(BERLIN)


# --- format_duration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "0 min"),
        (timedelta(seconds=59), "0 min"),
        (timedelta(minutes=1), "1 min"),
        (timedelta(minutes=45), "45 min"),
        (timedelta(minutes=59, seconds=59), "59 min"),
        (timedelta(hours=1), "1 h 00 min"),
        (timedelta(hours=2, minutes=5), "2 h 05 min"),
        (timedelta(hours=7), "7 h 00 min"),
        (timedelta(hours=25, minutes=30), "25 h 30 min"),
        (timedelta(minutes=-5), "0 min"),
    ],
)
def test_format_duration(delta: timedelta, text: str) -> None:
    assert format_duration(delta) == text


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T23:59-14:00",  # accepted once, after which listing pings failed forever
        "0001-01-01T00:00+14:00",  # no UTC form at all
        "9999-12-31T23:59-14:00",
        "1969-12-31T23:59Z",
        "2037-01-01T00:00Z",  # more than ten years after the clock's now (2026)
    ],
)
def test_times_outside_1970_to_ten_years_ahead_are_refused(text: str) -> None:
    now = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        parse_time(text, now, "Europe/Berlin", "at")
    assert refused.value.field == "at"
    assert "between 1970 and ten years from now" in refused.value.message


def test_the_edges_of_the_range_are_accepted() -> None:
    now = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
    assert parse_time("1970-01-01T00:00Z", now, "UTC") == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_time("2036-11-01T00:00Z", now, "UTC").year == 2036


def test_dates_are_bounded_when_today_is_given() -> None:
    today = date(2026, 11, 15)
    assert parse_date("1970-01-01", "from", today) == date(1970, 1, 1)
    for text in ("0001-01-01", "1969-12-31", "9999-12-31"):
        with pytest.raises(ValidationError, match="between 1970 and ten years from now"):
            parse_date(text, "from", today)
