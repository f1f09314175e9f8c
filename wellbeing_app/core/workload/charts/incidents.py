"""The incidents chart: incidents per week stacked by category, the severe ones marked, and
(when asked) the part that followed decisions made against the user's advice hatched over it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.vocabulary import SEVERE_FROM, category_label
from wellbeing_app.core.workload.charts.base import (
    add_legend,
    date_axis,
    draw_bars,
    empty_figure,
    hide_top_right,
    integer_ticks,
    new_figure,
    style_axes,
)
from wellbeing_app.core.workload.charts.series import category_style
from wellbeing_app.core.workload.charts.stack import Layer, draw_stack, rank_layers
from wellbeing_app.core.workload.charts.theme import ChartTheme
from wellbeing_app.core.workload.loads import WeekLoad, Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = N_("Incidents")
EMPTY = N_("No incidents logged yet: log one from the tray when something at work hits hard.")
SEVERE = N_("Severe (4–5)")
AGAINST_ADVICE = N_("After decisions you advised against")
ADVICE_HATCH = "xx"


def severe_count(week: WeekLoad) -> int:
    return sum(n for severity, n in week.incidents_by_severity.items() if severity >= SEVERE_FROM)


def category_layers(workload: Workload) -> list[Layer]:
    """The stack's layers, bottom up: every category with an incident, the most first."""
    return rank_layers([week.incidents_by_category for week in workload.weeks], None, "")


def incidents_chart(workload: Workload, theme: ChartTheme, *, advice: bool = False) -> Figure:
    """One stacked bar per week, one layer per category; a marker at the height of the number
    of severe incidents (severity 4 or 5) in weeks that had any. With ``advice``, the incidents
    after decisions made against the user's advice are a hatched outline over the bottom of
    each bar (its share of the bar, whatever their categories); a summary's chart shows it only
    when the user opted in."""
    weeks = workload.weeks
    layers = category_layers(workload)
    if not layers:
        return empty_figure(theme, _(TITLE), _(EMPTY))
    fig = new_figure(theme, _(TITLE))
    ax = fig.add_subplot()
    draw_stack(ax, layers, theme, category_label, category_style)
    against = [week.incidents_against_advice for week in weeks]
    if advice and any(against):
        # No fill: the categories show through; the outline and hatch in the text colour read
        # against the background and against every category colour.
        draw_bars(
            ax,
            against,
            facecolor=(0.0, 0.0, 0.0, 0.0),  # see-through: judged by its outline
            edgecolor=theme.foreground,
            hatch=ADVICE_HATCH,
            linewidth=1.2,
            label=_(AGAINST_ADVICE),
        )
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
            label=_(SEVERE),
        )
    ax.set_ylabel(_("Incidents"))
    integer_ticks(ax)
    date_axis(ax, [week.week_start for week in weeks], _("Week starting"))
    style_axes(ax, theme)
    hide_top_right(ax)
    add_legend(fig, theme, reverse=True)
    return fig
