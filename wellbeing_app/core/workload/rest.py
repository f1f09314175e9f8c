"""Short rests: a working day that began less than 11 hours after the previous one ended (the
daily-rest minimum of the EU working-time directive), found in SQL over the shifts' index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlmodel import Session, col

from wellbeing_app.core.store.models import Ping, Shift
from wellbeing_app.core.time.local_time import local_date

DAILY_REST = timedelta(hours=11)
_SLACK = timedelta(seconds=1)
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]


def short_rest_starts(
    session: Session, start: datetime, end: datetime, zone: str
) -> list[datetime]:
    """Starts of the shifts in [start, end) that began less than 11 hours after the previous
    shift ended.

    Only the rest between working days counts: a break within a day (clocking out for lunch)
    is not a rest period, so the next shift must start on a later local day than the
    previous one started. SQL narrows the candidates (with a second of slack for its floating
    point days); the verdict is exact, on the instants: a rest of exactly 11 hours is not short.
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
    rows = (
        session.connection()
        .execute(
            select(ordered.c.starts, ordered.c.previous_start, ordered.c.previous_end).where(
                ordered.c.starts >= literal(start, _INSTANT),
                gap_days < (DAILY_REST + _SLACK) / timedelta(days=1),
            )
        )
        .all()
    )
    return [
        _aware(starts)
        for starts, previous_start, previous_end in rows
        if _aware(starts) - _aware(previous_end) < DAILY_REST
        and local_date(_aware(starts), zone) > local_date(_aware(previous_start), zone)
    ]


def _aware(value: Any) -> datetime:
    """An instant read back from a raw (untyped) column: SQLite hands back the stored text."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
