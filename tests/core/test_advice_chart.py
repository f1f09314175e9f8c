"""The incidents chart's share that followed decisions made against the user's advice: a
hatched outline over the bottom of each week's bar, on the dashboard (the user's own view) and
in a summary's PDF only when its maker asked for it; readable on light and dark."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_hex

from tests.core.test_chart_colours import shown_colours
from tests.core.test_charts import bars, heights, legend_labels, week, workload
from wellbeing_app.core.workload.charts import CHARTS, incidents_chart
from wellbeing_app.core.workload.charts.incidents import ADVICE_HATCH, AGAINST_ADVICE
from wellbeing_app.core.workload.charts.theme import (
    DARK,
    GRAPHIC_CONTRAST,
    LIGHT,
    TEXT_CONTRAST,
    ChartTheme,
    contrast_ratio,
)
from wellbeing_app.core.workload.loads import Workload


def three_weeks() -> Workload:
    return workload(
        weeks=[
            week(
                0, incidents_by_category={"crisis": 3, "harassment": 2}, incidents_against_advice=4
            ),
            week(1, incidents_by_category={"threats": 1}),
            week(2, incidents_by_category={"crisis": 2}, incidents_against_advice=1),
        ]
    )


def test_the_dashboard_hatches_the_share_after_decisions_against_advice() -> None:
    fig = CHARTS["incidents"](three_weeks(), LIGHT)
    share = bars(fig, AGAINST_ADVICE)
    assert heights(share) == [4, 0, 1]
    assert share.get_hatch() == ADVICE_HATCH
    assert np.asarray(share.get_facecolor())[0][3] == 0  # see-through: the categories show
    assert to_hex(np.asarray(share.get_edgecolor())[0]) == to_hex(LIGHT.foreground)
    assert AGAINST_ADVICE in legend_labels(fig)


def test_without_asking_or_without_any_the_chart_is_as_before() -> None:
    assert AGAINST_ADVICE not in legend_labels(incidents_chart(three_weeks(), LIGHT))
    none = workload(weeks=[week(0, incidents_by_category={"crisis": 1})])
    assert AGAINST_ADVICE not in legend_labels(incidents_chart(none, LIGHT, advice=True))


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_the_share_meets_wcag_on_the_theme(theme: ChartTheme) -> None:
    seen = list(shown_colours(incidents_chart(three_weeks(), theme, advice=True)))
    assert (AGAINST_ADVICE, "graphic") in {(what, kind) for what, _, kind in seen}
    for what, colour, kind in seen:
        need = TEXT_CONTRAST if kind == "text" else GRAPHIC_CONTRAST
        assert contrast_ratio(colour, theme.background) >= need, (what, colour)
