"""The workload charts, read back through their artists: bars per series, legends, labels, the
heatmap's data, theme colours, empty states, and the stress finding shown with mood and stress.

Workloads are made by hand; 2 Nov 2026 is a Monday.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.vocabulary import SEVERITIES, WEEKDAY_LABELS
from wellbeing_app.core.workload.charts import (
    CHART_SPECS,
    CHART_TITLES,
    CHARTS,
    ChartSpec,
    after_hours_chart,
    contact_heatmap_chart,
    hours_chart,
    incidents_chart,
    mood_stress_chart,
)
from wellbeing_app.core.workload.charts.theme import BLUE, DARK, LIGHT, VERMILLION
from wellbeing_app.core.workload.findings import NOT_ENOUGH, rolling_average, stress_finding
from wellbeing_app.core.workload.loads import (
    Coverage,
    DayLoad,
    Totals,
    WeekLoad,
    Wellbeing,
    Workload,
)

MON = date(2026, 11, 2)
EN_DASH = "\N{EN DASH}"


def week(n: int, **fields: object) -> WeekLoad:
    fields.setdefault("days", 7)
    return WeekLoad(week_start=MON + timedelta(weeks=n), **fields)  # type: ignore[arg-type]


def day(n: int, **fields: object) -> DayLoad:
    when = MON + timedelta(days=n)
    return DayLoad(day=when, workday=when.weekday() < 5, **fields)  # type: ignore[arg-type]


def workload(
    weeks: Sequence[WeekLoad] = (),
    days: Sequence[DayLoad] = (),
    heatmap: list[list[int]] | None = None,
) -> Workload:
    """A Workload holding just what the charts read; the period covers the weeks and days."""
    ends = [w.week_start for w in weeks] + [w.week_start + timedelta(days=6) for w in weeks]
    ends += [d.day for d in days]
    period = Period(min(ends, default=MON), max(ends, default=MON + timedelta(days=6)))
    return Workload(
        period=period,
        zone="Europe/Berlin",
        totals=Totals(),
        days=list(days),
        weeks=list(weeks),
        by_source={},
        incidents_by_category={},
        incidents_by_severity=dict.fromkeys(SEVERITIES, 0),
        contact_heatmap=heatmap if heatmap is not None else [[0] * 24 for _ in WEEKDAY_LABELS],
        wellbeing=Wellbeing(),
        coverage=Coverage.settled(period),
    )


def bars(fig: Figure, label: str) -> PolyCollection:
    """The bar series labelled ``label``."""
    found = [
        c
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PolyCollection) and c.get_label() == label
    ]
    assert len(found) == 1, [c.get_label() for ax in fig.axes for c in ax.collections]
    return found[0]


def bar_spans(series: PolyCollection) -> list[tuple[float, float]]:
    """(bottom, top) of each bar, left to right."""
    spans = []
    for path in series.get_paths():
        ys = np.asarray(path.vertices, dtype=float)[:, 1]
        spans.append((round(float(ys.min()), 6), round(float(ys.max()), 6)))
    return spans


def heights(series: PolyCollection) -> list[float]:
    return [top - bottom for bottom, top in bar_spans(series)]


def bottoms(series: PolyCollection) -> list[float]:
    return [bottom for bottom, _ in bar_spans(series)]


def facecolour(series: PolyCollection) -> tuple[float, ...]:
    return tuple(np.asarray(series.get_facecolor(), dtype=float)[0].tolist())


def legend_labels(fig: Figure) -> list[str]:
    assert len(fig.legends) == 1
    return [text.get_text() for text in fig.legends[0].get_texts()]


def message(fig: Figure) -> str:
    """The empty state's text; fails when the figure draws data instead."""
    (ax,) = fig.axes
    assert not ax.axison
    (text,) = ax.texts
    return text.get_text()


def tick_labels(labels: Sequence[object]) -> list[str]:
    return [label.get_text() for label in labels]  # type: ignore[attr-defined]


# -- the registry ---------------------------------------------------------------------------


