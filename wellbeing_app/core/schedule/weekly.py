"""The working schedule: weekly windows with history, days off, and on-call periods.

A past day is judged by the schedule in force on that day. Windows are wall-clock times in the
schedule's zone, turned into UTC instants day by day with zoneinfo, so a window keeps its local
hours across DST changes; one that ends at or before its start runs past midnight.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.store.models import DayOff, OnCall, Origin, ScheduleVersion, ScheduleWindow
from wellbeing_app.core.time.clock import is_zone
from wellbeing_app.core.vocabulary import WEEKDAY_IDS, WEEKDAY_NAMES

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Window:
    """A working window on ``weekday`` (0 = Monday), minutes after local midnight."""

    weekday: int
    start_minute: int
    end_minute: int

    @property
    def crosses_midnight(self) -> bool:
        return self.end_minute <= self.start_minute

    @property
    def length(self) -> timedelta:
        minutes = self.end_minute - self.start_minute
        return timedelta(minutes=minutes if minutes > 0 else minutes + 24 * 60)


@dataclass(frozen=True)
class WeeklySchedule:
    effective_from: date
    zone: str
    windows: tuple[Window, ...]

    def windows_on(self, weekday: int) -> list[Window]:
        return [w for w in self.windows if w.weekday == weekday]


@dataclass(frozen=True)
class Interval:
    """A stretch of time in UTC: [start, end)."""

    start: datetime
    end: datetime

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


@dataclass
class ScheduleBook:
    """Everything needed to judge instants against the schedule, loaded once."""

    versions: list[WeeklySchedule]
    days_off: list[tuple[date, date]]
    on_call: list[Interval] = field(default_factory=list)
    _off: set[date] | None = field(default=None, init=False, repr=False, compare=False)

    def in_force(self, day: date) -> WeeklySchedule | None:
        starts = [v.effective_from for v in self.versions]
        index = bisect_right(starts, day) - 1
        return self.versions[index] if index >= 0 else None

    def is_day_off(self, day: date) -> bool:
        if self._off is None:  # asked once per day over long periods: look it up in a set
            self._off = {
                first + timedelta(days=n)
                for first, last in self.days_off
                for n in range((last - first).days + 1)
            }
        return day in self._off

    def working_intervals(self, start: datetime, end: datetime) -> list[Interval]:
        """Scheduled working time overlapping [start, end), in time order.

        Work is counted day by day over the range, never row by row.
        """
        if not self.versions:
            return []
        first = start.astimezone(UTC).date() - timedelta(days=2)
        last = end.astimezone(UTC).date() + timedelta(days=1)
        intervals = []
        day = first
        while day <= last:
            schedule = self.in_force(day)
            if schedule is not None and not self.is_day_off(day):
                for window in schedule.windows_on(day.weekday()):
                    interval = window_interval(day, window, schedule.zone)
                    if interval.end > start and interval.start < end:
                        intervals.append(interval)
            day += timedelta(days=1)
        return sorted(intervals, key=lambda i: i.start)

    def is_scheduled(self, instant: datetime) -> bool:
        return any(
            instant in interval
            for interval in self.working_intervals(
                instant - timedelta(days=1), instant + timedelta(microseconds=1)
            )
        )

    def is_on_call(self, instant: datetime) -> bool:
        return any(instant in interval for interval in self.on_call)


def window_interval(day: date, window: Window, zone: str) -> Interval:
    """The UTC instants of ``window`` on local ``day`` (ending the next day if it crosses)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, _time(window.start_minute), tzinfo=tz)
    end_day = day + timedelta(days=1) if window.crosses_midnight else day
    end = datetime.combine(end_day, _time(window.end_minute), tzinfo=tz)
    return Interval(start.astimezone(UTC), end.astimezone(UTC))


def _time(minute: int) -> time:
    return time(minute // 60, minute % 60)


def parse_clock(text: str, field_name: str) -> int:
    """``09:00`` -> minutes after midnight."""
    match = _CLOCK.fullmatch(text.strip())
    if not match:
        raise ValidationError(field_name, f"{text!r} is not a time of day like 09:00 or 17:30")
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_days(text: str, field_name: str = "days") -> list[int]:
    """``mon-fri``, ``sat,sun``, ``mon,wed-fri``, ``all`` -> weekday numbers (0 = Monday)."""
    value = text.strip().lower()
    if value in {"all", "daily", "every"}:
        return list(range(7))
    days: list[int] = []
    for part in value.split(","):
        ends = [_weekday(p.strip()) for p in part.split("-")]
        if not 1 <= len(ends) <= 2 or None in ends:
            raise ValidationError(
                field_name, f"{text!r} is not a list of days like mon-fri or sat,sun"
            )
        first, last = ends[0], ends[-1]
        assert first is not None and last is not None
        span = range(first, last + 1) if first <= last else [*range(first, 7), *range(last + 1)]
        days.extend(d for d in span if d not in days)
    return sorted(days)


def _weekday(word: str) -> int | None:
    """``mon``, ``tues``, ``thursday`` -> 0, 1, 3; other words (``monkey``, ``mon;fri``) -> None."""
    for number, name in enumerate(WEEKDAY_NAMES):
        if len(word) >= 3 and name.lower().startswith(word):
            return number
    return None


def check_zone(name: str, field_name: str = "tz") -> str:
    if not is_zone(name):
        raise ValidationError(field_name, f"{name!r} is not an IANA time zone (e.g. Europe/Berlin)")
    return name


def load_book(session: Session) -> ScheduleBook:
    """All schedule versions and days off (a handful of rows); on-call periods on demand."""
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
    return ScheduleBook(versions, days_off)


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
    zone: str,
    effective_from: date,
) -> WeeklySchedule:
    """From ``effective_from`` on, work ``days`` from start to end; other days stay as they were."""
    check_window(start_minute, end_minute)
    previous = load_book(session).in_force(effective_from)
    kept = [w for w in previous.windows if w.weekday not in days] if previous else []
    windows = [*kept, *(Window(d, start_minute, end_minute) for d in days)]
    return save_week(session, windows, zone, effective_from)


def save_week(
    session: Session, windows: list[Window], zone: str, effective_from: date
) -> WeeklySchedule:
    """The whole week's windows in force from ``effective_from`` (replacing a version that
    starts the same day; earlier days keep the schedule they had)."""
    check_zone(zone)
    for window in windows:
        if window.start_minute == window.end_minute:
            raise ValidationError(WEEKDAY_IDS[window.weekday], "start and end must differ")
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


def check_window(start_minute: int, end_minute: int) -> None:
    if start_minute == end_minute:
        raise ValidationError("end", "must differ from --start (a window needs some length)")


def check_days_off(first: date, last: date) -> None:
    if last < first:
        raise ValidationError("DATE", f"the range ends ({last}) before it starts ({first})")


def check_on_call(start: datetime, end: datetime) -> None:
    if end <= start:
        raise ValidationError("END", "the on-call period must end after it starts")


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
