"""Shifts: one open at most, ends after it starts, no overlaps, true lengths across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ConflictError, NotFoundError, ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.records.shifts import (
    MAX_NOTE,
    ShiftRow,
    delete_shift,
    end_shift,
    list_shifts,
    running_shift,
    start_shift,
    update_shift,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin, Shift
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.time.local_time import day_bounds, parse_time

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(text_: str, zone: str = BERLIN) -> datetime:
    return parse_time(text_, NOW, zone)


def add_shift(db: Database, start: datetime, end: datetime | None, zone: str = BERLIN) -> ShiftRow:
    with db.write() as session:
        row = start_shift(session, at=start, now=NOW, zone=zone)
        if end is not None:
            row = end_shift(session, at=end, now=NOW)
    return row


def all_shifts(db: Database) -> list[ShiftRow]:
    with db.read() as session:
        return list_shifts(session, *EVER)


def open_count(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(Shift).where(col(Shift.end_utc).is_(None))
    ).one()


# --- starting and ending ------------------------------------------------------------------


def test_start_and_end_a_shift(db: Database) -> None:
    with db.write() as session:
        started = start_shift(
            session, at=utc(2026, 3, 10, 8), now=NOW, zone=BERLIN, origin=Origin.CLI, note=" x "
        )
    assert started.end is None
    with db.read() as session:
        running = running_shift(session)
    assert running is not None
    assert running.id == started.id
    assert running.start == utc(2026, 3, 10, 8)
    assert running.zone == BERLIN
    assert running.origin == "cli"
    assert running.note == "x"
    assert running.local_start == datetime(2026, 3, 10, 9, tzinfo=ZoneInfo(BERLIN))
    assert running.local_end is None

    with db.write() as session:
        ended = end_shift(session, at=utc(2026, 3, 10, 16, 30), now=NOW)
    assert ended.id == started.id
    [stored] = all_shifts(db)
    assert stored.end == utc(2026, 3, 10, 16, 30)
    assert stored.length(NOW) == timedelta(hours=8, minutes=30)
    assert stored.hours(NOW) == 8.5
    with db.read() as session:
        assert running_shift(session) is None


def test_running_shift_length_counts_up_to_now(db: Database) -> None:
    row = add_shift(db, NOW - timedelta(hours=2, minutes=20), None)
    assert row.length(NOW) == timedelta(hours=2, minutes=20)
    assert row.hours(NOW) == 2.33
    assert row.length(NOW + timedelta(hours=1)) == timedelta(hours=3, minutes=20)


def test_only_one_shift_can_run(db: Database) -> None:
    add_shift(db, utc(2026, 3, 10, 8), None)
    with pytest.raises(ConflictError, match="already running"), db.write() as session:
        start_shift(session, at=utc(2026, 3, 10, 9), now=NOW, zone=BERLIN)
    assert len(all_shifts(db)) == 1


def test_database_refuses_a_second_open_shift_too(db: Database) -> None:
    # The rule holds even for a writer that skips the core functions.
    add_shift(db, utc(2026, 3, 10, 8), None)
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(Shift(start_utc=utc(2026, 3, 1, 8), zone=BERLIN))
        session.flush()
    with db.read() as session:
        assert open_count(session) == 1


def test_database_refuses_an_end_before_the_start(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(Shift(start_utc=utc(2026, 3, 1, 8), end_utc=utc(2026, 3, 1, 7), zone=BERLIN))
        session.flush()
    assert all_shifts(db) == []


def test_database_allows_many_closed_shifts(db: Database) -> None:
    with db.write() as session:
        for day in range(1, 6):
            session.add(
                Shift(start_utc=utc(2026, 3, day, 8), end_utc=utc(2026, 3, day, 16), zone=BERLIN)
            )
    assert len(all_shifts(db)) == 5


def test_end_without_a_running_shift_is_a_conflict(db: Database) -> None:
    with pytest.raises(ConflictError, match="no shift is running"), db.write() as session:
        end_shift(session, at=utc(2026, 3, 10, 8), now=NOW)
    add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 9))
    with pytest.raises(ConflictError), db.write() as session:
        end_shift(session, at=utc(2026, 3, 10, 10), now=NOW)


@pytest.mark.parametrize("end", [utc(2026, 3, 10, 8), utc(2026, 3, 10, 7, 59)])
def test_a_shift_ends_after_it_starts(db: Database, end: datetime) -> None:
    add_shift(db, utc(2026, 3, 10, 8), None)
    with pytest.raises(ValidationError) as caught, db.write() as session:
        end_shift(session, at=end, now=NOW)
    assert caught.value.field == "at"
    [still_running] = all_shifts(db)
    assert still_running.end is None


def test_future_times_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        start_shift(session, at=NOW + timedelta(minutes=5), now=NOW, zone=BERLIN)
    assert caught.value.field == "at"
    assert all_shifts(db) == []
    # Clocks drift a little between devices: a few seconds ahead is fine.
    add_shift(db, NOW + timedelta(seconds=30), None)
    with pytest.raises(ValidationError), db.write() as session:
        end_shift(session, at=NOW + timedelta(hours=1), now=NOW)
    assert all_shifts(db)[0].end is None


def test_note_is_limited(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        start_shift(
            session, at=utc(2026, 3, 10, 8), now=NOW, zone=BERLIN, note="x" * (MAX_NOTE + 1)
        )
    assert caught.value.field == "note"
    assert all_shifts(db) == []
    row = add_shift(db, utc(2026, 3, 10, 8), None)
    assert row.note is None


# --- overlaps -----------------------------------------------------------------------------


def test_a_new_shift_may_not_start_inside_an_earlier_one(db: Database) -> None:
    add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    with pytest.raises(ValidationError, match="overlaps") as caught, db.write() as session:
        start_shift(session, at=utc(2026, 3, 10, 15), now=NOW, zone=BERLIN)
    assert caught.value.field == "at"
    assert len(all_shifts(db)) == 1


def test_a_shift_may_start_the_moment_the_last_one_ended(db: Database) -> None:
    add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    add_shift(db, utc(2026, 3, 10, 16), utc(2026, 3, 10, 18))
    assert [s.start for s in all_shifts(db)] == [utc(2026, 3, 10, 8), utc(2026, 3, 10, 16)]


def test_a_running_shift_may_not_start_before_a_recorded_one(db: Database) -> None:
    # Started on the 9th and still running, it would cover the shift on the 10th.
    add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    with pytest.raises(ValidationError, match="overlaps"), db.write() as session:
        start_shift(session, at=utc(2026, 3, 9, 8), now=NOW, zone=BERLIN)
    assert len(all_shifts(db)) == 1


# --- lengths across midnight and DST ------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "zone", "hours"),
    [
        ("2026-03-10T22:00", "2026-03-11T06:00", BERLIN, 8),
        # Spring forward: 02:00 becomes 03:00, the night is an hour shorter.
        ("2026-03-28T22:00", "2026-03-29T06:00", BERLIN, 7),
        # Fall back: 03:00 becomes 02:00 again, the night is an hour longer.
        ("2026-10-24T22:00", "2026-10-25T06:00", BERLIN, 9),
        ("2026-03-07T22:00", "2026-03-08T06:00", NEW_YORK, 7),
        ("2026-10-31T22:00", "2026-11-01T06:00", NEW_YORK, 9),
        ("2026-10-25T01:00", "2026-10-25T04:00", BERLIN, 4),
    ],
)
def test_lengths_across_midnight_and_dst(
    db: Database, start: str, end: str, zone: str, hours: int
) -> None:
    add_shift(db, local(start, zone), local(end, zone), zone)
    [stored] = all_shifts(db)  # read back from the file, in a new session
    assert stored.length(NOW) == timedelta(hours=hours)
    assert stored.hours(NOW) == hours
    assert stored.local_start.replace(tzinfo=None) == datetime.fromisoformat(start)
    assert stored.local_end is not None
    assert stored.local_end.replace(tzinfo=None) == datetime.fromisoformat(end)


def test_length_is_right_when_given_local_aware_times(db: Database) -> None:
    # Callers (dialogs) may pass datetimes that carry the user's zone instead of UTC; the
    # length must still be the real elapsed time, in the returned row and in the stored one.
    tz = ZoneInfo(BERLIN)
    start = datetime(2026, 3, 28, 22, 0, tzinfo=tz)
    end = datetime(2026, 3, 29, 6, 0, tzinfo=tz)
    with db.write() as session:
        row = start_shift(session, at=utc(2026, 3, 1, 8), now=NOW, zone=BERLIN)
        edited = update_shift(session, row.id, start=start, end=end, note=None, now=NOW)
        assert edited.length(NOW) == timedelta(hours=7)
    assert all_shifts(db)[0].length(NOW) == timedelta(hours=7)


def test_end_after_start_is_judged_on_instants_not_wall_clock(db: Database) -> None:
    # In Berlin on 2026-10-25, 02:10 (second time, +01:00) comes 40 minutes after
    # 02:30 (first time, +02:00), although it reads earlier on the wall clock.
    tz = ZoneInfo(BERLIN)
    first_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=tz)
    second_0210 = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=tz)
    with db.write() as session:
        start_shift(session, at=first_0230, now=NOW, zone=BERLIN)
        ended = end_shift(session, at=second_0210, now=NOW)
        assert ended.length(NOW) == timedelta(minutes=40)
    assert all_shifts(db)[0].length(NOW) == timedelta(minutes=40)


def test_update_judges_end_after_start_on_instants(db: Database) -> None:
    # 02:30 (first time, +02:00) is 40 minutes *before* 02:10 (second time, +01:00).
    tz = ZoneInfo(BERLIN)
    second_0210 = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=tz)
    first_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=tz)
    row = add_shift(db, utc(2026, 10, 1, 8), utc(2026, 10, 1, 9))
    with pytest.raises(ValidationError) as caught, db.write() as session:
        update_shift(session, row.id, start=second_0210, end=first_0230, note=None, now=NOW)
    assert caught.value.field == "end"
    with db.write() as session:
        edited = update_shift(
            session, row.id, start=first_0230, end=second_0210, note=None, now=NOW
        )
        assert edited.length(NOW) == timedelta(minutes=40)
    assert all_shifts(db)[0].length(NOW) == timedelta(minutes=40)


def test_naive_datetimes_are_a_programming_error(db: Database) -> None:
    with pytest.raises(TypeError), db.write() as session:
        start_shift(session, at=datetime(2026, 3, 10, 8), now=NOW, zone=BERLIN)
    assert all_shifts(db) == []


# --- editing and deleting -----------------------------------------------------------------


def test_update_shift_changes_times_and_note(db: Database) -> None:
    row = add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    with db.write() as session:
        update_shift(
            session,
            row.id,
            start=utc(2026, 3, 10, 9),
            end=utc(2026, 3, 10, 17),
            note=" late ",
            now=NOW,
        )
    [stored] = all_shifts(db)
    assert (stored.start, stored.end, stored.note) == (
        utc(2026, 3, 10, 9),
        utc(2026, 3, 10, 17),
        "late",
    )


def test_update_shift_keeps_the_rules(db: Database) -> None:
    first = add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    second = add_shift(db, utc(2026, 3, 11, 8), utc(2026, 3, 11, 16))

    def edit(shift_id: int, start: datetime, end: datetime | None) -> None:
        with db.write() as session:
            update_shift(session, shift_id, start=start, end=end, note=None, now=NOW)

    with pytest.raises(ValidationError) as caught:
        edit(first.id, utc(2026, 3, 10, 8), utc(2026, 3, 10, 8))
    assert caught.value.field == "end"
    with pytest.raises(ValidationError) as caught:
        edit(first.id, utc(2026, 3, 10, 8), utc(2026, 3, 11, 9))
    assert caught.value.field == "start"
    assert "overlaps" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        edit(first.id, NOW + timedelta(hours=1), None)
    assert caught.value.field == "start"
    with pytest.raises(ValidationError) as caught:
        edit(second.id, utc(2026, 3, 11, 8), NOW + timedelta(hours=1))
    assert caught.value.field == "end"
    # Reopening the earlier shift would make it run over the later one.
    with pytest.raises(ValidationError):
        edit(first.id, utc(2026, 3, 10, 8), None)

    assert [(s.start, s.end) for s in all_shifts(db)] == [
        (utc(2026, 3, 10, 8), utc(2026, 3, 10, 16)),
        (utc(2026, 3, 11, 8), utc(2026, 3, 11, 16)),
    ]


def test_update_may_reopen_the_last_shift_but_not_make_two_open(db: Database) -> None:
    first = add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    with db.write() as session:
        reopened = update_shift(
            session, first.id, start=utc(2026, 3, 10, 8), end=None, note=None, now=NOW
        )
    assert reopened.end is None
    with db.write() as session:  # editing the running shift itself is fine
        update_shift(session, first.id, start=utc(2026, 3, 10, 7), end=None, note=None, now=NOW)

    with db.write() as session:
        session.execute(text("DELETE FROM shift"))
    earlier = add_shift(db, utc(2026, 3, 1, 8), utc(2026, 3, 1, 16))
    add_shift(db, utc(2026, 3, 2, 8), None)
    with pytest.raises(ConflictError), db.write() as session:
        update_shift(session, earlier.id, start=utc(2026, 3, 1, 8), end=None, note=None, now=NOW)
    with db.read() as session:
        assert open_count(session) == 1


def test_update_and_delete_a_missing_shift(db: Database) -> None:
    with pytest.raises(NotFoundError), db.write() as session:
        update_shift(session, 99, start=utc(2026, 3, 1), end=None, note=None, now=NOW)
    with pytest.raises(NotFoundError), db.write() as session:
        delete_shift(session, 99)


def test_delete_shift(db: Database) -> None:
    keep = add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    gone = add_shift(db, utc(2026, 3, 11, 8), None)
    with db.write() as session:
        delete_shift(session, gone.id)
    assert [s.id for s in all_shifts(db)] == [keep.id]
    with db.read() as session:
        assert running_shift(session) is None
    add_shift(db, utc(2026, 3, 12, 8), None)  # the clock can start again


# --- listing ------------------------------------------------------------------------------


def test_a_shift_across_midnight_appears_on_both_days(db: Database) -> None:
    night = add_shift(db, local("2026-03-09T22:00"), local("2026-03-10T06:00"))
    day = add_shift(db, local("2026-03-11T09:00"), local("2026-03-11T17:00"))

    def on(day_: date) -> list[int]:
        with db.read() as session:
            return [s.id for s in list_shifts(session, *day_bounds(day_, BERLIN))]

    assert on(date(2026, 3, 8)) == []
    assert on(date(2026, 3, 9)) == [night.id]
    assert on(date(2026, 3, 10)) == [night.id]
    assert on(date(2026, 3, 11)) == [day.id]
    assert on(date(2026, 3, 12)) == []
    with db.read() as session:
        span = list_shifts(session, local("2026-03-09T00:00"), local("2026-03-12T00:00"))
    assert [s.id for s in span] == [night.id, day.id]  # oldest first


def test_list_shifts_bounds_are_half_open(db: Database) -> None:
    row = add_shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    with db.read() as session:
        assert list_shifts(session, utc(2026, 3, 10, 16), utc(2026, 3, 11)) == []
        assert list_shifts(session, utc(2026, 3, 9), utc(2026, 3, 10, 8)) == []
        assert [s.id for s in list_shifts(session, utc(2026, 3, 10, 15, 59), utc(2026, 3, 11))] == [
            row.id
        ]
        assert [s.id for s in list_shifts(session, utc(2026, 3, 9), utc(2026, 3, 10, 8, 1))] == [
            row.id
        ]


def test_a_running_shift_appears_on_every_day_since_it_started(db: Database) -> None:
    row = add_shift(db, local("2026-11-13T09:00"), None)
    with db.read() as session:
        for day in (13, 14, 15):
            assert [
                s.id for s in list_shifts(session, *day_bounds(date(2026, 11, day), BERLIN))
            ] == [row.id]
        assert list_shifts(session, *day_bounds(date(2026, 11, 12), BERLIN)) == []


# --- properties ---------------------------------------------------------------------------

_ZONES = [BERLIN, NEW_YORK, "America/Havana", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
_property = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _dst_change_days(zone: str) -> list[datetime]:
    """Local midnights of the days on which the zone's offset changes (2000-2026)."""
    tz = ZoneInfo(zone)
    days = []
    day = datetime(2000, 1, 1)
    while day.year < 2027:
        following = day + timedelta(days=1)
        if day.replace(tzinfo=tz).utcoffset() != following.replace(tzinfo=tz).utcoffset():
            days.append(day)
        day = following
    return days


