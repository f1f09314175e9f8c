"""Reminders to disconnect, planned by a pure function: (schedule, open shift, settings,
recent events, now) -> what to say when, over the next 24 hours.

Nothing here runs anything: the scheduler service turns the plan into timers, and rebuilds it
whenever state changes. Quiet hours always win.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class ReminderKind(StrEnum):
    WRAP_UP = "wrap_up"
    END_OF_SHIFT = "end_of_shift"
    OVERTIME = "overtime"
    FORGOT_CLOCK_OUT = "forgot_clock_out"
    AFTER_HOURS_PING = "after_hours_ping"
    EVENING_REFLECTION = "evening_reflection"


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
