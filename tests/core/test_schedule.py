"""The working schedule: parsing what users type, versions with history, and the working time
it gives across DST changes, midnight, days off, schedule changes and other zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.schedule.weekly import (
    Interval,
    ScheduleBook,
    ScheduleChange,
    WeeklySchedule,
    Window,
    add_days_off,
    add_on_call,
    check_zone,
    load_book,
    load_on_call,
    parse_clock,
    parse_days,
    save_week,
    set_schedule,
)
from wellbeing_app.core.store.database import Database

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
TOKYO = "Asia/Tokyo"
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def local(text: str, zone: str = BERLIN) -> datetime:
    """Wall-clock time in ``zone`` as an aware UTC instant."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def set_days(
    db: Database, days: str, start: str, end: str, since: date, zone: str | None = BERLIN
) -> WeeklySchedule:
    return change_days(db, days, start, end, since, zone).version


def change_days(
    db: Database, days: str, start: str, end: str, since: date, zone: str | None = BERLIN
) -> ScheduleChange:
    with db.write() as session:
        return set_schedule(
            session,
            days=parse_days(days),
            start_minute=hm(start),
            end_minute=hm(end),
            zone=zone,
            effective_from=since,
            default_zone=TOKYO,  # a zone no test sets: where it shows, it came from here
        )


def book(db: Database) -> ScheduleBook:
    with db.read() as session:
        return load_book(session)


def shown(intervals: list[Interval], zone: str = BERLIN) -> list[tuple[str, str]]:
    """Intervals as local 'Www YYYY-MM-DD HH:MM' pairs, for readable comparisons."""
    tz = ZoneInfo(zone)
    return [
        (f"{i.start.astimezone(tz):%a %m-%d %H:%M}", f"{i.end.astimezone(tz):%a %m-%d %H:%M}")
        for i in intervals
    ]


def table_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("schedule_version", "schedule_window", "day_off", "on_call")
        }


