"""The user's local calendar laid out for SQL: each local day's UTC bounds, and the stretches of
constant UTC offset, in temporary tables that queries join against.

This is how a query groups stored UTC instants by local day, weekday and hour in SQL while
zoneinfo (not a fixed offset) decides where days begin: a DST day simply has 23 or 25 hours,
and the hour of an instant is read with the offset in force at that instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Date, Integer, MetaData, Table
from sqlmodel import Session

from wellbeing_app.core.localtime import day_bounds
from wellbeing_app.core.models import Ping

_TEMP = MetaData()
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]
local_day = Table(
    "local_day",
    _TEMP,
    Column("day", Date, primary_key=True),
    Column("s", _INSTANT, nullable=False),
    Column("e", _INSTANT, nullable=False),
    prefixes=["TEMPORARY"],
)
zone_offset = Table(
    "zone_offset",
    _TEMP,
    Column("s", _INSTANT, primary_key=True),
    Column("e", _INSTANT, nullable=False),
    Column("shift", Integer, nullable=False),  # seconds to add to UTC for local time
    prefixes=["TEMPORARY"],
)


def lay_out_days(session: Session, days: list[date], zone: str, until: datetime) -> None:
    """One row per local day: [start, end) in UTC, the last one cut at ``until``."""
    rows: list[dict[str, object]] = []
    for day in days:
        start, end = day_bounds(day, zone)
        end = min(end, until)
        if end > start:
            rows.append({"day": day, "s": start, "e": end})
    _fill(session, local_day, rows)


def lay_out_offsets(session: Session, start: datetime, end: datetime, zone: str) -> None:
    """The stretches of [start, end) over which ``zone`` keeps one UTC offset."""
    rows = [
        {"s": s, "e": e, "shift": int(offset.total_seconds())}
        for s, e, offset in offset_stretches(start, end, zone)
    ]
    _fill(session, zone_offset, rows)


def offset_stretches(
    start: datetime, end: datetime, zone: str
) -> list[tuple[datetime, datetime, timedelta]]:
    """Split [start, end) where the UTC offset of ``zone`` changes (found to the second)."""
    tz = ZoneInfo(zone)

    def offset(instant: datetime) -> timedelta:
        value = instant.astimezone(tz).utcoffset()
        return value if value is not None else timedelta(0)

    out: list[tuple[datetime, datetime, timedelta]] = []
    here, current = start, offset(start)
    probe = start
    while probe < end:
        step = min(probe + timedelta(hours=12), end)  # offsets never change twice in 12 h
        if offset(step) == current:
            probe = step
            continue
        low, high = probe, step  # the change lies in (low, high]
        while high - low > timedelta(seconds=1):
            middle = low + (high - low) / 2
            low, high = (middle, high) if offset(middle) == current else (low, middle)
        change = high.replace(microsecond=0)
        out.append((here, change, current))
        here, current, probe = change, offset(change), change
    out.append((here, end, current))
    return [(s.astimezone(UTC), e.astimezone(UTC), o) for s, e, o in out if e > s]


def _fill(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    connection = session.connection()
    table.create(connection, checkfirst=True)
    connection.execute(table.delete())
    if rows:
        connection.execute(table.insert(), rows)
