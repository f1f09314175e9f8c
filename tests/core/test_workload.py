"""The workload over a period, aggregated in SQL, against figures worked out by hand: a DST
week, a shift across midnight, an on-call evening, a short rest, and a change of zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.records.incidents import IncidentDraft, log_incident
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reflection.reflections import ReflectionDraft, save_reflection, skip_day
from wellbeing_app.core.reflection.who5 import save_checkin
from wellbeing_app.core.schedule.weekly import add_days_off, add_on_call
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.aggregate import compared, workload
from wellbeing_app.core.workload.loads import Workload

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def local(text: str, zone: str = BERLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture
def berlin_9_to_5(db: Database) -> Database:
    weekdays_9_to_5(db)
    return db


def shift(db: Database, start: str, end: str) -> None:
    with db.write() as session:
        start_shift(session, at=local(start), now=NOW, zone=BERLIN)
        end_shift(session, at=local(end), now=NOW)


def ping(db: Database, at: str, source: str = "slack", minutes: int = 0) -> None:
    with db.write() as session:
        log_ping(session, at=local(at), now=NOW, zone=BERLIN, source=source, minutes=minutes)


def incident(db: Database, at: str, category: str, severity: int, minutes: int = 0) -> None:
    draft = IncidentDraft(
        at=local(at), category=category, severity=severity, minutes=minutes, summary="x"
    )
    with db.write() as session:
        log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.CLI)


def load(
    db: Database, first: date, last: date, zone: str = BERLIN, now: datetime = NOW
) -> Workload:
    with db.read() as session:
        return workload(session, Period(first, last), zone, now)


def test_a_week_with_a_dst_change_has_its_real_length(berlin_9_to_5: Database) -> None:
    # Sunday 29 March 2026 has 23 hours in Berlin; a shift over the whole day is 23 h.
    shift(berlin_9_to_5, "2026-03-29T00:00", "2026-03-30T00:00")
    result = load(berlin_9_to_5, date(2026, 3, 23), date(2026, 3, 29))

    sunday = result.days[-1]
    assert sunday.day == date(2026, 3, 29)
    assert sunday.hours_worked == pytest.approx(23.0)
    assert not sunday.workday and sunday.hours_scheduled == 0
    assert sunday.overtime_hours == pytest.approx(23.0)
    [week] = result.weeks
    assert week.week_start == date(2026, 3, 23) and week.days == 7
    assert week.hours_scheduled == pytest.approx(40.0)
    assert week.hours_worked == pytest.approx(23.0)
    assert result.totals.workdays == 5 and result.totals.days_off == 2


def test_contact_hours_follow_the_offset_in_force_at_each_instant(berlin_9_to_5: Database) -> None:
    ping(berlin_9_to_5, "2026-03-28T22:10")  # Saturday, UTC+1
    ping(berlin_9_to_5, "2026-03-29T22:10")  # Sunday, UTC+2
    ping(berlin_9_to_5, "2026-03-29T01:30")  # before the jump at 02:00
    ping(berlin_9_to_5, "2026-03-29T03:30")  # after it
    result = load(berlin_9_to_5, date(2026, 3, 23), date(2026, 3, 29))

    grid = result.contact_heatmap
    assert grid[5][22] == 1  # Saturday 22:00
    assert grid[6][22] == 1 and grid[6][1] == 1 and grid[6][3] == 1  # Sunday
    assert sum(map(sum, grid)) == 4
    assert result.totals.days_off_with_contact == 2
    assert result.totals.evenings_with_contact == 0


def test_a_shift_across_midnight_counts_toward_both_days(berlin_9_to_5: Database) -> None:
    shift(berlin_9_to_5, "2026-11-10T09:00", "2026-11-10T17:00")
    shift(berlin_9_to_5, "2026-11-10T20:00", "2026-11-11T02:00")  # back for a crisis
    shift(berlin_9_to_5, "2026-11-11T09:00", "2026-11-11T17:00")  # 7 h after 02:00
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))

    tuesday, wednesday = result.days[1], result.days[2]
    assert tuesday.hours_worked == pytest.approx(12.0)
    assert tuesday.overtime_hours == pytest.approx(4.0)
    assert wednesday.hours_worked == pytest.approx(10.0)
    assert wednesday.overtime_hours == pytest.approx(2.0)
    assert result.totals.hours_worked == pytest.approx(22.0)
    assert result.totals.overtime_hours == pytest.approx(6.0)
    assert result.totals.hours_scheduled == pytest.approx(40.0)
    # The evening session interrupts no rest (same working day); the night that follows does.
    assert result.totals.short_rest_gaps == 1


def test_a_lunch_break_is_not_a_short_rest(berlin_9_to_5: Database) -> None:
    shift(berlin_9_to_5, "2026-11-10T09:00", "2026-11-10T12:00")
    shift(berlin_9_to_5, "2026-11-10T13:00", "2026-11-10T18:00")
    shift(berlin_9_to_5, "2026-11-11T06:00", "2026-11-11T14:00")  # 12 h after 18:00
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))
    assert result.totals.short_rest_gaps == 0


@pytest.mark.parametrize(
    ("first_end", "second_start", "short"),
    [
        # The reference check's case, in UTC: 09:00-20:24 then 07:24 the next day is 11 h exactly.
        ("2026-11-10T20:24+00:00", "2026-11-11T07:24+00:00", False),
        ("2026-11-10T20:24:01+00:00", "2026-11-11T07:24+00:00", True),  # one second under
        ("2026-11-10T21:37+00:00", "2026-11-11T08:37+00:00", False),
        ("2026-11-10T19:59:59.999+00:00", "2026-11-11T06:59:59.999+00:00", False),
        ("2026-11-10T19:59:59.999+00:00", "2026-11-11T06:59:59.998+00:00", True),
    ],
)
def test_a_rest_of_exactly_11_hours_is_not_short_whatever_the_clock_time(
    berlin_9_to_5: Database, first_end: str, second_start: str, short: bool
) -> None:
    with berlin_9_to_5.write() as session:  # instants with their offset, not Berlin time
        for start, end in (
            ("2026-11-10T09:00+00:00", first_end),
            (second_start, "2026-11-11T17:00+00:00"),
        ):
            start_shift(session, at=datetime.fromisoformat(start), now=NOW, zone=BERLIN)
            end_shift(session, at=datetime.fromisoformat(end), now=NOW)
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))
    assert result.totals.short_rest_gaps == int(short)


def test_a_short_rest_before_the_period_counts_only_when_the_shift_starts_inside(
    berlin_9_to_5: Database,
) -> None:
    shift(berlin_9_to_5, "2026-11-08T14:00", "2026-11-08T23:00")  # Sunday
    shift(berlin_9_to_5, "2026-11-09T07:00", "2026-11-09T15:00")  # Monday, 8 h later
    assert load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15)).totals.short_rest_gaps == 1
    assert load(berlin_9_to_5, date(2026, 11, 2), date(2026, 11, 8)).totals.short_rest_gaps == 0


def test_an_on_call_evening_is_counted_apart(berlin_9_to_5: Database) -> None:
    with berlin_9_to_5.write() as session:
        add_on_call(session, local("2026-11-12T18:00"), local("2026-11-12T23:00"), BERLIN)
    ping(berlin_9_to_5, "2026-11-12T12:00", "email", 5)  # working hours (scheduled)
    ping(berlin_9_to_5, "2026-11-12T19:00", "phone", 20)  # on call
    ping(berlin_9_to_5, "2026-11-12T23:30", "slack", 7)  # after hours
    ping(berlin_9_to_5, "2026-11-13T07:00", "slack", 3)  # after hours, Friday morning
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))

    thursday = result.days[3]
    assert (thursday.after_hours_pings, thursday.after_hours_minutes) == (1, 7)
    assert thursday.oncall_pings == 1
    totals = result.totals
    assert (totals.after_hours_pings, totals.after_hours_minutes, totals.oncall_pings) == (2, 10, 1)
    assert result.by_source == {"slack": 2}
    assert result.weeks[0].after_hours_by_source == {"slack": 2}
    assert totals.evenings_with_contact == 2 and totals.workdays == 5
    assert totals.evening_share == pytest.approx(0.4)
    assert result.contact_heatmap[3][23] == 1 and result.contact_heatmap[4][7] == 1


def test_incidents_by_category_and_severity_with_the_after_hours_share(
    berlin_9_to_5: Database,
) -> None:
    incident(berlin_9_to_5, "2026-11-10T10:00", "harassment", 2, minutes=15)
    incident(berlin_9_to_5, "2026-11-10T21:00", "crisis", 5, minutes=90)
    incident(berlin_9_to_5, "2026-11-16T10:00", "harassment", 4, minutes=30)  # next week
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 22))

    assert result.incidents_by_category == {"harassment": 2, "crisis": 1}
    assert result.incidents_by_severity == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
    totals = result.totals
    assert (totals.incidents, totals.incident_minutes, totals.incidents_after_hours) == (3, 135, 1)
    first, second = result.weeks
    assert first.incidents_by_category == {"harassment": 1, "crisis": 1}
    assert first.incidents_by_severity[5] == 1 and second.incidents_by_severity[4] == 1
    assert (first.incidents, second.incidents) == (2, 1)


def test_days_off_are_not_workdays_and_have_no_scheduled_hours(berlin_9_to_5: Database) -> None:
    with berlin_9_to_5.write() as session:
        add_days_off(session, date(2026, 11, 11), date(2026, 11, 12))
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))
    assert result.totals.workdays == 3 and result.totals.days_off == 4
    assert result.totals.hours_scheduled == pytest.approx(24.0)


def test_counting_stops_now_and_a_running_shift_counts_until_now(berlin_9_to_5: Database) -> None:
    now = local("2026-11-26T13:00")  # Thursday
    with berlin_9_to_5.write() as session:
        start_shift(session, at=local("2026-11-26T09:30"), now=now, zone=BERLIN)
    result = load(berlin_9_to_5, date(2026, 11, 23), date(2026, 11, 29), now=now)
    assert result.days[3].hours_scheduled == pytest.approx(4.0)
    assert result.days[3].hours_worked == pytest.approx(3.5)
    assert result.days[4].hours_scheduled == 0  # Friday has not come yet
    assert result.totals.hours_scheduled == pytest.approx(28.0)


def test_days_follow_the_zone_asked_for(berlin_9_to_5: Database) -> None:
    # 03:00 UTC on Friday 13 November is 04:00 Friday in Berlin, 22:00 Thursday in New York.
    with berlin_9_to_5.write() as session:
        log_ping(
            session, at=datetime(2026, 11, 13, 3, tzinfo=UTC), now=NOW, zone=BERLIN, source="x"
        )
    berlin = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))
    new_york = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15), zone=NEW_YORK)
    assert berlin.days[4].after_hours_pings == 1 and berlin.contact_heatmap[4][4] == 1
    assert new_york.days[3].after_hours_pings == 1 and new_york.contact_heatmap[3][22] == 1


def test_wellbeing_averages_skip_skipped_days_and_find_the_latest_who5(
    berlin_9_to_5: Database,
) -> None:
    with berlin_9_to_5.write() as session:
        for d, mood, stress in ((10, 4, 2), (11, 2, 8), (12, 3, 5)):
            draft = ReflectionDraft(day=date(2026, 11, d), mood=mood, energy=3, stress=stress)
            save_reflection(session, draft, zone=BERLIN, now=NOW)
        skip_day(session, date(2026, 11, 13), zone=BERLIN, now=NOW)
        save_checkin(session, [3, 3, 3, 3, 3], day=date(2026, 10, 30), zone=BERLIN, now=NOW)
        save_checkin(session, [4, 4, 2, 2, 3], day=date(2026, 11, 13), zone=BERLIN, now=NOW)
        save_checkin(session, [5, 5, 5, 5, 5], day=date(2026, 11, 20), zone=BERLIN, now=NOW)
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))

    wellbeing = result.wellbeing
    assert wellbeing.reflection_days == 3
    assert wellbeing.mood_average == pytest.approx(3.0)
    assert wellbeing.stress_average == pytest.approx(5.0)
    assert [(p.day, p.score) for p in wellbeing.who5] == [(date(2026, 11, 13), 60)]
    assert wellbeing.latest_who5 is not None and wellbeing.latest_who5.score == 60
    assert (result.days[1].mood, result.days[1].stress) == (4, 2)
    assert result.days[4].mood is None  # skipped


def test_an_empty_database_gives_an_empty_workload(db: Database) -> None:
    result = load(db, date(2026, 10, 26), date(2026, 11, 22))
    assert result.is_empty
    assert len(result.days) == 28 and len(result.weeks) == 4
    assert result.totals.workdays == 0  # no schedule yet
    assert result.incidents_by_severity == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert result.wellbeing.latest_who5 is None


def test_the_previous_period_has_the_same_length() -> None:
    period = Period(date(2026, 11, 2), date(2026, 11, 26))
    assert period.previous() == Period(date(2026, 10, 8), date(2026, 11, 1))
    assert period.week_starts()[0] == date(2026, 11, 2) and len(period.week_starts()) == 4
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 11, 2), date(2026, 11, 1))


def test_one_pass_over_both_periods_gives_what_two_separate_ones_give(
    berlin_9_to_5: Database,
) -> None:
    shift(berlin_9_to_5, "2026-11-03T09:00", "2026-11-03T19:00")
    shift(berlin_9_to_5, "2026-11-09T22:00", "2026-11-10T03:00")
    shift(berlin_9_to_5, "2026-11-10T09:00", "2026-11-10T17:00")  # 6 h rest: a short one
    ping(berlin_9_to_5, "2026-11-04T21:00", "teams", 4)
    ping(berlin_9_to_5, "2026-11-12T21:00", "slack", 6)
    incident(berlin_9_to_5, "2026-11-05T20:00", "threats", 5, minutes=40)
    incident(berlin_9_to_5, "2026-11-11T10:00", "crisis", 3, minutes=20)
    period = Period(date(2026, 11, 9), date(2026, 11, 15))
    with berlin_9_to_5.read() as session:
        current, previous = compared(session, period, BERLIN, NOW)
        alone = workload(session, period, BERLIN, NOW)
        before = workload(session, period.previous(), BERLIN, NOW)
    assert current == alone
    assert previous == before.totals
    assert previous.hours_worked == pytest.approx(10.0) and previous.incident_minutes == 40
    assert current.totals.short_rest_gaps == 1 and previous.short_rest_gaps == 0
    assert current.by_source == {"slack": 1}  # the previous week's ping stays out
    assert current.incidents_by_category == {"crisis": 1}


def test_a_contact_at_work_during_an_on_call_week_is_work_not_on_call(
    berlin_9_to_5: Database,
) -> None:
    with berlin_9_to_5.write() as session:
        add_on_call(session, local("2026-11-12T00:00"), local("2026-11-13T00:00"), BERLIN)
    ping(berlin_9_to_5, "2026-11-12T12:00")  # scheduled: work
    ping(berlin_9_to_5, "2026-11-12T20:00")  # on call
    result = load(berlin_9_to_5, date(2026, 11, 9), date(2026, 11, 15))
    assert (result.totals.oncall_pings, result.totals.after_hours_pings) == (1, 0)
