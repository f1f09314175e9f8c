"""Add up what the job took over a period: hours, after-hours contact, incidents and how the
days felt, per local day and week, aggregated in SQL.

Every query groups in the database over an indexed instant column, joined against the local
calendar laid out for the period (see ``local_calendar``); Python only folds the grouped rows
(a few per day) into weeks. Counting stops at ``now``: the rest of today is not scheduled yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Float, and_, case, cast, func, literal, or_, select
from sqlmodel import Session, col

from wellbeing_app.core import after_hours
from wellbeing_app.core.local_calendar import lay_out_days, lay_out_offsets, local_day, zone_offset
from wellbeing_app.core.localtime import day_bounds, local_date
from wellbeing_app.core.models import Checkin, Incident, Ping, Reflection, Shift
from wellbeing_app.core.schedule import ScheduleBook, load_book
from wellbeing_app.core.workload_types import (
    SEVERITIES,
    DayLoad,
    Period,
    Totals,
    WeekLoad,
    Wellbeing,
    Who5Point,
    Workload,
)

DAILY_REST = timedelta(hours=11)  # the daily-rest minimum of the EU working-time directive
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]


def workload(session: Session, period: Period, zone: str, now: datetime) -> Workload:
    """Everything the dashboard and the summaries show for ``period`` in ``zone``."""
    start, _ = day_bounds(period.start, zone)
    end = min(day_bounds(period.end, zone)[1], now)
    end = max(end, start)
    book = load_book(session)
    lay_out_days(session, period.dates(), zone, end)
    lay_out_offsets(session, start, end, zone)
    after_hours.lay_out(session, start, end)

    days = {d: DayLoad(day=d, workday=_is_workday(book, d)) for d in period.dates()}
    _add_scheduled(days, book, start, end, zone)
    _add_worked(session, days, start, end, now)
    by_source, week_sources = _add_pings(session, days)
    incidents = _add_incidents(session, days)
    _add_reflections(session, days, period)

    day_list = [days[d] for d in period.dates()]
    weeks = _weeks(period, day_list, week_sources, incidents.by_week)
    totals = Totals(
        hours_worked=sum(d.hours_worked for d in day_list),
        hours_scheduled=sum(d.hours_scheduled for d in day_list),
        overtime_hours=sum(d.overtime_hours for d in day_list),
        after_hours_pings=sum(d.after_hours_pings for d in day_list),
        after_hours_minutes=sum(d.after_hours_minutes for d in day_list),
        workdays=sum(1 for d in day_list if d.workday),
        evenings_with_contact=sum(1 for d in day_list if d.workday and d.after_hours_pings),
        days_off=sum(1 for d in day_list if not d.workday),
        days_off_with_contact=sum(1 for d in day_list if not d.workday and d.after_hours_pings),
        oncall_pings=sum(d.oncall_pings for d in day_list),
        incidents=sum(d.incidents for d in day_list),
        incident_minutes=incidents.minutes,
        incidents_after_hours=incidents.after_hours,
        short_rest_gaps=short_rest_gaps(session, start, end, zone),
    )
    return Workload(
        period=period,
        zone=zone,
        totals=totals,
        days=day_list,
        weeks=weeks,
        by_source=dict(by_source.most_common()),
        incidents_by_category=dict(incidents.by_category.most_common()),
        incidents_by_severity={s: incidents.by_severity.get(s, 0) for s in SEVERITIES},
        contact_heatmap=_contact_heatmap(session),
        wellbeing=_wellbeing(session, period),
    )


def _is_workday(book: ScheduleBook, day: date) -> bool:
    schedule = book.in_force(day)
    return bool(schedule and schedule.windows_on(day.weekday()) and not book.is_day_off(day))


def _add_scheduled(
    days: dict[date, DayLoad], book: ScheduleBook, start: datetime, end: datetime, zone: str
) -> None:
    """Scheduled hours per local day, from the schedule in force (computed per day, not per
    stored row); a window crossing midnight counts toward both days it covers."""
    hours: dict[date, float] = defaultdict(float)
    for interval in book.working_intervals(start, end):
        s, e = max(interval.start, start), min(interval.end, end)
        while s < e:
            day = local_date(s, zone)
            cut = min(e, day_bounds(day, zone)[1])
            hours[day] += (cut - s).total_seconds() / 3600
            s = cut
    for day, value in hours.items():
        if day in days:
            days[day] = replace(days[day], hours_scheduled=value)


def _add_worked(
    session: Session, days: dict[date, DayLoad], start: datetime, end: datetime, now: datetime
) -> None:
    """Hours worked per local day: each shift cut at day boundaries (a running one at now)."""
    shift_end = func.coalesce(col(Shift.end_utc), literal(now, _INSTANT))
    lo = func.max(col(Shift.start_utc), local_day.c.s)
    hi = func.min(shift_end, local_day.c.e)
    hours = func.sum((func.julianday(hi) - func.julianday(lo)) * 24.0)
    query = (
        select(local_day.c.day, hours)
        .select_from(local_day)
        .join(Shift, and_(col(Shift.start_utc) < local_day.c.e, shift_end > local_day.c.s))
        # Only shifts that touch the period: both bounds are indexed.
        .where(
            or_(col(Shift.end_utc) > start, col(Shift.end_utc).is_(None)),
            col(Shift.start_utc) < end,
        )
        .group_by(local_day.c.day)
    )
    for day, value in session.execute(query):
        day = _as_date(day)
        if day in days:
            days[day] = replace(days[day], hours_worked=float(value or 0.0))


def _local(column: Any, fmt: str) -> Any:
    """``column`` (a UTC instant) formatted in local time via the offset stretch it lies in."""
    return func.strftime(fmt, column, func.printf("%d seconds", zone_offset.c.shift))


def _in_offsets(column: Any) -> Any:
    return and_(column >= zone_offset.c.s, column < zone_offset.c.e)


def _add_pings(
    session: Session, days: dict[date, DayLoad]
) -> tuple[Counter[str], dict[date, Counter[str]]]:
    verdicts = after_hours.judge(col(Ping.at_utc))
    after = case((verdicts.after_hours, 1), else_=0)
    day = _local(col(Ping.at_utc), "%Y-%m-%d")
    query = (
        select(
            day,
            col(Ping.source),
            func.sum(after),
            func.sum(after * col(Ping.minutes)),
            func.sum(case((verdicts.on_call, 1), else_=0)),
        )
        .select_from(zone_offset)
        .join(Ping, _in_offsets(col(Ping.at_utc)))
        .group_by(day, col(Ping.source))
    )
    by_source: Counter[str] = Counter()
    week_sources: dict[date, Counter[str]] = defaultdict(Counter)
    for text, source, count, minutes, on_call in session.execute(query):
        d = date.fromisoformat(text)
        if d not in days:
            continue
        load = days[d]
        days[d] = replace(
            load,
            after_hours_pings=load.after_hours_pings + count,
            after_hours_minutes=load.after_hours_minutes + (minutes or 0),
            oncall_pings=load.oncall_pings + on_call,
        )
        if count:
            by_source[source] += count
            week_sources[_monday(d)][source] += count
    return by_source, week_sources


class _Incidents:
    def __init__(self) -> None:
        self.by_category: Counter[str] = Counter()
        self.by_severity: Counter[int] = Counter()
        self.by_week: dict[date, tuple[Counter[str], Counter[int]]] = defaultdict(
            lambda: (Counter(), Counter())
        )
        self.minutes = 0
        self.after_hours = 0


def _add_incidents(session: Session, days: dict[date, DayLoad]) -> _Incidents:
    verdicts = after_hours.judge(col(Incident.at_utc))
    day = _local(col(Incident.at_utc), "%Y-%m-%d")
    query = (
        select(
            day,
            col(Incident.category),
            col(Incident.severity),
            func.count(),
            func.sum(col(Incident.minutes)),
            func.sum(case((verdicts.after_hours, 1), else_=0)),
        )
        .select_from(zone_offset)
        .join(Incident, _in_offsets(col(Incident.at_utc)))
        .group_by(day, col(Incident.category), col(Incident.severity))
    )
    out = _Incidents()
    for text, category, severity, count, minutes, after in session.execute(query):
        d = date.fromisoformat(text)
        if d not in days:
            continue
        days[d] = replace(days[d], incidents=days[d].incidents + count)
        out.by_category[category] += count
        out.by_severity[severity] += count
        categories, severities = out.by_week[_monday(d)]
        categories[category] += count
        severities[severity] += count
        out.minutes += minutes or 0
        out.after_hours += after or 0
    return out


def _contact_heatmap(session: Session) -> list[list[int]]:
    """After-hours pings by local weekday (Monday first) and hour."""
    verdicts = after_hours.judge(col(Ping.at_utc))
    weekday = _local(col(Ping.at_utc), "%w")  # 0 = Sunday
    hour = _local(col(Ping.at_utc), "%H")
    query = (
        select(weekday, hour, func.count())
        .select_from(zone_offset)
        .join(Ping, _in_offsets(col(Ping.at_utc)))
        .where(verdicts.after_hours)
        .group_by(weekday, hour)
    )
    grid = [[0] * 24 for _ in range(7)]
    for sunday_first, hour_text, count in session.execute(query):
        grid[(int(sunday_first) - 1) % 7][int(hour_text)] = count
    return grid


def _add_reflections(session: Session, days: dict[date, DayLoad], period: Period) -> None:
    query = select(col(Reflection.day), col(Reflection.mood), col(Reflection.stress)).where(
        col(Reflection.day) >= period.start,
        col(Reflection.day) <= period.end,
        col(Reflection.skipped).is_(False),
    )
    for day, mood, stress in session.execute(query):
        days[day] = replace(days[day], mood=mood, stress=stress)


def _wellbeing(session: Session, period: Period) -> Wellbeing:
    in_period = and_(col(Reflection.day) >= period.start, col(Reflection.day) <= period.end)
    mood, stress, count = session.execute(
        select(
            func.avg(cast(col(Reflection.mood), Float)),
            func.avg(cast(col(Reflection.stress), Float)),
            func.count(),
        ).where(in_period, col(Reflection.skipped).is_(False))
    ).one()
    score = (
        col(Checkin.item1)
        + col(Checkin.item2)
        + col(Checkin.item3)
        + col(Checkin.item4)
        + col(Checkin.item5)
    ) * 4
    who5 = [
        Who5Point(day, value)
        for day, value in session.execute(
            select(col(Checkin.day), score)
            .where(col(Checkin.day) >= period.start, col(Checkin.day) <= period.end)
            .order_by(col(Checkin.day), col(Checkin.id))
        )
    ]
    latest = session.execute(
        select(col(Checkin.day), score)
        .where(col(Checkin.day) <= period.end)
        .order_by(col(Checkin.day).desc(), col(Checkin.id).desc())
        .limit(1)
    ).first()
    return Wellbeing(
        mood_average=mood,
        stress_average=stress,
        reflection_days=count,
        who5=who5,
        latest_who5=Who5Point(latest[0], latest[1]) if latest else None,
    )


def short_rest_gaps(session: Session, start: datetime, end: datetime, zone: str) -> int:
    """Shifts starting in [start, end) less than 11 hours after the previous shift ended.

    Only the rest between working days counts: a break within a day (clocking out for lunch)
    is not a rest period, so the next shift must start on a later local day than the
    previous one started.
    """
    previous_end = func.lag(col(Shift.end_utc)).over(order_by=col(Shift.start_utc))
    previous_start = func.lag(col(Shift.start_utc)).over(order_by=col(Shift.start_utc))
    ordered = (
        select(
            col(Shift.start_utc).label("starts"),
            previous_end.label("previous_end"),
            previous_start.label("previous_start"),
        )
        .where(
            or_(col(Shift.end_utc) > start - DAILY_REST, col(Shift.end_utc).is_(None)),
            col(Shift.start_utc) < end,
        )
        .subquery()
    )
    gap_days = (func.julianday(ordered.c.starts) - func.julianday(ordered.c.previous_end)).label(
        "gap"
    )
    rows = session.execute(
        select(ordered.c.starts, ordered.c.previous_start).where(
            ordered.c.starts >= literal(start, _INSTANT),
            gap_days < DAILY_REST / timedelta(days=1),
        )
    ).all()
    return sum(
        1
        for starts, previous_start in rows
        if local_date(_aware(starts), zone) > local_date(_aware(previous_start), zone)
    )


def _weeks(
    period: Period,
    days: list[DayLoad],
    sources: dict[date, Counter[str]],
    incidents: dict[date, tuple[Counter[str], Counter[int]]],
) -> list[WeekLoad]:
    grouped: dict[date, list[DayLoad]] = defaultdict(list)
    for day in days:
        grouped[_monday(day.day)].append(day)
    weeks = []
    for monday in period.week_starts():
        members = grouped[monday]
        categories, severities = incidents.get(monday, (Counter(), Counter()))
        weeks.append(
            WeekLoad(
                week_start=monday,
                days=len(members),
                hours_worked=sum(d.hours_worked for d in members),
                hours_scheduled=sum(d.hours_scheduled for d in members),
                overtime_hours=sum(d.overtime_hours for d in members),
                after_hours_pings=sum(d.after_hours_pings for d in members),
                after_hours_by_source=dict(sources.get(monday, Counter()).most_common()),
                incidents=sum(d.incidents for d in members),
                incidents_by_category=dict(categories.most_common()),
                incidents_by_severity={s: severities.get(s, 0) for s in SEVERITIES},
            )
        )
    return weeks


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _aware(value: Any) -> datetime:
    """An instant read back from a raw (untyped) column: SQLite hands back the stored text."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
