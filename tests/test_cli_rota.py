"""``schedule rota``: dated working windows typed at the command line, shown by ``schedule
show``, and followed by the figures a summary gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import Cli


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


WEEKDAYS = ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
            "--from", "2026-10-05"]  # fmt: skip


def test_adding_a_night_says_its_real_length_and_shows_in_the_schedule(cli: Cli) -> None:
    cli.ok(*WEEKDAYS)
    reply = cli.ok("schedule", "rota", "add", "2026-11-21", "22:00", "06:00")
    assert reply == (
        "Rota: Sat 2026-11-21 22:00-06:00 (ending the next day), 8 h 00 min, Europe/Berlin. "
        "It replaces the weekly pattern on that date."
    )
    shown = json.loads(cli.ok("schedule", "show", "--json"))
    assert shown["rota"] == [
        {
            "id": 1,
            "date": "2026-11-21",
            "start": "2026-11-21T22:00:00+01:00",
            "end": "2026-11-22T06:00:00+01:00",
            "zone": "Europe/Berlin",
            "batch": None,
        }
    ]
    assert "Rota 2026-11-21: 22:00-06:00 (Europe/Berlin)" in cli.ok("schedule", "show")


def test_the_spring_forward_night_is_seven_hours(cli: Cli) -> None:
    reply = cli.ok("schedule", "rota", "add", "2026-03-28", "22:00", "06:00")
    assert "7 h 00 min" in reply


def test_past_rota_days_are_not_listed_as_upcoming(cli: Cli) -> None:
    cli.ok("schedule", "rota", "add", "2026-11-01", "10:00", "12:00")  # before NOW's today
    assert json.loads(cli.ok("schedule", "show", "--json"))["rota"] == []


def test_clearing_a_range_says_how_many_and_what_applies_again(cli: Cli) -> None:
    cli.ok("schedule", "rota", "add", "2026-11-16", "13:00", "21:00")
    cli.ok("schedule", "rota", "add", "2026-11-17", "13:00", "21:00")
    assert cli.ok("schedule", "rota", "clear", "2026-11-16..2026-11-30") == (
        "Removed 2 rota windows on 2026-11-16 to 2026-11-30; the weekly pattern applies."
    )
    assert cli.ok("schedule", "rota", "clear", "2026-11-16") == (
        "No rota windows on 2026-11-16; nothing changed."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-11-21", "22:00", "22:00"], "END: must differ"),
        (["2026-11-31", "10:00", "12:00"], "DATE"),
        (["2026-11-21", "25:00", "12:00"], "START"),
        (["2026-11-21", "10:00"], "END"),
        (["1969-12-31", "10:00", "12:00"], "DATE"),
    ],
)
def test_bad_windows_are_refused_and_nothing_is_stored(
    cli: Cli, args: list[str], message: str
) -> None:
    result = cli.run("schedule", "rota", "add", *args)
    assert result.returncode == 2
    assert message.split(":")[0] in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(cli.ok("schedule", "show", "--json"))["rota"] == []


def test_an_overlapping_window_is_refused_naming_the_day_it_meets(cli: Cli) -> None:
    cli.ok("schedule", "rota", "add", "2026-11-21", "22:00", "06:00")
    result = cli.run("schedule", "rota", "add", "2026-11-22", "05:00", "09:00")
    assert result.returncode == 2
    assert "overlaps the rota window of 2026-11-21" in result.stderr


def test_a_summary_judges_pings_against_the_rota(cli: Cli) -> None:
    """Week of 2026-11-09: Mon-Fri 09-17, but the rota moves Wednesday to 13:00-21:00 and plans
    Saturday 10:00-14:00. A ping at 10:00 on Wednesday is then after hours, one at 20:00 is not;
    one on Saturday at 11:00 is in working hours, and Saturday becomes a workday."""
    cli.ok(*WEEKDAYS)
    week = ["--from", "2026-11-09", "--to", "2026-11-15"]
    for at in ("2026-11-11T10:00", "2026-11-11T20:00", "2026-11-14T11:00"):
        cli.ok("log", "ping", "--source", "slack", "--at", at)
    before = json.loads(cli.ok("summary", "--format", "json", *week))["totals"]
    cli.ok("schedule", "rota", "add", "2026-11-11", "13:00", "21:00")
    cli.ok("schedule", "rota", "add", "2026-11-14", "10:00", "14:00")
    after = json.loads(cli.ok("summary", "--format", "json", *week))["totals"]
    assert (before["after_hours_pings"], after["after_hours_pings"]) == (2, 1)
    assert (before["workdays"], after["workdays"]) == (5, 6)
    assert (before["days_off"], after["days_off"]) == (2, 1)
    assert (before["hours_scheduled"], after["hours_scheduled"]) == (40, 44)
    listed = json.loads(cli.ok("list", "pings", "--json"))
    assert [p["after_hours"] for p in listed] == [True, False, False]


def test_reminders_follow_a_rota_day(cli: Cli) -> None:
    cli.ok(*WEEKDAYS)
    cli.ok("schedule", "rota", "add", "2026-11-21", "10:00", "14:00")  # a Saturday
    planned = json.loads(cli.ok("reminders", "--now", "2026-11-21T08:00", "--json"))
    at = {r["kind"]: r["at"] for r in planned}
    assert at["wrap_up"] == "2026-11-21T13:45:00+01:00"
    assert at["end_of_shift"] == "2026-11-21T14:00:00+01:00"
    cli.ok("schedule", "rota", "add", "2026-11-23", "13:00", "21:00")  # a Monday, moved late
    monday = json.loads(cli.ok("reminders", "--now", "2026-11-23T08:00", "--json"))
    assert {r["kind"]: r["at"] for r in monday}["end_of_shift"] == "2026-11-23T21:00:00+01:00"