_CHANGES = {zone: _dst_change_days(zone) for zone in _ZONES}


@st.composite
def _shift_in_zone(draw: st.DrawFn) -> tuple[str, datetime, datetime]:
    """A zone and local wall-clock start and end; half the time around a DST change."""
    zone = draw(st.sampled_from(_ZONES))
    changes = _CHANGES[zone]
    if changes and draw(st.booleans()):
        day = draw(st.sampled_from(changes))
        wall = day + draw(
            st.timedeltas(min_value=timedelta(hours=-24), max_value=timedelta(days=2))
        )
    else:
        wall = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2026, 10, 1)))
    start = wall.replace(tzinfo=ZoneInfo(zone), fold=draw(st.sampled_from([0, 1])))
    length = draw(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=3)))
    end = start + length  # wall-clock arithmetic: the span may hold a DST change
    return zone, start, end


def test_the_property_strategy_knows_the_dst_days() -> None:
    assert datetime(2026, 3, 28) in _CHANGES[BERLIN] or datetime(2026, 3, 29) in _CHANGES[BERLIN]
    assert len(_CHANGES[BERLIN]) == 2 * 27
    assert _CHANGES["Asia/Kolkata"] == []


@_property
@given(case=_shift_in_zone())
def test_stored_length_is_the_utc_difference(
    db: Database, case: tuple[str, datetime, datetime]
) -> None:
    # Start and end are local wall times (possibly skipped or repeated ones) carrying the
    # user's zone, as a dialog would pass them. Whatever the wall clock says, a shift's length
    # is the time that really passed, and a shift never ends before it starts.
    zone, start, end = case
    elapsed = end.astimezone(UTC) - start.astimezone(UTC)
    with db.write() as session:  # each example starts from an empty table
        session.execute(text("DELETE FROM shift"))
    with db.read() as session:
        try:
            row = start_shift(session, at=start, now=NOW, zone=zone)
            ended = end_shift(session, at=end, now=NOW)
        except ValidationError:
            assert elapsed <= timedelta(0)
            session.rollback()
            return
        assert elapsed > timedelta(0)
        assert ended.length(NOW) == elapsed
        # Editing the shift with the same local times keeps the length too.
        edited = update_shift(session, row.id, start=start, end=end, note=None, now=NOW)
        assert edited.length(NOW) == elapsed
        session.commit()
    with db.read() as session:
        [stored] = list_shifts(session, *EVER)
        assert stored.end is not None
        assert stored.end > stored.start
        assert stored.length(NOW) == elapsed
        # (Compared in UTC: Python never calls a gap or fold time equal to another zone's.)
        assert (stored.start, stored.end) == (start.astimezone(UTC), end.astimezone(UTC))


