"""The rota in the store: working windows for given local dates, typed by hand or brought in
from a calendar, each in place of the weekly pattern on its date.

A window typed as ``HH:MM HH:MM`` is laid on its date in the zone of the schedule in force that
day (the user's zone when there is none) and kept as UTC instants; one that ends at or before
its start runs past midnight. Windows of one date may not overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.schedule.book import (
    Interval,
    RotaDay,
    Window,
    check_window,
    rota_days,
    window_interval,
)
from wellbeing_app.core.store.models import Origin, RotaWindow


@dataclass(frozen=True)
class RotaEntry:
    """One dated window as listed: its number, date, instants, zone and batch (None: by hand)."""

    id: int
    day: date
    start: datetime
    end: datetime
    zone: str
    batch: int | None


def load_rota(session: Session) -> dict[date, RotaDay]:
    rows = session.exec(select(RotaWindow).order_by(col(RotaWindow.day))).all()
    return rota_days((r.day, r.start_utc, r.end_utc, r.zone) for r in rows)


def list_rota(session: Session, first: date | None = None) -> list[RotaEntry]:
    """The dated windows from ``first`` on (None: all), in time order."""
    query = select(RotaWindow).order_by(col(RotaWindow.start_utc))
    if first is not None:
        query = query.where(col(RotaWindow.day) >= first)
    return [
        RotaEntry(r.id or 0, r.day, r.start_utc, r.end_utc, r.zone, r.batch_id)
        for r in session.exec(query).all()
    ]


def add_rota(
    session: Session,
    day: date,
    start_minute: int,
    end_minute: int,
    zone: str,
    origin: Origin = Origin.CLI,
) -> RotaEntry:
    """Work ``day`` from start to end (wall-clock minutes in ``zone``), beside any other windows
    of that date; no two rota windows may overlap, whatever dates they belong to."""
    check_window(start_minute, end_minute)
    interval = window_interval(day, Window(day.weekday(), start_minute, end_minute), zone)
    return add_interval(session, day, interval, zone, origin)


def add_interval(
    session: Session,
    day: date,
    interval: Interval,
    zone: str,
    origin: Origin,
    *,
    batch_id: int | None = None,
    uid: str | None = None,
    recurrence_id: str | None = None,
) -> RotaEntry:
    if interval.end <= interval.start:
        raise ValidationError("END", _("the window must end after it starts"))
    clash = session.exec(
        select(RotaWindow).where(
            col(RotaWindow.start_utc) < interval.end,
            col(RotaWindow.end_utc) > interval.start,
        )
    ).first()
    if clash is not None:
        raise ValidationError(
            "START",
            _(
                "overlaps the rota window of {day} "
                "('schedule rota clear {day}' removes that day's windows)"
            ).format(day=clash.day),
        )
    row = RotaWindow(
        day=day,
        start_utc=interval.start,
        end_utc=interval.end,
        zone=zone,
        origin=origin.value,
        batch_id=batch_id,
        uid=uid,
        recurrence_id=recurrence_id,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return RotaEntry(row.id, day, interval.start, interval.end, zone, batch_id)


def clear_rota(session: Session, first: date, last: date) -> int:
    """Removes the dated windows of ``first`` to ``last`` (inclusive), imported ones too; those
    days follow the weekly pattern again. Returns how many were removed."""
    if last < first:
        raise ValidationError(
            "DATE",
            _("the range ends ({last}) before it starts ({first})").format(last=last, first=first),
        )
    result = session.execute(
        delete(RotaWindow).where(col(RotaWindow.day) >= first, col(RotaWindow.day) <= last)
    )
    return int(getattr(result, "rowcount", 0) or 0)
