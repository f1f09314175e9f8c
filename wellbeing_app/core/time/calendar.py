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

from wellbeing_app.core.store.models import Ping
from wellbeing_app.core.time.local_time import start_of_day

_TEMP = MetaData()
_INSTANT = Ping.__table__.c.at_utc.type  # type: ignore[attr-defined]
local_day = Table(
    "local_day",
    _TEMP,
    Column("day", Date, primary_key=True),
    Column("s", _INSTANT, nullable=False, unique=True),
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


span = Table(
    "span",
    _TEMP,
    Column("kind", Integer, primary_key=True),
    Column("s", _INSTANT, primary_key=True),
    Column("e", _INSTANT, nullable=False),
    Column("shift", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)


Stretch = tuple[datetime, datetime, timedelta]


def lay_out_spans(
    session: Session,
    kinds: dict[int, list[tuple[datetime, datetime]]],
    stretches: list[Stretch],
) -> None:
    """Time of several kinds (sorted, non-overlapping intervals per kind), each cut where the
    UTC offset changes (``stretches`` from ``offset_stretches``) and carrying the offset, so
    that contacts inside can be counted per local day by time range."""
    rows: list[dict[str, object]] = []
    for kind, intervals in kinds.items():
        index = 0
        for start, end in intervals:
            while index < len(stretches) and stretches[index][1] <= start:
                index += 1
            here = index
            while here < len(stretches) and stretches[here][0] < end:
                s, e, offset = stretches[here]
                rows.append(
                    {
                        "kind": kind,
                        "s": max(s, start),
                        "e": min(e, end),
                        "shift": int(offset.total_seconds()),
                    }
                )
                here += 1
    _fill(session, span, rows)


def lay_out_days(session: Session, days: list[date], zone: str, until: datetime) -> list[datetime]:
    """One row per local day (consecutive ``days``): [start, end) in UTC, the last one cut at
    ``until``. Returns where each day starts, and where the day after the last one starts."""
    starts = [start_of_day(day, zone) for day in days]
    if days:
        starts.append(start_of_day(days[-1] + timedelta(days=1), zone))
    rows: list[dict[str, object]] = []
    for day, start, end in zip(days, starts, starts[1:], strict=False):
        end = min(end, until)
        if end > start:
            rows.append({"day": day, "s": start, "e": end})
    _fill(session, local_day, rows)
    return starts


def lay_out_offsets(session: Session, start: datetime, end: datetime, zone: str) -> list[Stretch]:
    """The stretches of [start, end) over which ``zone`` keeps one UTC offset."""
    stretches = offset_stretches(start, end, zone)
    rows = [{"s": s, "e": e, "shift": int(offset.total_seconds())} for s, e, offset in stretches]
    _fill(session, zone_offset, rows)
    return stretches


def offset_stretches(start: datetime, end: datetime, zone: str) -> list[Stretch]:
    """Split [start, end) where the UTC offset of ``zone`` changes (found to the second)."""
    tz = ZoneInfo(zone)

    def offset(instant: datetime) -> timedelta:
        value = instant.astimezone(tz).utcoffset()
        return value if value is not None else timedelta(0)

    out: list[tuple[datetime, datetime, timedelta]] = []
    here, current = start, offset(start)
    probe = start
    while probe < end:
        # In tzdata since 1990 no zone changed its offset twice within 7 days (the closest:
        # America/Boa_Vista, 2000), so a 3-day step finds each change.
        step = min(probe + timedelta(days=3), end)
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
        # Straight to the driver, in the stored text form (thousands of rows per dashboard
        # view; SQLAlchemy's per-value processing would cost more than the queries).
        columns = list(rows[0])
        connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [tuple(_stored(row[c]) for c in columns) for row in rows],
        )


def _stored(value: object) -> object:
    """``value`` as SQLAlchemy stores it in SQLite: UTC instants and dates as ISO text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]
    if isinstance(value, date):
        return value.isoformat()
    return value
