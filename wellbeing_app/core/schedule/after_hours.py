"""Whether a contact came after hours: outside the schedule in force, outside every recorded
shift, and not during an on-call period (which is counted as on call instead). Before the user
first set working hours, a contact outside every shift and on-call period is not judged at all:
there are no hours to be after.

The verdict is worked out in SQL for any number of rows. The scheduled working time of the
period asked about is laid out once, day by day, in a temporary table; each instant is then
judged by an index lookup of the latest interval starting before it (intervals are merged so
they never overlap, and shifts never overlap by rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    Table,
    and_,
    func,
    literal,
    not_,
    or_,
    select,
)
from sqlmodel import Session, col

from wellbeing_app.core.schedule.weekly import Interval, load_book, load_on_call
from wellbeing_app.core.store.models import Ping, Shift

_TEMP = MetaData()
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]
scheduled_time = Table(
    "scheduled_time",
    _TEMP,
    Column("s", _INSTANT, primary_key=True),
    Column("e", _INSTANT),
    prefixes=["TEMPORARY"],
)
on_call_time = Table(
    "on_call_time",
    _TEMP,
    Column("s", _INSTANT, primary_key=True),
    Column("e", _INSTANT),
    prefixes=["TEMPORARY"],
)
_FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True)
class Verdicts:
    """SQL expressions judging the instant column ``at`` (booleans, never NULL)."""

    after_hours: ColumnElement[bool]
    on_call: ColumnElement[bool]
    judged: ColumnElement[bool]  # False: outside every shift before working hours were set


def merged(intervals: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for interval in sorted(intervals, key=lambda i: i.start):
        if out and interval.start <= out[-1].end:
            if interval.end > out[-1].end:
                out[-1] = Interval(out[-1].start, interval.end)
        else:
            out.append(interval)
    return out


def prepare(session: Session, start: datetime, end: datetime, at: Any = None) -> Verdicts:
    """Lay out the scheduled time around [start, end) and return verdicts for ``at``.

    ``at`` defaults to the ping's instant column; instants outside [start, end) are judged
    as unscheduled, so pass the range the query covers.
    """
    judged_from = lay_out(session, start, end)
    return judge(col(Ping.at_utc) if at is None else at, judged_from)


def lay_out(session: Session, start: datetime, end: datetime) -> datetime | None:
    """Fill the temporary tables with the merged scheduled and on-call time around [start, end);
    returns when working hours were first set (None: never).

    Both are merged so that intervals never overlap: the latest one starting before an
    instant is then the only one that can hold it, one index lookup.
    """
    book = load_book(session)
    working = merged(book.working_intervals(start - timedelta(days=1), end))
    on_call = merged(load_on_call(session, start - timedelta(days=1), end))
    connection = session.connection()
    for table, intervals in ((scheduled_time, working), (on_call_time, on_call)):
        table.create(connection, checkfirst=True)
        connection.execute(table.delete())
        if intervals:
            connection.execute(table.insert(), [{"s": i.start, "e": i.end} for i in intervals])
    return book.first_start()


def covered_time(
    session: Session, start: datetime, end: datetime, working: list[Interval]
) -> tuple[list[Interval], list[Interval]]:
    """Within [start, end): the time that is not after hours (scheduled, in a shift or on call)
    and the on-call time outside work (a contact at work is not an on-call one), each merged,
    for counting contacts by time range in SQL. ``working`` is the scheduled time there."""
    on_call = merged(load_on_call(session, start, end))
    shifts = session.execute(
        select(col(Shift.start_utc), col(Shift.end_utc)).where(
            or_(col(Shift.end_utc) > start, col(Shift.end_utc).is_(None)),
            col(Shift.start_utc) < end,
        )
    ).all()
    working = merged([*working, *(Interval(s, e or end) for s, e in shifts)])
    busy = merged([*working, *on_call])
    return _clipped(busy, start, end), _clipped(without(on_call, working), start, end)


def without(intervals: list[Interval], taken: list[Interval]) -> list[Interval]:
    """``intervals`` minus ``taken`` (both merged and sorted)."""
    out: list[Interval] = []
    for interval in intervals:
        start = interval.start
        for cut in taken:
            if cut.end <= start or cut.start >= interval.end:
                continue
            if cut.start > start:
                out.append(Interval(start, cut.start))
            start = max(start, cut.end)
        if start < interval.end:
            out.append(Interval(start, interval.end))
    return out


def _clipped(intervals: list[Interval], start: datetime, end: datetime) -> list[Interval]:
    return [
        Interval(max(i.start, start), min(i.end, end))
        for i in intervals
        if i.end > start and i.start < end
    ]


def judge(at: Any, judged_from: datetime | None) -> Verdicts:
    """Verdicts for the instant column ``at``, against the time laid out by ``lay_out``;
    ``judged_from`` is when working hours were first set (None: never)."""
    scheduled = _inside(scheduled_time, at)
    latest_shift_end = (
        select(func.coalesce(col(Shift.end_utc), _FAR_FUTURE))
        .where(col(Shift.start_utc) <= at)
        .order_by(col(Shift.start_utc).desc())
        .limit(1)
        .scalar_subquery()
    )
    in_shift = func.coalesce(latest_shift_end > at, False)
    on_call = _inside(on_call_time, at)
    at_work = or_(scheduled, in_shift)
    schedule_set = literal(False) if judged_from is None else (at >= literal(judged_from, _INSTANT))
    return Verdicts(
        after_hours=and_(not_(at_work), not_(on_call), schedule_set),
        on_call=and_(not_(at_work), on_call),
        judged=or_(at_work, on_call, schedule_set),
    )


def _inside(table: Table, at: Any) -> ColumnElement[bool]:
    latest_end = (
        select(table.c.e).where(table.c.s <= at).order_by(table.c.s.desc()).limit(1)
    ).scalar_subquery()
    return func.coalesce(latest_end > at, False)