_steps = st.lists(
    st.tuples(
        st.sampled_from(["start", "end", "edit_open"]),
        st.integers(min_value=-48 * 60, max_value=48 * 60),
    ),
    max_size=25,
)


@_property
@given(steps=_steps)
def test_sequences_never_leave_two_open_or_overlapping_shifts(
    db: Database, steps: list[tuple[str, int]]
) -> None:
    base = utc(2026, 6, 1, 12)
    with db.read() as session:
        for action, minutes in steps:
            at = base + timedelta(minutes=minutes)
            try:
                with session.begin_nested():
                    if action == "start":
                        start_shift(session, at=at, now=NOW, zone=BERLIN)
                    elif action == "end":
                        end_shift(session, at=at, now=NOW)
                    else:
                        last = list_shifts(session, *EVER)
                        if last:
                            update_shift(
                                session,
                                last[-1].id,
                                start=last[-1].start,
                                end=None,
                                note=None,
                                now=NOW,
                            )
            except (ConflictError, ValidationError):
                pass
            assert open_count(session) <= 1
            rows = list_shifts(session, *EVER)
            for earlier, later in pairwise(rows):
                assert earlier.end is not None, "only the newest shift may be open"
                assert earlier.end <= later.start
            for row in rows:
                assert row.end is None or row.end > row.start
            running = running_shift(session)
            assert (running is None) == (open_count(session) == 0)
        session.rollback()


