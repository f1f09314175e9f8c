"""The workload figures, declared once: each one's name in JSON, its label, unit and rounding,
how a day adds to it, and where it shows. Totals and weeks are summed by this table, and the
summary document, its CSV columns, the team sums and the rows of every table are derived from it.

Adding a figure is one entry in ``FIGURES`` (and its field on ``Totals``; on ``WeekLoad`` too
when it is weekly); the JSON contract only ever gains keys at the end, so new entries go last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any, NamedTuple

from wellbeing_app.core.workload.loads import DayLoad, Totals, WeekLoad


class Unit(StrEnum):
    """Hours are rounded to 2 decimals; counts and minutes are whole numbers."""

    HOURS = "hours"
    COUNT = "count"
    MINUTES = "minutes"

    @property
    def suffix(self) -> str:
        """What follows a number of this unit in a table or a sentence: ``12.50 h``, ``7``."""
        return " h" if self is Unit.HOURS else ""


class Topic(IntEnum):
    """What a figure is about; tables list the figures topic by topic, in this order."""

    HOURS = 1
    AFTER_HOURS = 2  # after-hours contact, and the workdays and days off it can reach
    ON_CALL = 3
    INCIDENTS = 4
    REST = 5


class Finding(NamedTuple):
    """How a change of a figure is told among the key findings."""

    name: str  # as in a sentence: "after-hours pings"
    smallest: float  # a smaller change against the previous period is noise, not a finding


@dataclass(frozen=True)
class Figure:
    """One figure of a period's workload."""

    key: str  # its name in JSON, on Totals (and on WeekLoad when weekly); a contract
    label: str  # as people read it in a table: "Minutes responding after hours"
    unit: Unit
    topic: Topic
    per_day: Callable[[DayLoad], float]  # how much one day adds to it
    weekly: bool = False  # also per week: in the summary's weeks, the CSV and the team's weeks
    week_column: str = ""  # its heading in the week-by-week table; "" = not a column there
    member_row: bool = True  # a row of a member's totals table (a team's shows every figure)
    finding: Finding | None = None  # a key finding when it changes enough

    def rounded(self, value: float) -> float:
        """As the documents hold it: hours to 2 decimals, counts as whole numbers."""
        return round(value + 0.0, 2) if self.unit is Unit.HOURS else int(value)

    def total(self, days: Iterable[DayLoad]) -> float:
        """What ``days`` add up to (unrounded hours; counts as whole numbers)."""
        summed = sum(self.per_day(day) for day in days)
        return summed if self.unit is Unit.HOURS else int(summed)

    def of(self, figures: Totals | WeekLoad) -> float:
        """This figure's value on a period's totals or a week."""
        value: float = getattr(figures, self.key)
        return value


HOURS, COUNT, MINUTES = Unit.HOURS, Unit.COUNT, Unit.MINUTES

# In the order of the summary's JSON (schema version 1): new figures are added at the end.
# fmt: off
FIGURES: tuple[Figure, ...] = (
    Figure(
        "hours_worked", "Hours worked", HOURS, Topic.HOURS, lambda d: d.hours_worked,
        weekly=True, week_column="Worked", finding=Finding("hours worked", 2.0),
    ),
    Figure(
        "hours_scheduled", "Hours scheduled", HOURS, Topic.HOURS, lambda d: d.hours_scheduled,
        weekly=True, week_column="Scheduled",
    ),
    Figure(
        "overtime_hours", "Overtime", HOURS, Topic.HOURS, lambda d: d.overtime_hours,
        weekly=True, week_column="Overtime", finding=Finding("overtime", 1.0),
    ),
    Figure(
        "after_hours_pings", "After-hours pings", COUNT, Topic.AFTER_HOURS,
        lambda d: d.after_hours_pings,
        weekly=True, week_column="After-hours pings", finding=Finding("after-hours pings", 3),
    ),
    Figure(
        "after_hours_minutes", "Minutes responding after hours", MINUTES, Topic.AFTER_HOURS,
        lambda d: d.after_hours_minutes,
        weekly=True, finding=Finding("minutes spent on after-hours pings", 15),
    ),
    Figure(
        "oncall_pings", "On-call pings", COUNT, Topic.ON_CALL, lambda d: d.oncall_pings,
        weekly=True, week_column="On-call pings", finding=Finding("on-call pings", 3),
    ),
    Figure(
        "incidents", "Incidents", COUNT, Topic.INCIDENTS, lambda d: d.incidents,
        weekly=True, week_column="Incidents", finding=Finding("incidents", 2),
    ),
    Figure(
        "short_rest_gaps", "Short rests (under 11 h between working days)", COUNT, Topic.REST,
        lambda d: d.short_rests,
    ),
    Figure(
        "workdays", "Workdays", COUNT, Topic.AFTER_HOURS, lambda d: d.judged and d.workday,
        member_row=False,
    ),
    Figure(
        "evenings_with_contact", "Workdays reached after hours", COUNT, Topic.AFTER_HOURS,
        lambda d: d.judged and d.workday and d.after_hours_pings > 0,
    ),
    Figure(
        "days_off", "Days off", COUNT, Topic.AFTER_HOURS, lambda d: d.judged and not d.workday,
        member_row=False,
    ),
    Figure(
        "days_off_with_contact", "Days off reached", COUNT, Topic.AFTER_HOURS,
        lambda d: d.judged and not d.workday and d.after_hours_pings > 0,
    ),
    Figure(
        "incident_minutes", "Minutes spent on incidents", MINUTES, Topic.INCIDENTS,
        lambda d: d.incident_minutes,
    ),
    Figure(
        "incidents_after_hours", "Incidents after hours", COUNT, Topic.INCIDENTS,
        lambda d: d.incidents_after_hours,
    ),
)
# fmt: on

BY_KEY = {figure.key: figure for figure in FIGURES}
KEYS = tuple(BY_KEY)
WEEKLY = tuple(figure for figure in FIGURES if figure.weekly)
WEEK_COLUMNS = tuple(figure for figure in WEEKLY if figure.week_column)
# The rows of a totals table: topic by topic, in JSON order within a topic.
ROWS = tuple(sorted(FIGURES, key=lambda figure: figure.topic))
MEMBER_ROWS = tuple(figure for figure in ROWS if figure.member_row)


def totals_of(days: Iterable[DayLoad]) -> Totals:
    """Every figure summed over ``days``."""
    listed = list(days)
    summed: dict[str, Any] = {figure.key: figure.total(listed) for figure in FIGURES}
    return Totals(**summed)


def weekly_totals(days: Iterable[DayLoad]) -> dict[str, Any]:
    """The weekly figures summed over a week's ``days``: keyword arguments of ``WeekLoad``."""
    listed = list(days)
    return {figure.key: figure.total(listed) for figure in WEEKLY}


def rounded(load: Totals | WeekLoad, which: Iterable[Figure] = FIGURES) -> dict[str, float]:
    """``which`` figures of ``load`` as the documents hold them, in the table's order."""
    return {figure.key: figure.rounded(figure.of(load)) for figure in which}
