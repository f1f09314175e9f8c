"""The workload figures, declared once: each one's name in JSON, its label, unit and rounding,
how a day adds to it, and where it shows. Totals and weeks are summed by this table, and the
summary document, its CSV columns, the team sums and the rows of every table are derived from it.

Adding a figure is one entry in ``FIGURES`` (and its field on ``Totals``; on ``WeekLoad`` too
when it is weekly); the JSON contract only ever gains keys at the end, so new entries go last.
A figure ``opt_in`` goes into a summary only when the user asks for it for that export: without
that its key is absent (not zero) from the totals, the weeks and every format.

Labels, week columns and finding names are English here (marked ``N_``); people read them
through ``_`` where they are shown, and every number through ``formats``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum, StrEnum
from typing import Any, NamedTuple

from wellbeing_app.core.language import N_, _, formats
from wellbeing_app.core.workload.loads import DayLoad, Totals, WeekLoad

HOURS_PLACES = 2  # hours are shown and stored to 2 decimals, everywhere


def round_half_away(value: float, places: int) -> float:
    """The one rounding rule: ``value`` to ``places`` decimals, a half rounded away from zero, on
    its decimal value (13.745 -> 13.75, where Python's ``round`` gives 13.74 for the binary
    float just below). The float is first read to 6 decimals, which drops the binary noise of
    sums (13.744999999999) and is far finer than any clock: 6 decimals of an hour are 3.6 ms."""
    return float(_decimal(value, places))


def average_text(average: float | None) -> str:
    """A mood or stress average as shown (``3.4``): 1 decimal of the 2 a summary holds, so the
    dashboard and every summary say the same; a dash when there is none."""
    if average is None:
        return "–"
    return formats.number(round_half_away(round_half_away(average, 2), 1), 1)


def _decimal(value: float, places: int) -> Decimal:
    exact = Decimal(f"{value:.6f}")
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) + 0  # no -0.00


class Unit(StrEnum):
    """Hours are rounded to 2 decimals; counts and minutes are whole numbers."""

    HOURS = "hours"
    COUNT = "count"
    MINUTES = "minutes"

    def with_unit(self, number: str) -> str:
        """A number written out, with what follows it in this unit: ``12.50 h``, ``7``."""
        # TRANSLATORS: a number of hours in a table or a sentence ("12.50 h").
        return _("{number} h").format(number=number) if self is Unit.HOURS else number


class Topic(IntEnum):
    """What a figure is about; tables list the figures topic by topic, in this order."""

    HOURS = 1
    AFTER_HOURS = 2  # after-hours contact, and the workdays and days off it can reach
    ON_CALL = 3
    INCIDENTS = 4
    REST = 5


class Finding(NamedTuple):
    """How a change of a figure is told among the key findings."""

    name: str  # as in a sentence: "after-hours pings" (English, N_-marked)
    smallest: float  # a smaller change against the previous period is noise, not a finding


@dataclass(frozen=True)
class Figure:
    """One figure of a period's workload."""

    key: str  # its name in JSON, on Totals (and on WeekLoad when weekly); a contract
    label: str  # as people read it in a table: "Minutes responding after hours" (N_-marked)
    unit: Unit
    topic: Topic
    per_day: Callable[[DayLoad], float]  # how much one day adds to it
    weekly: bool = False  # also per week: in the summary's weeks, the CSV and the team's weeks
    week_column: str = ""  # its heading in the week-by-week table; "" = not a column there
    member_row: bool = True  # a row of a member's totals table (a team's shows every figure)
    finding: Finding | None = None  # a key finding when it changes enough
    # Counted only on days judged against working hours (none before they were first set):
    # compared with a previous period only when working hours were set all through it.
    against_hours: bool = False
    opt_in: bool = False  # in a summary only when the user asks (``included``)

    @property
    def places(self) -> int:
        return HOURS_PLACES if self.unit is Unit.HOURS else 0

    def rounded(self, value: float) -> float:
        """As every place shows it (documents, tables, CSV, cards, findings): hours to 2
        decimals and counts as whole numbers, by ``round_half_away``."""
        if self.unit is Unit.HOURS:
            return round_half_away(value, HOURS_PLACES)
        return int(_decimal(value, 0))

    def text(self, value: float) -> str:
        """The figure as people read it: ``13.75 h``, ``1,204``."""
        return self.unit.with_unit(formats.number(self.rounded(value), self.places))

    def difference(self, now: float, before: float) -> float:
        """``now`` less ``before``, each rounded first: the change a reader can check against
        the two figures shown."""
        return float(_decimal(now, self.places) - _decimal(before, self.places))

    def change_text(self, now: float, before: float) -> str:
        """The change from ``before`` to ``now`` with its sign (``+2.25 h``, ``-3``), or
        ``same``."""
        delta = self.difference(now, before)
        if delta == 0:
            # TRANSLATORS: a table's Change cell when a figure did not change.
            return _("same")
        sign = "+" if delta > 0 else ""
        return self.unit.with_unit(sign + formats.number(delta, self.places))

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
        "hours_worked", N_("Hours worked"), HOURS, Topic.HOURS, lambda d: d.hours_worked,
        weekly=True, week_column=N_("Worked"), finding=Finding(N_("hours worked"), 2.0),
    ),
    Figure(
        "hours_scheduled", N_("Hours scheduled"), HOURS, Topic.HOURS,
        lambda d: d.hours_scheduled, weekly=True, week_column=N_("Scheduled"), against_hours=True,
    ),
    Figure(
        "overtime_hours", N_("Overtime"), HOURS, Topic.HOURS, lambda d: d.overtime_hours,
        weekly=True, week_column=N_("Overtime"), finding=Finding(N_("overtime"), 1.0),
        against_hours=True,
    ),
    Figure(
        "after_hours_pings", N_("After-hours pings"), COUNT, Topic.AFTER_HOURS,
        lambda d: d.after_hours_pings,
        weekly=True, week_column=N_("After-hours pings"),
        finding=Finding(N_("after-hours pings"), 3), against_hours=True,
    ),
    Figure(
        "after_hours_minutes", N_("Minutes responding after hours"), MINUTES, Topic.AFTER_HOURS,
        lambda d: d.after_hours_minutes,
        weekly=True, finding=Finding(N_("minutes spent on after-hours pings"), 15),
        against_hours=True,
    ),
    Figure(
        "oncall_pings", N_("On-call pings"), COUNT, Topic.ON_CALL, lambda d: d.oncall_pings,
        weekly=True, week_column=N_("On-call pings"), finding=Finding(N_("on-call pings"), 3),
    ),
    Figure(
        "incidents", N_("Incidents"), COUNT, Topic.INCIDENTS, lambda d: d.incidents,
        weekly=True, week_column=N_("Incidents"), finding=Finding(N_("incidents"), 2),
    ),
    Figure(
        "short_rest_gaps", N_("Short rests (under 11 h between working days)"), COUNT,
        Topic.REST, lambda d: d.short_rests,
    ),
    Figure(
        "workdays", N_("Workdays"), COUNT, Topic.AFTER_HOURS, lambda d: d.judged and d.workday,
        member_row=False, against_hours=True,
    ),
    Figure(
        "evenings_with_contact", N_("Workdays reached after hours"), COUNT, Topic.AFTER_HOURS,
        lambda d: d.judged and d.workday and d.after_hours_pings > 0, against_hours=True,
    ),
    Figure(
        "days_off", N_("Days off"), COUNT, Topic.AFTER_HOURS,
        lambda d: d.judged and not d.workday, member_row=False, against_hours=True,
    ),
    Figure(
        "days_off_with_contact", N_("Days off reached"), COUNT, Topic.AFTER_HOURS,
        lambda d: d.judged and not d.workday and d.after_hours_pings > 0, against_hours=True,
    ),
    Figure(
        "incident_minutes", N_("Minutes spent on incidents"), MINUTES, Topic.INCIDENTS,
        lambda d: d.incident_minutes,
    ),
    Figure(
        "incidents_after_hours", N_("Incidents after hours"), COUNT, Topic.INCIDENTS,
        lambda d: d.incidents_after_hours, against_hours=True,
    ),
    Figure(
        "incidents_against_advice", N_("Incidents after decisions I advised against"), COUNT,
        Topic.INCIDENTS, lambda d: d.incidents_against_advice, weekly=True, opt_in=True,
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
ALWAYS = tuple(figure for figure in FIGURES if not figure.opt_in)  # in every summary
AGAINST_ADVICE = BY_KEY["incidents_against_advice"]


def included(include_advice: bool = False) -> tuple[Figure, ...]:
    """The figures a summary holds: those always there, and those the user opted in to."""
    return FIGURES if include_advice else ALWAYS


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
