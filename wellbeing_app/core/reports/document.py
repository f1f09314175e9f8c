"""The shapes of the summary documents (JSON schema version 1, see README): a member's workload
summary and a team's roll-up, as plain JSON types whose keys keep the order they are written in.

The workload figures are not spelled out here: ``totals``, ``previous`` and ``averages`` hold
every figure of ``figures.FIGURES`` by key, and a week the weekly ones, in the table's order.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NotRequired, TypedDict

from wellbeing_app.core.time.periods import Period

# Figure key -> value: hours rounded to 2 decimals, counts and minutes whole numbers.
FigureValues = dict[str, float]
# week_start, week_end (ISO dates), days, then the weekly figures.
WeekDocument = dict[str, str | float]


class PeriodDocument(TypedDict):
    start: str  # ISO date, inclusive
    end: str  # ISO date, inclusive
    days: int


class ZonedPeriodDocument(PeriodDocument):
    zone: str  # the IANA zone the local days are counted in


class Who5Document(TypedDict):
    date: str
    score: int  # 0-100


class WellbeingDocument(TypedDict):
    """Only in a summary whose maker ticked "include my well-being figures"."""

    mood_average: float | None
    stress_average: float | None
    reflection_days: int
    who5: list[Who5Document]
    latest_who5: Who5Document | None


class Breakdowns(TypedDict):
    """A period's figures broken down; a member's summary holds them at its top level."""

    by_source: dict[str, int]  # after-hours pings by source, the largest first
    incidents_by_category: dict[str, int]
    incidents_by_severity: dict[str, int]  # "1" .. "5", every key present
    weeks: list[WeekDocument]


class WorkloadSummary(TypedDict):
    """One person's summary for a manager: aggregates only."""

    schema_version: int
    kind: str
    generated_at: str  # ISO 8601, UTC, whole seconds
    period: ZonedPeriodDocument
    previous_period: PeriodDocument
    totals: FigureValues
    previous: FigureValues
    by_source: dict[str, int]
    incidents_by_category: dict[str, int]
    incidents_by_severity: dict[str, int]
    weeks: list[WeekDocument]
    findings: list[str]
    note: str | None
    # Added within schema version 1: a file made before has none of them.
    previous_has_data: bool  # False: the previous period lies before the first record
    working_hours_set_from: str | None  # ISO date working hours were first set; None: never
    days_judged: int  # days of the period begun and under working hours
    wellbeing: NotRequired[WellbeingDocument]


class TeamSummary(TypedDict):
    """Members' summaries of one period merged: sums, per-person averages and, for a group
    large enough, breakdowns (else None, and ``breakdowns_withheld`` says why)."""

    schema_version: int
    kind: str
    period: PeriodDocument
    previous_period: PeriodDocument
    members: int
    min_group: int
    totals: FigureValues
    averages: FigureValues
    previous: FigureValues
    breakdowns: Breakdowns | None
    breakdowns_withheld: str | None
    not_rolled_up: str
    # Added within schema version 1 (a member's file without its keys counts as true):
    previous_has_data: bool  # every member's previous period holds data
    previous_working_hours_set: bool  # every member had working hours set all through it
    # How many members included incidents after decisions against their advice (their sum is
    # in totals and previous only when at least min_group did; else withheld says why).
    incidents_against_advice_members: int
    incidents_against_advice_withheld: str | None


def week_dates(monday: date, period: Period) -> tuple[date, date]:
    """The first and last day of the week starting ``monday`` that lie inside ``period``: a
    week row is clipped to the period it summarises."""
    return max(monday, period.start), min(monday + timedelta(days=6), period.end)


def week_document(start: str, end: str, days: int, figures: FigureValues) -> WeekDocument:
    """A week as the documents hold it: its dates, how many of its days fall in the period,
    then ``figures`` (the weekly figures, rounded)."""
    week: WeekDocument = {"week_start": start, "week_end": end, "days": days}
    week.update(figures)
    return week


def week_start(week: WeekDocument) -> str:
    """The ISO date a week starts on."""
    return str(week["week_start"])
