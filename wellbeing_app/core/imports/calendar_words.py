"""How a calendar import is put in words, the same in the command line and the app: what events
become, one event as a line, what a batch gained, changed and lost, and a batch in a listing."""

from __future__ import annotations

from wellbeing_app.core.imports.calendar_batches import BatchInfo, CalendarPlan
from wellbeing_app.core.imports.calendar_file import CalendarEvent
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import weekday_label

BECOMES = {"rota": "rota windows", "oncall": "on-call periods", "days-off": "days off"}


def event_day(event: CalendarEvent) -> str:
    """``Sat 2026-03-28``: the local day the event starts on."""
    return f"{weekday_label(event.first_day.weekday())} {event.first_day}"


def event_hours(event: CalendarEvent) -> str:
    """``22:00-06:00`` in the calendar's own times, or ``all day`` (``to`` its last day)."""
    if event.all_day:
        return "all day" if event.last_day == event.first_day else f"all day to {event.last_day}"
    return f"{event.start:%H:%M}-{event.end:%H:%M}"


def event_line(event: CalendarEvent) -> str:
    """``Sat 2026-03-28 22:00-06:00 (7 h 00 min) Night shift``: the length worked out in UTC,
    so a night across a change of the clocks is as long as it is."""
    if event.all_day:
        span = "" if event.last_day == event.first_day else f" to {event.last_day}"
        return f"{event_day(event)}{span} (all day) {event.summary}".rstrip()
    length = format_duration(event.duration)
    return f"{event_day(event)} {event_hours(event)} ({length}) {event.summary}".rstrip()


def changes(plan: CalendarPlan) -> str:
    """``62 added, 0 changed, 0 removed``."""
    return f"{plan.added} added, {plan.changed} changed, {plan.removed} removed"


def batch_name(info: BatchInfo) -> str:
    """``#1 nights.ics (Night shifts)``."""
    named = f" ({info.calendar_name})" if info.calendar_name else ""
    return f"#{info.id} {info.file_name}{named}"


def batch_line(info: BatchInfo) -> str:
    """``62 rota windows, 2026-03-27 to 2026-10-31``: what a batch holds and the days read."""
    return f"{info.rows} {BECOMES[info.used_as]}, {info.first_day} to {info.last_day}"


def undone(info: BatchInfo) -> str:
    """What undoing the batch removed."""
    return f"Removed batch #{info.id} ({info.file_name}): {info.rows} {BECOMES[info.used_as]}." + (
        " Those days follow the weekly pattern again." if info.used_as == "rota" else ""
    )
