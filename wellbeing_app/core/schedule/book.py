"""The working schedule as plain data: weekly windows with their history, days off and on-call
periods, how a window lands on the calendar, and the checks of what people type for them.

Pure (no database): the store's loaders in ``weekly`` fill it, and the CLI's quick path fills it
straight from SQLite. A past day is judged by the schedule in force on that day. Windows are
wall-clock times in the schedule's zone, turned into UTC instants day by day with zoneinfo, so a
window keeps its local hours across DST changes; one that ends at or before its start runs past
midnight.

A rota (dated windows) replaces the weekly pattern on each local date it plans; a day off
replaces both. Rota windows are kept as instants, so a night across a DST change is as long as
it really is.

History: each version holds a whole week and one zone. A change of some days from a date
(``changed_week``) also reaches every later version that does not set those days itself
(``carried_forward``): a later version sets a day when its windows for that day differ from those
of the version it followed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.time.clock import is_zone
from wellbeing_app.core.vocabulary import WEEKDAY_NAMES

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
class ScheduleChange:
    """What changing some days from a date did: the version saved from that date, and the later
    versions the days were carried into (oldest first)."""

    version: WeeklySchedule
    carried: tuple[WeeklySchedule, ...] = ()


@dataclass(frozen=True)
class Interval:
    """A stretch of time in UTC: [start, end)."""

    start: datetime
    end: datetime

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


@dataclass(frozen=True)
class RotaDay:
    """The working windows planned for one local date, in place of the weekly pattern."""

    day: date
    zone: str
    intervals: tuple[Interval, ...]


@dataclass
class ScheduleBook:
    """Everything needed to judge instants against the schedule, loaded once."""

    versions: list[WeeklySchedule]
    days_off: list[tuple[date, date]]
    on_call: list[Interval] = field(default_factory=list)
    rota: dict[date, RotaDay] = field(default_factory=dict)
    _off: set[date] | None = field(default=None, init=False, repr=False, compare=False)

    def in_force(self, day: date) -> WeeklySchedule | None:
        starts = [v.effective_from for v in self.versions]
        index = bisect_right(starts, day) - 1
        return self.versions[index] if index >= 0 else None

    def first_start(self) -> datetime | None:
        """When working hours were first set: the start of the first version's first day, or of
        the first rota day, in its zone (None: never). Before it nothing is judged after hours or
        counted as a day off."""
        starts = []
        if self.versions:
            first = self.versions[0]
            starts.append(_midnight(first.effective_from, first.zone))
        if self.rota:
            planned = self.rota[min(self.rota)]
            starts.append(_midnight(planned.day, planned.zone))
        return min(starts) if starts else None

    def hours_set_from(self) -> date | None:
        """The first local date with working hours: of the weekly pattern or of the rota."""
        firsts = [self.versions[0].effective_from] if self.versions else []
        return min([*firsts, *self.rota.keys()], default=None)

    def is_planned(self, day: date) -> bool:
        """Whether working hours say anything about ``day``: a weekly pattern in force, or a
        rota for it. Days that are not planned are neither workdays nor days off."""
        return day in self.rota or self.in_force(day) is not None

    def planned_on(self, day: date) -> list[Interval]:
        """The working windows of local ``day``, in time order: none on a day off, the rota's
        where it plans the day, else the weekly pattern's."""
        if self.is_day_off(day):
            return []
        if day in self.rota:
            return sorted(self.rota[day].intervals, key=lambda i: i.start)
        schedule = self.in_force(day)
        if schedule is None:
            return []
        return [window_interval(day, w, schedule.zone) for w in schedule.windows_on(day.weekday())]

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
        if not self.versions and not self.rota:
            return []
        first = start.astimezone(UTC).date() - timedelta(days=2)
        last = end.astimezone(UTC).date() + timedelta(days=1)
        intervals: list[Interval] = []
        day = first
        while day <= last:
            intervals.extend(i for i in self.planned_on(day) if i.end > start and i.start < end)
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


