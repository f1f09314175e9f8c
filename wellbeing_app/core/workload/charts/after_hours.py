"""The after-hours chart: pings outside working time per week, stacked by source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.vocabulary import source_label
from wellbeing_app.core.workload.charts.base import (
    add_legend,
    date_axis,
    empty_figure,
    hide_top_right,
    integer_ticks,
    new_figure,
    style_axes,
)
from wellbeing_app.core.workload.charts.series import source_style
from wellbeing_app.core.workload.charts.stack import Layer, draw_stack, rank_layers
from wellbeing_app.core.workload.charts.theme import ChartTheme
from wellbeing_app.core.workload.loads import Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = N_("After-hours pings")
EMPTY = N_("No after-hours pings yet: log one from the tray when work reaches you off the clock.")
MAX_SOURCES = 6  # with more, the smallest (and "other") are summed into OTHER_SOURCES
OTHER_SOURCES = N_("Other sources")


def source_layers(workload: Workload) -> list[Layer]:
    """The stack's layers, bottom up: the biggest sources, then the rest summed."""
    by_source = [week.after_hours_by_source for week in workload.weeks]
    return rank_layers(by_source, MAX_SOURCES, _(OTHER_SOURCES), generic={"other"})


def after_hours_chart(workload: Workload, theme: ChartTheme) -> Figure:
    """One stacked bar per week, one layer per source, the biggest source at the bottom; each
    source in its own colour (``series.SOURCE_COLOURS``) whatever its rank."""
    weeks = workload.weeks
    layers = source_layers(workload)
    if not layers:
        return empty_figure(theme, _(TITLE), _(EMPTY))
    fig = new_figure(theme, _(TITLE))
    ax = fig.add_subplot()
    draw_stack(ax, layers, theme, source_label, source_style)
    ax.set_ylabel(_("After-hours pings"))
    integer_ticks(ax)
    date_axis(ax, [week.week_start for week in weeks], _("Week starting"))
    style_axes(ax, theme)
    hide_top_right(ax)
    add_legend(fig, theme, reverse=True)  # top to bottom, like the stack
    return fig
