"""The incidents chart: incidents per week stacked by category, the severe ones marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.vocabulary import SEVERE_FROM, category_label
from wellbeing_app.core.workload.charts.base import (
    DASH,
    add_legend,
    date_axis,
    empty_figure,
    hide_top_right,
    integer_ticks,
    new_figure,
    style_axes,
)
from wellbeing_app.core.workload.charts.series import category_style
from wellbeing_app.core.workload.charts.stack import draw_stack, rank_layers
from wellbeing_app.core.workload.charts.theme import ChartTheme
from wellbeing_app.core.workload.loads import WeekLoad, Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Incidents"
EMPTY = "No incidents logged yet: log one from the tray when something at work hits hard."
SEVERE = f"Severe (4{DASH}5)"


def severe_count(week: WeekLoad) -> int:
    return sum(n for severity, n in week.incidents_by_severity.items() if severity >= SEVERE_FROM)


def incidents_chart(workload: Workload, theme: ChartTheme) -> Figure:
    """One stacked bar per week, one layer per category; a marker at the height of the number
    of severe incidents (severity 4 or 5) in weeks that had any."""
    weeks = workload.weeks
    layers = rank_layers([w.incidents_by_category for w in weeks], None, "")
    if not layers:
        return empty_figure(theme, TITLE, EMPTY)
    fig = new_figure(theme, TITLE)
    ax = fig.add_subplot()
    draw_stack(ax, layers, theme, category_label, category_style)
    severe = [(i, n) for i, week in enumerate(weeks) if (n := severe_count(week))]
    if severe:
        ax.plot(
            [i for i, _ in severe],
            [n for _, n in severe],
            linestyle="none",
            marker="D",
            markersize=5,
            color=theme.foreground,
            markeredgecolor=theme.background,
            label=SEVERE,
        )
    ax.set_ylabel("Incidents")
    integer_ticks(ax)
    date_axis(ax, [week.week_start for week in weeks], "Week starting")
    style_axes(ax, theme)
    hide_top_right(ax)
    add_legend(fig, theme, reverse=True)
    return fig
