"""Team summaries merged from members' own summaries: sums and averages worked out by hand,
breakdowns only for groups of at least five, and every bad file refused by name."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.reports import team_formats as team_summary_text
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
from wellbeing_app.core.reports.team import (
    MIN_GROUP,
    NOT_ROLLED_UP,
    TOTAL_FIELDS,
    check_min_group,
    merge,
    read_members,
    team_summary,
)
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.figures import BY_KEY
from wellbeing_app.core.workload.loads import (
    Coverage,
    Totals,
    WeekLoad,
    Wellbeing,
    Who5Point,
    Workload,
)

PERIOD = Period(date(2026, 10, 5), date(2026, 11, 1))  # four Monday-to-Sunday weeks
WEEK_STARTS = [date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26)]
GENERATED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SECRET = "SECRET-7f3a: my manager shouts at me"
SECRET_SCORE = 987654  # a figure no sum or average here can reach


def member_document(n: int, period: Period = PERIOD) -> dict[str, Any]:
    """Member ``n``'s summary, made as ``wellbeing-app summary --format json`` makes it, with a
    note and well-being figures that must never reach a team summary."""
    totals = Totals(
        hours_worked=150.25 + 2.5 * n,
        hours_scheduled=152.0,
        overtime_hours=4.75 + n,
        after_hours_pings=10 + n,
        after_hours_minutes=60 + 5 * n,
        workdays=20,
        evenings_with_contact=5 + n,
        days_off=8,
        days_off_with_contact=n,
        oncall_pings=2 * n,
        incidents=3 + n,
        incident_minutes=45 + n,
        incidents_after_hours=1,
        short_rest_gaps=n % 2,
    )
    previous = Totals(hours_worked=140.5, after_hours_pings=8, incidents=2, workdays=20)
    weeks = [
        WeekLoad(
            week_start=start,
            days=7,
            hours_worked=37.5 + w,
            hours_scheduled=38.0,
            overtime_hours=1.25,
            after_hours_pings=2 + n,
            after_hours_minutes=10,
            oncall_pings=w,
            incidents=1,
        )
        # Member 0 took the last week off and has no row for it.
        for w, start in enumerate(period.week_starts()[:3] if n == 0 else period.week_starts())
    ]
    sources = {"slack": 6 + n, "email": 4} | ({f"app{n}": 1} if n >= 3 else {})
    workload = Workload(
        period=period,
        zone="Europe/Berlin",
        totals=totals,
        days=[],
        weeks=weeks,
        by_source=sources,
        incidents_by_category={"harassment": 2 + n, "crisis": 1},
        incidents_by_severity={1: 1, 2: 0, 3: 1 + n, 4: 1, 5: 0},
        contact_heatmap=[],
        wellbeing=Wellbeing(
            mood_average=2.5,
            stress_average=8.0,
            reflection_days=20,
            who5=[Who5Point(date(2026, 10, 20), 28)],
            latest_who5=Who5Point(date(2026, 10, 20), 28),
        ),
        # Working hours set and the log begun in January: the previous period compares.
        coverage=Coverage(period, date(2026, 1, 5), period.days, first_record=date(2026, 1, 5)),
    )
    document = build_summary(
        workload, previous, SummaryOptions(include_wellbeing=True, note=SECRET), GENERATED
    )
    document["generated_at"] = f"2026-11-02T09:00:0{n}+00:00"
    document["wellbeing"]["confession"] = SECRET
    document["wellbeing"]["latest_who5"]["score"] = SECRET_SCORE
    return document


def write_members(folder: Path, documents: list[dict[str, Any]]) -> list[str]:
    paths = []
    for n, document in enumerate(documents):
        path = folder / f"member{n}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    return paths


def team_of(tmp_path: Path, size: int, min_group: int = MIN_GROUP) -> dict[str, Any]:
    paths = write_members(tmp_path, [member_document(n) for n in range(size)])
    return team_summary(paths, min_group)


def refusal(paths: list[str]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        team_summary(paths)
    return caught.value


def test_five_members_add_up_to_team_totals_averages_and_breakdowns(tmp_path: Path) -> None:
    team = team_of(tmp_path, 5)
    assert team["schema_version"] == 1
    assert team["kind"] == "wellbeing-app team summary"
    assert team["period"] == {"start": "2026-10-05", "end": "2026-11-01", "days": 28}
    assert team["previous_period"] == {"start": "2026-09-07", "end": "2026-10-04", "days": 28}
    assert (team["members"], team["min_group"]) == (5, 5)
    # By hand: n = 0..4, so sum(n) = 10 and sum(n % 2) = 2.
    assert team["totals"] == {
        "hours_worked": 776.25,  # 5 x 150.25 + 2.5 x 10
        "hours_scheduled": 760.0,
        "overtime_hours": 33.75,  # 5 x 4.75 + 10
        "after_hours_pings": 60,
        "after_hours_minutes": 350,
        "oncall_pings": 20,
        "incidents": 25,
        "short_rest_gaps": 2,
        "workdays": 100,
        "evenings_with_contact": 35,
        "days_off": 40,
        "days_off_with_contact": 10,
        "incident_minutes": 235,
        "incidents_after_hours": 5,
    }
    assert team["averages"]["hours_worked"] == 155.25
    assert team["averages"]["overtime_hours"] == 6.75
    assert team["averages"]["after_hours_pings"] == 12.0
    assert team["averages"]["short_rest_gaps"] == 0.4
    assert team["averages"]["days_off_with_contact"] == 2.0
    assert team["previous"]["hours_worked"] == 702.5
    assert team["previous"]["after_hours_pings"] == 40
    assert team["previous"]["overtime_hours"] == 0.0
    assert team["breakdowns_withheld"] is None
    assert team["not_rolled_up"] == NOT_ROLLED_UP

    breakdowns = team["breakdowns"]
    assert breakdowns["by_source"] == {"slack": 40, "email": 20, "app3": 1, "app4": 1}
    assert breakdowns["incidents_by_category"] == {"harassment": 20, "crisis": 5}
    assert breakdowns["incidents_by_severity"] == {"1": 5, "2": 0, "3": 15, "4": 5, "5": 0}
    weeks = breakdowns["weeks"]
    assert [w["week_start"] for w in weeks] == [d.isoformat() for d in WEEK_STARTS]
    assert weeks[0] == {
        "week_start": "2026-10-05",
        "week_end": "2026-10-11",
        "days": 7,
        "hours_worked": 187.5,
        "hours_scheduled": 190.0,
        "overtime_hours": 6.25,
        "after_hours_pings": 20,  # 5 x 2 + 10
        "after_hours_minutes": 50,
        "oncall_pings": 0,
        "incidents": 5,
    }
    # Member 0 has no row for the last week: four members' figures, days not added up.
    assert weeks[3]["days"] == 7
    assert weeks[3]["hours_worked"] == 162.0  # 4 x 40.5
    assert weeks[3]["after_hours_pings"] == 18  # (2+1) + (2+2) + (2+3) + (2+4)
    assert weeks[3]["oncall_pings"] == 12


def test_every_total_is_the_sum_of_the_members_and_the_average_its_share(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(4)]
    team = merge(read_members(write_members(tmp_path, documents)))
    assert set(team["totals"]) == set(documents[0]["totals"]) == set(TOTAL_FIELDS)
    for key in TOTAL_FIELDS:
        expected = round(sum(d["totals"][key] for d in documents), 2)
        assert team["totals"][key] == pytest.approx(expected, abs=1e-9), key
        assert team["averages"][key] == round(expected / 4, 2), key
        assert team["previous"][key] == round(sum(d["previous"][key] for d in documents), 2)
    assert team["totals"]["hours_worked"] == 616.0  # 4 x 150.25 + 2.5 x 6


def test_four_members_get_totals_only_and_are_told_why(tmp_path: Path) -> None:
    team = team_of(tmp_path, 4)
    assert team["members"] == 4
    assert team["totals"]["after_hours_pings"] == 46
    assert team["breakdowns"] is None
    assert team["breakdowns_withheld"] == (
        "Breakdowns are shown only for groups of at least 5 people; this summary has 4."
    )
    text = json.dumps(team)
    for breakdown_only in ("slack", "harassment", "2026-10-12", "by_source"):
        assert breakdown_only not in text


def test_a_raised_min_group_withholds_breakdowns_from_five(tmp_path: Path) -> None:
    team = team_of(tmp_path, 5, min_group=6)
    assert team["breakdowns"] is None
    assert team["min_group"] == 6
    assert team["breakdowns_withheld"] == (
        "Breakdowns are shown only for groups of at least 6 people; this summary has 5."
    )
    assert team_of(tmp_path, 6, min_group=6)["breakdowns"] is not None


@pytest.mark.parametrize("low", [4, 3, 1, 0, -5])
def test_min_group_is_never_below_five(tmp_path: Path, low: int) -> None:
    with pytest.raises(ValidationError) as caught:
        check_min_group(low)
    assert caught.value.field == "--min-group"
    with pytest.raises(ValidationError):
        team_of(tmp_path, 5, min_group=low)
    assert check_min_group(5) == 5


def test_notes_and_wellbeing_never_reach_any_format(tmp_path: Path) -> None:
    member = member_document(0)
    assert member["note"] == SECRET and member["wellbeing"]["confession"] == SECRET
    for size in (4, 5):
        team = team_of(tmp_path, size)
        outputs = [
            team_summary_text.render_text(team, "json"),
            team_summary_text.render_text(team, "md"),
            team_summary_text.team_html(team),
        ]
        for output in outputs:
            assert SECRET not in output and "SECRET" not in output
            assert str(SECRET_SCORE) not in output and "987,654" not in output
            for personal in ('"wellbeing"', "who5", "WHO-5", "mood", "stress", "generated_at"):
                assert personal not in output
            assert NOT_ROLLED_UP in output
        assert "note" not in team


def test_a_summary_of_another_period_is_refused_by_name(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(5)]
    documents[3] = member_document(3, Period(date(2026, 10, 12), date(2026, 11, 8)))
    paths = write_members(tmp_path, documents)
    error = refusal(paths)
    assert error.field == paths[3]
    assert "covers 2026-10-12 to 2026-11-08" in error.message
    assert "2026-10-05 to 2026-11-01" in error.message


def test_a_different_end_alone_is_refused(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(2)]
    documents[1]["period"]["end"] = "2026-10-31"
    paths = write_members(tmp_path, documents)
    assert refusal(paths).field == paths[1]


def mangled(tmp_path: Path, change: Any) -> ValidationError:
    documents = [member_document(0), member_document(1)]
    document = copy.deepcopy(documents[1])
    change(document)
    paths = write_members(tmp_path, [documents[0], document])
    error = refusal(paths)
    assert error.field == paths[1]
    return error


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    error = mangled(tmp_path, lambda d: d.update(schema_version=2))
    assert "schema_version 2" in error.message


def test_a_file_that_is_not_a_member_summary_is_refused(tmp_path: Path) -> None:
    assert "kind" in mangled(tmp_path, lambda d: d.update(kind="something else")).message
    assert "no 'kind'" in mangled(tmp_path, lambda d: d.pop("kind")).message
    team = team_of(tmp_path, 2)
    (tmp_path / "team.json").write_text(json.dumps(team), encoding="utf-8")
    error = refusal([str(tmp_path / "member0.json"), str(tmp_path / "team.json")])
    assert "team summary" in error.message


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.pop("totals"), "totals is missing"),
        (lambda d: d["totals"].pop("incidents"), "totals.incidents is missing"),
        (lambda d: d["previous"].update(hours_worked="12"), "previous.hours_worked must be"),
        (lambda d: d["totals"].update(incidents=2.5), "totals.incidents must be a whole"),
        (lambda d: d["totals"].update(incidents=True), "totals.incidents must be a whole"),
        (lambda d: d["totals"].update(oncall_pings=-1), "totals.oncall_pings must be"),
        (lambda d: d["period"].update(start="5 Oct"), "period.start must be a date"),
        (lambda d: d.update(period=[1]), "period must be a JSON object"),
        (lambda d: d["by_source"].update(slack="many"), "by_source.slack must be"),
        (lambda d: d["incidents_by_severity"].update({"9": 1}), "severity '9'"),
        (lambda d: d.update(weeks={}), "weeks must be a JSON list"),
        (lambda d: d["weeks"][1].pop("incidents"), "weeks[1].incidents is missing"),
        (lambda d: d["weeks"][0].update(days=8), "weeks[0].days must be 1-7"),
        (lambda d: d["weeks"].append(dict(d["weeks"][0])), "week of 2026-10-05 twice"),
        (lambda d: d.update(previous_has_data="yes"), "previous_has_data must be true or false"),
        (lambda d: d.update(working_hours_set_from="May"), "working_hours_set_from must be a date"),
    ],
)
def test_missing_fields_and_wrong_types_are_named(tmp_path: Path, change: Any, named: str) -> None:
    assert named in mangled(tmp_path, change).message


def test_invalid_json_and_unreadable_files_are_refused(tmp_path: Path) -> None:
    good = write_members(tmp_path, [member_document(0)])
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,', encoding="utf-8")
    error = refusal([*good, str(broken)])
    assert error.field == str(broken)
    assert error.message.startswith("is not valid JSON")
    missing = str(tmp_path / "nobody.json")
    error = refusal([*good, missing])
    assert (error.field, error.message) == (missing, "cannot be read (No such file or directory)")
    array = tmp_path / "array.json"
    array.write_text("[]", encoding="utf-8")
    assert "expected a JSON object" in refusal([str(array)]).message
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe{}")
    assert "not UTF-8" in refusal([str(binary)]).message


def test_one_person_never_counts_twice(tmp_path: Path) -> None:
    paths = write_members(tmp_path, [member_document(n) for n in range(5)])
    error = refusal([*paths, paths[2]])
    assert (error.field, error.message) == (
        paths[2],
        f"is given twice (also as {paths[2]}); each person counts once",
    )
    copied = tmp_path / "copy.json"
    copied.write_text(Path(paths[1]).read_text(encoding="utf-8"), encoding="utf-8")
    error = refusal([*paths, str(copied)])
    assert error.field == str(copied)
    assert f"same summary as {paths[1]}" in error.message


def test_markdown_shows_totals_with_change_and_breakdowns_when_allowed(tmp_path: Path) -> None:
    five = team_summary_text.team_markdown(team_of(tmp_path, 5))
    assert five.startswith("# Team workload summary: 5 Oct 2026 – 1 Nov 2026\n")
    assert "| Hours worked | 776.25 h | 155.25 h | 702.50 h | +73.75 h |" in five
    assert "| After-hours pings | 60 | 12.00 | 40 | +20 |" in five
    assert "| Slack | 40 |" in five
    assert "## Week by week" in five and "| 26 Oct 2026 | 162.00 h |" in five
    assert "Breakdowns are shown only" not in five
    for key in TOTAL_FIELDS:  # every figure is a row of the team's totals table
        assert f"| {BY_KEY[key].label} | " in five, key

    four = team_summary_text.team_markdown(team_of(tmp_path, 4))
    assert "| Hours worked | 616.00 h | 154.00 h | 562.00 h | +54.00 h |" in four
    assert "Breakdowns are shown only for groups of at least 5 people; this summary has 4." in four
    assert "Slack" not in four and "Week by week" not in four


def test_html_for_the_pdf_escapes_what_members_wrote(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(5)]
    documents[0]["by_source"] = {"<b>chat|app</b>": 3}
    team = merge(read_members(write_members(tmp_path, documents)))
    page = team_summary_text.team_html(team)
    assert page.startswith("<h1>Team workload summary: 5 Oct 2026 – 1 Nov 2026</h1>")
    assert "&lt;b&gt;chat|app&lt;/b&gt;" in page and "<b>" not in page
    assert '<table border="1"' in page
    markdown = team_summary_text.team_markdown(team)
    assert "| <b>chat\\|app</b> | 3 |" in markdown
