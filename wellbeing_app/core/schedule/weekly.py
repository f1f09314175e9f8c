"""The working schedule in the store: loading the book (versions, windows, days off, on-call
periods) and changing it, with its history kept.

The schedule itself, and the checks of what people type for it, are plain data in ``book``; its
names stay importable from here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.schedule.book import Interval as Interval
from wellbeing_app.core.schedule.book import ScheduleBook as ScheduleBook
from wellbeing_app.core.schedule.book import ScheduleChange as ScheduleChange
from wellbeing_app.core.schedule.book import WeeklySchedule as WeeklySchedule
from wellbeing_app.core.schedule.book import Window as Window
from wellbeing_app.core.schedule.book import carried_forward, changed_week
from wellbeing_app.core.schedule.book import check_days_off as check_days_off
from wellbeing_app.core.schedule.book import check_on_call as check_on_call
from wellbeing_app.core.schedule.book import check_window as check_window
from wellbeing_app.core.schedule.book import check_zone as check_zone
from wellbeing_app.core.schedule.book import parse_clock as parse_clock
from wellbeing_app.core.schedule.book import parse_days as parse_days
from wellbeing_app.core.schedule.book import window_interval as window_interval
from wellbeing_app.core.schedule.rota import load_rota
from wellbeing_app.core.store.models import DayOff, OnCall, Origin, ScheduleVersion, ScheduleWindow
from wellbeing_app.core.vocabulary import WEEKDAY_IDS


def load_book(session: Session) -> ScheduleBook:
    """All schedule versions, days off and rota days; on-call periods on demand."""
    versions = []
    rows = session.exec(select(ScheduleVersion).order_by(col(ScheduleVersion.effective_from)))
    for version in rows.all():
        windows = session.exec(
            select(ScheduleWindow)
            .where(col(ScheduleWindow.version_id) == version.id)
            .order_by(col(ScheduleWindow.weekday), col(ScheduleWindow.start_minute))
        ).all()
        versions.append(
            WeeklySchedule(
                version.effective_from,
                version.zone,
                tuple(Window(w.weekday, w.start_minute, w.end_minute) for w in windows),
            )
        )
    days_off = [(d.first_day, d.last_day) for d in session.exec(select(DayOff)).all()]
    return ScheduleBook(versions, days_off, rota=load_rota(session))


def load_on_call(session: Session, start: datetime, end: datetime) -> list[Interval]:
    rows = session.exec(
        select(OnCall)
        .where(col(OnCall.start_utc) < end, col(OnCall.end_utc) > start)
        .order_by(col(OnCall.start_utc))
    ).all()
    return [Interval(r.start_utc, r.end_utc) for r in rows]


def set_schedule(
    session: Session,
    *,
    days: list[int],
    start_minute: int,
    end_minute: int,
    zone: str | None,
    effective_from: date,
    default_zone: str | None = None,
) -> ScheduleChange:
    """From ``effective_from`` on, work ``days`` from start to end; other days stay as they were.

    The new version keeps the zone of the one in force on ``effective_from`` unless ``zone`` is
    given (None: keep it; ``default_zone`` when no version is in force). The days also reach every
    later version that does not set them itself (``book.carried_forward``); all in one change.
    """
    check_window(start_minute, end_minute)
    history = load_book(session).versions
    previous = ScheduleBook(history, []).in_force(effective_from)
    if zone is None:
        zone = previous.zone if previous else default_zone
    if zone is None:
        raise ValueError("no zone to keep: pass zone or default_zone")
    window = (start_minute, end_minute)
    version = save_week(session, changed_week(previous, days, window), zone, effective_from)
    carried = carried_forward(history, effective_from, days, window)
    for later in carried:
        save_week(session, list(later.windows), later.zone, later.effective_from)
    return ScheduleChange(version, tuple(carried))


def save_week(
    session: Session, windows: list[Window], zone: str, effective_from: date
) -> WeeklySchedule:
    """The whole week's windows in force from ``effective_from`` (replacing a version that
    starts the same day; earlier days keep the schedule they had)."""
    check_zone(zone)
    for window in windows:
        if window.start_minute == window.end_minute:
            raise ValidationError(WEEKDAY_IDS[window.weekday], _("start and end must differ"))
    ordered = tuple(sorted(windows, key=lambda w: (w.weekday, w.start_minute)))
    version = session.exec(
        select(ScheduleVersion).where(col(ScheduleVersion.effective_from) == effective_from)
    ).first()
    if version is None:
        version = ScheduleVersion(effective_from=effective_from, zone=zone)
    version.zone = zone
    session.add(version)
    session.flush()
    assert version.id is not None
    session.execute(delete(ScheduleWindow).where(col(ScheduleWindow.version_id) == version.id))
    for w in ordered:
        session.add(
            ScheduleWindow(
                version_id=version.id,
                weekday=w.weekday,
                start_minute=w.start_minute,
                end_minute=w.end_minute,
            )
        )
    session.flush()
    return WeeklySchedule(effective_from, zone, ordered)


def add_days_off(session: Session, first: date, last: date, note: str | None = None) -> None:
    check_days_off(first, last)
    session.add(DayOff(first_day=first, last_day=last, note=note))
    session.flush()


def add_on_call(
    session: Session, start: datetime, end: datetime, zone: str, origin: Origin = Origin.CLI
) -> Interval:
    check_on_call(start, end)
    session.add(OnCall(start_utc=start, end_utc=end, zone=zone, origin=origin.value))
    session.flush()
    return Interval(start.astimezone(UTC), end.astimezone(UTC))
