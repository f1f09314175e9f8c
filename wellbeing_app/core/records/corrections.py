"""Corrections to a shift, ping or incident by its id, on any day: the fields named change, the
others keep their values, and an empty text clears it. Every rule of logging applies again to the
corrected record (a shift may not overlap another, nothing lies in the future).

Each function runs inside the caller's one transaction and returns the record before and after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from wellbeing_app.core.errors import NotFoundError
from wellbeing_app.core.language import _
from wellbeing_app.core.records import incidents, pings, shifts
from wellbeing_app.core.records.incidents import IncidentDraft, IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import ShiftRow
from wellbeing_app.core.store.models import Ping, Shift

_TICK = timedelta(microseconds=1)  # a record's own instant, as a range to list


def shift_row(session: Session, shift_id: int) -> ShiftRow:
    found = session.get(Shift, shift_id)
    if found is None:
        raise NotFoundError(_("shift {id} does not exist").format(id=shift_id))
    at = found.start_utc
    return next(r for r in shifts.list_shifts(session, at, at + _TICK) if r.id == shift_id)


def ping_row(session: Session, ping_id: int) -> PingRow:
    """The ping, judged after hours, on call or working hours as listings judge it."""
    found = session.get(Ping, ping_id)
    if found is None:
        raise NotFoundError(_("ping {id} does not exist").format(id=ping_id))
    at = found.at_utc
    return next(r for r in pings.list_pings(session, at, at + _TICK) if r.id == ping_id)


def correct_shift(
    session: Session, shift_id: int, changes: Mapping[str, Any], now: datetime
) -> tuple[ShiftRow, ShiftRow]:
    """``changes``: any of ``start``, ``end`` and ``note``."""
    old = shift_row(session, shift_id)
    new = replace(old, **changes)
    after = shifts.update_shift(
        session, shift_id, start=new.start, end=new.end, note=new.note, now=now
    )
    return old, after


def correct_ping(
    session: Session, ping_id: int, changes: Mapping[str, Any], now: datetime
) -> tuple[PingRow, PingRow]:
    """``changes``: any of ``at``, ``source``, ``minutes`` and ``note``; the ping is judged again
    at its new time."""
    old = ping_row(session, ping_id)
    new = replace(old, **changes)
    pings.update_ping(
        session,
        ping_id,
        at=new.at,
        now=now,
        source=new.source,
        minutes=new.minutes,
        note=new.note,
    )
    return old, ping_row(session, ping_id)


def correct_incident(
    session: Session, incident_id: int, changes: Mapping[str, Any], now: datetime
) -> tuple[IncidentRow, IncidentRow]:
    """``changes``: any field of ``IncidentDraft`` (its time, category, severity, platform,
    minutes, summary and private details)."""
    old = incidents.get_incident(session, incident_id)
    new = replace(old, **changes)
    draft = IncidentDraft(**{f.name: getattr(new, f.name) for f in fields(IncidentDraft)})
    return old, incidents.update_incident(session, incident_id, draft, now=now)
