"""Stacked count bars (one collection per layer), shared by the after-hours and incident charts.

Each layer is drawn in its id's own colour (see ``series``), never in a colour picked by its
rank, so a source keeps its colour from one period to the next."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from wellbeing_app.core.workload.charts.base import draw_bars
from wellbeing_app.core.workload.charts.series import Styler, distinct_styles, folded_style
from wellbeing_app.core.workload.charts.theme import ChartTheme

if TYPE_CHECKING:
    from matplotlib.axes import Axes

SEPARATOR = 1.0  # points of background between two layers: each meets 3:1 against it


class Layer(NamedTuple):
    key: str  # a source or category; for the folded layer, its label
    counts: list[int]  # one per bar
    folded: bool = False  # the sum of the smaller keys


def rank_layers(
    counts: Sequence[Mapping[str, int]],
    keep: int | None,
    other: str,
    generic: Collection[str] = (),
) -> list[Layer]:
    """One layer per key, largest total first (ties by name), keys with no count left out.

    When there are more than ``keep`` keys, ``keep`` of them stay and the rest are summed into
    one last layer ``other``; ``generic`` keys (such as an "other" source) go there first.
    """
    totals: dict[str, int] = {}
    for row in counts:
        for key, count in row.items():
            totals[key] = totals.get(key, 0) + count
    ranked = sorted((k for k, v in totals.items() if v > 0), key=lambda k: (-totals[k], k))
    kept = ranked
    if keep is not None and len(ranked) > keep:
        kept = [key for key in ranked if key not in generic][:keep]
    layers = [Layer(key, [row.get(key, 0) for row in counts]) for key in kept]
    rest = [key for key in ranked if key not in kept]
    if rest:
        folded = [sum(row.get(key, 0) for key in rest) for row in counts]
        layers.append(Layer(other, folded, folded=True))
    return layers


def draw_stack(
    ax: Axes,
    layers: Sequence[Layer],
    theme: ChartTheme,
    label: Callable[[str], str],
    style: Styler,
) -> list[float]:
    """Draw ``layers`` bottom-up at x = 0..n-1, each in its key's ``style`` (the folded layer
    grey); returns each bar's total height."""
    bottom = [0.0] * (len(layers[0].counts) if layers else 0)
    styles = distinct_styles(theme, [layer.key for layer in layers if not layer.folded], style)
    for layer in layers:
        colour, hatch = folded_style(theme) if layer.folded else styles[layer.key]
        draw_bars(
            ax,
            layer.counts,
            bottom,
            facecolor=colour,
            hatch=hatch,
            edgecolor=theme.background,
            linewidth=SEPARATOR,
            label=layer.key if layer.folded else label(layer.key),
        )
        bottom = [b + c for b, c in zip(bottom, layer.counts, strict=True)]
    return bottom
