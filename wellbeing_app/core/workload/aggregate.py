"""Add up what the job took over a period: hours, after-hours contact, incidents and how the
days felt, per local day and week, aggregated in SQL.

Every query groups in the database over an indexed instant column, joined against the local
calendar laid out for the period (see ``local_calendar``); Python only folds the grouped rows
(a few per day) into weeks. Counting stops at ``now``: the rest of today is not scheduled yet.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Float, and_, cast, func, literal, or_, select
from sqlmodel import Session, col

from wellbeing_app.core.schedule import after_hours
from wellbeing_app.core.schedule.weekly import Interval, ScheduleBook, load_book
from wellbeing_app.core.store.models import Checkin, Incident, Ping, Reflection, Shift
from wellbeing_app.core.time.calendar import (
    lay_out_days,
    lay_out_offsets,
    lay_out_spans,
    local_day,
    span,
    zone_offset,
)
from wellbeing_app.core.time.local_time import day_bounds, local_date
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.vocabulary import SEVERITIES
from wellbeing_app.core.workload.coverage import first_record
from wellbeing_app.core.workload.figures import totals_of, weekly_totals
from wellbeing_app.core.workload.loads import (
    Coverage,
    DayLoad,
    Totals,
    WeekLoad,
    Wellbeing,
    Who5Point,
    Workload,
)
from wellbeing_app.core.workload.rest import short_rest_starts

Tallies = dict[date, dict[str, Any]]
# Kinds of span: after hours (outside schedule, shifts and on call); on call (outside work).
_AFTER_HOURS, _ON_CALL = 1, 2
HOUR = timedelta(hours=1)
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]


def workload(session: Session, period: Period, zone: str, now: datetime) -> Workload:
    """Everything the dashboard and the summaries show for ``period`` in ``zone``."""
    return compared(session, period, zone, now, with_previous=False)[0]


def compared(
    session: Session, period: Period, zone: str, now: datetime, *, with_previous: bool = True
) -> tuple[Workload, Totals]:
    """The workload of ``period`` and the totals of the period of equal length before it
    (empty totals when ``with_previous`` is False), laid out and queried in one pass."""
    counted = Period(period.previous().start, period.end) if with_previous else period
    start, _ = day_bounds(counted.start, zone)
    end = max(min(day_bounds(period.end, zone)[1], now), start)
    current_start = max(min(day_bounds(period.start, zone)[0], end), start)
    book = load_book(session)
    short_rests = short_rest_starts(session, start, end, zone)
    day_starts = lay_out_days(session, counted.dates(), zone, end)
    stretches = lay_out_offsets(session, start, end, zone)
    working = book.working_intervals(start, end)
    busy, on_call = after_hours.covered_time(session, start, end, working)
    # Before the first working hours were set nothing is after hours: there is nothing to be
    # after. Time up to then is simply not judged.
    judged_from = max(start, book.first_start() or end)
    free = after_hours.without([Interval(judged_from, end)], busy) if judged_from < end else []
    lay_out_spans(
        session,
        {
            _AFTER_HOURS: [(i.start, i.end) for i in free],
            _ON_CALL: [(i.start, i.end) for i in on_call],
        },
        stretches,
    )

    # Tallies per day, filled query by query, frozen into DayLoads at the end.
    today = local_date(now, zone)
    days: Tallies = {
        d: {"day": d, "workday": _is_workday(book, d), "judged": _is_judged(book, d, today)}
        for d in counted.dates()
    }
    _add_scheduled(days, working, day_starts, start, end)
    _add_worked(session, days, start, end, now)
    _add_short_rests(days, short_rests, zone)
    by_source, week_sources = _add_pings(session, days, period)
    incidents = _add_incidents(session, days, period)
    _add_reflections(session, days, period)

    day_list = [DayLoad(**days[d]) for d in period.dates()]
    current = Workload(
        period=period,
        zone=zone,
        totals=totals_of(day_list),
        days=day_list,
        weeks=_weeks(period, day_list, week_sources, incidents.by_week),
        by_source=dict(by_source.most_common()),
        incidents_by_category=dict(incidents.by_category.most_common()),
        incidents_by_severity={s: incidents.by_severity.get(s, 0) for s in SEVERITIES},
        contact_heatmap=_contact_heatmap(session, current_start),
        wellbeing=_wellbeing(session, period),
        coverage=Coverage(
            period,
            hours_set_from=book.hours_set_from(),
            days_judged=sum(day.judged for day in day_list),
            first_record=first_record(session, zone),
        ),
    )
    if not with_previous:
        return current, Totals()
    return current, totals_of(DayLoad(**days[d]) for d in period.previous().dates())


def _is_judged(book: ScheduleBook, day: date, today: date) -> bool:
    """A day counts as a workday or a day off once it has begun, and only under working hours
    the user has set (days before the first schedule are neither)."""
    return day <= today and book.is_planned(day)


def _is_workday(book: ScheduleBook, day: date) -> bool:
    return bool(book.planned_on(day))


def _add_scheduled(
    days: Tallies,
    working: list[Interval],
    day_starts: list[datetime],
    start: datetime,
    end: datetime,
) -> None:
    """Scheduled hours per local day (``days`` in order, starting at ``day_starts``), from the
    schedule's working time; a window crossing midnight counts toward both days it covers."""
    dates = list(days)
    for interval in working:
        s, e = max(interval.start, start), min(interval.end, end)
        index = bisect_right(day_starts, s) - 1
        while s < e and 0 <= index < len(dates):
            cut = min(e, day_starts[index + 1])
            tally = days[dates[index]]
            tally["hours_scheduled"] = tally.get("hours_scheduled", 0.0) + (cut - s) / HOUR
            s, index = cut, index + 1


