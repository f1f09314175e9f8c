"""Each chart's numbers as a table, for a screen reader or anyone who would rather read than
look: one row per bar, day or weekday the chart draws, one column per series, labelled as the
chart labels them and written as people read numbers (``formats``; hours as the cards and the
summaries write them, ``12.50 h``).

Built from the same Workload, through the same helpers, as the chart itself; nothing here
imports matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from wellbeing_app.core.language import N_, _, formats
from wellbeing_app.core.vocabulary import category_label, source_label, weekday_label
from wellbeing_app.core.workload import figures
from wellbeing_app.core.workload.charts import after_hours, heatmap, hours, incidents, mood_stress
from wellbeing_app.core.workload.charts.base import dated_label, day_label
from wellbeing_app.core.workload.charts.stack import Layer
from wellbeing_app.core.workload.findings import stress_finding
from wellbeing_app.core.workload.loads import Workload

HOURS_TABLE = N_(
    "One row a week: the hours worked within the schedule, the overtime worked on top of "
    "them, and the hours scheduled."
)
AFTER_HOURS_TABLE = N_("One row a week: the after-hours pings from each source, the most first.")
HEATMAP_TABLE = N_(
    "After-hours pings over the whole period, one row a weekday and one column an hour of the "
    "day (local time)."
)
INCIDENTS_TABLE = N_(
    "One row a week: the incidents in each category, the most first, and how many were "
    "severe (4–5)."
)
INCIDENTS_ADVICE = N_("It also counts the incidents after decisions you advised against.")
MOOD_STRESS_TABLE = N_(
    "One row a day: mood (1–5) and stress (0–10), each averaged over 7 days, and the "
    "after-hours pings that day."
)


@dataclass(frozen=True)
class ChartTable:
    """A chart's numbers, every text in the language in use."""

    title: str  # the chart's title
    description: str  # what the rows and the columns hold
    headers: list[str]  # the first names what the rows are, e.g. "Week starting (2026)"
    rows: list[list[str]]  # the first cell of each row labels it as the chart's axis does
    empty: str = ""  # with no rows: the chart's own message on what to log first
    note: str = ""  # what the chart says besides its series (the mood chart's finding)


def hours_text(value: float) -> str:
    """``12.50 h``: hours as the cards and the summaries write them."""
    return figures.BY_KEY["hours_worked"].text(value)


def count_text(value: int) -> str:
    return formats.number(value)


def hours_table(workload: Workload) -> ChartTable:
    title, description = _(hours.TITLE), _(HOURS_TABLE)
    weeks = workload.weeks
    if not any(week.hours_worked > 0 for week in weeks):
        return ChartTable(title, description, [], [], _(hours.EMPTY))
    columns: list[list[str]] = [
        [hours_text(hours.within_schedule(week)) for week in weeks],
        [hours_text(week.overtime_hours) for week in weeks],
    ]
    names = [_(hours.WORKED), _(hours.OVERTIME)]
    if any(week.hours_scheduled for week in weeks):  # the chart marks them only then
        columns.append([hours_text(week.hours_scheduled) for week in weeks])
        names.append(_(hours.SCHEDULED))
    starts = [week.week_start for week in weeks]
    return _by_date(title, description, _("Week starting"), starts, names, columns)


def after_hours_table(workload: Workload) -> ChartTable:
    title, description = _(after_hours.TITLE), _(AFTER_HOURS_TABLE)
    layers = after_hours.source_layers(workload)
    if not layers:
        return ChartTable(title, description, [], [], _(after_hours.EMPTY))
    names = [_layer_name(layer, source_label) for layer in layers]
    columns = [[count_text(n) for n in layer.counts] for layer in layers]
    starts = [week.week_start for week in workload.weeks]
    return _by_date(title, description, _("Week starting"), starts, names, columns)


def heatmap_table(workload: Workload) -> ChartTable:
    title, description = _(heatmap.TITLE), _(HEATMAP_TABLE)
    grid = workload.contact_heatmap
    if max((max(row, default=0) for row in grid), default=0) == 0:
        return ChartTable(title, description, [], [], _(heatmap.EMPTY))
    # The chart labels every third hour; a table has room for them all, written alike.
    headers = [_("Day"), *(f"{hour:02d}:00" for hour in range(24))]
    rows = [[weekday_label(day), *(count_text(n) for n in row)] for day, row in enumerate(grid)]
    return ChartTable(title, description, headers, rows)


def incidents_table(workload: Workload, advice: bool = False) -> ChartTable:
    """``advice``: as the chart drawn with it, a column of the incidents after decisions made
    against the user's advice (when there were any)."""
    title, description = _(incidents.TITLE), _(INCIDENTS_TABLE)
    weeks = workload.weeks
    layers = incidents.category_layers(workload)
    if not layers:
        return ChartTable(title, description, [], [], _(incidents.EMPTY))
    names = [_layer_name(layer, category_label) for layer in layers]
    columns = [[count_text(n) for n in layer.counts] for layer in layers]
    against = [week.incidents_against_advice for week in weeks]
    if advice and any(against):
        names.append(_(incidents.AGAINST_ADVICE))
        columns.append([count_text(n) for n in against])
        description = f"{description} {_(INCIDENTS_ADVICE)}"
    severe = [incidents.severe_count(week) for week in weeks]
    if any(severe):  # the chart marks them only then
        names.append(_(incidents.SEVERE))
        columns.append([count_text(n) for n in severe])
    starts = [week.week_start for week in weeks]
    return _by_date(title, description, _("Week starting"), starts, names, columns)


def mood_stress_table(workload: Workload) -> ChartTable:
    title, description = _(mood_stress.TITLE), _(MOOD_STRESS_TABLE)
    mood, stress = mood_stress.averages(workload)
    if all(m is None for m in mood) and all(s is None for s in stress):
        return ChartTable(title, description, [], [], _(mood_stress.EMPTY))
    days = workload.days
    names = [_(mood_stress.MOOD), _(mood_stress.STRESS), _("After-hours pings per day")]
    columns = [
        [figures.average_text(value) for value in mood],
        [figures.average_text(value) for value in stress],
        [count_text(day.after_hours_pings) for day in days],
    ]
    table = _by_date(title, description, _("Day"), [d.day for d in days], names, columns)
    return ChartTable(title, description, table.headers, table.rows, note=stress_finding(workload))


def _layer_name(layer: Layer, label: Callable[[str], str]) -> str:
    """As in the chart's legend: the folded layer is already named ("Other sources")."""
    return layer.key if layer.folded else label(layer.key)


def _by_date(
    title: str,
    description: str,
    axis: str,
    days: Sequence[date],
    names: list[str],
    columns: list[list[str]],
) -> ChartTable:
    """A row per day of ``days`` (labelled as the date axis labels it), a column per name."""
    headers = [dated_label(axis, days), *names]
    rows = [[day_label(day), *(column[i] for column in columns)] for i, day in enumerate(days)]
    return ChartTable(title, description, headers, rows)


TableBuilder = Callable[[Workload], ChartTable]
# The dashboard's tables by chart key, as ``CHARTS`` draws them (the incidents with the advice).
TABLES: dict[str, TableBuilder] = {
    "hours": hours_table,
    "after_hours": after_hours_table,
    "heatmap": heatmap_table,
    "incidents": lambda workload: incidents_table(workload, advice=True),
    "mood_stress": mood_stress_table,
}


def chart_table(key: str, workload: Workload) -> ChartTable:
    """The numbers behind the dashboard's chart ``key``."""
    return TABLES[key](workload)
