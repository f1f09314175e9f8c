"""The workload dashboard's charts as Qt-free matplotlib Figures, each built from a Workload and
a ChartTheme: import a builder from here, or look them all up in ``CHART_SPECS`` / ``CHARTS``.

Importing this package does not import matplotlib; building the first figure does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wellbeing_app.core.language import _
from wellbeing_app.core.workload.charts import after_hours, heatmap, hours, incidents, mood_stress
from wellbeing_app.core.workload.charts.after_hours import after_hours_chart
from wellbeing_app.core.workload.charts.heatmap import contact_heatmap_chart
from wellbeing_app.core.workload.charts.hours import hours_chart
from wellbeing_app.core.workload.charts.incidents import incidents_chart
from wellbeing_app.core.workload.charts.mood_stress import mood_stress_chart
from wellbeing_app.core.workload.charts.theme import ChartTheme
from wellbeing_app.core.workload.loads import Workload

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ChartBuilder = Callable[[Workload, ChartTheme], "Figure"]


@dataclass(frozen=True)
class ChartSpec:
    key: str  # stable identifier, e.g. for settings and file names
    title: str  # what the dashboard and the figure call it, in English (``CHART_TITLES``: shown)
    build: ChartBuilder


CHART_SPECS: tuple[ChartSpec, ...] = (
    ChartSpec("hours", hours.TITLE, hours_chart),
    ChartSpec("after_hours", after_hours.TITLE, after_hours_chart),
    ChartSpec("heatmap", heatmap.TITLE, contact_heatmap_chart),
    # The user's own dashboard shows the incidents after decisions against their advice.
    ChartSpec("incidents", incidents.TITLE, lambda w, t: incidents_chart(w, t, advice=True)),
    ChartSpec("mood_stress", mood_stress.TITLE, mood_stress_chart),
)
CHARTS: dict[str, ChartBuilder] = {spec.key: spec.build for spec in CHART_SPECS}


class _Titles(Mapping[str, str]):
    """Each chart's title by key, in the language in use when it is looked up."""

    def __getitem__(self, key: str) -> str:
        return _(_BY_KEY[key].title)

    def __iter__(self) -> Iterator[str]:
        return iter(_BY_KEY)

    def __len__(self) -> int:
        return len(_BY_KEY)


_BY_KEY = {spec.key: spec for spec in CHART_SPECS}
CHART_TITLES: Mapping[str, str] = _Titles()

__all__ = [
    "CHARTS",
    "CHART_SPECS",
    "CHART_TITLES",
    "ChartBuilder",
    "ChartSpec",
    "after_hours_chart",
    "contact_heatmap_chart",
    "hours_chart",
    "incidents_chart",
    "mood_stress_chart",
]