def rota_days(rows: Iterable[tuple[date, datetime, datetime, str]]) -> dict[date, RotaDay]:
    """Rows of (day, start, end, zone) grouped into the book's rota days."""
    grouped: dict[date, list[tuple[datetime, datetime, str]]] = {}
    for day, start, end, zone in rows:
        grouped.setdefault(day, []).append((start, end, zone))
    return {
        day: RotaDay(day, windows[0][2], tuple(Interval(s, e) for s, e, _zone in sorted(windows)))
        for day, windows in grouped.items()
    }


def changed_week(
    previous: WeeklySchedule | None, days: list[int], window: tuple[int, int]
) -> list[Window]:
    """The week of ``previous`` (None: an empty week) with ``days`` worked in ``window`` (start
    and end minute) and every other day as it was."""
    kept = [w for w in previous.windows if w.weekday not in days] if previous else []
    return [*kept, *(Window(d, *window) for d in days)]


def carried_forward(
    versions: list[WeeklySchedule], effective_from: date, days: list[int], window: tuple[int, int]
) -> list[WeeklySchedule]:
    """The later versions (after ``effective_from``) that change when ``days`` are worked in
    ``window`` from ``effective_from``, as they become.

    ``versions`` is the history before the change, oldest first. A day is carried into each later
    version until one sets it itself, that is, has other windows for it than the version it
    followed (the one in force the day before it); from there on the day stays as that version
    set it. Windows are carried as wall-clock times: a later version keeps its own zone.
    """
    book = ScheduleBook(versions, [])
    followed = book.in_force(effective_from)
    open_days = set(days)
    changed = []
    for version in (v for v in versions if v.effective_from > effective_from):
        open_days -= {d for d in open_days if _day(version, d) != _day(followed, d)}
        if not open_days:
            break
        week = changed_week(version, sorted(open_days), window)
        ordered = tuple(sorted(week, key=lambda w: (w.weekday, w.start_minute)))
        if ordered != version.windows:
            changed.append(replace(version, windows=ordered))
        followed = version
    return changed


def _day(version: WeeklySchedule | None, weekday: int) -> list[Window]:
    return version.windows_on(weekday) if version else []


def window_interval(day: date, window: Window, zone: str) -> Interval:
    """The UTC instants of ``window`` on local ``day`` (ending the next day if it crosses)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, _time(window.start_minute), tzinfo=tz)
    end_day = day + timedelta(days=1) if window.crosses_midnight else day
    end = datetime.combine(end_day, _time(window.end_minute), tzinfo=tz)
    return Interval(start.astimezone(UTC), end.astimezone(UTC))


def _midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _time(minute: int) -> time:
    return time(minute // 60, minute % 60)


def parse_clock(text: str, field_name: str) -> int:
    """``09:00`` -> minutes after midnight."""
    match = _CLOCK.fullmatch(text.strip())
    if not match:
        raise ValidationError(
            field_name,
            _("{value} is not a time of day like 09:00 or 17:30").format(value=repr(text)),
        )
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
                field_name,
                _("{value} is not a list of days like mon-fri or sat,sun").format(value=repr(text)),
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
        raise ValidationError(
            field_name,
            _("{value} is not an IANA time zone (e.g. Europe/Berlin)").format(value=repr(name)),
        )
    return name


def check_window(start_minute: int, end_minute: int) -> None:
    if start_minute == end_minute:
        raise ValidationError("end", _("must differ from --start (a window needs some length)"))


def check_days_off(first: date, last: date) -> None:
    if last < first:
        raise ValidationError(
            "DATE",
            _("the range ends ({last}) before it starts ({first})").format(last=last, first=first),
        )


def check_on_call(start: datetime, end: datetime) -> None:
    if end <= start:
        raise ValidationError("END", _("the on-call period must end after it starts"))
