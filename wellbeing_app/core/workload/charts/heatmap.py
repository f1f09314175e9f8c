"""The contact heatmap: after-hours pings by weekday and local hour, over the whole period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.vocabulary import weekday_label
from wellbeing_app.core.workload.charts.base import empty_figure, margins, new_figure, style_axes
from wellbeing_app.core.workload.charts.theme import ChartTheme
from wellbeing_app.core.workload.loads import Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = N_("When work reaches you after hours")
EMPTY = N_("No after-hours pings yet: log one from the tray when work reaches you off the clock.")
COLORBAR_LABEL = N_("After-hours pings")
HOUR_STEP = 3  # label every third hour


def contact_heatmap_chart(workload: Workload, theme: ChartTheme) -> Figure:
    """A 7 x 24 grid, Monday on top, midnight on the left; the colour says how many pings."""
    from matplotlib.ticker import MaxNLocator

    grid = workload.contact_heatmap
    peak = max((max(row, default=0) for row in grid), default=0)
    if peak == 0:
        return empty_figure(theme, _(TITLE), _(EMPTY))
    fig = new_figure(theme, _(TITLE))
    ax = fig.add_subplot()
    image = ax.imshow(
        grid, cmap=theme.heatmap, vmin=0, vmax=peak, aspect="auto", interpolation="nearest"
    )
    weekdays = range(7)  # Monday on top
    ax.set_yticks(weekdays, [weekday_label(day) for day in weekdays])
    hours = range(0, 24, HOUR_STEP)  # on the cells' left edges: 03:00 is where hour 3 begins
    ax.set_xticks([hour - 0.5 for hour in hours], [f"{hour:02d}:00" for hour in hours])
    ax.set_xlabel(_("Hour of day (local time)"))
    style_axes(ax, theme, grid=None)
    colorbar = fig.colorbar(image, ax=ax)
    colorbar.set_label(_(COLORBAR_LABEL), color=theme.foreground)
    colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    colorbar.ax.tick_params(colors=theme.foreground, labelsize="small")
    colorbar.outline.set_edgecolor(theme.foreground)
    margins(fig, left=0.55, right=0.35)  # the colour bar's labels sit in the plot's share
    return fig
