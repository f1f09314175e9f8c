"""The hours chart: hours worked per week against the hours scheduled, overtime hatched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.workload.charts.base import (
    BAR_WIDTH,
    add_legend,
    colour,
    date_axis,
    draw_bars,
    empty_figure,
    hide_top_right,
    new_figure,
    style_axes,
)
from wellbeing_app.core.workload.charts.theme import BLUE, VERMILLION, ChartTheme
from wellbeing_app.core.workload.loads import WeekLoad, Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = N_("Hours worked")
EMPTY = N_("No shifts yet: start one from the tray to see your hours.")
WORKED, OVERTIME, SCHEDULED = N_("Worked"), N_("Overtime"), N_("Scheduled")


def within_schedule(week: WeekLoad) -> float:
    """The week's hours worked less its overtime: the bar under the hatched overtime."""
    return max(0.0, week.hours_worked - week.overtime_hours)


def hours_chart(workload: Workload, theme: ChartTheme) -> Figure:
    """One bar per week: the hours within schedule, with the overtime stacked on top and hatched;
    a short line across each bar marks the hours scheduled that week."""
    weeks = workload.weeks
    if not any(week.hours_worked > 0 for week in weeks):
        return empty_figure(theme, _(TITLE), _(EMPTY))
    fig = new_figure(theme, _(TITLE))
    ax = fig.add_subplot()
    x = list(range(len(weeks)))
    overtime = [week.overtime_hours for week in weeks]
    regular = [within_schedule(week) for week in weeks]
    draw_bars(ax, regular, facecolor=colour(theme, BLUE), linewidth=0, label=_(WORKED))
    draw_bars(
        ax,
        overtime,
        regular,
        facecolor=colour(theme, VERMILLION),
        edgecolor=theme.background,
        hatch="////",
        linewidth=0,
        label=_(OVERTIME),
    )
    scheduled = [week.hours_scheduled for week in weeks]
    if any(scheduled):
        half = BAR_WIDTH / 2
        ax.hlines(
            scheduled,
            [i - half for i in x],
            [i + half for i in x],
            colors=theme.foreground,
            linewidth=2,
            label=_(SCHEDULED),
        )
    ax.set_ylabel(_("Hours per week"))
    date_axis(ax, [week.week_start for week in weeks], _("Week starting"))
    style_axes(ax, theme)
    hide_top_right(ax)
    add_legend(fig, theme)
    return fig