# --- parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("mon-fri", [MON, TUE, WED, THU, FRI]),
        ("sat,sun", [SAT, SUN]),
        ("fri-mon", [MON, FRI, SAT, SUN]),  # wraps over the weekend
        ("sun-tue", [MON, TUE, SUN]),
        ("all", list(range(7))),
        ("mon", [MON]),
        ("wed-wed", [WED]),
        ("mon,wed-fri", [MON, WED, THU, FRI]),
        ("tue,tue,mon-tue", [MON, TUE]),
        (" Mon - FRI ", [MON, TUE, WED, THU, FRI]),
        ("monday-friday", [MON, TUE, WED, THU, FRI]),
        ("tues,thurs", [TUE, THU]),
    ],
)
def test_parse_days(typed: str, days: list[int]) -> None:
    assert parse_days(typed) == days


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "funday",
        "weekdays",
        "1-5",
        "mon-",
        "-fri",
        "mon-wed-fri",
        "mon;fri",
        "mon,,fri",
        "mo",
        "monkey",
        "sunny",
        "fridge-mon",
    ],
)
def test_parse_days_refuses_junk_naming_the_field(junk: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_days(junk)
    assert caught.value.field == "days"
    assert repr(junk) in caught.value.message
    with pytest.raises(ValidationError) as named:
        parse_days(junk, "weekdays")
    assert named.value.field == "weekdays"


@pytest.mark.parametrize(
    ("typed", "minute"),
    [
        ("00:00", 0),
        ("09:00", 540),
        ("9:05", 545),
        ("17:30", 1050),
        ("23:59", 1439),
        (" 8:15 ", 495),
    ],
)
def test_parse_clock(typed: str, minute: int) -> None:
    assert parse_clock(typed, "start") == minute


@pytest.mark.parametrize(
    "junk", ["", "24:00", "09:60", "0900", "9", "9am", "-1:00", "09:00:00", "9:5", "nine"]
)
def test_parse_clock_refuses_junk_naming_the_field(junk: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_clock(junk, "end")
    assert caught.value.field == "end"
    assert repr(junk) in caught.value.message


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"])
def test_check_zone_accepts_iana_names(zone: str) -> None:
    assert check_zone(zone) == zone


@pytest.mark.parametrize(
    "junk", ["", "Mars/Olympus", "Europe/Berlin ", "CET+1", "UTC+2", "../../etc/passwd", "/tmp"]
)
def test_check_zone_refuses_other_names(junk: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_zone(junk)
    assert caught.value.field == "tz"
    assert repr(junk) in caught.value.message
    with pytest.raises(ValidationError) as named:
        check_zone(junk, "zone")
    assert named.value.field == "zone"


# --- versions and history -----------------------------------------------------------------


def test_set_schedule_keeps_other_days_and_replaces_the_named_ones(db: Database) -> None:
    since = date(2026, 3, 2)
    set_days(db, "mon-fri", "09:00", "17:00", since)
    set_days(db, "sat", "10:00", "14:00", since)
    changed = set_days(db, "wed,fri", "12:00", "20:00", since)

    expected = (
        Window(MON, 540, 1020),
        Window(TUE, 540, 1020),
        Window(WED, 720, 1200),
        Window(THU, 540, 1020),
        Window(FRI, 720, 1200),
        Window(SAT, 600, 840),
    )
    assert changed.windows == expected
    [version] = book(db).versions  # the same effective date: still one version
    assert version == WeeklySchedule(since, BERLIN, expected)
    assert table_counts(db)["schedule_window"] == 6


def test_a_new_effective_date_starts_a_new_version_and_past_days_keep_the_old(
    db: Database,
) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon", "13:00", "21:00", date(2026, 3, 16))

    history = book(db)
    assert [v.effective_from for v in history.versions] == [date(2026, 3, 2), date(2026, 3, 16)]
    assert history.in_force(date(2026, 3, 1)) is None
    old = history.in_force(date(2026, 3, 15))
    new = history.in_force(date(2026, 3, 16))
    assert old is not None and new is not None
    assert old.effective_from == date(2026, 3, 2)
    assert old.windows_on(MON) == [Window(MON, 540, 1020)]
    assert new.windows_on(MON) == [Window(MON, 780, 1260)]
    assert new.windows_on(TUE) == [Window(TUE, 540, 1020)]  # carried over
    assert history.in_force(date(2030, 1, 1)) == new

    # Judged day by day: the Monday before the change keeps its 09:00-17:00.
    intervals = history.working_intervals(local("2026-03-09T00:00"), local("2026-03-17T00:00"))
    mondays = [i for i in shown(intervals) if i[0].startswith("Mon")]
    assert mondays == [
        ("Mon 03-09 09:00", "Mon 03-09 17:00"),
        ("Mon 03-16 13:00", "Mon 03-16 21:00"),
    ]


def test_a_schedule_set_earlier_than_all_versions_starts_empty(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 16))
    set_days(db, "sat", "10:00", "12:00", date(2026, 3, 2))  # nothing in force before it
    first, second = book(db).versions
    assert first.windows == (Window(SAT, 600, 720),)
    # The later version set Monday to Friday, not Saturday: Saturday reaches it too.
    assert second.windows_on(SAT) == [Window(SAT, 600, 720)]
    assert len(second.windows) == 6


# A change from a date reaches every later version that does not set those days itself: a later
# version sets a day when its windows for it differ from the version it followed.


def test_a_day_set_before_a_later_version_is_kept_in_it(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon", "10:00", "18:00", date(2026, 3, 16))
    change = change_days(db, "sun", "10:00", "14:00", date(2026, 3, 9))

    history = book(db)
    assert [v.effective_from for v in history.versions] == [
        date(2026, 3, 2),
        date(2026, 3, 9),
        date(2026, 3, 16),
    ]
    later = history.in_force(date(2026, 3, 16))
    assert later is not None
    assert later.windows_on(SUN) == [Window(SUN, 600, 840)]  # Sunday does not vanish
    assert later.windows_on(MON) == [Window(MON, 600, 1080)]  # its own change stays
    assert later.windows_on(TUE) == [Window(TUE, 540, 1020)]
    assert change.carried == (later,)
    sundays = history.working_intervals(local("2026-03-01T00:00"), local("2026-03-30T00:00"))
    assert [i for i in shown(sundays) if i[0].startswith("Sun")] == [
        ("Sun 03-15 10:00", "Sun 03-15 14:00"),
        ("Sun 03-22 10:00", "Sun 03-22 14:00"),
        ("Sun 03-29 10:00", "Sun 03-29 14:00"),
    ]


def test_a_later_version_that_set_the_day_itself_keeps_it_and_so_do_those_after(
    db: Database,
) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon", "10:00", "18:00", date(2026, 3, 16))
    set_days(db, "fri", "08:00", "12:00", date(2026, 3, 30))  # Monday as on the 16th
    change = change_days(db, "mon,tue", "07:00", "15:00", date(2026, 3, 9))

    on_9th, on_16th, on_30th = book(db).versions[1:]
    assert on_9th.windows_on(MON) == [Window(MON, 420, 900)]
    assert on_16th.windows_on(MON) == [Window(MON, 600, 1080)]  # set on the 16th: kept
    assert on_30th.windows_on(MON) == [Window(MON, 600, 1080)]  # follows the 16th's choice
    assert on_16th.windows_on(TUE) == on_30th.windows_on(TUE) == [Window(TUE, 420, 900)]
    assert on_30th.windows_on(FRI) == [Window(FRI, 480, 720)]
    assert [v.effective_from for v in change.carried] == [date(2026, 3, 16), date(2026, 3, 30)]


def test_a_day_a_later_version_took_off_stays_off(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    with db.write() as session:  # the Settings dialog saves a whole week: no Wednesday
        week = [Window(d, 540, 1020) for d in (MON, TUE, THU, FRI)]
        save_week(session, week, BERLIN, date(2026, 3, 16))
    change = change_days(db, "wed,sat", "12:00", "16:00", date(2026, 3, 9))
    later = book(db).versions[-1]
    assert later.windows_on(WED) == []  # taken off on the 16th
    assert later.windows_on(SAT) == [Window(SAT, 720, 960)]
    assert change.carried == (later,)


def test_a_change_on_the_same_day_as_a_version_reaches_later_ones_alike(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "sat", "10:00", "14:00", date(2026, 3, 2))
    set_days(db, "mon", "10:00", "18:00", date(2026, 3, 16))
    set_days(db, "sat", "11:00", "15:00", date(2026, 3, 2))  # again, the same first version
    first, later = book(db).versions
    assert first.windows_on(SAT) == later.windows_on(SAT) == [Window(SAT, 660, 900)]
    assert later.windows_on(MON) == [Window(MON, 600, 1080)]


def test_carried_days_keep_wall_clock_hours_in_a_later_versions_own_zone(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 16), zone=NEW_YORK)
    change_days(db, "sun", "10:00", "14:00", date(2026, 3, 9))
    later = book(db).versions[-1]
    assert later.zone == NEW_YORK
    assert later.windows_on(SUN) == [Window(SUN, 600, 840)]  # 10:00-14:00 in New York


def test_nothing_later_nothing_carried(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon", "10:00", "18:00", date(2026, 3, 16))
    assert change_days(db, "mon", "07:00", "15:00", date(2026, 3, 9)).carried == ()
    assert change_days(db, "tue", "07:00", "15:00", date(2026, 3, 23)).carried == ()


# One zone per version: without a zone, a change keeps the zone of the version in force then.


def test_without_a_zone_a_change_keeps_the_zone_in_force_then(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2), zone=NEW_YORK)
    changed = set_days(db, "sat", "10:00", "14:00", date(2026, 3, 9), zone=None)
    assert changed.zone == NEW_YORK
    assert changed.windows_on(MON) == [Window(MON, 540, 1020)]  # still 09:00 in New York
    same_day = set_days(db, "sun", "10:00", "14:00", date(2026, 3, 2), zone=None)
    assert same_day.zone == NEW_YORK
    first = set_days(db, "mon", "10:00", "14:00", date(2026, 1, 5), zone=None)
    assert first.zone == TOKYO  # nothing in force on 5 January: the default zone
    moved = set_days(db, "tue", "10:00", "14:00", date(2026, 3, 23), zone=BERLIN)
    assert moved.zone == BERLIN  # a zone given is the whole new version's
    assert moved.windows_on(MON) == [Window(MON, 540, 1020)]  # the same wall-clock hours


def test_set_schedule_refuses_an_empty_window_and_a_bad_zone(db: Database) -> None:
    with pytest.raises(ValidationError) as same:
        set_days(db, "mon", "09:00", "09:00", date(2026, 3, 2))
    assert same.value.field == "end"
    with pytest.raises(ValidationError) as zone:
        set_days(db, "mon", "09:00", "17:00", date(2026, 3, 2), zone="Mars/Olympus")
    assert zone.value.field == "tz"
    assert table_counts(db) == {
        "schedule_version": 0,
        "schedule_window": 0,
        "day_off": 0,
        "on_call": 0,
    }


def test_save_week_stores_the_whole_week_and_replaces_a_version_of_the_same_day(
    db: Database,
) -> None:
    since = date(2026, 3, 2)
    week = [Window(FRI, hm("22:00"), hm("06:00")), Window(MON, 540, 1020), Window(MON, 1080, 1140)]
    with db.write() as session:
        saved = save_week(session, week, BERLIN, since)
    # Kept in weekday order, two windows on Monday, the Friday one running past midnight.
    assert saved.windows == (Window(MON, 540, 1020), Window(MON, 1080, 1140), week[0])
    assert saved.windows[-1].crosses_midnight
    assert saved.windows[-1].length == timedelta(hours=8)
    assert book(db).versions == [saved]

    with db.write() as session:
        save_week(session, [Window(TUE, 600, 660)], NEW_YORK, since)
    assert book(db).versions == [WeeklySchedule(since, NEW_YORK, (Window(TUE, 600, 660),))]
    assert table_counts(db)["schedule_window"] == 1

    with db.write() as session:
        save_week(session, [], BERLIN, date(2026, 4, 1))  # a week off from then on
    versions = book(db).versions
    assert [(v.effective_from, len(v.windows)) for v in versions] == [
        (since, 1),
        (date(2026, 4, 1), 0),
    ]


def test_save_week_refusals_store_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as empty, db.write() as session:
        save_week(
            session, [Window(MON, 540, 1020), Window(WED, 600, 600)], BERLIN, date(2026, 3, 2)
        )
    assert empty.value.field == "wed"
    with pytest.raises(ValidationError) as zone, db.write() as session:
        save_week(session, [Window(MON, 540, 1020)], "Nowhere/Land", date(2026, 3, 2))
    assert zone.value.field == "tz"
    assert table_counts(db)["schedule_version"] == 0
    assert table_counts(db)["schedule_window"] == 0


# --- working time -------------------------------------------------------------------------


def test_a_night_window_over_the_spring_forward_night_lasts_7_hours(db: Database) -> None:
    set_days(db, "sat", "22:00", "06:00", date(2026, 1, 1))
    intervals = book(db).working_intervals(local("2026-03-21T00:00"), local("2026-03-30T00:00"))
    assert shown(intervals) == [
        ("Sat 03-21 22:00", "Sun 03-22 06:00"),
        ("Sat 03-28 22:00", "Sun 03-29 06:00"),
    ]
    assert [i.end - i.start for i in intervals] == [timedelta(hours=8), timedelta(hours=7)]
    assert intervals[1].start == datetime(2026, 3, 28, 21, 0, tzinfo=UTC)
    assert intervals[1].end == datetime(2026, 3, 29, 4, 0, tzinfo=UTC)


def test_a_night_window_over_the_fall_back_night_lasts_9_hours(db: Database) -> None:
    set_days(db, "sat", "22:00", "06:00", date(2026, 1, 1))
    intervals = book(db).working_intervals(local("2026-10-24T12:00"), local("2026-11-01T12:00"))
    assert shown(intervals) == [
        ("Sat 10-24 22:00", "Sun 10-25 06:00"),
        ("Sat 10-31 22:00", "Sun 11-01 06:00"),
    ]
    assert intervals[0].start == datetime(2026, 10, 24, 20, 0, tzinfo=UTC)
    assert intervals[0].end == datetime(2026, 10, 25, 5, 0, tzinfo=UTC)
    assert [i.end - i.start for i in intervals] == [timedelta(hours=9), timedelta(hours=8)]


def test_day_windows_keep_their_local_hours_across_the_change(db: Database) -> None:
    set_days(db, "all", "09:00", "17:00", date(2026, 1, 1))
    intervals = book(db).working_intervals(local("2026-03-28T00:00"), local("2026-03-30T00:00"))
    assert [(i.start.hour, i.end.hour) for i in intervals] == [(8, 16), (7, 15)]  # UTC
    assert all(i.end - i.start == timedelta(hours=8) for i in intervals)


def test_a_midnight_crossing_window_counts_from_the_day_it_starts(db: Database) -> None:
    set_days(db, "fri", "22:00", "06:00", date(2026, 1, 1))
    history = book(db)
    # Asked about Saturday morning only: the window is Friday's, reaching into Saturday.
    saturday = history.working_intervals(local("2026-03-14T00:00"), local("2026-03-14T12:00"))
    assert shown(saturday) == [("Fri 03-13 22:00", "Sat 03-14 06:00")]
    # Also when the question starts well after midnight (and after midnight UTC).
    small_hours = history.working_intervals(local("2026-03-14T03:00"), local("2026-03-14T04:00"))
    assert small_hours == saturday
    # Nothing on Thursday night, and a query ending exactly at the start finds nothing.
    assert history.working_intervals(local("2026-03-12T00:00"), local("2026-03-13T22:00")) == []
    # A query starting exactly at the end finds nothing either ([start, end) on both sides).
    assert history.working_intervals(local("2026-03-14T06:00"), local("2026-03-15T00:00")) == []

    with db.write() as session:
        add_days_off(session, date(2026, 3, 14), date(2026, 3, 14))  # the Saturday it ends on
    assert shown(book(db).working_intervals(local("2026-03-14T00:00"), local("2026-03-14T12:00")))
    with db.write() as session:
        add_days_off(session, date(2026, 3, 13), date(2026, 3, 13))  # the Friday it starts on
    assert book(db).working_intervals(local("2026-03-14T00:00"), local("2026-03-14T12:00")) == []


def test_days_off_single_and_range_remove_the_windows(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    with db.write() as session:
        add_days_off(session, date(2026, 3, 11), date(2026, 3, 11))
        add_days_off(session, date(2026, 3, 16), date(2026, 3, 18), note="holiday")
    history = book(db)
    assert history.is_day_off(date(2026, 3, 11))
    assert history.is_day_off(date(2026, 3, 17))
    assert not history.is_day_off(date(2026, 3, 19))
    intervals = history.working_intervals(local("2026-03-09T00:00"), local("2026-03-21T00:00"))
    assert [start[:9] for start, _ in shown(intervals)] == [
        "Mon 03-09",
        "Tue 03-10",
        "Thu 03-12",
        "Fri 03-13",
        "Thu 03-19",
        "Fri 03-20",
    ]


def test_a_schedule_change_in_the_middle_of_a_week(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "mon-fri", "10:00", "18:00", date(2026, 3, 12))  # from Thursday
    intervals = book(db).working_intervals(local("2026-03-09T00:00"), local("2026-03-14T00:00"))
    assert shown(intervals) == [
        ("Mon 03-09 09:00", "Mon 03-09 17:00"),
        ("Tue 03-10 09:00", "Tue 03-10 17:00"),
        ("Wed 03-11 09:00", "Wed 03-11 17:00"),
        ("Thu 03-12 10:00", "Thu 03-12 18:00"),
        ("Fri 03-13 10:00", "Fri 03-13 18:00"),
    ]


def test_a_version_in_another_zone(db: Database) -> None:
    set_days(db, "mon-fri", "09:00", "17:00", date(2026, 3, 2))
    set_days(db, "sun", "22:00", "02:00", date(2026, 3, 2))
    # From Monday 16th, New York hours (already on summer time there, not yet in Berlin).
    with db.write() as session:
        save_week(
            session, [Window(MON, 540, 1020), Window(TUE, 540, 1020)], NEW_YORK, date(2026, 3, 16)
        )
    history = book(db)
    assert history.in_force(date(2026, 3, 16)).zone == NEW_YORK  # type: ignore[union-attr]
    intervals = history.working_intervals(
        datetime(2026, 3, 13, tzinfo=UTC), datetime(2026, 3, 18, tzinfo=UTC)
    )
    assert [(i.start, i.end) for i in intervals] == [
        (datetime(2026, 3, 13, 8, tzinfo=UTC), datetime(2026, 3, 13, 16, tzinfo=UTC)),  # CET
        # Sunday's late window belongs to Sunday, so to the Berlin version.
        (datetime(2026, 3, 15, 21, tzinfo=UTC), datetime(2026, 3, 16, 1, tzinfo=UTC)),
        (datetime(2026, 3, 16, 13, tzinfo=UTC), datetime(2026, 3, 16, 21, tzinfo=UTC)),  # EDT
        (datetime(2026, 3, 17, 13, tzinfo=UTC), datetime(2026, 3, 17, 21, tzinfo=UTC)),
    ]


def test_a_long_late_window_far_west_of_utc_is_found_two_utc_days_later(db: Database) -> None:
    # Friday 23:30 to Saturday 23:00 in Samoa (UTC-11): Saturday 10:30 to Sunday 10:00 UTC.
    with db.write() as session:
        save_week(
            session, [Window(FRI, hm("23:30"), hm("23:00"))], "Pacific/Pago_Pago", date(2026, 1, 1)
        )
    history = book(db)
    sunday_9_utc = datetime(2026, 3, 15, 9, tzinfo=UTC)
    assert history.working_intervals(sunday_9_utc, sunday_9_utc + timedelta(minutes=1)) == [
        Interval(datetime(2026, 3, 14, 10, 30, tzinfo=UTC), datetime(2026, 3, 15, 10, tzinfo=UTC))
    ]
    assert history.is_scheduled(sunday_9_utc)
    assert not history.is_scheduled(datetime(2026, 3, 15, 10, tzinfo=UTC))


def test_is_scheduled_at_the_edges_of_a_window(db: Database) -> None:
    set_days(db, "tue", "09:00", "17:00", date(2026, 3, 2))
    history = book(db)
    second = timedelta(seconds=1)
    assert history.is_scheduled(local("2026-03-10T09:00"))
    assert history.is_scheduled(local("2026-03-10T17:00") - second)
    assert not history.is_scheduled(local("2026-03-10T09:00") - second)
    assert not history.is_scheduled(local("2026-03-10T17:00"))
    assert not history.is_scheduled(local("2026-03-11T10:00"))


def test_no_schedule_means_no_working_time(db: Database) -> None:
    history = book(db)
    assert history.versions == []
    assert history.working_intervals(local("2026-03-01T00:00"), local("2026-04-01T00:00")) == []
    assert not history.is_scheduled(local("2026-03-10T10:00"))


# --- days off and on call -----------------------------------------------------------------


def test_add_days_off_refuses_a_range_ending_before_it_starts(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        add_days_off(session, date(2026, 3, 10), date(2026, 3, 9))
    assert caught.value.field == "DATE"
    assert "2026-03-09" in caught.value.message and "2026-03-10" in caught.value.message
    assert table_counts(db)["day_off"] == 0


@pytest.mark.parametrize("hours", [0, -1])
def test_add_on_call_refuses_an_end_not_after_the_start(db: Database, hours: int) -> None:
    start = local("2026-03-10T20:00")
    with pytest.raises(ValidationError) as caught, db.write() as session:
        add_on_call(session, start, start + timedelta(hours=hours), BERLIN)
    assert caught.value.field == "END"
    assert table_counts(db)["on_call"] == 0


def test_on_call_periods_are_stored_in_utc_and_half_open(db: Database) -> None:
    berlin = ZoneInfo(BERLIN)
    start = datetime(2026, 3, 10, 20, 0, tzinfo=berlin)
    end = datetime(2026, 3, 11, 2, 0, tzinfo=berlin)
    with db.write() as session:
        period = add_on_call(session, start, end, BERLIN)
    assert period == Interval(local("2026-03-10T20:00"), local("2026-03-11T02:00"))
    with db.read() as session:
        history = load_book(session)
        history.on_call = load_on_call(
            session, local("2026-03-10T00:00"), local("2026-03-12T00:00")
        )
        elsewhere = load_on_call(session, local("2026-03-11T02:00"), local("2026-03-12T00:00"))
    assert history.on_call == [period]
    assert elsewhere == []  # touching the end is not overlapping
    assert history.is_on_call(start)
    assert history.is_on_call(end - timedelta(seconds=1))
    assert not history.is_on_call(end)
    assert not history.is_on_call(start - timedelta(seconds=1))
