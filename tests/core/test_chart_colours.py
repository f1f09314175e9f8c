"""Chart colours: readable on the light and the dark theme (WCAG 2: text 4.5:1, bars and lines
3:1), still apart with colour-vision deficiencies, and one colour per source and category in
every chart and period whatever its rank."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from tests.core.test_charts import bars, day, week, workload
from wellbeing_app.core.vocabulary import IncidentCategory, PingSource
from wellbeing_app.core.workload.charts import (
    CHART_SPECS,
    ChartSpec,
    after_hours_chart,
    incidents_chart,
)
from wellbeing_app.core.workload.charts.series import (
    CATEGORY_COLOURS,
    SOURCE_COLOURS,
    LayerStyle,
    distinct_styles,
    source_style,
)
from wellbeing_app.core.workload.charts.theme import (
    DARK,
    GRAPHIC_CONTRAST,
    LIGHT,
    OKABE_ITO,
    TEXT_CONTRAST,
    ChartTheme,
    contrast_ratio,
)
from wellbeing_app.core.workload.loads import Workload

THEMES = pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")
    assert contrast_ratio("#E69F00", "#FFFFFF") < GRAPHIC_CONTRAST  # Okabe-Ito orange on white


@THEMES
def test_text_and_every_series_colour_meet_wcag_on_the_theme(theme: ChartTheme) -> None:
    assert contrast_ratio(theme.foreground, theme.background) >= TEXT_CONTRAST
    for colour in (*theme.series, theme.other):
        assert contrast_ratio(colour, theme.background) >= GRAPHIC_CONTRAST, colour
    assert len(theme.series) == len(OKABE_ITO)


# -- colour-vision deficiencies: Machado, Oliveira & Fernandes (2009), severity 1 -------------
SIMULATIONS = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
SRGB_TO_XYZ = np.array(
    [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
)
MIN_DELTA_E = 12.0  # CIE76; the original Okabe-Ito colours with their grey score about 7


def lab(colour: str, simulation: np.ndarray) -> np.ndarray:
    srgb = np.array(to_rgba(colour)[:3])
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    xyz = SRGB_TO_XYZ @ np.clip(simulation @ linear, 0, 1) / SRGB_TO_XYZ.sum(axis=1)
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: tuple[str, ...]) -> tuple[float, str, str, str]:
    return min(
        (float(np.linalg.norm(lab(a, m) - lab(b, m))), a, b, name)
        for a, b in itertools.combinations(colours, 2)
        for name, m in SIMULATIONS.items()
    )


@THEMES
def test_series_colours_stay_apart_with_colour_vision_deficiencies(theme: ChartTheme) -> None:
    distance, *pair = closest_pair((*theme.series, theme.other))
    assert distance >= MIN_DELTA_E, pair


def test_the_check_tells_the_original_palette_apart_from_the_variants() -> None:
    # Without this, the test above could pass for any colours at all.
    assert closest_pair((*OKABE_ITO, "#999999"))[0] < MIN_DELTA_E


# -- every artist of every chart ------------------------------------------------------------
def full_workload() -> Workload:
    """Every source and category, overtime, severe incidents, a few reflected days."""
    sources = {source.value: n + 1 for n, source in enumerate(PingSource)}
    categories = {category.value: 1 for category in IncidentCategory}
    weeks = [
        week(
            n,
            hours_worked=44.0,
            hours_scheduled=40.0,
            overtime_hours=4.0,
            after_hours_by_source=sources,
            incidents_by_category=categories,
            incidents_by_severity={5: 2},
        )
        for n in range(2)
    ]
    days = [day(n, mood=3, stress=n % 10, after_hours_pings=n % 3) for n in range(14)]
    grid = [[(d + h) % 4 for h in range(24)] for d in range(7)]
    return workload(weeks=weeks, days=days, heatmap=grid)


def shown_colours(fig: Figure) -> Iterator[tuple[str, str, str]]:
    """(what, colour, kind) of each text, bar and data line drawn; kind "text" or "graphic".
    A bar seen through (alpha < 1) counts by its outline. Grid lines (unlabelled) only help
    reading and are left out."""
    for text in fig.findobj(Text):
        if text.get_text().strip() and text.get_visible():
            yield text.get_text(), to_hex(text.get_color()), "text"
    for artist in fig.findobj(PolyCollection):
        face = np.asarray(artist.get_facecolor())
        for rgba in face:
            if rgba[3] == 1:
                yield str(artist.get_label()), to_hex(rgba), "graphic"
            else:
                for edge in np.asarray(artist.get_edgecolor()):
                    yield str(artist.get_label()), to_hex(edge), "graphic"
    for line in fig.findobj(Line2D):
        if str(line.get_label()).strip("_") and line.get_visible():
            yield str(line.get_label()), to_hex(line.get_color()), "graphic"
    for lines in fig.findobj(LineCollection):
        if not str(lines.get_label()).startswith("_"):
            for rgba in np.asarray(lines.get_color()):
                yield str(lines.get_label()), to_hex(rgba), "graphic"


@THEMES
@pytest.mark.parametrize("spec", CHART_SPECS, ids=lambda spec: spec.key)
def test_every_text_bar_and_line_of_every_chart_meets_wcag(
    theme: ChartTheme, spec: ChartSpec
) -> None:
    fig = spec.build(full_workload(), theme)
    seen = list(shown_colours(fig))
    assert any(kind == "graphic" for *_, kind in seen) or spec.key == "heatmap"
    for what, colour, kind in seen:
        need = TEXT_CONTRAST if kind == "text" else GRAPHIC_CONTRAST
        ratio = contrast_ratio(colour, theme.background)
        assert ratio >= need, f"{spec.key}: {what!r} in {colour} is {ratio:.2f}:1"


# -- one colour per id ----------------------------------------------------------------------
def test_every_named_source_and_category_owns_a_colour_of_its_own() -> None:
    assert set(SOURCE_COLOURS) == {s.value for s in PingSource} - {"other"}
    assert set(CATEGORY_COLOURS) == {c.value for c in IncidentCategory} - {"other"}
    assert len(set(SOURCE_COLOURS.values())) == len(SOURCE_COLOURS)
    assert len(set(CATEGORY_COLOURS.values())) == len(CATEGORY_COLOURS)


def face(fig: Figure, label: str) -> tuple[float, ...]:
    return tuple(np.asarray(bars(fig, label).get_facecolor(), dtype=float)[0].tolist())


@THEMES
def test_a_source_keeps_its_colour_when_its_rank_changes(theme: ChartTheme) -> None:
    """Slack first in one period and last in the next: the same colour in both, and so for a
    captured app (Discord) and "other"."""
    busy_slack = {"slack": 9, "discord": 5, "email": 3, "other": 1}
    quiet_slack = {"email": 8, "other": 6, "discord": 4, "slack": 1}
    first = after_hours_chart(workload(weeks=[week(0, after_hours_by_source=busy_slack)]), theme)
    second = after_hours_chart(workload(weeks=[week(5, after_hours_by_source=quiet_slack)]), theme)
    for label in ("Slack", "discord", "Email", "Other"):
        assert face(first, label) == face(second, label), label
        assert bars(first, label).get_hatch() == bars(second, label).get_hatch()
    assert face(first, "Slack") == to_rgba(theme.series[SOURCE_COLOURS["slack"]])
    assert face(first, "Other") == to_rgba(theme.other)
    assert bars(first, "discord").get_hatch()  # hatched: never taken for a named source
    assert not bars(first, "Slack").get_hatch()


def test_a_category_keeps_its_colour_when_its_rank_changes() -> None:
    first = incidents_chart(
        workload(weeks=[week(0, incidents_by_category={"crisis": 3, "threats": 1})]), LIGHT
    )
    second = incidents_chart(
        workload(weeks=[week(0, incidents_by_category={"threats": 5, "crisis": 1})]), LIGHT
    )
    assert face(first, "Crisis") == face(second, "Crisis")
    assert face(first, "Threats") == face(second, "Threats")
    assert face(first, "Crisis") != face(first, "Threats")


def test_captured_apps_keep_a_colour_across_runs_and_never_share_one_in_a_chart() -> None:
    assert source_style(LIGHT, "discord") == source_style(LIGHT, "discord")
    assert source_style(LIGHT, "discord").hatch is not None
    names = [f"app{n}" for n in range(60)]
    by_style: dict[LayerStyle, list[str]] = {}
    for name in names:
        by_style.setdefault(source_style(LIGHT, name), []).append(name)
    alike = next(group for group in by_style.values() if len(group) > 1)[:2]
    styles = distinct_styles(LIGHT, [*alike, "slack"], source_style)
    assert len(set(styles.values())) == 3
    assert styles[alike[0]] == source_style(LIGHT, alike[0])  # the first keeps its own
