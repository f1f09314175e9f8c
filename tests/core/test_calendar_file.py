"""Reading real calendar exports (tests/data/calendars, see its README): what comes out of each,
times with their offsets, all-day days, moved, removed and cancelled occurrences, --match, and
the night shift across both changes of the clocks."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.calendar_file import CalendarEvent, CalendarRead, read_calendar

CALENDARS = Path(__file__).parent.parent / "data" / "calendars"


def read(
    file: str, first: date, last: date, zone: str = "Europe/Berlin", match: str | None = None
) -> CalendarRead:
    return read_calendar(CALENDARS / file, file, first=first, last=last, zone=zone, match=match)


def starts(events: list[CalendarEvent]) -> list[str]:
    return [e.start.isoformat() for e in events]


def test_the_files_are_kept_byte_for_byte() -> None:
    readme = (CALENDARS / "README.md").read_text(encoding="utf-8")
    listed = dict(
        (line.split()[1], line.split()[0])
        for line in readme.splitlines()
        if ".ics" in line and len(line.split()) == 2 and len(line.split()[0]) == 64
    )
    files = sorted(p.name for p in CALENDARS.glob("*.ics"))
    assert sorted(listed) == files
    for name in files:
        assert hashlib.sha256((CALENDARS / name).read_bytes()).hexdigest() == listed[name]


def test_outlook_all_day_series_moved_by_recurrence_ids_in_a_windows_zone() -> None:
    read_ = read(
        "outlook_exchange_bins_gmt_standard_time.ics",
        date(2020, 4, 1),
        date(2020, 5, 31),
        zone="Europe/London",
    )
    black = (
        "040000008200E00074C5B7101A82E00800000000017E1BADC42ED60100000000000000001000"
        "0000FBF1FBAE2E9FBC4D81F16854E2F4D51B"
    )
    bins = [(e.first_day.isoformat(), e.recurrence_id) for e in read_.events if e.uid == black]
    # Fortnightly on Thursdays; the 16 April and 28 May ones moved to the Friday.
    assert bins == [
        ("2020-04-02", "2020-04-02"),
        ("2020-04-17", "2020-04-16"),
        ("2020-04-30", "2020-04-30"),
        ("2020-05-14", "2020-05-14"),
        ("2020-05-29", "2020-05-28"),
    ]
    assert len(read_.events) == 9 and read_.skipped == {}
    assert read_.calendar_name == "Calendar"
    moved = next(e for e in read_.events if e.recurrence_id == "2020-04-16")
    assert moved.all_day and moved.transparent
    assert moved.start.isoformat() == "2020-04-17T00:00:00+01:00"
    assert moved.end.isoformat() == "2020-04-18T00:00:00+01:00"
    assert moved.first_day == moved.last_day == date(2020, 4, 17)
    assert moved.duration == timedelta(days=1)


def test_a_timed_outlook_event_in_a_windows_zone_gets_the_zones_offset() -> None:
    pacific = read(
        "outlook_exchange_pacific_standard_time.ics",
        date(2017, 2, 24),
        date(2017, 2, 24),
        zone="America/Los_Angeles",
    )
    (event,) = pacific.events
    assert (event.summary, event.recurrence_id) == ("Test 4", "")
    assert event.start.isoformat() == "2017-02-24T12:00:00-08:00"
    assert event.end.isoformat() == "2017-02-24T12:30:00-08:00"
    assert event.duration == timedelta(minutes=30) and not event.all_day

    eastern = read(
        "outlook_exchange_eastern_standard_time.ics",
        date(2024, 10, 28),
        date(2024, 10, 28),
    )
    (event,) = eastern.events
    assert event.uid == "minimal-demo-event-est-20241028@example.com"
    assert event.start.isoformat() == "2024-10-28T17:00:00-04:00"  # still summer time there
    # Its day is the day in the zone asked for: 22:00 in Berlin, same day.
    assert event.first_day == event.last_day == date(2024, 10, 28)

    late = read(
        "outlook_exchange_eastern_standard_time.ics",
        date(2024, 10, 29),
        date(2024, 10, 29),
        zone="Asia/Tokyo",
    )
    assert [e.first_day for e in late.events] == [date(2024, 10, 29)]  # 06:00 next day in Tokyo


def test_outlook_holidays_are_all_day_events_of_one_day() -> None:
    holidays = read("outlook_holidays_germany.ics", date(2019, 1, 1), date(2019, 12, 31))
    assert holidays.calendar_name == "Holidays: Germany"
    assert len(holidays.events) == 13 and holidays.skipped == {}
    assert all(e.all_day and e.first_day == e.last_day for e in holidays.events)
    first = holidays.events[0]
    assert (first.summary, first.recurrence_id) == ("Germany: New Year's Day", "")
    assert first.start.isoformat() == "2019-01-01T00:00:00+01:00"
    assert [e.first_day for e in holidays.events] == sorted(e.first_day for e in holidays.events)


def test_a_real_export_with_an_unreadable_rule_is_refused_in_one_line() -> None:
    with pytest.raises(ValidationError) as caught:
        read("exchange_cdo_unreadable_rrule.ics", date(2015, 7, 1), date(2015, 7, 31))
    assert caught.value.field == "exchange_cdo_unreadable_rrule.ics"
    assert "'Sprint 25 Daily Standup'" in caught.value.message
    assert "RRULE" in caught.value.message and "\n" not in caught.value.message


def test_google_moved_and_removed_occurrences_and_utc_times_in_the_calendars_zone() -> None:
    machbar = read("google_machbar_potsdam.ics", date(2018, 12, 1), date(2019, 3, 31))
    assert machbar.calendar_name == "machBar - Öffentlich"
    repair = [e for e in machbar.events if e.uid == "ome5r9735mpdoo3n6lpf8oi0c4@google.com"]
    # Third Saturdays of the month, each moved to another day.
    assert [(e.first_day.isoformat(), e.recurrence_id) for e in repair] == [
        ("2018-12-08", "2018-12-15T10:00:00+00:00"),
        ("2019-01-27", "2019-01-19T10:00:00+00:00"),
        ("2019-02-24", "2019-02-16T10:00:00+00:00"),
    ]
    montessori = [e for e in machbar.events if e.uid == "7g6502aejkun96i5fenfu6hvc1@google.com"]
    # Thursdays from 28 February; 7 March is excluded by EXDATE.
    assert [e.first_day.day for e in montessori] == [28, 14, 21, 28]
    single = next(e for e in machbar.events if e.summary == '"Bioökonomie-Tag"')
    # Written as 19:00Z; X-WR-TIMEZONE puts it in Berlin.
    assert single.start.isoformat() == "2019-02-28T20:00:00+01:00"
    assert single.recurrence_id == ""
    weekend = next(e for e in machbar.events if e.uid.startswith("5v18ih724kes1sf1eeu27dsq5n"))
    assert (weekend.first_day, weekend.last_day) == (date(2019, 3, 1), date(2019, 3, 3))
    assert weekend.duration == timedelta(days=2, minutes=30)

    spring = read("google_machbar_potsdam.ics", date(2019, 3, 27), date(2019, 4, 3))
    chaos = [e for e in spring.events if e.uid == "7uartkcnhf0elbvs8md0itrf6c@google.com"]
    assert starts(chaos) == ["2019-03-27T19:00:00+01:00", "2019-04-03T19:00:00+02:00"]
    assert [e.duration for e in chaos] == [timedelta(hours=2)] * 2


def test_google_exdates_over_thanksgiving() -> None:
    school = read(
        "google_school_chicago.ics",
        date(2020, 11, 23),
        date(2020, 11, 27),
        zone="America/Chicago",
    )
    assert school.calendar_name == "School"
    first_period = [e for e in school.events if e.uid == "c4p6@google.com"]
    assert starts(first_period) == ["2020-11-23T08:15:00-06:00", "2020-11-24T08:15:00-06:00"]
    assert [e.recurrence_id for e in first_period] == [
        "2020-11-23T14:15:00+00:00",
        "2020-11-24T14:15:00+00:00",
    ]
    assert {e.first_day for e in school.events} == {date(2020, 11, 23), date(2020, 11, 24)}
    single = read(
        "google_school_chicago.ics",
        date(2020, 11, 13),
        date(2020, 11, 13),
        zone="America/Chicago",
    )
    written_in_utc = next(e for e in single.events if e.uid == "5dru@google.com")
    assert written_in_utc.start.isoformat() == "2020-11-13T08:15:00-06:00"
    assert written_in_utc.recurrence_id == ""


def test_events_without_length_are_skipped_and_counted() -> None:
    karaoke = read("google_karaoke_zero_length.ics", date(2021, 11, 1), date(2022, 1, 31))
    assert karaoke.events == []
    assert karaoke.skipped == {"no length": 3}


def test_thunderbird_week_of_moved_removed_and_all_day_occurrences() -> None:
    week = read(
        "thunderbird_london_week.ics", date(2024, 3, 25), date(2024, 4, 2), zone="Europe/London"
    )
    got = [
        (e.summary, e.recurrence_id, e.first_day.isoformat(), e.last_day.isoformat())
        for e in week.events
    ]
    assert got == [
        ("event 1", "", "2024-03-26", "2024-03-30"),
        ("event 2", "2024-03-26T03:00:00+00:00", "2024-03-26", "2024-03-26"),
        ("event 3", "2024-03-27T03:00:00+00:00", "2024-03-27", "2024-03-27"),
        ("event 4", "", "2024-03-27", "2024-03-28"),
        # The 29 March occurrence, moved two days earlier and renamed.
        ("event 5", "2024-03-29T03:00:00+00:00", "2024-03-27", "2024-03-27"),
        ("event 6", "2024-03-28", "2024-03-28", "2024-03-28"),
        ("event 7", "2024-03-29", "2024-03-29", "2024-03-29"),
    ]
    assert week.events[0].duration == timedelta(days=4, hours=6)
    assert [e.all_day for e in week.events] == [False] * 5 + [True] * 2
    assert [e.transparent for e in week.events] == [False] * 5 + [True] * 2
    assert week.skipped == {}


def test_thunderbird_cancelled_occurrence_is_skipped() -> None:
    read_ = read("thunderbird_one_cancelled.ics", date(2020, 1, 27), date(2020, 2, 2))
    assert starts(read_.events) == ["2020-01-28T22:00:00+01:00", "2020-01-30T22:00:00+01:00"]
    assert read_.skipped == {"cancelled": 1}


def test_thunderbird_occurrences_changed_one_by_one() -> None:
    read_ = read("thunderbird_changed_occurrences.ics", date(2019, 3, 7), date(2019, 3, 10))
    assert [(e.start.isoformat(), e.end.isoformat()) for e in read_.events] == [
        ("2019-03-07T02:00:00+01:00", "2019-03-07T03:00:00+01:00"),
        ("2019-03-08T01:00:00+01:00", "2019-03-08T03:00:00+01:00"),
        ("2019-03-09T03:00:00+01:00", "2019-03-09T03:30:00+01:00"),
        ("2019-03-10T00:00:00+01:00", "2019-03-11T00:00:00+01:00"),
    ]
    became_all_day = read_.events[-1]
    assert became_all_day.all_day and became_all_day.transparent
    # It keeps the name of the timed occurrence it replaces.
    assert became_all_day.recurrence_id == "2019-03-10T01:00:00+00:00"


def test_match_looks_at_summary_and_categories_and_at_each_occurrence() -> None:
    def confluence(match: str) -> CalendarRead:
        return read(
            "confluence_categories.ics",
            date(2021, 12, 15),
            date(2021, 12, 15),
            zone="America/Los_Angeles",
            match=match,
        )

    assert [e.summary for e in confluence("OTHER").events] == ["test"]  # its category
    assert [e.summary for e in confluence("tes").events] == ["test"]
    assert confluence("holiday").skipped == {"did not match --match": 1}

    edited = read(
        "thunderbird_changed_occurrences.ics",
        date(2019, 3, 18),
        date(2019, 3, 20),
        match="EDITED",
    )
    assert [(e.summary, e.first_day.day) for e in edited.events] == [("test7 - edited", 19)]
    # The other two occurrences of that series, and the other (whole) series.
    assert edited.skipped == {"did not match --match": 3}


def test_night_shifts_across_the_spring_change_last_seven_hours() -> None:
    spring = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 3, 27),
        date(2026, 3, 29),
        zone="Europe/Warsaw",
    )
    nights = [e for e in spring.events if not e.all_day]
    assert [(e.start.isoformat(), e.end.isoformat(), e.duration) for e in nights] == [
        ("2026-03-27T22:00:00+01:00", "2026-03-28T06:00:00+01:00", timedelta(hours=8)),
        ("2026-03-28T22:00:00+01:00", "2026-03-29T06:00:00+02:00", timedelta(hours=7)),
    ]
    assert [(e.first_day.day, e.last_day.day) for e in nights] == [(27, 28), (28, 29)]
    assert nights[1].recurrence_id == "2026-03-28T21:00:00+00:00"


def test_night_shifts_across_the_autumn_change_last_nine_hours() -> None:
    autumn = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 10, 23),
        date(2026, 10, 24),
        zone="Europe/Warsaw",
    )
    (night,) = autumn.events
    assert night.start.isoformat() == "2026-10-24T22:00:00+02:00"
    assert night.end.isoformat() == "2026-10-25T06:00:00+01:00"
    assert night.duration == timedelta(hours=9)
    assert autumn.skipped == {"cancelled": 1}  # the night of the 23rd


def test_night_shifts_removed_moved_and_days_off() -> None:
    april = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 3, 30),
        date(2026, 4, 5),
        zone="Europe/Warsaw",
    )
    got = [(e.summary, e.first_day.isoformat(), e.last_day.isoformat()) for e in april.events]
    assert got == [
        ("Recovery days", "2026-03-30", "2026-03-31"),
        # Friday 3 April is excluded; Saturday's night starts an hour late.
        ("Night shift (late start)", "2026-04-04", "2026-04-05"),
    ]
    days_off, late = april.events
    assert days_off.transparent and days_off.duration == timedelta(days=2)
    assert late.start.isoformat() == "2026-04-04T23:00:00+02:00"
    assert late.recurrence_id == "2026-04-04T20:00:00+00:00"

    rota = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 3, 30),
        date(2026, 4, 5),
        zone="Europe/Warsaw",
        match="rota",
    )
    assert [e.summary for e in rota.events] == ["Night shift (late start)"]
    assert rota.skipped == {"did not match --match": 1}


def test_an_occurrence_belongs_to_the_day_it_starts_on() -> None:
    saturday = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 3, 28),
        date(2026, 3, 28),
        zone="Europe/Warsaw",
    )
    # Friday's night runs into Saturday but is Friday's; Saturday's runs into Sunday.
    assert starts(saturday.events) == ["2026-03-28T22:00:00+01:00"]
    sunday = read(
        "night_shifts_warsaw_handmade.ics",
        date(2026, 3, 29),
        date(2026, 3, 29),
        zone="Europe/Warsaw",
    )
    assert sunday.events == [] and sunday.skipped == {}
