"""What the workload over a period adds up to: plain data, shared by the dashboard, its charts
and the summaries for managers.

Days and weeks are the user's local ones; weeks start on Monday. Hours are floats, counts ints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wellbeing_app.core.time.periods import Period


@dataclass(frozen=True)
class DayLoad:
    """One local day. ``workday`` is True when the schedule in force had working time then;
    ``judged`` is False for a day not begun yet or before any working hours were set: it counts
    neither as a workday nor as a day off, and nothing on it is after hours."""

    day: date
    workday: bool
    judged: bool = True
    hours_worked: float = 0.0
    hours_scheduled: float = 0.0
    after_hours_pings: int = 0
    after_hours_minutes: int = 0
    oncall_pings: int = 0
    incidents: int = 0
    incident_minutes: int = 0
    incidents_after_hours: int = 0
    incidents_against_advice: int = 0  # after a decision made against the user's advice
    short_rests: int = 0  # 1 when its work began under 11 h after the previous day's ended
    mood: int | None = None
    stress: int | None = None

    @property
    def overtime_hours(self) -> float:
        """Hours worked beyond the day's schedule (a day off worked counts in full); none on a
        day before working hours were set: there is no schedule to be beyond."""
        return max(0.0, self.hours_worked - self.hours_scheduled) if self.judged else 0.0


@dataclass(frozen=True)
class WeekLoad:
    """One Monday-to-Sunday week, clipped to the period (``days`` says how many of its days):
    the weekly figures of ``figures.FIGURES`` and the week's breakdowns."""

    week_start: date
    days: int
    hours_worked: float = 0.0
    hours_scheduled: float = 0.0
    overtime_hours: float = 0.0
    after_hours_pings: int = 0
    after_hours_minutes: int = 0
    oncall_pings: int = 0
    after_hours_by_source: dict[str, int] = field(default_factory=dict)
    incidents: int = 0
    incidents_by_category: dict[str, int] = field(default_factory=dict)
    incidents_by_severity: dict[int, int] = field(default_factory=dict)
    incidents_against_advice: int = 0


@dataclass(frozen=True)
class Totals:
    """The period's figures that are compared against the previous period: one field per
    figure of ``figures.FIGURES``, in its order (summed by ``figures.totals_of``)."""

    hours_worked: float = 0.0
    hours_scheduled: float = 0.0
    overtime_hours: float = 0.0
    after_hours_pings: int = 0
    after_hours_minutes: int = 0
    oncall_pings: int = 0
    incidents: int = 0
    short_rest_gaps: int = 0
    workdays: int = 0
    evenings_with_contact: int = 0  # workdays with at least one after-hours ping
    days_off: int = 0  # weekends, days off and other days without scheduled work
    days_off_with_contact: int = 0
    incident_minutes: int = 0
    incidents_after_hours: int = 0
    incidents_against_advice: int = 0  # in an export only when the user opts in

    @property
    def evening_share(self) -> float | None:
        return self.evenings_with_contact / self.workdays if self.workdays else None

    @property
    def days_off_share(self) -> float | None:
        return self.days_off_with_contact / self.days_off if self.days_off else None


@dataclass(frozen=True)
class Who5Point:
    day: date
    score: int


@dataclass(frozen=True)
class Wellbeing:
    """Private figures: shown to the user, exported only when they opt in."""

    mood_average: float | None = None
    stress_average: float | None = None
    reflection_days: int = 0
    who5: list[Who5Point] = field(default_factory=list)  # check-ins within the period
    latest_who5: Who5Point | None = None  # the latest on or before the period's end


@dataclass(frozen=True)
class Coverage:
    """What a period's figures can speak for: the days judged against working hours (after-hours
    figures, workdays and days off count on those alone) and whether the period of equal length
    before it holds anything to compare with."""

    period: Period
    hours_set_from: date | None  # the first day under working hours; None: never set
    days_judged: int  # days of the period begun and under working hours
    first_record: date | None  # the local day of the first thing logged; None: nothing yet

    @classmethod
    def settled(cls, period: Period) -> Coverage:
        """Working hours set and data logged long before ``period``, every day of it begun."""
        return cls(period, date.min, period.days, date.min)

    @property
    def hours_set(self) -> bool:
        """Working hours were set for at least part of the period."""
        return self.hours_set_from is not None and self.hours_set_from <= self.period.end

    @property
    def previous_has_data(self) -> bool:
        """Something was logged by the previous period's end: else it lies wholly before the
        first record, and its zeros mean "no data", not "none"."""
        return self.first_record is not None and self.first_record <= self.period.previous().end

    @property
    def previous_judged(self) -> bool:
        """Working hours were set all through the previous period."""
        start = self.period.previous().start
        return self.hours_set_from is not None and self.hours_set_from <= start


@dataclass(frozen=True)
class Workload:
    """Everything the dashboard and the summaries show for one period."""

    period: Period
    zone: str
    totals: Totals
    days: list[DayLoad]
    weeks: list[WeekLoad]
    by_source: dict[str, int]  # after-hours pings per source
    incidents_by_category: dict[str, int]
    incidents_by_severity: dict[int, int]  # 1..5, every key present
    contact_heatmap: list[list[int]]  # after-hours pings: [weekday 0=Mon][local hour 0..23]
    wellbeing: Wellbeing
    coverage: Coverage

    @property
    def is_empty(self) -> bool:
        t = self.totals
        return (
            t.hours_worked == 0
            and t.after_hours_pings == 0
            and t.oncall_pings == 0
            and t.incidents == 0
            and self.wellbeing.reflection_days == 0
        )
