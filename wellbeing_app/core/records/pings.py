"""Pings: work contacts that reached the user, and whether they came after hours.

After hours is derived, never typed: a ping is after hours when it falls outside the schedule
in force and outside every recorded shift; inside an on-call period it is on call instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import NotFoundError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.fields import check_minutes, check_not_future, clean_text
from wellbeing_app.core.records.rules import MAX_NOTE as MAX_NOTE
from wellbeing_app.core.records.rules import check_source as check_source
from wellbeing_app.core.schedule.after_hours import prepare
from wellbeing_app.core.store.models import Origin, Ping
from wellbeing_app.core.vocabulary import timing_label


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
    on_call: bool = False
    judged: bool = True  # False: outside every shift, before working hours were set

    @property
    def timing(self) -> str:
        """In the user's words: after hours, on call, working hours, or not judged."""
        return timing_label(self.after_hours, self.on_call, self.judged)


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
        raise NotFoundError(_("ping {id} no longer exists").format(id=ping_id))
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
        raise NotFoundError(_("ping {id} no longer exists").format(id=ping_id))
    session.delete(ping)


def list_pings(session: Session, start: datetime, end: datetime) -> list[PingRow]:
    """Pings in [start, end), oldest first, each judged after hours / on call in SQL."""
    in_range = (col(Ping.at_utc) >= start, col(Ping.at_utc) < end)
    first, last = session.exec(
        select(func.min(Ping.at_utc), func.max(Ping.at_utc)).where(*in_range)
    ).one()
    if first is None:
        return []
    verdicts = prepare(session, first, last + timedelta(seconds=1))
    query = (
        select(Ping, verdicts.after_hours, verdicts.on_call, verdicts.judged)
        .where(*in_range)
        .order_by(col(Ping.at_utc), col(Ping.id))
    )
    return [
        _row(ping, bool(after), bool(on), bool(judged))
        for ping, after, on, judged in session.exec(query)
    ]


def _get(session: Session, ping_id: int) -> PingRow:
    ping = session.get(Ping, ping_id)
    if ping is None:
        raise NotFoundError(_("ping {id} no longer exists").format(id=ping_id))
    verdicts = prepare(session, ping.at_utc, ping.at_utc + timedelta(seconds=1))
    after, on, judged = session.exec(
        select(verdicts.after_hours, verdicts.on_call, verdicts.judged).where(
            col(Ping.id) == ping_id
        )
    ).one()
    return _row(ping, bool(after), bool(on), bool(judged))


def _row(ping: Ping, after_hours: bool, on_call: bool, judged: bool) -> PingRow:
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
        on_call,
        judged,
    )
