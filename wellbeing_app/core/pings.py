"""Pings: work contacts that reached the user, and whether they came after hours.

After hours is derived, never typed: a ping is after hours when it falls outside every
recorded shift. (The weekly schedule will refine this rule.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, or_
from sqlalchemy.sql.elements import Label
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.models import Origin, Ping, PingSource, Shift
from wellbeing_app.core.validation import check_minutes, check_not_future, clean_text

MAX_NOTE = 2000
_APP_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class PingRow:
    id: int
    at: datetime
    zone: str
    source: str
    minutes: int
    note: str | None
    origin: str
    after_hours: bool


def check_source(text: str, field: str = "source") -> str:
    """A known channel (slack, teams, ...) or another app's name in lowercase letters, digits,
    ``-`` and ``_``."""
    value = text.strip().lower()
    if value in {s.value for s in PingSource} or _APP_NAME.fullmatch(value):
        return value
    known = ", ".join(s.value for s in PingSource)
    raise ValidationError(
        field,
        f"{text!r} is not a source; use {known}, or an app name in lowercase letters, "
        "digits, - and _ (e.g. discord)",
    )


def log_ping(
    session: Session,
    *,
    at: datetime,
    now: datetime,
    zone: str,
    source: str,
    minutes: int = 0,
    note: str | None = None,
    origin: Origin = Origin.TRAY,
) -> PingRow:
    ping = Ping(
        at_utc=check_not_future(at, now, "at"),
        zone=zone,
        source=check_source(source),
        minutes=check_minutes(minutes),
        note=clean_text(note, "note", MAX_NOTE),
        origin=origin.value,
    )
    session.add(ping)
    session.flush()
    assert ping.id is not None
    return _get(session, ping.id)


def update_ping(
    session: Session,
    ping_id: int,
    *,
    at: datetime,
    now: datetime,
    source: str,
    minutes: int,
    note: str | None,
) -> PingRow:
    ping = session.get(Ping, ping_id)
    if ping is None:
        raise NotFoundError(f"ping {ping_id} no longer exists")
    ping.at_utc = check_not_future(at, now, "at")
    ping.source = check_source(source)
    ping.minutes = check_minutes(minutes)
    ping.note = clean_text(note, "note", MAX_NOTE)
    session.add(ping)
    session.flush()
    return _get(session, ping_id)


def delete_ping(session: Session, ping_id: int) -> None:
    ping = session.get(Ping, ping_id)
    if ping is None:
        raise NotFoundError(f"ping {ping_id} no longer exists")
    session.delete(ping)


def list_pings(session: Session, start: datetime, end: datetime) -> list[PingRow]:
    """Pings in [start, end), oldest first, each with its after-hours flag worked out in SQL."""
    query = (
        select(Ping, _after_hours())
        .where(col(Ping.at_utc) >= start, col(Ping.at_utc) < end)
        .order_by(col(Ping.at_utc), col(Ping.id))
    )
    return [_row(ping, bool(after)) for ping, after in session.exec(query)]


def _after_hours() -> Label[bool]:
    """SQL: true when no recorded shift covers the ping's instant."""
    covered = exists().where(
        col(Shift.start_utc) <= col(Ping.at_utc),
        or_(col(Shift.end_utc).is_(None), col(Shift.end_utc) > col(Ping.at_utc)),
    )
    return (~covered).label("after_hours")


def _get(session: Session, ping_id: int) -> PingRow:
    ping, after = session.exec(select(Ping, _after_hours()).where(col(Ping.id) == ping_id)).one()
    return _row(ping, bool(after))


def _row(ping: Ping, after_hours: bool) -> PingRow:
    assert ping.id is not None
    return PingRow(
        ping.id,
        ping.at_utc,
        ping.zone,
        ping.source,
        ping.minutes,
        ping.note,
        ping.origin,
        after_hours,
    )
