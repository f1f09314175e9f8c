"""Whether a contact came after hours: outside the schedule in force, outside every recorded
shift, and not during an on-call period (which is counted as on call instead).

The verdict is worked out in SQL for any number of rows. The scheduled working time of the
period asked about is laid out once, day by day, in a temporary table; each instant is then
judged by an index lookup of the latest interval starting before it (intervals are merged so
they never overlap, and shifts never overlap by rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, ColumnElement, MetaData, Table, and_, exists, func, not_, select
from sqlmodel import Session, col

from wellbeing_app.core.models import OnCall, Ping, Shift
from wellbeing_app.core.schedule import Interval, load_book

_TEMP = MetaData()
scheduled_time = Table(
    "scheduled_time",
    _TEMP,
    Column("s", Ping.__table__.c.at_utc.type, primary_key=True),  # type: ignore[attr-defined]
    Column("e", Ping.__table__.c.at_utc.type),  # type: ignore[attr-defined]
    prefixes=["TEMPORARY"],
)
_FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True)
class Verdicts:
    """SQL expressions judging the instant column ``at`` (booleans, never NULL)."""

    after_hours: ColumnElement[bool]
    on_call: ColumnElement[bool]


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
    at = col(Ping.at_utc) if at is None else at
    book = load_book(session)
    intervals = merged(book.working_intervals(start - timedelta(days=1), end))
    connection = session.connection()
    scheduled_time.create(connection, checkfirst=True)
    connection.execute(scheduled_time.delete())
    if intervals:
        connection.execute(scheduled_time.insert(), [{"s": i.start, "e": i.end} for i in intervals])
    latest_scheduled_end = (
        select(scheduled_time.c.e)
        .where(scheduled_time.c.s <= at)
        .order_by(scheduled_time.c.s.desc())
        .limit(1)
        .scalar_subquery()
    )
    latest_shift_end = (
        select(func.coalesce(col(Shift.end_utc), _FAR_FUTURE))
        .where(col(Shift.start_utc) <= at)
        .order_by(col(Shift.start_utc).desc())
        .limit(1)
        .scalar_subquery()
    )
    scheduled = func.coalesce(latest_scheduled_end > at, False)
    in_shift = func.coalesce(latest_shift_end > at, False)
    on_call = exists().where(col(OnCall.start_utc) <= at, col(OnCall.end_utc) > at)
    return Verdicts(
        after_hours=and_(not_(scheduled), not_(in_shift), not_(on_call)),
        on_call=on_call,
    )
