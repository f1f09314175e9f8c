"""What every workload chart shares: a themed Figure and axes, legends, date tick labels and the
empty-state figure.

matplotlib is imported inside the functions that need it, never at module level, so importing
the charts package (as the layer test does for every core module) stays cheap and Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from wellbeing_app.core.language import formats
from wellbeing_app.core.workload.charts.theme import ChartTheme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

DASH = "\N{EN DASH}"  # the dash of ranges in labels, e.g. severity 4 to 5
# Room around the plot, in inches: tick labels and an axis label on the left and below, the
# title on top. A legend on the right takes its handle plus its longest label.
MARGINS = {"left": 0.75, "right": 0.25, "top": 0.42, "bottom": 0.55}
SMALL_CHAR = 0.075  # inches per character of a "small" label (8.3 pt DejaVu Sans, on average)
LEGEND_HANDLE = 0.55
LEGEND_ROW = 0.3
FIGSIZE = (6.4, 3.2)
LegendPlace = Literal["outside right upper", "outside lower center"]
BAR_WIDTH = 0.8
MAX_DATE_LABELS = 7  # at most this many date labels along an axis, so they never overlap


def colour(theme: ChartTheme, index: int) -> str:
    """The theme's ``index``-th series colour, cycling when a theme brings fewer colours."""
    return theme.series[index % len(theme.series)]


def new_figure(theme: ChartTheme, title: str) -> Figure:
    """An empty figure in the theme's colours with ``title`` on top, left-aligned, laid out
    with margins fixed in inches (see ``margins``)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=FIGSIZE, facecolor=theme.background, edgecolor=theme.background)
    fig.set_layout_engine(_inch_margins())
    fig.suptitle(title, x=0.01, ha="left", color=theme.foreground, fontweight="bold")
    return fig


def margins(fig: Figure, **inches: float) -> None:
    """Set some of the figure's margins (``left``, ``right``, ``top``, ``bottom``) in inches.

    Fixed margins, not constrained layout: that measures every label on every draw, which on
    a modest machine costs a third of the drawing; these charts know their labels ahead.
    """
    engine: Any = fig.get_layout_engine()
    if hasattr(engine, "inches"):
        engine.inches.update(inches)


def _inch_margins() -> Any:
    from matplotlib.layout_engine import LayoutEngine

    class InchMargins(LayoutEngine):
        _adjust_compatible = True
        _colorbar_gridspec = True

        def __init__(self) -> None:
            super().__init__()
            self.inches = dict(MARGINS)

        def execute(self, fig: Any) -> None:
            width, height = fig.get_size_inches()
            m = self.inches
            left = min(m["left"] / width, 0.4)
            right = max(1 - m["right"] / width, left + 0.2)
            bottom = min(m["bottom"] / height, 0.4)
            top = max(1 - m["top"] / height, bottom + 0.2)
            fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)

    return InchMargins()


def style_axes(ax: Axes, theme: ChartTheme, grid: Literal["x", "y", "both"] | None = "y") -> None:
    """Paint ``ax`` in the theme: background, spines, ticks, labels, title and a light grid."""
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_color(theme.foreground)
    ax.tick_params(which="both", colors=theme.foreground, labelsize="small")
    ax.xaxis.label.set_color(theme.foreground)
    ax.yaxis.label.set_color(theme.foreground)
    ax.title.set_color(theme.foreground)
    if grid is not None:
        ax.grid(True, axis=grid, color=theme.grid, linewidth=0.8)
        ax.set_axisbelow(True)


def hide_top_right(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def integer_ticks(ax: Axes) -> None:
    """Counts: whole numbers only on the y axis."""
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def add_legend(
    fig: Figure, theme: ChartTheme, loc: LegendPlace = "outside right upper", **kwargs: Any
) -> Legend:
    """A frameless legend outside the plot in the theme's text colour, collecting the labelled
    artists of every axes in ``fig``; the margin on its side is widened to hold it."""
    legend = fig.legend(
        loc="upper right" if loc == "outside right upper" else "lower center",
        frameon=False,
        fontsize="small",
        labelcolor=theme.foreground,
        **kwargs,
    )
    labels = [text.get_text() for text in legend.get_texts()]
    if loc == "outside right upper":
        longest = max((len(label) for label in labels), default=0)
        margins(fig, right=LEGEND_HANDLE + longest * SMALL_CHAR)
    else:
        margins(fig, bottom=MARGINS["bottom"] + LEGEND_ROW)
    return legend


def draw_bars(
    ax: Axes, heights: Sequence[float], bottom: Sequence[float] | None = None, **style: Any
) -> PolyCollection:
    """Bars at x = 0, 1, ... from ``bottom`` (default 0) up by ``heights``, as ONE artist: a
    collection of rectangles draws many times faster than ``ax.bar``'s patch per bar. ``style``
    goes to the collection (``facecolor``, ``hatch``, ``label``...)."""
    from matplotlib.collections import PolyCollection

    half = BAR_WIDTH / 2
    base = [0.0] * len(heights) if bottom is None else bottom
    rectangles = [
        [(i - half, b), (i - half, b + h), (i + half, b + h), (i + half, b)]
        for i, (h, b) in enumerate(zip(heights, base, strict=True))
    ]
    bars = PolyCollection(rectangles, **style)
    bars.sticky_edges.y.append(0.0)  # like ax.bar: no margin below the baseline
    ax.add_collection(bars, autolim=True)
    ax.autoscale_view()
    return bars


def empty_figure(theme: ChartTheme, title: str, message: str) -> Figure:
    """A figure with nothing but ``title`` and a centred ``message`` on what to log first."""
    fig = new_figure(theme, title)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        wrap=True,
        color=theme.foreground,
    )
    return fig


def day_label(day: date) -> str:
    """E.g. ``3 Nov`` (``3 lis`` in Polish): as the language in use writes it."""
    return formats.short_date(day)


def years_label(days: Sequence[date]) -> str:
    """E.g. ``2026`` or ``2025-2026`` (with an en dash): the years the axis spans, for its label."""
    first, last = days[0].year, days[-1].year
    return str(first) if first == last else f"{first}{DASH}{last}"


def date_axis(ax: Axes, days: Sequence[date], label: str) -> None:
    """Categorical x positions 0..n-1 for ``days``, with at most MAX_DATE_LABELS labels, and the
    axis label ``label`` (already in the language in use) followed by the years in brackets."""
    step = max(1, math.ceil(len(days) / MAX_DATE_LABELS))
    positions = list(range(0, len(days), step))
    ax.set_xticks(positions, [day_label(days[i]) for i in positions])
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.set_xlabel(dated_label(label, days))


def dated_label(label: str, days: Sequence[date]) -> str:
    """E.g. ``Week starting (2026)``: ``label`` followed by the years ``days`` span, in brackets
    (a date axis's label, and the first column of its chart's table)."""
    return f"{label} ({years_label(days)})"
