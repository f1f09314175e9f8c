"""Each chart's table: the very numbers the chart draws, labelled as it labels them, written as
the language writes numbers; checked by hand on small workloads and against the drawn figures
on a year of demo history. Building a table never imports matplotlib."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from tests.core.test_charts import EN_DASH, bars, day, heights, legend_labels, week, workload
from wellbeing_app.core.demo.fill import fill_demo
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import use_language
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.workload.charts import CHART_SPECS, CHART_TITLES, CHARTS, incidents_chart
from wellbeing_app.core.workload.charts.tables import (
    TABLES,
    ChartTable,
    chart_table,
    incidents_table,
)
from wellbeing_app.core.workload.charts.theme import LIGHT
from wellbeing_app.core.workload.loads import Workload

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"
SEVERE = f"Severe (4{EN_DASH}5)"
PINGS_LEGEND = "After-hours pings (right axis)"
PINGS_COLUMN = "After-hours pings per day"


def test_every_dashboard_chart_has_a_table_titled_like_it() -> None:
    assert list(TABLES) == [spec.key for spec in CHART_SPECS]
    empty = workload()
    for key in TABLES:
        table = chart_table(key, empty)
        assert table.title == CHART_TITLES[key]
        assert table.description
        assert (table.headers, table.rows) == ([], [])


@pytest.mark.parametrize("key", list(TABLES))
def test_with_nothing_to_draw_the_table_says_what_the_chart_says(key: str) -> None:
    (ax,) = CHARTS[key](workload(), LIGHT).axes
    (text,) = ax.texts
    assert chart_table(key, workload()).empty == text.get_text()


def test_hours_by_week_as_the_bars_stack_them() -> None:
    table = chart_table(
        "hours",
        workload(
            weeks=[
                week(0, hours_worked=42.5, overtime_hours=2.5, hours_scheduled=40),
                week(1, hours_worked=1234.567, hours_scheduled=40),
            ]
        ),
    )
    assert table.headers == ["Week starting (2026)", "Worked", "Overtime", "Scheduled"]
    assert table.rows == [
        ["2 Nov", "40.00 h", "2.50 h", "40.00 h"],
        ["9 Nov", "1,234.57 h", "0.00 h", "40.00 h"],
    ]


def test_hours_without_a_schedule_have_no_scheduled_column() -> None:
    table = chart_table("hours", workload(weeks=[week(0, hours_worked=8)]))
    assert table.headers == ["Week starting (2026)", "Worked", "Overtime"]


def test_after_hours_by_source_biggest_first_as_the_stack() -> None:
    table = chart_table(
        "after_hours",
        workload(
            weeks=[
                week(0, after_hours_by_source={"email": 1, "slack": 3}),
                week(1, after_hours_by_source={"email": 4, "discord": 1}),
            ]
        ),
    )
    assert table.headers == ["Week starting (2026)", "Email", "Slack", "discord"]
    assert table.rows == [["2 Nov", "1", "3", "0"], ["9 Nov", "4", "0", "1"]]


def test_after_hours_folds_the_smaller_sources_as_the_chart_does() -> None:
    names = ["slack", "teams", "email", "phone", "social_dm", "social_mention", "discord"]
    counts = {name: 10 - i for i, name in enumerate(names)} | {"other": 9}
    work = workload(weeks=[week(0, after_hours_by_source=counts), week(1)])
    table = chart_table("after_hours", work)
    fig = CHARTS["after_hours"](work, LIGHT)
    assert table.headers[-1] == "Other sources"
    assert series_names(table) == list(reversed(legend_labels(fig)))
    assert table.rows == [["2 Nov", "10", "9", "8", "7", "6", "5", "13"], ["9 Nov", *"0" * 7]]
    for name in series_names(table):
        assert column(table, name) == heights(bars(fig, name))


def test_the_heatmap_has_a_row_a_weekday_and_a_column_an_hour() -> None:
    grid = [[0] * 24 for _ in range(7)]
    grid[0][21] = 1204
    grid[6][0] = 2
    table = chart_table("heatmap", workload(heatmap=grid))
    assert table.headers[:3] == ["Day", "00:00", "01:00"] and table.headers[-1] == "23:00"
    assert [row[0] for row in table.rows] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert table.rows[0][22] == "1,204" and table.rows[6][1] == "2" and table.rows[3][5] == "0"


def test_incidents_with_the_advice_and_the_severe_ones() -> None:
    work = workload(
        weeks=[
            week(
                0,
                incidents_by_category={"harassment": 2, "crisis": 1},
                incidents_by_severity={4: 1, 5: 1},
                incidents_against_advice=1,
            ),
            week(1, incidents_by_category={"crisis": 2}),
        ]
    )
    with_advice = chart_table("incidents", work)  # the dashboard's: the advice shown
    assert with_advice.headers == [
        "Week starting (2026)",
        "Crisis",
        "Harassment",
        "After decisions you advised against",
        SEVERE,
    ]
    assert with_advice.rows == [["2 Nov", "1", "2", "1", "2"], ["9 Nov", "2", "0", "0", "0"]]
    assert "advised against" in with_advice.description
    without = incidents_table(work)  # a summary's, unless its maker opts in
    assert "After decisions you advised against" not in without.headers
    assert "advised against" not in without.description


def test_mood_and_stress_a_row_a_day_with_the_finding() -> None:
    days = [day(0, mood=3, stress=4, after_hours_pings=2), day(1), day(2, mood=4, stress=7)]
    table = chart_table("mood_stress", workload(days=days))
    assert table.headers == [
        "Day (2026)",
        "Mood, 7-day average",
        "Stress, 7-day average",
        PINGS_COLUMN,
    ]
    assert table.rows == [
        ["2 Nov", "3.0", "4.0", "2"],
        ["3 Nov", "3.0", "4.0", "0"],
        ["4 Nov", "3.5", "5.5", "0"],
    ]
    assert table.note == "Not enough data yet: this needs 14 days with a reflection."


def test_a_long_period_names_both_years_and_every_week() -> None:
    table = chart_table("hours", workload(weeks=[week(n - 52, hours_worked=1) for n in range(53)]))
    assert table.headers[0] == f"Week starting (2025{EN_DASH}2026)"
    assert len(table.rows) == 53  # the chart labels at most seven; the table every one


def test_in_polish_the_numbers_and_labels_are_polish() -> None:
    use_language("pl")
    try:
        table = chart_table(
            "hours", workload(weeks=[week(0, hours_worked=1234.5, hours_scheduled=40)])
        )
    finally:
        use_language("en")
    assert table.title == "Przepracowane godziny"
    assert table.headers[0] == "Tydzień od (2026)"
    assert table.rows[0][:2] == ["2 lis", "1\N{NO-BREAK SPACE}234,50 godz."]


# -- against the drawn charts, on a year of demo history --------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Workload]]:
    db = open_database(tmp_path_factory.mktemp("demo") / "wellbeing.sqlite3")
    fill_demo(db, years=1, now=NOW, zone=ZONE)
    journal = Journal(db, FixedClock(NOW, ZONE))
    yield {
        key: journal.workload(periods.preset(key, journal.today()))[0]
        for key in ("4 weeks", "quarter", "year")
    }
    db.close()


def number(text: str) -> float:
    """A cell as a number (English: ``1,204``, ``12.50 h``); a dash is NaN, as in the chart."""
    if text == "–":
        return math.nan
    return float(text.removesuffix(" h").replace(",", ""))


def column(table: ChartTable, name: str) -> list[float]:
    index = table.headers.index(name)
    return [number(row[index]) for row in table.rows]


def close(shown: list[float], drawn: list[float], places: int) -> bool:
    """The table's numbers are the chart's, as rounded to ``places`` for people."""
    drawn_rounded = [float(np.round(v, places)) for v in drawn]
    return np.allclose(shown, drawn_rounded, equal_nan=True, atol=10**-places)


def series_names(table: ChartTable) -> list[str]:
    return table.headers[1:]


@pytest.mark.parametrize("period", ["4 weeks", "quarter", "year"])
def test_the_hours_table_holds_the_bars_and_the_schedule(
    demo: dict[str, Workload], period: str
) -> None:
    work = demo[period]
    fig, table = CHARTS["hours"](work, LIGHT), chart_table("hours", work)
    assert close(column(table, "Worked"), heights(bars(fig, "Worked")), 2)
    assert close(column(table, "Overtime"), heights(bars(fig, "Overtime")), 2)
    (scheduled,) = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    drawn = [float(segment[0][1]) for segment in scheduled.get_segments()]
    assert close(column(table, "Scheduled"), drawn, 2)
    assert sorted(series_names(table)) == sorted(legend_labels(fig))


@pytest.mark.parametrize("period", ["4 weeks", "quarter", "year"])
def test_the_after_hours_table_holds_every_layer(demo: dict[str, Workload], period: str) -> None:
    work = demo[period]
    fig, table = CHARTS["after_hours"](work, LIGHT), chart_table("after_hours", work)
    assert series_names(table) == list(reversed(legend_labels(fig)))  # the stack, bottom up
    for name in series_names(table):
        assert column(table, name) == heights(bars(fig, name)), name
    assert len(table.rows) == len(work.weeks)


@pytest.mark.parametrize("period", ["4 weeks", "year"])
def test_the_heatmap_table_holds_the_grid(demo: dict[str, Workload], period: str) -> None:
    work = demo[period]
    fig, table = CHARTS["heatmap"](work, LIGHT), chart_table("heatmap", work)
    (image,) = [i for i in fig.axes[0].get_images() if isinstance(i, AxesImage)]
    shown = [[number(cell) for cell in row[1:]] for row in table.rows]
    assert shown == np.asarray(image.get_array()).tolist()
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert [row[0] for row in table.rows] == labels


@pytest.mark.parametrize("period", ["4 weeks", "quarter", "year"])
def test_the_incidents_table_holds_the_stack_the_advice_and_the_severe_marks(
    demo: dict[str, Workload], period: str
) -> None:
    work = demo[period]
    fig, table = CHARTS["incidents"](work, LIGHT), chart_table("incidents", work)
    assert sorted(series_names(table)) == sorted(legend_labels(fig))
    for name in series_names(table):
        if name != SEVERE:
            assert column(table, name) == heights(bars(fig, name)), name
    (marks,) = [line for line in fig.axes[0].get_lines() if line.get_label() == SEVERE]
    severe = column(table, SEVERE)
    marked = dict(zip(marks.get_xdata(), marks.get_ydata(), strict=True))  # type: ignore[arg-type]
    assert severe == [marked.get(i, 0) for i in range(len(severe))]
    plain = incidents_table(work)
    assert sorted(series_names(plain)) == sorted(legend_labels(incidents_chart(work, LIGHT)))


@pytest.mark.parametrize("period", ["4 weeks", "quarter", "year"])
def test_the_mood_table_holds_both_lines_and_the_pings(
    demo: dict[str, Workload], period: str
) -> None:
    work = demo[period]
    fig, table = CHARTS["mood_stress"](work, LIGHT), chart_table("mood_stress", work)
    mood, stress = fig.axes[0].get_lines()
    assert close(column(table, str(mood.get_label())), list(mood.get_ydata()), 1)  # type: ignore[arg-type]
    assert close(column(table, str(stress.get_label())), list(stress.get_ydata()), 1)  # type: ignore[arg-type]
    assert column(table, PINGS_COLUMN) == heights(bars(fig, PINGS_LEGEND))
    assert legend_labels(fig) == [*series_names(table)[:2], PINGS_LEGEND]
    assert table.note == fig.axes[0].get_title(loc="left").replace("\n", " ")


def test_the_dates_are_the_charts_own_labels(demo: dict[str, Workload]) -> None:
    work = demo["4 weeks"]
    fig: Figure = CHARTS["hours"](work, LIGHT)
    ax = fig.axes[0]
    table = chart_table("hours", work)
    assert table.headers[0] == ax.get_xlabel()
    ticks = zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    labels = {round(float(x)): label.get_text() for x, label in ticks}
    assert all(table.rows[i][0] == label for i, label in labels.items())


def test_building_every_table_needs_no_matplotlib(tmp_path: Path) -> None:
    db = open_database(tmp_path / "wellbeing.sqlite3")
    fill_demo(db, years=1, now=NOW, zone=ZONE)
    db.close()
    code = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from wellbeing_app.core.journal import Journal\n"
        "from wellbeing_app.core.store.database import open_database\n"
        "from wellbeing_app.core.time import periods\n"
        "from wellbeing_app.core.time.clock import FixedClock\n"
        "from pathlib import Path\n"
        "from wellbeing_app.core.workload.charts.tables import TABLES, chart_table\n"
        f"db = open_database(Path({str(tmp_path / 'wellbeing.sqlite3')!r}))\n"
        f"journal = Journal(db, FixedClock(datetime(2026, 11, 15, 12, tzinfo=UTC), {ZONE!r}))\n"
        "work = journal.workload(periods.preset('quarter', journal.today()))[0]\n"
        "rows = sum(len(chart_table(key, work).rows) for key in TABLES)\n"
        "print(rows, 'matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rows, loaded = out.stdout.split()
    assert int(rows) > 0 and loaded == "False"
