"""The periods a user picks on the dashboard (the last 4 weeks, quarter, year, or their own
dates) and the default period of a summary for a manager (the last 4 full weeks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _


@dataclass(frozen=True)
class Period:
    """Local dates from ``start`` to ``end``, both inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length just before this one."""
        length = timedelta(days=self.days)
        return Period(self.start - length, self.end - length)

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def week_starts(self) -> list[date]:
        """The Mondays of the weeks this period touches, in order."""
        first = self.start - timedelta(days=self.start.weekday())
        return [first + timedelta(weeks=n) for n in range((self.end - first).days // 7 + 1)]


# Presets count whole weeks, Monday to Sunday, ending with the current week (up to today).
PRESET_WEEKS = {"4 weeks": 4, "quarter": 13, "year": 52}
SUMMARY_WEEKS = 4


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def preset(name: str, today: date) -> Period:
    """The current week and the weeks before it, ``PRESET_WEEKS[name]`` in all."""
    weeks = PRESET_WEEKS[name]
    return Period(monday_of(today) - timedelta(weeks=weeks - 1), today)


def last_full_weeks(today: date, weeks: int = SUMMARY_WEEKS) -> Period:
    """The ``weeks`` full Monday-to-Sunday weeks before the current one."""
    end = monday_of(today) - timedelta(days=1)
    return Period(end - timedelta(weeks=weeks) + timedelta(days=1), end)


def custom(start: date | None, end: date | None, today: date) -> Period:
    """The user's own dates; a missing end means today, a missing start 4 weeks before the end."""
    end = end or today
    start = start or end - timedelta(weeks=4) + timedelta(days=1)
    if end < start:
        raise ValidationError(
            "to",
            _("the period ends ({end}) before it starts ({start})").format(end=end, start=start),
        )
    return Period(start, end)
