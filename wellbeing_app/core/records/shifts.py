"""Shifts: starting and ending the clock, editing past shifts, and their lengths.

Rules: at most one shift runs at a time, a shift ends after it starts, and shifts do not
overlap. Lengths are computed between UTC instants, so a night across a DST change has its
real length (22:00-06:00 over the spring-forward night is 7 hours).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ConflictError, NotFoundError, ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records import rules
from wellbeing_app.core.records.fields import check_not_future, clean_text
from wellbeing_app.core.records.rules import MAX_NOTE as MAX_NOTE
from wellbeing_app.core.store.models import Origin, Shift
from wellbeing_app.core.time.local_time import in_zone


@dataclass(frozen=True)
class ShiftRow:
    """A shift as the user sees it; ``end`` is None while it runs."""

    id: int
    start: datetime
    end: datetime | None
    zone: str
    note: str | None
    origin: str

    def length(self, now: datetime) -> timedelta:
        """Time worked: up to ``now`` while the shift runs."""
        return (self.end or now) - self.start

    def hours(self, now: datetime) -> float:
        return round(self.length(now).total_seconds() / 3600, 2)

    @property
    def local_start(self) -> datetime:
        return in_zone(self.start, self.zone)

    @property
    def local_end(self) -> datetime | None:
        return in_zone(self.end, self.zone) if self.end else None


def _row(shift: Shift) -> ShiftRow:
    assert shift.id is not None
    return ShiftRow(shift.id, shift.start_utc, shift.end_utc, shift.zone, shift.note, shift.origin)


def running_shift(session: Session) -> ShiftRow | None:
    shift = session.exec(select(Shift).where(col(Shift.end_utc).is_(None))).first()
    return _row(shift) if shift else None


def start_shift(
    session: Session,
    *,
    at: datetime,
    now: datetime,
    zone: str,
    origin: Origin = Origin.TRAY,
    note: str | None = None,
) -> ShiftRow:
    """Start the clock at ``at``. Refused while another shift runs or if it overlaps one."""
    at = check_not_future(at, now, "at")
    running = running_shift(session)
    if running:
        raise rules.already_running(running.start, running.zone)
    _check_no_overlap(session, at, None, exclude_id=None)
    return _insert(session, Shift(start_utc=at, zone=zone, origin=origin.value), note)


def add_shift(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    zone: str,
    origin: Origin = Origin.TRAY,
    note: str | None = None,
) -> ShiftRow:
    """Record a shift that is over (one forgotten last Tuesday): refused only when it ends before
    it starts, lies in the future, or overlaps a recorded shift, which is named."""
    start = check_not_future(start, now, "start")
    end = check_not_future(end, now, "end")
    if end <= start:
        raise ValidationError("end", _("must come after the start"))
    _check_no_overlap(session, start, end, exclude_id=None, field="start")
    shift = Shift(start_utc=start, end_utc=end, zone=zone, origin=origin.value)
    return _insert(session, shift, note)


def _insert(session: Session, shift: Shift, note: str | None) -> ShiftRow:
    shift.note = clean_text(note, "note", MAX_NOTE)
    session.add(shift)
    session.flush()
    return _row(shift)


def end_shift(session: Session, *, at: datetime, now: datetime) -> ShiftRow:
    """Stop the running shift at ``at``."""
    at = check_not_future(at, now, "at")
    shift = session.exec(select(Shift).where(col(Shift.end_utc).is_(None))).first()
    if shift is None:
        raise rules.none_running()
    if at <= shift.start_utc:
        raise rules.ends_before_start(shift.start_utc, shift.zone)
    shift.end_utc = at
    session.add(shift)
    session.flush()
    return _row(shift)


def update_shift(
    session: Session,
    shift_id: int,
    *,
    start: datetime,
    end: datetime | None,
    note: str | None,
    now: datetime,
) -> ShiftRow:
    """Correct a shift's times or note, keeping every rule."""
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFoundError(_("shift {id} no longer exists").format(id=shift_id))
    start = check_not_future(start, now, "start")
    if end is not None:
        end = check_not_future(end, now, "end")
        if end <= start:
            raise ValidationError("end", _("must come after the start"))
    else:
        running = running_shift(session)
        if running is not None and running.id != shift_id:
            raise ConflictError(_("another shift is running; only one shift can be open"))
    _check_no_overlap(session, start, end, exclude_id=shift_id)
    shift.start_utc = start
    shift.end_utc = end
    shift.note = clean_text(note, "note", MAX_NOTE)
    session.add(shift)
    session.flush()
    return _row(shift)


def delete_shift(session: Session, shift_id: int) -> None:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFoundError(_("shift {id} no longer exists").format(id=shift_id))
    session.delete(shift)


def list_shifts(session: Session, start: datetime, end: datetime) -> list[ShiftRow]:
    """Shifts that overlap [start, end), oldest first (a running shift reaches into the future)."""
    query = (
        select(Shift)
        .where(col(Shift.start_utc) < end)
        .where(or_(col(Shift.end_utc).is_(None), col(Shift.end_utc) > start))
        .order_by(col(Shift.start_utc))
    )
    return [_row(shift) for shift in session.exec(query)]


def _check_no_overlap(
    session: Session,
    start: datetime,
    end: datetime | None,
    exclude_id: int | None,
    field: str | None = None,
) -> None:
    query = select(Shift).where(or_(col(Shift.end_utc).is_(None), col(Shift.end_utc) > start))
    if end is not None:
        query = query.where(col(Shift.start_utc) < end)
    if exclude_id is not None:
        query = query.where(col(Shift.id) != exclude_id)
    other = session.exec(query.order_by(col(Shift.start_utc))).first()
    if other is None:
        return
    field = field or ("at" if exclude_id is None else "start")
    raise rules.overlaps(other.start_utc, other.end_utc, other.zone, field)