def test_the_registry_lists_the_five_charts_in_dashboard_order() -> None:
    keys = ["hours", "after_hours", "heatmap", "incidents", "mood_stress"]
    assert [spec.key for spec in CHART_SPECS] == keys
    assert list(CHARTS) == keys
    assert CHARTS["hours"] is hours_chart
    assert CHARTS["heatmap"] is contact_heatmap_chart
    assert all(CHART_TITLES[key] for key in keys)


@pytest.mark.parametrize("spec", CHART_SPECS, ids=lambda spec: spec.key)
def test_every_chart_has_an_empty_state_titled_like_the_chart(spec: ChartSpec) -> None:
    fig = spec.build(workload(weeks=[week(0)], days=[day(0)]), LIGHT)
    assert fig.get_suptitle() == spec.title
    assert message(fig).startswith("No "), spec.key


# -- hours ----------------------------------------------------------------------------------


def three_weeks_of_hours() -> Workload:
    return workload(
        weeks=[
            week(0, hours_worked=40.0, hours_scheduled=40.0),
            week(1, hours_worked=46.5, hours_scheduled=40.0, overtime_hours=6.5),
            week(2, hours_worked=30.0, hours_scheduled=32.0, overtime_hours=1.0),
        ]
    )


def test_hours_stacks_overtime_on_the_hours_within_schedule() -> None:
    fig = hours_chart(three_weeks_of_hours(), LIGHT)
    worked, overtime = bars(fig, "Worked"), bars(fig, "Overtime")
    assert heights(worked) == [40.0, 40.0, 29.0]
    assert heights(overtime) == [0.0, 6.5, 1.0]
    assert bottoms(overtime) == [40.0, 40.0, 29.0]
    assert overtime.get_hatch()  # not told by colour alone
    assert facecolour(worked) == to_rgba(LIGHT.series[BLUE])
    assert facecolour(overtime) == to_rgba(LIGHT.series[VERMILLION])


