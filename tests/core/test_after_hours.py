"""After hours, refined: outside the schedule in force and outside every recorded shift; inside
an on-call period a ping is on call instead; before working hours were first set, a ping outside
every shift is not judged. Judged in SQL, checked here against the schedule itself, edge by edge
and for many pings at once."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.records.pings import PingRow, list_pings, log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.schedule.weekly import (
    Interval,
    ScheduleBook,
    WeeklySchedule,
    Window,
    add_days_off,
    add_on_call,
    save_week,
    set_schedule,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin, Ping

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
SECOND = timedelta(seconds=1)


def local(text: str, zone: str = BERLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def judge(db: Database, when: datetime) -> tuple[bool, bool]:
    """Log a ping at ``when``; its (after_hours, on_call) as logging and listing both say."""
    with db.write() as session:
        logged = log_ping(session, at=when, now=NOW, zone=BERLIN, source="slack")
    listed = verdicts(db)[logged.id]
    assert (logged.after_hours, logged.on_call) == listed
    return listed


def verdicts(db: Database) -> dict[int, tuple[bool, bool]]:
    with db.read() as session:
        return {p.id: (p.after_hours, p.on_call) for p in list_pings(session, *EVER)}


def shift(db: Database, start: datetime, end: datetime | None) -> None:
    with db.write() as session:
        start_shift(session, at=start, now=NOW, zone=BERLIN)
        if end is not None:
            end_shift(session, at=end, now=NOW)


AFTER_HOURS = (True, False)
WORKING = (False, False)
ON_CALL = (False, True)


# --- one ping at a time --------------------------------------------------------------------


def test_inside_the_window_without_a_shift_is_working_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    assert judge(db, local("2026-03-10T10:00")) == WORKING


def test_the_window_is_half_open(db: Database) -> None:
    weekdays_9_to_5(db)
    assert judge(db, local("2026-03-10T09:00")) == WORKING
    assert judge(db, local("2026-03-10T17:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-10T09:00") - SECOND) == AFTER_HOURS
    assert judge(db, local("2026-03-10T17:00") - SECOND) == WORKING


def test_an_evening_ping_is_after_hours_and_says_so(db: Database) -> None:
    weekdays_9_to_5(db)
    assert judge(db, local("2026-03-10T20:00")) == AFTER_HOURS
    with db.read() as session:
        [row] = list_pings(session, *EVER)
    assert row.timing == "after hours"


def test_a_weekend_ping_is_after_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    assert judge(db, local("2026-03-14T10:00")) == AFTER_HOURS


def test_overtime_in_a_recorded_shift_is_not_after_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    shift(db, local("2026-03-10T09:00"), local("2026-03-10T21:00"))
    assert judge(db, local("2026-03-10T20:00")) == WORKING
    assert judge(db, local("2026-03-10T21:00")) == AFTER_HOURS  # the shift ended
    # A shift on a day the schedule has no window (a Saturday) counts too.
    shift(db, local("2026-03-14T10:00"), local("2026-03-14T12:00"))
    assert judge(db, local("2026-03-14T10:00")) == WORKING
    assert judge(db, local("2026-03-14T12:30")) == AFTER_HOURS


def test_a_running_shift_covers_the_evening(db: Database) -> None:
    weekdays_9_to_5(db)
    shift(db, local("2026-03-10T09:00"), None)
    assert judge(db, local("2026-03-10T20:00")) == WORKING
    assert judge(db, local("2026-03-10T08:59")) == AFTER_HOURS  # before it started


def test_an_on_call_ping_is_on_call_not_after_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    with db.write() as session:
        add_on_call(session, local("2026-03-10T19:00"), local("2026-03-10T23:00"), BERLIN)
    assert judge(db, local("2026-03-10T20:00")) == ON_CALL
    assert judge(db, local("2026-03-10T19:00")) == ON_CALL
    assert judge(db, local("2026-03-10T23:00")) == AFTER_HOURS
    with db.read() as session:
        timings = [p.timing for p in list_pings(session, *EVER)]
    assert timings == ["on call", "on call", "after hours"]


def test_a_day_off_makes_the_window_after_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    with db.write() as session:
        add_days_off(session, date(2026, 3, 11), date(2026, 3, 11))
        add_days_off(session, date(2026, 3, 16), date(2026, 3, 18))
    assert judge(db, local("2026-03-11T10:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-17T10:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-12T10:00")) == WORKING
    assert judge(db, local("2026-03-19T10:00")) == WORKING


def test_a_past_day_is_judged_by_the_schedule_in_force_then(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 3, 2))
    assert judge(db, local("2026-03-10T10:00")) == WORKING
    assert judge(db, local("2026-03-10T18:00")) == AFTER_HOURS
    before = verdicts(db)
    with db.write() as session:  # later hours from the 16th on
        set_schedule(
            session,
            days=[0, 1, 2, 3, 4],
            start_minute=12 * 60,
            end_minute=20 * 60,
            zone=BERLIN,
            effective_from=date(2026, 3, 16),
        )
    assert verdicts(db) == before  # the earlier pings keep their verdicts
    assert judge(db, local("2026-03-17T18:00")) == WORKING
    assert judge(db, local("2026-03-17T10:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-13T18:00")) == AFTER_HOURS  # the Friday before


def test_a_late_window_crossing_midnight(db: Database) -> None:
    with db.write() as session:
        save_week(session, [Window(4, 18 * 60, 2 * 60)], BERLIN, date(2026, 1, 5))  # Fri 18-02
    saturday_1_30 = judge(db, local("2026-03-14T01:30"))
    assert saturday_1_30 == WORKING
    assert judge(db, local("2026-03-14T02:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-13T17:59")) == AFTER_HOURS
    assert judge(db, local("2026-03-13T23:59")) == WORKING
    ids = sorted(verdicts(db))
    with db.write() as session:  # a day off on the Saturday does not touch Friday's window
        add_days_off(session, date(2026, 3, 14), date(2026, 3, 14))
    assert verdicts(db)[ids[0]] == WORKING
    with db.write() as session:  # one on the Friday removes it
        add_days_off(session, date(2026, 3, 13), date(2026, 3, 13))
    assert verdicts(db)[ids[0]] == AFTER_HOURS
    assert verdicts(db)[ids[3]] == AFTER_HOURS


def test_a_night_window_over_the_spring_forward_night(db: Database) -> None:
    with db.write() as session:
        save_week(session, [Window(5, 22 * 60, 6 * 60)], BERLIN, date(2026, 1, 5))  # Sat 22-06
    assert judge(db, local("2026-03-29T05:59")) == WORKING  # 03:59 UTC, summer time
    assert judge(db, local("2026-03-29T06:00")) == AFTER_HOURS
    assert judge(db, local("2026-03-28T21:59")) == AFTER_HOURS


def test_without_a_schedule_a_ping_is_judged_against_shifts_only(db: Database) -> None:
    shift(db, local("2026-03-10T09:00"), local("2026-03-10T17:00"))
    assert judge(db, local("2026-03-10T10:00")) == WORKING
    # A Tuesday 11:00 ping is not "after hours" just because no hours were set yet.
    assert judge(db, local("2026-03-11T11:00")) == WORKING
    with db.read() as session:
        rows = list_pings(session, *EVER)
    assert [(r.judged, r.timing) for r in rows] == [
        (True, "working hours"),
        (False, "not judged: no working hours set"),
    ]


def test_a_schedule_judges_from_its_first_day_on(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 3, 11))
    assert judge(db, local("2026-03-10T22:00")) == WORKING  # before: not judged
    assert judge(db, local("2026-03-10T23:59:59")) == WORKING
    assert judge(db, local("2026-03-11T00:00")) == AFTER_HOURS  # the first day's midnight
    with db.read() as session:
        assert [r.judged for r in list_pings(session, *EVER)] == [False, False, True]


def test_on_call_is_judged_without_a_schedule(db: Database) -> None:
    with db.write() as session:
        add_on_call(session, local("2026-03-10T18:00"), local("2026-03-11T08:00"), BERLIN)
    assert judge(db, local("2026-03-10T21:00")) == ON_CALL


# --- many pings against a reference --------------------------------------------------------

YEAR_START = datetime(2025, 11, 1, tzinfo=UTC)
YEAR_END = datetime(2026, 11, 1, tzinfo=UTC)


def random_week(rng: random.Random) -> list[Window]:
    """Some days with one or two windows (quarter hours), some crossing midnight."""
    windows = []
    for weekday in range(7):
        for _ in range(rng.choice([0, 1, 1, 1, 2])):
            start = rng.randrange(0, 96) * 15
            length = rng.randrange(4, 56) * 15  # 1 to 14 hours
            windows.append(Window(weekday, start, (start + length) % 1440))
    return windows


def random_instant(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))


def reference_verdict(
    instant: datetime,
    working: list[Interval],
    shifts: list[tuple[datetime, datetime | None]],
    book: ScheduleBook,
) -> tuple[bool, bool, bool]:
    """Plain Python: scan the scheduled intervals, the shifts and the on-call periods;
    (after hours, on call, judged)."""
    scheduled = any(i.start <= instant < i.end for i in working)
    in_shift = any(s <= instant and (e is None or instant < e) for s, e in shifts)
    # On call counts only off work: a contact during scheduled time or a shift is work.
    on_call = book.is_on_call(instant) and not scheduled and not in_shift
    first = book.versions[0]
    set_from = datetime.combine(first.effective_from, datetime.min.time(), ZoneInfo(first.zone))
    schedule_set = instant >= set_from
    judged = scheduled or in_shift or on_call or schedule_set
    return (not scheduled and not in_shift and not on_call and schedule_set, on_call, judged)


@pytest.mark.parametrize("seed", [3, 17])
def test_many_pings_over_a_year_agree_with_a_reference(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    # Three versions: Berlin, then New York (its DST dates differ), then Berlin again.
    versions = [
        # Set some weeks into the year: the pings before it are not judged.
        WeeklySchedule(date(2025, 11, rng.randrange(10, 28)), BERLIN, tuple(random_week(rng))),
        WeeklySchedule(date(2026, 3, rng.randrange(1, 20)), NEW_YORK, tuple(random_week(rng))),
        WeeklySchedule(date(2026, 7, rng.randrange(1, 28)), BERLIN, tuple(random_week(rng))),
    ]
    days_off = []
    for _ in range(10):
        first = YEAR_START.date() + timedelta(days=rng.randrange(360))
        days_off.append((first, first + timedelta(days=rng.choice([0, 0, 1, 4]))))
    on_call = []
    for _ in range(25):
        start = random_instant(rng, YEAR_START, YEAR_END).replace(second=0)
        on_call.append(Interval(start, start + timedelta(minutes=rng.randrange(30, 14 * 60))))
    # Shifts one after another, never overlapping; the last one still running.
    shifts: list[tuple[datetime, datetime | None]] = []
    cursor = YEAR_START
    while cursor < YEAR_END - timedelta(days=6):
        start = cursor + timedelta(minutes=rng.randrange(60, 3 * 24 * 60))
        end = start + timedelta(minutes=rng.randrange(15, 14 * 60))
        shifts.append((start, end))
        cursor = end
    shifts.append((YEAR_END - timedelta(days=3), None))
    assert len(shifts) > 100

    with db.write() as session:
        for version in versions:
            save_week(session, list(version.windows), version.zone, version.effective_from)
        for first, last in days_off:
            add_days_off(session, first, last)
        for period in on_call:
            add_on_call(session, period.start, period.end, BERLIN, Origin.CLI)
        for shift_start, shift_end in shifts:
            start_shift(session, at=shift_start, now=NOW, zone=BERLIN)
            if shift_end is not None:
                end_shift(session, at=shift_end, now=NOW)

    reference = ScheduleBook(versions, days_off, on_call)
    working = reference.working_intervals(YEAR_START - timedelta(days=2), YEAR_END)
    assert len(working) > 200
    # Random instants, plus instants on and next to every edge the verdict turns on.
    edges = [i.start for i in working] + [i.end for i in working]
    edges += [p.start for p in on_call] + [p.end for p in on_call]
    edges += [s for s, _ in shifts] + [e for _, e in shifts if e is not None]
    edges = [e for e in edges if YEAR_START < e < YEAR_END]
    instants = [random_instant(rng, YEAR_START, YEAR_END) for _ in range(1400)]
    instants += [
        rng.choice(edges) + rng.choice([-SECOND, timedelta(0), SECOND]) for _ in range(600)
    ]

    with db.write() as session:  # one transaction for all of them
        session.add_all(
            Ping(at_utc=instant, zone=BERLIN, source="slack", origin=Origin.IMPORT.value)
            for instant in instants
        )
    with db.read() as session:
        rows: list[PingRow] = list_pings(session, *EVER)

    assert len(rows) == len(instants) == 2000
    assert [r.at for r in rows] == sorted(instants)
    expected = [reference_verdict(r.at, working, shifts, reference) for r in rows]
    wrong = [
        (r.at.isoformat(), (r.after_hours, r.on_call, r.judged), want)
        for r, want in zip(rows, expected, strict=True)
        if (r.after_hours, r.on_call, r.judged) != want
    ]
    assert wrong == []
    # Not a vacuous comparison: every kind of verdict occurs, and many pings sit on an edge.
    outcomes = {want: expected.count(want) for want in set(expected)}
    assert outcomes[(*AFTER_HOURS, True)] > 100
    assert outcomes[(*WORKING, True)] > 100
    assert outcomes[(*ON_CALL, True)] > 10
    assert outcomes[(*WORKING, False)] > 10  # before the first schedule: not judged
    in_shift_only = sum(
        1
        for r, want in zip(rows, expected, strict=True)
        if want == (*WORKING, True) and not any(i.start <= r.at < i.end for i in working)
    )
    assert in_shift_only > 10
    on_an_edge = set(edges)
    assert sum(r.at in on_an_edge for r in rows) > 50