# --- adding a forgotten shift after the fact ------------------------------------------------


def test_a_forgotten_shift_is_added_before_a_later_one(db: Database) -> None:
    journal = Journal(db, FixedClock(utc(2026, 3, 12, 12), BERLIN), Origin.CLI)
    journal.start_shift(utc(2026, 3, 12, 8))  # today's shift runs
    added = journal.add_shift(local("2026-03-10 09:00"), local("2026-03-10 17:30"), "forgot")
    assert (added.hours(utc(2026, 3, 12, 12)), added.note, added.origin) == (8.5, "forgot", "cli")
    assert [s.start for s in all_shifts(db)] == [added.start, utc(2026, 3, 12, 8)]


def test_an_added_shift_across_midnight_and_a_dst_change_keeps_its_real_length(
    db: Database,
) -> None:
    journal = Journal(db, FixedClock(utc(2026, 4, 1), BERLIN))
    night = journal.add_shift(local("2026-03-28 22:00"), local("2026-03-29 06:00"))
    assert night.length(utc(2026, 4, 1)) == timedelta(hours=7)


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        (
            "2026-03-10 16:00",
            "2026-03-10 20:00",
            "start",
            "overlaps the shift from 2026-03-10 09:00",
        ),
        (
            "2026-03-10 08:00",
            "2026-03-10 09:30",
            "start",
            "overlaps the shift from 2026-03-10 09:00",
        ),
        ("2026-03-10 18:00", "2026-03-10 18:00", "end", "must come after the start"),
        ("2026-03-12 18:00", "2026-03-12 20:00", "start", "is in the future"),
    ],
)
def test_an_added_shift_is_refused_naming_the_problem(
    db: Database, start: str, end: str, field: str, words: str
) -> None:
    journal = Journal(db, FixedClock(utc(2026, 3, 12, 12), BERLIN))
    journal.add_shift(local("2026-03-10 09:00"), local("2026-03-10 17:00"))
    with pytest.raises(ValidationError) as refused:
        journal.add_shift(local(start), local(end))
    assert refused.value.field == field
    assert words in refused.value.message
    assert len(all_shifts(db)) == 1  # nothing half-written
