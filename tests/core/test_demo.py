"""Demo history: realistic amounts and shapes, reproducible by seed, and written only into a
database that holds no data (all of it or nothing)."""

from __future__ import annotations

import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from wellbeing_app.core.demo import fill as demo
from wellbeing_app.core.demo import history as demo_history
from wellbeing_app.core.demo.fill import DemoSummary, fill_demo, held_data
from wellbeing_app.core.demo.history import DemoHistory, build_history, easter, years_before
from wellbeing_app.core.errors import ConflictError, ValidationError
from wellbeing_app.core.records.incidents import (
    IncidentDraft,
    IncidentRow,
    list_incidents,
    log_incident,
)
from wellbeing_app.core.records.pings import PingRow, list_pings, log_ping
from wellbeing_app.core.records.shifts import ShiftRow, end_shift, list_shifts, start_shift
from wellbeing_app.core.reflection.reflections import (
    ReflectionDraft,
    list_reflections,
    save_reflection,
)
from wellbeing_app.core.reflection.who5 import list_checkins, save_checkin
from wellbeing_app.core.schedule.weekly import (
    Window,
    add_days_off,
    add_on_call,
    load_book,
    load_on_call,
    set_schedule,
)
from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.store.models import Origin, Reflection
from wellbeing_app.core.store.settings import set_setting
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.time.local_time import in_zone, local_date, start_of_day
from wellbeing_app.core.vocabulary import IncidentCategory, PingSource

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
TABLES = (
    "shift",
    "ping",
    "incident",
    "reflection",
    "handoff_item",
    "checkin",
    "schedule_version",
    "schedule_window",
    "day_off",
    "on_call",
    "setting",
)


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table: int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in TABLES
        }


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One year of demo history (default seed) up to NOW in Berlin, shared by read-only tests."""
    db = open_database(tmp_path_factory.mktemp("demo") / "wellbeing.sqlite3")
    clock = FixedClock(NOW, BERLIN)
    summary = fill_demo(db, years=1, now=clock.now(), zone=clock.zone())
    yield db, summary
    db.close()


@pytest.fixture(scope="module")
def stored(year: tuple[Database, DemoSummary]) -> dict[str, Any]:
    db, _ = year
    with db.read() as session:
        return {
            "shifts": list_shifts(session, *EVER),
            "pings": list_pings(session, *EVER),
            "incidents": list_incidents(session, *EVER),
            "reflections": list_reflections(session),
            "checkins": list_checkins(session),
        }


# --- how much, and of what ---------------------------------------------------------------


def test_one_year_holds_about_a_year_of_work(year: tuple[Database, DemoSummary]) -> None:
    db, summary = year
    rows = counts(db)
    assert 235 <= summary.shifts <= 265  # ~250 workdays, less holidays and a vacation
    assert 4_800 <= summary.pings <= 8_000  # ~23 a workday
    assert 200 <= summary.incidents <= 750
    assert 0.9 * summary.shifts <= summary.reflections <= summary.shifts
    assert summary.checkins == 26  # every 14 days
    assert 4 <= summary.days_off <= 8 and 6 <= summary.on_call <= 11
    assert rows["shift"] == summary.shifts and rows["ping"] == summary.pings
    assert rows["incident"] == summary.incidents and rows["reflection"] == summary.reflections
    assert rows["checkin"] == summary.checkins and rows["day_off"] == summary.days_off
    assert rows["on_call"] == summary.on_call
    assert rows["handoff_item"] == 0 and rows["setting"] == 0
    assert summary.line() == (
        f"Demo data: 1 year, {summary.shifts:,} shifts, {summary.pings:,} pings, "
        f"{summary.incidents:,} incidents, {summary.reflections:,} reflections, "
        f"26 check-ins in {db.path}"
    )


def test_two_years_hold_about_twice_as_much() -> None:
    one = build_history(1, now=NOW, zone=BERLIN, seed=11)
    two = build_history(2, now=NOW, zone=BERLIN, seed=11)
    assert 470 <= len(two.shifts) <= 530
    assert 10_000 <= len(two.pings) <= 15_000
    assert 52 <= len(two.checkins) <= 53
    for kind in ("shifts", "pings", "reflections", "days_off"):
        ratio = len(getattr(two, kind)) / len(getattr(one, kind))
        assert 1.7 <= ratio <= 2.3, kind


def test_the_schedule_is_mon_fri_from_the_first_day(year: tuple[Database, DemoSummary]) -> None:
    db, _ = year
    with db.read() as session:
        book = load_book(session)
        on_call = load_on_call(session, *EVER)
    [version] = book.versions
    assert version.effective_from == date(2025, 11, 15) and version.zone == BERLIN
    assert version.windows == tuple(Window(d, 9 * 60, 17 * 60 + 30) for d in range(5))
    assert any(last - first == timedelta(days=13) for first, last in book.days_off)  # vacation
    assert book.is_day_off(date(2025, 12, 25)) and book.is_day_off(date(2026, 5, 1))
    assert all(p.end - p.start == timedelta(days=7) for p in on_call)
    assert all(b.start - a.start >= timedelta(weeks=5) for a, b in pairwise(on_call))


# --- shifts ----------------------------------------------------------------------------------


def test_shifts_are_closed_ordered_and_never_overlap(stored: dict[str, Any]) -> None:
    shifts: list[ShiftRow] = stored["shifts"]
    first = start_of_day(date(2025, 11, 15), BERLIN)
    for shift in shifts:
        assert shift.end is not None and shift.start < shift.end <= NOW
        assert shift.start >= first and shift.origin == Origin.IMPORT.value
        assert shift.zone == BERLIN
    for before, after in pairwise(shifts):
        assert before.end is not None and before.end <= after.start


def test_shifts_look_like_office_days_with_overtime(stored: dict[str, Any]) -> None:
    shifts: list[ShiftRow] = stored["shifts"]
    weekday = [s for s in shifts if s.local_start.weekday() < 5]
    weekend = [s for s in shifts if s.local_start.weekday() >= 5]
    assert all(time(8, 45) <= s.local_start.time() <= time(9, 30) for s in weekday)
    ends = [s.local_end for s in weekday if s.local_end is not None]
    late = [e for e in ends if e.time() >= time(18, 0)]
    assert 0.12 <= len(late) / len(ends) <= 0.45
    past_midnight = [s for s in shifts if s.local_end and s.local_end.date() > s.local_start.date()]
    assert past_midnight and all(
        s.local_end and s.local_end.time() < time(2, 0) for s in past_midnight
    )
    assert 1 <= len(weekend) <= 12
    days = {s.local_start.date() for s in shifts}
    assert date(2025, 12, 25) not in days and date(2026, 1, 1) not in days


# --- pings and incidents ---------------------------------------------------------------------


def inside(instant: datetime, shifts: list[ShiftRow]) -> bool:
    index = bisect_right([s.start for s in shifts], instant) - 1
    end = shifts[index].end if index >= 0 else None
    return end is not None and instant < end


def test_most_pings_fall_in_shifts_and_some_after_hours(stored: dict[str, Any]) -> None:
    pings: list[PingRow] = stored["pings"]
    shifts: list[ShiftRow] = stored["shifts"]
    in_shift = [p for p in pings if inside(p.at, shifts)]
    assert 0.75 <= len(in_shift) / len(pings) <= 0.95
    after = [p for p in pings if p.after_hours]
    on_call = [p for p in pings if p.on_call]
    assert len(after) >= 300 and len(on_call) >= 50
    assert not any(inside(p.at, shifts) for p in after)
    evening = [p for p in after if 18 <= in_zone(p.at, BERLIN).hour < 23]
    assert len(evening) / len(after) >= 0.6
    assert statistics.mean(p.minutes for p in after) < statistics.mean(p.minutes for p in in_shift)
    assert {p.source for p in pings} == {s.value for s in PingSource} - {"other"}
    assert all(0 <= p.minutes <= 30 and p.at <= NOW for p in pings)
    assert {p.origin for p in pings} == {"import"} and {p.note for p in pings} == {None}


def test_incidents_come_in_bursts_mostly_mild(stored: dict[str, Any]) -> None:
    incidents: list[IncidentRow] = stored["incidents"]
    assert {i.category for i in incidents} == {c.value for c in IncidentCategory}
    severity = Counter(i.severity for i in incidents)
    assert set(severity) == {1, 2, 3, 4, 5} and severity[1] > severity[4] > 0
    assert all(5 <= i.minutes <= 120 and i.at <= NOW for i in incidents)
    assert {(i.summary, i.details, i.origin) for i in incidents} == {
        ("Demo incident", None, "import")
    }
    weekly = Counter(local_date(i.at, BERLIN).isocalendar()[:2] for i in incidents)
    assert max(weekly.values()) >= 4 * statistics.median(weekly.values())


# --- reflections and check-ins ---------------------------------------------------------------


def test_reflections_follow_the_day_s_load(stored: dict[str, Any]) -> None:
    reflections: list[Reflection] = stored["reflections"]
    pings: list[PingRow] = stored["pings"]
    incidents: list[IncidentRow] = stored["incidents"]
    load = Counter(local_date(i.at, BERLIN) for i in incidents)
    load.update(local_date(p.at, BERLIN) for p in pings if p.after_hours or p.on_call)
    answered = [r for r in reflections if not r.skipped]
    assert 0 < len(reflections) - len(answered) <= 0.05 * len(reflections)  # a few skipped
    heavy = [r for r in answered if load[r.day] >= 8]
    light = [r for r in answered if load[r.day] <= 2]
    assert len(heavy) >= 10 and len(light) >= 10

    def mean(rows: list[Reflection], field: Callable[[Reflection], int | None]) -> float:
        return statistics.mean(v for v in map(field, rows) if v is not None)

    assert mean(heavy, lambda r: r.stress) >= mean(light, lambda r: r.stress) + 2
    assert mean(heavy, lambda r: r.mood) <= mean(light, lambda r: r.mood) - 0.8
    assert {r.went_well for r in answered} == {"Demo reflection"}
    assert all(r.leave_at_work is None for r in reflections)
    shift_days = {s.local_start.date() for s in stored["shifts"]}
    assert {r.day for r in reflections} <= shift_days


def test_checkins_every_two_weeks_drift(stored: dict[str, Any]) -> None:
    checkins = stored["checkins"]
    days = [c.day for c in checkins]
    assert all(b - a == timedelta(days=14) for a, b in pairwise(days))
    scores = [c.result.score for c in checkins]
    assert len(set(scores)) >= 6 and max(scores) - min(scores) >= 20


# --- reproducible ------------------------------------------------------------------------------


def rows_of(history: DemoHistory) -> tuple[object, ...]:
    return (
        history.shifts,
        history.pings,
        history.incidents,
        history.reflections,
        history.checkins,
        history.days_off,
        history.on_call,
    )


def test_the_same_seed_gives_the_same_history_another_seed_another() -> None:
    first = build_history(1, now=NOW, zone=BERLIN, seed=3)
    assert rows_of(first) == rows_of(build_history(1, now=NOW, zone=BERLIN, seed=3))
    other = build_history(1, now=NOW, zone=BERLIN, seed=4)
    assert other.shifts != first.shifts and other.pings != first.pings
    assert other.reflections != first.reflections


def test_the_default_seed_is_fixed(db: Database, clock: FixedClock) -> None:
    fill_demo(db, years=1, now=clock.now(), zone=clock.zone())
    with db.read() as session:
        pings = session.execute(text("SELECT at_utc, source, minutes FROM ping")).all()
    again = build_history(1, now=NOW, zone=BERLIN, seed=demo.DEFAULT_SEED)
    assert [tuple(p) for p in pings] == [
        (f"{r['at_utc']:%Y-%m-%d %H:%M:%S.%f}", r["source"], r["minutes"]) for r in again.pings
    ]


def test_other_zones_keep_local_office_hours() -> None:
    history = build_history(1, now=NOW, zone="Pacific/Auckland", seed=5)
    starts = [in_zone(s["start_utc"], "Pacific/Auckland") for s in history.shifts]
    assert all(time(8, 45) <= s.time() <= time(9, 30) for s in starts if s.weekday() < 5)
    assert all(a["end_utc"] < b["start_utc"] for a, b in pairwise(history.shifts))


def test_calendar_helpers() -> None:
    assert easter(2024) == date(2024, 3, 31) and easter(2025) == date(2025, 4, 20)
    assert years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)
    assert years_before(date(2026, 11, 15), 10) == date(2016, 11, 15)


# --- only into an empty database, all or nothing -----------------------------------------


def _shift(session: Session) -> None:
    start_shift(session, at=NOW - timedelta(hours=3), now=NOW, zone=BERLIN)
    end_shift(session, at=NOW - timedelta(hours=1), now=NOW)


def _ping(session: Session) -> None:
    log_ping(session, at=NOW, now=NOW, zone=BERLIN, source="slack")


def _incident(session: Session) -> None:
    draft = IncidentDraft(at=NOW, category="crisis", severity=2)
    log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.CLI)


def _reflection(session: Session) -> None:
    draft = ReflectionDraft(date(2026, 11, 14), 3, 3, 5, leave_at_work="reply to A")
    save_reflection(session, draft, zone=BERLIN, now=NOW)


def _checkin(session: Session) -> None:
    save_checkin(session, [3, 3, 3, 3, 3], day=date(2026, 11, 14), zone=BERLIN, now=NOW)


def _schedule(session: Session) -> None:
    set_schedule(
        session,
        days=[0],
        start_minute=540,
        end_minute=600,
        zone=BERLIN,
        effective_from=date(2026, 1, 1),
    )


def _day_off(session: Session) -> None:
    add_days_off(session, date(2026, 12, 24), date(2026, 12, 24))


def _on_call(session: Session) -> None:
    add_on_call(session, NOW, NOW + timedelta(days=1), BERLIN)


@pytest.mark.parametrize(
    ("write", "named"),
    [
        (_shift, "shifts"),
        (_ping, "pings"),
        (_incident, "incidents"),
        (_reflection, "reflections"),
        (_checkin, "check-ins"),
        (_schedule, "schedule versions"),
        (_day_off, "days off"),
        (_on_call, "on-call periods"),
    ],
)
def test_a_database_with_any_data_is_refused_and_left_alone(
    db: Database, clock: FixedClock, write: Callable[[Session], None], named: str
) -> None:
    with db.write() as session:
        write(session)
    before = counts(db)
    with pytest.raises(ConflictError, match=f"already holds data \\(.*{named}"):
        fill_demo(db, years=1, now=clock.now(), zone=clock.zone())
    assert counts(db) == before


def test_settings_alone_do_not_make_a_database_used(db: Database, clock: FixedClock) -> None:
    with db.write() as session:
        set_setting(session, "language", "de")
    with db.read() as session:
        assert held_data(session) == []
    assert fill_demo(db, years=1, now=clock.now(), zone=clock.zone()).shifts > 0


def test_data_written_meanwhile_is_noticed_inside_the_write(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process logs a ping between the first look and the write: refused."""

    def build_then_someone_logs(*args: Any, **kwargs: Any) -> DemoHistory:
        other = open_database(db.path)
        with other.write() as session:
            _ping(session)
        other.close()
        return build_history(*args, **kwargs)

    monkeypatch.setattr(demo, "build_history", build_then_someone_logs)
    with pytest.raises(ConflictError, match="pings"):
        fill_demo(db, years=1, now=clock.now(), zone=clock.zone())
    assert counts(db) == {**dict.fromkeys(TABLES, 0), "ping": 1}


