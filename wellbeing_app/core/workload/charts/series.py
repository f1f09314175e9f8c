"""Which colour each ping source and incident category is drawn in: one fixed colour per id, so
a source looks the same in every chart, every period and every export, whatever its rank.

The named ids of the vocabulary each own a colour; "other" is grey. Any other id (an app that
notification capture counts under its own name, say) takes a colour and a hatch from a stable
hash of its name: hatched, it is never mistaken for a named source of the same colour.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from wellbeing_app.core.vocabulary import IncidentCategory, PingSource
from wellbeing_app.core.workload.charts.theme import (
    BLUE,
    BLUISH_GREEN,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    ChartTheme,
)

SOURCE_COLOURS: dict[str, int] = {
    PingSource.SLACK: REDDISH_PURPLE,
    PingSource.TEAMS: BLUE,
    PingSource.EMAIL: SKY_BLUE,
    PingSource.PHONE: BLUISH_GREEN,
    PingSource.SOCIAL_DM: ORANGE,
    PingSource.SOCIAL_MENTION: VERMILLION,
}
CATEGORY_COLOURS: dict[str, int] = {
    IncidentCategory.HARASSMENT: REDDISH_PURPLE,
    IncidentCategory.CRISIS: VERMILLION,
    IncidentCategory.CUSTOMER_ESCALATION: ORANGE,
    IncidentCategory.DISTRESSING_CONTENT: BLUE,
    IncidentCategory.THREATS: BLUISH_GREEN,
    IncidentCategory.INTERNAL_PRESSURE: SKY_BLUE,
}
GREY_IDS = frozenset({PingSource.OTHER, IncidentCategory.OTHER})
HATCHES = ("//", "\\\\", "xx", "..")  # for ids outside the vocabulary


class LayerStyle(NamedTuple):
    colour: str
    hatch: str | None = None


Styler = Callable[[ChartTheme, str], LayerStyle]


def source_style(theme: ChartTheme, source: str) -> LayerStyle:
    """``slack`` is always reddish purple, ``other`` grey, ``discord`` always the same."""
    return _style(theme, source, SOURCE_COLOURS)


def category_style(theme: ChartTheme, category: str) -> LayerStyle:
    return _style(theme, category, CATEGORY_COLOURS)


def folded_style(theme: ChartTheme) -> LayerStyle:
    """The layer that sums the smaller ids ("Other sources"): grey, like "other"."""
    return LayerStyle(theme.other)


def _style(theme: ChartTheme, key: str, named: Mapping[str, int]) -> LayerStyle:
    if key in GREY_IDS:
        return LayerStyle(theme.other)
    if key in named:
        return LayerStyle(theme.series[named[key]])
    # crc32, not hash(): Python salts str hashes per process, and this must hold across runs.
    return _hashed(theme, zlib.crc32(key.encode("utf-8")))


def _hashed(theme: ChartTheme, number: int) -> LayerStyle:
    colours = len(theme.series)
    slot = number % (colours * len(HATCHES))
    return LayerStyle(theme.series[slot % colours], HATCHES[slot // colours])


def distinct_styles(theme: ChartTheme, keys: Iterable[str], style: Styler) -> dict[str, LayerStyle]:
    """Each key's style; should two ids outside the vocabulary hash alike in one chart, the one
    later in the alphabet takes the next free colour and hatch (rare: 24 combinations)."""
    out: dict[str, LayerStyle] = {}
    taken: set[LayerStyle] = set()
    for key in sorted(keys):
        chosen = style(theme, key)
        if chosen in taken and chosen.hatch is not None:
            number = zlib.crc32(key.encode("utf-8"))
            for step in range(1, len(theme.series) * len(HATCHES)):
                chosen = _hashed(theme, number + step)
                if chosen not in taken:
                    break
        taken.add(chosen)
        out[key] = chosen
    return out
