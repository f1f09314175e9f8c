"""The mood and stress chart: 7-day averages of both, against the after-hours pings per day, with
one plain-language finding as its subtitle."""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.workload.charts.base import (
    add_legend,
    colour,
    date_axis,
    draw_bars,
    empty_figure,
    integer_ticks,
    margins,
    new_figure,
    style_axes,
)
from wellbeing_app.core.workload.charts.theme import BLUE, SKY_BLUE, VERMILLION, ChartTheme
from wellbeing_app.core.workload.findings import rolling_average, stress_finding
from wellbeing_app.core.workload.loads import Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = N_("Mood and stress")
EMPTY = N_("No reflections yet: write one at the end of your day to see your mood and stress.")
MOOD, STRESS = N_("Mood, 7-day average"), N_("Stress, 7-day average")
PINGS = N_("After-hours pings (right axis)")
SUBTITLE_WIDTH = 80  # characters per line of the finding
MARKERS_UP_TO = 31  # days; longer periods get plain lines
PINGS_FILL = 0.3  # opacity of the pings' bars


def averages(workload: Workload) -> tuple[list[float | None], list[float | None]]:
    """Each day's 7-day average of mood and of stress (None: no reflection in the window)."""
    days = workload.days
    return rolling_average(days, lambda d: d.mood), rolling_average(days, lambda d: d.stress)


def mood_stress_chart(workload: Workload, theme: ChartTheme) -> Figure:
    """Mood (solid) and stress (dashed) lines on a 0-10 scale on the left axis, the day's
    after-hours pings as light bars behind them on the right axis."""
    from matplotlib.colors import to_rgba

    days = workload.days
    mood, stress = averages(workload)
    if all(m is None for m in mood) and all(s is None for s in stress):
        return empty_figure(theme, _(TITLE), _(EMPTY))
    fig = new_figure(theme, _(TITLE))
    ax = fig.add_subplot()
    pings_ax = ax.twinx()
    ax.set_zorder(pings_ax.get_zorder() + 1)  # the lines in front of the bars
    ax.patch.set_visible(False)
    x = list(range(len(days)))
    draw_bars(
        pings_ax,
        [d.after_hours_pings for d in days],
        # A light fill to keep the lines in front readable; the outline carries the 3:1 contrast.
        facecolor=to_rgba(colour(theme, SKY_BLUE), PINGS_FILL),
        edgecolor=colour(theme, SKY_BLUE),
        linewidth=0.8,
        label=_(PINGS),
    )
    marker = "o" if len(days) <= MARKERS_UP_TO else ""  # a lone day is a dot, not nothing
    for values, index, style, label in (
        (mood, BLUE, "-", MOOD),
        (stress, VERMILLION, "--", STRESS),
    ):
        ax.plot(
            x,
            _gaps(values),
            color=colour(theme, index),
            linestyle=style,
            linewidth=1.5,
            marker=marker,
            markersize=3,
            label=_(label),
        )
    ax.set_ylim(0, 10)
    ax.set_ylabel(_("Mood 1–5, stress 0–10"))
    pings_ax.set_ylabel(_("After-hours pings per day"))
    integer_ticks(pings_ax)
    date_axis(ax, [d.day for d in days], _("Day"))
    ax.set_title(
        textwrap.fill(stress_finding(workload), SUBTITLE_WIDTH),
        loc="left",
        fontsize="small",
        color=theme.foreground,  # a left title is not the one style_axes paints
    )
    style_axes(pings_ax, theme, grid=None)
    style_axes(ax, theme)
    ax.spines["top"].set_visible(False)
    pings_ax.spines["top"].set_visible(False)
    add_legend(fig, theme, loc="outside lower center", ncols=3)
    margins(fig, right=0.75, top=0.42 + 0.17 * (ax.title.get_text().count("\n") + 1))
    return fig


def _gaps(values: list[float | None]) -> list[float]:
    """None as NaN, which matplotlib leaves as a gap in the line."""
    return [math.nan if v is None else v for v in values]
