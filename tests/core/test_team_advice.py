"""The team roll-up of incidents after decisions made against a member's advice: summed only
from the members whose summaries include it, saying how many did, and shown only when at least
--min-group of them did (else withheld, saying why); the member's figure checked like any count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.core.test_team_summary import member_document, write_members
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.reports import team_formats
from wellbeing_app.core.reports.team import team_summary

KEY = "incidents_against_advice"
SAID = "Incidents after decisions the team advised against"


def including(document: dict[str, Any], now: Any, before: Any = 0) -> dict[str, Any]:
    """``document`` as its maker would have made it with --include-advice."""
    document["totals"][KEY] = now
    document["previous"][KEY] = before
    for week in document["weeks"]:
        week[KEY] = 0
    return document


def members(tmp_path: Path, included: int, size: int = 7) -> list[str]:
    """``size`` members, the first ``included`` of them with n + 1 such incidents (1 before)."""
    documents = [member_document(n) for n in range(size)]
    for n in range(included):
        including(documents[n], n + 1, 1)
    return write_members(tmp_path, documents)


def test_the_sum_comes_from_the_members_who_included_it(tmp_path: Path) -> None:
    team = team_summary(members(tmp_path, 5))
    assert team["totals"][KEY] == 15  # 1 + 2 + 3 + 4 + 5
    assert team["previous"][KEY] == 5
    assert KEY not in team["averages"]  # per person would count those who left it out
    assert (
        team["incidents_against_advice_members"],
        team["incidents_against_advice_withheld"],
    ) == (
        5,
        None,
    )
    sentence = f"{SAID}: 15 (from the 5 of 7 members who included it; previous period: 5)."
    assert sentence in team_formats.team_markdown(team)
    assert sentence in team_formats.team_html(team)
    assert all(KEY not in week for week in team["breakdowns"]["weeks"])


@pytest.mark.parametrize(("size", "min_group"), [(7, 5), (9, 6)])
def test_fewer_than_the_minimum_group_including_it_withholds_the_sum(
    tmp_path: Path, size: int, min_group: int
) -> None:
    included = min_group - 1
    team = team_summary(members(tmp_path, included, size), min_group)
    assert KEY not in team["totals"] and KEY not in team["previous"]
    assert team["incidents_against_advice_members"] == included
    why = (
        f"{SAID} are shown only when at least {min_group} members include them in their "
        f"summaries; {included} of {size} did."
    )
    assert team["incidents_against_advice_withheld"] == why
    for text in (team_formats.team_markdown(team), team_formats.render_text(team, "json")):
        assert why in text
        assert f"{SAID}:" not in text


def test_when_no_member_included_it_nothing_is_said(tmp_path: Path) -> None:
    team = team_summary(members(tmp_path, 0))
    assert KEY not in team["totals"]
    assert team["incidents_against_advice_members"] == 0
    assert team["incidents_against_advice_withheld"] is None
    assert "advised against" not in team_formats.team_markdown(team)


def broken(tmp_path: Path, spoil: Any) -> ValidationError:
    documents = [including(member_document(n), 2, 1) for n in range(5)]
    spoil(documents[3])
    paths = write_members(tmp_path, documents)
    with pytest.raises(ValidationError) as caught:
        team_summary(paths)
    assert caught.value.field == paths[3]
    return caught.value


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda d: d["totals"].update({KEY: -1}),
            f"totals.{KEY} must be a whole number of at least 0, got -1",
        ),
        (
            lambda d: d["totals"].update({KEY: True}),
            f"totals.{KEY} must be a whole number of at least 0, got true",
        ),
        (
            lambda d: d["previous"].update({KEY: "3"}),
            f'previous.{KEY} must be a whole number of at least 0, got "3"',
        ),
        (
            lambda d: d["totals"].update({KEY: 99}),
            f"totals.{KEY} is 99, more than the 6 totals.incidents",
        ),
        (lambda d: d["previous"].pop(KEY), f"previous.{KEY} is missing"),
        (
            lambda d: d["totals"].pop(KEY),
            f"previous.{KEY} is given, but totals.{KEY} is not",
        ),
        (
            lambda d: d["weeks"][0].update({KEY: 1.5}),
            f"weeks[0].{KEY} must be a whole number of at least 0, got 1.5",
        ),
    ],
    ids=["negative", "true", "text", "more than incidents", "no previous", "no totals", "week"],
)
def test_a_members_figure_is_checked_like_any_count(
    tmp_path: Path, spoil: Any, message: str
) -> None:
    assert broken(tmp_path, spoil).message == message
