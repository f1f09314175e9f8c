"""Colours for the workload charts: the window's light or dark palette, plus series colours that
are Okabe-Ito variants, so they stay distinguishable with the common colour-vision deficiencies
and stand out from the background in either theme.

Contrast is WCAG 2's: text (tick labels, titles, legends: the theme's foreground) at least
4.5:1 against the background; a graphical object (a bar, a line, a marker: the series colours
and the grey of "other") at least 3:1 (success criterion 1.4.11). Grid lines only help reading
and are not held to it.

Qt-free: the UI reads its palette into a ``ChartTheme``; exports use ``LIGHT``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design". Black is left out (it is the text colour), and so
# is yellow, which no shade makes both readable on white and still yellow.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
)
ORANGE, SKY_BLUE, BLUISH_GREEN, BLUE, VERMILLION, REDDISH_PURPLE = range(len(OKABE_ITO))
# The same hues at the lightness each background needs for 3:1, chosen to keep every pair apart
# under simulated protanopia, deuteranopia and tritanopia (see tests/core/test_chart_colours.py).
LIGHT_SERIES = ("#B57D06", "#2994C7", "#098762", "#0668A2", "#A54801", "#AA5A87")
DARK_SERIES = ("#E69F00", "#56B4E9", "#0CA176", "#207CBD", "#D35F06", "#CC79A7")
LIGHT_OTHER, DARK_OTHER = "#595959", "#C1C1C1"  # grey: "other" and the folded layer
# Sequential maps designed to read the same with colour-vision deficiencies and in grey.
HEATMAP_LIGHT = "cividis"
HEATMAP_DARK = "cividis"
TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 2 AA, graphical objects


@dataclass(frozen=True)
class ChartTheme:
    background: str
    foreground: str  # text, axes, tick labels
    grid: str
    dark: bool
    series: tuple[str, ...] = LIGHT_SERIES  # one colour per role (ORANGE ... REDDISH_PURPLE)
    other: str = LIGHT_OTHER

    @property
    def heatmap(self) -> str:
        return HEATMAP_DARK if self.dark else HEATMAP_LIGHT


def series_for(dark: bool) -> tuple[tuple[str, ...], str]:
    """The series colours and the "other" grey made for a dark or a light background."""
    return (DARK_SERIES, DARK_OTHER) if dark else (LIGHT_SERIES, LIGHT_OTHER)


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#RRGGBB``: 0 for black, 1 for white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two ``#RRGGBB`` colours, from 1 (the same) to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


LIGHT = ChartTheme(background="#FFFFFF", foreground="#1F1F1F", grid="#D9D9D9", dark=False)
DARK = ChartTheme(
    background="#232323",
    foreground="#EDEDED",
    grid="#4A4A4A",
    dark=True,
    series=DARK_SERIES,
    other=DARK_OTHER,
)
