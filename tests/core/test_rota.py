"""The rota: dated working windows that replace the weekly pattern on their dates, kept as
instants, and followed by every figure that uses the schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.schedules import BERLIN, weekdays_9_to_5
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.schedule import rota
from wellbeing_app.core.schedule.weekly import add_days_off, load_book
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock

SATURDAY = date(2026, 3, 14)
SPRING_FORWARD_NIGHT = date(2026, 3, 28)  # Berlin moves 02:00 -> 03:00 on the 29th
FALL_BACK_NIGHT = date(2026, 10, 24)  # 03:00 -> 02:00 on the 25th


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def hours(entry: rota.RotaEntry) -> float:
    return (entry.end - entry.start).total_seconds() / 3600


def test_a_night_window_is_as_long_as_it_really_is_across_dst(db: Database) -> None:
    with db.write() as session:
        spring = rota.add_rota(session, SPRING_FORWARD_NIGHT, 22 * 60, 6 * 60, BERLIN)
        autumn = rota.add_rota(session, FALL_BACK_NIGHT, 22 * 60, 6 * 60, BERLIN)
        plain = rota.add_rota(session, date(2026, 5, 2), 22 * 60, 6 * 60, BERLIN)
    assert (hours(spring), hours(autumn), hours(plain)) == (7, 9, 8)
    assert spring.start == utc("2026-03-28T22:00+01:00")
    assert spring.end == utc("2026-03-29T06:00+02:00")


def test_the_rota_replaces_the_weekly_pattern_on_its_date_only(db: Database) -> None:
    weekdays_9_to_5(db)
    monday = date(2026, 3, 16)
    with db.write() as session:
        rota.add_rota(session, SATURDAY, 10 * 60, 14 * 60, BERLIN)
        rota.add_rota(session, monday, 13 * 60, 21 * 60, BERLIN)
    with db.read() as session:
        book = load_book(session)
    assert book.planned_on(SATURDAY) == [
        rota.Interval(utc("2026-03-14T10:00+01:00"), utc("2026-03-14T14:00+01:00"))
    ]
    assert book.planned_on(monday)[0].start == utc("2026-03-16T13:00+01:00")
    assert len(book.planned_on(monday)) == 1  # 09:00-17:00 is gone that day
    assert book.planned_on(date(2026, 3, 17))[0].start == utc("2026-03-17T09:00+01:00")
    assert book.is_scheduled(utc("2026-03-16T20:00+01:00"))
    assert not book.is_scheduled(utc("2026-03-16T10:00+01:00"))
    assert book.is_scheduled(utc("2026-03-14T11:00+01:00"))


def test_a_day_off_wins_over_the_rota(db: Database) -> None:
    with db.write() as session:
        rota.add_rota(session, SATURDAY, 10 * 60, 14 * 60, BERLIN)
        add_days_off(session, SATURDAY, SATURDAY)
    with db.read() as session:
        book = load_book(session)
    assert book.planned_on(SATURDAY) == []
    assert not book.is_scheduled(utc("2026-03-14T11:00+01:00"))


def test_a_rota_alone_sets_working_hours_from_its_first_day(db: Database) -> None:
    with db.write() as session:
        rota.add_rota(session, SATURDAY, 10 * 60, 14 * 60, BERLIN)
        rota.add_rota(session, date(2026, 3, 20), 10 * 60, 14 * 60, BERLIN)
    with db.read() as session:
        book = load_book(session)
    assert book.first_start() == utc("2026-03-14T00:00+01:00")
    assert book.hours_set_from() == SATURDAY
    assert not book.is_planned(date(2026, 3, 13))
    assert book.is_planned(SATURDAY)


def test_the_rota_starts_working_hours_earlier_than_a_later_weekly_pattern(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 4, 6))
    with db.write() as session:
        rota.add_rota(session, SATURDAY, 10 * 60, 14 * 60, BERLIN)
    with db.read() as session:
        book = load_book(session)
    assert book.hours_set_from() == SATURDAY


def test_overlapping_windows_are_refused_even_across_midnight(db: Database) -> None:
    with db.write() as session:
        rota.add_rota(session, SATURDAY, 22 * 60, 6 * 60, BERLIN)
    with (
        pytest.raises(ValidationError, match="overlaps the rota window of 2026-03-14"),
        db.write() as session,
    ):
        rota.add_rota(session, SATURDAY + timedelta(days=1), 5 * 60, 9 * 60, BERLIN)
    with db.write() as session:  # touching is fine
        rota.add_rota(session, SATURDAY + timedelta(days=1), 6 * 60, 9 * 60, BERLIN)
        assert len(rota.list_rota(session)) == 2


def test_clearing_days_brings_back_the_weekly_pattern(db: Database) -> None:
    weekdays_9_to_5(db)
    monday = date(2026, 3, 16)
    with db.write() as session:
        rota.add_rota(session, monday, 13 * 60, 21 * 60, BERLIN)
        rota.add_rota(session, monday + timedelta(days=1), 13 * 60, 21 * 60, BERLIN)
        rota.add_rota(session, monday + timedelta(days=5), 13 * 60, 21 * 60, BERLIN)
        assert rota.clear_rota(session, monday, monday + timedelta(days=1)) == 2
    with db.read() as session:
        book = load_book(session)
        assert [e.day for e in rota.list_rota(session)] == [monday + timedelta(days=5)]
    assert book.planned_on(monday)[0].start == utc("2026-03-16T09:00+01:00")
    with pytest.raises(ValidationError, match="ends"), db.write() as session:
        rota.clear_rota(session, monday, monday - timedelta(days=1))


def test_a_window_typed_by_hand_takes_the_zone_of_the_schedule_on_its_date(db: Database) -> None:
    weekdays_9_to_5(db)
    journal = Journal(db, FixedClock(utc("2026-03-10T12:00Z"), "America/New_York"))
    entry = journal.rota.add(SATURDAY, 10 * 60, 14 * 60)
    assert entry.zone == BERLIN
    assert entry.start == utc("2026-03-14T10:00+01:00")
    before_any = Journal(db, FixedClock(utc("2026-03-10T12:00Z"), "America/New_York"))
    early = before_any.rota.add(date(2025, 12, 6), 10 * 60, 14 * 60)
    assert early.zone == "America/New_York"
