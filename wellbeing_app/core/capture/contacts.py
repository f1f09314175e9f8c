"""Captured contacts in the store: a work notification becomes a ping with origin ``capture``
(or one more notification of the contact its burst belongs to), a ping logged by hand just after
joins the captured contact, and what the reminders and the status need to know of them.

Only the source and the times are written; the app's name is not, and nothing of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from wellbeing_app.core.capture.bursts import BY_HAND_WINDOW, near_by_hand, same_burst
from wellbeing_app.core.capture.reading import WorkNotification
from wellbeing_app.core.records.fields import check_minutes, check_not_future, clean_text
from wellbeing_app.core.records.pings import MAX_NOTE, PingRow, list_pings
from wellbeing_app.core.records.rules import check_source
from wellbeing_app.core.store.models import CapturedPing, Origin, Ping


@dataclass(frozen=True)
class Recorded:
    """What one batch of work notifications did: the new contacts, how many notifications
    joined a contact already counted, and the newest new contact of each source."""

    new: tuple[int, ...]  # ping ids, oldest first
    joined: int
    newest_by_source: dict[str, int] = field(default_factory=dict)

    @property
    def newest(self) -> tuple[int, ...]:
        """The newest new contact of each source (a storm of them is shown by its last)."""
        return tuple(self.newest_by_source.values())


@dataclass(frozen=True)
class CapturedTotals:
    contacts: int
    notifications: int


def record(
    session: Session, seen: Sequence[WorkNotification], zone: str, window: timedelta
) -> Recorded:
    """Count ``seen`` (oldest first): each joins the latest contact of its source when it came
    within ``window`` of that contact's latest notification, else starts a new one. New
    contacts are written together (a burst of a thousand costs a few statements)."""
    latest: dict[str, _Contact | None] = {}
    new: list[_Contact] = []
    touched: list[_Contact] = []  # contacts counted before, now counted on
    joined = 0
    for note in sorted(seen, key=lambda n: n.at):
        if note.source not in latest:
            latest[note.source] = earlier = _latest(session, note.source, note.at)
            touched += [earlier] if earlier is not None else []
        current = latest[note.source]
        if current is not None and same_burst(current.last, note.at, window):
            current.notifications += 1
            current.last = note.at
            joined += 1
            continue
        ping = Ping(
            at_utc=note.at,
            zone=zone,
            source=check_source(note.source),
            minutes=0,
            origin=Origin.CAPTURE.value,
        )
        latest[note.source] = contact = _Contact(ping, None, 1, note.at)
        new.append(contact)
    session.add_all([c.ping for c in new])
    session.flush()  # the new pings' ids, in one statement
    for counted in [*touched, *new]:
        counted.write(session)
    session.flush()
    ids = tuple(c.ping.id for c in new if c.ping.id is not None)
    newest = {c.ping.source: c.ping.id for c in new if c.ping.id is not None}
    return Recorded(ids, joined, newest)


@dataclass
class _Contact:
    """A captured contact being counted: its ping, its count row (None: new), its count."""

    ping: Ping
    captured: CapturedPing | None
    notifications: int
    last: datetime

    def write(self, session: Session) -> None:
        assert self.ping.id is not None
        if self.captured is None:
            self.captured = CapturedPing(ping_id=self.ping.id, notifications=0, last_utc=self.last)
        if (self.captured.notifications, self.captured.last_utc) != (self.notifications, self.last):
            self.captured.notifications = self.notifications
            self.captured.last_utc = self.last
            session.add(self.captured)


def join_by_hand(
    session: Session, source: str, at: datetime, now: datetime, minutes: int, note: str | None
) -> PingRow | None:
    """A ping of ``source`` logged by hand at ``at``: when a captured contact of that source
    lies within 5 minutes, its minutes are added there (and the note, if it has none) and it is
    returned; else None, and a ping of its own is due. Refuses what ``log_ping`` refuses."""
    at = check_not_future(at, now, "at")
    source = check_source(source)
    minutes = check_minutes(minutes)
    note = clean_text(note, "note", MAX_NOTE)
    row = session.exec(
        select(Ping, CapturedPing)
        .join(CapturedPing, col(CapturedPing.ping_id) == col(Ping.id))
        .where(
            col(Ping.source) == source,
            col(Ping.at_utc) <= at + BY_HAND_WINDOW,
            col(CapturedPing.last_utc) >= at - BY_HAND_WINDOW,
        )
        .order_by(col(Ping.at_utc).desc())
        .limit(1)
    ).first()
    if row is None or not near_by_hand(row[0].at_utc, row[1].last_utc, at):
        return None
    ping = row[0]
    ping.minutes = check_minutes(ping.minutes + minutes)
    if note and not ping.note:
        ping.note = note
    session.add(ping)
    session.flush()
    return captured_pings(session, [ping.id])[0] if ping.id is not None else None


def last_notification(session: Session, since: datetime, until: datetime) -> datetime | None:
    """The time of the latest work notification counted in [since, until]."""
    latest = session.exec(
        select(func.max(CapturedPing.last_utc)).where(
            col(CapturedPing.last_utc) >= since, col(CapturedPing.last_utc) <= until
        )
    ).one()
    return latest


def totals(session: Session, start: datetime, end: datetime) -> CapturedTotals:
    """Captured contacts that began in [start, end), and the notifications they stand for."""
    contacts, notifications = session.exec(
        select(func.count(), func.coalesce(func.sum(CapturedPing.notifications), 0))
        .select_from(Ping)
        .join(CapturedPing, col(CapturedPing.ping_id) == col(Ping.id))
        .where(col(Ping.at_utc) >= start, col(Ping.at_utc) < end)
    ).one()
    return CapturedTotals(int(contacts), int(notifications))


def notifications_of(session: Session, ping_ids: Sequence[int]) -> dict[int, int]:
    """How many notifications each captured ping stands for (pings not captured are left out)."""
    if not ping_ids:
        return {}
    rows = session.exec(
        select(CapturedPing.ping_id, CapturedPing.notifications).where(
            col(CapturedPing.ping_id).in_(list(ping_ids))
        )
    ).all()
    return {int(ping_id): int(count) for ping_id, count in rows}


def captured_pings(session: Session, ping_ids: Sequence[int]) -> list[PingRow]:
    """The pings ``record`` created, judged after hours or on call like any other."""
    if not ping_ids:
        return []
    wanted = set(ping_ids)
    first, last = session.exec(
        select(func.min(Ping.at_utc), func.max(Ping.at_utc)).where(col(Ping.id).in_(wanted))
    ).one()
    if first is None:
        return []
    return [p for p in list_pings(session, first, last + timedelta(seconds=1)) if p.id in wanted]


def _latest(session: Session, source: str, at: datetime) -> _Contact | None:
    """The latest captured contact of ``source`` that began at or before ``at``."""
    row = session.exec(
        select(Ping, CapturedPing)
        .join(CapturedPing, col(CapturedPing.ping_id) == col(Ping.id))
        .where(col(Ping.source) == source, col(Ping.at_utc) <= at)
        .order_by(col(Ping.at_utc).desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return _Contact(row[0], row[1], row[1].notifications, row[1].last_utc)
