"""Reminders to disconnect, planned by a pure function: (schedule, open shift, settings,
recent events, now) -> what to say when, over the next 24 hours.

Nothing here runs anything: the scheduler service turns the plan into timers, and rebuilds it
whenever state changes. Quiet hours always win.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from wellbeing_app.core.language import _
from wellbeing_app.core.reminders.kinds import RecentEvents as RecentEvents
from wellbeing_app.core.reminders.kinds import Reminder as Reminder
from wellbeing_app.core.reminders.kinds import ReminderKind as ReminderKind
from wellbeing_app.core.reminders.kinds import ReminderSettings as ReminderSettings
from wellbeing_app.core.schedule.weekly import ScheduleBook
from wellbeing_app.core.time.local_time import format_duration, in_zone

HORIZON = timedelta(hours=24)
SAME_END = timedelta(minutes=5)  # a last notification this close to the scheduled end adds nothing
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
        forgot = _forgot(
            open_shift_start, scheduled_end, settings, zone, events.last_work_notification
        )
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
                _("Time to wrap up"),
                _(
                    "Your shift ends at {time}. Note what carries over to tomorrow, "
                    "so it can wait there."
                ).format(time=local_end),
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
                _("Time to disconnect"),
                _(
                    "Your shift ended at {time}. The brand will still be there tomorrow; "
                    "tonight is yours."
                ).format(time=local_end),
                timedelta(hours=2),
                ("end_shift", "snooze", "on_call"),
            )
        )
    return out


EARLY_START = timedelta(hours=2)  # clocking in this long before a window still belongs to it


def _scheduled_end(book: ScheduleBook, shift_start: datetime, now: datetime) -> datetime | None:
    """The end of the scheduled window this shift belongs to: the latest one it overlaps by
    now, or one it began shortly before (clocked in at 08:55 for 09:00)."""
    reach = max(now, shift_start + EARLY_START)
    candidates = [
        i
        for i in book.working_intervals(shift_start - timedelta(days=1), reach)
        if i.end > shift_start and i.start <= reach
    ]
    started = [i for i in candidates if i.start <= max(now, shift_start)]
    chosen = started[-1] if started else (candidates[0] if candidates else None)
    return chosen.end if chosen else None


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
                _("Still working?"),
                _(
                    "You are {length} past the end of your shift ({time}). "
                    "Whatever is left can wait."
                ).format(length=format_duration(over), time=_clock(scheduled_end, zone)),
                timedelta(minutes=20),
                ("end_shift", "on_call"),
            )
        )
    return out


def _forgot(
    shift_start: datetime,
    scheduled_end: datetime | None,
    settings: ReminderSettings,
    zone: str,
    last_notification: datetime | None = None,
) -> list[Reminder]:
    if not settings.forgot_clock_out:
        return []
    at = shift_start + timedelta(hours=settings.forgot_shift_hours)
    if scheduled_end is not None:
        at = min(at, scheduled_end + timedelta(hours=settings.forgot_after_end_hours))
    last = _worth_offering(last_notification, shift_start, scheduled_end)
    if last is not None:
        return [_forgot_with_last(shift_start, scheduled_end, last, at, zone)]
    if scheduled_end:
        text = _(
            "Your shift has been running since {start}. "
            "End it at {end}, when it was scheduled to end?"
        ).format(start=_clock(shift_start, zone), end=_clock(scheduled_end, zone))
    else:
        text = _("Your shift has been running since {start}. End it now?").format(
            start=_clock(shift_start, zone)
        )
    return [
        Reminder(
            ReminderKind.FORGOT_CLOCK_OUT,
            at,
            f"forgot_clock_out@{shift_start.isoformat()}",
            _("Did you forget to clock out?"),
            text,
            timedelta(hours=12),
            ("end_at_scheduled_end", "still_working") if scheduled_end else ("end_shift",),
            suggested_end=scheduled_end,
        )
    ]


def _worth_offering(
    last: datetime | None, shift_start: datetime, scheduled_end: datetime | None
) -> datetime | None:
    """The last work notification, as an end worth offering beside the scheduled one: after
    the start, and not within minutes of the scheduled end (that one says the same)."""
    if last is None or last <= shift_start:
        return None
    if scheduled_end is not None and abs(last - scheduled_end) < SAME_END:
        return None
    return last


def _forgot_with_last(
    shift_start: datetime,
    scheduled_end: datetime | None,
    last: datetime,
    at: datetime,
    zone: str,
) -> Reminder:
    """The forgot-to-clock-out question offering the last work notification's time as the end,
    beside the scheduled end (or beside now, with no schedule)."""
    start, last_at = _clock(shift_start, zone), _clock(last, zone)
    if scheduled_end is not None:
        text = _(
            "Your shift has been running since {start}. End it at {end}, when it was scheduled "
            "to end, or at {last}, when your last work notification came?"
        ).format(start=start, end=_clock(scheduled_end, zone), last=last_at)
        actions: tuple[str, ...] = (
            "end_at_scheduled_end",
            "end_at_last_notification",
            "still_working",
        )
    else:
        text = _(
            "Your shift has been running since {start}. "
            "End it at {last}, when your last work notification came, or now?"
        ).format(start=start, last=last_at)
        actions = ("end_at_last_notification", "end_shift")
    return Reminder(
        ReminderKind.FORGOT_CLOCK_OUT,
        at,
        f"forgot_clock_out@{shift_start.isoformat()}",
        _("Did you forget to clock out?"),
        text,
        timedelta(hours=12),
        actions,
        suggested_end=scheduled_end,
        last_notification=last,
    )


def _after_hours_word(
    settings: ReminderSettings, events: RecentEvents, zone: str
) -> list[Reminder]:
    ping = events.last_after_hours_ping
    if not settings.after_hours_ping or ping is None:
        return []
    given = events.after_hours_word_given
    if given is not None and evening_of(given, zone) == evening_of(ping, zone):
        return []
    if events.after_hours_ping_captured:
        text = _(
            "A work message reached you after hours. Answering it is a choice, not a duty. "
            "If you answered it, note the minutes it took."
        )
    else:
        text = _("A work message reached you after hours. Answering it is a choice, not a duty.")
    return [
        Reminder(
            ReminderKind.AFTER_HOURS_PING,
            ping,
            f"after_hours_ping@{evening_of(ping, zone).isoformat()}",
            _("It can wait until tomorrow"),
            text,
            timedelta(minutes=30),
            ("note_minutes",) if events.after_hours_ping_captured else (),
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
                _("A minute for you"),
                _("How was today? A one-minute reflection helps you leave work at work."),
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
                _("Your two-weekly well-being check"),
                _(
                    "Five short questions about the last two weeks (WHO-5). "
                    "Only you see the answers."
                ),
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
    hours, _colon, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes or 0)


def _clock(instant: datetime, zone: str) -> str:
    """``21:40``: the wall-clock time of ``instant`` in ``zone``."""
    return f"{in_zone(instant, zone):%H:%M}"


def resolve_wall(day: date, minute: int, zone: str) -> datetime:
    """The UTC instant of a wall-clock time on a local day (a skipped time lands after the gap)."""
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)