def test_a_failure_half_way_writes_nothing(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def with_a_bad_last_row(*args: Any, **kwargs: Any) -> DemoHistory:
        history = build_history(*args, **kwargs)
        history.checkins[-1]["item5"] = 9  # breaks a CHECK constraint, after all else is in
        return history

    monkeypatch.setattr(demo, "build_history", with_a_bad_last_row)
    with pytest.raises(IntegrityError):
        fill_demo(db, years=1, now=clock.now(), zone=clock.zone())
    assert counts(db) == dict.fromkeys(TABLES, 0)


@pytest.mark.parametrize("years", [0, 21, -1, True])
def test_years_must_be_1_to_20(db: Database, clock: FixedClock, years: int) -> None:
    with pytest.raises(ValidationError) as caught:
        fill_demo(db, years=years, now=clock.now(), zone=clock.zone())
    assert caught.value.field == "years"
    assert counts(db) == dict.fromkeys(TABLES, 0)


def test_an_unknown_zone_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        fill_demo(db, years=1, now=NOW, zone="Mars/Olympus")
    assert counts(db) == dict.fromkeys(TABLES, 0)


def test_twenty_years_is_the_limit() -> None:
    assert demo.MAX_YEARS == demo_history.MAX_YEARS == 20


def test_nothing_lies_in_the_future_even_mid_shift(db: Database) -> None:
    """Now is 11:00 on a Tuesday: that morning's shift is still running, so it is left out."""
    now = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
    fill_demo(db, years=1, now=now, zone=BERLIN)
    columns = {
        "shift": "end_utc",
        "ping": "at_utc",
        "incident": "at_utc",
        "reflection": "saved_utc",
        "checkin": "saved_utc",
        "on_call": "end_utc",
    }
    with db.read() as session:
        latest = [
            session.execute(text(f"SELECT max({column}) FROM {table}")).scalar_one()
            for table, column in columns.items()
        ]
        shifts = list_shifts(session, *EVER)
    assert all(datetime.fromisoformat(value).replace(tzinfo=UTC) <= now for value in latest)
    assert all(s.end is not None for s in shifts)
    assert shifts[-1].local_start.date() == date(2026, 11, 16)


def test_some_crisis_incidents_followed_a_decision_against_advice() -> None:
    history = build_history(1, now=NOW, zone=BERLIN)
    marked = [i for i in history.incidents if i["against_advice"]]
    assert 0 < len(marked) < len(history.incidents) / 3
    for incident in marked:
        day = incident["at_utc"].astimezone(ZoneInfo(BERLIN)).date()
        assert incident["advised_on"] is not None
        assert day - timedelta(days=3) <= incident["advised_on"] <= day
        assert incident["category"] != "internal_pressure"
    assert all(i["advised_on"] is None for i in history.incidents if not i["against_advice"])
