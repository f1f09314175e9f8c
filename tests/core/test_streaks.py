"""Streaks: disconnect (shift ended by scheduled end + 30 min, no after-hours ping answered
that evening) and reflection, over scheduled workdays only.

The schedule is Mon-Fri 09:00-17:00 Europe/Berlin. March 2026: Monday the 2nd, 9th, 23rd and
30th; the clocks go forward on Sunday the 29th.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reflection.reflections import ReflectionDraft, save_reflection, skip_day
from wellbeing_app.core.reflection.streaks import Streaks, streaks
from wellbeing_app.core.schedule.weekly import add_days_off
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock

BERLIN = "Europe/Berlin"
LOGGED_AT = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)  # "now" when the rows are written

MON = date(2026, 3, 2)
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=n) for n in range(1, 7))
NEXT_MON = MON + timedelta(days=7)
WEEK = [MON, TUE, WED, THU, FRI]


def local(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(BERLIN))


@pytest.fixture
def book(db: Database) -> Database:
    """The database with a Mon-Fri 09:00-17:00 Berlin schedule in force all year."""
    weekdays_9_to_5(db, since=date(2026, 1, 1))
    return db


def work(db: Database, day: date, end: str = "17:20", start: str = "09:00") -> None:
    with db.write() as session:
        start_shift(session, at=local(day, start), now=LOGGED_AT, zone=BERLIN)
        end_shift(session, at=local(day, end), now=LOGGED_AT)


def ping(db: Database, day: date, clock: str, minutes: int) -> None:
    with db.write() as session:
        log_ping(
            session,
            at=local(day, clock),
            now=LOGGED_AT,
            zone=BERLIN,
            source="slack",
            minutes=minutes,
        )


def reflect(db: Database, day: date) -> None:
    with db.write() as session:
        save_reflection(session, ReflectionDraft(day, 3, 3, 3), zone=BERLIN, now=LOGGED_AT)


def skip(db: Database, day: date) -> None:
    with db.write() as session:
        skip_day(session, day, zone=BERLIN, now=LOGGED_AT)


def at(db: Database, moment: datetime) -> Streaks:
    with db.read() as session:
        return streaks(session, moment, BERLIN)


def disconnect(db: Database, moment: datetime) -> int:
    return at(db, moment).disconnect


def reflection(db: Database, moment: datetime) -> int:
    return at(db, moment).reflection


# Disconnect streak


def test_nothing_recorded_is_no_streak(book: Database) -> None:
    assert at(book, local(FRI, "20:00")) == Streaks(0, 0)


def test_consecutive_workdays_ended_on_time_make_a_streak(book: Database) -> None:
    for day in WEEK:
        work(book, day)
    assert disconnect(book, local(FRI, "18:00")) == 5
    assert disconnect(book, local(SUN, "12:00")) == 5


def test_ending_exactly_30_minutes_late_still_counts(book: Database) -> None:
    for day in WEEK:
        work(book, day, end="17:30")
    assert disconnect(book, local(FRI, "18:00")) == 5


@pytest.mark.parametrize("end", ["17:31", "17:45", "21:00"])
def test_a_shift_ending_later_breaks_the_streak(book: Database, end: str) -> None:
    for day in WEEK:
        work(book, day, end=end if day == WED else "17:20")
    assert disconnect(book, local(FRI, "18:00")) == 2  # Thursday and Friday


def test_a_second_shift_that_evening_breaks_the_streak(book: Database) -> None:
    for day in WEEK:
        work(book, day)
        if day == WED:
            work(book, WED, start="20:00", end="20:30")  # shifts are started in order
    assert disconnect(book, local(FRI, "18:00")) == 2


def test_an_answered_after_hours_ping_breaks_the_streak(book: Database) -> None:
    for day in WEEK:
        work(book, day)
    ping(book, WED, "21:00", minutes=5)
    assert disconnect(book, local(FRI, "18:00")) == 2


def test_an_answered_ping_after_midnight_belongs_to_that_evening(book: Database) -> None:
    for day in WEEK:
        work(book, day)
    ping(book, THU, "01:30", minutes=5)  # the night after Wednesday
    assert disconnect(book, local(FRI, "18:00")) == 2


def test_an_unanswered_after_hours_ping_does_not_break_it(book: Database) -> None:
    for day in WEEK:
        work(book, day)
    ping(book, WED, "21:00", minutes=0)
    assert disconnect(book, local(FRI, "18:00")) == 5


def test_a_ping_answered_during_working_hours_does_not_break_it(book: Database) -> None:
    for day in WEEK:
        work(book, day)
    ping(book, WED, "11:00", minutes=30)
    ping(book, WED, "17:10", minutes=5)  # inside the recorded shift: not after hours
    assert disconnect(book, local(FRI, "18:00")) == 5


def test_weekends_neither_break_nor_extend(book: Database) -> None:
    work(book, THU)
    work(book, FRI)
    work(book, SAT, start="10:00", end="22:00")  # weekend work is not a workday
    ping(book, SUN, "20:00", minutes=45)
    work(book, NEXT_MON)
    assert disconnect(book, local(NEXT_MON, "18:00")) == 3


def test_days_off_neither_break_nor_extend(book: Database) -> None:
    with book.write() as session:
        add_days_off(session, WED, THU, "holiday")
    for day in WEEK:
        work(book, day, end="21:00" if day == WED else "17:20")
    ping(book, THU, "22:00", minutes=20)
    assert disconnect(book, local(FRI, "18:00")) == 3  # Monday, Tuesday, Friday


def test_a_workday_with_no_shift_recorded_is_neutral(book: Database) -> None:
    for day in (MON, TUE, THU, FRI):
        work(book, day)
    assert disconnect(book, local(FRI, "18:00")) == 4


def test_today_does_not_count_before_its_end_plus_30_minutes(book: Database) -> None:
    for day in WEEK:
        work(book, day, end="17:00")
    assert disconnect(book, local(FRI, "17:29")) == 4
    assert disconnect(book, local(FRI, "17:30")) == 5
    assert disconnect(book, local(FRI, "17:31")) == 5


def test_today_running_late_does_not_break_before_its_end_plus_30(book: Database) -> None:
    for day in (MON, TUE, WED, THU):
        work(book, day)
    with book.write() as session:
        start_shift(session, at=local(FRI, "09:00"), now=LOGGED_AT, zone=BERLIN)
    assert disconnect(book, local(FRI, "12:00")) == 4
    assert disconnect(book, local(FRI, "17:29")) == 4


def test_a_shift_still_running_past_the_end_plus_30_breaks_it(book: Database) -> None:
    for day in (MON, TUE, WED, THU):
        work(book, day)
    with book.write() as session:
        start_shift(session, at=local(FRI, "09:00"), now=LOGGED_AT, zone=BERLIN)
    assert disconnect(book, local(FRI, "19:00")) == 0


def test_the_streak_across_the_dst_change(book: Database) -> None:
    spring_forward = date(2026, 3, 29)
    assert spring_forward.weekday() == 6
    before = [spring_forward - timedelta(days=n) for n in range(6, 1, -1)]  # Mon 23 - Fri 27
    after = [spring_forward + timedelta(days=n) for n in range(1, 6)]  # Mon 30 - Fri 3 April
    for day in before + after:
        work(book, day)
    ping(book, spring_forward, "20:00", minutes=30)  # Sunday: neutral
    end = local(after[-1], "18:00")
    assert disconnect(book, end) == 10
    assert reflection(book, end) == 0


def test_after_the_dst_change_the_end_is_17_00_summer_time(book: Database) -> None:
    monday = date(2026, 3, 30)
    work(book, monday - timedelta(days=3))  # Friday 27th, winter time
    # 17:45 CEST is 15:45 UTC; a window still on winter time (16:00 UTC) would pass it.
    work(book, monday, end="17:45")
    work(book, monday + timedelta(days=1))
    assert disconnect(book, local(monday + timedelta(days=1), "18:00")) == 1


def test_before_the_dst_change_the_end_is_17_00_winter_time(book: Database) -> None:
    friday = date(2026, 3, 27)
    # 17:45 CET is 16:45 UTC, and a window taken as summer time (15:00 UTC) would also fail
    # 17:20 CET (16:20 UTC): it must count.
    work(book, friday, end="17:20")
    assert disconnect(book, local(friday, "18:00")) == 1
    assert disconnect(book, datetime(2026, 3, 27, 16, 29, tzinfo=UTC)) == 0  # 17:29 CET
    assert disconnect(book, datetime(2026, 3, 27, 16, 30, tzinfo=UTC)) == 1  # 17:30 CET


# Reflection streak


def test_consecutive_workdays_with_a_reflection_make_a_streak(book: Database) -> None:
    for day in WEEK:
        reflect(book, day)
    assert reflection(book, local(FRI, "20:00")) == 5


def test_a_skipped_day_is_neutral(book: Database) -> None:
    for day in WEEK:
        (skip if day == WED else reflect)(book, day)
    assert reflection(book, local(FRI, "20:00")) == 4


def test_a_missing_workday_breaks_it(book: Database) -> None:
    for day in (MON, TUE, THU, FRI):
        reflect(book, day)
    assert reflection(book, local(FRI, "20:00")) == 2


def test_today_without_a_reflection_yet_does_not_break_it(book: Database) -> None:
    for day in (MON, TUE, WED, THU):
        reflect(book, day)
    assert reflection(book, local(FRI, "23:59")) == 4
    reflect(book, FRI)
    assert reflection(book, local(FRI, "23:59")) == 5
    # The next workday it is missing, and it breaks.
    assert reflection(book, local(NEXT_MON + timedelta(days=1), "08:00")) == 0


def test_weekends_and_days_off_neither_break_nor_extend_reflections(book: Database) -> None:
    with book.write() as session:
        add_days_off(session, NEXT_MON, NEXT_MON)
    reflect(book, THU)
    reflect(book, FRI)
    reflect(book, SAT)  # a weekend reflection does not extend it
    reflect(book, NEXT_MON + timedelta(days=1))
    assert reflection(book, local(NEXT_MON + timedelta(days=1), "20:00")) == 3


def test_reflection_streak_across_the_dst_change(book: Database) -> None:
    for n in range(-6, 6):
        day = date(2026, 3, 29) + timedelta(days=n)
        if day.weekday() < 5:
            reflect(book, day)
    assert reflection(book, local(date(2026, 4, 3), "20:00")) == 10


def test_journal_streaks_use_the_clock(book: Database) -> None:
    for day in WEEK:
        work(book, day)
        reflect(book, day)
    journal = Journal(book, FixedClock(local(FRI, "18:00"), BERLIN))
    assert journal.streaks() == Streaks(disconnect=5, reflection=5)
