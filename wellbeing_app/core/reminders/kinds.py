"""What reminders are made of: their kinds, a reminder itself, the user's reminder settings
and the recent events the planner weighs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from wellbeing_app.core.schedule.weekly import Interval


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
    last_notification: datetime | None = None  # for "end it at the last work notification"


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
    after_hours_ping_captured: bool = False  # counted from a notification, its minutes unknown
    last_work_notification: datetime | None = None  # counted while the open shift runs
    after_hours_word_given: datetime | None = None  # the gentle word, at most once an evening
    reflected_today: bool = False
    recent_shifts: tuple[Interval, ...] = ()  # closed shifts of the last day or so
    last_checkin: date | None = None  # the latest WHO-5 check-in
    delivered: frozenset[str] = frozenset()  # keys already shown
