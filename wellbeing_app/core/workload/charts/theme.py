"""Colours for the workload charts: the window's light or dark palette, plus series colours
from the Okabe-Ito set, which stays distinguishable with the common colour-vision deficiencies.

Qt-free: the UI reads its palette into a ``ChartTheme``; exports use ``LIGHT``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design". Black is left out: it is the text colour.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
)
# Sequential maps designed to read the same with colour-vision deficiencies and in grey.
HEATMAP_LIGHT = "cividis"
HEATMAP_DARK = "cividis"


@dataclass(frozen=True)
class ChartTheme:
    background: str
    foreground: str  # text, axes, tick labels
    grid: str
    dark: bool
    series: tuple[str, ...] = OKABE_ITO

    @property
    def heatmap(self) -> str:
        return HEATMAP_DARK if self.dark else HEATMAP_LIGHT


LIGHT = ChartTheme(background="#FFFFFF", foreground="#1F1F1F", grid="#D9D9D9", dark=False)
DARK = ChartTheme(background="#232323", foreground="#EDEDED", grid="#4A4A4A", dark=True)