def _add_short_rests(days: Tallies, starts: list[datetime], zone: str) -> None:
    """Short rests, on the local day whose work began too soon after the previous day's."""
    for start in starts:
        day = local_date(start, zone)
        if day in days:
            days[day]["short_rests"] = days[day].get("short_rests", 0) + 1


def _add_worked(
    session: Session, days: Tallies, start: datetime, end: datetime, now: datetime
) -> None:
    """Hours worked per local day: each shift cut at day boundaries (a running one at now)."""
    shift_end = func.coalesce(col(Shift.end_utc), literal(now, _INSTANT))
    # The few shifts touching the period first (bounded by indexed columns), materialized so
    # that the day-by-day split runs over them alone, not over every stored shift.
    touching = (
        select(col(Shift.start_utc).label("s"), shift_end.label("e"))
        .where(
            or_(col(Shift.end_utc) > start, col(Shift.end_utc).is_(None)),
            col(Shift.start_utc) < end,
        )
        .cte("touching")
        .prefix_with("MATERIALIZED")
    )
    lo = func.max(touching.c.s, local_day.c.s)
    hi = func.min(touching.c.e, local_day.c.e)
    hours = func.sum((func.julianday(hi) - func.julianday(lo)) * 24.0)
    query = (
        select(local_day.c.day, hours)
        .select_from(touching)
        # A day lasts at most 25 hours: its start lies within a day before the shift's start,
        # a bound the index on the day's start can use.
        .join(
            local_day,
            and_(
                local_day.c.s < touching.c.e,
                local_day.c.s > func.datetime(touching.c.s, "-26 hours"),
                local_day.c.e > touching.c.s,
            ),
        )
        .group_by(local_day.c.day)
    )
    for day, value in session.connection().execute(query):
        day = _as_date(day)
        if day in days:
            days[day]["hours_worked"] = float(value or 0.0)


def _counted(session: Session, model: Any, kind: int | None, *keys: Any) -> list[Any]:
    """Rows of ``model`` grouped by local day and ``keys``: (day, *keys, count, minutes).

    ``kind`` None counts every row in the period; otherwise only rows inside the spans of that
    kind. Each is a range scan of the instant index per span of time, with no per-row subquery.
    """
    at = col(model.at_utc)
    table: Any = zone_offset if kind is None else span
    day = func.strftime("%Y-%m-%d", at, func.printf("%d seconds", table.c.shift))
    query = (
        select(day, *keys, func.count(), func.sum(col(model.minutes)))
        .select_from(table)
        .join(model, and_(at >= table.c.s, at < table.c.e))
        .group_by(day, *keys)
    )
    if kind is not None:
        query = query.where(span.c.kind == kind)
    return list(session.connection().execute(query))


def _add_pings(
    session: Session, days: Tallies, period: Period
) -> tuple[Counter[str], dict[date, Counter[str]]]:
    by_source: Counter[str] = Counter()
    week_sources: dict[date, Counter[str]] = defaultdict(Counter)
    for text, name, count, minutes in _counted(session, Ping, _AFTER_HOURS, col(Ping.source)):
        d = date.fromisoformat(text)
        if d not in days:
            continue
        tally = days[d]
        tally["after_hours_pings"] = tally.get("after_hours_pings", 0) + count
        tally["after_hours_minutes"] = tally.get("after_hours_minutes", 0) + (minutes or 0)
        if period.start <= d:
            by_source[name] += count
            week_sources[_monday(d)][name] += count
    for text, count, _ in _counted(session, Ping, _ON_CALL):
        d = date.fromisoformat(text)
        if d in days:
            days[d]["oncall_pings"] = count
    return by_source, week_sources


