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

from sqlalchemy import Column, ColumnElement, MetaData, Table, and_, func, not_, select
from sqlmodel import Session, col

from wellbeing_app.core.models import Ping, Shift
from wellbeing_app.core.schedule import Interval, load_book, load_on_call

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
    lay_out(session, start, end)
    return judge(col(Ping.at_utc) if at is None else at)


def lay_out(session: Session, start: datetime, end: datetime) -> None:
    """Fill the temporary tables with the merged scheduled and on-call time around [start, end).

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


def judge(at: Any) -> Verdicts:
    """Verdicts for the instant column ``at``, against the time laid out by ``lay_out``."""
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
    return Verdicts(
        after_hours=and_(not_(scheduled), not_(in_shift), not_(on_call)),
        on_call=on_call,
    )


def _inside(table: Table, at: Any) -> ColumnElement[bool]:
    latest_end = (
        select(table.c.e).where(table.c.s <= at).order_by(table.c.s.desc()).limit(1)
    ).scalar_subquery()
    return func.coalesce(latest_end > at, False)
