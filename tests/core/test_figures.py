"""The one table of workload figures: every declared figure reaches the JSON totals, the weeks
and the CSV (when weekly), the Markdown and HTML totals tables, the key findings and the team
sums, so that adding a figure is one entry in the table (and its field on Totals). An opt-in
figure goes everywhere too, but only into a summary whose maker asked for it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.summary_fixture import NOW, PERIOD, fill
from wellbeing_app.core.reports import team_formats
from wellbeing_app.core.reports.findings import MEASURES
from wellbeing_app.core.reports.formats import CSV_COLUMNS, WEEK_HEADER, render_text, to_html
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
from wellbeing_app.core.reports.team import TOTAL_FIELDS, merge, read_members
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.workload import figures
from wellbeing_app.core.workload.aggregate import compared
from wellbeing_app.core.workload.figures import ALWAYS, FIGURES, Topic, Unit
from wellbeing_app.core.workload.loads import DayLoad, Totals, WeekLoad

# The README's "CSV columns", a contract.
README_CSV_COLUMNS = (
    "week_start",
    "week_end",
    "days",
    "hours_worked",
    "hours_scheduled",
    "overtime_hours",
    "after_hours_pings",
    "after_hours_minutes",
    "oncall_pings",
    "incidents",
)


@pytest.fixture
def workloads(db: Database) -> tuple[Any, Any]:
    fill(db)
    with db.read() as session:
        return compared(session, PERIOD, "Europe/Berlin", NOW)


@pytest.fixture
def document(workloads: tuple[Any, Any]) -> dict[str, Any]:
    """The hand-built fortnight's summary, as a member hands it over."""
    return dict(build_summary(*workloads, SummaryOptions(), NOW))


@pytest.fixture
def advised(workloads: tuple[Any, Any]) -> dict[str, Any]:
    """The same, its maker having opted in to every opt-in figure."""
    return dict(build_summary(*workloads, SummaryOptions(include_advice=True), NOW))


ALWAYS_KEYS = tuple(f.key for f in ALWAYS)


def team_of(tmp_path: Path, document: dict[str, Any], size: int = 5) -> dict[str, Any]:
    paths = []
    for n in range(size):
        copy = dict(document, generated_at=f"2026-11-15T12:00:0{n}+00:00")
        path = tmp_path / f"member{n}.json"
        path.write_text(json.dumps(copy), encoding="utf-8")
        paths.append(str(path))
    return dict(merge(read_members(paths)))


def test_totals_and_weeks_have_a_field_for_every_figure_in_the_tables_order() -> None:
    assert tuple(f.name for f in fields(Totals)) == figures.KEYS
    week_fields = {f.name for f in fields(WeekLoad)}
    assert {f.key for f in figures.WEEKLY} <= week_fields
    assert len(set(figures.KEYS)) == len(FIGURES)
    assert len({f.label for f in FIGURES}) == len(FIGURES)


def test_each_day_adds_to_every_figure() -> None:
    busy = DayLoad(
        day=date(2026, 10, 20),
        workday=True,
        hours_worked=10.0,
        hours_scheduled=8.0,
        after_hours_pings=2,
        after_hours_minutes=9,
        oncall_pings=1,
        incidents=1,
        incident_minutes=30,
        incidents_after_hours=1,
        incidents_against_advice=1,
        short_rests=1,
    )
    day_off = DayLoad(day=date(2026, 10, 24), workday=False, hours_worked=3.0, after_hours_pings=1)
    totals = figures.totals_of([busy, day_off])
    assert totals == Totals(
        hours_worked=13.0,
        hours_scheduled=8.0,
        overtime_hours=5.0,
        after_hours_pings=3,
        after_hours_minutes=9,
        oncall_pings=1,
        incidents=1,
        short_rest_gaps=1,
        workdays=1,
        evenings_with_contact=1,
        days_off=1,
        days_off_with_contact=1,
        incident_minutes=30,
        incidents_after_hours=1,
        incidents_against_advice=1,
    )
    for figure in FIGURES:
        assert figure.of(totals) > 0, figure.key  # the two days exercise every figure
        if figure.unit is not Unit.HOURS:
            assert isinstance(figure.of(totals), int), figure.key


