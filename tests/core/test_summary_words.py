"""The words of summaries and cards: a count takes the right plural ("1 end-of-day reflection",
"2 end-of-day reflections") and labels come from the vocabulary, never raw ids."""

from __future__ import annotations

from pathlib import Path

from tests.core.test_team_summary import team_of
from tests.summary_fixture import NOW, PERIOD, fill
from wellbeing_app.core.reports import team_formats
from wellbeing_app.core.reports.counts import counted
from wellbeing_app.core.reports.findings import key_findings
from wellbeing_app.core.reports.formats import SEVERITY_HEADING, render_text
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.vocabulary import (
    CATEGORY_LABELS,
    SEVERITY_HINTS,
    SOURCE_LABELS,
    IncidentCategory,
    PingSource,
)
from wellbeing_app.core.workload.aggregate import compared
from wellbeing_app.core.workload.loads import Totals


def test_counted_says_one_and_many() -> None:
    assert counted(1, "end-of-day reflection") == "1 end-of-day reflection"
    assert counted(2, "end-of-day reflection") == "2 end-of-day reflections"
    assert counted(0, "day") == "0 days"
    assert counted(1, "person", "people") == "1 person"
    assert counted(1200, "person", "people") == "1,200 people"


def wellbeing_line(db: Database, reflections: int) -> str:
    fill(db)
    with db.read() as session:
        current, previous = compared(session, PERIOD, "Europe/Berlin", NOW)
    document = build_summary(current, previous, SummaryOptions(include_wellbeing=True), NOW)
    document["wellbeing"]["reflection_days"] = reflections
    markdown = render_text(document, "md")
    return next(line for line in markdown.splitlines() if line.startswith("- Mood averaged"))


def test_one_reflection_is_one_reflection(db: Database) -> None:
    assert wellbeing_line(db, 1).endswith(" over 1 end-of-day reflection.")


def test_two_reflections_are_reflections(db: Database) -> None:
    assert wellbeing_line(db, 2).endswith(" over 2 end-of-day reflections.")


def test_findings_count_one_workday_and_one_day_off() -> None:
    one = Totals(workdays=1, evenings_with_contact=1, days_off=1, days_off_with_contact=0)
    assert key_findings(one, one)[-1] == (
        "Work reached me after hours on 1 of 1 workday and on 0 of 1 day off."
    )
    many = Totals(workdays=5, evenings_with_contact=2, days_off=2, days_off_with_contact=1)
    assert key_findings(many, many)[-1] == (
        "Work reached me after hours on 2 of 5 workdays and on 1 of 2 days off."
    )


def test_a_team_of_one_day_says_day(tmp_path: Path) -> None:
    document = team_of(tmp_path, 5)
    document["period"]["days"] = 1
    assert "5 people, 1 day, compared with" in team_formats.team_markdown(document)


def test_the_summary_uses_the_vocabulary_labels(db: Database) -> None:
    fill(db)
    with db.read() as session:
        current, previous = compared(session, PERIOD, "Europe/Berlin", NOW)
    current.by_source.update({PingSource.SOCIAL_DM: 2})
    current.incidents_by_category.update({IncidentCategory.CUSTOMER_ESCALATION: 1})
    document = build_summary(current, previous, SummaryOptions(), NOW)
    markdown = render_text(document, "md")
    assert f"| {SOURCE_LABELS[PingSource.SOCIAL_DM]} | 2 |" in markdown
    assert f"| {CATEGORY_LABELS[IncidentCategory.CUSTOMER_ESCALATION]} | 1 |" in markdown
    assert "social_dm" not in markdown.split("## After-hours pings by source")[1]
    assert f"## {SEVERITY_HEADING}" in markdown
    assert SEVERITY_HEADING.endswith(f"(1 {SEVERITY_HINTS[1]} – 5 {SEVERITY_HINTS[5]})")
