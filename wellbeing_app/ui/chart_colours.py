"""The chart theme that matches the window: light or dark, read from the Qt palette."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from wellbeing_app.core.workload.charts.theme import OKABE_ITO, ChartTheme


def theme_from(palette: QPalette) -> ChartTheme:
    """Background, text and grid colours from ``palette``; series stay colour-blind safe."""
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.Text)
    dark = background.lightnessF() < 0.5
    grid = palette.color(QPalette.ColorRole.Mid)
    return ChartTheme(
        background=background.name(),
        foreground=foreground.name(),
        grid=grid.name(),
        dark=dark,
        series=OKABE_ITO,
    )
