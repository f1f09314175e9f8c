"""Streaks worth keeping: days you disconnected on time, and days you reflected.

Only scheduled workdays count. Days off and weekends (days without a window) neither break
nor extend a streak, and neither does a day with no shift recorded or a skipped reflection:
the app never punishes not using it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from wellbeing_app.core.records.pings import list_pings
from wellbeing_app.core.schedule.weekly import Interval, ScheduleBook, load_book
from wellbeing_app.core.store.models import Reflection, Shift
from wellbeing_app.core.time.local_time import local_date

ON_TIME = timedelta(minutes=30)
LOOK_BACK_DAYS = 400


@dataclass(frozen=True)
class Streaks:
    disconnect: int
    reflection: int


def streaks(session: Session, now: datetime, zone: str) -> Streaks:
    book = load_book(session)
    start = now - timedelta(days=LOOK_BACK_DAYS)
    # A shift still running counts as lasting until now: one that has run past the scheduled
    # end + 30 minutes has already missed the disconnect, whenever it is ended.
    shifts = [
        Interval(s.start_utc, s.end_utc or now)
        for s in session.exec(
            select(Shift).where(or_(col(Shift.end_utc).is_(None), col(Shift.end_utc) > start))
        ).all()
    ]
    answered = [p.at for p in list_pings(session, start, now) if p.after_hours and p.minutes > 0]
    reflected = {
        r.day: r.skipped
        for r in session.exec(select(Reflection).where(col(Reflection.day) >= start.date()))
    }
    return Streaks(
        disconnect=_disconnect_streak(book, shifts, answered, now, zone),
        reflection=_reflection_streak(book, reflected, now, zone),
    )


def _workday_end(book: ScheduleBook, day: date) -> Interval | None:
    """The day's last scheduled window, or None when it is not a scheduled workday."""
    windows = book.planned_on(day)
    return max(windows, key=lambda i: i.end) if windows else None


def _disconnect_streak(
    book: ScheduleBook, shifts: list[Interval], answered: list[datetime], now: datetime, zone: str
) -> int:
    count = 0
    day = local_date(now, zone) + timedelta(days=1)
    for _ in range(LOOK_BACK_DAYS):
        day -= timedelta(days=1)
        window = _workday_end(book, day)
        if window is None or window.end + ON_TIME > now:
            continue  # not a workday, or the day is not over yet
        worked = [
            s for s in shifts if s.start < window.end + timedelta(hours=12) and s.end > window.start
        ]
        if not worked:
            continue  # nothing recorded: neither breaks nor extends
        ended_on_time = max(s.end for s in worked) <= window.end + ON_TIME
        evening_end = window.end + timedelta(hours=14)
        quiet_evening = not any(window.end <= at < evening_end for at in answered)
        if not (ended_on_time and quiet_evening):
            break
        count += 1
    return count


def _reflection_streak(
    book: ScheduleBook, reflected: dict[date, bool], now: datetime, zone: str
) -> int:
    count = 0
    today = local_date(now, zone)
    day = today + timedelta(days=1)
    for _ in range(LOOK_BACK_DAYS):
        day -= timedelta(days=1)
        if _workday_end(book, day) is None:
            continue
        state = reflected.get(day)  # False: reflected; True: skipped; None: nothing
        if state is None and day == today:
            continue  # today's reflection may still come
        if state is True:
            continue
        if state is None:
            break
        count += 1
    return count
