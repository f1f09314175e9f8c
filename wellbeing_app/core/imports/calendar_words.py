"""How a calendar import is put in words, the same in the command line and the app: what events
become, one event as a line, what a batch gained, changed and lost, and a batch in a listing."""

from __future__ import annotations

from wellbeing_app.core.imports.calendar_batches import BatchInfo, CalendarPlan
from wellbeing_app.core.imports.calendar_file import CalendarEvent
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.store.record_words import KINDS, Counted
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import weekday_label

# What events become, after "would become" (translated where shown).
BECOMES = {"rota": N_("rota windows"), "oncall": N_("on-call periods"), "days-off": N_("days off")}
# The same with their count, as whole phrases in the form the count takes.
_COUNTED: dict[str, Counted] = {
    "rota": KINDS["rota_window"],
    "oncall": KINDS["on_call"],
    "days-off": KINDS["day_off"],
}


def counted(used_as: str, count: int) -> str:
    """``62 rota windows``, ``1 day off``: ``count`` rows of what events became."""
    return _COUNTED[used_as](count).format(count=count)


def left_out(count: int, reason: str) -> str:
    """``2 cancelled``: how many events were left out for ``reason`` (said in words already)."""
    # TRANSLATORS: a count of events left out and why, e.g. "2 cancelled" or "1 did not match
    # --match"; the reason is translated on its own (a form such as "{reason}: {count}" reads
    # well whatever the count).
    return _("{count} {reason}").format(count=count, reason=reason)


def event_day(event: CalendarEvent) -> str:
    """``Sat 2026-03-28``: the local day the event starts on."""
    return f"{weekday_label(event.first_day.weekday())} {event.first_day}"


def event_hours(event: CalendarEvent) -> str:
    """``22:00-06:00`` in the calendar's own times, or ``all day`` (``to`` its last day)."""
    if event.all_day:
        if event.last_day == event.first_day:
            return _("all day")
        return _("all day to {day}").format(day=event.last_day)
    return f"{event.start:%H:%M}-{event.end:%H:%M}"


def event_line(event: CalendarEvent) -> str:
    """``Sat 2026-03-28 22:00-06:00 (7 h 00 min) Night shift``: the length worked out in UTC,
    so a night across a change of the clocks is as long as it is."""
    if event.all_day:
        if event.last_day == event.first_day:
            line = _("{day} (all day) {summary}")
        else:
            line = _("{day} to {last} (all day) {summary}")
        day = event_day(event)
        return line.format(day=day, last=event.last_day, summary=event.summary).rstrip()
    length = format_duration(event.duration)
    return f"{event_day(event)} {event_hours(event)} ({length}) {event.summary}".rstrip()


def changes(plan: CalendarPlan) -> str:
    """``62 added, 0 changed, 0 removed``."""
    # TRANSLATORS: counts of events in a calendar brought in again.
    return _("{added} added, {changed} changed, {removed} removed").format(
        added=plan.added, changed=plan.changed, removed=plan.removed
    )


def batch_name(info: BatchInfo) -> str:
    """``#1 nights.ics (Night shifts)``."""
    named = f" ({info.calendar_name})" if info.calendar_name else ""
    return f"#{info.id} {info.file_name}{named}"


def batch_line(info: BatchInfo) -> str:
    """``62 rota windows, 2026-03-27 to 2026-10-31``: what a batch holds and the days read."""
    # TRANSLATORS: {kinds} is e.g. "62 rota windows"; then the first and last day read.
    return _("{kinds}, {first} to {last}").format(
        kinds=counted(info.used_as, info.rows), first=info.first_day, last=info.last_day
    )


def undone(info: BatchInfo) -> str:
    """What undoing the batch removed."""
    said = _("Removed batch #{batch} ({file}): {kinds}.").format(
        batch=info.id, file=info.file_name, kinds=counted(info.used_as, info.rows)
    )
    if info.used_as == "rota":
        said += " " + _("Those days follow the weekly pattern again.")
    return said
