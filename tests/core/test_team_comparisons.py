"""Team changes are stated only where every member's previous period can speak for them: one
member's summary without earlier data stops the change column; one member without working
hours all through the previous period stops the after-hours changes; files from before these
keys existed compare as they always did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.core.test_team_summary import member_document, write_members
from wellbeing_app.core.reports import team_formats
from wellbeing_app.core.reports.team import merge, read_members

HOURS_ROW = "| Hours worked | 776.25 h | 155.25 h | 702.50 h | {} |"
PINGS_ROW = "| After-hours pings | 60 | 12.00 | 40 | {} |"


def team_markdown_of(tmp_path: Path, documents: list[dict[str, Any]]) -> tuple[Any, str]:
    team = merge(read_members(write_members(tmp_path, documents)))
    return team, team_formats.team_markdown(team)


def test_members_files_from_before_the_comparison_keys_still_merge(tmp_path: Path) -> None:
    """A summary made before ``previous_has_data``, ``working_hours_set_from`` and
    ``days_judged`` existed compares as it always did."""
    documents = [member_document(n) for n in range(5)]
    for document in documents[:3]:
        for key in ("previous_has_data", "working_hours_set_from", "days_judged"):
            del document[key]
    team, markdown = team_markdown_of(tmp_path, documents)
    assert (team["previous_has_data"], team["previous_working_hours_set"]) == (True, True)
    assert HOURS_ROW.format("+73.75 h") in markdown
    assert list(team)[-4:] == [
        "previous_has_data",
        "previous_working_hours_set",
        "incidents_against_advice_members",  # added later still
        "incidents_against_advice_withheld",
    ]
    assert PINGS_ROW.format("+20") in markdown


def test_one_member_without_earlier_data_means_no_team_change_is_stated(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(5)]
    documents[4]["previous_has_data"] = False  # a newcomer: their zeros are not a baseline
    team, markdown = team_markdown_of(tmp_path, documents)
    assert team["previous_has_data"] is False
    # The sums stay as the members' files give them; only the change is not stated.
    assert team["previous"]["hours_worked"] == 702.5
    assert HOURS_ROW.format("no earlier data") in markdown
    assert PINGS_ROW.format("no earlier data") in markdown
    assert "At least one member's summary holds no earlier data" in markdown
    assert " +" not in markdown.split("## Totals")[1].split("## ")[0]


def test_after_hours_figures_compare_only_when_everyone_had_working_hours(tmp_path: Path) -> None:
    documents = [member_document(n) for n in range(5)]
    documents[2]["working_hours_set_from"] = "2026-09-20"  # within the previous period
    team, markdown = team_markdown_of(tmp_path, documents)
    assert (team["previous_has_data"], team["previous_working_hours_set"]) == (True, False)
    assert HOURS_ROW.format("+73.75 h") in markdown
    assert PINGS_ROW.format("working hours not set then") in markdown
    assert "after-hours figures are not compared" in markdown


@pytest.mark.parametrize(("value", "judged"), [(None, False), ("2026-09-07", True)])
def test_working_hours_never_set_or_set_on_the_previous_periods_first_day(
    tmp_path: Path, value: str | None, judged: bool
) -> None:
    documents = [member_document(n) for n in range(5)]
    documents[2]["working_hours_set_from"] = value
    team, _ = team_markdown_of(tmp_path, documents)
    assert team["previous_working_hours_set"] is judged
