"""The chart theme that matches the window: light or dark, read from the Qt palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from wellbeing_app.core.workload.charts.theme import ChartTheme, series_for

GRID_SHARE = 0.22  # of the text colour over the background: faint, visible in both themes


def theme_from(palette: QPalette) -> ChartTheme:
    """Background and text colours from ``palette``, a faint grid between the two, and the
    series colours made for a light or a dark background, colour-blind safe in both. (The
    palette's own Mid colour is all but the background in some dark themes.)"""
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.Text)
    dark = background.lightnessF() < 0.5
    grid = _blend(foreground, background, GRID_SHARE)
    series, other = series_for(dark)
    return ChartTheme(
        background=background.name(),
        foreground=foreground.name(),
        grid=grid.name(),
        dark=dark,
        series=series,
        other=other,
    )


def _blend(top: QColor, bottom: QColor, share: float) -> QColor:
    def mix(t: float, b: float) -> float:
        return share * t + (1 - share) * b

    return QColor.fromRgbF(
        mix(top.redF(), bottom.redF()),
        mix(top.greenF(), bottom.greenF()),
        mix(top.blueF(), bottom.blueF()),
    )