def test_every_figure_is_in_the_json_totals_in_order_and_rounded_by_its_unit(
    document, advised
) -> None:
    assert [f.key for f in FIGURES if f.opt_in] == ["incidents_against_advice"]
    for key in ("totals", "previous"):
        assert tuple(document[key]) == ALWAYS_KEYS  # an opt-in figure is absent, not zero
        assert tuple(advised[key]) == figures.KEYS
        for figure in FIGURES:
            number = advised[key][figure.key]
            assert isinstance(number, float if figure.unit is Unit.HOURS else int), figure.key
            assert number == round(number, 2)


def test_every_weekly_figure_is_in_the_weeks_and_the_csv(document, advised) -> None:
    weekly = tuple(f.key for f in figures.WEEKLY if not f.opt_in)
    assert ("week_start", "week_end", "days", *weekly) == CSV_COLUMNS == README_CSV_COLUMNS
    for week in document["weeks"]:
        assert tuple(week) == CSV_COLUMNS
    rows = list(csv.reader(io.StringIO(render_text(document, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    opted = (*CSV_COLUMNS, "incidents_against_advice")  # asked for: the last column
    for week in advised["weeks"]:
        assert tuple(week) == opted
    assert tuple(next(csv.reader(io.StringIO(render_text(advised, "csv"))))) == opted
    columns = [f.week_column for f in figures.WEEK_COLUMNS]
    assert ["Week of", *columns] == WEEK_HEADER
    assert set(columns) <= {f.label for f in FIGURES} | {"Worked", "Scheduled"}


def test_every_figure_is_a_row_of_the_totals_tables(document, advised, tmp_path: Path) -> None:
    for left_out in (render_text(document, "md"), to_html(document)):
        assert "advised against" not in left_out
    markdown = render_text(advised, "md")
    page = to_html(advised)
    totals = advised["totals"]
    shown = [f for f in FIGURES if f.member_row]
    assert {f.key for f in FIGURES} - {f.key for f in shown} == {"workdays", "days_off"}
    for figure in shown:
        assert f"| {figure.label} | " in markdown, figure.key
        assert f'<td align="left">{figure.label}</td>' in page, figure.key
    table = markdown.split("## Totals")[1].split("## ")[0]
    rows = [line.split(" | ")[0][2:] for line in table.splitlines() if line.startswith("| ")]
    assert rows[1:] == [f.label for f in figures.MEMBER_ROWS]  # after the header
    assert f"| Hours worked | {totals['hours_worked']:,.2f} h |" in markdown

    team = team_formats.team_markdown(team_of(tmp_path, advised))
    for figure in ALWAYS:  # an opt-in figure, summed from those who included it, in words
        assert f"| {figure.label} | " in team, figure.key


def test_table_rows_go_topic_by_topic() -> None:
    topics = [f.topic for f in figures.ROWS]
    assert topics == sorted(topics)
    assert set(topics) == set(Topic)
    assert [f.key for f in figures.ROWS][:5] == [
        "hours_worked",
        "hours_scheduled",
        "overtime_hours",
        "after_hours_pings",
        "after_hours_minutes",
    ]


def test_every_figure_is_summed_for_a_team_and_checked_in_members_files(
    advised, tmp_path: Path
) -> None:
    team = team_of(tmp_path, advised)
    assert TOTAL_FIELDS == ALWAYS_KEYS
    for key in ("totals", "previous"):
        assert tuple(team[key]) == figures.KEYS
    assert tuple(team["averages"]) == ALWAYS_KEYS  # not per person: not everyone includes it
    for figure in FIGURES:
        alone = advised["totals"][figure.key]
        assert team["totals"][figure.key] == figure.rounded(5 * alone), figure.key
        if figure.opt_in:
            continue
        share = figures.round_half_away(figure.rounded(5 * alone) / 5, 2)
        assert team["averages"][figure.key] == share
    for week in team["breakdowns"]["weeks"]:
        assert tuple(week) == CSV_COLUMNS


@pytest.mark.parametrize("figure", ALWAYS, ids=lambda f: f.key)
def test_a_members_file_without_a_figure_is_refused_by_name(
    document, tmp_path: Path, figure: figures.Figure
) -> None:
    from wellbeing_app.core.errors import ValidationError

    broken = dict(document, totals={k: v for k, v in document["totals"].items() if k != figure.key})
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_members([str(path)])
    assert caught.value.message == f"totals.{figure.key} is missing"


def test_findings_come_from_the_table() -> None:
    assert [f.key for f, _ in MEASURES] == [
        "hours_worked",
        "overtime_hours",
        "after_hours_pings",
        "after_hours_minutes",
        "oncall_pings",
        "incidents",
    ]
    assert all(finding.smallest > 0 for _, finding in MEASURES)


def test_the_rounding_rule_rounds_half_away_from_zero_on_the_decimal_value() -> None:
    hours = figures.BY_KEY["hours_worked"]
    assert round(13.745, 2) == 13.74  # the trap: the binary float lies just below 13.745
    assert figures.round_half_away(13.745, 2) == 13.75
    assert figures.round_half_away(2.675, 2) == 2.68
    assert figures.round_half_away(0.125, 2) == 0.13  # round() would make it 0.12
    assert figures.round_half_away(-0.125, 2) == -0.13
    assert figures.round_half_away(13.744999999999, 2) == 13.75  # the noise of a float sum
    assert figures.round_half_away(13.7449, 2) == 13.74
    assert hours.text(13.745) == "13.75 h" and hours.text(1234.5) == "1,234.50 h"
    assert figures.BY_KEY["incidents"].text(1204) == "1,204"
    assert hours.change_text(13.745, 8) == "+5.75 h" and hours.change_text(8, 8.001) == "same"
    assert figures.average_text(2.25) == "2.3" and figures.average_text(None) == "–"


def test_one_summary_shows_an_awkward_figure_the_same_everywhere(db: Database) -> None:
    """A shift of 13 h 44 min 42 s is 13.745 h: the JSON, the CSV, the Markdown and HTML tables,
    the findings and the dashboard's cards all say 13.75 h (and its overtime 5.75 h)."""
    from tests.schedules import weekdays_9_to_5
    from tests.summary_fixture import local
    from wellbeing_app.core.records.shifts import end_shift, start_shift
    from wellbeing_app.core.time.periods import Period
    from wellbeing_app.core.workload.cards import cards

    weekdays_9_to_5(db)
    with db.write() as session:
        for start, end in (
            ("2026-10-12T09:00", "2026-10-12T17:00"),
            ("2026-10-19T08:00", "2026-10-19T21:44:42"),
        ):
            start_shift(session, at=local(start), now=NOW, zone="Europe/Berlin")
            end_shift(session, at=local(end), now=NOW)
    with db.read() as session:
        current, previous = compared(
            session, Period(date(2026, 10, 19), date(2026, 10, 25)), "Europe/Berlin", NOW
        )
    assert current.totals.hours_worked == pytest.approx(13.745)
    document = build_summary(current, previous, SummaryOptions(), NOW)

    assert (document["totals"]["hours_worked"], document["totals"]["overtime_hours"]) == (
        13.75,
        5.75,
    )
    assert '"hours_worked": 13.75,' in render_text(document, "json")
    week = next(csv.DictReader(io.StringIO(render_text(document, "csv"))))
    assert (week["hours_worked"], week["overtime_hours"]) == ("13.75", "5.75")
    markdown = render_text(document, "md")
    assert "| Hours worked | 13.75 h | 8.00 h | +5.75 h |" in markdown
    assert "| Overtime | 5.75 h | 0.00 h | +5.75 h |" in markdown
    assert "| 19 Oct 2026 | 13.75 h | 40.00 h | 5.75 h |" in markdown
    assert '<td align="right">13.75 h</td>' in to_html(document)
    assert document["findings"][:2] == [
        "Worked 13.75 h against 40.00 h scheduled, 5.75 h of it beyond the day's schedule.",
        "Overtime rose from 0.00 h to 5.75 h against the previous period.",
    ]
    assert (
        "Hours worked rose from 8.00 h to 13.75 h (+72%) against the previous period."
        in (document["findings"])
    )
    found = {card.title: card for card in cards(current, previous, disconnect_streak=0)}
    assert (found["Hours worked"].value, found["Hours worked"].change) == (
        "13.75 h",
        "+5.75 h on the previous period",
    )
    assert found["Overtime"].value == "5.75 h"