def test_hours_marks_the_scheduled_hours_of_each_week() -> None:
    fig = hours_chart(three_weeks_of_hours(), LIGHT)
    (ax,) = fig.axes
    (scheduled,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert scheduled.get_label() == "Scheduled"
    assert [float(seg[0][1]) for seg in scheduled.get_segments()] == [40.0, 40.0, 32.0]
    assert legend_labels(fig) == ["Worked", "Overtime", "Scheduled"]


def test_hours_axes_say_what_they_show() -> None:
    fig = hours_chart(three_weeks_of_hours(), LIGHT)
    (ax,) = fig.axes
    assert fig.get_suptitle() == "Hours worked"
    assert ax.get_ylabel() == "Hours per week"
    assert ax.get_xlabel() == "Week starting (2026)"
    assert tick_labels(ax.get_xticklabels()) == ["2 Nov", "9 Nov", "16 Nov"]


def test_hours_without_shifts_says_how_to_start() -> None:
    scheduled_only = workload(weeks=[week(0, hours_scheduled=40.0)])
    assert message(hours_chart(scheduled_only, LIGHT)) == (
        "No shifts yet: start one from the tray to see your hours."
    )


def test_long_periods_get_a_few_readable_date_labels() -> None:
    year = workload(weeks=[week(n, hours_worked=38.0) for n in range(52)])
    (ax,) = hours_chart(year, LIGHT).axes
    labels = tick_labels(ax.get_xticklabels())
    assert 4 <= len(labels) <= 7
    assert labels[0] == "2 Nov"
    assert ax.get_xlabel() == f"Week starting (2026{EN_DASH}2027)"


# -- theme ----------------------------------------------------------------------------------


def test_the_dark_theme_paints_figure_axes_ticks_and_legend() -> None:
    fig = hours_chart(three_weeks_of_hours(), DARK)
    (ax,) = fig.axes
    assert fig.get_facecolor() == to_rgba(DARK.background)
    assert ax.get_facecolor() == to_rgba(DARK.background)
    assert to_rgba(ax.yaxis.label.get_color()) == to_rgba(DARK.foreground)
    (title,) = [text for text in fig.texts if text.get_text() == "Hours worked"]
    assert to_rgba(title.get_color()) == to_rgba(DARK.foreground)
    assert to_rgba(ax.spines["left"].get_edgecolor()) == to_rgba(DARK.foreground)
    ticks = ax.get_yticklabels() + ax.get_xticklabels()
    assert {to_rgba(t.get_color()) for t in ticks} == {to_rgba(DARK.foreground)}
    legend_texts = fig.legends[0].get_texts()
    assert {to_rgba(t.get_color()) for t in legend_texts} == {to_rgba(DARK.foreground)}
    assert to_rgba(ax.yaxis.get_gridlines()[0].get_color()) == to_rgba(DARK.grid)


def test_the_empty_state_follows_the_theme_too() -> None:
    fig = hours_chart(workload(), DARK)
    assert fig.get_facecolor() == to_rgba(DARK.background)
    assert to_rgba(fig.axes[0].texts[0].get_color()) == to_rgba(DARK.foreground)


# -- after-hours pings ----------------------------------------------------------------------


def test_after_hours_stacks_sources_biggest_first() -> None:
    fig = after_hours_chart(
        workload(
            weeks=[
                week(0, after_hours_by_source={"email": 1, "slack": 2}),
                week(1, after_hours_by_source={"slack": 3, "phone": 4, "teams": 0}),
            ]
        ),
        LIGHT,
    )
    assert heights(bars(fig, "Slack")) == [2, 3]
    assert bottoms(bars(fig, "Slack")) == [0, 0]
    assert heights(bars(fig, "Phone")) == [0, 4]
    assert bottoms(bars(fig, "Phone")) == [2, 3]
    assert bottoms(bars(fig, "Email")) == [2, 7]
    # read top-down like the stack; a source without pings is left out
    assert legend_labels(fig) == ["Email", "Phone", "Slack"]
    assert fig.axes[0].get_ylabel() == "After-hours pings"


def test_after_hours_folds_all_but_six_sources_and_the_generic_other() -> None:
    sources = {"slack": 9, "teams": 8, "email": 7, "other": 6, "phone": 5, "Signal": 4}
    sources |= {"social_dm": 3, "WhatsApp": 2, "social_mention": 1}
    fig = after_hours_chart(workload(weeks=[week(0, after_hours_by_source=sources)]), LIGHT)
    assert legend_labels(fig) == [
        "Other sources",
        "Social DM",
        "Signal",
        "Phone",
        "Email",
        "Teams",
        "Slack",
    ]
    assert heights(bars(fig, "Other sources")) == [6 + 2 + 1]


def test_after_hours_keeps_other_as_a_source_when_nothing_is_folded() -> None:
    fig = after_hours_chart(
        workload(weeks=[week(0, after_hours_by_source={"other": 2, "Signal": 1})]), LIGHT
    )
    assert legend_labels(fig) == ["Signal", "Other"]


def test_after_hours_without_pings_says_so() -> None:
    fig = after_hours_chart(workload(weeks=[week(0, hours_worked=8.0)]), LIGHT)
    assert message(fig).startswith("No after-hours pings yet")


# -- heatmap --------------------------------------------------------------------------------


def test_heatmap_shows_the_grid_as_given_monday_on_top() -> None:
    grid = [[0] * 24 for _ in WEEKDAY_LABELS]
    grid[0][20] = 3  # Monday 20:00
    grid[6][7] = 1  # Sunday 07:00
    fig = contact_heatmap_chart(workload(heatmap=grid), DARK)
    ax, colorbar_ax = fig.axes
    (image,) = ax.images
    assert isinstance(image, AxesImage)
    assert image.get_array().tolist() == grid  # type: ignore[union-attr]
    assert image.get_cmap().name == DARK.heatmap
    assert tick_labels(ax.get_yticklabels()) == list(WEEKDAY_LABELS)
    assert ax.get_xlabel() == "Hour of day (local time)"
    assert tick_labels(ax.get_xticklabels())[:2] == ["00:00", "03:00"]
    assert colorbar_ax.get_ylabel() == "After-hours pings"


def test_heatmap_without_pings_says_so() -> None:
    assert message(contact_heatmap_chart(workload(), LIGHT)).startswith("No after-hours pings")


# -- incidents ------------------------------------------------------------------------------


def test_incidents_stack_categories_and_mark_the_severe_ones() -> None:
    fig = incidents_chart(
        workload(
            weeks=[
                week(
                    0,
                    incidents=3,
                    incidents_by_category={"harassment": 2, "crisis": 1},
                    incidents_by_severity={1: 0, 2: 1, 3: 0, 4: 1, 5: 1},
                ),
                week(1),
                week(
                    2,
                    incidents=1,
                    incidents_by_category={"customer_escalation": 1},
                    incidents_by_severity={1: 1, 2: 0, 3: 0, 4: 0, 5: 0},
                ),
            ]
        ),
        LIGHT,
    )
    (ax,) = fig.axes
    assert heights(bars(fig, "Harassment")) == [2, 0, 0]
    assert heights(bars(fig, "Customer escalation")) == [0, 0, 1]
    severe_label = f"Severe (4{EN_DASH}5)"
    (severe,) = [line for line in ax.get_lines() if line.get_label() == severe_label]
    assert list(severe.get_xdata()) == [0]  # type: ignore[arg-type]
    assert list(severe.get_ydata()) == [2]  # type: ignore[arg-type]
    assert severe.get_marker() == "D"
    assert legend_labels(fig) == [severe_label, "Customer escalation", "Crisis", "Harassment"]
    assert ax.get_ylabel() == "Incidents"


def test_incidents_without_severe_ones_have_no_severe_entry() -> None:
    mild = week(0, incidents_by_category={"other": 1}, incidents_by_severity={2: 1})
    assert legend_labels(incidents_chart(workload(weeks=[mild]), LIGHT)) == ["Other"]


def test_incidents_without_any_say_what_to_log() -> None:
    assert message(incidents_chart(workload(weeks=[week(0)]), LIGHT)).startswith(
        "No incidents logged yet"
    )


# -- mood and stress ------------------------------------------------------------------------


def test_rolling_average_uses_the_last_seven_calendar_days_that_hold_a_value() -> None:
    days = [day(0, stress=2), day(1), day(2, stress=4)] + [day(n) for n in range(3, 10)]
    averages = rolling_average(days, lambda d: d.stress)
    assert averages[:3] == [2.0, 2.0, 3.0]
    assert averages[6] == 3.0  # days 0..6
    assert averages[7] == 4.0  # day 0 has left the window
    assert averages[8] == 4.0
    assert averages[9] is None  # days 3..9 hold nothing


def reflected_days(stress_and_pings: Sequence[tuple[int, int]]) -> list[DayLoad]:
    return [
        day(n, mood=3, stress=stress, after_hours_pings=pings)
        for n, (stress, pings) in enumerate(stress_and_pings)
    ]


# (stress, pings) for 14 days: 4 busy ones averaging 6.5, 10 others averaging 4.0
BUSY_AND_QUIET = (
    [(7, 3), (6, 5), (7, 4), (6, 3)] + [(4, 0), (4, 2), (3, 1), (5, 0)] * 2 + [(4, 0)] * 2
)


def test_the_finding_compares_busy_evenings_with_other_days() -> None:
    no_mood = day(20, stress=10, after_hours_pings=9)  # not a day with both values: left out
    days = [*reflected_days(BUSY_AND_QUIET), no_mood]
    assert stress_finding(workload(days=days)) == (
        "On days with 3+ after-hours pings your stress averaged 6.5 out of 10, "
        "against 4.0 on other days."
    )


def test_the_finding_needs_fourteen_days_with_a_reflection() -> None:
    fourteen = reflected_days(BUSY_AND_QUIET)
    assert len(fourteen) == 14
    assert stress_finding(workload(days=fourteen)) != NOT_ENOUGH
    assert stress_finding(workload(days=fourteen[:13])) == NOT_ENOUGH
    assert NOT_ENOUGH == "Not enough data yet: this needs 14 days with a reflection."


def test_the_finding_when_no_day_was_busy() -> None:
    calm = reflected_days([(4, 0)] * 10 + [(5, 2)] * 4)
    assert stress_finding(workload(days=calm)) == (
        "No day had 3+ after-hours pings; your stress averaged 4.3 out of 10."
    )


def test_the_finding_when_every_day_was_busy() -> None:
    busy = reflected_days([(8, 3)] * 14)
    assert stress_finding(workload(days=busy)) == (
        "Every day had 3+ after-hours pings; your stress averaged 8.0 out of 10."
    )


def test_mood_stress_draws_the_averages_over_the_pings_with_the_finding() -> None:
    days = [*reflected_days(BUSY_AND_QUIET), day(14, after_hours_pings=2)]
    work = workload(days=days)
    fig = mood_stress_chart(work, LIGHT)
    ax, pings_ax = fig.axes
    mood, stress = ax.get_lines()
    assert str(mood.get_label()).startswith("Mood")
    assert stress.get_linestyle() == "--"  # not told by colour alone
    expected = rolling_average(days, lambda d: d.stress)
    assert list(stress.get_ydata()) == pytest.approx(expected)  # type: ignore[arg-type]
    assert heights(bars(fig, "After-hours pings (right axis)")) == [
        d.after_hours_pings for d in days
    ]
    assert ax.get_title(loc="left").replace("\n", " ") == stress_finding(work)
    assert pings_ax.get_ylabel() == "After-hours pings per day"
    assert legend_labels(fig) == [
        "Mood, 7-day average",
        "Stress, 7-day average",
        "After-hours pings (right axis)",
    ]


def test_mood_stress_with_few_days_shows_them_and_asks_for_more() -> None:
    days = [day(0, mood=4, stress=3), day(1, after_hours_pings=1), day(2, mood=2, stress=6)]
    fig = mood_stress_chart(workload(days=days), LIGHT)
    ax = fig.axes[0]
    assert ax.get_title(loc="left").replace("\n", " ") == NOT_ENOUGH
    assert list(ax.get_lines()[0].get_ydata()) == [4.0, 4.0, 3.0]  # type: ignore[arg-type]


def test_mood_stress_without_reflections_says_what_to_log() -> None:
    fig = mood_stress_chart(workload(days=[day(0, after_hours_pings=4)]), LIGHT)
    assert message(fig).startswith("No reflections yet")


# -- rendering ------------------------------------------------------------------------------


def sparse_workload() -> Workload:
    grid = [[0] * 24 for _ in WEEKDAY_LABELS]
    grid[2][21] = 1
    return workload(
        weeks=[
            week(
                0,
                days=3,
                hours_worked=20.0,
                hours_scheduled=16.0,
                overtime_hours=4.0,
                after_hours_by_source={"slack": 1},
                incidents_by_category={"threats": 1},
                incidents_by_severity={5: 1},
            )
        ],
        days=[day(0, mood=3, stress=5), day(1), day(2, after_hours_pings=1)],
        heatmap=grid,
    )


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_charts_render_to_files_with_a_few_days_of_data(fmt: str) -> None:
    for spec in CHART_SPECS:
        fig = spec.build(sparse_workload(), LIGHT)
        assert not message_or_none(fig), spec.key
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt)
        assert buffer.getvalue().startswith(b"\x89PNG" if fmt == "png" else b"<?xml")


def test_a_dashboard_canvas_can_draw_them() -> None:
    fig = mood_stress_chart(sparse_workload(), DARK)
    FigureCanvasAgg(fig).draw()  # type: ignore[no-untyped-call]
    assert fig.get_facecolor() == to_rgba(DARK.background)


def message_or_none(fig: Figure) -> str | None:
    if len(fig.axes) == 1 and not fig.axes[0].axison:
        return str(fig.axes[0].texts[0].get_text())
    return None