class _Incidents:
    def __init__(self) -> None:
        self.by_category: Counter[str] = Counter()
        self.by_severity: Counter[int] = Counter()
        self.by_week: dict[date, tuple[Counter[str], Counter[int]]] = defaultdict(
            lambda: (Counter(), Counter())
        )


def _add_incidents(session: Session, days: Tallies, period: Period) -> _Incidents:
    out = _Incidents()
    keys = col(Incident.category), col(Incident.severity), col(Incident.against_advice)
    for text, kind, level, against, count, minutes in _counted(session, Incident, None, *keys):
        d = date.fromisoformat(text)
        if d not in days:
            continue
        tally = days[d]
        tally["incidents"] = tally.get("incidents", 0) + count
        tally["incident_minutes"] = tally.get("incident_minutes", 0) + (minutes or 0)
        if against:  # grouped in SQL: the count of the day's incidents against advice
            tally["incidents_against_advice"] = tally.get("incidents_against_advice", 0) + count
        if d < period.start:
            continue
        out.by_category[kind] += count
        out.by_severity[level] += count
        categories, severities = out.by_week[_monday(d)]
        categories[kind] += count
        severities[level] += count
    for text, count, _ in _counted(session, Incident, _AFTER_HOURS):
        d = date.fromisoformat(text)
        if d in days:
            days[d]["incidents_after_hours"] = count
    return out


def _contact_heatmap(session: Session, start: datetime) -> list[list[int]]:
    """After-hours pings from ``start`` on, by local weekday (Monday first) and hour."""
    at = col(Ping.at_utc)
    offset = func.printf("%d seconds", span.c.shift)
    weekday = func.strftime("%w", at, offset)  # 0 = Sunday
    hour = func.strftime("%H", at, offset)
    query = (
        select(weekday, hour, func.count())
        .select_from(span)
        # The period's start bounds the range per span: a bound on the ping's column alone
        # would tempt SQLite to scan pings first and look up spans per ping.
        .join(Ping, and_(at >= func.max(span.c.s, literal(start, _INSTANT)), at < span.c.e))
        .where(span.c.kind == _AFTER_HOURS)
        .group_by(weekday, hour)
    )
    grid = [[0] * 24 for _ in range(7)]
    for sunday_first, hour_text, count in session.connection().execute(query):
        grid[(int(sunday_first) - 1) % 7][int(hour_text)] = count
    return grid


def _add_reflections(session: Session, days: Tallies, period: Period) -> None:
    query = select(col(Reflection.day), col(Reflection.mood), col(Reflection.stress)).where(
        col(Reflection.day) >= period.start,
        col(Reflection.day) <= period.end,
        col(Reflection.skipped).is_(False),
    )
    for day, mood, stress in session.connection().execute(query):
        days[day].update(mood=mood, stress=stress)


def _wellbeing(session: Session, period: Period) -> Wellbeing:
    in_period = and_(col(Reflection.day) >= period.start, col(Reflection.day) <= period.end)
    mood, stress, count = (
        session.connection()
        .execute(
            select(
                func.avg(cast(col(Reflection.mood), Float)),
                func.avg(cast(col(Reflection.stress), Float)),
                func.count(),
            ).where(in_period, col(Reflection.skipped).is_(False))
        )
        .one()
    )
    score = (
        col(Checkin.item1)
        + col(Checkin.item2)
        + col(Checkin.item3)
        + col(Checkin.item4)
        + col(Checkin.item5)
    ) * 4
    who5 = [
        Who5Point(day, value)
        for day, value in session.connection().execute(
            select(col(Checkin.day), score)
            .where(col(Checkin.day) >= period.start, col(Checkin.day) <= period.end)
            .order_by(col(Checkin.day), col(Checkin.id))
        )
    ]
    latest = (
        session.connection()
        .execute(
            select(col(Checkin.day), score)
            .where(col(Checkin.day) <= period.end)
            .order_by(col(Checkin.day).desc(), col(Checkin.id).desc())
            .limit(1)
        )
        .first()
    )
    return Wellbeing(
        mood_average=mood,
        stress_average=stress,
        reflection_days=count,
        who5=who5,
        latest_who5=Who5Point(latest[0], latest[1]) if latest else None,
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
                **weekly_totals(members),
                after_hours_by_source=dict(sources.get(monday, Counter()).most_common()),
                incidents_by_category=dict(categories.most_common()),
                incidents_by_severity={s: severities.get(s, 0) for s in SEVERITIES},
            )
        )
    return weeks


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
