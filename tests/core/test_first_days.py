"""Honest figures from the first day: before any working hours are set nothing is after hours
and no day is a workday or a day off; days that have not begun count as neither; a schedule set
mid-period judges only the days from then on."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.aggregate import compared, workload
from wellbeing_app.core.workload.loads import Workload

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("UTC"))  # Thursday, 13:00 in Berlin


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(BERLIN))


def ping(db: Database, at: str) -> None:
    with db.write() as session:
        log_ping(session, at=local(at), now=NOW, zone=BERLIN, source="slack")


def shift(db: Database, start: str, end: str) -> None:
    with db.write() as session:
        start_shift(session, at=local(start), now=NOW, zone=BERLIN)
        end_shift(session, at=local(end), now=NOW)


def load(db: Database, first: date, last: date) -> Workload:
    with db.read() as session:
        return workload(session, Period(first, last), BERLIN, NOW)


def test_with_no_schedule_a_tuesday_morning_ping_is_not_after_hours(db: Database) -> None:
    ping(db, "2026-11-24 11:00")  # Tuesday
    ping(db, "2026-11-24 22:30")
    result = load(db, date(2026, 11, 2), date(2026, 11, 26))
    t = result.totals
    assert (t.after_hours_pings, t.evenings_with_contact, t.days_off_with_contact) == (0, 0, 0)
    assert (t.workdays, t.days_off, t.hours_scheduled) == (0, 0, 0.0)
    assert not any(day.judged for day in result.days)
    assert result.contact_heatmap == [[0] * 24 for _ in range(7)]


def test_hours_worked_count_without_a_schedule(db: Database) -> None:
    shift(db, "2026-11-24 09:00", "2026-11-24 18:00")
    result = load(db, date(2026, 11, 23), date(2026, 11, 26))
    assert result.totals.hours_worked == pytest.approx(9.0)
    # Overtime is work beyond the schedule: with none set there is nothing to be beyond.
    assert result.totals.overtime_hours == 0.0


def test_days_before_the_first_schedule_are_neither_workdays_nor_days_off(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 11, 18))  # a Wednesday
    ping(db, "2026-11-17 22:00")  # before: not judged
    ping(db, "2026-11-18 22:00")  # after: after hours
    ping(db, "2026-11-21 12:00")  # a Saturday under the schedule: a day off reached
    result = load(db, date(2026, 11, 9), date(2026, 11, 22))
    t = result.totals
    # 18-20 Nov are workdays (Wed-Fri), 21-22 Nov days off; 9-17 Nov count as neither.
    assert (t.workdays, t.days_off) == (3, 2)
    assert (t.after_hours_pings, t.evenings_with_contact, t.days_off_with_contact) == (2, 1, 1)
    assert [d.day.day for d in result.days if d.judged] == [18, 19, 20, 21, 22]


def test_days_not_begun_count_as_neither_and_agree_with_the_hours_scheduled(
    db: Database,
) -> None:
    weekdays_9_to_5(db)
    result = load(db, date(2026, 11, 23), date(2026, 11, 29))  # NOW is Thursday 13:00
    t = result.totals
    assert (t.workdays, t.days_off) == (4, 0)  # Monday to Thursday; the weekend is to come
    assert t.hours_scheduled == pytest.approx(3 * 8 + 4)  # Thursday up to 13:00
    assert [d.judged for d in result.days] == [True] * 4 + [False] * 3


def test_the_previous_period_before_any_schedule_holds_no_workdays(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 11, 16))
    with db.read() as session:
        current, previous = compared(
            session, Period(date(2026, 11, 16), date(2026, 11, 22)), BERLIN, NOW
        )
    assert current.totals.workdays == 5
    assert (previous.workdays, previous.days_off) == (0, 0)
