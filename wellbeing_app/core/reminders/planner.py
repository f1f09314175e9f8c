"""Reminders to disconnect, planned by a pure function: (schedule, open shift, settings,
recent events, now) -> what to say when, over the next 24 hours.

Nothing here runs anything: the scheduler service turns the plan into timers, and rebuilds it
whenever state changes. Quiet hours always win.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from wellbeing_app.core.schedule.weekly import Interval, ScheduleBook
from wellbeing_app.core.time.local_time import format_duration, in_zone


class ReminderKind(StrEnum):
    WRAP_UP = "wrap_up"
    END_OF_SHIFT = "end_of_shift"
    OVERTIME = "overtime"
    FORGOT_CLOCK_OUT = "forgot_clock_out"
    AFTER_HOURS_PING = "after_hours_ping"
    EVENING_REFLECTION = "evening_reflection"
    WHO5_CHECKIN = "who5_checkin"


@dataclass(frozen=True)
class Reminder:
    """One thing to tell the user at ``at`` (aware UTC); ``key`` is unique per occurrence."""

    kind: ReminderKind
    at: datetime
    key: str
    title: str
    text: str
    grace: timedelta
    actions: tuple[str, ...] = ()  # action ids the notification may offer as buttons
    suggested_end: datetime | None = None  # for "end it at the scheduled end"


@dataclass(frozen=True)
class ReminderSettings:
    """What the user chose in Settings; every reminder can be turned off or re-timed."""

    wrap_up: bool = True
    wrap_up_minutes: int = 15
    end_of_shift: bool = True
    snooze_minutes: int = 15
    overtime: bool = True
    overtime_first_minutes: int = 30
    overtime_second_minutes: int = 60
    overtime_max_per_day: int = 4
    forgot_clock_out: bool = True
    forgot_after_end_hours: int = 3
    forgot_shift_hours: int = 12
    after_hours_ping: bool = True
    evening_reflection: bool = True
    evening_time: str = "21:00"
    reflect_after_shift: bool = True  # open the reflection when a shift ends
    who5: bool = True
    who5_every_days: int = 14
    quiet_hours: bool = True
    quiet_start: str = "22:00"
    quiet_end: str = "07:00"

    @classmethod
    def from_json(cls, data: object) -> ReminderSettings:
        """Settings from stored JSON; unknown keys are ignored, bad values fall back."""
        if not isinstance(data, dict):
            return cls()
        defaults = cls()
        values: dict[str, object] = {}
        for name in cls.__dataclass_fields__:
            default = getattr(defaults, name)
            value = data.get(name, default)
            values[name] = value if type(value) is type(default) else default
        return cls(**values)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class RecentEvents:
    """What happened lately that changes the plan."""

    snoozed_until: datetime | None = None  # "Snooze 15 min" on the end-of-shift reminder
    last_after_hours_ping: datetime | None = None
    after_hours_word_given: datetime | None = None  # the gentle word, at most once an evening
    reflected_today: bool = False
    recent_shifts: tuple[Interval, ...] = ()  # closed shifts of the last day or so
    last_checkin: date | None = None  # the latest WHO-5 check-in
    delivered: frozenset[str] = frozenset()  # keys already shown


HORIZON = timedelta(hours=24)
EVENING_STARTS_BACK = timedelta(hours=5)  # a ping at 01:00 still belongs to the evening before


def plan_reminders(
    book: ScheduleBook,
    open_shift_start: datetime | None,
    settings: ReminderSettings,
    events: RecentEvents,
    now: datetime,
    zone: str,
    since: datetime | None = None,
) -> list[Reminder]:
    """Every reminder due in [since, now + 24 h], in time order (``since`` defaults to now).

    Reminders before ``now`` are candidates for a catch-up after a sleep or restart; see
    ``catch_up``. Book's on-call periods must cover the planned span.
    """
    since = since or now
    horizon = now + HORIZON
    plan: list[Reminder] = []
    ends = _window_ends(book, since, horizon, settings, events, open_shift_start)
    for end in ends:
        plan += _end_of_day(end, settings, events, zone)
    if open_shift_start is not None:
        scheduled_end = _scheduled_end(book, open_shift_start, now)
        forgot = _forgot(open_shift_start, scheduled_end, settings, zone)
        # Once the shift looks forgotten, the question replaces further nudges.
        last_nudge = forgot[0].at if forgot else horizon
        plan += [r for r in _overtime(scheduled_end, settings, zone) if r.at < last_nudge]
        plan += forgot
    plan += _after_hours_word(settings, events, zone)
    plan += _evenings(settings, events, now, zone)
    plan += _who5(settings, events, now, zone)
    kept = [
        r
        for r in plan
        if since <= r.at <= horizon
        and r.key not in events.delivered
        and not (settings.quiet_hours and _in_quiet_hours(r.at, settings, zone))
        and not (r.kind in _WORK_KINDS and book.is_on_call(r.at))
    ]
    return sorted(kept, key=lambda r: (r.at, r.kind.value))


def catch_up(plan: list[Reminder], now: datetime) -> list[Reminder]:
    """After a sleep or restart: the latest missed reminder of each kind still within its grace.

    Never a burst: at most one per kind, and none whose moment has passed too long ago.
    """
    latest: dict[ReminderKind, Reminder] = {}
    for reminder in plan:
        missed_recently = reminder.at <= now and now - reminder.at <= reminder.grace
        newer = reminder.kind not in latest or reminder.at > latest[reminder.kind].at
        if missed_recently and newer:
            latest[reminder.kind] = reminder
    return sorted(latest.values(), key=lambda r: r.at)


def evening_of(instant: datetime, zone: str) -> date:
    """The evening an instant belongs to (the local date, counting the small hours as before)."""
    return in_zone(instant - EVENING_STARTS_BACK, zone).date()


_WORK_KINDS = {ReminderKind.WRAP_UP, ReminderKind.END_OF_SHIFT, ReminderKind.OVERTIME}


def _window_ends(
    book: ScheduleBook,
    since: datetime,
    horizon: datetime,
    settings: ReminderSettings,
    events: RecentEvents,
    open_shift_start: datetime | None,
) -> list[datetime]:
    """Scheduled ends worth a wrap-up / end-of-shift: not when you already clocked out early."""
    ends = []
    lead = timedelta(minutes=settings.wrap_up_minutes)
    for interval in book.working_intervals(since - timedelta(hours=1), horizon + lead):
        clocked_out_early = open_shift_start is None and any(
            interval.start <= shift.end < interval.end for shift in events.recent_shifts
        )
        if not clocked_out_early:
            ends.append(interval)
    return [i.end for i in ends]


def _end_of_day(
    end: datetime, settings: ReminderSettings, events: RecentEvents, zone: str
) -> list[Reminder]:
    out = []
    local_end = f"{in_zone(end, zone):%H:%M}"
    if settings.wrap_up:
        out.append(
            Reminder(
                ReminderKind.WRAP_UP,
                end - timedelta(minutes=settings.wrap_up_minutes),
                f"wrap_up@{end.isoformat()}",
                "Time to wrap up",
                f"Your shift ends at {local_end}. Note what carries over to tomorrow, "
                "so it can wait there.",
                timedelta(minutes=settings.wrap_up_minutes),
            )
        )
    if settings.end_of_shift:
        at = end
        snoozed = events.snoozed_until
        if snoozed is not None and end <= snoozed <= end + timedelta(hours=12):
            at = snoozed
        out.append(
            Reminder(
                ReminderKind.END_OF_SHIFT,
                at,
                f"end_of_shift@{end.isoformat()}@{at.isoformat()}",
                "Time to disconnect",
                f"Your shift ended at {local_end}. The brand will still be there tomorrow; "
                "tonight is yours.",
                timedelta(hours=2),
                ("end_shift", "snooze", "on_call"),
            )
        )
    return out


def _scheduled_end(book: ScheduleBook, shift_start: datetime, now: datetime) -> datetime | None:
    """The end of the scheduled window this shift belongs to, if it overlaps one."""
    candidates = [
        i
        for i in book.working_intervals(shift_start - timedelta(days=1), max(now, shift_start))
        if i.end > shift_start and i.start <= max(now, shift_start)
    ]
    return candidates[-1].end if candidates else None


def _overtime(
    scheduled_end: datetime | None, settings: ReminderSettings, zone: str
) -> list[Reminder]:
    if scheduled_end is None or not settings.overtime:
        return []
    offsets = [settings.overtime_first_minutes, settings.overtime_second_minutes]
    while len(offsets) < settings.overtime_max_per_day:
        offsets.append(offsets[-1] + 60)
    out = []
    for n, minutes in enumerate(offsets[: settings.overtime_max_per_day]):
        over = timedelta(minutes=minutes)
        out.append(
            Reminder(
                ReminderKind.OVERTIME,
                scheduled_end + over,
                f"overtime@{scheduled_end.isoformat()}#{n}",
                "Still working?",
                f"You are {format_duration(over)} past the end of your shift "
                f"({in_zone(scheduled_end, zone):%H:%M}). Whatever is left can wait.",
                timedelta(minutes=20),
                ("end_shift", "on_call"),
            )
        )
    return out


def _forgot(
    shift_start: datetime, scheduled_end: datetime | None, settings: ReminderSettings, zone: str
) -> list[Reminder]:
    if not settings.forgot_clock_out:
        return []
    at = shift_start + timedelta(hours=settings.forgot_shift_hours)
    if scheduled_end is not None:
        at = min(at, scheduled_end + timedelta(hours=settings.forgot_after_end_hours))
    suggestion = (
        f"End it at {in_zone(scheduled_end, zone):%H:%M}, when it was scheduled to end?"
        if scheduled_end
        else "End it now?"
    )
    return [
        Reminder(
            ReminderKind.FORGOT_CLOCK_OUT,
            at,
            f"forgot_clock_out@{shift_start.isoformat()}",
            "Did you forget to clock out?",
            f"Your shift has been running since {in_zone(shift_start, zone):%H:%M}. {suggestion}",
            timedelta(hours=12),
            ("end_at_scheduled_end", "still_working") if scheduled_end else ("end_shift",),
            suggested_end=scheduled_end,
        )
    ]


def _after_hours_word(
    settings: ReminderSettings, events: RecentEvents, zone: str
) -> list[Reminder]:
    ping = events.last_after_hours_ping
    if not settings.after_hours_ping or ping is None:
        return []
    given = events.after_hours_word_given
    if given is not None and evening_of(given, zone) == evening_of(ping, zone):
        return []
    return [
        Reminder(
            ReminderKind.AFTER_HOURS_PING,
            ping,
            f"after_hours_ping@{evening_of(ping, zone).isoformat()}",
            "It can wait until tomorrow",
            "A work message reached you after hours. Answering it is a choice, not a duty.",
            timedelta(minutes=30),
        )
    ]


def _evenings(
    settings: ReminderSettings, events: RecentEvents, now: datetime, zone: str
) -> list[Reminder]:
    if not settings.evening_reflection:
        return []
    minute = _minutes(settings.evening_time)
    today = in_zone(now, zone).date()
    out = []
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        if day == today and events.reflected_today:
            continue
        at = resolve_wall(day, minute, zone)
        out.append(
            Reminder(
                ReminderKind.EVENING_REFLECTION,
                at,
                f"evening_reflection@{day.isoformat()}",
                "A minute for you",
                "How was today? A one-minute reflection helps you leave work at work.",
                timedelta(hours=2),
            )
        )
    return out


def _who5(
    settings: ReminderSettings, events: RecentEvents, now: datetime, zone: str
) -> list[Reminder]:
    """The well-being check every N days, half an hour before the evening prompt."""
    if not settings.who5:
        return []
    today = in_zone(now, zone).date()
    due = (
        today
        if events.last_checkin is None
        else events.last_checkin + timedelta(days=settings.who5_every_days)
    )
    minute = max(_minutes(settings.evening_time) - 30, 0)
    out = []
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        if day < due:
            continue
        out.append(
            Reminder(
                ReminderKind.WHO5_CHECKIN,
                resolve_wall(day, minute, zone),
                f"who5_checkin@{day.isoformat()}",
                "Your two-weekly well-being check",
                "Five short questions about the last two weeks (WHO-5). Only you see the answers.",
                timedelta(hours=4),
            )
        )
    return out


def _in_quiet_hours(instant: datetime, settings: ReminderSettings, zone: str) -> bool:
    local = in_zone(instant, zone)
    minute = local.hour * 60 + local.minute
    start, end = _minutes(settings.quiet_start), _minutes(settings.quiet_end)
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def _minutes(clock: str) -> int:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes or 0)


def resolve_wall(day: date, minute: int, zone: str) -> datetime:
    """The UTC instant of a wall-clock time on a local day (a skipped time lands after the gap)."""
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)
